#!/usr/bin/python3
"""Checks `actorgraph report --sensitivity` against networkx: for every
relation of GRAPH, removed in turn, the set of the top K actors by PageRank
(damping 0.85, on the tie graph of make_reference.py; values within 1e-9
count as equal, ties by id) is compared with the whole graph's, and the
relations whose removal changes it must be exactly those actorgraph lists
with a pagerank change (docs/analysis.md, "Which conclusions hang on one
relation"). The bloc part is checked by hand in docs/analysis.md.

usage: check_sensitivity.py ACTORGRAPH GRAPH.json FORMAT.md K
Run with the Debian interpreter (/usr/bin/python3); exits 1 on a mismatch.
"""

import json
import os
import subprocess
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_graph import resolve, tie_graph, vocabulary  # noqa: E402


def top(doc, k):
    g = tie_graph(doc, "positive")
    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
    ids = sorted(pr, key=lambda a: (-round(pr[a], 9), a))
    return set(ids[:k])


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    exe, path, fmt, k = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(path, encoding="utf-8") as f:
        doc = resolve(json.load(f), vocabulary(fmt))
    base = top(doc, k)
    expected = []
    for i in range(len(doc["relations"])):
        rest = dict(doc, relations=doc["relations"][:i] + doc["relations"][i + 1:])
        if top(rest, k) != base:
            expected.append("r%d" % (i + 1))
    out = subprocess.run([exe, "report", path, "--sensitivity", "--top", str(k), "--format",
                          "json"], capture_output=True, text=True, check=True).stdout
    got = [c["relation"] for c in json.loads(out)["sensitivity"]["changes"]
           if "pagerank" in c["metrics"]]
    print("networkx: %s\nactorgraph: %s" % (expected, got))
    sys.exit(0 if got == expected else 1)


if __name__ == "__main__":
    main()
