#!/bin/sh
# Runs `actorgraph validate NAME.json` in the case directory and compares its
# standard output and error, followed by "exit N", with NAME.expected.
#   run_validate_case.sh BIN CASEDIR NAME [--update]
set -u
bin=$1 dir=$2 name=$3
cd "$dir" || exit 1
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
{ LC_ALL=C "$bin" validate "$name.json" 2>&1; echo "exit $?"; } >"$actual"
if [ "${4:-}" = "--update" ]; then
    cp "$actual" "$name.expected"
    exit 0
fi
if ! diff -u "$name.expected" "$actual"; then
    echo "FAIL: validate $name: output differs from $name.expected" >&2
    exit 1
fi
