#!/bin/sh
# Runs BIN ARGS... in DIR and compares standard output, then standard error,
# then "exit N", with the file EXPECTED. With AG_UPDATE_GOLDEN=1 it rewrites
# EXPECTED instead (review the diff before committing).
#   run_golden.sh BIN DIR EXPECTED ARGS...
set -u
bin=$1 dir=$2 expected=$3
shift 3
actual=$(mktemp)
err=$(mktemp)
trap 'rm -f "$actual" "$err"' EXIT
(cd "$dir" && LC_ALL=C "$bin" "$@" >"$actual" 2>"$err"; echo "exit $?" >>"$err")
cat "$err" >>"$actual"
if [ "${AG_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$actual" "$expected"
    exit 0
fi
if ! diff -u "$expected" "$actual"; then
    echo "FAIL: actorgraph $*: output differs from $expected" >&2
    exit 1
fi
