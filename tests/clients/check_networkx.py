#!/usr/bin/python3
"""Load actorgraph's exports with the real networkx and compare them with the
source graph.

    check_networkx.py ACTORGRAPH GRAPH.json

Exports GRAPH as node-link (key "links" and, with --links-key edges, key
"edges"), GraphML and GML, each once plain and once with --with-metrics
--with-layout, loads each with networkx (node_link_graph, read_graphml,
read_gml) and checks that the loaded graph has the actors and relations of
`actorgraph convert GRAPH.json` (the graph with every default written out):
the same node ids in file order, a MultiDiGraph keeping every parallel
relation, and every actor and relation field. Prints one "ok: ..." line per
export; on the first mismatch prints what differs and exits 1.
"""

import inspect
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter

try:
    import networkx as nx
except ImportError as e:  # a missing client is a failure, never a skip
    sys.exit(f"check_networkx: cannot import networkx ({e}); install python3-networkx")

COUNT_METRICS = ("in_degree", "out_degree", "pos_degree", "neg_degree")
REAL_METRICS = ("in_strength", "out_strength", "betweenness", "closeness", "harmonic",
                "pagerank", "eigenvector", "hub", "authority", "pn")
EDGE_FIELDS = ("type", "sign", "weight", "mutual", "confidence", "start", "end", "label",
               "evidence")


class Mismatch(Exception):
    pass


def fail(where, msg):
    raise Mismatch(f"{where}: {msg}")


# ---- values -----------------------------------------------------------------


def kind_of(v):
    """JSON type of a Python value, telling booleans from numbers."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__


def same(a, b):
    """JSON equality that never takes True for 1 (Python's == does)."""
    if kind_of(a) != kind_of(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def expect(where, got, want):
    if not same(got, want):
        fail(where, f"got {got!r} ({kind_of(got)}), expected {want!r} ({kind_of(want)})")


def expect_type(where, v, types, what):
    if isinstance(v, bool) or not isinstance(v, types):
        fail(where, f"{v!r} is a {type(v).__name__}, expected {what}")


def decode_json_text(where, v):
    if not isinstance(v, str):
        fail(where, f"{v!r} is a {type(v).__name__}, expected JSON text")
    try:
        return json.loads(v)
    except ValueError as e:
        fail(where, f"not JSON text ({e}): {v!r}")


# ---- the graph as actorgraph sees it ----------------------------------------


def run(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise Mismatch(f"{' '.join(argv)} exited {p.returncode}: "
                       f"{p.stderr.decode('utf-8', 'replace').strip()}")
    return p


def flat_types(actors):
    """What flat.c's ag__flat_keys() does: each attribute name with the one type
    all its values share (string, integer, number, boolean; integers mixed
    with reals are numbers), else 'json'."""
    types = {}
    for a in actors:
        for k, v in a["attributes"].items():
            t = kind_of(v)
            if t == "number" and isinstance(v, int):
                t = "integer"
            if t not in ("string", "integer", "number", "boolean"):
                t = "json"
            old = types.get(k, t)
            if {old, t} == {"integer", "number"}:
                t = "number"
            elif old != t:
                t = "json"
            types[k] = t
    return types


def gml_key(name):
    """gml.c's gml_key(): ASCII letters and digits stay, '_' becomes "__",
    any other byte '_' and two hex digits."""
    out = []
    for b in name.encode("utf-8"):
        c = chr(b)
        out.append(c if c.isascii() and c.isalnum() else "__" if c == "_" else "_%02X" % b)
    return "".join(out)


def xml_safe(s):
    """XML 1.0 cannot hold control characters other than tab, newline and
    carriage return, nor U+FFFE and U+FFFF: the GraphML export writes U+FFFD
    for them."""
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff"
                   else c for c in s)


def xml_safe_deep(v):
    """v with xml_safe() applied to every string in it, keys included."""
    if isinstance(v, str):
        return xml_safe(v)
    if isinstance(v, list):
        return [xml_safe_deep(x) for x in v]
    if isinstance(v, dict):
        return {xml_safe(k): xml_safe_deep(x) for k, x in v.items()}
    return v


def relation_id(i, actors):
    """actorgraph names relations r1, r2, ... in file order; an id that an
    actor already has gets a suffix: r3_1, r3_2, ..."""
    taken = {a["id"] for a in actors}
    rid, k = "r%d" % (i + 1), 1
    while rid in taken:
        rid, k = "r%d_%d" % (i + 1, k), k + 1
    return rid


class Source:
    def __init__(self, norm):
        self.title = norm["title"]
        self.description = norm.get("description")
        self.sources = norm.get("sources", [])
        self.actors = norm["actors"]
        self.ids = [a["id"] for a in self.actors]
        self.by_id = {a["id"]: a for a in self.actors}
        # relations are named r1, r2, ... in file order
        self.relations = {relation_id(i, norm["actors"]): r
                          for i, r in enumerate(norm["relations"])}
        self.pairs = Counter((r["source"], r["target"]) for r in norm["relations"])
        self.flat = flat_types(self.actors)
        for a in self.actors:
            for k in ("id", "name", "kind", "attributes"):
                if k not in a:
                    fail("convert output", f"actor {a.get('id')!r} has no {k!r}: "
                         "'actorgraph convert' should write every default")
        for rid, r in self.relations.items():
            for k in ("type", "sign", "weight", "mutual", "confidence", "evidence"):
                if k not in r:
                    fail("convert output", f"relation {rid} has no {k!r}")


# ---- checks shared by every format --------------------------------------------


def check_structure(where, G, src, need_multi=True):
    if not G.is_directed():
        fail(where, f"loaded as {type(G).__name__}, expected a directed graph")
    if need_multi and not G.is_multigraph():
        fail(where, f"loaded as {type(G).__name__}, expected MultiDiGraph")
    if list(G.nodes) != src.ids:
        fail(where, f"nodes {list(G.nodes)!r}, expected {src.ids!r} (file order)")
    if G.number_of_edges() != len(src.relations):
        fail(where, f"{G.number_of_edges()} edges, expected {len(src.relations)}")
    for (u, v), n in src.pairs.items():
        got = G.number_of_edges(u, v)
        if got != n:
            fail(where, f"{got} edges {u} -> {v}, expected {n} (parallel relations lost?)")
    if G.is_multigraph():
        keys = sorted(k for _, _, k in G.edges(keys=True))
        if keys != sorted(src.relations):
            fail(where, f"edge keys {keys!r}, expected the relation ids {sorted(src.relations)!r}")
        for u, v, k in G.edges(keys=True):
            r = src.relations[k]
            if (u, v) != (r["source"], r["target"]):
                fail(where, f"edge {k} goes {u} -> {v}, expected {r['source']} -> {r['target']}")


def edges_by_id(where, G, src):
    """(relation id, edge data) for each edge; edge ids are keys in a
    multigraph and the 'id' attribute otherwise (GraphML read as DiGraph)."""
    if G.is_multigraph():
        return [(k, d) for _, _, k, d in G.edges(keys=True, data=True)]
    out = []
    for _, _, d in G.edges(data=True):
        if "id" not in d:
            fail(where, "edge without an id")
        out.append((d["id"], {k: v for k, v in d.items() if k != "id"}))
    return out


def graphml_empty_strings(got, want, fmt):
    """networkx's GraphML reader drops a <data> element whose text is empty
    (ElementTree gives None, and read_graphml skips None), so an empty string
    cannot survive read_graphml whatever the file says. Forget those fields
    of `want` when got lacks them, and only those."""
    if fmt != "graphml":
        return want
    return {k: v for k, v in want.items() if not (v == "" and k not in got)}


def check_edge(where, got, r, flat):
    """got: the loaded edge's attributes. flat: GraphML/GML, where evidence is
    JSON text, and in GML mutual is 0/1."""
    want = {k: r[k] for k in EDGE_FIELDS if k in r}
    want = graphml_empty_strings(got, want, flat)
    if set(got) != set(want):
        fail(where, f"attributes {sorted(got)}, expected {sorted(want)}")
    for k, w in want.items():
        g = got[k]
        if k == "evidence" and flat:
            g = decode_json_text(f"{where} evidence", g)
        if k == "mutual" and flat == "gml":
            if isinstance(g, bool) or g not in (0, 1):
                fail(f"{where} mutual", f"{g!r}, expected GML integer 0 or 1")
            g = bool(g)
        if k == "sign":
            expect_type(f"{where} sign", g, int, "an integer")
        if k == "weight":
            expect_type(f"{where} weight", g, float, "a float")
        expect(f"{where} {k}", g, w)


def check_metrics(where, d, ref, layout):
    """Metrics, bloc and (with layout) x, y: present, of the right type, and
    equal to those of the node-link export (ref)."""
    for m in COUNT_METRICS + ("bloc",):
        if m not in d:
            fail(where, f"no {m!r} with --with-metrics")
        expect_type(f"{where} {m}", d[m], int, "an integer")
    if d["bloc"] < 1:
        fail(where, f"bloc {d['bloc']} < 1")
    for m in REAL_METRICS:
        if m not in d:
            fail(where, f"no {m!r} with --with-metrics")
        expect_type(f"{where} {m}", d[m], float, "a float")
        if not math.isfinite(d[m]):
            fail(where, f"{m} is {d[m]!r}")
    for m in ("x", "y"):
        if layout:
            if m not in d:
                fail(where, f"no {m!r} with --with-layout")
            expect_type(f"{where} {m}", d[m], float, "a float")
        elif m in d:
            fail(where, f"{m!r} without --with-layout")
    if ref is not None:
        for m in COUNT_METRICS + REAL_METRICS + ("bloc", "x", "y"):
            if m in ref and d.get(m) != ref[m]:
                fail(where, f"{m} = {d.get(m)!r}, but the node-link export says {ref[m]!r}")


def check_graph_attrs(where, graph, src, flat):
    expect(f"{where} graph title", graph.get("title"), src.title)
    if src.description is None:
        if "description" in graph:
            fail(where, f"graph description {graph['description']!r}, the source has none")
    else:
        expect(f"{where} graph description", graph.get("description"), src.description)
    sources = graph.get("sources")
    if flat:
        sources = decode_json_text(f"{where} graph sources", sources)
    expect(f"{where} graph sources", sources, src.sources)


# ---- per format --------------------------------------------------------------

METRIC_KEYS = set(COUNT_METRICS + REAL_METRICS + ("bloc", "x", "y"))


def check_node_link(where, data, G, src, links_key, extras, ref):
    other = "edges" if links_key == "links" else "links"
    if links_key not in data or other in data:
        fail(where, f"top-level keys {sorted(data)}, expected {links_key!r} and no {other!r}")
    if data.get("directed") is not True or data.get("multigraph") is not True:
        fail(where, "'directed' and 'multigraph' should both be true")
    check_structure(where, G, src)
    check_graph_attrs(where, G.graph, src, False)
    for n, d in G.nodes(data=True):
        a = src.by_id[n]
        w = f"{where} node {n}"
        base = {k: v for k, v in d.items() if k not in METRIC_KEYS}
        want = {k: a[k] for k in ("name", "kind", "group", "attributes") if k in a}
        if set(base) != set(want):
            fail(w, f"attributes {sorted(base)}, expected {sorted(want)}")
        for k in want:
            expect(f"{w} {k}", base[k], want[k])
        if extras:
            check_metrics(w, d, ref.get(n) if ref else None, True)
        elif set(d) & METRIC_KEYS:
            fail(w, f"metrics {sorted(set(d) & METRIC_KEYS)} without --with-metrics")
    for rid, d in edges_by_id(where, G, src):
        check_edge(f"{where} edge {rid}", d, src.relations[rid], False)


def check_flat_node(where, d, a, src, fmt):
    """A GraphML or GML node: name, kind, group and the flattened actor
    attributes, decoded and compared with the actor's."""
    base = {k: v for k, v in d.items() if k not in METRIC_KEYS}
    for k in ("name", "kind"):
        expect(f"{where} {k}", base.pop(k, None), a[k])
    if "group" in a:
        expect(f"{where} group", base.pop("group", None), a["group"])
    elif "group" in base:
        fail(where, f"group {base['group']!r}, the actor has none")
    want_keys = {}
    for k, v in a["attributes"].items():
        t = src.flat[k]
        if fmt == "gml":
            name = ("attrjson_" if t in ("json", "boolean") else "attr_") + gml_key(k)
        else:
            name = ("attrjson_" if t == "json" else "attr_") + k
        if name in want_keys:
            fail(where, f"attributes {want_keys[name][0]!r} and {k!r} both travel as {name!r} "
                 f"(networkx loaded {name} = {base.get(name)!r}): one of them is lost")
        want_keys[name] = (k, t, v)
    if fmt == "graphml":  # see graphml_empty_strings()
        want_keys = {n: kv for n, kv in want_keys.items()
                     if not (kv[2] == "" and kv[1] == "string" and n not in base)}
    if set(base) != set(want_keys):
        fail(where, f"attributes {sorted(base)}, expected {sorted(want_keys)}")
    for name, (k, t, v) in want_keys.items():
        g = base[name]
        w = f"{where} attribute {k!r} (as {name})"
        if name.startswith("attrjson_"):
            g = decode_json_text(w, g)
        elif t == "number":
            expect_type(w, g, float, "a float")
        elif t == "integer":
            expect_type(w, g, int, "an int")
        expect(w, g, v)


def check_flat(where, G, src, fmt, extras, ref):
    multi = any(n > 1 for n in src.pairs.values())
    # read_graphml gives a DiGraph when no pair has parallel edges
    check_structure(where, G, src, need_multi=(fmt == "gml" or multi))
    graph = {k: v for k, v in G.graph.items() if k not in ("node_default", "edge_default")}
    check_graph_attrs(where, graph, src, True)
    for n, d in G.nodes(data=True):
        w = f"{where} node {n}"
        check_flat_node(w, d, src.by_id[n], src, fmt)
        if extras:
            check_metrics(w, d, ref.get(n) if ref else None, True)
        elif set(d) & METRIC_KEYS:
            fail(w, f"metrics {sorted(set(d) & METRIC_KEYS)} without --with-metrics")
    for rid, d in edges_by_id(where, G, src):
        check_edge(f"{where} edge {rid}", d, src.relations[rid], fmt)


def load_node_link(data, links_key):
    """networkx >= 3.4 names the key with edges=; 2.8 to 3.3 with link=
    (keyword-only; 2.8 also accepts the deprecated attrs={'link': ...})."""
    params = inspect.signature(nx.node_link_graph).parameters
    if "edges" in params:
        return nx.node_link_graph(data, edges=links_key)
    if "link" in params:
        return nx.node_link_graph(data, link=links_key)
    return nx.node_link_graph(data, attrs={"source": "source", "target": "target", "name": "id",
                                           "key": "key", "link": links_key})


def main(argv):
    if len(argv) != 3:
        print("usage: check_networkx.py ACTORGRAPH GRAPH.json", file=sys.stderr)
        return 2
    exe, graph = argv[1], argv[2]
    name = os.path.basename(graph)
    with tempfile.TemporaryDirectory(prefix="ag-nx-") as tmp:
        try:
            norm_path = os.path.join(tmp, "norm.json")
            run([exe, "convert", graph, norm_path])
            with open(norm_path, encoding="utf-8") as f:
                norm = json.load(f)
            src = Source(norm)
            src_xml = Source(xml_safe_deep(norm))

            def export(fmt, extras, links_key=None):
                tag = fmt + (f"-{links_key}" if links_key else "") + ("-extras" if extras else "")
                path = os.path.join(tmp, f"{tag}.out")
                cmd = [exe, "export", graph, "--format", fmt, "-o", path]
                if extras:
                    cmd += ["--with-metrics", "--with-layout"]
                if links_key:
                    cmd += ["--links-key", links_key]
                run(cmd)
                return path, f"{name} {tag}"

            ref = None  # node-link metrics and layout, for the other formats
            for extras in (False, True):
                for links_key in (None, "edges"):
                    path, where = export("node-link", extras, links_key)
                    with open(path, encoding="utf-8") as f:
                        data = json.load(f)
                    key = links_key or "links"
                    try:
                        G = load_node_link(json.loads(json.dumps(data)), key)
                    except Exception as e:
                        fail(where, f"networkx node_link_graph refused it: {e!r}")
                    if extras and ref is None:
                        ref = {n["id"]: n for n in data["nodes"]}
                    check_node_link(where, data, G, src, key, extras, ref)
                    print(f"ok: {where}: {type(G).__name__}, {G.number_of_nodes()} nodes, "
                          f"{G.number_of_edges()} edges (key {key!r})")
                for fmt in ("graphml", "gml"):
                    path, where = export(fmt, extras)
                    try:
                        if fmt == "graphml":
                            G = nx.read_graphml(path)
                        else:
                            G = nx.read_gml(path, label="label")
                    except Exception as e:
                        fail(where, f"networkx {'read_' + fmt} refused it: {e!r}")
                    check_flat(where, G, src_xml if fmt == "graphml" else src, fmt, extras, ref)
                    print(f"ok: {where}: {type(G).__name__}, {G.number_of_nodes()} nodes, "
                          f"{G.number_of_edges()} edges")
        except Mismatch as e:
            print(f"check_networkx: FAIL: {e}", file=sys.stderr)
            return 1
    print(f"check_networkx: all exports of {name} load in networkx {nx.__version__} and match")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
