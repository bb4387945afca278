#!/usr/bin/env python3
"""The modularity `actorgraph clusters` reports for each community method
equals networkx's modularity of the same partition of the karate club, and
the modularity methods find a good partition (the best known is 0.4198).
usage: check_modularity.py ACTORGRAPH KARATE_JSON"""
import json
import subprocess
import sys

import networkx as nx

binary, path = sys.argv[1], sys.argv[2]
graph = json.load(open(path, encoding="utf-8"))
G = nx.Graph()
G.add_nodes_from(a["id"] for a in graph["actors"])
G.add_edges_from((r["source"], r["target"]) for r in graph["relations"])
errors = []
for method, floor in (("leiden", 0.41), ("louvain", 0.41), ("walktrap", 0.35), ("infomap", 0.35)):
    out = json.loads(subprocess.run([binary, "clusters", path, "--method", method, "--format",
                                     "json"], check=True, capture_output=True, text=True).stdout)
    blocs = [set(b["members"]) for b in out["blocs"]]
    expected = nx.algorithms.community.modularity(G, blocs)
    if abs(out["modularity"] - expected) > 1e-9:
        errors.append("%s: modularity %.12f, networkx %.12f" % (method, out["modularity"], expected))
    if expected < floor:
        errors.append("%s: modularity %.4f below %.2f" % (method, expected, floor))
    print("%s: %d blocs, modularity %.4f" % (method, len(blocs), expected))
if errors:
    sys.exit("\n".join(errors))
