#!/bin/sh
# CLI tests of `actorgraph brief`, one check per CASE.
#   test_brief.sh BIN TESTS_DIR CASE
# The browser case exits 77 (skipped) where chromium is missing.
set -u
bin=$1 tests=$2 case=$3
graph=$tests/../graphs/dprk-russia.json
escape=$tests/cli/brief/escape.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
export LC_ALL=C

fail() { echo "FAIL: brief $case: $*" >&2; exit 1; }
# expect RC CMD...: runs CMD, fails unless it exits with RC
expect() {
    want=$1; shift
    "$@" >stdout 2>stderr; got=$?
    [ "$got" = "$want" ] || { cat stderr >&2; fail "'$*' exited $got, expected $want"; }
}

case $case in
page)
    expect 0 "$bin" brief "$graph" -o brief.html
    grep -qx "actorgraph: wrote brief.html" stderr || fail "does not say what it wrote"
    python3 "$tests/cli/check_brief.py" brief.html "$graph" "Relations: all (no selection); 8 actors, 26 relations." \
        || fail "page check"
    ;;
escape)
    expect 0 "$bin" brief "$escape" -q -o e.html
    python3 "$tests/cli/check_brief.py" e.html "$escape" || fail "page check"
    grep -q '<td>A &lt;script&gt;alert(1)&lt;/script&gt;, B &amp; &quot;Sons&quot;</td>' e.html \
        || fail "bloc members not escaped"
    grep -q '<td>says &quot;A &amp; B&quot; &lt;allied&gt;</td>' e.html || fail "note not escaped"
    ;;
selection)
    expect 0 "$bin" brief "$graph" --min-confidence confirmed -q -o -
    grep -q '<p class="sel">Relations: confirmed only; 8 actors, 18 relations.</p>' stdout \
        || fail "selection not said"
    grep -q '<td>confirmed</td>' stdout || fail "no confirmed evidence row"
    ! grep -q '<td>reported</td>\|<td>speculative</td>' stdout || fail "unselected relations listed"
    ;;
fragile)
    # the fragile conclusions agree with report --sensitivity, on the
    # article and on the Correlates of War graph as of 1946
    expect 0 "$bin" brief "$graph" -q -o brief.html
    python3 "$tests/cli/check_brief_fragile.py" brief.html "$graph" "$bin" || fail "article"
    grep -q '<h2 id="fragile">Fragile conclusions</h2>' brief.html || fail "no section"
    cow=$tests/../graphs/cow.json
    expect 0 "$bin" brief "$cow" --as-of 1946 -q -o cow.html
    python3 "$tests/cli/check_brief_fragile.py" cow.html "$cow" "$bin" --as-of 1946 \
        || fail "cow 1946"
    ;;
fragile_skipped)
    expect 0 "$bin" brief "$graph" --no-sensitivity -q -o brief.html
    grep -q '<h2 id="fragile">Fragile conclusions</h2>' brief.html || fail "no section"
    grep -q '<p>Not computed: --no-sensitivity.</p>' brief.html || fail "--no-sensitivity not said"
    ! grep -q 'class="fragile"' brief.html || fail "a table with --no-sensitivity"
    expect 0 "$bin" brief "$tests/../graphs/cow.json" -q -o cow.html
    grep -q '<p>Not computed: 2507 relations, past the 1000 the check allows (it analyses the graph once per relation); select fewer (--as-of, --from/--to, --min-confidence).</p>' cow.html \
        || fail "the refusal past 1000 relations not said"
    ;;
deterministic)
    expect 0 "$bin" brief "$graph" -q -o a.html
    expect 0 "$bin" brief "$graph" -q -o b.html
    cmp a.html b.html || fail "page differs between runs"
    # without -o: out/NAME.html
    expect 0 "$bin" brief "$graph" -q
    cmp a.html out/dprk-russia.html || fail "default output differs"
    ;;
errors)
    printf '{"actorgraph": 1, "title": "x", "actors": [' >bad.json
    expect 2 "$bin" brief bad.json -o bad.html
    [ ! -e bad.html ] || fail "wrote a page for invalid input"
    grep -q '^actorgraph: bad.json:1:' stderr || fail "no located message"
    expect 1 "$bin" brief "$graph" --bogus
    expect 1 "$bin" brief "$graph" -o a.html -o b.html
    expect 1 "$bin" brief "$graph" extra.json
    expect 1 "$bin" brief "$graph" --min-confidence sure -o x.html
    [ ! -e a.html ] && [ ! -e x.html ] || fail "wrote on a usage error"
    expect 3 "$bin" brief "$graph" -o "$graph"
    expect 0 "$bin" help brief
    grep -q "usage: actorgraph brief" stdout || fail "help brief"
    ;;
browser)
    if ! command -v chromium >/dev/null 2>&1; then
        echo "SKIP: brief browser: chromium is not installed (scripts/install-deps.sh --test installs it)"
        exit 77
    fi
    expect 0 "$bin" brief "$graph" -q -o brief.html
    # chromium's profile and crash reports go to the scratch directory
    export HOME="$work"
    chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
        --dump-dom "file://$work/brief.html" >dom.html 2>chromium.err \
        || { cat chromium.err >&2; fail "chromium --dump-dom failed"; }
    chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" \
        --window-size=1200,2000 --screenshot="$work/shot.png" "file://$work/brief.html" \
        >/dev/null 2>>chromium.err || { cat chromium.err >&2; fail "chromium --screenshot failed"; }
    python3 "$tests/cli/check_browser.py" dom.html shot.png "$graph" 1200 50 \
        || fail "rendered page check"
    ;;
*)
    fail "unknown case"
    ;;
esac
exit 0
