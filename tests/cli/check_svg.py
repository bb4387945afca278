#!/usr/bin/env python3
"""Checks a rendered SVG: it parses as XML, names every actor of the graph in
its text, carries each relation's tooltip with type, confidence and
evidence, and draws the given number of clusters.
usage: check_svg.py SVG GRAPH.json CLUSTERS"""
import json
import sys
import xml.etree.ElementTree as ET

NS = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}


def main():
    svg_path, graph_path, clusters = sys.argv[1], sys.argv[2], int(sys.argv[3])
    root = ET.parse(svg_path).getroot()  # raises on malformed XML
    graph = json.load(open(graph_path, encoding="utf-8"))
    texts = " ".join(t.text or "" for t in root.iter("{%s}text" % NS["svg"]))
    # a long name may be split over several text elements; compare without spaces
    flat = texts.replace(" ", "")
    missing = [a.get("name", a["id"]) for a in graph["actors"]
               if a.get("name", a["id"]).replace(" ", "") not in flat]
    if missing:
        sys.exit("actors not named in the SVG: %r" % missing)
    if graph["title"] not in texts:
        sys.exit("title missing from the SVG")
    titles = [a.get("{%s}title" % NS["xlink"], "") for a in root.iter("{%s}a" % NS["svg"])]
    for i, rel in enumerate(graph["relations"]):
        gid = "relation-r%d" % (i + 1)
        group = root.find(".//svg:g[@id='%s']" % gid, NS)
        if group is None:
            sys.exit("no element for %s" % gid)
        tips = [a.get("{%s}title" % NS["xlink"], "") for a in group.iter("{%s}a" % NS["svg"])]
        want = [rel["type"].replace("_", " "), rel.get("confidence", "reported")]
        for ev in rel.get("evidence", []):
            want.append(ev.get("note", ""))
        if not any(all(w in t for w in want) for t in tips):
            sys.exit("tooltip of %s lacks %r: %r" % (gid, want, tips))
    got = len([g for g in root.iter("{%s}g" % NS["svg"]) if g.get("class") == "cluster"])
    if got != clusters:
        sys.exit("expected %d clusters, found %d" % (clusters, got))
    assert titles  # tooltips exist at all
    print("ok: %d actors, %d relations, %d clusters" %
          (len(graph["actors"]), len(graph["relations"]), got))


main()
