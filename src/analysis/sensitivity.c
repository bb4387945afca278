/* Which conclusions hang on one relation: each relation removed in turn
 * (docs/analysis.md). The graph without relation i is a shallow copy of g
 * whose relation array holds every relation but i, in order; moving from i
 * to i + 1 rewrites one entry, so the copies cost nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"

void ag_sensitivity_destroy(ag_sensitivity *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_items; i++) {
        free(s->items[i].top);
        free(s->items[i].bloc);
    }
    free(s->items);
    free(s->top);
    free(s->bloc);
    memset(s, 0, sizeof *s);
}

/* The value as printed with 12 significant digits, so that rounding noise
 * does not reorder equal scores. */
static double rounded(double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.12g", v);
    return strtod(buf, NULL);
}

typedef struct ranked {
    double v;
    const char *id;
    size_t a;
} ranked;

static int by_rank(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* top[m * k + i] for every metric m of met. */
static void top_k(const ag_graph *g, const ag_metrics *met, size_t k, ranked *tmp, size_t *top)
{
    size_t n = g->n_actors;
    for (int m = 0; m < AG_METRIC_COUNT; m++) {
        if (n > 0 && isnan(met->v[m][0])) { /* left out: not ranked */
            for (size_t i = 0; i < k; i++)
                top[(size_t)m * k + i] = AG_NO_BLOC;
            continue;
        }
        for (size_t a = 0; a < n; a++)
            tmp[a] = (ranked){rounded(met->v[m][a]), g->actors[a].id, a};
        qsort(tmp, n, sizeof *tmp, by_rank);
        for (size_t i = 0; i < k; i++)
            top[(size_t)m * k + i] = i < n ? tmp[i].a : AG_NO_BLOC;
    }
}

static int cmp_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

/* Whether the first k entries of x and y hold the same actors. */
static int same_set(const size_t *x, const size_t *y, size_t k, size_t *sx, size_t *sy)
{
    memcpy(sx, x, k * sizeof *sx);
    memcpy(sy, y, k * sizeof *sy);
    qsort(sx, k, sizeof *sx, cmp_size);
    qsort(sy, k, sizeof *sy, cmp_size);
    return memcmp(sx, sy, k * sizeof *sx) == 0;
}

ag_status ag_sensitivity_compute(const ag_graph *g, const ag_sensitivity_opts *o,
                                 ag_sensitivity *out, ag_error *err)
{
    ag_status st = AG_OK;
    size_t n = g->n_actors, r = g->n_relations, k = o->top ? o->top : 1;
    size_t mk = (size_t)AG_METRIC_COUNT * k;
    ag_relation *rel = NULL;
    ranked *tmp = NULL;
    size_t *top = NULL, *sx = NULL, *sy = NULL;
    ag_metrics met;
    ag_partition part;
    ag_graph h;

    memset(out, 0, sizeof *out);
    memset(&met, 0, sizeof met);
    memset(&part, 0, sizeof part);
    out->n = n;
    out->k = k;
    if (r > AG_SENSITIVITY_MAX_RELATIONS)
        return ag_error_set(err, AG_EARG,
                            "%zu relations: --sensitivity analyses the graph again for each "
                            "relation, at most %d; select fewer first (--as-of, --from/--to, "
                            "--min-confidence)",
                            r, AG_SENSITIVITY_MAX_RELATIONS);
    rel = malloc((r + 1) * sizeof *rel);
    tmp = malloc((n + 1) * sizeof *tmp);
    top = malloc((mk + 1) * sizeof *top);
    sx = malloc((k + 1) * sizeof *sx);
    sy = malloc((k + 1) * sizeof *sy);
    out->top = malloc((mk + 1) * sizeof *out->top);
    out->items = malloc((r + 1) * sizeof *out->items);
    if (!rel || !tmp || !top || !sx || !sy || !out->top || !out->items) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* the whole graph */
    if (o->metrics) {
        if ((st = ag_metrics_compute_paths(g, o->ties, o->paths, &met, err)) != AG_OK)
            goto cleanup;
        top_k(g, &met, k, tmp, out->top);
        for (int m = 0; m < AG_METRIC_COUNT; m++)
            if (!(o->metrics & (1u << m)) || (n > 0 && isnan(met.v[m][0])))
                out->skipped |= 1u << m;
        ag_metrics_destroy(&met);
    }
    if (o->blocs) {
        if ((st = ag_cluster(g, &o->cluster, &part, err)) != AG_OK)
            goto cleanup;
        out->bloc = part.bloc;
        out->n_blocs = part.n_blocs;
        part.bloc = NULL;
        ag_partition_destroy(&part);
    }
    /* each relation removed: rel holds every relation but i */
    if (r > 0)
        memcpy(rel, g->relations + 1, (r - 1) * sizeof *rel);
    h = *g;
    h.relations = rel;
    h.n_relations = r ? r - 1 : 0;
    for (size_t i = 0; i < r; i++) {
        ag_sensitivity_item it;
        memset(&it, 0, sizeof it);
        it.relation = i;
        if (i > 0)
            rel[i - 1] = g->relations[i - 1];
        if (o->metrics) {
            if ((st = ag_metrics_compute_paths(&h, o->ties, o->paths, &met, err)) != AG_OK)
                goto cleanup;
            top_k(&h, &met, k, tmp, top);
            ag_metrics_destroy(&met);
            for (int m = 0; m < AG_METRIC_COUNT; m++)
                if (!(out->skipped & (1u << m)) &&
                    !same_set(out->top + (size_t)m * k, top + (size_t)m * k, k < n ? k : n, sx,
                              sy))
                    it.metrics |= 1u << m;
        }
        if (o->blocs) {
            if ((st = ag_cluster(&h, &o->cluster, &part, err)) != AG_OK)
                goto cleanup;
            if (memcmp(part.bloc, out->bloc, n * sizeof *part.bloc) != 0) {
                it.bloc = part.bloc;
                it.n_blocs = part.n_blocs;
                part.bloc = NULL;
            }
            ag_partition_destroy(&part);
        }
        if (it.metrics) {
            if (!(it.top = malloc((mk + 1) * sizeof *it.top))) {
                free(it.bloc);
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
            memcpy(it.top, top, mk * sizeof *top);
        }
        if (it.metrics || it.bloc)
            out->items[out->n_items++] = it;
    }
    out->checked = r;
cleanup:
    ag_metrics_destroy(&met);
    ag_partition_destroy(&part);
    free(rel);
    free(tmp);
    free(top);
    free(sx);
    free(sy);
    if (st != AG_OK)
        ag_sensitivity_destroy(out);
    return st;
}
