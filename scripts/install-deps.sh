#!/bin/sh
# Installs what actorgraph needs on Debian 12, idempotently.
#   scripts/install-deps.sh          build and run dependencies
#   scripts/install-deps.sh --test   also what the test suite needs
#   scripts/install-deps.sh --bench  also the peers bench/run compares with
# Runs apt-get directly as root, through sudo otherwise.
set -eu

want_test=0
want_bench=0
for arg in "$@"; do
    case "$arg" in
        --test) want_test=1 ;;
        --bench) want_bench=1 ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "install-deps.sh: unknown option '$arg'" >&2; exit 1 ;;
    esac
done

if [ "$(id -u)" -eq 0 ]; then
    SUDO=
elif command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
else
    echo "install-deps.sh: run as root or install sudo" >&2
    exit 1
fi

# Build: compiler, CMake, pkg-config and the libraries (nettle for SHA-256
# of inputs in report manifests, libcsv and libxml2 to read CSV and GraphML,
# zlib to read .gz and .zip event files). iso-codes: the ISO 3166-1 table
# that `actorgraph events` names states from (run time and tests).
# Run time: fonts for PNG/PDF output (DejaVu covers Latin, Cyrillic and Greek;
# Nanum covers Hangul) and fontconfig so cairo finds them.
pkgs="build-essential cmake pkg-config
      libigraph-dev libgraphviz-dev libjansson-dev nettle-dev
      libcsv-dev libxml2-dev zlib1g-dev iso-codes
      fontconfig fonts-dejavu-core fonts-nanum"
if [ "$want_test" -eq 1 ]; then
    # Tests: python3 checks outputs with its standard library; networkx,
    # scipy and python-igraph regenerate the reference values (tests/reference).
    pkgs="$pkgs python3 python3-networkx python3-scipy python3-igraph"
    # scripts/cow-graph names the Correlates of War states from iso-codes,
    # and tests/check_cow.py runs it (docs/cow.md).
    pkgs="$pkgs iso-codes"
    # sqlite3 runs the query of `actorgraph events --print-sql` in
    # tests/cli/check_events_sql.py (docs/events.md, "Beyond one machine").
    pkgs="$pkgs sqlite3"
    # Fuzzing (scripts/fuzz, docs/fuzzing.md): clang and its libFuzzer and
    # sanitizer runtimes, which clang only recommends.
    pkgs="$pkgs clang libclang-rt-14-dev"
    # Headless Chromium opens the page of `actorgraph brief` in a real
    # browser (tests/cli/test_brief.sh, case browser; skipped without it).
    pkgs="$pkgs chromium"
fi

if [ "$want_bench" -eq 1 ]; then
    # Benchmarks: the peers, timed side by side with actorgraph (bench/run).
    pkgs="$pkgs python3 python3-networkx python3-scipy python3-igraph python3-graph-tool"
fi

# Node.js and npm load the exports with Cytoscape.js and graphology in the
# tests; a machine that already has npm (e.g. from NodeSource) keeps its own.
if [ "$want_test" -eq 1 ] && ! command -v npm >/dev/null 2>&1; then
    pkgs="$pkgs nodejs npm"
fi

# apt-get install leaves packages already present alone, so running this
# again changes nothing.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $pkgs
