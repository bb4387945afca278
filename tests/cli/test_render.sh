#!/bin/sh
# CLI tests of `actorgraph render`, one check per CASE.
#   test_render.sh BIN TESTS_DIR CASE
set -u
bin=$1 tests=$2 case=$3
small=$tests/cli/render/small.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export LC_ALL=C

fail() { echo "FAIL: render $case: $*" >&2; exit 1; }
# expect RC CMD...: runs CMD, fails unless it exits with RC
expect() {
    want=$1; shift
    "$@" >stdout 2>stderr; got=$?
    [ "$got" = "$want" ] || { cat stderr >&2; fail "'$*' exited $got, expected $want"; }
}

case $case in
dot-golden)
    expect 0 "$bin" render "$small" -o small.dot
    diff -u "$tests/cli/render/small.dot" small.dot || fail "DOT differs from the golden file"
    ;;
dot-stdout)
    expect 0 "$bin" render "$small" -o -
    diff -u "$tests/cli/render/small.dot" stdout || fail "DOT on stdout differs"
    ;;
stdin)
    "$bin" render - --format dot -o - <"$small" >stdin.dot 2>stderr || fail "stdin render failed"
    sed 's/^digraph stdin {/digraph small {/' stdin.dot | diff -u "$tests/cli/render/small.dot" - \
        || fail "rendering standard input differs"
    ;;
deterministic)
    for i in 1 2; do
        expect 0 "$bin" render "$small" -o a$i.svg -o a$i.dot
    done
    cmp a1.svg a2.svg || fail "SVG differs between runs"
    cmp a1.dot a2.dot || fail "DOT differs between runs"
    ;;
svg)
    expect 0 "$bin" render "$small" -o small.svg
    python3 "$tests/cli/check_svg.py" small.svg "$small" 3 || fail "SVG check"
    ;;
keywords)
    # ids that are DOT keywords, and one named like the legend node
    expect 0 "$bin" render "$tests/cli/render/keywords.json" -o k.svg -o k.dot
    python3 "$tests/cli/check_svg.py" k.svg "$tests/cli/render/keywords.json" 2 || fail "SVG check"
    grep -q '^	"node"	\[' k.dot || fail "keyword id not quoted in DOT"
    ;;
color-by)
    # blocs as 'clusters' finds them, boxed; sizes by a metric
    expect 0 "$bin" render "$small" --color-by bloc --size-by pagerank -o b.dot
    diff -u "$tests/cli/render/small-bloc.dot" b.dot || fail "DOT differs from small-bloc.dot"
    expect 0 "$bin" render "$small" --color-by bloc -o b.svg
    blocs=$("$bin" clusters "$small" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["blocs"]))')
    python3 "$tests/cli/check_svg.py" b.svg "$small" $((blocs + 1)) || fail "bloc boxes"
    grep -q 'fill colour: bloc (signed blocs, seed 1)' b.svg || fail "legend does not say what colour means"
    # kinds: coloured, no boxes but the legend's
    expect 0 "$bin" render "$small" --color-by kind --size-by betweenness -o k.svg
    python3 "$tests/cli/check_svg.py" k.svg "$small" 1 || fail "kind colouring"
    grep -q 'node size: betweenness' k.svg || fail "legend does not say what size means"
    expect 1 "$bin" render "$small" --color-by colour
    expect 1 "$bin" render "$small" --size-by fame
    ;;
svg-default-graph)
    expect 0 "$bin" render -o g.svg
    python3 "$tests/cli/check_svg.py" g.svg "$tests/../graphs/dprk-russia.json" 3 || fail "SVG check"
    ;;
engines)
    for e in dot neato fdp sfdp circo; do
        expect 0 "$bin" render "$small" --engine "$e" -o "$e.svg"
        # sfdp and circo draw no clusters; the others draw the 2 groups and the legend
        case $e in sfdp|circo) n=0 ;; *) n=3 ;; esac
        python3 "$tests/cli/check_svg.py" "$e.svg" "$small" $n || fail "engine $e"
    done
    ;;
png)
    expect 0 "$bin" render "$small" -o small.png
    python3 "$tests/cli/check_png.py" small.png 300 6000 || fail "PNG check"
    ;;
pdf)
    expect 0 "$bin" render "$small" --format pdf -o small.out
    head -c 5 small.out | grep -q '%PDF-' || fail "not a PDF"
    ;;
default-outputs)
    expect 0 "$bin" render "$small"
    [ -s out/small.dot ] && [ -s out/small.svg ] && [ -s out/small.png ] || fail "missing out/ files"
    [ "$(ls out | wc -l)" = 3 ] || fail "unexpected files in out/: $(ls out)"
    expect 0 "$bin" render "$small" --format pdf
    [ -s out/small.pdf ] || fail "--format without -o writes out/NAME.FORMAT"
    ;;
atomic-invalid-input)
    echo keep >old.svg
    printf '{"actorgraph": 1, "title": "x", "actors": [], "relations": [1]}' >bad.json
    expect 2 "$bin" render bad.json -o old.svg
    [ "$(cat old.svg)" = keep ] || fail "existing output changed on invalid input"
    [ "$(ls | sort | tr '\n' ' ')" = "bad.json old.svg stderr stdout " ] || fail "stray files: $(ls)"
    ;;
atomic-output-failure)
    echo keep >old.svg
    expect 3 "$bin" render "$small" -o old.svg -o missing-dir/new.png
    [ "$(cat old.svg)" = keep ] || fail "first output replaced although the second failed"
    grep -q "actorgraph: missing-dir/new.png: cannot write: No such file or directory" stderr || fail "message: $(cat stderr)"
    [ "$(ls | sort | tr '\n' ' ')" = "old.svg stderr stdout " ] || fail "stray files: $(ls)"
    ;;
usage-errors)
    expect 1 "$bin" render "$small" --format gif
    grep -q "unknown format 'gif'" stderr || fail "format message"
    expect 1 "$bin" render "$small" --engine twopo
    expect 1 "$bin" render "$small" -o diagram.txt
    grep -q "cannot tell the format of 'diagram.txt'" stderr || fail "extension message"
    expect 1 "$bin" render "$small" extra.json
    expect 1 "$bin" render --bogus
    expect 1 "$bin" render -o
    [ ! -e out ] || fail "usage error wrote out/"
    ;;
missing-input)
    expect 2 "$bin" render no-such-file.json -o x.svg
    [ "$(cat stderr)" = "actorgraph: no-such-file.json: cannot open: No such file or directory" ] \
        || fail "message: $(cat stderr)"
    [ ! -e x.svg ] || fail "wrote output for missing input"
    ;;
*)
    fail "unknown case"
    ;;
esac
exit 0
