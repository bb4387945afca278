/* ag_bloc_match: blocs through time, matched by shared members; every
 * expected identity worked out by hand from the rule in cluster.h. */
#include "actorgraph/actorgraph.h"
#include "test.h"

#define X AG_NO_BLOC

/* A split: identity 0 = {0,1,2,3}, identity 1 = {4,5}; now {0,1} {2,3,4,5}
 * {6,7}. Every shared count is 2: (b0, p0), (b1, p0), (b1, p1). The larger
 * bloc goes first, b1 (4 members), with the smaller identity: b1 takes 0.
 * b0 shares only with identity 0, taken: it gets the new identity 2, and
 * b2 (no previous member) 3. Greedy, not a maximum matching: identity 1
 * ends although b0 could have had 0 and b1 1 (docs/analysis.md). */
static void test_split(void)
{
    size_t prev[8] = {0, 0, 0, 0, 1, 1, X, X}, cur[8] = {0, 0, 1, 1, 1, 1, 2, 2};
    size_t ident[3], next = 2;
    ag_error err;
    CHECK_INT(ag_bloc_match(8, prev, cur, 3, &next, ident, &err), AG_OK);
    CHECK_INT(ident[0], 2);
    CHECK_INT(ident[1], 0);
    CHECK_INT(ident[2], 3);
    CHECK_INT(next, 4);
}

/* Keeping identities: {0,1,2} was 5, {3,4} was 7; actor 2 moves: now
 * {0,1} {2,3,4}. b1 shares 2 with 7 and 1 with 5; b0 2 with 5. Both
 * overlaps 2: b1 (3 members) first takes 7, b0 takes 5. Absent actors
 * (cur X) and a bloc with no member get nothing. */
static void test_keep(void)
{
    size_t prev[6] = {5, 5, 5, 7, 7, 5}, cur[6] = {0, 0, 1, 1, 1, X};
    size_t ident[3], next = 8;
    ag_error err;
    CHECK_INT(ag_bloc_match(6, prev, cur, 3, &next, ident, &err), AG_OK);
    CHECK_INT(ident[0], 5);
    CHECK_INT(ident[1], 7);
    CHECK_INT(ident[2], AG_NO_BLOC);
    CHECK_INT(next, 8);
}

/* A merge: {0,1} was 0 and {2,3,4} was 1, now one bloc: it keeps the
 * identity it shares most with (1); identity 0 ends. No previous
 * snapshot: new identities in bloc order. */
static void test_merge_and_first(void)
{
    size_t prev[5] = {0, 0, 1, 1, 1}, cur[5] = {0, 0, 0, 0, 0}, none[5] = {X, X, X, X, X};
    size_t cur2[5] = {1, 0, 1, 0, X};
    size_t ident[2], next = 2;
    ag_error err;
    CHECK_INT(ag_bloc_match(5, prev, cur, 1, &next, ident, &err), AG_OK);
    CHECK_INT(ident[0], 1);
    CHECK_INT(next, 2);
    next = 0;
    CHECK_INT(ag_bloc_match(5, none, cur2, 2, &next, ident, &err), AG_OK);
    CHECK_INT(ident[0], 0);
    CHECK_INT(ident[1], 1);
    CHECK_INT(next, 2);
}

int main(void)
{
    test_split();
    test_keep();
    test_merge_and_first();
    TEST_END();
}
