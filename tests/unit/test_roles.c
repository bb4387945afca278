/* Ambiguity, between-bloc brokerage and sensitivity on the graph worked by
 * hand in docs/analysis.md (tests/cli/clusters/roles.json). */
#include <math.h>

#include "actorgraph/actorgraph.h"
#include "actorgraph/cluster.h"
#include "test.h"
#include "test_graph.h"

static const char hand[] =
    "{\"actorgraph\": 1, \"title\": \"t\", \"sources\": [{\"id\": \"s\", \"title\": \"s\"}],"
    " \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}, {\"id\": \"D\"}, {\"id\": \"E\"}],"
    " \"relations\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"sign\": 1, \"weight\": 1, \"mutual\": true,"
    " \"evidence\": [{\"source\": \"s\"}, {\"source\": \"s\"}]},"
    "{\"source\": \"B\", \"target\": \"C\", \"type\": \"alliance\", \"sign\": 1, \"weight\": 1, \"mutual\": true,"
    " \"evidence\": [{\"source\": \"s\"}, {\"source\": \"s\"}]},"
    "{\"source\": \"C\", \"target\": \"D\", \"type\": \"trade\", \"sign\": 1, \"weight\": 0.5, \"mutual\": true,"
    " \"confidence\": \"speculative\"},"
    "{\"source\": \"D\", \"target\": \"E\", \"type\": \"alliance\", \"sign\": 1, \"weight\": 1, \"mutual\": true},"
    "{\"source\": \"A\", \"target\": \"D\", \"type\": \"hostility\", \"sign\": -1, \"weight\": 1, \"mutual\": true},"
    "{\"source\": \"A\", \"target\": \"E\", \"type\": \"hostility\", \"sign\": -1, \"weight\": 1, \"mutual\": true},"
    "{\"source\": \"B\", \"target\": \"D\", \"type\": \"hostility\", \"sign\": -1, \"weight\": 1, \"mutual\": true},"
    "{\"source\": \"B\", \"target\": \"E\", \"type\": \"hostility\", \"sign\": -1, \"weight\": 1, \"mutual\": true}]}";

static void test_roles(void)
{
    ag_graph *g = parse(hand);
    size_t bloc[5] = {0, 0, 0, 1, 1};
    const double amb[5] = {0, 0, 1.0 / 3, 1.0 / 7, 0}, brk[5] = {0, 1.0 / 3, 2.0 / 3, 0.5, 0};
    ag_bloc_roles r;
    ag_error err;
    CHECK(g != NULL);
    if (!g)
        return;
    CHECK_INT(ag_bloc_roles_compute(g, bloc, AG_TIES_POSITIVE, AG_PATHS_AUTO, &r, &err), AG_OK);
    CHECK(!r.brokerage_skipped);
    for (int v = 0; v < 5; v++) {
        CHECK_NEAR(r.ambiguity[v], amb[v], 1e-12);
        CHECK_NEAR(r.brokerage[v], brk[v], 1e-12);
    }
    ag_bloc_roles_destroy(&r);
    /* every actor in one bloc: no pair across, so no brokerage; the
     * conflicts now sit inside: Alpha's two (of 3 weight in all) */
    for (int v = 0; v < 5; v++)
        bloc[v] = 0;
    CHECK_INT(ag_bloc_roles_compute(g, bloc, AG_TIES_POSITIVE, AG_PATHS_NONE, &r, &err), AG_OK);
    CHECK(r.brokerage_skipped);
    CHECK(isnan(r.brokerage[0]));
    CHECK_NEAR(r.ambiguity[0], 2.0 / 3, 1e-12);
    CHECK_NEAR(r.ambiguity[2], 0.0, 1e-12);
    ag_bloc_roles_destroy(&r);
    ag_graph_free(g);
}

/* docs/analysis.md's table: pagerank top 3 changes on removing relations
 * 2, 3, 4 (indexes 1, 2, 3); the blocs on removing 1, 2, 4. */
static void test_sensitivity(void)
{
    ag_graph *g = parse(hand);
    ag_sensitivity_opts o;
    ag_sensitivity s;
    ag_error err;
    static const size_t rel[4] = {0, 1, 2, 3};
    static const int pr[4] = {0, 1, 1, 1}, bl[4] = {1, 1, 0, 1};
    CHECK(g != NULL);
    if (!g)
        return;
    memset(&o, 0, sizeof o);
    o.metrics = 1u << AG_M_PAGERANK;
    o.top = 3;
    o.blocs = true;
    ag_cluster_opts_init(&o.cluster);
    CHECK_INT(ag_sensitivity_compute(g, &o, &s, &err), AG_OK);
    CHECK_INT((int)s.checked, 8);
    CHECK_INT((int)s.n_blocs, 2);
    CHECK_INT((int)s.n_items, 4);
    for (size_t i = 0; i < s.n_items && i < 4; i++) {
        CHECK_INT((int)s.items[i].relation, (int)rel[i]);
        CHECK_INT(!!(s.items[i].metrics & (1u << AG_M_PAGERANK)), pr[i]);
        CHECK_INT(s.items[i].bloc != NULL, bl[i]);
    }
    /* removing Alpha-Bravo leaves Alpha alone: 3 blocs */
    CHECK_INT((int)s.items[0].n_blocs, 3);
    ag_sensitivity_destroy(&s);
    ag_graph_free(g);
}

int main(void)
{
    ag_init();
    test_roles();
    test_sensitivity();
    TEST_END();
}
