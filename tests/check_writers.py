#!/usr/bin/env python3
"""Checks on what actorgraph writes, independent of its own readers.

  check_writers.py reals BIN GRAPH
      every real in the JSON, GraphML and GML exports reads back to the
      double the input holds, in as few significant digits as Python's
      repr (the shortest text that round-trips) uses.
  check_writers.py extensions BIN GRAPH
      convert picks the output format from each name export gives its
      files (x.node-link.json, x.cyjs, ...) and from .csv, .dot, .gv: the
      file is what export --format (or render, or the CSV writer) writes.
  check_writers.py hostile BIN GRAPH
      text holding control characters, noncharacters, markup, quotes,
      backslashes, Graphviz escapes and character references everywhere:
      the SVG (from the graph and from its DOT) and the GraphML parse as XML
      and show the title and the legend; GraphML (XML parser and networkx)
      and GML (networkx) carry every text, GraphML with the characters XML
      1.0 cannot hold as U+FFFD; the DOT reads back whole (check_roundtrip).
  check_writers.py parallel BIN GRAPH...
      with every engine, the labels of relations on one pair (either
      direction) do not overlap in the layout (Graphviz's JSON: each text
      line's box from its position, width and font size), no relation's
      label is lost, and with dot no two edge labels overlap at all.
"""
import itertools
import os
import tempfile
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def run(bin_, *args):
    r = subprocess.run([bin_, *args], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: actorgraph {' '.join(args)}: exit {r.returncode}: "
                 + r.stderr.decode(errors="replace"))
    return r.stdout.decode("utf-8")


def digits(text):
    """Significant digits of a decimal number's text."""
    mant = re.split(r"[eE]", text.lstrip("+-"))[0].replace(".", "")
    return len(mant.strip("0")) or 1


def check_real(where, text, want):
    got = float(text)
    if got != want:
        sys.exit(f"FAIL: {where}: {text} reads back as {got!r}, not {want!r}")
    if digits(text) != digits(repr(want)):
        sys.exit(f"FAIL: {where}: {text} is not the shortest form ({repr(want)})")


def reals(bin_, graph):
    doc = json.load(open(graph, encoding="utf-8"))
    want_attr = {a["id"]: {k: v for k, v in a.get("attributes", {}).items()
                           if isinstance(v, float)} for a in doc["actors"]}
    want_w = [r["weight"] for r in doc["relations"]]
    n = 0
    for fmt in ("json", "node-link"):
        out = json.loads(run(bin_, "export", graph, "--format", fmt, "-o", "-"),
                         parse_float=str)
        actors = out["actors"] if fmt == "json" else out["nodes"]
        rels = out["relations"] if fmt == "json" else out["links"]
        for a in actors:
            for k, v in want_attr[a["id"]].items():
                check_real(f"{fmt} {a['id']}.{k}", a["attributes"][k], v)
                n += 1
        for r, w in zip(rels, want_w):
            check_real(f"{fmt} weight", r["weight"], w)
            n += 1
    G = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.fromstring(run(bin_, "export", graph, "--format", "graphml", "-o", "-"))
    names = {k.get("id"): k.get("attr.name") for k in root.iter(G + "key")}
    for node in root.iter(G + "node"):
        want = want_attr[node.get("id")]
        for d in node.findall(G + "data"):
            name = names[d.get("key")]
            if name.startswith("attr_") and name[5:] in want:
                check_real(f"graphml {node.get('id')}.{name}", d.text, want[name[5:]])
                n += 1
    ws = [d.text for d in root.iter(G + "data") if names[d.get("key")] == "weight"]
    for t, w in zip(ws, want_w):
        check_real("graphml weight", t, w)
        n += 1
    gml = run(bin_, "export", graph, "--format", "gml", "-o", "-")
    node = None
    for line in gml.splitlines():
        m = re.match(r"\s*(\w+) (.*)$", line)
        if not m:
            continue
        key, val = m.groups()
        if key == "label" and val.startswith('"'):
            node = json.loads(val)
        elif key.startswith("attr_") and node in want_attr and key[5:] in want_attr[node]:
            check_real(f"gml {node}.{key}", val, want_attr[node][key[5:]])
            n += 1
    gw = re.findall(r"^\s*weight (\S+)$", gml, re.M)
    for t, w in zip(gw, want_w):
        check_real("gml weight", t, w)
        n += 1
    expected = 4 * (sum(len(v) for v in want_attr.values()) + len(want_w))
    if n != expected:
        sys.exit(f"FAIL: checked {n} reals, expected {expected}")
    print(f"ok: {n} reals, each shortest and exact")


def extensions(bin_, graph):
    cases = [("x.node-link.json", "node-link"), ("x.cyjs", "cytoscape"),
             ("x.graphology.json", "graphology"), ("x.jgf.json", "jgf"),
             ("x.gv.json", "dot-json"), ("x.json", "json"), ("x.graphml", "graphml"),
             ("x.xml", "graphml"), ("x.gml", "gml"), ("x.dot", "dot"), ("x.gv", "dot"),
             ("x.csv", "csv")]
    with tempfile.TemporaryDirectory() as d:
        for name, fmt in cases:
            path = os.path.join(d, name)
            run(bin_, "convert", graph, path)
            got = open(path, encoding="utf-8").read()
            if fmt == "dot":
                want = run(bin_, "render", graph, "--format", "dot", "-o", "-")
            elif fmt == "csv":
                by_to = os.path.join(d, "to")
                run(bin_, "convert", graph, by_to, "--to", "csv")
                want = open(by_to, encoding="utf-8").read()
                if open(os.path.join(d, "x.actors.csv"), encoding="utf-8").read() != \
                        open(by_to + ".actors.csv", encoding="utf-8").read():
                    sys.exit("FAIL: x.actors.csv differs from --to csv's actors file")
                if not want.startswith("source,target,type,"):
                    sys.exit("FAIL: --to csv: not relations CSV")
            else:
                want = run(bin_, "export", graph, "--format", fmt, "-o", "-")
            if got != want:
                sys.exit(f"FAIL: convert to {name} did not write {fmt}")
            print(f"ok: {name} is {fmt}")
        r = subprocess.run([bin_, "convert", graph, "-", "--to", "csv"], capture_output=True)
        if r.returncode != 1 or r.stdout:
            sys.exit(f"FAIL: convert --to csv to standard output: exit {r.returncode}")
        r = subprocess.run([bin_, "convert", graph, os.path.join(d, "x.unknown")],
                           capture_output=True)
        if r.returncode != 1 or os.path.exists(os.path.join(d, "x.unknown")):
            sys.exit(f"FAIL: convert to an unknown extension: exit {r.returncode}")


def xml_text(s):
    """s as XML 1.0 carries it: forbidden characters as U+FFFD."""
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff"
                   else c for c in s)


def svg_check(path, doc):
    root = ET.parse(path).getroot()  # well-formed, or this raises
    # Graphviz draws a tab as a no-break space
    texts = ["".join(t.itertext()).replace("\xa0", "\t")
             for t in root.iter("{http://www.w3.org/2000/svg}text")]
    # the title's first line, up to a tab (HTML labels collapse blanks)
    title = re.split("[\t\n\r]", xml_text(doc["title"]))[0]
    if not any(title in t for t in texts):
        sys.exit(f"FAIL: {path}: no title {title!r} in {texts[:3]}")
    if "Legend" not in texts:
        sys.exit(f"FAIL: {path}: no legend")
    for a in doc["actors"]:
        name = a.get("name", a["id"])
        if "\n" not in name and "\r" not in name and xml_text(name) not in texts:
            sys.exit(f"FAIL: {path}: actor {a['id']}: {xml_text(name)!r} not drawn")
    # tooltips show names as written (Graphviz unescapes these twice)
    tips = {g.get("id"): x.get("{http://www.w3.org/1999/xlink}title")
            for g in root.iter("{http://www.w3.org/2000/svg}g")
            for x in [g.find("{http://www.w3.org/2000/svg}a")] if x is not None}
    for a in doc["actors"]:
        name = a.get("name", a["id"])
        tip = next((t for k, t in tips.items() if t and k and k.endswith("actor-" + a["id"])), None)
        if not re.search("[\t\n\r]", name) and \
                not (tip or "").startswith(f"{xml_text(name)} ({a['id']})"):
            sys.exit(f"FAIL: {path}: actor {a['id']}: tooltip {tip!r}")
    for r in doc["relations"]:
        lab = r.get("label")
        if lab and "\n" not in lab and xml_text(lab) not in texts:
            sys.exit(f"FAIL: {path}: label {xml_text(lab)!r} not drawn")


def hostile(bin_, graph):
    import networkx as nx
    doc = json.load(open(graph, encoding="utf-8"))
    with tempfile.TemporaryDirectory() as d:
        svg, dot, dot_svg = (os.path.join(d, n) for n in ("g.svg", "g.dot", "d.svg"))
        run(bin_, "render", graph, "-o", svg, "-o", dot)
        svg_check(svg, doc)
        run(bin_, "render", dot, "-o", dot_svg)  # Graphviz parses and draws our DOT
        svg_check(dot_svg, doc)
        print("ok: SVG well-formed, with title, legend, names and labels")

        gml_path, gm_path = os.path.join(d, "g.gml"), os.path.join(d, "g.graphml")
        run(bin_, "export", graph, "--format", "graphml", "-o", gm_path)
        ET.parse(gm_path)
        for fmt, path, clean in (("graphml", gm_path, xml_text), ("gml", None, str)):
            if fmt == "gml":
                run(bin_, "export", graph, "--format", "gml", "-o", gml_path)
                g = nx.read_gml(gml_path, label="label")
            else:
                g = nx.read_graphml(path, force_multigraph=True)
            if g.graph["title"] != clean(doc["title"]) or \
                    g.graph.get("description") != clean(doc["description"]):
                sys.exit(f"FAIL: {fmt}: title or description differs: {g.graph['title']!r}")
            if json.loads(g.graph["sources"]) != doc["sources"]:
                sys.exit(f"FAIL: {fmt}: sources differ")
            for a in doc["actors"]:
                n = g.nodes[a["id"]]
                if n["name"] != clean(a.get("name", a["id"])) or \
                        n.get("group") != (clean(a["group"]) if "group" in a else None):
                    sys.exit(f"FAIL: {fmt}: actor {a['id']}: {n['name']!r}, {n.get('group')!r}")
                for k, v in a.get("attributes", {}).items():
                    got = [val for key, val in n.items()
                           if key.startswith("attr") and (key.endswith(k) or "_" in key)]
                    want = clean(v) if isinstance(v, str) else v
                    if want not in got and json.dumps(v) not in got and \
                            not any(isinstance(x, str) and x.startswith(("[", "{", "t"))
                                    and json.loads(x) == v for x in got):
                        sys.exit(f"FAIL: {fmt}: actor {a['id']} attribute {k!r}: {want!r} not in {got!r}")
            edges = sorted(g.edges(data=True, keys=True), key=lambda e: int(e[2][1:]))
            for r, (_, _, _, e) in zip(doc["relations"], edges):
                if e.get("label") != (clean(r["label"]) if "label" in r else None):
                    sys.exit(f"FAIL: {fmt}: relation label {e.get('label')!r}")
                if json.loads(e["evidence"]) != r.get("evidence", []):
                    sys.exit(f"FAIL: {fmt}: evidence differs: {e['evidence']!r}")
            print(f"ok: {fmt} read by networkx: every text as {fmt} carries it")


def label_boxes(layout):
    """(edge index, pair, text, box) for every line of every edge label."""
    out = []
    for k, e in enumerate(layout.get("edges", [])):
        pair = frozenset((e["tail"], e["head"]))
        size = 9.0
        for op in e.get("_ldraw_", []):
            if op["op"] == "F":
                size = op["size"]
            if op["op"] != "T":
                continue
            x, y = op["pt"]
            w = op["width"]
            x0 = {"c": x - w / 2, "l": x, "r": x - w}[op["align"]]
            out.append((k, pair, op["text"], (x0, y - 0.25 * size, x0 + w, y + 0.85 * size)))
    return out


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def parallel(bin_, *graphs):
    for graph in graphs:
        doc = json.load(open(graph, encoding="utf-8"))
        want = sorted(line for r in doc["relations"]
                      for line in r.get("label", r["type"].replace("_", " ")).split("\n"))
        for engine in ("dot", "neato", "fdp", "sfdp", "circo"):
            layout = json.loads(run(bin_, "export", graph, "--format", "dot-json",
                                    "--engine", engine, "-o", "-"))
            boxes = label_boxes(layout)
            got = sorted(t for _, _, t, _ in boxes)
            if got != want:
                sys.exit(f"FAIL: {graph} {engine}: labels drawn {got}, expected {want}")
            for a, b in itertools.combinations(boxes, 2):
                if a[0] != b[0] and (a[1] == b[1] or engine == "dot") and overlap(a[3], b[3]):
                    sys.exit(f"FAIL: {os.path.basename(graph)} {engine}: labels "
                             f"{a[2]!r} and {b[2]!r} overlap")
            print(f"ok: {os.path.basename(graph)} {engine}: {len(boxes)} label lines apart")


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    {"reals": reals, "extensions": extensions, "hostile": hostile,
     "parallel": parallel}[mode](*args)
