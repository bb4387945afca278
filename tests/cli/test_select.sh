#!/bin/sh
# Selecting relations (--as-of, --from/--to, --min-confidence,
# --weigh-confidence, --confidence-weights, --drop-isolates) on every
# command that reads a graph, through the one shared option parser. The
# expected values are worked out by hand from tests/cli/select/dated.json:
#   r1 A-B alliance (0.8, mutual) confirmed, 2010 -
#   r2 A-C armed_conflict (1.0, mutual) confirmed, 2014-02 - 2015
#   r3 B->C trade (0.64) reported, 2016-06-15 -
#   r4 C-D alliance (0.8, mutual) speculative, (always) - 2019-03
#   r5 D-E hostility (0.72, mutual) reported, 2020 - 2021-06-30
#   r6 A->D military_support (0.83) confirmed, 2022-02-24 -
set -u
bin=$1 tests=$2 case=$3
g=$tests/cli/select/dated.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: select $case: $*" >&2; exit 1; }
json() { # json FILE PYTHON-ASSERTIONS: d is the document
    python3 -c "import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
$2" "$1" || fail "$1: $2"
}

case $case in
report)
    "$bin" report "$g" --as-of 2023 --weigh-confidence -f json >r.json || fail "exit"
    # as of 2023: r1, r3, r6; r3 reported: 0.64 x 0.7 = 0.448
    json r.json 'a = {x["id"]: x for x in d["actors"]}
assert d["graph"]["relations"] == 3, d["graph"]
assert abs(a["A"]["out_strength"] - 1.63) < 1e-12, a["A"]
assert abs(a["B"]["out_strength"] - 1.248) < 1e-12, a["B"]
assert abs(a["C"]["in_strength"] - 0.448) < 1e-12, a["C"]
assert abs(a["D"]["in_strength"] - 0.83) < 1e-12, a["D"]
s = d["manifest"]["selection"]
assert s["as_of"] == "2023" and s["relations"] == {"kept": 3, "of": 6}, s
assert s["confidence_weights"] == {"confirmed": 1, "reported": 0.7, "speculative": 0.4}, s
assert s["description"] == "as of 2023; weights scaled by confidence: confirmed 1, reported 0.7, speculative 0.4", s'
    # as of 2016: r1, r3, r4; reported and up: r1, r3
    "$bin" report "$g" --as-of 2016 -f json >a.json || fail "exit"
    json a.json 'a = {x["id"]: x for x in d["actors"]}
assert (a["B"]["out_degree"], a["C"]["in_degree"], a["D"]["in_degree"]) == (2, 2, 1), a'
    "$bin" report "$g" --as-of 2016 --min-confidence reported -f json >b.json || fail "exit"
    json b.json 'a = {x["id"]: x for x in d["actors"]}
assert (a["B"]["out_degree"], a["C"]["in_degree"], a["D"]["in_degree"]) == (2, 1, 0), a
assert d["manifest"]["selection"]["min_confidence"] == "reported"'
    # without a selection: every relation, and no selection in the manifest
    "$bin" report "$g" -f json >all.json || fail "exit"
    json all.json 'assert d["graph"]["relations"] == 6 and "selection" not in d["manifest"]'
    [ "$("$bin" report "$g" --as-of 2014-06 | head -n 1)" = "Dated test graph (as of 2014-06)" ] \
        || fail "table heading"
    [ "$("$bin" report "$g" --from 2014 --to 2015-06 --min-confidence confirmed -f md | head -n 1)" \
      = "## Dated test graph (from 2014 through 2015-06; confirmed only)" ] || fail "md heading"
    [ "$("$bin" report "$g" | head -n 1)" = "Dated test graph" ] || fail "heading without selection"
    ;;
clusters)
    # as of 2014-06: A-B allied, A-C at war, C-D allied: {A, B} against {C, D}
    "$bin" clusters "$g" --as-of 2014-06 -f json >c.json || fail "exit"
    json c.json 'm = d["membership"]
assert m["A"] == m["B"] != m["C"] == m["D"] != m["E"] != m["A"], m
assert d["frustration"]["count"] == 0
assert d["manifest"]["selection"]["description"] == "as of 2014-06"'
    # confirmed only: C-D (speculative) goes, D is on its own
    "$bin" clusters "$g" --as-of 2014-06 --min-confidence confirmed -f json >k.json || fail "exit"
    json k.json 'm = d["membership"]
assert m["A"] == m["B"] and len({m["A"], m["C"], m["D"], m["E"]}) == 4, m'
    # as of 2023 (r1, r3, r6, all cooperation): one bloc of A-D, E alone
    "$bin" clusters "$g" --as-of 2023 --drop-isolates -f json >i.json || fail "exit"
    json i.json 'm = d["membership"]
assert sorted(m) == ["A", "B", "C", "D"] and len(set(m.values())) == 1, m'
    [ "$("$bin" clusters "$g" --as-of 2014-06 | head -n 1)" = "Dated test graph (as of 2014-06)" ] \
        || fail "heading"
    ;;
render)
    "$bin" render "$g" --as-of 2016 --min-confidence reported -o x.dot -o x.svg -q || fail "exit"
    for f in x.dot x.svg; do
        grep -q "as of 2016; confirmed and reported only" $f || fail "$f: no subtitle"
        grep -q "5 actors, 2 relations" $f || fail "$f: counts"
    done
    "$bin" render "$g" --from 2022 --drop-isolates -o y.dot -q || fail "exit"
    grep -q "from 2022 on; isolates dropped" y.dot || fail "subtitle"
    grep -q "4 actors, 3 relations" y.dot || fail "counts with --drop-isolates"
    "$bin" render "$g" -o z.dot -q || fail "exit"
    grep -q "5 actors, 6 relations" z.dot || fail "counts without a selection"
    ;;
export)
    sel="--as-of 2016-01-01 --drop-isolates"
    for f in node-link cytoscape graphology jgf graphml gml json dot-json; do
        "$bin" export "$g" $sel --format $f -o x.$f -q || fail "$f: exit"
    done
    json x.node-link 'assert [l["key"] for l in d["links"]] == ["r1", "r4"], d["links"]
assert [n["id"] for n in d["nodes"]] == ["A", "B", "C", "D"]
s = d["graph"]["selection"]
assert s["description"] == "as of 2016-01-01; isolates dropped", s
assert s["actors"] == {"kept": 4, "of": 5} and s["relations"] == {"kept": 2, "of": 6}, s'
    json x.cytoscape 'assert d["data"]["selection"]["as_of"] == "2016-01-01"
assert len(d["elements"]["edges"]) == 2'
    json x.graphology 'assert d["attributes"]["selection"]["drop_isolates"] is True
assert len(d["edges"]) == 2 and len(d["nodes"]) == 4'
    json x.jgf 'assert d["graph"]["metadata"]["selection"]["as_of"] == "2016-01-01"'
    json x.json 'assert d["selection"]["as_of"] == "2016-01-01" and len(d["relations"]) == 2'
    grep -q '<data key="g_selection">as of 2016-01-01; isolates dropped</data>' x.graphml \
        || fail "graphml"
    grep -q 'selection "as of 2016-01-01; isolates dropped"' x.gml || fail "gml"
    grep -q 'as of 2016-01-01; isolates dropped' x.dot-json || fail "dot-json"
    # the exports read back without a warning: the selection is not data
    for f in x.json x.gml x.graphml; do
        "$bin" validate --from "${f#x.}" "$f" >/dev/null 2>err || fail "$f: does not read back"
        [ -s err ] && fail "$f: $(cat err)"
    done
    # weights scaled by confidence in the export
    "$bin" export "$g" --as-of 2023 --weigh-confidence --confidence-weights 1,0.5,0.25 \
        --format node-link -o w.json -q || fail "exit"
    json w.json 'assert [(l["key"], l["weight"]) for l in d["links"]] == [("r1", 0.8), ("r3", 0.32), ("r6", 0.83)], d["links"]'
    ;;
convert)
    "$bin" convert "$g" x.csv --from 2022 -q || fail "exit"
    [ "$(tail -n +2 x.csv | cut -d, -f1,2 | tr '\n' ' ')" = "A,B B,C A,D " ] || fail "csv: $(cat x.csv)"
    # --to DATE is a selection, --to FMT the output format
    "$bin" convert "$g" y.json --to 2009 -q || fail "exit"
    json y.json 'assert [(r["source"], r["target"]) for r in d["relations"]] == [("C", "D")]
assert d["selection"]["to"] == "2009" and "from" not in d["selection"]'
    "$bin" convert "$g" - --to 2009 --to gml -q >z.gml || fail "exit"
    grep -q 'selection "through 2009"' z.gml || fail "gml"
    ;;
validate)
    # validate checks every relation: it takes no selection
    "$bin" validate "$g" --as-of 2020 2>err; [ $? = 1 ] || fail "--as-of accepted"
    "$bin" validate "$g" --from 2020 2>err; [ $? = 1 ] || fail "--from DATE accepted"
    grep -q "validate takes no selection" err || fail "message: $(cat err)"
    ;;
errors)
    # one clear line and exit 1; nothing written
    echo keep >keep.svg
    check() { # check EXPECTED-MESSAGE ARGS...
        msg=$1; shift
        "$bin" render "$g" -o keep.svg "$@" 2>err; rc=$?
        [ $rc = 1 ] || fail "$*: exit $rc"
        [ "$(head -n 1 err)" = "actorgraph: render: $msg" ] || fail "$*: $(cat err)"
        [ "$(cat keep.svg)" = keep ] || fail "$*: output written"
    }
    check "--as-of: '2022-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" --as-of 2022-13
    check "--from: '2022-02-30' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" --from 2022-02-30
    check "--to: '22' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" --to 22
    check "the period ends (2022-12) before it starts (2023)" --from 2023 --to 2022-12
    check "--as-of and --from/--to cannot be combined" --to 2023 --as-of 2022
    check "--min-confidence: 'certain' is not confirmed, reported or speculative" \
        --min-confidence certain
    check "--confidence-weights: '1,0.7' is not three numbers in (0, 1] (confirmed,reported,speculative; e.g. 1,0.7,0.4)" \
        --weigh-confidence --confidence-weights 1,0.7
    check "--confidence-weights: '1,0.7,0' is not three numbers in (0, 1] (confirmed,reported,speculative; e.g. 1,0.7,0.4)" \
        --weigh-confidence --confidence-weights 1,0.7,0
    check "unknown input format 'jsn' (json, csv, graphml, gml, dot)" --from jsn
    "$bin" report "$g" --confidence-weights 1,1,1 >/dev/null 2>err || fail "exit"
    [ "$(cat err)" = "actorgraph: warning: --confidence-weights has no effect without --weigh-confidence" ] \
        || fail "warning: $(cat err)"
    ;;
readme)
    # README's example prints what the commands print (the lines shown)
    readme=$tests/../README.md
    for sel in "--as-of 2014-06" "--as-of 2023 --min-confidence reported"; do
        awk -v cmd="\$ actorgraph clusters tests/cli/select/dated.json $sel" '
            $0 == cmd {on = 1; next}
            on && (/^\$ / || /^```$/ || /^\.\.\.$/) {exit}
            on' "$readme" >want
        [ -s want ] || fail "README shows no output for $sel"
        "$bin" clusters "$g" $sel | head -n "$(wc -l <want)" >got
        diff -u want got >&2 || fail "README's output for $sel"
    done
    ;;
*) fail "unknown case" ;;
esac
exit 0
