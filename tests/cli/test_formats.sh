#!/bin/sh
# Every command reads every input format: the default graph exported to
# GraphML and GML gives the same report and the same blocs as the JSON file;
# DOT and CSV inputs go through validate, render, report, clusters and export.
#   test_formats.sh BIN PROJECT_DIR
set -u
bin=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: formats: $*" >&2; exit 1; }
graph=$root/graphs/dprk-russia.json
"$bin" report "$graph" --format csv >json.report || fail "report json"
"$bin" clusters "$graph" --format json | sed '/"manifest"/,$d' >json.clusters || fail "clusters json"
for fmt in graphml gml; do
    "$bin" export "$graph" --format "$fmt" -o "g.$fmt" || fail "export $fmt"
    "$bin" validate -q "g.$fmt" || fail "validate $fmt"
    "$bin" report "g.$fmt" --format csv >"$fmt.report" || fail "report $fmt"
    cmp json.report "$fmt.report" || fail "report differs when read from $fmt"
    "$bin" clusters "g.$fmt" --format json | sed '/"manifest"/,$d' >"$fmt.clusters" || fail "clusters $fmt"
    cmp json.clusters "$fmt.clusters" || fail "blocs differ when read from $fmt"
    "$bin" render "g.$fmt" -o "$fmt.svg" || fail "render $fmt"
done
dot=$root/tests/import/dot-hand.dot
csv=$root/tests/import/relations.csv
for input in "$dot" "$csv --actors $root/tests/import/actors.csv" "--from dot - <$dot"; do
    for cmd in "validate -q" "render -o x.svg" "report --format csv" "clusters --format json" \
               "export --format json -o x.json"; do
        sh -c "\"$bin\" $cmd $input" >/dev/null 2>err || { cat err >&2; fail "$cmd $input"; }
    done
done
exit 0
