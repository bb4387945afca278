#!/bin/sh
# export: default output names under out/, Graphviz JSON with a layout, the
# metrics and layout options, and nothing written on failure.
set -u
bin=$1 tests=$2
small=$tests/cli/render/small.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: export: $*" >&2; exit 1; }
for f in node-link cytoscape graphology jgf graphml gml dot-json json; do
    "$bin" export "$small" --format "$f" || fail "$f"
done
[ "$(ls out | sort | tr '\n' ' ')" = "small.cyjs small.gml small.graphml small.graphology.json small.gv.json small.jgf.json small.json small.node-link.json " ] \
    || fail "unexpected names: $(ls out)"
python3 - out/small.gv.json <<'PY' || fail "dot-json"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
nodes = [o for o in d["objects"] if "pos" in o and o.get("name") != "ag:legend"]
assert {o["name"] for o in nodes} >= {"PRK", "RUS", "UKR", "USA", "NATO", "KJU", "X"}, nodes
assert len(d["edges"]) == 8 and all("pos" in e for e in d["edges"])
PY
"$bin" export "$small" --format node-link --with-metrics --with-layout -o m.json || fail "with options"
python3 - m.json <<'PY' || fail "metrics and layout"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for n in d["nodes"]:
    assert isinstance(n["x"], float) and isinstance(n["y"], float), n
    assert "pagerank" in n and "pn" in n and isinstance(n["bloc"], int), n
assert len({(n["x"], n["y"]) for n in d["nodes"]}) == len(d["nodes"])
PY
# two layouts in one process (positions, then the drawing): under ASan this
# read freed memory in Graphviz's pango plugin while each had its context
"$bin" export "$tests/../graphs/dprk-russia.json" --format dot-json --with-layout -o wl.json \
    || fail "dot-json with layout"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["objects"]) >= 8' wl.json \
    || fail "dot-json with layout: output"
echo keep >keep.json
"$bin" export no-such.json --format gml -o keep.json 2>/dev/null; [ $? = 2 ] || fail "missing input exit"
[ "$(cat keep.json)" = keep ] || fail "output replaced on failure"
"$bin" export "$small" --format gml -o missing/x.gml 2>/dev/null; [ $? = 3 ] || fail "unwritable exit"
"$bin" export "$small" --format xml 2>/dev/null; [ $? = 1 ] || fail "unknown format exit"
exit 0
