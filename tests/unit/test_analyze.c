/* Analysis on hand-computed cases: how relations combine, PN, balance. */
#include <math.h>
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "analysis/net.h"
#include "test.h"
#include "test_graph.h"

#define HEAD "{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"}, " \
             "{\"id\": \"C\"}, {\"id\": \"D\"}], \"relations\": ["
#define REL(s, t, sign, w, mutual) \
    "{\"source\": \"" s "\", \"target\": \"" t "\", \"type\": \"x\", \"sign\": " #sign \
    ", \"weight\": " #w ", \"mutual\": " #mutual "}"

static void test_combining(void)
{
    /* A->B twice (max 0.9 counts), B<->C mutual, C->C self-loop ignored,
     * A->D negative: out of the positive graph, in the signed one. */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 0.4, false) "," REL("A", "B", 1, 0.9, false) ","
                            REL("B", "C", 1, 0.5, true) "," REL("C", "C", 1, 1, false) ","
                            REL("A", "D", -1, 0.7, false) "," REL("D", "A", 1, 0.2, false) "]}");
    ag_metrics m;
    ag_summary s;
    ag_error err;
    if (!g)
        return;
    CHECK_INT(ag_metrics_compute(g, AG_TIES_POSITIVE, &m, &err), AG_OK);
    CHECK_NEAR(m.v[AG_M_OUT_DEGREE][0], 1, 0);      /* A->B once */
    CHECK_NEAR(m.v[AG_M_OUT_STRENGTH][0], 0.9, 1e-15);
    CHECK_NEAR(m.v[AG_M_IN_DEGREE][2], 1, 0);       /* B->C from the mutual relation */
    CHECK_NEAR(m.v[AG_M_OUT_DEGREE][2], 1, 0);      /* C->B too; no self-loop */
    CHECK_NEAR(m.v[AG_M_IN_DEGREE][3], 0, 0);       /* A->D is negative */
    CHECK_NEAR(m.v[AG_M_OUT_DEGREE][3], 1, 0);      /* D->A positive */
    /* signed pairs: A-B +1.3, B-C +0.5, A-D -0.7 + 0.2 = -0.5 */
    CHECK_NEAR(m.v[AG_M_POS_DEGREE][0], 1, 0);
    CHECK_NEAR(m.v[AG_M_NEG_DEGREE][0], 1, 0);
    CHECK_NEAR(m.v[AG_M_NEG_DEGREE][3], 1, 0);
    CHECK_NEAR(m.v[AG_M_POS_DEGREE][2], 1, 0);
    /* betweenness: B lies on A->C (A->B->C), the only such path, n = 4 */
    CHECK_NEAR(m.v[AG_M_BETWEENNESS][1], (1.0 + 1.0) / 6.0, 1e-12); /* A->C and D->C */
    ag_metrics_destroy(&m);

    CHECK_INT(ag_metrics_compute(g, AG_TIES_NEGATIVE, &m, &err), AG_OK);
    CHECK_NEAR(m.v[AG_M_OUT_STRENGTH][0], 0.7, 1e-15); /* |w| of A->D */
    CHECK_NEAR(m.v[AG_M_IN_DEGREE][1], 0, 0);
    ag_metrics_destroy(&m);

    CHECK_INT(ag_metrics_compute(g, AG_TIES_ALL, &m, &err), AG_OK);
    CHECK_NEAR(m.v[AG_M_OUT_DEGREE][0], 2, 0);      /* A->B, A->D */
    CHECK_NEAR(m.v[AG_M_OUT_STRENGTH][0], 1.6, 1e-15);
    ag_metrics_destroy(&m);

    CHECK_INT(ag_summary_compute(g, AG_TIES_POSITIVE, &s, &err), AG_OK);
    CHECK_INT(s.ties, 4);                 /* A->B, B->C, C->B, D->A */
    CHECK_NEAR(s.density, 4.0 / 12.0, 1e-15);
    CHECK_NEAR(s.reciprocity, 2.0 / 4.0, 1e-15); /* B<->C */
    CHECK_INT(s.weak_components, 1);
    CHECK_INT(s.strong_components, 3);    /* {B,C}, {A}, {D} */
    CHECK_INT(s.conflict_relations, 1);
    CHECK_NEAR(s.conflict_share, 1.0 / 6.0, 1e-15);
    ag_graph_free(g);
}

static void test_pn(void)
{
    /* A-B positive, B-C negative, D isolated (n = 4, 2n - 2 = 6).
     * (I - A/6) x = 1 with A = P - 2N:
     *   x_A - x_B/6 = 1;  -x_A/6 + x_B + x_C/3 = 1;  x_B/3 + x_C = 1;  x_D = 1.
     * Substituting x_A = 1 + x_B/6 and x_C = 1 - x_B/3 into the second:
     * x_B (1 - 1/36 - 1/9) = 1 + 1/6 - 1/3, so x_B = (5/6) / (31/36) = 30/31,
     * x_A = 1 + 5/31 = 36/31, x_C = 1 - 10/31 = 21/31. */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 0.5, true) "," REL("C", "B", -1, 0.3, false) "]}");
    ag_metrics m;
    ag_error err;
    if (!g)
        return;
    CHECK_INT(ag_metrics_compute(g, AG_TIES_POSITIVE, &m, &err), AG_OK);
    CHECK_NEAR(m.v[AG_M_PN][0], 36.0 / 31.0, 1e-12);
    CHECK_NEAR(m.v[AG_M_PN][1], 30.0 / 31.0, 1e-12);
    CHECK_NEAR(m.v[AG_M_PN][2], 21.0 / 31.0, 1e-12);
    CHECK_NEAR(m.v[AG_M_PN][3], 1.0, 1e-12);
    /* D reaches no one: closeness 0, not NaN */
    CHECK_NEAR(m.v[AG_M_CLOSENESS][3], 0.0, 0);
    ag_metrics_destroy(&m);
    ag_graph_free(g);
}

static void test_balance(void)
{
    /* ABC +++ balanced; ABD (+,+,-) unbalanced; ACD (+,-,-) balanced;
     * BCD (+,-,+) unbalanced. Weights make BCD (1.9) heavier than ABD (1.7). */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 0.5, true) "," REL("B", "C", 1, 0.5, true) ","
                            REL("A", "C", 1, 0.5, true) "," REL("C", "D", -1, 0.5, true) ","
                            REL("A", "D", -1, 0.3, true) "," REL("B", "D", 1, 0.9, true) "]}");
    ag_balance b;
    ag_error err;
    if (!g)
        return;
    CHECK_INT(ag_balance_compute(g, &b, &err), AG_OK);
    CHECK_INT(b.triangles, 4);
    CHECK_INT(b.balanced, 2);
    CHECK_NEAR(b.index, 0.5, 0);
    CHECK_INT(b.n_unbalanced, 2);
    if (b.n_unbalanced == 2) {
        CHECK_INT(b.unbalanced[0].a, 1);
        CHECK_INT(b.unbalanced[0].b, 2);
        CHECK_INT(b.unbalanced[0].c, 3);
        CHECK_NEAR(b.unbalanced[0].weight, 1.9, 1e-12);
        CHECK_INT(b.unbalanced[0].negatives, 1);
        CHECK_INT(b.unbalanced[1].a, 0);
        CHECK_INT(b.unbalanced[1].c, 3);
        CHECK_NEAR(b.unbalanced[1].weight, 1.7, 1e-12);
    }
    ag_balance_destroy(&b);
    ag_graph_free(g);

    /* no triangle: index 1 by convention, nothing unbalanced */
    g = parse(HEAD REL("A", "B", 1, 0.5, true) "]}");
    if (!g)
        return;
    CHECK_INT(ag_balance_compute(g, &b, &err), AG_OK);
    CHECK_INT(b.triangles, 0);
    CHECK_NEAR(b.index, 1.0, 0);
    ag_balance_destroy(&b);
    ag_graph_free(g);
}

static void test_pn_two_actors(void)
{
    /* n = 2, b = 1/(2n-2) = 1/2: (I - bA) x = 1 with A = a [[0,1],[1,0]]
     * gives x = 1 / (1 - a/2) each. A positive tie (a = 1): 2. A negative one
     * (a = -2): the matrix [[1,1],[1,1]] is singular, and the formula's
     * limit as b -> 1/2 is 1 / (1 + 2b) = 1/2. */
    ag_graph *pos = parse("{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, "
                          "{\"id\": \"B\"}], \"relations\": [" REL("A", "B", 1, 0.3, false) "]}");
    ag_graph *neg = parse("{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, "
                          "{\"id\": \"B\"}], \"relations\": [" REL("A", "B", -1, 0.3, false) "]}");
    ag_metrics m;
    ag_error err;
    CHECK(pos != NULL && neg != NULL);
    if (!pos || !neg)
        return;
    CHECK_INT(ag_metrics_compute(pos, AG_TIES_POSITIVE, &m, &err), AG_OK);
    CHECK_NEAR(m.v[AG_M_PN][0], 2.0, 1e-15);
    CHECK_NEAR(m.v[AG_M_PN][1], 2.0, 1e-15);
    CHECK_INT(m.flags[AG_M_PN], 0);
    ag_metrics_destroy(&m);
    CHECK_INT(ag_metrics_compute(neg, AG_TIES_POSITIVE, &m, &err), AG_OK);
    CHECK_NEAR(m.v[AG_M_PN][0], 0.5, 1e-15);
    CHECK_NEAR(m.v[AG_M_PN][1], 0.5, 1e-15);
    CHECK_INT(m.flags[AG_M_PN], AG_MF_PN_LIMIT);
    ag_metrics_destroy(&m);
    ag_graph_free(pos);
    ag_graph_free(neg);
}

static void test_small_weights(void)
{
    /* Ties of the signed pair graph cancel relative to the weights summed:
     * A-B: +1.5e-9 and -1.4995e-9 (weights at the 1e-9 floor) net +5e-13, a
     * real positive tie, which the old absolute cut-off (|s| <= 1e-12)
     * dropped; C-D: 0.1 + 0.2 - 0.3 (5.6e-17 in doubles) is rounding and
     * cancels; A-C: a lone relation at the floor, 1e-9, is a tie. */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 1.5e-9, false) "," REL("B", "A", -1, 1.4995e-9, false)
                            "," REL("C", "D", 1, 0.1, false) "," REL("D", "C", 1, 0.2, false) ","
                            REL("C", "D", -1, 0.3, false) "," REL("A", "C", 1, 1e-9, false) "]}");
    ag_metrics m;
    ag_error err;
    CHECK(g != NULL);
    if (!g)
        return;
    CHECK_INT(ag_metrics_compute(g, AG_TIES_POSITIVE, &m, &err), AG_OK);
    CHECK_NEAR(m.v[AG_M_POS_DEGREE][0], 2, 0);  /* A-B and A-C */
    CHECK_NEAR(m.v[AG_M_POS_DEGREE][1], 1, 0);  /* B-A */
    CHECK_NEAR(m.v[AG_M_NEG_DEGREE][1], 0, 0);
    CHECK_NEAR(m.v[AG_M_POS_DEGREE][3], 0, 0);  /* C-D cancelled */
    CHECK_NEAR(m.v[AG_M_NEG_DEGREE][3], 0, 0);
    ag_metrics_destroy(&m);
    ag_graph_free(g);
}

static void test_names(void)
{
    ag_metric k;
    ag_ties t;
    CHECK(ag_metric_parse("pagerank", &k) && k == AG_M_PAGERANK);
    CHECK(!ag_metric_parse("page_rank", &k));
    CHECK(ag_ties_parse("all", &t) && t == AG_TIES_ALL);
    CHECK(!ag_ties_parse("both", &t));
    CHECK_STR(ag_metric_name(AG_M_PN), "pn");
}

/* Scores equal but for rounding noise order by id, even where their noise
 * straddles a rounding boundary; NaN goes last, and the top leaves out 0
 * and NaN. Actors c b a d e f g; expected order worked by hand. */
static void test_metric_order(void)
{
    ag_graph *g = parse("{\"actorgraph\": 1, \"title\": \"t\", \"actors\": ["
                        "{\"id\": \"c\"}, {\"id\": \"b\"}, {\"id\": \"a\"}, {\"id\": \"d\"},"
                        "{\"id\": \"e\"}, {\"id\": \"f\"}, {\"id\": \"g\"}], \"relations\": []}");
    /* c 1; b, a, d one score 0.9465232469675 with noise (12 digits would
       round b and d apart); e NaN; f 0; g 0.5 */
    double v[7] = {1.0, 0.9465232469674977 + 3e-16, 0.9465232469674977, 0.9465232469674977 - 3e-16,
                   NAN, 0.0, 0.5};
    size_t order[7], top[7], count = 9;
    ag_error err;
    const char *want[7] = {"c", "a", "b", "d", "g", "f", "e"};
    CHECK(g != NULL);
    if (!g)
        return;
    CHECK(ag_metric_order(g, v, order, &err) == AG_OK);
    for (int i = 0; i < 7; i++)
        CHECK_STR(g->actors[order[i]].id, want[i]);
    CHECK(ag_metric_top(g, v, 3, top, &count, &err) == AG_OK);
    CHECK_INT(count, 3);
    CHECK_STR(g->actors[top[2]].id, "b");
    CHECK(ag_metric_top(g, v, 7, top, &count, &err) == AG_OK);
    CHECK_INT(count, 5); /* f (0) and e (NaN) left out */
    CHECK_STR(g->actors[top[4]].id, "g");
    ag_graph_free(g);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The tie and signed graphs come out sorted by (u, v), one edge per pair,
 * from relations given in no order: 20 on one pair (a run sorted by qsort),
 * 5 on another (by insertion), single ones, both directions. The signed
 * sum adds a pair's values in increasing order. */
static void test_net_order(void)
{
    char text[8192];
    size_t len = 0;
    double ab[20], given = 0, want = 0, wmax[2] = {0, 0};
    ag_graph *g;
    ag_net t, sg;
    ag_error err;
    len += (size_t)snprintf(text + len, sizeof text - len, "%s", HEAD);
    for (int i = 0; i < 20; i++) {
        /* B->A and A->B, signs mixed, weights scrambled */
        int k = (i * 7) % 20, sign = k % 3 == 0 ? -1 : 1;
        double w = 0.025 + k / 40.0 + k / 3e5;
        ab[i] = sign * w;
        if (sign > 0 && w > wmax[i % 2])
            wmax[i % 2] = w; /* the strongest positive A->B, B->A */
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "{\"source\": \"%s\", \"target\": \"%s\", \"type\": \"x\", "
                                "\"sign\": %d, \"weight\": %.17g},",
                                i % 2 ? "B" : "A", i % 2 ? "A" : "B", sign, w);
    }
    for (int i = 0; i < 5; i++)
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "{\"source\": \"D\", \"target\": \"C\", \"type\": \"x\", "
                                "\"sign\": 1, \"weight\": %.3f},",
                                0.9 - 0.1 * i);
    snprintf(text + len, sizeof text - len,
             "%s", REL("C", "A", 1, 0.3, false) "," REL("B", "D", -1, 0.6, true) "]}");
    g = parse(text);
    if (!g)
        return;
    CHECK_INT(ag_net_ties(g, AG_TIES_POSITIVE, &t, &err), AG_OK);
    /* A->B, B->A, C->A, D->C */
    CHECK_INT(t.m, 4);
    if (t.m == 4) {
        size_t from[] = {0, 1, 2, 3}, to[] = {1, 0, 0, 2};
        for (size_t e = 0; e < 4; e++) {
            CHECK_INT(t.from[e], from[e]);
            CHECK_INT(t.to[e], to[e]);
        }
        CHECK(t.w[0] == wmax[0]);
        CHECK(t.w[1] == wmax[1]);
        CHECK_NEAR(t.w[3], 0.9, 1e-15);
    }
    ag_net_destroy(&t);
    CHECK_INT(ag_net_signed(g, &sg, &err), AG_OK);
    /* {A,B}, {A,C}, {B,D}, {C,D} */
    CHECK_INT(sg.m, 4);
    for (int i = 0; i < 20; i++)
        given += ab[i];
    qsort(ab, 20, sizeof *ab, cmp_double);
    for (int i = 0; i < 20; i++)
        want += ab[i];
    CHECK(given != want); /* so that the order of the additions shows */
    if (sg.m == 4) {
        for (size_t e = 1; e < sg.m; e++)
            CHECK(sg.from[e - 1] < sg.from[e] ||
                  (sg.from[e - 1] == sg.from[e] && sg.to[e - 1] < sg.to[e]));
        CHECK(sg.w[0] == want); /* the same additions, in the same order */
        CHECK_INT(sg.from[3], 2);
        CHECK_INT(sg.to[3], 3);
        CHECK_NEAR(sg.w[3], 0.9 + 0.8 + 0.7 + 0.6 + 0.5, 1e-12);
        CHECK_NEAR(sg.w[2], -0.6, 1e-15); /* B<->D mutual: counted once */
    }
    ag_net_destroy(&sg);
    ag_graph_free(g);
}

int main(void)
{
    ag_init();
    test_combining();
    test_pn();
    test_balance();
    test_pn_two_actors();
    test_small_weights();
    test_names();
    test_metric_order();
    test_net_order();
    TEST_END();
}
