#!/bin/sh
# Help, version and top-level usage errors.
set -u
bin=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$("$bin" --help) || fail "--help exit $?"
echo "$out" | grep -q "^usage: actorgraph" || fail "--help text"
echo "$out" | grep -q "render" || fail "--help lists render"
for c in validate render report clusters export convert events timeline path explain merge whatif brief; do
    a=$("$bin" help $c) || fail "help $c exit $?"
    b=$("$bin" $c --help) || fail "$c --help exit $?"
    [ "$a" = "$b" ] || fail "help $c and $c --help differ"
    echo "$a" | grep -q "^usage: actorgraph $c" || fail "usage of $c"
done
"$bin" --version | grep -Eq '^actorgraph [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
"$bin" frobnicate 2>err; [ $? = 1 ] || fail "unknown command exit"
grep -q "actorgraph: unknown command 'frobnicate'" err || fail "unknown command message"
"$bin" help frobnicate 2>/dev/null; [ $? = 1 ] || fail "help of unknown command"
"$bin" --frob 2>/dev/null; [ $? = 1 ] || fail "unknown global option"
"$bin" 2>/dev/null; [ $? = 1 ] || fail "no command"
"$bin" validate --bogus 2>err; [ $? = 1 ] || fail "unknown validate option"
grep -q "Try 'actorgraph help validate'" err || fail "hint to help"
out=$("$bin" help help) || fail "help help exit $?"
echo "$out" | grep -q "^usage: actorgraph help \[COMMAND | types | help\]" || fail "help help text"
# Numbers too large for their option are refused, not clamped.
"$bin" render --color-by bloc --seed 99999999999999999999 --format dot -o - >/dev/null 2>err
[ $? = 1 ] || fail "render --seed overflow accepted"
grep -q "from 0 to 2147483647" err || fail "render --seed overflow message"
"$bin" clusters --seed 2147483648 >/dev/null 2>err; [ $? = 1 ] || fail "clusters --seed overflow"
"$bin" report --top 99999999999999999999 >/dev/null 2>err; [ $? = 1 ] || fail "report --top overflow"
rm -f err
exit 0
