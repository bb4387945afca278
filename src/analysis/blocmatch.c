/* Blocs through time: matching a snapshot's blocs to the previous one's by
 * shared members (ag_bloc_match, include/actorgraph/cluster.h). */
#include <stdlib.h>

#include "actorgraph/cluster.h"

typedef struct cand {
    size_t b, p;    /* bloc of this snapshot, identity of the previous */
    size_t overlap; /* actors in both */
    size_t size;    /* members of b */
} cand;

static int cmp_pair(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    if (a->p != b->p)
        return a->p < b->p ? -1 : 1;
    return 0;
}

/* Largest overlap first; then the larger bloc, the smaller identity, the
 * smaller bloc: a total order, so the greedy choice is deterministic. */
static int cmp_cand(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->overlap != b->overlap)
        return a->overlap > b->overlap ? -1 : 1;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    if (a->p != b->p)
        return a->p < b->p ? -1 : 1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    return 0;
}

ag_status ag_bloc_match(size_t n, const size_t *prev, const size_t *cur, size_t n_blocs,
                        size_t *next_id, size_t *ident, ag_error *err)
{
    cand *c = NULL;
    size_t *size = NULL, nc = 0, nu = 0;
    unsigned char *used = NULL;
    ag_status st = AG_ENOMEM;

    for (size_t b = 0; b < n_blocs; b++)
        ident[b] = AG_NO_BLOC;
    c = malloc((n + 1) * sizeof *c);
    size = calloc(n_blocs + 1, sizeof *size);
    used = calloc(*next_id + 1, 1);
    if (!c || !size || !used) {
        ag_error_set(err, AG_ENOMEM, "out of memory matching blocs");
        goto cleanup;
    }
    for (size_t v = 0; v < n; v++) {
        if (cur[v] == AG_NO_BLOC)
            continue;
        size[cur[v]]++;
        if (prev[v] != AG_NO_BLOC) {
            c[nc].b = cur[v];
            c[nc].p = prev[v];
            c[nc].overlap = 1;
            nc++;
        }
    }
    /* one candidate per (b, p) pair, counting the actors it stands for */
    qsort(c, nc, sizeof *c, cmp_pair);
    for (size_t i = 0; i < nc; i++) {
        if (nu > 0 && c[nu - 1].b == c[i].b && c[nu - 1].p == c[i].p) {
            c[nu - 1].overlap++;
            continue;
        }
        c[nu] = c[i];
        c[nu].size = size[c[i].b];
        nu++;
    }
    qsort(c, nu, sizeof *c, cmp_cand);
    for (size_t i = 0; i < nu; i++)
        if (ident[c[i].b] == AG_NO_BLOC && !used[c[i].p]) {
            ident[c[i].b] = c[i].p;
            used[c[i].p] = 1;
        }
    for (size_t b = 0; b < n_blocs; b++)
        if (ident[b] == AG_NO_BLOC && size[b] > 0)
            ident[b] = (*next_id)++;
    st = AG_OK;
cleanup:
    free(c);
    free(size);
    free(used);
    return st;
}
