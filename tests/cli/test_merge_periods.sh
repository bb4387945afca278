#!/bin/sh
# actorgraph merge where a pair has many relations of one type: which
# earlier relation a relation is merged into (the first, in output order,
# of an earlier file, not yet merged with one of the same file, sharing a
# day), and which one it contradicts (the first of an earlier file with the
# opposite sign sharing a day); undated and open-ended periods. Worked out
# by hand from the fixtures (docs/merge.md); alliance and hostility are
# mutual by default.
#   test_merge_periods.sh BIN TESTS_CLI_DIR
set -u
bin=$1 dir=$2/merge
fail() { echo "FAIL: merge periods: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$dir" || exit 1

# The decisions, one a line: "merged FILE REL into FILE REL output rN" or
# "contradiction FILE REL with FILE REL output rN rM".
decisions() {
    sed -n -e 's/^actorgraph: merge: relation merged: relation \(r[0-9]*\) of \([a-z_]*\)\.json (.*) is relation \(r[0-9]*\) of \([a-z_]*\)\.json: one relation (output \(r[0-9]*\)).*/merged \2 \1 into \4 \3 output \5/p' \
        -e 's/^actorgraph: merge: contradiction: relation \(r[0-9]*\) of \([a-z_]*\)\.json (.*) contradicts relation \(r[0-9]*\) of \([a-z_]*\)\.json (.*): opposite signs at the same time, both kept (output \(r[0-9]*\), \(r[0-9]*\))$/contradiction \2 \1 with \4 \3 output \5 \6/p' \
        -e 's/^actorgraph: merge: \([0-9]* files: .*\)/\1/p' "$1"
}

# overlap_a: r1 2000-2010, r2 2005-2015, r3 from 2020 (alliances X-Y).
# overlap_b: r1 2008 meets a.r1 and a.r2: the first, a.r1. r2 2009 meets
#   a.r1 (taken by b.r1 already) and a.r2: a.r2. r3 2009-06 meets only
#   taken ones: new, output r4. r4 undated meets all: a.r3, the one left.
# overlap_c: a new file, a.r1 and a.r2 free again: r1 2009 -> a.r1; r2
#   2009 (weight 0.5) -> a.r2; r3 2009-06-15 -> b.r3 (output r4), an
#   earlier file's. r4 hostility until 2001 (open start) contradicts a.r1
#   (output r5); r5 sanctions 2016-2019 meets no alliance (a.r2 ended
#   2015, a.r3 from 2020) and c.r4 is its own file's and a sign alike:
#   none (output r6); r6 sanctions 2019-2021 contradicts a.r3 (output r7).
"$bin" merge overlap_a.json overlap_b.json overlap_c.json -o "$tmp/o.json" 2>"$tmp/err" ||
    fail "overlap: exit $?"
decisions "$tmp/err" >"$tmp/got"
cat >"$tmp/want" <<'END'
merged overlap_b r1 into overlap_a r1 output r1
merged overlap_b r2 into overlap_a r2 output r2
merged overlap_b r4 into overlap_a r3 output r3
merged overlap_c r1 into overlap_a r1 output r1
merged overlap_c r2 into overlap_a r2 output r2
merged overlap_c r3 into overlap_b r3 output r4
contradiction overlap_c r4 with overlap_a r1 output r5 r1
contradiction overlap_c r6 with overlap_a r3 output r7 r3
3 files: 2 actors, 7 relations, 1 sources; 6 relations merged, 2 contradictions kept, 0 sources renamed, 2 shared, 0 actor differences
END
diff -u "$tmp/want" "$tmp/got" || fail "overlap: decisions"
python3 -c "import json, sys
d = json.load(open(sys.argv[1]))
got = [(r['start'] if 'start' in r else '', r['end'] if 'end' in r else '', len(r['evidence'])) for r in d['relations']]
want = [('2000', '2010', 1), ('2005', '2015', 1), ('2020', '', 1), ('2009-06', '2009-06', 1),
        ('', '2001', 1), ('2016', '2019', 1), ('2019', '2021', 1)]
assert got == want, got" "$tmp/o.json" || fail "overlap: merged relations"

# years_a: an alliance X-Y for each year 2000 .. 2019 (r1 .. r20).
# years_b: r1 hostility 2005-06..07 contradicts 2005 (r6); r2 hostility
#   2010-2012 the first of 2010, 2011, 2012 (r11); r3 sanctions undated
#   the first of all (r1); r4 alliance 2015-03 is 2015 (r16); r5 alliance
#   2013-2016 the first of 2013 .. 2016 (r14); r6 alliance 2015 (weight
#   0.5): 2015 is taken, new (r24), no earlier relation of the other sign;
#   r7 trade until 1999: new (r25); r8 hostility from 2019-12-31
#   contradicts 2019 (r20).
"$bin" merge years_a.json years_b.json -o "$tmp/y.json" 2>"$tmp/err" || fail "years: exit $?"
decisions "$tmp/err" >"$tmp/got"
cat >"$tmp/want" <<'END'
contradiction years_b r1 with years_a r6 output r21 r6
contradiction years_b r2 with years_a r11 output r22 r11
contradiction years_b r3 with years_a r1 output r23 r1
merged years_b r4 into years_a r16 output r16
merged years_b r5 into years_a r14 output r14
contradiction years_b r8 with years_a r20 output r26 r20
2 files: 2 actors, 26 relations, 1 sources; 2 relations merged, 4 contradictions kept, 0 sources renamed, 1 shared, 0 actor differences
END
diff -u "$tmp/want" "$tmp/got" || fail "years: decisions"
echo "merge periods: ok"
