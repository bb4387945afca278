/* Blocs on hand-computed cases. */
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "test.h"
#include "test_graph.h"

#define HEAD "{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"}, " \
             "{\"id\": \"C\"}, {\"id\": \"D\"}, {\"id\": \"E\"}], \"relations\": ["
#define REL(s, t, sign, w) \
    "{\"source\": \"" s "\", \"target\": \"" t "\", \"type\": \"x\", \"sign\": " #sign \
    ", \"weight\": " #w ", \"mutual\": true}"

static void test_two_camps(void)
{
    /* A+B, C+D, A-C, B-D: two camps, no frustration; E has no tie and is a
     * bloc of its own. Blocs are numbered by first member in file order. */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 0.5) "," REL("C", "D", 1, 0.5) ","
                            REL("A", "C", -1, 0.5) "," REL("B", "D", -1, 0.5) "]}");
    ag_cluster_opts o;
    ag_partition p;
    ag_error err;
    if (!g)
        return;
    ag_cluster_opts_init(&o);
    CHECK_INT(ag_cluster(g, &o, &p, &err), AG_OK);
    CHECK_INT(p.n_blocs, 3);
    CHECK_INT(p.bloc[0], 0);
    CHECK_INT(p.bloc[1], 0);
    CHECK_INT(p.bloc[2], 1);
    CHECK_INT(p.bloc[3], 1);
    CHECK_INT(p.bloc[4], 2);
    CHECK_INT(p.frustration_count, 0);
    CHECK_NEAR(p.frustration_weight, 0, 0);
    CHECK(p.stability == NULL);
    /* modularity of A-B, C-D in two blocs: 2 * (1/2 - (1/2)^2) = 0.5 */
    CHECK_NEAR(p.modularity, 0.5, 1e-12);
    ag_partition_destroy(&p);

    o.runs = 4;
    CHECK_INT(ag_cluster(g, &o, &p, &err), AG_OK);
    CHECK(p.stability != NULL);
    if (p.stability)
        for (size_t v = 0; v < 5; v++)
            CHECK_NEAR(p.stability[v], 1.0, 0);
    ag_partition_destroy(&p);
    ag_graph_free(g);
}

static void test_unavoidable_frustration(void)
{
    /* A+B 0.9, B+C 0.8, A-C 0.2: an unbalanced triangle. Putting all three
     * together costs 0.2 (the negative tie inside); any split costs at
     * least 0.8. */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 0.9) "," REL("B", "C", 1, 0.8) ","
                            REL("A", "C", -1, 0.2) "]}");
    ag_cluster_opts o;
    ag_partition p;
    ag_error err;
    if (!g)
        return;
    ag_cluster_opts_init(&o);
    o.runs = 5;
    CHECK_INT(ag_cluster(g, &o, &p, &err), AG_OK);
    CHECK_INT(p.bloc[0], 0);
    CHECK_INT(p.bloc[1], 0);
    CHECK_INT(p.bloc[2], 0);
    CHECK_INT(p.frustration_count, 1);
    CHECK_NEAR(p.frustration_weight, 0.2, 1e-12);
    if (p.frustration_count == 1) {
        CHECK_INT(p.frustrating[0].a, 0);
        CHECK_INT(p.frustrating[0].b, 2);
        CHECK_NEAR(p.frustrating[0].s, -0.2, 1e-12);
    }
    ag_partition_destroy(&p);
    ag_graph_free(g);
}

static void test_unsigned_methods(void)
{
    /* two cooperative triangles joined by one weak tie */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 1) "," REL("B", "C", 1, 1) "," REL("A", "C", 1, 1) ","
                            REL("D", "E", 1, 1) "," REL("C", "D", 1, 0.1) "]}");
    ag_cluster_opts o;
    ag_partition p;
    ag_error err;
    if (!g)
        return;
    for (int m = AG_CLUSTER_LEIDEN; m < AG_CLUSTER_METHOD_COUNT; m++) {
        ag_cluster_opts_init(&o);
        o.method = (ag_cluster_method)m;
        CHECK_INT(ag_cluster(g, &o, &p, &err), AG_OK);
        if (p.bloc) {
            CHECK_INT(p.n_blocs, 2);
            CHECK_INT(p.bloc[0], 0);
            CHECK_INT(p.bloc[2], 0);
            CHECK_INT(p.bloc[3], 1);
            CHECK_INT(p.bloc[4], 1);
            CHECK_INT(p.frustration_count, 1); /* the weak C-D tie */
        }
        ag_partition_destroy(&p);
    }
    ag_graph_free(g);
}

static void test_subnormal_weights(void)
{
    /* The readers refuse weights below 1e-9, but the library takes any
     * graph: the same two triangles with subnormal weights (1e-310 and
     * 1e-311) must give the same blocs as with weights 1 and 0.1, with
     * every method (Louvain and walktrap merged all, spinglass put E with
     * A, B, C), and Leiden must stop (its resolution 1 / (2 total weight)
     * was infinite and its iterations unlimited: it never returned). The
     * signed method keeps the all-positive part whole, as with weights 1
     * and 0.1 (its tolerance is relative to the weights). */
    ag_graph *g = parse(HEAD REL("A", "B", 1, 1) "," REL("B", "C", 1, 1) "," REL("A", "C", 1, 1) ","
                            REL("D", "E", 1, 1) "," REL("C", "D", 1, 0.1) "]}");
    ag_cluster_opts o;
    ag_partition p;
    ag_error err;
    CHECK(g != NULL);
    if (!g)
        return;
    for (size_t i = 0; i < g->n_relations; i++)
        g->relations[i].weight *= 1e-310;
    for (int m = AG_CLUSTER_SIGNED; m < AG_CLUSTER_METHOD_COUNT; m++) {
        ag_cluster_opts_init(&o);
        o.method = (ag_cluster_method)m;
        CHECK_INT(ag_cluster(g, &o, &p, &err), AG_OK);
        if (p.bloc && m == AG_CLUSTER_SIGNED) {
            /* least frustration: every tie is positive, so one bloc */
            CHECK_INT(p.n_blocs, 1);
            CHECK_NEAR(p.frustration_weight, 0, 0);
        } else if (p.bloc) {
            CHECK_INT(p.n_blocs, 2);
            CHECK_INT(p.bloc[0], 0);
            CHECK_INT(p.bloc[2], 0);
            CHECK_INT(p.bloc[3], 1);
            CHECK_INT(p.bloc[4], 1);
        }
        ag_partition_destroy(&p);
    }
    ag_graph_free(g);
}

int main(void)
{
    ag_init();
    test_two_camps();
    test_unavoidable_frustration();
    test_unsigned_methods();
    test_subnormal_weights();
    TEST_END();
}
