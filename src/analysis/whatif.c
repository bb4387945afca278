/* What-if comparison (ag_whatif_compare, include/actorgraph/whatif.h):
 * both sides measured, then the scenario's blocs matched to the base's,
 * the triangles whose balance changed and the rank movers. */
#include "actorgraph/whatif.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/net.h"

void ag_whatif_opts_init(ag_whatif_opts *o)
{
    o->ties = AG_TIES_POSITIVE;
    o->paths = AG_PATHS_AUTO;
    ag_cluster_opts_init(&o->cluster);
}

/* ---- the signed pair graph, in base actor indexes ---- */

/* Net ties sorted by (a, b); pairs whose relations cancel left out. */
typedef struct pair_graph {
    ag_pair_tie *t;
    size_t n;
} pair_graph;

static int cmp_pair(const void *pa, const void *pb)
{
    const ag_pair_tie *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

/* Fills *out with the signed pair graph of g, the one ag_cluster and
 * ag_balance_compute use (ag_net_signed: pairs whose relations cancel left
 * out), its actors mapped by map (NULL: as they are), sorted by (a, b).
 * O(m log m). 0, or -1 out of memory (*out then empty). */
static int pair_graph_build(const ag_graph *g, const size_t *map, pair_graph *out)
{
    ag_net net;
    ag_error err;

    out->n = 0;
    out->t = NULL;
    if (ag_net_signed(g, &net, &err) != AG_OK)
        return -1;
    if (!(out->t = malloc((net.m + 1) * sizeof *out->t))) {
        ag_net_destroy(&net);
        return -1;
    }
    for (size_t e = 0; e < net.m; e++) {
        size_t a = map ? map[net.from[e]] : net.from[e], b = map ? map[net.to[e]] : net.to[e];
        out->t[out->n++] = (ag_pair_tie){a < b ? a : b, a < b ? b : a, net.w[e]};
    }
    qsort(out->t, out->n, sizeof *out->t, cmp_pair);
    ag_net_destroy(&net);
    return 0;
}

/* The net value of pair {a, b} (a < b), 0 when there is none. O(log n). */
static double pair_value(const pair_graph *p, size_t a, size_t b)
{
    ag_pair_tie key = {a, b, 0};
    const ag_pair_tie *t = bsearch(&key, p->t, p->n, sizeof key, cmp_pair);
    return t ? t->s : 0;
}

/* What triangle a < b < c is in p (AG_TRI_*); its three net ties {a,b},
 * {a,c}, {b,c} in v. */
static int triangle_state(const pair_graph *p, size_t a, size_t b, size_t c, double v[3])
{
    v[0] = pair_value(p, a, b);
    v[1] = pair_value(p, a, c);
    v[2] = pair_value(p, b, c);
    if (v[0] == 0 || v[1] == 0 || v[2] == 0)
        return AG_TRI_NONE;
    return ((v[0] < 0) + (v[1] < 0) + (v[2] < 0)) % 2 == 0 ? AG_TRI_BALANCED : AG_TRI_UNBALANCED;
}

/* ---- ranks ---- */

typedef struct ranked {
    double v;
    size_t i;
} ranked;

/* Larger values first, NaN last, ties by index: a total order. */
static int by_value(const void *pa, const void *pb)
{
    const ranked *x = pa, *y = pb;
    int xn = isnan(x->v), yn = isnan(y->v);
    if (xn != yn)
        return xn ? 1 : -1;
    if (!xn && x->v != y->v)
        return x->v > y->v ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

/* Competition ranks of values v over n actors into out (1 + the number of
 * actors with a larger value; values within 1e-9 relative count as equal;
 * NaN after every number, each NaN its own rank). O(n log n). 0, or -1 out
 * of memory. */
static int ranks(const double *v, size_t n, size_t *out)
{
    ranked *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < n; i++)
        order[i] = (ranked){v[i], i};
    qsort(order, n, sizeof *order, by_value);
    for (size_t i = 0; i < n; i++) {
        size_t a = order[i].i;
        if (i > 0) {
            double prev = order[i - 1].v;
            if (prev - order[i].v <= 1e-9 * fmax(1.0, fabs(prev))) {
                out[a] = out[order[i - 1].i];
                continue;
            }
        }
        out[a] = i + 1;
    }
    free(order);
    return 0;
}

/* ---- the comparison ---- */

/* Measures s->g into s: metrics, balance, blocs, bloc leaders, ranks.
 * Partial results are left in s for ag_whatif_destroy on failure. */
static ag_status measure(ag_whatif_side *s, const ag_whatif_opts *o, ag_error *err)
{
    size_t n = s->g->n_actors;
    ag_status st;

    if ((st = ag_metrics_compute_paths(s->g, o->ties, o->paths, &s->m, err)) != AG_OK ||
        (st = ag_balance_compute(s->g, &s->bal, err)) != AG_OK ||
        (st = ag_cluster(s->g, &o->cluster, &s->p, err)) != AG_OK)
        goto cleanup;
    s->leader = malloc((s->p.n_blocs + 1) * sizeof *s->leader);
    if (!s->leader)
        goto oom;
    if ((st = ag_bloc_leaders(s->g, s->p.bloc, s->p.n_blocs, s->leader, err)) != AG_OK)
        goto cleanup;
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        s->rank[k] = malloc((n + 1) * sizeof *s->rank[k]);
        if (!s->rank[k] || ranks(s->m.v[k], n, s->rank[k]) != 0)
            goto oom;
    }
    st = AG_OK;
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    return st;
}

/* The scenario's blocs given the base blocs' identities (ag_bloc_match),
 * each identity's leader, the actors that changed bloc and the blocs that
 * changed. O(n log n). */
static ag_status match_blocs(ag_whatif *w, ag_error *err)
{
    const ag_whatif_side *b = &w->side[0], *a = &w->side[1];
    const size_t *base_actor = w->sc->base_actor;
    size_t n0 = b->g->n_actors, n1 = a->g->n_actors, *prev = NULL, *count = NULL;
    ag_status st;

    prev = malloc((n1 + 1) * sizeof *prev);
    w->ident = malloc((a->p.n_blocs + 1) * sizeof *w->ident);
    w->moved = malloc((n1 + 1) * sizeof *w->moved);
    if (!prev || !w->ident || !w->moved)
        goto oom;
    for (size_t v = 0; v < n1; v++)
        prev[v] = b->p.bloc[base_actor[v]];
    w->next_id = b->p.n_blocs;
    if ((st = ag_bloc_match(n1, prev, a->p.bloc, a->p.n_blocs, &w->next_id, w->ident, err)) !=
        AG_OK)
        goto cleanup;
    for (size_t v = 0; v < n1; v++)
        if (w->ident[a->p.bloc[v]] != prev[v])
            w->moved[w->n_moved++] = v;

    /* every identity names an actor: a base bloc its leader, a new one
       (given to exactly one scenario bloc) that bloc's */
    w->ident_leader = malloc((w->next_id + 1) * sizeof *w->ident_leader);
    if (!w->ident_leader)
        goto oom;
    for (size_t id = 0; id < b->p.n_blocs; id++)
        w->ident_leader[id] = b->leader[id];
    for (size_t bl = 0; bl < a->p.n_blocs; bl++)
        if (w->ident[bl] != AG_NO_BLOC && w->ident[bl] >= b->p.n_blocs)
            w->ident_leader[w->ident[bl]] = base_actor[a->leader[bl]];

    /* a scenario bloc changed unless it has its base bloc's members and
       leader: each base bloc's count goes down by its scenario members */
    w->bloc_changed = calloc(a->p.n_blocs + 1, 1);
    count = calloc(w->next_id + 1, sizeof *count);
    if (!w->bloc_changed || !count)
        goto oom;
    for (size_t v = 0; v < n0; v++)
        count[b->p.bloc[v]]++;
    for (size_t v = 0; v < n1; v++)
        count[w->ident[a->p.bloc[v]]]--;
    for (size_t v = 0; v < n1; v++) {
        size_t bl = a->p.bloc[v], id = w->ident[bl];
        if (id >= b->p.n_blocs || prev[v] != id || count[id] != 0 ||
            b->leader[id] != base_actor[a->leader[bl]])
            w->bloc_changed[bl] = 1;
    }
    for (size_t bl = 0; bl < a->p.n_blocs; bl++)
        w->n_changed_blocs += w->bloc_changed[bl];
    st = AG_OK;
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    free(prev);
    free(count);
    return st;
}

/* Became balanced first, then became unbalanced, then dissolved; heaviest
 * first within each; then by actors. */
static int cmp_tri(const void *pa, const void *pb)
{
    const ag_whatif_triangle *x = pa, *y = pb;
    if (x->now != y->now)
        return x->now > y->now ? -1 : 1;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return x->c < y->c ? -1 : x->c > y->c;
}

/* The triangles whose balance changed. Only the unbalanced triangles of
 * either side (ag_balance lists them) can have changed, each looked up on
 * the other side in pr (the pair graphs, base indexes): O(u log m). */
static ag_status classify_triangles(ag_whatif *w, const pair_graph pr[2], ag_error *err)
{
    const ag_balance *b0 = &w->side[0].bal, *b1 = &w->side[1].bal;
    const size_t *base_actor = w->sc->base_actor;
    double v[3];
    ag_status st;

    w->tri = malloc((b0->n_unbalanced + b1->n_unbalanced + 1) * sizeof *w->tri);
    if (!w->tri)
        goto oom;
    /* unbalanced before: balanced after, or no longer a triangle */
    for (size_t i = 0; i < b0->n_unbalanced; i++) {
        const ag_triangle *t = &b0->unbalanced[i];
        int now = triangle_state(&pr[1], t->a, t->b, t->c, v);
        if (now == AG_TRI_UNBALANCED)
            continue;
        if (now == AG_TRI_NONE)
            triangle_state(&pr[0], t->a, t->b, t->c, v);
        w->tri[w->n_tri++] = (ag_whatif_triangle){
            t->a, t->b, t->c, AG_TRI_UNBALANCED, now, v[0], v[1], v[2],
            now == AG_TRI_BALANCED ? fabs(v[0]) + fabs(v[1]) + fabs(v[2]) : t->weight};
    }
    /* unbalanced after: balanced before, or no triangle */
    for (size_t i = 0; i < b1->n_unbalanced; i++) {
        const ag_triangle *t = &b1->unbalanced[i];
        size_t a = base_actor[t->a], b = base_actor[t->b], c = base_actor[t->c];
        int was = triangle_state(&pr[0], a, b, c, v);
        if (was == AG_TRI_UNBALANCED)
            continue;
        triangle_state(&pr[1], a, b, c, v);
        w->tri[w->n_tri++] =
            (ag_whatif_triangle){a, b, c, was, AG_TRI_UNBALANCED, v[0], v[1], v[2], t->weight};
    }
    for (size_t i = 0; i < w->n_tri; i++) {
        if (w->tri[i].now == AG_TRI_UNBALANCED)
            w->n_unbalanced++;
        else if (w->tri[i].now == AG_TRI_BALANCED)
            w->n_balanced++;
        else
            w->n_dissolved++;
    }
    qsort(w->tri, w->n_tri, sizeof *w->tri, cmp_tri);
    st = AG_OK;
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    return st;
}

/* Largest move first, ties in base file order. */
static int by_move(const void *pa, const void *pb)
{
    const ag_whatif_mover *x = pa, *y = pb;
    long ax = labs(x->delta), ay = labs(y->delta);
    if (ax != ay)
        return ax > ay ? -1 : 1;
    return x->base < y->base ? -1 : x->base > y->base;
}

/* Per compared metric, the scenario's actors whose rank moved. O(n log n)
 * per metric. */
static ag_status rank_movers(ag_whatif *w, ag_error *err)
{
    const unsigned bad = AG_MF_MISSING | AG_MF_SKIPPED;
    const ag_whatif_side *b = &w->side[0], *a = &w->side[1];
    size_t n1 = a->g->n_actors;
    ag_status st;

    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        ag_whatif_mover *list;
        w->compared[k] = !(b->m.flags[k] & bad) && !(a->m.flags[k] & bad);
        if (!w->compared[k])
            continue;
        list = w->movers[k] = malloc((n1 + 1) * sizeof *list);
        if (!list)
            goto oom;
        for (size_t v = 0; v < n1; v++) {
            size_t base = w->sc->base_actor[v];
            long d = (long)b->rank[k][base] - (long)a->rank[k][v];
            if (d)
                list[w->n_movers[k]++] = (ag_whatif_mover){base, v, d};
        }
        qsort(list, w->n_movers[k], sizeof *list, by_move);
    }
    st = AG_OK;
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    return st;
}

/* True when sc's actor maps fit base: every scenario actor a base actor. */
static bool scenario_fits(const ag_graph *base, const ag_scenario *sc)
{
    if (!sc->graph || !sc->base_actor || sc->graph->n_actors > base->n_actors)
        return false;
    for (size_t v = 0; v < sc->graph->n_actors; v++)
        if (sc->base_actor[v] >= base->n_actors)
            return false;
    return true;
}

ag_status ag_whatif_compare(const ag_graph *base, const ag_scenario *sc,
                            const ag_whatif_opts *opts, ag_whatif *out, ag_error *err)
{
    ag_whatif_opts defaults;
    pair_graph pr[2] = {{NULL, 0}, {NULL, 0}};
    ag_status st;

    memset(out, 0, sizeof *out);
    if (!base || !sc || !scenario_fits(base, sc)) {
        st = ag_error_set(err, AG_EARG, "the scenario was not built on this graph");
        goto cleanup;
    }
    if (!opts) {
        ag_whatif_opts_init(&defaults);
        opts = &defaults;
    }
    out->base = base;
    out->sc = sc;
    out->side[0].g = base;
    out->side[1].g = sc->graph;
    for (int i = 0; i < 2; i++)
        if ((st = measure(&out->side[i], opts, err)) != AG_OK)
            goto cleanup;
    if (pair_graph_build(base, NULL, &pr[0]) != 0 ||
        pair_graph_build(sc->graph, sc->base_actor, &pr[1]) != 0) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((st = match_blocs(out, err)) != AG_OK || (st = classify_triangles(out, pr, err)) != AG_OK)
        goto cleanup;
    st = rank_movers(out, err);
cleanup:
    free(pr[0].t);
    free(pr[1].t);
    if (st != AG_OK)
        ag_whatif_destroy(out);
    return st;
}

void ag_whatif_destroy(ag_whatif *w)
{
    if (!w)
        return;
    for (int i = 0; i < 2; i++) {
        ag_whatif_side *s = &w->side[i];
        ag_metrics_destroy(&s->m);
        ag_balance_destroy(&s->bal);
        ag_partition_destroy(&s->p);
        free(s->leader);
        for (int k = 0; k < AG_METRIC_COUNT; k++)
            free(s->rank[k]);
    }
    free(w->ident);
    free(w->ident_leader);
    free(w->moved);
    free(w->bloc_changed);
    free(w->tri);
    for (int k = 0; k < AG_METRIC_COUNT; k++)
        free(w->movers[k]);
    memset(w, 0, sizeof *w);
}
