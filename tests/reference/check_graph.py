#!/usr/bin/python3
"""Checks `actorgraph report` and `actorgraph clusters` on any graph file in
actorgraph's JSON format against values computed here with networkx/numpy,
so that the golden outputs of the default graph (tests/cli/report/default.*,
tests/cli/clusters/default.*), which are snapshots of actorgraph's own
output, stay independently checked whenever the graph changes.

Defaults (sign, weight, mutual) of the vocabulary types are read from the
table in docs/format.md, not from the binary. The conventions are those of
make_reference.py (README.md beside this script), whose graph-building
helpers this script reuses.

Checked: every metric of every actor (tolerance |a-e| <= 1e-6 * max(1, |e|))
with the tie graph of each `--ties` choice (positive, negative, all); the
summary (ties, density, reciprocity, components, conflict relations,
balance triangles); for the partition `clusters` reports, its frustration
(count and weight) and the modularity of the cooperative ties.

With selection options after FORMAT.md (--as-of, --from, --to,
--min-confidence, --weigh-confidence, --confidence-weights,
--drop-isolates), the graph is first selected here, by docs/format.md's
"Dates and selections" and docs/analysis.md's confidence factors, and
actorgraph is run with the same options: its selection (ag_select) is
checked through every metric.

usage: check_graph.py ACTORGRAPH GRAPH.json FORMAT.md [SELECTION OPTION]...
Run with the Debian interpreter (/usr/bin/python3); exits 1 on a mismatch.
"""

import itertools
import json
import os
import re
import subprocess
import sys
import warnings

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_reference import (positive_graph, principal_eigvec_sym, scaled_max,  # noqa: E402
                            signed_pairs, unique_shortest_paths)

warnings.simplefilter("ignore", FutureWarning)

TOL = 1e-6
METRICS = ["in_degree", "out_degree", "in_strength", "out_strength", "pos_degree",
           "neg_degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
           "hub", "authority", "pn"]


def vocabulary(format_md):
    """type -> (sign, weight, mutual) from docs/format.md's table."""
    row = re.compile(r"^\| `([a-z_]+)` \| ([+-]1) \| ([0-9.]+) \| (yes|no) \|")
    types = {}
    for line in open(format_md, encoding="utf-8"):
        m = row.match(line)
        if m:
            types[m.group(1)] = (int(m.group(2)), float(m.group(3)), m.group(4) == "yes")
    if not types:
        sys.exit("no relation types found in %s" % format_md)
    return types


def resolve(doc, types):
    """Every relation with its sign, weight and mutual written out, as
    docs/format.md defines the defaults (custom types: weight 0.5, one-way)."""
    out = []
    for r in doc["relations"]:
        sign, weight, mutual = types.get(r["type"], (None, 0.5, False))
        r = dict(r)
        r["sign"] = r.get("sign", sign)
        r["weight"] = r.get("weight", weight)
        r["mutual"] = r.get("mutual", mutual)
        if r["sign"] is None:
            sys.exit("custom type %s without sign" % r["type"])
        out.append(r)
    return dict(doc, relations=out)


TIES = {"positive": lambda sign: sign > 0, "negative": lambda sign: sign < 0,
        "all": lambda sign: True}


def tie_graph(doc, ties):
    """The tie graph of `--ties TIES`: make_reference's G+ built from the
    chosen relations, each taken as cooperative with its |weight|."""
    keep = [dict(r, sign=1) for r in doc["relations"] if TIES[ties](r["sign"])]
    return positive_graph(dict(doc, relations=keep))


def expected_report(doc, ties):
    """Per-actor metrics and the summary; the names of metrics left
    unchecked because the dominant eigenvalue is not simple."""
    ids = [a["id"] for a in doc["actors"]]
    n = len(ids)
    idx = {a: i for i, a in enumerate(ids)}
    g = tie_graph(doc, ties)
    skip = set()
    A = nx.to_numpy_array(g, nodelist=ids, weight="weight")
    m = {a: {} for a in ids}
    for a in ids:
        m[a]["in_degree"] = g.in_degree(a)
        m[a]["out_degree"] = g.out_degree(a)
        m[a]["in_strength"] = sum(d["weight"] for _, _, d in g.in_edges(a, data=True))
        m[a]["out_strength"] = sum(d["weight"] for _, _, d in g.out_edges(a, data=True))

    s = signed_pairs(doc)
    P = np.zeros((n, n))
    N = np.zeros((n, n))
    for key, val in s.items():
        u, v = tuple(key)
        if val > 0:
            P[idx[u], idx[v]] = P[idx[v], idx[u]] = 1.0
        elif val < 0:
            N[idx[u], idx[v]] = N[idx[v], idx[u]] = 1.0
    pn = np.linalg.solve(np.eye(n) - (P - 2 * N) / (2 * n - 2), np.ones(n))

    uniq, margin = unique_shortest_paths(g, ids)
    print("--ties %s: shortest paths unique: %s (smallest relative gap %.3g)"
          % (ties, uniq, margin))
    bc = nx.betweenness_centrality(g, weight="dist", normalized=True)
    gr = g.reverse(copy=True)
    cl = nx.closeness_centrality(gr, distance="dist", wf_improved=False)
    hc = nx.harmonic_centrality(gr, distance="dist")

    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    # second route: dense solve, dangling actors spreading evenly
    outs = A.sum(axis=1)
    T = np.where(outs[:, None] > 0, A / np.where(outs > 0, outs, 1)[:, None], 1.0 / n).T
    prd = np.linalg.solve(np.eye(n) - 0.85 * T, np.full(n, 0.15 / n))
    prd /= prd.sum()
    diff = max(abs(pr[a] - prd[idx[a]]) for a in ids)
    if diff > 1e-9:
        sys.exit("pagerank: networkx and dense solve differ by %.3g" % diff)

    # eigenvector (in-edges), hub and authority: defined only when the
    # dominant eigenvalue is simple; otherwise they are left unchecked.
    vals, vecs = np.linalg.eig(A.T)
    order = np.argsort(-vals.real)
    ev = scaled_max(vecs[:, order[0]].real)
    if vals[order[0]].real - abs(vals[order[1]]) <= 1e-9:
        print("--ties %s: dominant eigenvalue not simple, eigenvector unchecked" % ties)
        skip.add("eigenvector")
    else:
        evn = nx.eigenvector_centrality_numpy(g, weight="weight")
        diff = float(np.max(np.abs(ev - scaled_max([evn[a] for a in ids]))))
        if diff > 1e-9:
            sys.exit("eigenvector: numpy and networkx differ by %.3g" % diff)
    hv, _, gh = principal_eigvec_sym(A @ A.T)
    av, _, ga = principal_eigvec_sym(A.T @ A)
    hub, auth = scaled_max(hv), scaled_max(av)
    if min(gh, ga) <= 1e-9:
        print("--ties %s: HITS eigenvalue not simple, hub and authority unchecked" % ties)
        skip |= {"hub", "authority"}

    for a in ids:
        i = idx[a]
        m[a].update(pos_degree=int(P[i].sum()), neg_degree=int(N[i].sum()),
                    betweenness=bc[a], closeness=cl[a], harmonic=hc[a] / (n - 1),
                    pagerank=pr[a], eigenvector=ev[i], hub=hub[i], authority=auth[i], pn=pn[i])

    n_ties = g.number_of_edges()
    summary = {
        "actors": n,
        "relations": len(doc["relations"]),
        "ties": n_ties,
        "density": n_ties / (n * (n - 1)),
        "reciprocity": nx.overall_reciprocity(g) if n_ties else 0.0,
        "weak_components": nx.number_weakly_connected_components(g),
        "strong_components": nx.number_strongly_connected_components(g),
        "conflict_relations": sum(1 for r in doc["relations"] if r["sign"] < 0),
    }
    summary["conflict_share"] = summary["conflict_relations"] / len(doc["relations"])
    summary["balance"] = balance(s)
    return m, summary, skip


def balance(s):
    """Strict balance over the triangles of the signed pair graph."""
    sign = {k: (1 if v > 0 else -1) for k, v in s.items() if v != 0}
    nodes = sorted({u for k in sign for u in k})
    tri = bal = 0
    for a, b, c in itertools.combinations(nodes, 3):
        ks = [frozenset(p) for p in ((a, b), (b, c), (a, c))]
        if all(k in sign for k in ks):
            tri += 1
            bal += sign[ks[0]] * sign[ks[1]] * sign[ks[2]] > 0
    return {"triangles": tri, "balanced": bal, "index": bal / tri if tri else 1.0}


def first_day(d):
    """The first day a date covers, as YYYYMMDD (2022 -> 20220101)."""
    p = [int(x) for x in d.split("-")]
    return p[0] * 10000 + (p[1] if len(p) > 1 else 1) * 100 + (p[2] if len(p) > 2 else 1)


def last_day(d):
    """The last day a date covers, as YYYYMMDD (2022 -> 20221231; a month
    ends on 31, past every day of it)."""
    p = [int(x) for x in d.split("-")]
    return p[0] * 10000 + (p[1] if len(p) > 1 else 12) * 100 + (p[2] if len(p) > 2 else 31)


def select(doc, opts):
    """The graph restricted as `opts` (actorgraph's selection options) say."""
    rank = {"confirmed": 0, "reported": 1, "speculative": 2}
    lo, hi, least, factors, weigh, drop = -1, 10**9, 2, [1.0, 0.7, 0.4], False, False
    i = 0
    while i < len(opts):
        o = opts[i]
        if o in ("--weigh-confidence", "--drop-isolates"):
            weigh, drop = weigh or o == "--weigh-confidence", drop or o == "--drop-isolates"
            i += 1
            continue
        v = opts[i + 1]
        i += 2
        if o == "--as-of":
            lo, hi = first_day(v), last_day(v)
        elif o == "--from":
            lo = first_day(v)
        elif o == "--to":
            hi = last_day(v)
        elif o == "--min-confidence":
            least = rank[v]
        elif o == "--confidence-weights":
            factors = [float(x) for x in v.split(",")]
        else:
            sys.exit("unknown selection option %s" % o)
    rels = []
    for r in doc["relations"]:
        c = rank[r.get("confidence", "reported")]
        start = first_day(r["start"]) if "start" in r else -1
        end = last_day(r["end"]) if "end" in r else 10**9
        if c > least or start > hi or end < lo:
            continue
        if weigh:
            r = dict(r, weight=max(r["weight"] * factors[c], 1e-9))
        rels.append(r)
    actors = doc["actors"]
    if drop:
        used = {r["source"] for r in rels} | {r["target"] for r in rels}
        actors = [a for a in actors if a["id"] in used]
    return dict(doc, actors=actors, relations=rels)


def close(actual, expected):
    return abs(actual - expected) <= TOL * max(1.0, abs(expected))


def run(binary, *args):
    return json.loads(subprocess.run([binary, *args, "--format", "json"], check=True,
                                     capture_output=True, text=True).stdout)


def main():
    binary, path, format_md = sys.argv[1:4]
    sel = sys.argv[4:]
    doc = select(resolve(json.load(open(path, encoding="utf-8")), vocabulary(format_md)), sel)
    errors = []

    for ties in TIES:
        m, summary, skip = expected_report(doc, ties)
        rep = run(binary, "report", path, "--ties", ties, *sel)
        got = {a["id"]: a for a in rep["actors"]}
        if set(got) != set(m):
            errors.append("actors: report has %s, graph %s" % (sorted(got), sorted(m)))
        for a in m:
            for k in METRICS:
                if k not in skip and a in got and not close(got[a][k], m[a][k]):
                    errors.append("report --ties %s: %s %s: %r, networkx %r"
                                  % (ties, a, k, got[a][k], m[a][k]))
        for k, v in summary.items():
            if k == "balance":
                for kk, vv in v.items():
                    if not close(rep["graph"]["balance"][kk], vv):
                        errors.append("report balance %s: %r, expected %r"
                                      % (kk, rep["graph"]["balance"][kk], vv))
            elif not close(rep["graph"][k], v):
                errors.append("report --ties %s: %s: %r, expected %r"
                              % (ties, k, rep["graph"][k], v))

    # clusters: frustration and modularity of the partition it reports
    cl = run(binary, "clusters", path, *sel)
    memb = cl["membership"]
    s = signed_pairs(doc)
    fr = [(k, v) for k, v in s.items() if v != 0
          and ((v > 0) != (len({memb[u] for u in k}) == 1))]
    if cl["frustration"]["count"] != len(fr):
        errors.append("clusters frustration count %d, expected %d"
                      % (cl["frustration"]["count"], len(fr)))
    if not close(cl["frustration"]["weight"], sum(abs(v) for _, v in fr)):
        errors.append("clusters frustration weight %r, expected %r"
                      % (cl["frustration"]["weight"], sum(abs(v) for _, v in fr)))
    g = positive_graph(doc)
    gu = nx.Graph()
    gu.add_nodes_from(g)
    for u, v, d in g.edges(data=True):
        if not gu.has_edge(u, v) or gu[u][v]["weight"] < d["weight"]:
            gu.add_edge(u, v, weight=d["weight"])
    blocs = [set(b["members"]) for b in cl["blocs"]]
    q = nx.algorithms.community.modularity(gu, blocs, weight="weight")
    if not close(cl["modularity"], q):
        errors.append("clusters modularity %r, networkx %r" % (cl["modularity"], q))
    for kk, vv in balance(s).items():
        if not close(cl["balance"][kk], vv):
            errors.append("clusters balance %s: %r, expected %r" % (kk, cl["balance"][kk], vv))

    if errors:
        sys.exit("\n".join(errors))
    print("ok: %s%s: %d actors x %d metrics x 3 tie graphs, summary, frustration %d, "
          "modularity %.6f" % (os.path.basename(path), " " + " ".join(sel) if sel else "",
                               len(m), len(METRICS), len(fr), q))


if __name__ == "__main__":
    main()
