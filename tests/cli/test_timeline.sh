#!/bin/sh
# actorgraph timeline. The expected answers on tests/cli/timeline/blocs.json
# are worked out by hand (years 2000-2003, every relation weight 1 but r7
# and r9, 0.5; r9 speculative):
#   r1 A+B, r2 C+D, r3 A-C, r4 B-C, r5 B-D   2000-2003
#   r6 B+E 2000-2001   r7 A+F 2001   r8 E+D 2002-2003   r9 C-E 2003
# Least frustration: 2000 {A,B,E} {C,D}; 2001 {A,B,E,F} {C,D}; 2002 and
# 2003 {A,B} {C,D,E} (frustration 0, then r9 inside: 1 tie, weight 0.5).
# Matching: 2002's {C,D,E} shares 2 members with bloc 2 and 1 with bloc 1,
# {A,B} 2 with bloc 1, so E moves from bloc 1 to bloc 2. Leaders (positive
# strength inside, ties to the earlier actor): B (2) in {A,B,E} and
# {A,B,E,F} (A 1.5 there), C in {C,D}, A in {A,B}, D (2) in {C,D,E}.
# Triangles: ABC (+--) and BCD (+--) balanced throughout; CDE (++-) in 2003
# is not: index 2/3. pos_degree: 2000 B 2, others 1 (F absent): B rank 1,
# A C D E rank 2; 2001 A B 2 (rank 1), C D E F 1 (rank 3); 2002 D 2 (rank
# 1), A B C E 1 (rank 2).
set -u
bin=$1 tests=$2 case=$3
g=$tests/cli/timeline/blocs.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: timeline $case: $*" >&2; exit 1; }
json() { # json FILE PYTHON-ASSERTIONS: d is the document
    python3 -c "import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
$2" "$1" || fail "$1: $2"
}
# refused ARGS... : exit 1, one line naming the problem, nothing on stdout
refused() {
    want=$1; shift
    "$bin" timeline "$@" >out 2>err; rc=$?
    [ $rc = 1 ] || fail "$* exit $rc, not 1"
    [ -s out ] && fail "$*: wrote output"
    [ "$(wc -l <err)" = 2 ] || fail "$*: not one error line: $(cat err)"
    grep -q "^actorgraph: timeline: .*$want" err || fail "$*: message: $(cat err)"
}

case $case in
text)
    "$bin" timeline "$g" --every year --metric pos_degree --top 3 >out 2>err || fail "exit"
    diff -u "$tests/cli/timeline/year.txt" out || fail "text differs"
    # the graph is valid and warns of nothing: no warning line
    [ -s err ] && fail "stderr: $(cat err)"
    # --min-confidence reported drops r9: 2003 as 2002, no change at all
    "$bin" timeline "$g" --at 2002,2003 --metric pos_degree --min-confidence reported >out ||
        fail "exit"
    grep -q "^2003: 5 actors, 6 relations; balance index 1.000 (2 of 2 triangles balanced); frustration 0 ties" out ||
        fail "confidence: $(cat out)"
    [ "$(grep -c '^  [a-z]*: ' out)" = 2 ] || fail "changes without r9: $(cat out)"
    grep -q "(confirmed and reported only)" out || fail "selection not said"
    ;;
json)
    "$bin" timeline "$g" --every year --metric pos_degree --top 3 -f json >t.json || fail "exit"
    json t.json 's = {x["snapshot"]: x for x in d["snapshots"]}
assert list(s) == ["2000", "2001", "2002", "2003"], list(s)
assert [b["members"] for b in s["2000"]["blocs"]] == [["A", "B", "E"], ["C", "D"]], s["2000"]
assert [(b["bloc"], b["leader"]) for b in s["2001"]["blocs"]] == [(1, "B"), (2, "C")]
assert [(b["bloc"], b["leader"], b["members"]) for b in s["2002"]["blocs"]] == [(1, "A", ["A", "B"]), (2, "D", ["C", "D", "E"])]
b = s["2003"]["balance"]
assert (b["triangles"], b["balanced"]) == (3, 2) and abs(b["index"] - 2 / 3) < 1e-11, b
assert s["2003"]["frustration"] == {"count": 1, "weight": 0.5}, s["2003"]
assert s["2002"]["from"] == "2002" and s["2001"]["actors"] == 6 and s["2000"]["relations"] == 6
r = {(x["snapshot"], x["actor"]): x for x in d["actors"]}
assert len(r) == 24
assert r[("2000", "F")] == {"snapshot": "2000", "actor": "F", "present": False, "bloc": None, "pos_degree": None, "rank": None}
assert r[("2002", "D")] == {"snapshot": "2002", "actor": "D", "present": True, "bloc": 2, "pos_degree": 2, "rank": 1}
c = [(x["snapshot"], x["kind"], x["actor"], x.get("other"), x.get("relation"), x.get("before"), x.get("after")) for x in d["changes"]]
assert c == [("2001", "began", "A", "F", "r7", None, None),
             ("2001", "rank", "A", None, None, 2, 1), ("2001", "rank", "C", None, None, 2, 3),
             ("2001", "rank", "D", None, None, 2, 3),
             ("2002", "began", "E", "D", "r8", None, None), ("2002", "ended", "B", "E", "r6", None, None),
             ("2002", "ended", "A", "F", "r7", None, None), ("2002", "bloc", "E", None, None, 1, 2),
             ("2002", "rank", "D", None, None, 3, 1), ("2002", "rank", "A", None, None, 1, 2),
             ("2002", "rank", "B", None, None, 1, 2),
             ("2003", "began", "C", "E", "r9", None, None)], c
m = d["manifest"]
assert m["command"] == "timeline" and m["options"]["every"] == "year" and m["options"]["metric"] == "pos_degree" and m["seed"] == 1, m
assert "selection" not in m'
    "$bin" timeline "$g" --at 2001 --weigh-confidence -f json >w.json || fail "exit"
    json w.json 'assert len(d["snapshots"]) == 1 and d["changes"] == []
assert d["manifest"]["selection"]["confidence_weights"]["speculative"] == 0.4, d["manifest"]'
    ;;
csv)
    "$bin" timeline "$g" --at 2001,2002 --metric pos_degree -f csv >a.csv || fail "exit"
    cat >want <<'EOT'
snapshot,id,name,present,bloc,bloc_name,pos_degree,rank
2001,A,A,1,1,B,2,1
2001,B,B,1,1,B,2,1
2001,C,C,1,2,C,1,3
2001,D,D,1,2,C,1,3
2001,E,E,1,1,B,1,3
2001,F,F,1,1,B,1,3
2002,A,A,1,1,A,1,2
2002,B,B,1,1,A,1,2
2002,C,C,1,2,D,1,2
2002,D,D,1,2,D,2,1
2002,E,E,1,2,D,1,2
2002,F,F,0,,,,
EOT
    diff -u want a.csv || fail "actors csv"
    "$bin" timeline "$g" --at 2001,2002 --metric pos_degree -f csv --rows changes >c.csv || fail "exit"
    cat >want <<'EOT'
snapshot,kind,actor,other,relation,type,sign,before,after
2002,began,E,D,r8,alliance,+,,
2002,ended,B,E,r6,alliance,+,,
2002,ended,A,F,r7,alliance,+,,
2002,bloc,E,,,,,1,2
2002,rank,D,,,,,3,1
2002,rank,A,,,,,1,2
2002,rank,B,,,,,1,2
2002,rank,C,,,,,3,2
2002,rank,E,,,,,3,2
EOT
    diff -u want c.csv || fail "changes csv"
    ;;
steps)
    # quarters from 2001-11 (its quarter) to 2002 (its last quarter)
    "$bin" timeline "$g" --every quarter --from 2001-11 --to 2002 -f csv --rows changes >q.csv ||
        fail "exit"
    "$bin" timeline "$g" --every quarter --from 2001-11 --to 2002 -f json >q.json || fail "exit"
    json q.json 'assert [s["snapshot"] for s in d["snapshots"]] == ["2001-Q4", "2002-Q1", "2002-Q2", "2002-Q3", "2002-Q4"]
assert [(s["from"], s["to"]) for s in d["snapshots"]][:2] == [("2001-10", "2001-12"), ("2002-01", "2002-03")]
assert {c["snapshot"] for c in d["changes"]} == {"2002-Q1"}, d["changes"]'
    "$bin" timeline "$g" --every month --from 2002-11 --to 2003-02 -f json >m.json || fail "exit"
    json m.json 'assert [s["snapshot"] for s in d["snapshots"]] == ["2002-11", "2002-12", "2003-01", "2003-02"]
assert [c["relation"] for c in d["changes"]] == ["r9"], d["changes"]'
    # without --from/--to: the graph's first start to its last end
    "$bin" timeline "$g" --every year -f json >y.json || fail "exit"
    json y.json 'assert [s["snapshot"] for s in d["snapshots"]] == ["2000", "2001", "2002", "2003"]'
    ;;
errors)
    refused "say when" "$g"
    refused "cannot be combined" "$g" --every year --at 2001
    refused "not year, quarter or month" "$g" --every week
    refused "'20x1' is not a date" "$g" --at 2001,20x1
    refused "2001 comes before 2002; the dates must increase" "$g" --at 2002,2001
    refused "2001 repeats or overlaps 2001" "$g" --at 2001,2001
    refused "2001-05 repeats or overlaps 2001" "$g" --at 2001,2001-05
    refused "--from is after --to" "$g" --every year --from 2003 --to 2001
    refused "no snapshot from --from" "$g" --every year --from 2010
    refused "--as-of selects one date" "$g" --as-of 2001
    refused "--drop-isolates does not apply" "$g" --every year --drop-isolates
    refused "--at takes no --from/--to" "$g" --at 2001 --from 2000
    refused "--from: '20' is not a date" "$g" --every year --from 20
    refused "more than 10000" "$g" --every month --from 1000 --to 2003
    refused "unknown metric 'fame'" "$g" --every year --metric fame
    refused "--rows applies to --format csv only" "$g" --every year --rows changes
    # a graph without dates needs --from and --to
    printf '{"actorgraph": 1, "title": "T", "actors": [{"id": "A"}, {"id": "B"}], "relations": [{"source": "A", "target": "B", "type": "alliance"}]}\n' >nodate.json
    refused "no dated relation" nodate.json --every year
    "$bin" timeline nodate.json --every year --from 2000 --to 2001 >out || fail "undated range"
    grep -q "^2001: 2 actors, 1 relations" out || fail "undated: $(cat out)"
    # invalid input: exit 2, nothing on stdout
    printf '{"actorgraph": 1, "title": "T", "actors": [' >bad.json
    "$bin" timeline bad.json --every year >out 2>err; rc=$?
    [ $rc = 2 ] || fail "bad input exit $rc"
    [ -s out ] && fail "bad input wrote output"
    ;;
cow)
    # The Correlates of War graph (docs/cow.md): what the yearly snapshots
    # show, checked against the docs' account (docs/analysis.md).
    "$bin" timeline "$tests/../graphs/cow.json" --every year -f csv >cow.csv 2>err || fail "exit"
    [ "$(wc -l <err)" -le 6 ] || fail "warnings not counted: $(wc -l <err) lines"
    python3 - cow.csv <<'EOT' || fail "cow"
import csv, sys
by = {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    by.setdefault(int(r["snapshot"]), {})[r["id"]] = r
assert sorted(by) == list(range(1946, 2000)), sorted(by)
east = ["POL", "HUN", "CSK", "BGR", "ROU"]
west = ["GBR", "FRA", "BEL", "NLD", "CAN", "ITA"]
def bloc(y, a):
    return by[y][a]["bloc"]
for y in range(1946, 1987):
    # the Cold War: two blocs, the Western allies with the United States,
    # the Warsaw Pact states with the Soviet Union (Czechoslovakia alone in
    # 1968, the year of the invasion)
    assert bloc(y, "USA") and bloc(y, "RUS") and bloc(y, "USA") != bloc(y, "RUS"), y
    for a in west:
        assert bloc(y, a) == bloc(y, "USA"), (y, a)
    for a in east:
        assert bloc(y, a) == bloc(y, "RUS") or (y, a) == (1968, "CSK"), (y, a, bloc(y, a))
    assert by[y]["USA"]["bloc_name"] == "United States", y
# The division dissolves: from 1987 the Soviet Union and its allies are in
# the United States' bloc; from 1995 Russia leads a bloc of its own
# (Kazakhstan's, the CIS states) that none of its former allies is in,
# while Poland and Hungary stay with the United States.
for y in range(1987, 1995):
    assert bloc(y, "RUS") == bloc(y, "USA"), y
    for a in east:
        assert bloc(y, a) == bloc(y, "USA"), (y, a)
for y in range(1995, 2000):
    assert bloc(y, "RUS") != bloc(y, "USA"), y
    assert by[y]["RUS"]["bloc_name"] == "Kazakhstan", y
    for a in ["POL", "HUN"]:
        assert bloc(y, a) == bloc(y, "USA"), (y, a)
    assert not any(r["bloc"] == bloc(y, "RUS") for k, r in by[y].items() if k in east), y
# the United States' bloc keeps its number throughout
assert {bloc(y, "USA") for y in by} == {"1"}
EOT
    ;;
pictures)
    # small multiples: one panel per snapshot, every actor at one place
    # (a constant offset per panel), one colour per bloc number throughout
    "$bin" timeline "$g" --every year -o t.svg >/dev/null 2>err || fail "svg exit"
    grep -q "^actorgraph: wrote t.svg$" err || fail "wrote line: $(cat err)"
    python3 - t.svg <<'EOT' || fail "svg"
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
nodes = {}
for m in re.finditer(r'<title>p(\d+)_(\d+)</title>.*?<ellipse fill="([^"]+)"[^>]*cx="([-\d.]+)" cy="([-\d.]+)"', svg, re.S):
    nodes[(int(m[1]), int(m[2]))] = (m[3], float(m[4]), float(m[5]))
# present: 2000 A-E, 2001 A-F, 2002 and 2003 A-E (F only in 2001)
assert sorted(nodes) == [(k, i) for k in range(4) for i in range(6) if i < 5 or k == 1], sorted(nodes)
for k in range(4):
    dx = {round(nodes[(k, i)][1] - nodes[(0, i)][1], 2) for i in range(5)}
    dy = {round(nodes[(k, i)][2] - nodes[(0, i)][2], 2) for i in range(5)}
    assert len(dx) == 1 and len(dy) == 1, (k, dx, dy)
# blocs by hand: 2000-2001 {A,B,E(,F)} bloc 1, {C,D} bloc 2; 2002-2003 {A,B} 1, {C,D,E} 2
one, two = nodes[(0, 0)][0], nodes[(0, 2)][0]
assert one != two and "white" not in (one, two)
want = {0: "11221", 1: "112211", 2: "11222", 3: "11222"}
for (k, i), (fill, x, y) in nodes.items():
    assert fill == (one if want[k][i] == "1" else two), (k, i, fill)
for year in ("2000", "2001", "2002", "2003"):
    assert f">{year}</text>" in svg, year
assert "bloc 1: B, then A" in svg and "bloc 2: C, then D" in svg
EOT
    "$bin" timeline "$g" --every year -o t.png >/dev/null 2>&1 || fail "png exit"
    "$bin" timeline "$g" --every year -o t.pdf >/dev/null 2>&1 || fail "pdf exit"
    [ "$(head -c 4 t.png | od -An -tx1 | tr -d ' ')" = 89504e47 ] || fail "not a PNG"
    [ "$(head -c 4 t.pdf)" = "%PDF" ] || fail "not a PDF"
    # one SVG per snapshot in a directory, the same positions in each
    "$bin" timeline "$g" --every year -o slides/ >/dev/null 2>&1 || fail "dir exit"
    [ "$(ls slides | tr '\n' ' ')" = "0001-2000.svg 0002-2001.svg 0003-2002.svg 0004-2003.svg " ] ||
        fail "slides: $(ls slides)"
    python3 - slides/*.svg <<'EOT' || fail "slides"
import re, sys
pos = []
for f in sys.argv[1:]:
    svg = open(f, encoding="utf-8").read()
    pos.append({m[1]: (m[2], m[3]) for m in re.finditer(r'<title>p0_(\d+)</title>.*?cx="([-\d.]+)" cy="([-\d.]+)"', svg, re.S)})
for p in pos[1:]:
    for i in set(p) & set(pos[0]):
        assert p[i] == pos[0][i], (i, p[i], pos[0][i])
assert len(pos[1]) == 6 and len(pos[0]) == 5
EOT
    # refusals: a format that is no picture (exit 1); a folder that does
    # not exist (exit 3); nothing written either way
    refused "draw to a .svg, .png or .pdf file" "$g" --every year -o t.dot
    "$bin" timeline "$g" --every year -o nowhere/t.svg >out 2>err; rc=$?
    [ $rc = 3 ] || fail "unwritable exit $rc"
    [ -e nowhere ] && fail "wrote into nowhere"
    ;;
*) fail "unknown case" ;;
esac
exit 0
