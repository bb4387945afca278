#!/bin/sh
# Ids, names and titles that hold newlines, terminal escape codes, C1
# controls or bidirectional overrides are shown escaped in messages, tables
# and Markdown, so they cannot forge lines or drive the terminal; data
# formats (csv, json) keep the text as it is.
#   test_escape.sh ACTORGRAPH TESTS_DIR
set -u
bin=$1 dir=$2/cli/escape
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# No raw ESC, BEL, C1 (U+0085 is C2 85) or U+202E (E2 80 AE) in a file.
clean() {
    if LC_ALL=C grep -q "$(printf '[\033\007]')" "$1"; then fail "$2: raw control character"; fi
    if LC_ALL=C grep -q "$(printf '\302\205')" "$1"; then fail "$2: raw C1 control"; fi
    if LC_ALL=C grep -q "$(printf '\342\200\256')" "$1"; then fail "$2: raw bidi override"; fi
}

"$bin" validate "$dir/forge-ids.json" 2>"$tmp/err"; [ $? = 2 ] || fail "forge-ids.json accepted"
clean "$tmp/err" "validate messages"
[ "$(wc -l <"$tmp/err")" = 4 ] || fail "validate: one line per problem"
grep -qF 'malformed actor id "A\nx.json: valid"' "$tmp/err" || fail "newline in id not escaped"
grep -qF 'unknown actor "C\x1B[2J"' "$tmp/err" || fail "ESC in id not escaped"

"$bin" report "$dir/forge.json" >"$tmp/table" || fail "report exit $?"
clean "$tmp/table" "report table"
grep -q '^Forged\\x1B\[2J\\ntitle$' "$tmp/table" || fail "report title not escaped"
grep -qF 'Two\nlines\tand\back' "$tmp/table" || fail "report name not escaped"
grep -qF 'Evil\u202Eelgoog\u0085' "$tmp/table" || fail "report bidi override not escaped"

"$bin" report "$dir/forge.json" --format md >"$tmp/md" || fail "report md exit $?"
clean "$tmp/md" "report md"
grep -qF '| x.json: valid\x1B]0;pwn\x07 | A |' "$tmp/md" || fail "report md row"

for f in table md; do
    "$bin" clusters "$dir/forge.json" --format $f >"$tmp/c.$f" || fail "clusters $f exit $?"
    clean "$tmp/c.$f" "clusters $f"
    grep -qF 'Evil\u202Eelgoog\u0085' "$tmp/c.$f" || fail "clusters $f name not escaped"
done
grep -qF 'x.json: valid\x1B]0;pwn\x07 (A), Two\nlines\tand\back (D)' "$tmp/c.md" \
    || fail "clusters md members"

# Data formats carry the text unchanged: JSON escapes it itself.
"$bin" report "$dir/forge.json" --format json >"$tmp/j" || fail "report json exit $?"
grep -qiF '"title": "Forged\u001b[2J\ntitle"' "$tmp/j" || fail "json title changed"
exit 0
