#!/bin/sh
# Installs into a temporary prefix and runs the installed binary from an
# unrelated directory: it must find its default graph there.
#   test_install.sh CMAKE BUILD_DIR
set -u
cmake=$1 build=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL: install" >&2; exit 1; }
for f in bin/actorgraph share/actorgraph/graphs/dprk-russia.json \
         share/doc/actorgraph/README.md share/doc/actorgraph/docs/format.md; do
    [ -e "$prefix/$f" ] || { echo "FAIL: $f not installed" >&2; exit 1; }
done
# Every document the installed README links to is installed beside it.
doc="$prefix/share/doc/actorgraph"
links=$(grep -o '](\(docs\|seeds\)/[^)#]*' "$doc/README.md" | sed 's/^](//' | sort -u)
[ -n "$links" ] || { echo "FAIL: no relative links found in README.md" >&2; exit 1; }
for l in $links; do
    [ -e "$doc/$l" ] || { echo "FAIL: README links to $l, which is not installed" >&2; exit 1; }
done
mkdir "$prefix/elsewhere"
cd "$prefix/elsewhere" || exit 1
env -u ACTORGRAPH_DEFAULT_GRAPH "$prefix/bin/actorgraph" validate -q \
    || { echo "FAIL: installed binary does not find its default graph" >&2; exit 1; }
env -u ACTORGRAPH_DEFAULT_GRAPH "$prefix/bin/actorgraph" render --format svg \
    || { echo "FAIL: installed render" >&2; exit 1; }
[ -s out/dprk-russia.svg ] || { echo "FAIL: no out/dprk-russia.svg" >&2; exit 1; }
exit 0
