#!/bin/sh
# With a date selected, the commands that read a graph leave out the
# contradiction warnings the selection makes moot: shown (and counted) only
# when both relations are in force during the selected period, that is
# when the days they share meet it (docs/format.md). validate lists them
# all. The expected lines are worked out by hand from
# tests/cli/moot/contradictions.json:
#   W1 line 25 /relations/1 vs 0, A-B: shared 1993-01-01 to 1995-12-31
#   W2 line 27 /relations/3 vs 2, C-D: shared 2010-01-01 to 2010-03-31
#      (the trade from 2010 has no end)
#   W3 line 29 /relations/5 vs 4, E-F: the alliance is undated (always in
#      force): shared 2011-01-01 to 2012-12-31
#   W4..W8 lines 31..39 G-H, I-J, K-L, M-N, O-P: alliance 2005 to 2012,
#      hostility 2011 to 2020: shared 2011-01-01 to 2012-12-31
# The other commands show five warnings, then one line counting the rest.
#   test_moot_warnings.sh ACTORGRAPH TESTS-DIR
set -u
bin=$1 tests=$2
g=$tests/cli/moot/contradictions.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: moot warnings: $*" >&2; exit 1; }

w() { # w N: warning N of the fixture, as printed
    case $1 in
    1) echo "actorgraph: $g:25:5: warning: /relations/1: contradicts /relations/0: A and B are in conflict (hostility, 1993 to 1999) and cooperating (alliance, 1990 to 1995) at the same time" ;;
    2) echo "actorgraph: $g:27:5: warning: /relations/3: contradicts /relations/2: C and D are in conflict (sanctions, 2008-06 to 2010-03) and cooperating (trade, from 2010) at the same time" ;;
    3) echo "actorgraph: $g:29:5: warning: /relations/5: contradicts /relations/4: E and F are in conflict (hostility, 2011 to 2012) and cooperating (alliance, undated) at the same time" ;;
    *) set -- "$1" $(echo "x x x x G H I J K L M N O P" | cut -d' ' -f$((2 * $1 - 3))-$((2 * $1 - 2)))
       echo "actorgraph: $g:$((23 + 2 * $1)):5: warning: /relations/$((2 * $1 - 1)): contradicts /relations/$((2 * $1 - 2)): $2 and $3 are in conflict (hostility, 2011 to 2020) and cooperating (alliance, 2005 to 2012) at the same time" ;;
    esac
}
more() { # more N: the count line
    if [ "$1" -eq 1 ]; then s=""; else s=s; fi
    echo "actorgraph: $g: warning: $1 more warning$s not shown ('actorgraph validate' lists them all)"
}
expect() { # expect "ARGS" LINES...: the warnings 'report ARGS' prints
    args=$1
    shift
    : >"$work/want"
    for x in "$@"; do
        case $x in
        +*) more "${x#+}" >>"$work/want" ;;
        *) w "$x" >>"$work/want" ;;
        esac
    done
    # shellcheck disable=SC2086
    "$bin" report "$g" $args >/dev/null 2>"$work/got" || fail "report $args: exit $?"
    diff "$work/want" "$work/got" >"$work/diff" || { cat "$work/diff" >&2; fail "report $args"; }
}

# no date: all eight, five shown
expect "" 1 2 3 4 5 +3
# --as-of D: the contradictions whose shared days contain D
expect "--as-of 1994" 1
expect "--as-of 1993-01-01" 1
expect "--as-of 1995-12" 1
expect "--as-of 1996" # A-B's hostility alone is in force: moot
expect "--as-of 1992"
expect "--as-of 2010" 2
expect "--as-of 2010-03-31" 2
expect "--as-of 2010-04" # the trade goes on, the sanctions ended
expect "--as-of 2011" 3 4 5 6 7 +1
expect "--as-of 2012-12-31" 3 4 5 6 7 +1
expect "--as-of 2013"
expect "--as-of 2005" # the G-H alliances alone
# --from/--to: the contradictions whose shared days meet the period
expect "--from 2010-02 --to 2011" 2 3 4 5 6 +2
expect "--from 1995-12-31 --to 2010-01-01" 1 2
expect "--from 1996 --to 2009"
expect "--to 1999" 1
expect "--to 2010-01" 1 2
expect "--from 2012-12-31" 3 4 5 6 7 +1
expect "--from 2013"
# the confidence alone is no date: every warning
expect "--min-confidence speculative" 1 2 3 4 5 +3

# every command that selects goes through the same load
"$bin" clusters "$g" --as-of 2010 >/dev/null 2>"$work/got" || fail "clusters: exit"
w 2 >"$work/want"
diff "$work/want" "$work/got" >&2 || fail "clusters --as-of 2010"
"$bin" export "$g" --format json --from 1990 --to 1995 -o "$work/x.json" >/dev/null 2>"$work/got" || fail "export: exit"
{ w 1; echo "actorgraph: wrote $work/x.json"; } >"$work/want"
diff "$work/want" "$work/got" >&2 || fail "export --from 1990 --to 1995"

# validate takes no date and lists every warning
"$bin" validate "$g" >/dev/null 2>"$work/got" || fail "validate: exit"
for i in 1 2 3 4 5 6 7 8; do w $i; done >"$work/want"
diff "$work/want" "$work/got" >&2 || fail "validate"
# the CoW graph as of 1962: the contradictions validate lists whose two
# relations are both in force on a day of 1962 (read from the file), the
# first five of them, then the count of the rest; the "ended before the
# latest source" warning is moot too
cow=$tests/../graphs/cow.json
"$bin" validate "$cow" >/dev/null 2>"$work/all" || fail "validate cow: exit"
python3 - "$cow" "$work/all" "$work/want" <<'PY' || fail "cow: expected lines"
import json, re, sys
rel = json.load(open(sys.argv[1], encoding="utf-8"))["relations"]
def first(d): # the first day of a date, as YYYYMMDD; 0 when absent
    p = [int(x) for x in d.split("-")] if d else []
    return p[0] * 10000 + (p[1] if len(p) > 1 else 1) * 100 + (p[2] if len(p) > 2 else 1) if p else 0
def last(d):
    p = [int(x) for x in d.split("-")] if d else []
    return p[0] * 10000 + (p[1] if len(p) > 1 else 12) * 100 + (p[2] if len(p) > 2 else 31) if p else 99999999
def in_1962(r):
    return first(r.get("start")) <= 19621231 and last(r.get("end")) >= 19620101
kept = []
for line in open(sys.argv[2], encoding="utf-8"):
    m = re.search(r"warning: /relations/(\d+): contradicts /relations/(\d+):", line)
    if m and in_1962(rel[int(m.group(1))]) and in_1962(rel[int(m.group(2))]):
        kept.append(line)
assert len(kept) > 5, len(kept)
with open(sys.argv[3], "w", encoding="utf-8") as out:
    out.writelines(kept[:5])
    out.write("actorgraph: %s: warning: %d more warnings not shown ('actorgraph validate' lists them all)\n"
              % (sys.argv[1], len(kept) - 5))
PY
"$bin" report "$cow" --as-of 1962 >/dev/null 2>"$work/got" || fail "report cow: exit"
diff "$work/want" "$work/got" >&2 || fail "report graphs/cow.json --as-of 1962"
echo "moot warnings: ok"
