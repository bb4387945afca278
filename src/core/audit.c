/* The evidence audit (actorgraph/audit.h). */
#include "actorgraph/audit.h"

#include <stdlib.h>
#include <string.h>

void ag_audit_free(ag_audit *a)
{
    if (!a)
        return;
    free(a->unsupported);
    free(a->single_source);
    free(a->speculative);
    free(a->actors);
    memset(a, 0, sizeof *a);
}

/* The number of distinct sources r's evidence cites; seen holds, per
 * source index, the last stamp that saw it. */
static size_t distinct_sources(const ag_graph *g, const ag_relation *r, size_t *seen,
                               size_t stamp)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n_evidence; k++) {
        long s = ag_graph_find_source(g, r->evidence[k].source);
        if (s < 0) {
            n++; /* cannot happen in a checked graph; counted apart anyway */
            continue;
        }
        if (seen[s] != stamp) {
            seen[s] = stamp;
            n++;
        }
    }
    return n;
}

ag_status ag_audit_graph(const ag_graph *g, ag_audit *out, ag_error *err)
{
    size_t nr = g->n_relations, *seen = NULL;
    ag_status st = AG_OK;

    memset(out, 0, sizeof *out);
    out->n_actors = g->n_actors;
    out->actors = calloc(g->n_actors ? g->n_actors : 1, sizeof *out->actors);
    out->unsupported = malloc((nr ? nr : 1) * sizeof *out->unsupported);
    out->single_source = malloc((nr ? nr : 1) * sizeof *out->single_source);
    out->speculative = malloc((nr ? nr : 1) * sizeof *out->speculative);
    seen = calloc(g->n_sources ? g->n_sources : 1, sizeof *seen);
    if (!out->actors || !out->unsupported || !out->single_source || !out->speculative ||
        !seen) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < nr; i++) {
        const ag_relation *r = &g->relations[i];
        ag_audit_actor *a = &out->actors[r->source], *b = &out->actors[r->target];
        int none = r->n_evidence == 0;
        int one = !none && distinct_sources(g, r, seen, i + 1) == 1;
        int spec = r->confidence == AG_CONF_SPECULATIVE;

        if (none)
            out->unsupported[out->n_unsupported++] = i;
        if (one)
            out->single_source[out->n_single_source++] = i;
        if (spec)
            out->speculative[out->n_speculative++] = i;
        a->relations++;
        a->unsupported += (size_t)none;
        a->single_source += (size_t)one;
        a->speculative += (size_t)spec;
        if (b != a) {
            b->relations++;
            b->unsupported += (size_t)none;
            b->single_source += (size_t)one;
            b->speculative += (size_t)spec;
        }
    }
cleanup:
    free(seen);
    return st;
}
