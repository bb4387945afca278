#!/usr/bin/python3
"""Checks the ambiguity and between-bloc brokerage that `actorgraph report`
and `actorgraph clusters` print against values computed here with networkx,
on the bloc partition actorgraph reports (the partition itself is checked
elsewhere: check_graph.py, check_signed_blocs.py; here it is the given).

Definitions (docs/analysis.md, "Ambiguity and brokerage"):
- ambiguity(v) = (pos_out + neg_in) / (pos + neg), sums of |s(u, v)| over v's
  ties of the signed pair graph: pos_out its positive ties to actors of
  other blocs, neg_in its negative ties inside its bloc; 0 without ties.
- brokerage(v) = sum over blocs B of networkx's
  betweenness_centrality_subset(G, sources=B, targets=V \\ B) on the directed
  tie graph of `--ties T` (distance 1/weight), unnormalised, divided by
  (n-1)(n-2).

For each --ties choice the report's CSV (bloc, ambiguity, brokerage) is
checked, and the clusters CSV (ambiguity, brokerage on the cooperative
ties) for the default method. Tolerance |a-e| <= 1e-9 * max(1, |e|).

usage: check_roles.py ACTORGRAPH GRAPH.json FORMAT.md
Run with the Debian interpreter (/usr/bin/python3); exits 1 on a mismatch.
"""

import csv
import io
import json
import os
import subprocess
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_graph import resolve, tie_graph, vocabulary  # noqa: E402
from make_reference import signed_pairs, unique_shortest_paths  # noqa: E402

TOL = 1e-9


def expected(doc, bloc, ties):
    ids = [a["id"] for a in doc["actors"]]
    n = len(ids)
    tot = {a: 0.0 for a in ids}
    against = {a: 0.0 for a in ids}
    for key, s in signed_pairs(doc).items():
        u, v = tuple(key)
        if s == 0:
            continue
        same = bloc[u] == bloc[v]
        for x in (u, v):
            tot[x] += abs(s)
            if (s > 0 and not same) or (s < 0 and same):
                against[x] += abs(s)
    amb = {a: against[a] / tot[a] if tot[a] > 0 else 0.0 for a in ids}
    g = tie_graph(doc, ties)
    uniq, margin = unique_shortest_paths(g, ids)
    print("--ties %s: shortest paths unique: %s" % (ties, uniq))
    brk = {a: 0.0 for a in ids}
    for b in sorted(set(bloc.values())):
        inside = [a for a in ids if bloc[a] == b]
        outside = [a for a in ids if bloc[a] != b]
        part = nx.betweenness_centrality_subset(g, inside, outside, normalized=False,
                                                weight="dist")
        for a in ids:
            brk[a] += part[a]
    scale = (n - 1) * (n - 2)
    brk = {a: (brk[a] / scale if n >= 3 else 0.0) for a in ids}
    return amb, brk


def run(exe, args):
    out = subprocess.run([exe] + args, capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def compare(what, rows, doc, ties, col_bloc):
    bloc = {r["id"]: r[col_bloc] for r in rows}
    amb, brk = expected(doc, bloc, ties)
    bad = 0
    for r in rows:
        for key, exp in (("ambiguity", amb[r["id"]]), ("brokerage", brk[r["id"]])):
            got = float(r[key])
            if abs(got - exp) > TOL * max(1.0, abs(exp)):
                print("%s: %s %s: actorgraph %r, networkx %r" % (what, r["id"], key, got, exp))
                bad += 1
    print("%s: %d actors checked, %d mismatches" % (what, len(rows), bad))
    return bad


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    exe, path, fmt = sys.argv[1:]
    with open(path, encoding="utf-8") as f:
        doc = resolve(json.load(f), vocabulary(fmt))
    bad = 0
    for ties in ("positive", "negative", "all"):
        rows = run(exe, ["report", path, "--blocs", "--format", "csv", "--ties", ties])
        bad += compare("report --ties " + ties, rows, doc, ties, "bloc")
    rows = run(exe, ["clusters", path, "--format", "csv"])
    bad += compare("clusters", rows, doc, "positive", "bloc")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
