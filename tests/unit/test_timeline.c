/* Timelines (actorgraph/timeline.h): snapshot dates, blocs through time,
 * the changes between snapshots. Every expected value is worked out by
 * hand in the comments from the graph below. */
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "actorgraph/timeline.h"
#include "test.h"
#include "test_graph.h"

/* Actors A B C D E F (indices 0-5); F has no relation at all.
 *   0 r1 A+B alliance   2000-2001     3 r4 B-C hostility  2000-2001
 *   1 r2 C+D alliance   2000-2001     4 r5 B-D hostility  2000-2001
 *   2 r3 A-C hostility  2000-2001     5 r6 D+E alliance   2000 (only)
 *   6 r7 A+E alliance   from 2001, no end
 * Every weight 1. The positive ties' components are the only partition
 * of frustration 0 (each component whole, every negative tie between
 * two): 2000 {A,B} {C,D,E}; 2001 {A,B,E} {C,D}. */
static const char doc[] =
    "{\"actorgraph\": 1, \"title\": \"t\","
    " \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}, {\"id\": \"D\"},"
    "              {\"id\": \"E\"}, {\"id\": \"F\"}],"
    " \"relations\": ["
    "  {\"id\": \"r1\", \"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\","
    "   \"weight\": 1, \"start\": \"2000\", \"end\": \"2001\"},"
    "  {\"id\": \"r2\", \"source\": \"C\", \"target\": \"D\", \"type\": \"alliance\","
    "   \"weight\": 1, \"start\": \"2000\", \"end\": \"2001\"},"
    "  {\"id\": \"r3\", \"source\": \"A\", \"target\": \"C\", \"type\": \"hostility\","
    "   \"weight\": 1, \"start\": \"2000\", \"end\": \"2001\"},"
    "  {\"id\": \"r4\", \"source\": \"B\", \"target\": \"C\", \"type\": \"hostility\","
    "   \"weight\": 1, \"start\": \"2000\", \"end\": \"2001\"},"
    "  {\"id\": \"r5\", \"source\": \"B\", \"target\": \"D\", \"type\": \"hostility\","
    "   \"weight\": 1, \"start\": \"2000\", \"end\": \"2001\"},"
    "  {\"id\": \"r6\", \"source\": \"D\", \"target\": \"E\", \"type\": \"alliance\","
    "   \"weight\": 1, \"start\": \"2000\", \"end\": \"2000\"},"
    "  {\"id\": \"r7\", \"source\": \"A\", \"target\": \"E\", \"type\": \"alliance\","
    "   \"weight\": 1, \"start\": \"2001\"}]}";

enum { A, B, C, D, E, F };

static ag_date date(const char *s)
{
    ag_date d = {0, 0, 0};
    if (!ag_date_parse(s, &d))
        fprintf(stderr, "bad date in test: %s\n", s);
    return d;
}

/* --every year on the whole graph: its dates run from 2000 (the earliest
 * start) to 2001 (the latest end; r7 has none), so two snapshots.
 *
 * 2000: r1-r6 in force (6 relations); A-E present, F absent (5 actors).
 *   Blocs numbered in partition order (a bloc's first member in the file):
 *   {A,B} then {C,D,E}; the first snapshot gives new identities in that
 *   order: {A,B} 0, {C,D,E} 1. Leaders, the positive strength inside:
 *   A 1 = B 1 -> A (smaller id); C 1, D 2 (C, E), E 1 -> D.
 *   pos_degree: A 1, B 1, C 1, D 2, E 1 -> ranks D 1, A B C E 2.
 *   Triangles of the signed pair graph: ABC (+ - -) and BCD (- + -), both
 *   balanced: index 1. Frustration 0.
 * 2001: r6 ended, r7 began: r1-r5, r7 (6 relations), still 5 actors.
 *   Blocs {A,B,E} (b0) and {C,D} (b1). Overlaps with 2000: b0-0 2 (A, B),
 *   b0-1 1 (E), b1-1 2 (C, D); of the two overlaps of 2, the larger bloc
 *   b0 first takes 0, b1 takes 1. So E moves from identity 1 to 0 (before
 *   2, after 1 as identity + 1). Leaders: A 2 (B, E) in {A,B,E}; C 1 = D 1
 *   -> C. pos_degree: A 2, B C D E 1 -> ranks A 1, B C D E 2.
 * Changes 2000 -> 2001, in order: began r7 (index 6, A -> E), ended r6
 *   (index 5, D -> E), bloc E 2 -> 1, then the rank moves by |move| and
 *   actor: A 2 -> 1, D 1 -> 2 (B, C, E stay at 2). With top 1 only A's. */
static void test_years(const ag_graph *g)
{
    ag_timeline_opts o;
    ag_timeline t;
    ag_error err;
    const ag_timeline_snapshot *s0, *s1;

    ag_timeline_opts_init(&o);
    o.step = AG_TIMELINE_STEP_YEAR;
    o.metric = AG_M_POS_DEGREE;
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_OK);
    CHECK_INT(t.n, 2);
    if (t.n != 2)
        goto done;
    s0 = &t.snap[0];
    s1 = &t.snap[1];
    CHECK_STR(s0->label, "2000");
    CHECK_STR(s1->label, "2001");
    CHECK(s0->sel.as_of && s0->sel.from.year == 2000 && s0->sel.to.year == 2000);
    CHECK_INT(t.n_idents, 2);

    CHECK_INT(s0->n_relations, 6);
    CHECK_INT(s0->n_present, 5);
    CHECK_INT(s0->present[F], 0);
    CHECK_INT(s0->in_force[5], 1);
    CHECK_INT(s0->in_force[6], 0);
    CHECK_INT(s0->n_blocs, 2);
    CHECK_INT(s0->n_alone, 0);
    CHECK_INT(s0->blocs[0].ident, 0);
    CHECK_INT(s0->blocs[0].leader, A);
    CHECK_INT(s0->blocs[0].size, 2);
    CHECK_INT(s0->blocs[1].ident, 1);
    CHECK_INT(s0->blocs[1].leader, D);
    CHECK_INT(s0->blocs[1].size, 3);
    CHECK_INT(s0->bloc[A], 0);
    CHECK_INT(s0->bloc[B], 0);
    CHECK_INT(s0->bloc[C], 1);
    CHECK_INT(s0->bloc[D], 1);
    CHECK_INT(s0->bloc[E], 1);
    CHECK_INT(s0->bloc[F], AG_NO_BLOC);
    CHECK_NEAR(s0->value[D], 2, 0);
    CHECK_NEAR(s0->value[E], 1, 0);
    CHECK_INT(s0->rank[D], 1);
    CHECK_INT(s0->rank[A], 2);
    CHECK_INT(s0->rank[E], 2);
    CHECK_INT(s0->rank[F], 0);
    CHECK_INT(s0->triangles, 2);
    CHECK_INT(s0->balanced, 2);
    CHECK_NEAR(s0->balance_index, 1, 1e-12);
    CHECK_INT(s0->frustration_count, 0);
    CHECK_INT(s0->n_changes, 0);

    CHECK_INT(s1->n_relations, 6);
    CHECK_INT(s1->n_present, 5);
    CHECK_INT(s1->in_force[5], 0);
    CHECK_INT(s1->in_force[6], 1);
    CHECK_INT(s1->n_blocs, 2);
    CHECK_INT(s1->blocs[0].leader, A);
    CHECK_INT(s1->blocs[0].size, 3);
    CHECK_INT(s1->blocs[1].leader, C);
    CHECK_INT(s1->blocs[1].size, 2);
    CHECK_INT(s1->bloc[E], 0);
    CHECK_INT(s1->bloc[D], 1);
    CHECK_INT(s1->rank[A], 1);
    CHECK_INT(s1->rank[D], 2);
    CHECK(ag_timeline_find_bloc(s1, 1) == &s1->blocs[1]);
    CHECK(ag_timeline_find_bloc(s1, 2) == NULL);

    CHECK_INT(s1->n_changes, 5);
    if (s1->n_changes == 5) {
        const ag_timeline_change *c = s1->changes;
        CHECK_INT(c[0].kind, AG_TIMELINE_BEGAN);
        CHECK_INT(c[0].relation, 6);
        CHECK_INT(c[0].actor, A);
        CHECK_INT(c[0].other, E);
        CHECK_INT(c[1].kind, AG_TIMELINE_ENDED);
        CHECK_INT(c[1].relation, 5);
        CHECK_INT(c[1].actor, D);
        CHECK_INT(c[1].other, E);
        CHECK_INT(c[2].kind, AG_TIMELINE_BLOC);
        CHECK_INT(c[2].actor, E);
        CHECK_INT(c[2].before, 2);
        CHECK_INT(c[2].after, 1);
        CHECK_INT(c[3].kind, AG_TIMELINE_RANK);
        CHECK_INT(c[3].actor, A);
        CHECK_INT(c[3].before, 2);
        CHECK_INT(c[3].after, 1);
        CHECK_INT(c[4].kind, AG_TIMELINE_RANK);
        CHECK_INT(c[4].actor, D);
        CHECK_INT(c[4].before, 1);
        CHECK_INT(c[4].after, 2);
    }
done:
    ag_timeline_destroy(&t);

    /* top 1: of the two moves of 1, the smaller actor's (A) */
    o.top = 1;
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_OK);
    CHECK_INT(t.n, 2);
    if (t.n == 2) {
        CHECK_INT(t.snap[1].n_changes, 4);
        if (t.snap[1].n_changes == 4) {
            CHECK_INT(t.snap[1].changes[3].kind, AG_TIMELINE_RANK);
            CHECK_INT(t.snap[1].changes[3].actor, A);
        }
    }
    ag_timeline_destroy(&t);
}

/* --every quarter --from 2001-11 --to 2002: from the quarter holding
 * November 2001 (Q4) to the one holding December 2002: 2001-Q4, 2002-Q1
 * ... 2002-Q4, five snapshots; 2001-Q4 selects 2001-10 to 2001-12.
 * 2001-Q4 is 2001 above ({A,B,E} 0, {C,D} 1: the first snapshot numbers
 * them afresh). 2002-Q1: only r7 in force: A and E present, one bloc
 * {A,E} sharing 2 with identity 0: identity 0, led by A (1 = E 1, smaller
 * id). Changes: ended r1-r5 (indices 0-4); no bloc change (A, E stay in
 * 0); pos_degree A 1, E 1 (rank 1 both): E moves 2 -> 1, A stays 1. */
static void test_quarters(const ag_graph *g)
{
    ag_timeline_opts o;
    ag_timeline t;
    ag_error err;

    ag_timeline_opts_init(&o);
    o.step = AG_TIMELINE_STEP_QUARTER;
    o.metric = AG_M_POS_DEGREE;
    o.from = date("2001-11");
    o.to = date("2002");
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_OK);
    CHECK_INT(t.n, 5);
    if (t.n == 5) {
        const ag_timeline_snapshot *s = &t.snap[1];
        CHECK_STR(t.snap[0].label, "2001-Q4");
        CHECK_STR(t.snap[1].label, "2002-Q1");
        CHECK_STR(t.snap[4].label, "2002-Q4");
        CHECK(!t.snap[0].sel.as_of);
        CHECK_INT(t.snap[0].sel.from.month, 10);
        CHECK_INT(t.snap[0].sel.to.month, 12);
        CHECK_INT(s->n_relations, 1);
        CHECK_INT(s->n_present, 2);
        CHECK_INT(s->n_blocs, 1);
        CHECK_INT(s->blocs[0].ident, 0);
        CHECK_INT(s->blocs[0].leader, A);
        CHECK_INT(s->bloc[E], 0);
        CHECK_INT(s->bloc[B], AG_NO_BLOC);
        CHECK_INT(s->n_changes, 6);
        for (size_t i = 0; i < 5 && i < s->n_changes; i++) {
            CHECK_INT(s->changes[i].kind, AG_TIMELINE_ENDED);
            CHECK_INT(s->changes[i].relation, i);
        }
        if (s->n_changes == 6) {
            CHECK_INT(s->changes[5].kind, AG_TIMELINE_RANK);
            CHECK_INT(s->changes[5].actor, E);
            CHECK_INT(s->changes[5].before, 2);
            CHECK_INT(s->changes[5].after, 1);
        }
        /* nothing changes after 2002-Q1 */
        CHECK_INT(t.snap[4].n_changes, 0);
    }
    ag_timeline_destroy(&t);
}

/* --at: snapshots as of each date, labelled by it; 2000-06 and 2001-06
 * see what the years 2000 and 2001 see (r6 ends with 2000, r7 starts
 * with 2001), so the same five changes. */
static void test_at(const ag_graph *g)
{
    ag_timeline_opts o;
    ag_timeline t;
    ag_error err;
    ag_date *d = NULL;
    size_t n = 0;

    CHECK_INT(ag_timeline_parse_dates("2000-06,2001-06", &d, &n, &err), AG_OK);
    CHECK_INT(n, 2);
    ag_timeline_opts_init(&o);
    o.at = d;
    o.n_at = n;
    o.metric = AG_M_POS_DEGREE;
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_OK);
    CHECK_INT(t.n, 2);
    if (t.n == 2) {
        CHECK_STR(t.snap[0].label, "2000-06");
        CHECK_STR(t.snap[1].label, "2001-06");
        CHECK(t.snap[1].sel.as_of);
        CHECK_INT(t.snap[1].n_changes, 5);
    }
    ag_timeline_destroy(&t);
    free(d);
}

/* Options that name no snapshot: AG_EARG, one line, an empty result. */
static void test_refused(const ag_graph *g)
{
    ag_timeline_opts o;
    ag_timeline t;
    ag_error err;
    ag_date *d = NULL, at[2];
    size_t n = 7;

    CHECK_INT(ag_timeline_parse_dates("2002,2001", &d, &n, &err), AG_EARG);
    CHECK_STR(err.message, "--at: 2001 comes before 2002; the dates must increase");
    CHECK(d == NULL && n == 0);
    CHECK_INT(ag_timeline_parse_dates("2002,2002-05", &d, &n, &err), AG_EARG);
    CHECK_STR(err.message, "--at: 2002-05 repeats or overlaps 2002; the dates must increase");
    CHECK_INT(ag_timeline_parse_dates("2002,xx", &d, &n, &err), AG_EARG);
    CHECK_STR(err.message, "--at: 'xx' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    CHECK(d == NULL);

    ag_timeline_opts_init(&o);
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_EARG); /* neither step nor dates */
    CHECK(t.n == 0 && t.snap == NULL);
    o.step = AG_TIMELINE_STEP_YEAR;
    o.from = date("2005");
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_EARG);
    CHECK_STR(err.message, "no snapshot from --from to the graph's last date");
    CHECK(t.n == 0 && t.snap == NULL);
    o.to = date("2004");
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_EARG);
    /* 1000-01 to 3000-12: 2001 years of 12 months */
    o.step = AG_TIMELINE_STEP_MONTH;
    o.from = date("1000");
    o.to = date("3000");
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_EARG);
    CHECK_STR(err.message, "24012 snapshots: more than 10000 (choose a longer step or a "
                           "shorter range)");
    /* dates given out of order, bypassing the parser */
    at[0] = date("2001");
    at[1] = date("2000");
    ag_timeline_opts_init(&o);
    o.at = at;
    o.n_at = 2;
    CHECK_INT(ag_timeline_compute(g, &o, &t, &err), AG_EARG);
    CHECK(t.n == 0 && t.snap == NULL);
}

int main(void)
{
    ag_graph *g;
    ag_init();
    g = parse(doc);
    CHECK(g != NULL);
    if (!g)
        TEST_END();
    test_years(g);
    test_quarters(g);
    test_at(g);
    test_refused(g);
    ag_graph_free(g);
    TEST_END();
}
