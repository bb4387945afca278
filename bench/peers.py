#!/usr/bin/python3
"""The report's centralities computed by a peer library, for bench/run.

usage: peers.py LIB GRAPH.json > metrics.csv     LIB: networkx, igraph, graph-tool

GRAPH.json is actorgraph's normalised JSON (`actorgraph export --format
json`), where every default is written out. Each peer builds actorgraph's tie
graph the same way (docs/analysis.md): directed, cooperative relations only,
a mutual relation in both directions, the strongest relation per ordered
pair, no self-loops; distances are 1/weight. It then computes what `report`
does: in/out strength, betweenness (normalised by (n-1)(n-2)), closeness
and harmonic centrality on outgoing distances (harmonic over n-1), PageRank
(0.85), eigenvector centrality and HITS hubs and authorities (each scaled to
a maximum of 1). The CSV has actorgraph's column names, so
tests/reference/compare.py checks the values agree before any time counts.
The whole process is what bench/run times: start, load, compute, write.
"""

import csv
import json
import sys

COLUMNS = ["id", "in_strength", "out_strength", "betweenness", "closeness", "harmonic",
           "pagerank", "eigenvector", "hub", "authority"]


def tie_graph(path):
    """Actor ids, and the tie graph as {(u, v): weight} on actor indices."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    ids = [a["id"] for a in doc["actors"]]
    idx = {a: i for i, a in enumerate(ids)}
    ties = {}
    for r in doc["relations"]:
        if r["sign"] != 1:
            continue
        u, v, w = idx[r["source"]], idx[r["target"]], float(r["weight"])
        for a, b in ((u, v), (v, u)) if r["mutual"] else ((u, v),):
            if a != b and w > ties.get((a, b), 0.0):
                ties[(a, b)] = w
    return ids, sorted(ties.items())


def scaled(x):
    top = max(x) if x else 0.0
    if top <= 0:
        low = min(x) if x else 0.0
        if low < 0:
            x, top = [-v for v in x], -low
    return [v / top if top > 0 else 0.0 for v in x]


def with_networkx(n, ties):
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    for (u, v), w in ties:
        g.add_edge(u, v, weight=w, dist=1.0 / w)
    gr = g.reverse(copy=True)
    bc = nx.betweenness_centrality(g, weight="dist", normalized=True)
    cl = nx.closeness_centrality(gr, distance="dist", wf_improved=False)
    hc = nx.harmonic_centrality(gr, distance="dist")
    pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    ev = nx.eigenvector_centrality_numpy(g, weight="weight")
    hub, auth = nx.hits(g, max_iter=10000, tol=1e-12)
    return {
        "in_strength": [g.in_degree(v, weight="weight") for v in range(n)],
        "out_strength": [g.out_degree(v, weight="weight") for v in range(n)],
        "betweenness": [bc[v] for v in range(n)],
        "closeness": [cl[v] for v in range(n)],
        "harmonic": [hc[v] / (n - 1) for v in range(n)],
        "pagerank": [pr[v] for v in range(n)],
        "eigenvector": scaled([ev[v] for v in range(n)]),
        "hub": scaled([hub[v] for v in range(n)]),
        "authority": scaled([auth[v] for v in range(n)]),
    }


def with_igraph(n, ties):
    import igraph
    g = igraph.Graph(n=n, edges=[e for e, _ in ties], directed=True)
    w = [x for _, x in ties]
    dist = [1.0 / x for x in w]
    nan0 = lambda xs: [0.0 if x != x else x for x in xs]  # unreachable: nan -> 0
    return {
        "in_strength": g.strength(mode="in", weights=w),
        "out_strength": g.strength(mode="out", weights=w),
        "betweenness": [b / ((n - 1) * (n - 2))
                        for b in g.betweenness(directed=True, weights=dist)],
        "closeness": nan0(g.closeness(mode="out", weights=dist, normalized=True)),
        "harmonic": g.harmonic_centrality(mode="out", weights=dist, normalized=True),
        "pagerank": g.pagerank(weights=w, damping=0.85, directed=True),
        "eigenvector": g.eigenvector_centrality(directed=True, scale=True, weights=w),
        "hub": g.hub_score(weights=w, scale=True),
        "authority": g.authority_score(weights=w, scale=True),
    }


def with_graph_tool(n, ties):
    import graph_tool.all as gt
    g = gt.Graph(directed=True)
    g.add_vertex(n)
    w = g.new_edge_property("double")
    dist = g.new_edge_property("double")
    g.add_edge_list([(u, v, x, 1.0 / x) for (u, v), x in ties], eprops=[w, dist])
    bc, _ = gt.betweenness(g, weight=dist, norm=True)
    cl = gt.closeness(g, weight=dist, norm=True)
    hc = gt.closeness(g, weight=dist, harmonic=True, norm=True)
    pr = gt.pagerank(g, damping=0.85, weight=w, epsilon=1e-12, max_iter=10000)
    _, ev = gt.eigenvector(g, weight=w, epsilon=1e-12, max_iter=10000)
    _, auth, hub = gt.hits(g, weight=w, epsilon=1e-12, max_iter=10000)
    cla = cl.a
    return {
        "in_strength": list(g.get_in_degrees(g.get_vertices(), eweight=w)),
        "out_strength": list(g.get_out_degrees(g.get_vertices(), eweight=w)),
        "betweenness": list(bc.a),
        "closeness": [0.0 if x != x else x for x in cla],
        "harmonic": list(hc.a),
        "pagerank": list(pr.a),
        "eigenvector": scaled(list(ev.a)),
        "hub": scaled(list(hub.a)),
        "authority": scaled(list(auth.a)),
    }


def main(argv):
    peers = {"networkx": with_networkx, "igraph": with_igraph, "graph-tool": with_graph_tool}
    if len(argv) != 3 or argv[1] not in peers:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    ids, ties = tie_graph(argv[2])
    m = peers[argv[1]](len(ids), ties)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(COLUMNS)
    for i, a in enumerate(ids):
        out.writerow([a] + [repr(float(m[c][i])) for c in COLUMNS[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
