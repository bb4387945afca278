#include "analysis/net.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

void ag_net_destroy(ag_net *net)
{
    if (!net)
        return;
    free(net->from);
    free(net->to);
    free(net->w);
    memset(net, 0, sizeof *net);
}

typedef struct entry {
    size_t u, v;
    double w;
} entry;

static int cmp_entry(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    if (a->u != b->u)
        return a->u < b->u ? -1 : 1;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    /* values too, so that sums over a pair add in one fixed order */
    if (a->w != b->w)
        return a->w < b->w ? -1 : 1;
    return 0;
}

static int alloc_net(ag_net *net, size_t n, size_t cap)
{
    memset(net, 0, sizeof *net);
    net->n = n;
    net->from = malloc((cap + 1) * sizeof *net->from);
    net->to = malloc((cap + 1) * sizeof *net->to);
    net->w = malloc((cap + 1) * sizeof *net->w);
    if (!net->from || !net->to || !net->w) {
        ag_net_destroy(net);
        return -1;
    }
    return 0;
}

/* Sorts the k entries as cmp_entry orders them, endpoints below n, in time
 * linear in k + n: two stable counting passes (by v, then by u) order them
 * by (u, v); then each run of one pair is sorted by value (by insertion:
 * such runs are a few relations long; qsort past 16). Entries cmp_entry
 * finds equal are equal, so the order is the one qsort gives. -1 when out
 * of memory, e then unsorted. */
static int sort_entries(entry *e, size_t k, size_t n)
{
    entry *tmp = malloc((k + 1) * sizeof *tmp);
    size_t *at = malloc((n + 1) * sizeof *at);
    if (!tmp || !at) {
        free(tmp);
        free(at);
        return -1;
    }
    memset(at, 0, (n + 1) * sizeof *at);
    for (size_t i = 0; i < k; i++)
        at[e[i].v]++;
    for (size_t v = 1; v < n; v++)
        at[v] += at[v - 1];
    /* at[v] is now where v's entries end: placed from the back, stably */
    for (size_t i = k; i-- > 0;)
        tmp[--at[e[i].v]] = e[i];
    memset(at, 0, (n + 1) * sizeof *at);
    for (size_t i = 0; i < k; i++)
        at[tmp[i].u]++;
    for (size_t u = 1; u < n; u++)
        at[u] += at[u - 1];
    for (size_t i = k; i-- > 0;)
        e[--at[tmp[i].u]] = tmp[i];
    free(tmp);
    free(at);
    for (size_t i = 0; i < k;) {
        size_t j = i + 1;
        while (j < k && e[j].u == e[i].u && e[j].v == e[i].v)
            j++;
        if (j - i > 16) {
            qsort(e + i, j - i, sizeof *e, cmp_entry);
        } else {
            for (size_t a = i + 1; a < j; a++) {
                entry x = e[a];
                size_t b = a;
                for (; b > i && x.w < e[b - 1].w; b--)
                    e[b] = e[b - 1];
                e[b] = x;
            }
        }
        i = j;
    }
    return 0;
}

/* Sorts the k entries and appends one edge per (u, v) to out, weighted by
 * the largest of that pair's values. -1 when out of memory. */
static int merge_max(entry *e, size_t k, ag_net *out)
{
    if (sort_entries(e, k, out->n) != 0)
        return -1;
    for (size_t i = 0; i < k; i++) {
        if (out->m > 0 && out->from[out->m - 1] == e[i].u && out->to[out->m - 1] == e[i].v) {
            if (e[i].w > out->w[out->m - 1])
                out->w[out->m - 1] = e[i].w;
            continue;
        }
        out->from[out->m] = e[i].u;
        out->to[out->m] = e[i].v;
        out->w[out->m] = e[i].w;
        out->m++;
    }
    return 0;
}

static int wanted(ag_ties ties, int sign)
{
    return ties == AG_TIES_ALL || (ties == AG_TIES_POSITIVE ? sign > 0 : sign < 0);
}

ag_status ag_net_ties(const ag_graph *g, ag_ties ties, ag_net *out, ag_error *err)
{
    entry *e = malloc((2 * g->n_relations + 1) * sizeof *e);
    size_t k = 0;
    ag_status st = AG_OK;

    if (!e || alloc_net(out, g->n_actors, 2 * g->n_relations) != 0) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        if (r->source == r->target || !wanted(ties, r->sign))
            continue;
        e[k++] = (entry){r->source, r->target, r->weight};
        if (r->mutual)
            e[k++] = (entry){r->target, r->source, r->weight};
    }
    if (merge_max(e, k, out) != 0) {
        ag_net_destroy(out);
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
    }
cleanup:
    free(e);
    return st;
}

ag_status ag_net_ties_undirected(const ag_graph *g, ag_ties ties, ag_net *out, ag_error *err)
{
    ag_net directed;
    entry *e = NULL;
    ag_status st = ag_net_ties(g, ties, &directed, err);
    if (st != AG_OK)
        return st;
    e = malloc((directed.m + 1) * sizeof *e);
    if (!e || alloc_net(out, g->n_actors, directed.m) != 0) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < directed.m; i++) {
        size_t u = directed.from[i], v = directed.to[i];
        e[i] = (entry){u < v ? u : v, u < v ? v : u, directed.w[i]};
    }
    if (merge_max(e, directed.m, out) != 0) {
        ag_net_destroy(out);
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
    }
cleanup:
    free(e);
    ag_net_destroy(&directed);
    return st;
}

ag_status ag_net_signed(const ag_graph *g, ag_net *out, ag_error *err)
{
    entry *e = malloc((g->n_relations + 1) * sizeof *e);
    size_t k = 0;
    ag_status st = AG_OK;

    if (!e || alloc_net(out, g->n_actors, g->n_relations) != 0) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        size_t u = r->source, v = r->target;
        if (u == v)
            continue;
        e[k++] = (entry){u < v ? u : v, u < v ? v : u, r->sign * r->weight};
    }
    if (sort_entries(e, k, g->n_actors) != 0) {
        ag_net_destroy(out);
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < k;) {
        size_t j = i;
        double sum = 0, mag = 0;
        while (j < k && e[j].u == e[i].u && e[j].v == e[i].v) {
            mag += fabs(e[j].w);
            sum += e[j++].w;
        }
        /* no tie when the relations cancel out: exactly, or up to the
         * rounding of their sum (relative to the weights summed, so that a
         * lone relation of any positive weight always counts) */
        if (fabs(sum) > 1e-9 * mag) {
            out->from[out->m] = e[i].u;
            out->to[out->m] = e[i].v;
            out->w[out->m] = sum;
            out->m++;
        }
        i = j;
    }
cleanup:
    free(e);
    return st;
}

ag_status ag_net_to_igraph(const ag_net *net, int directed, igraph_t *out, ag_error *err)
{
    igraph_vector_int_t edges;
    ag_status st = AG_OK;

    ag__igraph_message_clear();
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * net->m)) != IGRAPH_SUCCESS)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    for (size_t i = 0; i < net->m; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)net->from[i];
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)net->to[i];
    }
    st = ag_igraph_check(igraph_create(out, &edges, (igraph_integer_t)net->n, directed),
                         "building the graph", err);
    igraph_vector_int_destroy(&edges);
    return st;
}

ag_status ag_igraph_check(igraph_error_t rc, const char *what, ag_error *err)
{
    ag_status st = AG_OK;
    if (rc == IGRAPH_SUCCESS)
        return AG_OK;
    if (rc == IGRAPH_ENOMEM)
        st = ag_error_set(err, AG_ENOMEM, "out of memory while %s", what);
    else
        st = ag_error_set(err, AG_EGRAPH, "igraph failed while %s: %s", what,
                          ag__igraph_message()[0] ? ag__igraph_message() : igraph_strerror(rc));
    ag__igraph_message_clear();
    return st;
}
