/* Rendering: the same graph and options give the same DOT bytes, however
 * many diagrams the process drew before (found by the render fuzz target:
 * cgraph ordered subgraphs by the address of their interned name). */
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "test.h"

static ag_graph *load(const char *dir, const char *rel)
{
    char path[4096];
    ag_graph *g = NULL;
    ag_diags d;
    ag_error err;
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    ag_diags_init(&d);
    ag_error_clear(&err);
    if (ag_graph_load(path, &g, &d, &err) != AG_OK)
        fprintf(stderr, "%s: %s\n", path, err.message);
    ag_diags_destroy(&d);
    return g;
}

/* g's DOT with its actors coloured by n_blocs made-up blocs. */
static char *dot_of(const ag_graph *g, size_t n_blocs)
{
    ag_render_opts ro;
    ag_format f = AG_FMT_DOT;
    ag_blob b = {NULL, 0};
    ag_error err;
    size_t *bloc = calloc(g->n_actors + 1, sizeof *bloc);
    for (size_t i = 0; i < g->n_actors; i++)
        bloc[i] = i % n_blocs;
    ag_render_opts_init(&ro);
    ro.color_by = AG_COLOR_BY_BLOC;
    ro.bloc = bloc;
    ro.bloc_note = "test blocs";
    ag_error_clear(&err);
    CHECK_INT(ag_render(g, &ro, &f, 1, &b, &err), AG_OK);
    free(bloc);
    return b.data;
}

/* The subgraphs (blocs, then the legend) come in the order they were made. */
static void check_cluster_order(const char *dot, size_t n_blocs)
{
    const char *p = dot;
    char want[64];
    for (size_t i = 0; i <= n_blocs; i++) {
        const char *q;
        if (i < n_blocs)
            snprintf(want, sizeof want, "subgraph cluster_%zu {", i);
        else
            snprintf(want, sizeof want, "subgraph cluster_legend {");
        q = strstr(p, want);
        CHECK(q != NULL);
        if (!q)
            return;
        p = q + 1;
    }
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    ag_graph *karate, *small;
    char *first, *again;

    ag_init();
    karate = load(dir, "tests/reference/karate.json");
    small = load(dir, "tests/cli/render/small.json");
    CHECK(karate && small);
    if (!karate || !small)
        TEST_END();

    first = dot_of(karate, 3);
    for (int round = 0; round < 20; round++) {
        free(dot_of(small, 1 + (size_t)round % 4));
        again = dot_of(karate, 3);
        CHECK(first && again && strcmp(first, again) == 0);
        free(again);
    }
    check_cluster_order(first, 3);
    free(first);
    ag_graph_free(karate);
    ag_graph_free(small);
    TEST_END();
}
