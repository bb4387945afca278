#!/usr/bin/python3
"""Independent reference values for `actorgraph report`.

Builds three graphs, writes each as an actorgraph JSON file (<name>.json) and
the metrics networkx/numpy compute for it (<name>.expected.csv), next to this
script.  No arguments; the output is deterministic.  See README.md.

Run with the Debian interpreter (/usr/bin/python3), which sees the Debian
packages python3-networkx (2.8.x), python3-numpy, python3-scipy and, for the
optional cross-check, python3-igraph.
"""

import csv
import json
import os
import sys
import warnings

import networkx as nx
import numpy as np

# networkx 2.8 FutureWarning (adjacency_matrix) and igraph's note on weighted
# directed eigenvector centrality are noise here.
warnings.simplefilter("ignore", FutureWarning)
warnings.filterwarnings("ignore", message="Weighted directed graph in eigenvector")

HERE = os.path.dirname(os.path.abspath(__file__))

COLUMNS = ["id", "in_degree", "out_degree", "in_strength", "out_strength",
           "pos_degree", "neg_degree", "betweenness", "closeness", "harmonic",
           "pagerank", "eigenvector", "hub", "authority", "pn"]

# Agreement demanded between the different routes to one value.
CHECK_TOL = 1e-9

failures = []


def check(what, diff, tol=CHECK_TOL):
    status = "ok" if diff <= tol else "FAIL"
    print(f"  {status:4} {what}: max |diff| = {diff:.3g}")
    if diff > tol:
        failures.append(what)


# ---------------------------------------------------------------- graphs

def florentine():
    g = nx.florentine_families_graph()
    ids = sorted(g.nodes())
    edges = sorted(tuple(sorted(e)) for e in g.edges())
    actors = [{"id": a, "name": a, "kind": "group"} for a in ids]
    relations = [{"source": u, "target": v, "type": "tie", "sign": 1,
                  "weight": 1, "mutual": True} for u, v in edges]
    return {"actorgraph": 1,
            "title": "Florentine families (Padgett; networkx florentine_families_graph)",
            "description": "Marriage ties between Renaissance Florentine families, "
                           "as in networkx 2.8 (15 families; Pucci, isolated, is absent). "
                           "Unweighted and undirected: every relation is mutual, weight 1.",
            "actors": actors, "relations": relations}


def karate():
    g = nx.karate_club_graph()
    nodes = sorted(g.nodes())
    actors = [{"id": f"n{v}", "name": f"Member {v}", "kind": "person",
               "attributes": {"club": g.nodes[v]["club"]}} for v in nodes]
    edges = sorted(tuple(sorted(e)) for e in g.edges())
    # networkx 2.8 stores interaction counts as edge weights; they are ignored.
    relations = [{"source": f"n{u}", "target": f"n{v}", "type": "tie", "sign": 1,
                  "weight": 1, "mutual": True} for u, v in edges]
    return {"actorgraph": 1,
            "title": "Zachary's karate club (networkx karate_club_graph)",
            "description": "34 members, 78 friendship ties. Unweighted and undirected "
                           "(edge weights of networkx 2.8 ignored): every relation is "
                           "mutual, weight 1. Actor nK is networkx node K.",
            "actors": actors, "relations": relations}


def rel(s, t, typ, sign, w, mutual):
    return {"source": s, "target": t, "type": typ, "sign": sign,
            "weight": w, "mutual": mutual}


def weighted_directed():
    ids = list("ABCDEFGHI")
    actors = [{"id": a, "name": f"Actor {a}", "kind": "other"} for a in ids]
    relations = [
        # positive, one-way unless noted
        rel("A", "B", "tie", 1, 1.0, False),
        rel("B", "A", "tie", 1, 0.4, False),      # reverse direction, other weight
        rel("B", "C", "tie", 1, 0.5, False),
        rel("C", "A", "tie", 1, 0.25, False),
        rel("A", "D", "tie", 1, 0.8, True),       # mutual
        rel("D", "E", "tie", 1, 0.1, False),
        rel("E", "F", "tie", 1, 0.6, False),
        rel("F", "D", "tie", 1, 0.9, False),
        rel("C", "G", "tie", 1, 0.7, False),
        rel("G", "H", "tie", 1, 0.3, True),       # mutual
        rel("H", "I", "tie", 1, 1.0, False),
        rel("I", "A", "tie", 1, 0.45, False),
        rel("B", "E", "tie", 1, 0.2, False),      # two positive relations on B->E:
        rel("B", "E", "support", 1, 0.65, False), #   G+ keeps the maximum, 0.65
        rel("F", "C", "tie", 1, 0.35, False),
        rel("E", "I", "tie", 1, 0.15, True),      # mutual
        # negative: not in G+
        rel("A", "F", "rivalry", -1, 0.7, False),   # A-F: -0.7
        rel("C", "B", "rivalry", -1, 0.9, False),   # B-C: +0.5 - 0.9 = -0.4 (< 0)
        rel("H", "G", "rivalry", -1, 0.2, False),   # G-H: +0.3 (mutual, once) - 0.2 = +0.1 (> 0)
        rel("I", "E", "rivalry", -1, 0.25, False),  # E-I: +0.15 (once) - 0.25 = -0.1 (< 0;
                                                    #   would be +0.05 if mutual counted twice)
        rel("C", "I", "rivalry", -1, 1.0, True),    # C-I: -1.0, mutual negative
    ]
    return {"actorgraph": 1,
            "title": "Weighted directed reference graph",
            "description": "Hand-made, strongly connected positive graph with one-way and "
                           "mutual relations, two relations on B->E (0.2 and 0.65), and "
                           "negative relations that only enter the signed metrics.",
            "actors": actors, "relations": relations}


# ---------------------------------------------------------------- metrics

def positive_graph(doc):
    """G+: directed, sign +1 only, mutual adds the reverse edge, parallel
    relations on one ordered pair keep the maximum weight, no self-loops."""
    g = nx.DiGraph()
    g.add_nodes_from(a["id"] for a in doc["actors"])
    for r in doc["relations"]:
        if r["sign"] != 1:
            continue
        w = float(r["weight"])
        pairs = [(r["source"], r["target"])]
        if r["mutual"]:
            pairs.append((r["target"], r["source"]))
        for u, v in pairs:
            if u == v:
                continue
            if g.has_edge(u, v):
                w0 = g[u][v]["weight"]
                if w > w0:
                    g[u][v]["weight"] = w
            else:
                g.add_edge(u, v, weight=w)
    for u, v, d in g.edges(data=True):
        d["dist"] = 1.0 / d["weight"]
    return g


def signed_pairs(doc):
    """s(u,v) over every relation, undirected, each relation once."""
    s = {}
    for r in doc["relations"]:
        u, v = r["source"], r["target"]
        if u == v:
            continue
        key = frozenset((u, v))
        s[key] = s.get(key, 0.0) + r["sign"] * float(r["weight"])
    return s


def scaled_max(x):
    x = np.asarray(x, dtype=float)
    if x.sum() < 0:
        x = -x
    return x / x.max()


def principal_eigvec_sym(M):
    vals, vecs = np.linalg.eigh(M)
    order = np.argsort(vals)
    gap = vals[order[-1]] - vals[order[-2]]
    return vecs[:, order[-1]], vals[order[-1]], gap


def unique_shortest_paths(g, ids, rel_tol=1e-9):
    """True when every shortest path (distance 1/w) is unique: for each source
    s and reached v != s, exactly one predecessor u has d(s,u)+dist(u,v) within
    rel_tol of d(s,v).  Guards betweenness against float tie-breaking."""
    worst_margin = np.inf
    for s in ids:
        d = nx.single_source_dijkstra_path_length(g, s, weight="dist")
        for v in d:
            if v == s:
                continue
            cands = sorted(d[u] + g[u][v]["dist"] for u in g.predecessors(v) if u in d)
            best = cands[0]
            if len(cands) > 1:
                margin = (cands[1] - best) / best
                worst_margin = min(worst_margin, margin)
                if margin <= rel_tol:
                    return False, margin
    return True, worst_margin


def compute(doc, name):
    ids = [a["id"] for a in doc["actors"]]
    n = len(ids)
    idx = {a: i for i, a in enumerate(ids)}
    g = positive_graph(doc)
    print(f"{name}: n={n}, |E(G+)|={g.number_of_edges()}, "
          f"strongly connected={nx.is_strongly_connected(g)}")

    A = nx.to_numpy_array(g, nodelist=ids, weight="weight")  # A[u,v] = w(u->v)

    m = {a: {} for a in ids}
    for a in ids:
        m[a]["in_degree"] = g.in_degree(a)
        m[a]["out_degree"] = g.out_degree(a)
        m[a]["in_strength"] = sum(d["weight"] for _, _, d in g.in_edges(a, data=True))
        m[a]["out_strength"] = sum(d["weight"] for _, _, d in g.out_edges(a, data=True))

    # signed
    s = signed_pairs(doc)
    P = np.zeros((n, n))
    N = np.zeros((n, n))
    for key, val in s.items():
        u, v = tuple(key)
        i, j = idx[u], idx[v]
        if val > 0:
            P[i, j] = P[j, i] = 1.0
        elif val < 0:
            N[i, j] = N[j, i] = 1.0
    for a in ids:
        m[a]["pos_degree"] = int(P[idx[a]].sum())
        m[a]["neg_degree"] = int(N[idx[a]].sum())
    pn = np.linalg.solve(np.eye(n) - (P - 2 * N) / (2 * n - 2), np.ones(n))
    # check: inverse route
    pn2 = np.linalg.inv(np.eye(n) - (P - 2 * N) / (2 * n - 2)) @ np.ones(n)
    check(f"{name} pn solve vs inverse", float(np.max(np.abs(pn - pn2))))

    # betweenness
    if name == "weighted_directed":
        uniq, margin = unique_shortest_paths(g, ids)
        print(f"  {'ok' if uniq else 'FAIL':4} {name} shortest paths unique "
              f"(smallest relative gap to a 2nd-best path: {margin:.3g})")
        if not uniq:
            failures.append(f"{name} unique shortest paths")
    bc = nx.betweenness_centrality(g, weight="dist", normalized=True)

    # closeness / harmonic, outgoing direction: networkx 2.8 measures
    # distances TO the node, so run it on the reverse graph (see self_check).
    gr = g.reverse(copy=True)
    cl = nx.closeness_centrality(gr, distance="dist", wf_improved=False)
    hc = nx.harmonic_centrality(gr, distance="dist")
    # independent route: Dijkstra from each node on g itself
    dcl, dhc = {}, {}
    for a in ids:
        d = nx.single_source_dijkstra_path_length(g, a, weight="dist")
        others = [x for u, x in d.items() if u != a]
        dcl[a] = len(others) / sum(others) if others else 0.0
        dhc[a] = sum(1.0 / x for x in others) / (n - 1)
    check(f"{name} closeness nx(reverse) vs own Dijkstra",
          max(abs(cl[a] - dcl[a]) for a in ids))
    check(f"{name} harmonic nx(reverse)/(n-1) vs own Dijkstra",
          max(abs(hc[a] / (n - 1) - dhc[a]) for a in ids))

    # pagerank
    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    # independent route: dense linear solve (no dangling nodes here)
    outs = A.sum(axis=1)
    assert np.all(outs > 0), "dangling node: dense PageRank check assumes none"
    T = (A / outs[:, None]).T
    prd = np.linalg.solve(np.eye(n) - 0.85 * T, np.full(n, 0.15 / n))
    prd /= prd.sum()
    check(f"{name} pagerank nx vs dense solve", max(abs(pr[a] - prd[idx[a]]) for a in ids))

    # eigenvector (in-edges / left eigenvector), max = 1
    ev = nx.eigenvector_centrality_numpy(g, weight="weight")
    ev = scaled_max([ev[a] for a in ids])
    vals, vecs = np.linalg.eig(A.T)
    k = int(np.argmax(vals.real))
    evd = scaled_max(vecs[:, k].real)
    srt = np.sort(np.abs(vals))[::-1]
    print(f"  info {name} eigenvector: lambda_max={vals[k].real:.6g}, "
          f"next |lambda|={srt[1]:.6g}")
    check(f"{name} eigenvector nx vs numpy eig(A^T)", float(np.max(np.abs(ev - evd))))

    # HITS, each max = 1
    hv, lh, gh = principal_eigvec_sym(A @ A.T)
    av, la, ga = principal_eigvec_sym(A.T @ A)
    hub = scaled_max(hv)
    auth = scaled_max(av)
    print(f"  info {name} HITS: lambda_max={lh:.6g}, eigengap AA^T={gh:.3g}, A^TA={ga:.3g}")
    nh, na = nx.hits(g, max_iter=100000, tol=1e-13)
    check(f"{name} hub numpy vs nx.hits",
          float(np.max(np.abs(hub - scaled_max([nh[a] for a in ids])))))
    check(f"{name} authority numpy vs nx.hits",
          float(np.max(np.abs(auth - scaled_max([na[a] for a in ids])))))

    for a in ids:
        i = idx[a]
        m[a].update(betweenness=bc[a], closeness=cl[a], harmonic=hc[a] / (n - 1),
                    pagerank=pr[a], eigenvector=ev[i], hub=hub[i], authority=auth[i],
                    pn=pn[i])

    igraph_crosscheck(g, ids, name, m)
    return ids, m


def igraph_crosscheck(g, ids, name, m):
    try:
        import igraph
    except ImportError:
        print(f"  skip {name}: python-igraph not importable, no igraph cross-check")
        return
    n = len(ids)
    idx = {a: i for i, a in enumerate(ids)}
    edges = list(g.edges(data=True))
    ig = igraph.Graph(n=n, edges=[(idx[u], idx[v]) for u, v, _ in edges], directed=True)
    w = [d["weight"] for _, _, d in edges]
    dist = [d["dist"] for _, _, d in edges]
    res = {
        "closeness": ig.closeness(mode="out", weights=dist, normalized=True),
        "betweenness": [b / ((n - 1) * (n - 2))
                        for b in ig.betweenness(directed=True, weights=dist)],
        "harmonic": ig.harmonic_centrality(mode="out", weights=dist, normalized=True),
        "pagerank": ig.pagerank(weights=w, damping=0.85, directed=True),
        # extras, for information
        "eigenvector": ig.eigenvector_centrality(directed=True, scale=True, weights=w),
        "hub": ig.hub_score(weights=w, scale=True),
        "authority": ig.authority_score(weights=w, scale=True),
    }
    print(f"  igraph {igraph.__version__} cross-check, {name}:")
    for metric, vals in res.items():
        vals = [0.0 if (v is None or v != v) else v for v in vals]  # nan -> 0
        diff = max(abs(vals[idx[a]] - m[a][metric]) for a in ids)
        check(f"{name} {metric} igraph vs reference", diff)


# ---------------------------------------------------------------- self-check

def self_check():
    """Direction of networkx 2.8 closeness/harmonic on the path a->b->c."""
    print("self-check, path a->b->c (unit weights):")
    g = nx.DiGraph()
    g.add_edge("a", "b", dist=1.0)
    g.add_edge("b", "c", dist=1.0)
    cg = nx.closeness_centrality(g, distance="dist", wf_improved=False)
    cr = nx.closeness_centrality(g.reverse(), distance="dist", wf_improved=False)
    hg = nx.harmonic_centrality(g, distance="dist")
    hr = nx.harmonic_centrality(g.reverse(), distance="dist")
    fmt = lambda d: ", ".join(f"{k}={d[k]:.6g}" for k in "abc")
    print(f"  nx closeness(G)          : {fmt(cg)}   (distances TO the node)")
    print(f"  nx closeness(G.reverse()): {fmt(cr)}   (distances FROM the node)")
    print(f"  nx harmonic(G)           : {fmt(hg)}   (distances TO the node)")
    print(f"  nx harmonic(G.reverse()) : {fmt(hr)}   (distances FROM the node)")
    ok = (abs(cr["a"] - 2 / 3) < 1e-15 and cr["c"] == 0
          and abs(hr["a"] / 2 - 0.75) < 1e-15 and hr["c"] == 0)
    print(f"  {'ok' if ok else 'FAIL':4} reverse graph gives the outgoing convention: "
          f"closeness(a)=2/(1+2), closeness(c)=0, harmonic(a)=(1+1/2)/2, harmonic(c)=0")
    if not ok:
        failures.append("self-check direction")


# ---------------------------------------------------------------- output

def fmt(v):
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return repr(float(v) + 0.0)  # + 0.0 turns -0.0 into 0.0


def write(name, doc):
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    ids, m = compute(doc, name)
    with open(os.path.join(HERE, name + ".expected.csv"), "w", encoding="utf-8",
              newline="") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(COLUMNS)
        for a in ids:
            wr.writerow([a] + [fmt(m[a][c]) for c in COLUMNS[1:]])


def main():
    print(f"networkx {nx.__version__}, numpy {np.__version__}")
    self_check()
    for name, build in [("florentine", florentine), ("karate", karate),
                        ("weighted_directed", weighted_directed)]:
        write(name, build())
    if failures:
        print("FAILED checks: " + "; ".join(failures))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
