#!/usr/bin/env bash
# Install the JavaScript client libraries that check_js.mjs loads our
# exports with, at exact pinned versions, into DIR/node_modules.
#
#   tests/clients/install_npm.sh DIR
#
# Idempotent: does nothing when DIR/node_modules already holds the pinned
# versions. Exits non-zero with a message when npm is missing or the install
# fails: the client tests must fail then, never be skipped.
set -euo pipefail

CYTOSCAPE_VERSION=3.34.4
GRAPHOLOGY_VERSION=0.26.0
# graphology's peer dependency (TypeScript declarations only); pinned too so
# that npm does not pick whatever is newest.
GRAPHOLOGY_TYPES_VERSION=0.24.8

die() {
    echo "install_npm.sh: $*" >&2
    exit 1
}

[ $# -eq 1 ] || die "usage: install_npm.sh DIR"
dir=$1

# The version a package.json says, or nothing.
installed_version() {
    local pj="$dir/node_modules/$1/package.json"
    [ -f "$pj" ] || return 0
    sed -n 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$pj" | head -n 1
}

if [ "$(installed_version cytoscape)" = "$CYTOSCAPE_VERSION" ] &&
    [ "$(installed_version graphology)" = "$GRAPHOLOGY_VERSION" ] &&
    [ "$(installed_version graphology-types)" = "$GRAPHOLOGY_TYPES_VERSION" ]; then
    echo "install_npm.sh: cytoscape@$CYTOSCAPE_VERSION graphology@$GRAPHOLOGY_VERSION already in $dir"
    exit 0
fi

command -v npm >/dev/null 2>&1 ||
    die "npm not found: install Node.js and npm (Debian: apt-get install nodejs npm)"
command -v node >/dev/null 2>&1 ||
    die "node not found: install Node.js (Debian: apt-get install nodejs)"

mkdir -p "$dir" || die "cannot create $dir"
echo "install_npm.sh: installing cytoscape@$CYTOSCAPE_VERSION graphology@$GRAPHOLOGY_VERSION into $dir"
# A registry that cannot be reached fails in minutes, not hours.
if ! npm install --prefix "$dir" --no-audit --no-fund --no-save --no-package-lock \
    --fetch-retries 2 --fetch-retry-maxtimeout 20000 --fetch-timeout 60000 \
    "cytoscape@$CYTOSCAPE_VERSION" "graphology@$GRAPHOLOGY_VERSION" \
    "graphology-types@$GRAPHOLOGY_TYPES_VERSION"; then
    die "npm install failed (is the npm registry reachable?)"
fi

for pkg in cytoscape:$CYTOSCAPE_VERSION graphology:$GRAPHOLOGY_VERSION; do
    name=${pkg%%:*}
    want=${pkg#*:}
    got=$(installed_version "$name")
    [ "$got" = "$want" ] ||
        die "after npm install, $dir/node_modules/$name is '${got:-missing}', expected $want"
done
echo "install_npm.sh: ok"
