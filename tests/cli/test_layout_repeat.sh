#!/bin/sh
# export --with-layout gives the same bytes on every run, also for a graph
# sfdp lays out (past 40 actors), whose raw positions vary in their last
# bits from run to run.
#   test_layout_repeat.sh ACTORGRAPH SOURCE_DIR PYTHON
set -u
bin=$1 src=$2 py=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" "$src/bench/gen.py" 100 1 >"$tmp/g.json" || fail "gen.py"
for i in 1 2 3 4; do
    "$bin" export "$tmp/g.json" --with-layout --format node-link -o "$tmp/l$i.json" -q \
        2>/dev/null || fail "export exit $?"
done
for i in 2 3 4; do
    cmp -s "$tmp/l1.json" "$tmp/l$i.json" || fail "run $i differs from run 1"
done
grep -q '"x": ' "$tmp/l1.json" || fail "no positions in the export"
exit 0
