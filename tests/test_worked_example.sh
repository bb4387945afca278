#!/bin/sh
# The README's worked example (export and convert) runs as printed: its
# shell block writes every file the rest uses, and its Python block loads
# them with the networkx installed here.
#   test_worked_example.sh ACTORGRAPH SOURCE_DIR PYTHON
set -u
bin=$1 src=$2 py=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/docs"
ln -s "$bin" "$tmp/bin/actorgraph"
cp -r "$src/docs/examples" "$tmp/docs/"
# The blocks of the section that starts at "A worked example".
awk '/^A worked example/ {on = 1} on && /^```sh$/ {inb = 1; next} inb && /^```$/ {exit} inb' \
    "$src/README.md" >"$tmp/example.sh"
awk '/^A worked example/ {on = 1} on && /^```python$/ {inb = 1; next} inb && /^```$/ {exit} inb' \
    "$src/README.md" >"$tmp/example.py"
[ -s "$tmp/example.sh" ] || fail "no shell block in the worked example"
[ -s "$tmp/example.py" ] || fail "no Python block in the worked example"
cd "$tmp" || exit 1
PATH="$tmp/bin:$PATH" sh -e example.sh || fail "the shell block failed"
"$py" example.py >py.out || fail "the Python block failed"
n=$("$bin" validate | sed 's/.*valid: \([0-9]*\) actors, \([0-9]*\) relations.*/\1 \2/')
[ "$(sed -n 2p py.out)" = "$n" ] || fail "GraphML read back: $(sed -n 2p py.out), expected $n"
set -- $(sed -n 1p py.out)
[ "$1 $2" = "$n" ] || fail "node-link read back: $1 $2, expected $n"
for f in out/dprk-russia.cyjs out/d3-node-link.html; do
    [ -s "$f" ] || fail "$f not written"
done
exit 0
