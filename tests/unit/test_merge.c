/* The evidence audit (actorgraph/audit.h) and merging (actorgraph/merge.h)
 * through the library, on the fixtures of tests/cli/audit and
 * tests/cli/merge; the expected values are worked out by hand there
 * (tests/cli/check_audit.py, tests/cli/test_merge.sh). */
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "test.h"

static ag_graph *load(const char *root, const char *rel)
{
    char path[1024];
    ag_graph *g = NULL;
    ag_diags d;
    ag_error e;
    snprintf(path, sizeof path, "%s/%s", root, rel);
    ag_diags_init(&d);
    ag_error_clear(&e);
    if (ag_graph_load(path, &g, &d, &e) != AG_OK)
        fprintf(stderr, "%s does not load: %s\n", path, e.message);
    ag_diags_destroy(&d);
    return g;
}

static void test_audit(const char *root)
{
    ag_graph *g = load(root, "tests/cli/audit/small.json");
    ag_audit a;
    ag_error e;
    CHECK(g != NULL);
    if (!g)
        return;
    CHECK_INT(ag_audit_graph(g, &a, &e), AG_OK);
    CHECK_INT(a.n_unsupported, 2);
    CHECK_INT(a.unsupported[0], 3); /* r4, the self-loop */
    CHECK_INT(a.unsupported[1], 4);
    CHECK_INT(a.n_single_source, 2); /* r1; r2 cites "a" twice */
    CHECK_INT(a.single_source[1], 1);
    CHECK_INT(a.n_speculative, 2);
    CHECK_INT(a.speculative[0], 2);
    CHECK_INT(a.n_actors, 4);
    CHECK_INT(a.actors[2].relations, 3); /* Z: the self-loop once */
    CHECK_INT(a.actors[2].speculative, 2);
    CHECK_INT(a.actors[3].relations, 0);
    ag_audit_free(&a);
    ag_audit_free(NULL);
    ag_graph_free(g);
}

static void test_merge(const char *root)
{
    ag_graph *in[2] = {load(root, "tests/cli/merge/a.json"), load(root, "tests/cli/merge/b.json")};
    const char *names[2] = {"a.json", "b.json"};
    ag_merge_opts o = {names, -1, "m", NULL};
    ag_merge_report rep;
    ag_graph *m = NULL;
    ag_diags d;
    ag_error e;

    CHECK(in[0] && in[1]);
    if (!in[0] || !in[1])
        goto cleanup;
    ag_diags_init(&d);
    CHECK_INT(ag_merge((const ag_graph *const *)in, 2, &o, &m, &rep, &d, &e), AG_OK);
    ag_diags_destroy(&d);
    if (!m)
        goto done;
    CHECK_INT(m->n_actors, 4);
    CHECK_INT(m->n_relations, 5);
    CHECK_INT(m->n_sources, 4);
    CHECK_STR(m->sources[2].id, "s_3");
    CHECK_STR(m->sources[2].title, "Report B");
    CHECK_INT(rep.counts[AG_MERGE_SOURCE_RENAMED], 1);
    CHECK_INT(rep.counts[AG_MERGE_SOURCE_SHARED], 1);
    CHECK_INT(rep.counts[AG_MERGE_ACTOR_DIFFERS], 1);
    CHECK_INT(rep.counts[AG_MERGE_RELATION_MERGED], 2);
    CHECK_INT(rep.counts[AG_MERGE_CONTRADICTION], 1);
    CHECK_INT(rep.notes[0].kind, AG_MERGE_SOURCE_RENAMED);
    CHECK_INT(rep.notes[0].file, 1);
    /* the alliance: a's r1 with b's evidence (renamed source), confirmed */
    CHECK_INT(m->relations[0].confidence, AG_CONF_CONFIRMED);
    CHECK_INT(m->relations[0].n_evidence, 2);
    CHECK_STR(m->relations[0].evidence[1].source, "s_3");
    CHECK_STR(m->actors[0].name, "Ex");
    CHECK_STR(m->actors[1].name, "Why");
    CHECK_STR(m->actors[2].group, "G2");
    ag_graph_free(m);
    m = NULL;
    ag_merge_report_free(&rep);

    /* --prefer b.json: X takes b's name and kind. */
    o.prefer = 1;
    ag_diags_init(&d);
    CHECK_INT(ag_merge((const ag_graph *const *)in, 2, &o, &m, &rep, &d, &e), AG_OK);
    ag_diags_destroy(&d);
    if (m) {
        CHECK_STR(m->actors[0].name, "Xland");
        CHECK_INT(m->actors[0].kind, AG_KIND_ORGANIZATION);
    }
    ag_graph_free(m);
    m = NULL;
    ag_merge_report_free(&rep);

    /* --prefer out of range is a caller's error. */
    o.prefer = 2;
    ag_diags_init(&d);
    CHECK_INT(ag_merge((const ag_graph *const *)in, 2, &o, &m, &rep, &d, &e), AG_EARG);
    CHECK(m == NULL);
    ag_diags_destroy(&d);
done:
    ag_merge_report_free(&rep);
cleanup:
    ag_graph_free(in[0]);
    ag_graph_free(in[1]);
}

int main(int argc, char **argv)
{
    const char *root = argc > 1 ? argv[1] : ".";
    ag_init();
    test_audit(root);
    test_merge(root);
    TEST_END();
}
