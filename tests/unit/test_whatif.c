/* ag_whatif_compare: a scenario compared with its base graph; every
 * expected value worked out by hand from the rules in whatif.h and
 * docs/analysis.md (signed pair graph, blocs, bloc leaders, matching,
 * balance, competition ranks). */
#include "actorgraph/actorgraph.h"
#include "actorgraph/scenario.h"
#include "actorgraph/whatif.h"
#include "test.h"
#include "test_graph.h"

enum { A, B, C, D, E }; /* actor indexes of the base graphs, in file order */

/* Builds the scenario of the changes on g and compares it; AG_OK or the
 * failure (reported). */
static ag_status compare(const ag_graph *g, const char *drop, const char *drop_actor,
                         ag_scenario *sc, ag_whatif *w)
{
    ag_scenario_spec spec = {0};
    ag_error err;
    ag_status st;
    spec.drop = &drop;
    spec.n_drop = drop ? 1 : 0;
    spec.drop_actor = &drop_actor;
    spec.n_drop_actor = drop_actor ? 1 : 0;
    if ((st = ag_scenario_build(g, &spec, sc, &err)) != AG_OK ||
        (st = ag_whatif_compare(g, sc, NULL, w, &err)) != AG_OK)
        fprintf(stderr, "compare failed: %s\n", err.message);
    return st;
}

/* Signed pair graph: A-B +1, A-C +1 - 0.8 = +0.2, B-C +0.3, D-E +1.
 * Base: every tie positive, so each connected part is one bloc: {A,B,C}
 * (bloc 0) and {D,E} (bloc 1), frustration 0. Leaders by positive
 * strength inside: A 1 + 0.2 = 1.2, B 1 + 0.3 = 1.3, C 0.5: B; D and E
 * tie at 1: D (the smaller id). Triangle ABC +++: 1 triangle, balanced.
 *
 * Scenario: --drop A:C:alliance leaves A-C at -0.8. Triangle ABC is now
 * ++- (unbalanced), weight 1 + 0.8 + 0.3 = 2.1: a dropped positive tie
 * made it unbalanced. Blocs of A, B, C (criterion 0.5 x positive between
 * + 0.5 x negative inside): {A,B,C} 0.4, {A,B}{C} 0.15, {A}{B,C} 0.5,
 * {A}{B}{C} 0.65, {A,C}{B} 1.05: {A,B}{C}, with frustration 1 tie (B-C)
 * of weight 0.3. Scenario blocs: 0 {A,B}, 1 {C}, 2 {D,E}. Matching: (0,
 * identity 0) shares 2, (2, identity 1) 2, (1, identity 0) 1; the two of
 * overlap 2 (both blocs of size 2) go first, the smaller identity first:
 * bloc 0 keeps 0, bloc 2 keeps 1, bloc 1 ({C}) gets the new identity 2.
 * C changed bloc (identity 0 -> 2). Leader of {A,B}: A and B tie at 1 (C
 * is in another bloc): A, not the base leader B, so bloc 0 changed
 * (members too); bloc 1 is new; bloc 2 ({D,E}, leader D) did not change.
 *
 * pos_degree (positive ties in the signed pair graph): base A 2, B 2, C 2,
 * D 1, E 1: ranks 1 1 1 4 4; scenario A 1, B 2, C 1, D 1, E 1: ranks 2 1
 * 2 2 2. Movers, largest |delta| first then file order: D +2 (4 -> 2),
 * E +2, A -1 (1 -> 2), C -1. neg_degree: base 0 everywhere (ranks all 1);
 * scenario A 1, C 1 (ranks 1, 1; B, D, E 3): B, D, E move -2, in that
 * order. */
static const char graph1[] =
    "{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
    " {\"id\": \"C\"}, {\"id\": \"D\"}, {\"id\": \"E\"}], \"relations\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"weight\": 1},"
    "{\"source\": \"A\", \"target\": \"C\", \"type\": \"alliance\", \"weight\": 1},"
    "{\"source\": \"A\", \"target\": \"C\", \"type\": \"hostility\", \"weight\": 0.8},"
    "{\"source\": \"B\", \"target\": \"C\", \"type\": \"trade\", \"weight\": 0.3},"
    "{\"source\": \"D\", \"target\": \"E\", \"type\": \"alliance\", \"weight\": 1}]}";

static void test_dropped_tie(void)
{
    ag_graph *g = parse(graph1);
    ag_scenario sc = {0};
    ag_whatif w;
    memset(&w, 0, sizeof w);
    if (!g) {
        CHECK(g != NULL);
        return;
    }
    CHECK_INT(compare(g, "A:C:alliance", NULL, &sc, &w), AG_OK);
    if (!w.tri)
        goto cleanup;

    /* the two sides */
    CHECK(w.side[0].g == g && w.side[1].g == sc.graph);
    CHECK_INT(w.side[0].p.n_blocs, 2);
    CHECK_INT(w.side[0].p.frustration_count, 0);
    CHECK_INT(w.side[0].leader[0], B);
    CHECK_INT(w.side[0].leader[1], D);
    CHECK_INT(w.side[1].p.n_blocs, 3);
    CHECK_INT(w.side[1].p.bloc[A], 0);
    CHECK_INT(w.side[1].p.bloc[B], 0);
    CHECK_INT(w.side[1].p.bloc[C], 1);
    CHECK_INT(w.side[1].p.bloc[D], 2);
    CHECK_INT(w.side[1].p.frustration_count, 1);
    CHECK_NEAR(w.side[1].p.frustration_weight, 0.3, 1e-12);
    CHECK_INT(w.side[1].leader[0], A);
    CHECK_INT(w.side[0].bal.triangles, 1);
    CHECK_INT(w.side[0].bal.balanced, 1);
    CHECK_INT(w.side[1].bal.triangles, 1);
    CHECK_INT(w.side[1].bal.balanced, 0);

    /* blocs matched; C moved to a new bloc */
    CHECK_INT(w.ident[0], 0);
    CHECK_INT(w.ident[1], 2);
    CHECK_INT(w.ident[2], 1);
    CHECK_INT(w.next_id, 3);
    CHECK_INT(w.ident_leader[0], B);
    CHECK_INT(w.ident_leader[1], D);
    CHECK_INT(w.ident_leader[2], C);
    CHECK_INT(w.n_moved, 1);
    CHECK_INT(w.moved[0], C);
    CHECK_INT(w.bloc_changed[0], 1);
    CHECK_INT(w.bloc_changed[1], 1);
    CHECK_INT(w.bloc_changed[2], 0);
    CHECK_INT(w.n_changed_blocs, 2);

    /* the triangle that became unbalanced */
    CHECK_INT(w.n_tri, 1);
    CHECK_INT(w.n_unbalanced, 1);
    CHECK_INT(w.n_balanced, 0);
    CHECK_INT(w.n_dissolved, 0);
    CHECK_INT(w.tri[0].a, A);
    CHECK_INT(w.tri[0].b, B);
    CHECK_INT(w.tri[0].c, C);
    CHECK_INT(w.tri[0].was, AG_TRI_BALANCED);
    CHECK_INT(w.tri[0].now, AG_TRI_UNBALANCED);
    CHECK_NEAR(w.tri[0].ab, 1.0, 1e-12);
    CHECK_NEAR(w.tri[0].ac, -0.8, 1e-12);
    CHECK_NEAR(w.tri[0].bc, 0.3, 1e-12);
    CHECK_NEAR(w.tri[0].weight, 2.1, 1e-12);

    /* rank moves */
    CHECK(w.compared[AG_M_POS_DEGREE]);
    CHECK_INT(w.side[0].rank[AG_M_POS_DEGREE][D], 4);
    CHECK_INT(w.side[1].rank[AG_M_POS_DEGREE][D], 2);
    CHECK_INT(w.n_movers[AG_M_POS_DEGREE], 4);
    if (w.n_movers[AG_M_POS_DEGREE] == 4) {
        const ag_whatif_mover *m = w.movers[AG_M_POS_DEGREE];
        CHECK_INT(m[0].base, D);
        CHECK_INT(m[0].delta, 2);
        CHECK_INT(m[1].base, E);
        CHECK_INT(m[1].delta, 2);
        CHECK_INT(m[2].base, A);
        CHECK_INT(m[2].delta, -1);
        CHECK_INT(m[3].base, C);
        CHECK_INT(m[3].scen, C);
        CHECK_INT(m[3].delta, -1);
    }
    CHECK_INT(w.n_movers[AG_M_NEG_DEGREE], 3);
    if (w.n_movers[AG_M_NEG_DEGREE] == 3) {
        CHECK_INT(w.movers[AG_M_NEG_DEGREE][0].base, B);
        CHECK_INT(w.movers[AG_M_NEG_DEGREE][0].delta, -2);
        CHECK_INT(w.movers[AG_M_NEG_DEGREE][2].base, E);
    }
cleanup:
    ag_whatif_destroy(&w);
    ag_scenario_destroy(&sc);
    ag_graph_free(g);
}

/* Signed pair graph: A-B +1, A-C -0.8, B-C +0.3, D-E +1. Base: blocs
 * {A,B} {C} {D,E} (as the scenario above), leaders A, C, D; triangle ABC
 * ++- unbalanced, weight 2.1.
 *
 * --drop-actor B: scenario actors A, C, D, E (scenario indexes 0 1 2 3,
 * base 0 2 3 4); ties A-C -0.8, D-E +1: blocs {A} {C} {D,E}, frustration
 * 0; each keeps its base bloc's identity (overlaps 1, 1, 2); nobody moved.
 * {A} changed (B left it); {C} and {D,E} did not. Triangle ABC lost two
 * ties: it no longer exists, listed with the base's ties and weight.
 *
 * pos_degree: base A 1, B 2, C 1, D 1, E 1: ranks 2 1 2 2 2; scenario A 0,
 * C 0, D 1, E 1: ranks 3 3 1 1. Movers, all |delta| 1, in file order: A
 * -1, C -1, D +1, E +1. neg_degree: A and C 1 on both sides, the others 0:
 * the same ranks, no mover. */
static const char graph2[] =
    "{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
    " {\"id\": \"C\"}, {\"id\": \"D\"}, {\"id\": \"E\"}], \"relations\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"weight\": 1},"
    "{\"source\": \"A\", \"target\": \"C\", \"type\": \"hostility\", \"weight\": 0.8},"
    "{\"source\": \"B\", \"target\": \"C\", \"type\": \"trade\", \"weight\": 0.3},"
    "{\"source\": \"D\", \"target\": \"E\", \"type\": \"alliance\", \"weight\": 1}]}";

static void test_dropped_actor(void)
{
    ag_graph *g = parse(graph2);
    ag_scenario sc = {0};
    ag_whatif w;
    memset(&w, 0, sizeof w);
    if (!g) {
        CHECK(g != NULL);
        return;
    }
    CHECK_INT(compare(g, NULL, "B", &sc, &w), AG_OK);
    if (!w.tri)
        goto cleanup;

    CHECK_INT(w.side[0].p.n_blocs, 3);
    CHECK_INT(w.side[1].p.n_blocs, 3);
    CHECK_INT(w.side[1].p.frustration_count, 0);
    CHECK_INT(w.ident[0], 0);
    CHECK_INT(w.ident[1], 1);
    CHECK_INT(w.ident[2], 2);
    CHECK_INT(w.next_id, 3);
    CHECK_INT(w.n_moved, 0);
    CHECK_INT(w.bloc_changed[0], 1);
    CHECK_INT(w.bloc_changed[1], 0);
    CHECK_INT(w.bloc_changed[2], 0);
    CHECK_INT(w.n_changed_blocs, 1);

    CHECK_INT(w.side[0].bal.triangles, 1);
    CHECK_INT(w.side[1].bal.triangles, 0);
    CHECK_INT(w.n_tri, 1);
    CHECK_INT(w.n_dissolved, 1);
    CHECK_INT(w.tri[0].a, A);
    CHECK_INT(w.tri[0].b, B);
    CHECK_INT(w.tri[0].c, C);
    CHECK_INT(w.tri[0].was, AG_TRI_UNBALANCED);
    CHECK_INT(w.tri[0].now, AG_TRI_NONE);
    CHECK_NEAR(w.tri[0].ab, 1.0, 1e-12);
    CHECK_NEAR(w.tri[0].ac, -0.8, 1e-12);
    CHECK_NEAR(w.tri[0].bc, 0.3, 1e-12);
    CHECK_NEAR(w.tri[0].weight, 2.1, 1e-12);

    CHECK_INT(w.n_movers[AG_M_POS_DEGREE], 4);
    if (w.n_movers[AG_M_POS_DEGREE] == 4) {
        const ag_whatif_mover *m = w.movers[AG_M_POS_DEGREE];
        CHECK_INT(m[0].base, A);
        CHECK_INT(m[0].delta, -1);
        CHECK_INT(m[1].base, C);
        CHECK_INT(m[1].scen, 1);
        CHECK_INT(m[1].delta, -1);
        CHECK_INT(m[2].base, D);
        CHECK_INT(m[2].scen, 2);
        CHECK_INT(m[2].delta, 1);
        CHECK_INT(m[3].base, E);
    }
    CHECK_INT(w.side[1].rank[AG_M_POS_DEGREE][1], 3);
    CHECK_INT(w.n_movers[AG_M_NEG_DEGREE], 0);
cleanup:
    ag_whatif_destroy(&w);
    ag_scenario_destroy(&sc);
    ag_graph_free(g);
}

/* A scenario compared with a graph it was not built on (more actors than
 * the base): AG_EARG, nothing left to free; destroying is harmless. */
static void test_wrong_base(void)
{
    ag_graph *g = parse(graph1);
    ag_graph *small = parse("{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"},"
                            " {\"id\": \"B\"}], \"relations\": [{\"source\": \"A\","
                            " \"target\": \"B\", \"type\": \"alliance\"}]}");
    ag_scenario sc = {0};
    ag_whatif w;
    ag_error err;
    const char *drop = "D:E";
    ag_scenario_spec spec = {0};
    if (!g || !small) {
        CHECK(g && small);
        goto cleanup;
    }
    spec.drop = &drop;
    spec.n_drop = 1;
    CHECK_INT(ag_scenario_build(g, &spec, &sc, &err), AG_OK);
    CHECK_INT(ag_whatif_compare(small, &sc, NULL, &w, &err), AG_EARG);
    CHECK_STR(err.message, "the scenario was not built on this graph");
    CHECK(w.tri == NULL && w.side[0].leader == NULL);
    ag_whatif_destroy(&w);
cleanup:
    ag_scenario_destroy(&sc);
    ag_graph_free(small);
    ag_graph_free(g);
}

/* A pair whose relations cancel but for rounding is no tie, as for the
 * blocs and the balance (ag_net_signed): A-B alliance 0.1 + alliance 0.2 +
 * hostility 0.3 + trade 0.5 = +0.5, B-C +1, A-C -1: triangle ABC (+ + -)
 * unbalanced. --drop A:B:trade leaves A-B at 0.1 + 0.2 - 0.3, zero but for
 * about 5e-17 of rounding: no tie, so the triangle dissolves (a sum taken
 * as a tiny positive tie would keep it unbalanced and list nothing). */
static void test_cancelled_pair(void)
{
    ag_graph *g = parse(
        "{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
        " {\"id\": \"C\"}], \"relations\": ["
        "{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"weight\": 0.1},"
        "{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"weight\": 0.2},"
        "{\"source\": \"A\", \"target\": \"B\", \"type\": \"hostility\", \"weight\": 0.3},"
        "{\"source\": \"A\", \"target\": \"B\", \"type\": \"trade\", \"weight\": 0.5},"
        "{\"source\": \"B\", \"target\": \"C\", \"type\": \"alliance\", \"weight\": 1},"
        "{\"source\": \"A\", \"target\": \"C\", \"type\": \"hostility\", \"weight\": 1}]}");
    ag_scenario sc = {0};
    ag_whatif w;
    memset(&w, 0, sizeof w);
    if (!g) {
        CHECK(g != NULL);
        return;
    }
    CHECK_INT(compare(g, "A:B:trade", NULL, &sc, &w), AG_OK);
    CHECK_INT(w.n_tri, 1);
    CHECK_INT(w.n_dissolved, 1);
    CHECK_INT(w.n_unbalanced, 0);
    if (w.n_tri == 1)
        CHECK_INT(w.tri[0].was, AG_TRI_UNBALANCED);
    ag_whatif_destroy(&w);
    ag_scenario_destroy(&sc);
    ag_graph_free(g);
}

int main(void)
{
    ag_init();
    test_dropped_tie();
    test_dropped_actor();
    test_wrong_base();
    test_cancelled_pair();
    TEST_END();
}
