/* Which conclusions hang on one relation: each relation removed in turn
 * (docs/analysis.md). The graph without relation i is a shallow copy of g
 * whose relation array holds every relation but i, in order; moving from i
 * to a later j rewrites the entries between, so the copies cost nothing.
 * The metrics (igraph, which is not thread-safe) are computed on the
 * calling thread; the signed method's blocs, pure C, on every thread, each
 * taking the next relation, so the results do not depend on the threads. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "analysis/frustration.h"
#include "core/internal.h"

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

/* top[m * k + i] for every metric m of met: its leading actors
 * (ag_metric_top), AG_NO_BLOC past them. */
static ag_status top_k(const ag_graph *g, const ag_metrics *met, size_t k, size_t *top,
                       ag_error *err)
{
    for (int m = 0; m < AG_METRIC_COUNT; m++) {
        size_t *t = top + (size_t)m * k, c = 0;
        ag_status st = ag_metric_top(g, met->v[m], k, t, &c, err);
        if (st != AG_OK)
            return st;
        for (size_t i = c; i < k; i++)
            t[i] = AG_NO_BLOC;
    }
    return AG_OK;
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

/* rel (r - 1 entries) holds every relation of g but *at; makes it hold
 * every relation but i (i >= *at). */
static void skip_relation(const ag_graph *g, ag_relation *rel, size_t *at, size_t i)
{
    for (size_t t = *at; t < i; t++)
        rel[t] = g->relations[t];
    *at = i;
}

/* The bloc work shared by the threads: relation next is the next to take. */
typedef struct bloc_job {
    const ag_graph *g;
    const ag_cluster_opts *cluster;
    const size_t *base; /* the whole graph's partition */
    size_t **bloc;      /* per relation: the partition without it when it
                           differs from base, else NULL */
    size_t *n_blocs;
    size_t next;
    int failed;
    pthread_mutex_t lock;
} bloc_job;

static void fail(bloc_job *j)
{
    pthread_mutex_lock(&j->lock);
    j->failed = 1;
    pthread_mutex_unlock(&j->lock);
}

/* Takes relations of job j until none is left, reporting progress when
 * report (the front end's thread only). */
static void take_blocs(bloc_job *j, int report)
{
    const ag_graph *g = j->g;
    size_t n = g->n_actors, r = g->n_relations, at = 0, *memb = NULL;
    ag_relation *rel = malloc(r * sizeof *rel);
    ag_graph h = *g;
    ag_error err;

    memb = malloc((n + 1) * sizeof *memb);
    if (!rel || !memb) {
        fail(j);
        goto cleanup;
    }
    memcpy(rel, g->relations + 1, (r - 1) * sizeof *rel);
    h.relations = rel;
    h.n_relations = r - 1;
    for (;;) {
        size_t i, nb;
        pthread_mutex_lock(&j->lock);
        i = j->failed ? r : j->next++;
        pthread_mutex_unlock(&j->lock);
        if (i >= r)
            break;
        if (report)
            ag__progress("removing each relation: blocs", i, r);
        skip_relation(g, rel, &at, i);
        if (ag__cluster_signed_blocs(&h, j->cluster, memb, &nb, &err) != AG_OK) {
            fail(j);
            break;
        }
        if (memcmp(memb, j->base, n * sizeof *memb) != 0) {
            j->bloc[i] = memb;
            j->n_blocs[i] = nb;
            if (!(memb = malloc((n + 1) * sizeof *memb))) {
                fail(j);
                break;
            }
        }
    }
cleanup:
    free(rel);
    free(memb);
}

static void *bloc_worker(void *arg)
{
    take_blocs(arg, 0);
    return NULL;
}

ag_status ag_sensitivity_compute(const ag_graph *g, const ag_sensitivity_opts *o,
                                 ag_sensitivity *out, ag_error *err)
{
    ag_status st = AG_OK;
    size_t n = g->n_actors, r = g->n_relations, k = o->top ? o->top : 1, at = 0;
    size_t mk = (size_t)AG_METRIC_COUNT * k;
    ag_relation *rel = NULL;
    size_t *top = NULL, *sx = NULL, *sy = NULL;
    ag_metrics met;
    ag_partition part;
    ag_graph h;
    bloc_job job;
    pthread_t tid[8];
    int started = 0, have_lock = 0;
    int pool = o->blocs && o->cluster.method == AG_CLUSTER_SIGNED && r > 0;

    memset(out, 0, sizeof *out);
    memset(&met, 0, sizeof met);
    memset(&part, 0, sizeof part);
    memset(&job, 0, sizeof job);
    out->n = n;
    out->k = k;
    if (r > AG_SENSITIVITY_MAX_RELATIONS)
        return ag_error_set(err, AG_EARG,
                            "%zu relations: --sensitivity analyses the graph again for each "
                            "relation, at most %d; select fewer first (--as-of, --from/--to, "
                            "--min-confidence)",
                            r, AG_SENSITIVITY_MAX_RELATIONS);
    rel = malloc((r + 1) * sizeof *rel);
    top = malloc((mk + 1) * sizeof *top);
    sx = malloc((k + 1) * sizeof *sx);
    sy = malloc((k + 1) * sizeof *sy);
    out->top = malloc((mk + 1) * sizeof *out->top);
    out->items = calloc(r + 1, sizeof *out->items);
    job.bloc = calloc(r + 1, sizeof *job.bloc);
    job.n_blocs = calloc(r + 1, sizeof *job.n_blocs);
    if (!rel || !top || !sx || !sy || !out->top || !out->items || !job.bloc ||
        !job.n_blocs) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* the whole graph */
    if (o->metrics) {
        if ((st = ag_metrics_compute_paths(g, o->ties, o->paths, &met, err)) != AG_OK)
            goto cleanup;
        if ((st = top_k(g, &met, k, out->top, err)) != AG_OK)
            goto cleanup;
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
    /* the signed blocs of each removal go to the other threads at once */
    if (pool) {
        if (pthread_mutex_init(&job.lock, NULL) != 0) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        have_lock = 1;
        job.g = g;
        job.cluster = &o->cluster;
        job.base = out->bloc;
        for (int t = 1; t < ag__threads() && t < 8 && (size_t)t < r; t++) {
            if (pthread_create(&tid[t], NULL, bloc_worker, &job) != 0)
                break;
            started = t;
        }
    }
    /* each relation removed, metrics (and blocs of other methods) on this
       thread: rel holds every relation but i */
    if (r > 0)
        memcpy(rel, g->relations + 1, (r - 1) * sizeof *rel);
    h = *g;
    h.relations = rel;
    h.n_relations = r ? r - 1 : 0;
    for (size_t i = 0; i < r && (o->metrics || (o->blocs && !pool)); i++) {
        ag_sensitivity_item *it = &out->items[i];
        ag__progress("removing each relation", i, r);
        skip_relation(g, rel, &at, i);
        if (o->metrics) {
            if ((st = ag_metrics_compute_paths(&h, o->ties, o->paths, &met, err)) != AG_OK)
                goto cleanup;
            if ((st = top_k(&h, &met, k, top, err)) != AG_OK)
                goto cleanup;
            ag_metrics_destroy(&met);
            for (int m = 0; m < AG_METRIC_COUNT; m++)
                if (!(out->skipped & (1u << m)) &&
                    !same_set(out->top + (size_t)m * k, top + (size_t)m * k, k, sx, sy))
                    it->metrics |= 1u << m;
            if (it->metrics) {
                if (!(it->top = malloc((mk + 1) * sizeof *it->top))) {
                    st = ag_error_set(err, AG_ENOMEM, "out of memory");
                    goto cleanup;
                }
                memcpy(it->top, top, mk * sizeof *top);
            }
        }
        if (o->blocs && !pool) {
            if ((st = ag_cluster(&h, &o->cluster, &part, err)) != AG_OK)
                goto cleanup;
            if (memcmp(part.bloc, out->bloc, n * sizeof *part.bloc) != 0) {
                job.bloc[i] = part.bloc;
                job.n_blocs[i] = part.n_blocs;
                part.bloc = NULL;
            }
            ag_partition_destroy(&part);
        }
    }
    if (pool) {
        take_blocs(&job, 1); /* the calling thread joins the pool */
        for (int t = 1; t <= started; t++)
            pthread_join(tid[t], NULL);
        started = 0;
        if (job.failed) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
    }
    ag__progress("removing each relation", r, r);
    /* the items that change something, in relation order */
    for (size_t i = 0; i < r; i++) {
        ag_sensitivity_item it = out->items[i];
        it.relation = i;
        it.bloc = job.bloc[i];
        it.n_blocs = job.n_blocs[i];
        job.bloc[i] = NULL;
        out->items[i].top = NULL;
        if (it.metrics || it.bloc)
            out->items[out->n_items++] = it;
    }
    out->checked = r;
cleanup:
    if (started) { /* an error on this thread: stop the others */
        fail(&job);
        for (int t = 1; t <= started; t++)
            pthread_join(tid[t], NULL);
    }
    if (have_lock)
        pthread_mutex_destroy(&job.lock);
    for (size_t i = 0; job.bloc && i < r; i++)
        free(job.bloc[i]);
    free(job.bloc);
    free(job.n_blocs);
    if (st != AG_OK && out->items) /* items not yet compacted own their tops */
        for (size_t i = 0; i < r; i++)
            free(out->items[i].top);
    ag_metrics_destroy(&met);
    ag_partition_destroy(&part);
    free(rel);
    free(top);
    free(sx);
    free(sy);
    if (st != AG_OK)
        ag_sensitivity_destroy(out);
    return st;
}
