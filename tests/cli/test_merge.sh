#!/bin/sh
# actorgraph merge on the fixtures of tests/cli/merge (expectations worked
# out by hand: see docs/merge.md for the rules).
#   test_merge.sh BIN TESTS_CLI_DIR
set -u
bin=$1 dir=$2/merge
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 1

# a.json + b.json: b's "s" renamed s_3 (s_2 is taken in b), "shared" kept
# once, X's name and kind from a.json (Y's name and Z's group, which a.json
# leaves out, from b.json: not differences), the alliance (Y <-> X in b, X <-> Y in
# a, overlapping from 2021) and the trade (undated in a, through 2019 in b)
# merged with their evidence, the alliance confirmed; b's economic aid Z -> Y
# from 2022-03 contradicts a's sanctions Y -> Z 2021-2022, both kept.
"$bin" merge a.json b.json -o - >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc = 0 ] || fail "merge a b: exit $rc"
diff -u ab.expected.json "$tmp/out" || fail "merged graph differs from ab.expected.json"
diff -u ab.expected.stderr "$tmp/err" || fail "report differs from ab.expected.stderr"

# Written to a file: the same bytes, atomically, and valid.
"$bin" merge a.json b.json -o "$tmp/m.json" 2>"$tmp/err" || fail "merge -o file"
cmp -s ab.expected.json "$tmp/m.json" || fail "file differs from standard output"
tail -n 1 "$tmp/err" | grep -qx "actorgraph: wrote $tmp/m.json" || fail "wrote line"
"$bin" validate "$tmp/m.json" >"$tmp/v" 2>/dev/null || fail "merged graph invalid"
grep -q "valid: 4 actors, 5 relations, 4 sources" "$tmp/v" || fail "merged counts"
ls "$tmp" | grep -q tmp && fail "temporary left"

# --prefer b.json: X takes b's name and kind (and attribute values first).
"$bin" merge a.json b.json --prefer b.json -o "$tmp/p.json" 2>"$tmp/err" || fail "--prefer"
grep -q '"name": "Xland"' "$tmp/p.json" || fail "--prefer name"
grep -q '"kind": "organization"' "$tmp/p.json" || fail "--prefer kind"
grep -q '"capital": "Xville"' "$tmp/p.json" || fail "--prefer attributes"
grep -qF 'actor differs: actor "X" in a.json has name "Ex" (not "Xland"), kind state (not organization): kept b.json'"'"'s (--prefer)' "$tmp/err" || fail "--prefer report"

# A file merged with itself: every relation merged, every source shared,
# nothing else changes (the same as converting it).
"$bin" merge a.json a.json -o "$tmp/aa.json" 2>"$tmp/err" || fail "a a"
"$bin" convert a.json "$tmp/a.json" -q || fail "convert a"
cmp -s "$tmp/a.json" "$tmp/aa.json" || fail "a merged with itself is not a"
grep -q "3 actors, 3 relations, 2 sources; 3 relations merged, 0 contradictions kept, 0 sources renamed, 2 shared, 0 actor differences" "$tmp/err" || fail "a a summary"

# -q: the summary only.
"$bin" merge -q a.json b.json -o - 2>"$tmp/err" >/dev/null || fail "-q"
[ "$(grep -c 'merge:' "$tmp/err")" = 1 ] || fail "-q prints more than the summary"

# Usage errors: exit 1, one line and a hint, nothing written.
check_usage() {
    want=$1; shift
    "$bin" merge "$@" >"$tmp/o" 2>"$tmp/err"; rc=$?
    [ $rc = 1 ] || fail "merge $*: exit $rc, not 1"
    grep -qF "$want" "$tmp/err" || fail "merge $*: message: $(cat "$tmp/err")"
    [ -e "$tmp/u.json" ] && fail "merge $*: wrote output"
    return 0
}
check_usage "actorgraph: merge: needs at least two FILEs" a.json -o "$tmp/u.json"
check_usage "actorgraph: merge: needs -o OUT" a.json b.json
check_usage "actorgraph: merge: --prefer 'c.json' is not one of the FILEs" a.json b.json --prefer c.json -o "$tmp/u.json"
check_usage "actorgraph: merge: unknown option '--frob'" a.json b.json --frob -o "$tmp/u.json"
check_usage "actorgraph: merge: option '-o' needs a value" a.json b.json -o

# An invalid or missing input: exit 2, its problems, nothing written.
"$bin" merge a.json bad.json -o "$tmp/u.json" 2>"$tmp/err"; rc=$?
[ $rc = 2 ] || fail "bad input: exit $rc"
[ "$(cat "$tmp/err")" = 'actorgraph: bad.json:5:43: /relations/0/target: unknown actor "Q"' ] \
    || fail "bad input message: $(cat "$tmp/err")"
[ -e "$tmp/u.json" ] && fail "bad input: wrote output"
"$bin" merge a.json missing.json -o "$tmp/u.json" 2>"$tmp/err"; rc=$?
[ $rc = 2 ] || fail "missing input: exit $rc"
[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "missing.json" "$tmp/err" || fail "missing input message"
[ -e "$tmp/u.json" ] && fail "missing input: wrote output"

# OUT naming an input (or a directory that is not there): exit 3, inputs untouched.
cp a.json b.json "$tmp/"
"$bin" merge "$tmp/a.json" "$tmp/b.json" -o "$tmp/b.json" 2>"$tmp/err"; rc=$?
[ $rc = 3 ] || fail "OUT is an input: exit $rc"
cmp -s b.json "$tmp/b.json" || fail "OUT is an input: input changed"
"$bin" merge a.json b.json -o "$tmp/nodir/m.json" 2>"$tmp/err"; rc=$?
[ $rc = 3 ] || fail "OUT in a missing directory: exit $rc"
# The README's example runs as printed.
root=$(cd "$dir/../../.." && pwd)
sed -n '/^\$ actorgraph merge graphs\/dprk-russia.json/,/^```$/p' "$root/README.md" | sed '1d;$d' \
    | sed "s|wrote merged.json|wrote $tmp/merged.json|" >"$tmp/readme"
[ -s "$tmp/readme" ] || fail "README merge example not found"
(cd "$root" && "$bin" merge graphs/dprk-russia.json graphs/nato-2024-10-28.json \
    -o "$tmp/merged.json") 2>"$tmp/err" || fail "README example: exit $?"
diff -u "$tmp/readme" "$tmp/err" || fail "README example output differs"
exit 0
