/* Signed blocs that minimise the frustration of Doreian and Mrvar: the
 * weight of positive ties between blocs and of negative ties inside them.
 *
 * The search is a multi-level local search, as Louvain does for modularity:
 * every actor starts alone; actors move, one at a time and in a seeded
 * random order, to the neighbouring bloc (or a new one) that lowers the
 * frustration most; when no move helps, each bloc becomes one node and the
 * blocs move in turn, so whole blocs merge; the result is refined actor by
 * actor again, and the whole repeats until nothing improves. Each search
 * is then kicked (a tenth of the actors moved at random, the search resumed,
 * the result kept when better), and seeded restarts keep the best. Pure C
 * with its own random numbers: safe to run in several threads at once (no
 * igraph call, no global state). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/frustration.h"

/* A level of the search: nodes (actors, or blocs of the level below) with
 * positive and negative tie weight between them, in compressed rows. */
typedef struct level {
    size_t n;
    size_t *start;   /* row v is entries start[v] .. start[v+1]-1 */
    size_t *nbr;
    double *pos, *neg; /* weight of positive / |negative| ties, >= 0 */
    double *pos_total; /* per node: all its positive weight to other nodes */
} level;

/* An edge between two nodes of a level, before it is put in rows. */
typedef struct link {
    size_t a, b;
    double pos, neg;
} link;

static void level_free(level *L)
{
    free(L->start);
    free(L->nbr);
    free(L->pos);
    free(L->neg);
    free(L->pos_total);
    memset(L, 0, sizeof *L);
}

/* Builds a level of n nodes from links (a != b, in any order; equal pairs
 * are summed). Sorts links in place. 0, or -1 when out of memory. */
/* Sorts links by (a, b), a and b below n, in O(m + n): a counting sort by
 * b, then a stable one by a (the order a comparison sort by (a, b) gives).
 * 0, or -1 when out of memory. */
static int sort_links(link *links, size_t m, size_t n)
{
    link *tmp = malloc((m + 1) * sizeof *tmp);
    size_t *count = malloc((n + 1) * sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return -1;
    }
    for (int pass = 0; pass < 2; pass++) {
        link *from = pass == 0 ? links : tmp, *to = pass == 0 ? tmp : links;
        size_t sum = 0;
        memset(count, 0, (n + 1) * sizeof *count);
        for (size_t e = 0; e < m; e++)
            count[pass == 0 ? from[e].b : from[e].a]++;
        for (size_t v = 0; v <= n; v++) {
            size_t c = count[v];
            count[v] = sum;
            sum += c;
        }
        for (size_t e = 0; e < m; e++)
            to[count[pass == 0 ? from[e].b : from[e].a]++] = from[e];
    }
    free(tmp);
    free(count);
    return 0;
}

static int level_build(level *L, size_t n, link *links, size_t m)
{
    size_t k = 0, *fill = NULL;
    memset(L, 0, sizeof *L);
    for (size_t e = 0; e < m; e++)
        if (links[e].a > links[e].b) {
            size_t t = links[e].a;
            links[e].a = links[e].b;
            links[e].b = t;
        }
    if (sort_links(links, m, n) != 0)
        return -1;
    for (size_t e = 0; e < m; e++) { /* merge equal pairs */
        if (k > 0 && links[k - 1].a == links[e].a && links[k - 1].b == links[e].b) {
            links[k - 1].pos += links[e].pos;
            links[k - 1].neg += links[e].neg;
        } else {
            links[k++] = links[e];
        }
    }
    m = k;
    L->n = n;
    L->start = calloc(n + 2, sizeof *L->start);
    L->nbr = malloc((2 * m + 1) * sizeof *L->nbr);
    L->pos = malloc((2 * m + 1) * sizeof *L->pos);
    L->neg = malloc((2 * m + 1) * sizeof *L->neg);
    L->pos_total = calloc(n + 1, sizeof *L->pos_total);
    fill = malloc((n + 1) * sizeof *fill);
    if (!L->start || !L->nbr || !L->pos || !L->neg || !L->pos_total || !fill) {
        free(fill);
        level_free(L);
        return -1;
    }
    for (size_t e = 0; e < m; e++) {
        L->start[links[e].a + 1]++;
        L->start[links[e].b + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        L->start[v + 1] += L->start[v];
    memcpy(fill, L->start, n * sizeof *fill);
    for (size_t e = 0; e < m; e++) {
        size_t a = links[e].a, b = links[e].b, i = fill[a]++, j = fill[b]++;
        L->nbr[i] = b;
        L->nbr[j] = a;
        L->pos[i] = L->pos[j] = links[e].pos;
        L->neg[i] = L->neg[j] = links[e].neg;
        L->pos_total[a] += links[e].pos;
        L->pos_total[b] += links[e].pos;
    }
    free(fill);
    return 0;
}

/* splitmix64: a small, well-mixed generator of our own, per search. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* A uniform index below n (n > 0), without modulo bias worth noticing for
 * the sizes here (n < 2^40). */
static size_t random_below(uint64_t *state, size_t n)
{
    return (size_t)((next_random(state) >> 11) % n);
}

/* Scratch space for moving the nodes of one level. */
typedef struct mover {
    double *pos_to, *neg_to; /* per bloc: v's ties to it */
    size_t *touched, n_touched;
    size_t *size;            /* nodes per bloc */
    size_t *free_blocs, n_free;
    size_t *order;
} mover;

/* Moves nodes of L between blocs (memb, values < L->n) while a move lowers
 * the frustration by more than tol; at most max_sweeps passes. Returns the
 * number of moves made. */
static size_t local_moves(const level *L, size_t *memb, double alpha, double tol, mover *mv,
                          uint64_t *rng, int max_sweeps)
{
    size_t n = L->n, moves = 0;
    memset(mv->size, 0, n * sizeof *mv->size);
    for (size_t v = 0; v < n; v++)
        mv->size[memb[v]]++;
    mv->n_free = 0;
    for (size_t b = n; b-- > 0;)
        if (mv->size[b] == 0)
            mv->free_blocs[mv->n_free++] = b;
    for (size_t i = 0; i < n; i++)
        mv->order[i] = i;
    for (int sweep = 0; sweep < max_sweeps; sweep++) {
        size_t moved = 0;
        for (size_t i = n; i > 1; i--) { /* Fisher-Yates */
            size_t j = random_below(rng, i), t = mv->order[i - 1];
            mv->order[i - 1] = mv->order[j];
            mv->order[j] = t;
        }
        for (size_t i = 0; i < n; i++) {
            size_t v = mv->order[i], cur = memb[v], best = cur;
            double pv = L->pos_total[v], cost_cur, best_cost;
            mv->n_touched = 0;
            for (size_t e = L->start[v]; e < L->start[v + 1]; e++) {
                size_t b = memb[L->nbr[e]];
                if (mv->pos_to[b] == 0 && mv->neg_to[b] == 0)
                    mv->touched[mv->n_touched++] = b;
                mv->pos_to[b] += L->pos[e];
                mv->neg_to[b] += L->neg[e];
            }
            /* cost of v in bloc B: alpha * (positive weight leaving B) +
               (1 - alpha) * (negative weight inside B) */
            cost_cur = alpha * (pv - mv->pos_to[cur]) + (1 - alpha) * mv->neg_to[cur];
            best_cost = cost_cur;
            for (size_t t = 0; t < mv->n_touched; t++) {
                size_t b = mv->touched[t];
                double c = alpha * (pv - mv->pos_to[b]) + (1 - alpha) * mv->neg_to[b];
                if (b != cur && c < best_cost - tol) {
                    best = b;
                    best_cost = c;
                }
            }
            /* alone: every positive tie leaves, no negative tie inside */
            if (mv->size[cur] > 1 && alpha * pv < best_cost - tol && mv->n_free > 0) {
                best = mv->free_blocs[mv->n_free - 1];
                best_cost = alpha * pv;
            }
            for (size_t t = 0; t < mv->n_touched; t++)
                mv->pos_to[mv->touched[t]] = mv->neg_to[mv->touched[t]] = 0;
            if (best != cur && best_cost < cost_cur - tol) {
                if (mv->size[best] == 0)
                    mv->n_free--; /* best was the top of the free stack */
                mv->size[cur]--;
                mv->size[best]++;
                if (mv->size[cur] == 0)
                    mv->free_blocs[mv->n_free++] = cur;
                memb[v] = best;
                moved++;
            }
        }
        moves += moved;
        if (moved == 0)
            break;
    }
    return moves;
}

/* Renumbers memb (values < n) to 0..k-1 in order of first appearance;
 * returns k. map needs room for n entries. */
static size_t renumber(size_t *memb, size_t n, size_t *map)
{
    size_t k = 0;
    for (size_t b = 0; b < n; b++)
        map[b] = SIZE_MAX;
    for (size_t v = 0; v < n; v++) {
        if (map[memb[v]] == SIZE_MAX)
            map[memb[v]] = k++;
        memb[v] = map[memb[v]];
    }
    return k;
}

/* The frustration of memb on the actor level, weighted by alpha. */
static double cost_of(const level *L, const size_t *memb, double alpha)
{
    double c = 0;
    for (size_t v = 0; v < L->n; v++)
        for (size_t e = L->start[v]; e < L->start[v + 1]; e++) {
            size_t u = L->nbr[e];
            if (u < v)
                continue;
            if (memb[u] == memb[v])
                c += (1 - alpha) * L->neg[e];
            else
                c += alpha * L->pos[e];
        }
    return c;
}

static void mover_free(mover *mv)
{
    free(mv->pos_to);
    free(mv->neg_to);
    free(mv->touched);
    free(mv->size);
    free(mv->free_blocs);
    free(mv->order);
}

/* 0, or -1 when out of memory (nothing then left allocated). */
static int mover_init(mover *mv, size_t n)
{
    memset(mv, 0, sizeof *mv);
    mv->pos_to = calloc(n + 1, sizeof *mv->pos_to);
    mv->neg_to = calloc(n + 1, sizeof *mv->neg_to);
    mv->touched = malloc((n + 1) * sizeof *mv->touched);
    mv->size = malloc((n + 1) * sizeof *mv->size);
    mv->free_blocs = malloc((n + 1) * sizeof *mv->free_blocs);
    mv->order = malloc((n + 1) * sizeof *mv->order);
    if (mv->pos_to && mv->neg_to && mv->touched && mv->size && mv->free_blocs && mv->order)
        return 0;
    mover_free(mv);
    return -1;
}

/* One search from the partition in memb (values < base->n), improved in
 * place. 0, or -1 when out of memory. */
static int search(const level *base, double alpha, double tol, uint64_t *rng, size_t *memb,
                  mover *mv)
{
    size_t n = base->n, *map = NULL, *lvl_memb = NULL;
    link *links = NULL;
    double best = INFINITY;
    int rc = -1;

    map = malloc((n + 1) * sizeof *map);
    lvl_memb = malloc((n + 1) * sizeof *lvl_memb);
    links = malloc((base->start[n] / 2 + 1) * sizeof *links);
    if (!map || !lvl_memb || !links)
        goto cleanup;
    for (int round = 0; round < 50; round++) {
        double c;
        size_t k;
        /* actors move, then blocs move as wholes, level after level */
        local_moves(base, memb, alpha, tol, mv, rng, 200);
        k = renumber(memb, n, map);
        for (;;) {
            level up;
            size_t m = 0, moved;
            for (size_t v = 0; v < n; v++)
                for (size_t e = base->start[v]; e < base->start[v + 1]; e++) {
                    size_t u = base->nbr[e];
                    if (u < v || memb[u] == memb[v])
                        continue;
                    links[m++] = (link){memb[v], memb[u], base->pos[e], base->neg[e]};
                }
            if (level_build(&up, k, links, m) != 0)
                goto cleanup;
            for (size_t b = 0; b < k; b++)
                lvl_memb[b] = b;
            moved = local_moves(&up, lvl_memb, alpha, tol, mv, rng, 200);
            level_free(&up);
            if (moved == 0)
                break;
            for (size_t v = 0; v < n; v++)
                memb[v] = lvl_memb[memb[v]];
            k = renumber(memb, n, map);
        }
        c = cost_of(base, memb, alpha);
        if (!(c < best - tol))
            break;
        best = c;
    }
    rc = 0;
cleanup:
    free(map);
    free(lvl_memb);
    free(links);
    return rc;
}

ag_status ag__frustration_partition(const ag_net *s, const ag_frustration_opts *o,
                                    size_t *memb, double *cost, ag_error *err)
{
    level base;
    mover mv;
    link *links = NULL;
    size_t n = s->n, *trial = NULL, *kicked = NULL;
    double best = INFINITY, scale = 0, tol;
    int kicks = o->kicks;
    uint64_t rng = o->seed;
    int have_base = 0, have_mover = 0, restarts = o->restarts > 0 ? o->restarts : 1;
    ag_status st = AG_OK;

    links = malloc((s->m + 1) * sizeof *links);
    trial = malloc((n + 1) * sizeof *trial);
    kicked = malloc((n + 1) * sizeof *kicked);
    if (!links || !trial || !kicked)
        goto oom;
    for (size_t e = 0; e < s->m; e++) {
        double w = s->w[e];
        links[e] = (link){s->from[e], s->to[e], w > 0 ? w : 0, w < 0 ? -w : 0};
        scale += fabs(w);
    }
    if (level_build(&base, n, links, s->m) != 0)
        goto oom;
    have_base = 1;
    if (mover_init(&mv, n) != 0)
        goto oom;
    have_mover = 1;
    for (size_t v = 0; v < n; v++)
        memb[v] = v;
    tol = 1e-12 * scale; /* moves must gain more than rounding, whatever the scale */
    for (int r = 0; r < restarts; r++) {
        double c;
        for (size_t v = 0; v < n; v++)
            trial[v] = v;
        if (search(&base, o->alpha, tol, &rng, trial, &mv) != 0)
            goto oom;
        c = cost_of(&base, trial, o->alpha);
        /* iterated local search: kick a few actors to random blocs and
           search again from there; keep what is better */
        memcpy(kicked, trial, n * sizeof *kicked);
        for (int k = 0; k < kicks && n > 1; k++) {
            size_t nk = n / 10 > 0 ? n / 10 : 1;
            double ck;
            for (size_t i = 0; i < nk; i++) {
                size_t v = random_below(&rng, n);
                kicked[v] = trial[random_below(&rng, n)];
                if (random_below(&rng, 4) == 0)
                    kicked[v] = v; /* or a bloc of its own, as at the start */
            }
            if (search(&base, o->alpha, tol, &rng, kicked, &mv) != 0)
                goto oom;
            ck = cost_of(&base, kicked, o->alpha);
            if (ck < c - tol) {
                c = ck;
                memcpy(trial, kicked, n * sizeof *trial);
            } else {
                memcpy(kicked, trial, n * sizeof *kicked);
            }
        }
        if (c < best - tol) {
            best = c;
            memcpy(memb, trial, n * sizeof *memb);
        }
    }
    if (cost)
        *cost = n > 0 ? best : 0;
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    if (have_mover)
        mover_free(&mv);
    if (have_base)
        level_free(&base);
    free(links);
    free(trial);
    free(kicked);
    return st;
}
