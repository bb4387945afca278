#!/bin/sh
# A long step shows a progress line on standard error when it is a
# terminal (here a pseudo-terminal from script(1)), never when it is not,
# and never with -q; standard output is the same either way.
#   test_progress.sh ACTORGRAPH SOURCE_DIR PYTHON
set -u
bin=$1 src=$2 py=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v script >/dev/null 2>&1 || { echo "skipped: script(1) is absent"; exit 77; }
# a chroot without /dev/pts has no terminal to give
script -qec true /dev/null >/dev/null 2>&1 || { echo "skipped: no pseudo-terminal here"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" "$src/bench/gen.py" 4500 5 >"$tmp/g.json" || fail "gen.py"
# one thread, and the line shown from the first redraw (0.1 s) instead of
# after a second, so that the test does not hang on how fast the sweep is
export ACTORGRAPH_THREADS=1 ACTORGRAPH_PROGRESS_AFTER=0
"$bin" report "$tmp/g.json" --top 3 >"$tmp/plain.out" 2>"$tmp/plain.err" || fail "report exit $?"
[ -s "$tmp/plain.err" ] && fail "progress written to a stderr that is not a terminal"
script -qec "'$bin' report '$tmp/g.json' --top 3" "$tmp/tty.log" >/dev/null 2>&1 \
    || fail "report under a terminal exit $?"
grep -q "actorgraph: shortest paths [0-9]*/4500 ([0-9]*%)" "$tmp/tty.log" \
    || { tr '\r' '\n' <"$tmp/tty.log" | head -20 >&2; fail "no progress line on a terminal"; }
script -qec "'$bin' report '$tmp/g.json' --top 3 -q" "$tmp/quiet.log" >/dev/null 2>&1 \
    || fail "report -q under a terminal exit $?"
grep -q "shortest paths" "$tmp/quiet.log" && fail "progress with -q"
# the table is the same, after the cleared progress line
tr -d '\r' <"$tmp/quiet.log" | grep -v '^Script ' >"$tmp/quiet.out"
grep -qF "$(head -1 "$tmp/plain.out")" "$tmp/quiet.out" || fail "standard output differs"
exit 0
