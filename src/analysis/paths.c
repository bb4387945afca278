/* Betweenness, closeness and harmonic centrality from one shortest-path
 * sweep per source (Brandes 2001, weighted), the sources shared out among
 * threads. Distances are 1/weight. Path lengths are compared as igraph
 * compares them (a relative tolerance of 1e-10), so that paths igraph counts
 * as equally short are counted here too and the values agree with igraph's
 * to rounding.
 *
 * Same input, same output, whatever the number of threads: the sources are
 * cut into a fixed number of chunks, each chunk sums its sources in order,
 * and the chunks are added in order at the end. The code calls no igraph
 * function (Debian's igraph is not thread-safe) and keeps no global state. */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/paths.h"
#include "core/internal.h"

#define CHUNKS 8
#define EPS 1e-10

/* -1, 0 or 1 as a is less than, equal to within EPS (relative), or greater
 * than b: igraph_cmp_epsilon's rule |a - b| / (a + b) < EPS, for the
 * finite lengths >= 1 compared here (no division). */
static inline int cmp_eps(double a, double b)
{
    double diff = a - b, tol = EPS * (a + b);
    if (diff >= tol)
        return 1;
    if (diff <= -tol)
        return -1;
    return 0;
}

/* The graph in compressed rows, out-edges and in-edges. */
typedef struct rows {
    size_t n;
    size_t *out_start, *out_to;
    double *out_len;
    size_t *in_start;
} rows;

/* A heap entry: a node and its distance, kept together for locality. */
typedef struct hent {
    double d;
    size_t v;
} hent;

/* What one thread needs for a sweep. */
typedef struct sweep {
    double *dist, *sigma, *delta;
    hent *heap;            /* binary heap of reached, unsettled nodes */
    size_t *pos;           /* each node's place in the heap */
    size_t *order, n_order; /* settled nodes, nearest first */
    size_t *preds, *n_preds; /* per node: predecessors, in in_start's slots */
    unsigned char *state;  /* 0 unreached, 1 in heap, 2 settled */
} sweep;

typedef struct job {
    const rows *g;
    double *chunk_betw; /* CHUNKS x n */
    double *clos, *harm;
    size_t next_chunk;
    pthread_mutex_t lock;
    int failed;
    atomic_size_t swept; /* sources done, for progress */
    pthread_t reporter;  /* the caller's thread, the only one to report */
} job;

/* Orders the heap by distance, then by node number, so that settling is
 * deterministic. */
static inline int hent_less(hent a, hent b)
{
    return a.d < b.d || (a.d == b.d && a.v < b.v);
}

/* Moves the entry at i up to its place (a hole moves down instead of
 * swapping at each step). */
static void heap_up(sweep *w, size_t i)
{
    hent e = w->heap[i];
    while (i > 0 && hent_less(e, w->heap[(i - 1) / 2])) {
        w->heap[i] = w->heap[(i - 1) / 2];
        w->pos[w->heap[i].v] = i;
        i = (i - 1) / 2;
    }
    w->heap[i] = e;
    w->pos[e.v] = i;
}

static void heap_down(sweep *w, size_t i, size_t size)
{
    hent e = w->heap[i];
    for (;;) {
        size_t l = 2 * i + 1, m;
        if (l >= size)
            break;
        m = l + 1 < size && hent_less(w->heap[l + 1], w->heap[l]) ? l + 1 : l;
        if (!hent_less(w->heap[m], e))
            break;
        w->heap[i] = w->heap[m];
        w->pos[w->heap[i].v] = i;
        i = m;
    }
    w->heap[i] = e;
    w->pos[e.v] = i;
}

/* One sweep from source s: adds its dependencies to betw, and sets its
 * closeness and harmonic centrality. */
static void sweep_from(const rows *g, sweep *w, size_t s, double *betw, double *clos,
                       double *harm)
{
    size_t size = 0, reached = 0;
    double total = 0, inverse = 0;

    w->n_order = 0;
    w->dist[s] = 0;
    w->sigma[s] = 1;
    w->state[s] = 1;
    w->n_preds[s] = 0;
    w->heap[size] = (hent){0, s};
    w->pos[s] = size++;
    while (size > 0) {
        size_t v = w->heap[0].v;
        w->heap[0] = w->heap[--size];
        if (size > 0)
            heap_down(w, 0, size);
        w->state[v] = 2;
        w->order[w->n_order++] = v;
        if (v != s) {
            reached++;
            total += w->dist[v];
            inverse += 1.0 / w->dist[v];
        }
        for (size_t e = g->out_start[v]; e < g->out_start[v + 1]; e++) {
            size_t u = g->out_to[e];
            double alt = w->dist[v] + g->out_len[e];
            if (w->state[u] == 0) {
                w->dist[u] = alt;
                w->sigma[u] = w->sigma[v];
                w->preds[g->in_start[u]] = v;
                w->n_preds[u] = 1;
                w->state[u] = 1;
                w->heap[size] = (hent){alt, u};
                heap_up(w, size++);
            } else if (w->state[u] == 1) {
                int c = cmp_eps(alt, w->dist[u]);
                if (c < 0) {
                    w->dist[u] = alt;
                    w->sigma[u] = w->sigma[v];
                    w->preds[g->in_start[u]] = v;
                    w->n_preds[u] = 1;
                    w->heap[w->pos[u]].d = alt;
                    heap_up(w, w->pos[u]);
                } else if (c == 0) {
                    w->sigma[u] += w->sigma[v];
                    w->preds[g->in_start[u] + w->n_preds[u]++] = v;
                }
            }
        }
    }
    clos[s] = total > 0 ? (double)reached / total : 0;
    harm[s] = g->n > 1 ? inverse / (double)(g->n - 1) : 0;
    /* dependencies, farthest first */
    for (size_t i = w->n_order; i-- > 0;) {
        size_t v = w->order[i];
        for (size_t k = 0; k < w->n_preds[v]; k++) {
            size_t u = w->preds[g->in_start[v] + k];
            w->delta[u] += w->sigma[u] / w->sigma[v] * (1 + w->delta[v]);
        }
        if (v != s)
            betw[v] += w->delta[v];
    }
    for (size_t i = 0; i < w->n_order; i++) { /* reset what this sweep touched */
        size_t v = w->order[i];
        w->state[v] = 0;
        w->delta[v] = 0;
    }
}

static void sweep_free(sweep *w)
{
    free(w->dist);
    free(w->sigma);
    free(w->delta);
    free(w->heap);
    free(w->pos);
    free(w->order);
    free(w->preds);
    free(w->n_preds);
    free(w->state);
}

static int sweep_init(sweep *w, const rows *g)
{
    size_t n = g->n + 1;
    memset(w, 0, sizeof *w);
    w->dist = malloc(n * sizeof *w->dist);
    w->sigma = malloc(n * sizeof *w->sigma);
    w->delta = calloc(n, sizeof *w->delta);
    w->heap = malloc(n * sizeof *w->heap);
    w->pos = malloc(n * sizeof *w->pos);
    w->order = malloc(n * sizeof *w->order);
    w->preds = malloc((g->in_start[g->n] + 1) * sizeof *w->preds);
    w->n_preds = malloc(n * sizeof *w->n_preds);
    w->state = calloc(n, 1);
    if (!w->dist || !w->sigma || !w->delta || !w->heap || !w->pos || !w->order || !w->preds ||
        !w->n_preds || !w->state) {
        sweep_free(w);
        return -1;
    }
    return 0;
}

/* A thread: takes chunks until none is left. */
static void *worker(void *arg)
{
    job *j = arg;
    const rows *g = j->g;
    sweep w;
    if (sweep_init(&w, g) != 0) {
        pthread_mutex_lock(&j->lock);
        j->failed = 1;
        pthread_mutex_unlock(&j->lock);
        return NULL;
    }
    for (;;) {
        size_t c, lo, hi;
        pthread_mutex_lock(&j->lock);
        c = j->failed ? CHUNKS : j->next_chunk++;
        pthread_mutex_unlock(&j->lock);
        if (c >= CHUNKS)
            break;
        lo = g->n * c / CHUNKS;
        hi = g->n * (c + 1) / CHUNKS;
        for (size_t s = lo; s < hi; s++) {
            size_t done;
            sweep_from(g, &w, s, j->chunk_betw + c * g->n, j->clos, j->harm);
            done = atomic_fetch_add(&j->swept, 1) + 1;
            if (pthread_equal(pthread_self(), j->reporter))
                ag__progress("shortest paths", done, g->n);
        }
    }
    sweep_free(&w);
    return NULL;
}

static void rows_free(rows *g)
{
    free(g->out_start);
    free(g->out_to);
    free(g->out_len);
    free(g->in_start);
}

ag_status ag__path_measures(const ag_net *net, int threads, double *betw, double *clos,
                            double *harm, ag_error *err)
{
    rows g;
    job j;
    pthread_t tid[16];
    int started = 0, have_lock = 0;
    size_t n = net->n;
    ag_status st = AG_OK;

    memset(&g, 0, sizeof g);
    memset(&j, 0, sizeof j);
    g.n = n;
    g.out_start = calloc(n + 2, sizeof *g.out_start);
    g.in_start = calloc(n + 2, sizeof *g.in_start);
    g.out_to = malloc((net->m + 1) * sizeof *g.out_to);
    g.out_len = malloc((net->m + 1) * sizeof *g.out_len);
    j.chunk_betw = calloc((size_t)CHUNKS * n + 1, sizeof *j.chunk_betw);
    if (!g.out_start || !g.in_start || !g.out_to || !g.out_len || !j.chunk_betw)
        goto oom;
    /* net's edges are sorted by source: they are the out-rows already */
    for (size_t e = 0; e < net->m; e++) {
        g.out_start[net->from[e] + 1]++;
        g.in_start[net->to[e] + 1]++;
        g.out_to[e] = net->to[e];
        g.out_len[e] = 1.0 / net->w[e];
    }
    for (size_t v = 0; v < n; v++) {
        g.out_start[v + 1] += g.out_start[v];
        g.in_start[v + 1] += g.in_start[v];
    }
    j.g = &g;
    j.clos = clos;
    j.harm = harm;
    atomic_init(&j.swept, 0);
    j.reporter = pthread_self();
    if (pthread_mutex_init(&j.lock, NULL) != 0)
        goto oom;
    have_lock = 1;
    if (threads < 1)
        threads = 1;
    if (threads > CHUNKS)
        threads = CHUNKS;
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&tid[t], NULL, worker, &j) != 0)
            break; /* fewer threads: the others take up the chunks */
        started = t;
    }
    worker(&j);
    for (int t = 1; t <= started; t++)
        pthread_join(tid[t], NULL);
    ag__progress("shortest paths", n, n);
    if (j.failed)
        goto oom;
    for (size_t v = 0; v < n; v++) {
        double b = 0;
        for (size_t c = 0; c < CHUNKS; c++)
            b += j.chunk_betw[c * n + v];
        betw[v] = b;
    }
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    if (have_lock)
        pthread_mutex_destroy(&j.lock);
    free(j.chunk_betw);
    rows_free(&g);
    return st;
}
