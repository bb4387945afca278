/* Betweenness, closeness and harmonic centrality from one shortest-path
 * sweep per source (Brandes 2001, weighted), the sources shared out among
 * threads. Distances are 1/weight. Path lengths are compared as igraph
 * compares them (a relative tolerance of 1e-10), so that paths igraph counts
 * as equally short are counted here too and the values agree with igraph's
 * to rounding.
 *
 * Same input, same output, whatever the number of threads: the sources are
 * cut into a fixed number of chunks, each chunk sums its sources in order,
 * and the chunks are added in order at the end. The threads take the
 * sources one at a time, in order (so that none idles while another
 * finishes a long chunk); a source swept ahead of its turn keeps its
 * dependencies in a slot until every earlier one's are added. The code
 * calls no igraph function (Debian's igraph is not thread-safe) and keeps
 * no global state.
 *
 * Each search is Dijkstra's with a 4-ary heap whose entries are single
 * 128-bit keys (distance, then node number), over compressed rows of
 * 32-bit node numbers. Nodes settle in order of (distance, number), so the
 * sums run in the same order as with any other exact heap. */
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/paths.h"
#include "core/internal.h"

#define CHUNKS 8
#define EPS 1e-10

/* -1, 0 or 1 as a is less than, equal to within EPS (relative), or greater
 * than b: igraph_cmp_epsilon's rule |a - b| / (a + b) < EPS, for the
 * finite lengths >= 1 compared here (no division). For a finite a, b = +inf
 * gives -1 and b = -inf gives 1. */
static inline int cmp_eps(double a, double b)
{
    double diff = a - b, tol = EPS * (a + b);
    if (diff >= tol)
        return 1;
    if (diff <= -tol)
        return -1;
    return 0;
}

/* An out-arc. */
typedef struct arc {
    double len;     /* 1 / weight */
    uint32_t to;
    uint32_t to_in; /* in_start[to]: where to's predecessors are kept */
} arc;

/* The graph in compressed rows: out-arcs, and the slots of each node's
 * in-arcs (for its predecessors). Node and arc numbers fit in 32 bits
 * (ag__path_measures checks). */
typedef struct rows {
    size_t n;
    uint32_t *out_start, *in_start;
    arc *out;
} rows;

/* A heap entry: the bits of a node's distance (which, for distances >= 0,
 * order as the distances do) above the node's number, so that one unsigned
 * comparison orders by distance, then by number, without a branch. */
#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 hent;

static inline hent hent_make(double d, uint32_t v)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return (hent)bits << 32 | v;
}

static inline double hent_d(hent e)
{
    uint64_t bits = (uint64_t)(e >> 32);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static inline uint32_t hent_v(hent e)
{
    return (uint32_t)e;
}

static inline int hent_less(hent a, hent b)
{
    return a < b;
}
#else
/* the same order, on compilers without 128-bit integers */
typedef struct hent {
    uint64_t bits;
    uint32_t v;
} hent;

static inline hent hent_make(double d, uint32_t v)
{
    hent e;
    memcpy(&e.bits, &d, sizeof e.bits);
    e.v = v;
    return e;
}

static inline double hent_d(hent e)
{
    double d;
    memcpy(&d, &e.bits, sizeof d);
    return d;
}

static inline uint32_t hent_v(hent e)
{
    return e.v;
}

static inline int hent_less(hent a, hent b)
{
    return (a.bits < b.bits) | ((a.bits == b.bits) & (a.v < b.v));
}
#endif

/* What one thread needs for a sweep. */
typedef struct sweep {
    double *dist;              /* +inf unreached, -inf settled */
    double *sigma, *delta;
    hent *heap;                /* 4-ary heap of reached, unsettled nodes */
    uint32_t *pos;             /* each node's place in the heap */
    uint32_t *order, n_order;  /* settled nodes, nearest first */
    uint32_t *preds, *n_preds; /* per node: predecessors, in in_start's slots */
} sweep;

/* Dependencies swept ahead of their turn: source s's values d[k] for the
 * nodes v[k]. */
typedef struct held {
    size_t s;
    uint32_t count;
    int used;
    uint32_t *v;
    double *d;
} held;

typedef struct job {
    const rows *g;
    double *chunk_betw;  /* CHUNKS x n */
    size_t bound[CHUNKS + 1]; /* chunk c holds the sources bound[c] .. bound[c + 1] - 1 */
    double *clos, *harm;
    const size_t *bloc;  /* NULL, or only targets in another bloc than the
                            source count (ag__bloc_betweenness) */
    size_t next_source;  /* the next source to sweep */
    size_t next_add;     /* the next source whose dependencies go into chunk_betw */
    held *slots;         /* n_slots, for sources swept ahead of next_add */
    size_t n_slots;
    pthread_mutex_t lock; /* over next_source, next_add, slots, chunk_betw, failed */
    pthread_cond_t added; /* next_add moved, or the job stops */
    int failed;
    atomic_size_t swept; /* sources done, for progress */
    atomic_int stop;     /* set by ag__paths_cancel */
    pthread_t reporter;  /* the caller's thread, the only one to report */
} job;

/* Puts e at heap place i or above, where it belongs (a hole moves up
 * instead of swapping at each step); i is a free place, or e's own. */
static inline void heap_up(hent *heap, uint32_t *pos, uint32_t i, hent e)
{
    while (i > 0 && hent_less(e, heap[(i - 1) / 4])) {
        heap[i] = heap[(i - 1) / 4];
        pos[hent_v(heap[i])] = i;
        i = (i - 1) / 4;
    }
    heap[i] = e;
    pos[hent_v(e)] = i;
}

/* Removes and returns the least entry of a non-empty heap: the hole at the
 * root moves down to a leaf, always to its least child, and the last entry
 * moves up from there (it mostly belongs near the bottom). */
static inline hent heap_pop(hent *heap, uint32_t *pos, uint32_t *size)
{
    hent top = heap[0], e = heap[--*size];
    uint32_t i = 0, n = *size;
    for (;;) {
        uint32_t c = 4 * i + 1, m = c;
        if (c + 3 < n) {
            uint32_t a = hent_less(heap[c + 1], heap[c]) ? c + 1 : c;
            uint32_t b = hent_less(heap[c + 3], heap[c + 2]) ? c + 3 : c + 2;
            m = hent_less(heap[b], heap[a]) ? b : a;
        } else {
            if (c >= n)
                break;
            for (uint32_t k = c + 1; k < n; k++)
                if (hent_less(heap[k], heap[m]))
                    m = k;
        }
        heap[i] = heap[m];
        pos[hent_v(heap[i])] = i;
        i = m;
    }
    if (n > 0)
        heap_up(heap, pos, i, e);
    return top;
}

/* One sweep from source s: leaves its dependencies in w->delta for the
 * nodes w->order lists (sweep_reset clears them), and sets its closeness
 * and harmonic centrality. A settled node's distance is -inf,
 * which cmp_eps finds greater than any path, so that an arc into a settled
 * node is passed over without a test of its own; an unreached node's is
 * +inf (as the sweep finds and leaves every node), smaller than any. */
static void sweep_from(const rows *g, sweep *w, uint32_t s, double *clos, double *harm,
                       const size_t *bloc)
{
    uint32_t size = 0, reached = 0;
    double total = 0, inverse = 0;
    double *dist = w->dist, *sigma = w->sigma, *delta = w->delta;
    uint32_t *preds = w->preds, *n_preds = w->n_preds, *pos = w->pos;
    hent *heap = w->heap;
    const arc *out = g->out;

    w->n_order = 0;
    dist[s] = 0;
    sigma[s] = 1;
    n_preds[s] = 0;
    heap_up(heap, pos, size++, hent_make(0, s));
    while (size > 0) {
        hent top = heap_pop(heap, pos, &size);
        uint32_t v = hent_v(top);
        double dv = hent_d(top);
        dist[v] = -HUGE_VAL;
        w->order[w->n_order++] = v;
        if (v != s) {
            reached++;
            total += dv;
            inverse += 1.0 / dv;
        }
        for (uint32_t e = g->out_start[v], end = g->out_start[v + 1]; e < end; e++) {
            uint32_t u = out[e].to;
            double alt = dv + out[e].len;
            int c = cmp_eps(alt, dist[u]);
            if (c < 0) {
                /* first reached (dist +inf), or a shorter path */
                uint32_t place = dist[u] == HUGE_VAL ? size++ : pos[u];
                dist[u] = alt;
                sigma[u] = sigma[v];
                preds[out[e].to_in] = v;
                n_preds[u] = 1;
                heap_up(heap, pos, place, hent_make(alt, u));
            } else if (c == 0) {
                sigma[u] += sigma[v];
                preds[out[e].to_in + n_preds[u]++] = v;
            }
        }
    }
    clos[s] = total > 0 ? (double)reached / total : 0;
    harm[s] = g->n > 1 ? inverse / (double)(g->n - 1) : 0;
    /* dependencies, farthest first */
    for (uint32_t i = w->n_order; i-- > 0;) {
        uint32_t v = w->order[i];
        const uint32_t *p = preds + g->in_start[v];
        /* v counts as a target: always, or when in another bloc than s */
        double target = !bloc || bloc[v] != bloc[s] ? 1.0 : 0.0;
        for (uint32_t k = 0; k < n_preds[v]; k++) {
            uint32_t u = p[k];
            delta[u] += sigma[u] / sigma[v] * (target + delta[v]);
        }
    }
}

/* Resets what sweep_from touched. */
static void sweep_reset(sweep *w)
{
    for (uint32_t i = 0; i < w->n_order; i++) {
        uint32_t v = w->order[i];
        w->dist[v] = HUGE_VAL;
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
    if (!w->dist || !w->sigma || !w->delta || !w->heap || !w->pos || !w->order || !w->preds ||
        !w->n_preds) {
        sweep_free(w);
        return -1;
    }
    for (size_t v = 0; v < n; v++)
        w->dist[v] = HUGE_VAL;
    return 0;
}

/* The sums of source s's chunk. */
static double *chunk_sums(const job *j, size_t s)
{
    size_t c = 0;
    while (s >= j->bound[c + 1])
        c++;
    return j->chunk_betw + c * j->g->n;
}

/* Adds source s's dependencies (d[k] for the nodes v[k], s itself left
 * out) to its chunk's sums. Under j->lock. */
static void add_deps(job *j, size_t s, const uint32_t *v, const double *d, uint32_t count)
{
    double *b = chunk_sums(j, s);
    for (uint32_t k = 0; k < count; k++)
        if (v[k] != s)
            b[v[k]] += d[k];
}

/* Hands source s's dependencies, in w, to the chunk sums: added at once when
 * every earlier source's are, else kept in a slot until they are (waiting
 * for a free slot if need be; the thread with the source next in turn never
 * waits). Under j->lock. */
static void hand_in(job *j, sweep *w, size_t s)
{
    for (;;) {
        if (s == j->next_add) {
            /* the values sit in delta, by node */
            double *b = chunk_sums(j, s);
            for (uint32_t k = 0; k < w->n_order; k++)
                if (w->order[k] != s)
                    b[w->order[k]] += w->delta[w->order[k]];
            j->next_add++;
            for (size_t i = 0; i < j->n_slots; i++) /* and those that waited on it */
                if (j->slots[i].used && j->slots[i].s == j->next_add) {
                    held *h = &j->slots[i];
                    add_deps(j, h->s, h->v, h->d, h->count);
                    h->used = 0;
                    j->next_add++;
                    i = (size_t)-1; /* from the start: the next one may sit anywhere */
                }
            pthread_cond_broadcast(&j->added);
            return;
        }
        if (j->failed || atomic_load(&j->stop))
            return; /* the sums are not wanted */
        for (size_t i = 0; i < j->n_slots; i++)
            if (!j->slots[i].used) {
                held *h = &j->slots[i];
                h->used = 1;
                h->s = s;
                h->count = w->n_order;
                for (uint32_t k = 0; k < w->n_order; k++) {
                    h->v[k] = w->order[k];
                    h->d[k] = w->delta[w->order[k]];
                }
                return;
            }
        pthread_cond_wait(&j->added, &j->lock);
    }
}

/* Stops the job: no source is taken after this one, and waiting threads
 * wake. */
static void job_stop(job *j, int failed)
{
    pthread_mutex_lock(&j->lock);
    atomic_store(&j->stop, 1);
    if (failed)
        j->failed = 1;
    pthread_cond_broadcast(&j->added);
    pthread_mutex_unlock(&j->lock);
}

/* A thread: takes sources, in order, until none is left. */
static void *worker(void *arg)
{
    job *j = arg;
    const rows *g = j->g;
    sweep w;
    if (sweep_init(&w, g) != 0) {
        job_stop(j, 1);
        return NULL;
    }
    for (;;) {
        size_t s, done;
        pthread_mutex_lock(&j->lock);
        s = j->failed || atomic_load(&j->stop) || j->next_source >= g->n ? g->n
                                                                         : j->next_source++;
        pthread_mutex_unlock(&j->lock);
        if (s >= g->n)
            break;
        sweep_from(g, &w, (uint32_t)s, j->clos, j->harm, j->bloc);
        pthread_mutex_lock(&j->lock);
        hand_in(j, &w, s);
        pthread_mutex_unlock(&j->lock);
        sweep_reset(&w);
        done = atomic_fetch_add(&j->swept, 1) + 1;
        if (pthread_equal(pthread_self(), j->reporter))
            ag__progress("shortest paths", done, g->n);
    }
    sweep_free(&w);
    return NULL;
}

static void rows_free(rows *g)
{
    free(g->out_start);
    free(g->in_start);
    free(g->out);
}

/* A sweep under way: the graph, the job and the helper threads. */
struct ag__paths {
    rows g;
    job j;
    double *clos, *harm; /* the job's, n each */
    uint32_t *slot_v;    /* the slots' room, n_slots x n each */
    double *slot_d;
    pthread_t tid[CHUNKS];
    int started, have_lock, have_cond;
};

/* Waits for the helpers and frees p (NULL is fine). */
static void paths_free(ag__paths *p)
{
    if (!p)
        return;
    for (int t = 1; t <= p->started; t++)
        pthread_join(p->tid[t], NULL);
    if (p->have_cond)
        pthread_cond_destroy(&p->j.added);
    if (p->have_lock)
        pthread_mutex_destroy(&p->j.lock);
    free(p->j.slots);
    free(p->slot_v);
    free(p->slot_d);
    free(p->j.chunk_betw);
    free(p->clos);
    free(p->harm);
    rows_free(&p->g);
    free(p);
}

/* ag__paths_start, with the targets restricted by bloc (NULL: none). */
static ag_status paths_start(const ag_net *net, const size_t *bloc, int threads,
                             ag__paths **out, ag_error *err)
{
    ag__paths *p;
    size_t n = net->n;

    *out = NULL;
    if (n >= UINT32_MAX || net->m >= UINT32_MAX)
        return ag_error_set(err, AG_ENOMEM,
                            "too large for the shortest-path search (%zu actors, %zu ties)", n,
                            net->m);
    if (!(p = calloc(1, sizeof *p)))
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    p->g.n = n;
    p->g.out_start = calloc(n + 2, sizeof *p->g.out_start);
    p->g.in_start = calloc(n + 2, sizeof *p->g.in_start);
    p->g.out = malloc((net->m + 1) * sizeof *p->g.out);
    p->j.chunk_betw = calloc((size_t)CHUNKS * n + 1, sizeof *p->j.chunk_betw);
    p->clos = calloc(n + 1, sizeof *p->clos);
    p->harm = calloc(n + 1, sizeof *p->harm);
    if (threads < 1)
        threads = 1;
    if (threads > CHUNKS)
        threads = CHUNKS;
    /* room for each thread to sweep a source ahead of the one in turn */
    p->j.n_slots = 2 * (size_t)threads;
    p->j.slots = calloc(p->j.n_slots, sizeof *p->j.slots);
    p->slot_v = malloc(p->j.n_slots * (n + 1) * sizeof *p->slot_v);
    p->slot_d = malloc(p->j.n_slots * (n + 1) * sizeof *p->slot_d);
    if (!p->g.out_start || !p->g.in_start || !p->g.out || !p->j.chunk_betw || !p->clos ||
        !p->harm || !p->j.slots || !p->slot_v || !p->slot_d) {
        paths_free(p);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    if (pthread_mutex_init(&p->j.lock, NULL) != 0) {
        paths_free(p);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    p->have_lock = 1;
    if (pthread_cond_init(&p->j.added, NULL) != 0) {
        paths_free(p);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    p->have_cond = 1;
    for (size_t i = 0; i < p->j.n_slots; i++) {
        p->j.slots[i].v = p->slot_v + i * (n + 1);
        p->j.slots[i].d = p->slot_d + i * (n + 1);
    }
    for (size_t c = 0; c <= CHUNKS; c++)
        p->j.bound[c] = n * c / CHUNKS;
    /* net's edges are sorted by source: they are the out-rows already */
    for (size_t e = 0; e < net->m; e++) {
        p->g.out_start[net->from[e] + 1]++;
        p->g.in_start[net->to[e] + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        p->g.out_start[v + 1] += p->g.out_start[v];
        p->g.in_start[v + 1] += p->g.in_start[v];
    }
    for (size_t e = 0; e < net->m; e++)
        p->g.out[e] = (arc){1.0 / net->w[e], (uint32_t)net->to[e], p->g.in_start[net->to[e]]};
    p->j.g = &p->g;
    p->j.clos = p->clos;
    p->j.harm = p->harm;
    p->j.bloc = bloc;
    atomic_init(&p->j.swept, 0);
    atomic_init(&p->j.stop, 0);
    p->j.reporter = pthread_self();
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&p->tid[t], NULL, worker, &p->j) != 0)
            break; /* fewer threads: the others take up the sources */
        p->started = t;
    }
    *out = p;
    return AG_OK;
}

ag_status ag__paths_finish(ag__paths *p, double *betw, double *clos, double *harm,
                           ag_error *err)
{
    size_t n = p->g.n;
    ag_status st = AG_OK;

    worker(&p->j);
    for (int t = 1; t <= p->started; t++)
        pthread_join(p->tid[t], NULL);
    p->started = 0;
    ag__progress("shortest paths", n, n);
    if (p->j.failed) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
    } else {
        for (size_t v = 0; v < n; v++) {
            double b = 0;
            for (size_t c = 0; c < CHUNKS; c++)
                b += p->j.chunk_betw[c * n + v];
            betw[v] = b;
        }
        memcpy(clos, p->clos, n * sizeof *clos);
        memcpy(harm, p->harm, n * sizeof *harm);
    }
    paths_free(p);
    return st;
}

ag_status ag__paths_start(const ag_net *net, int threads, ag__paths **out, ag_error *err)
{
    return paths_start(net, NULL, threads, out, err);
}

ag_status ag__bloc_betweenness(const ag_net *net, const size_t *bloc, int threads, double *betw,
                               ag_error *err)
{
    ag__paths *p;
    ag_status st;
    size_t n = net->n;
    double *clos = malloc((n + 1) * sizeof *clos), *harm = malloc((n + 1) * sizeof *harm);
    if (!clos || !harm) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((st = paths_start(net, bloc, threads, &p, err)) != AG_OK)
        goto cleanup;
    st = ag__paths_finish(p, betw, clos, harm, err);
cleanup:
    free(clos);
    free(harm);
    return st;
}

void ag__paths_cancel(ag__paths *p)
{
    if (!p)
        return;
    job_stop(&p->j, 0); /* the helpers stop after the source at hand */
    paths_free(p);
}

ag_status ag__path_measures(const ag_net *net, int threads, double *betw, double *clos,
                            double *harm, ag_error *err)
{
    ag__paths *p;
    ag_status st = ag__paths_start(net, threads, &p, err);
    if (st != AG_OK)
        return st;
    return ag__paths_finish(p, betw, clos, harm, err);
}
