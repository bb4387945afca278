/* Paths between two actors and the ties of one (actorgraph/explain.h). */
#include "actorgraph/explain.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/net.h"

void ag_chain_destroy(ag_chain *c)
{
    if (!c)
        return;
    free(c->actors);
    free(c->w);
    memset(c, 0, sizeof *c);
}

void ag_chains_free(ag_chain *c, size_t n)
{
    if (!c)
        return;
    for (size_t i = 0; i < n; i++)
        ag_chain_destroy(&c[i]);
    free(c);
}

/* Fills c's summary fields from its steps. */
static void summarise(ag_chain *c)
{
    c->distance = 0;
    c->sign = 1;
    c->weakest = INFINITY;
    c->weakest_step = 0;
    c->product = 1;
    for (size_t i = 0; i < c->len; i++) {
        double a = fabs(c->w[i]);
        c->distance += 1.0 / a;
        if (c->w[i] < 0)
            c->sign = -c->sign;
        if (a < c->weakest) {
            c->weakest = a;
            c->weakest_step = i;
        }
        c->product *= a;
    }
}

static int chain_alloc(ag_chain *c, size_t len)
{
    memset(c, 0, sizeof *c);
    c->len = len;
    c->actors = malloc((len + 1) * sizeof *c->actors);
    c->w = malloc((len + 1) * sizeof *c->w);
    if (!c->actors || !c->w) {
        ag_chain_destroy(c);
        return -1;
    }
    return 0;
}

/* Row offsets of a net sorted by from: row u is [off[u], off[u + 1]). */
static size_t *rows(const ag_net *net)
{
    size_t *off = calloc(net->n + 2, sizeof *off);
    if (!off)
        return NULL;
    for (size_t e = 0; e < net->m; e++)
        off[net->from[e] + 1]++;
    for (size_t u = 0; u < net->n; u++)
        off[u + 1] += off[u];
    return off;
}

typedef struct hitem {
    double d;
    size_t v;
} hitem;

static int hless(const hitem *x, const hitem *y)
{
    return x->d < y->d || (x->d == y->d && x->v < y->v);
}

static void hpush(hitem *h, size_t *k, hitem x)
{
    size_t i = (*k)++;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!hless(&x, &h[p]))
            break;
        h[i] = h[p];
        i = p;
    }
    h[i] = x;
}

static hitem hpop(hitem *h, size_t *k)
{
    hitem top = h[0], x = h[--*k];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= *k)
            break;
        if (c + 1 < *k && hless(&h[c + 1], &h[c]))
            c++;
        if (!hless(&h[c], &x))
            break;
        h[i] = h[c];
        i = c;
    }
    if (*k > 0)
        h[i] = x;
    return top;
}

ag_status ag_path_cooperative(const ag_graph *g, size_t a, size_t b, ag_chain *out,
                              bool *found, ag_error *err)
{
    ag_net net;
    size_t *off = NULL, *pred = NULL, hk = 0, len = 0;
    double *dist = NULL, *predw = NULL;
    unsigned char *done = NULL;
    hitem *heap = NULL;
    ag_status st = AG_OK;

    *found = false;
    memset(&net, 0, sizeof net);
    if ((st = ag_net_ties(g, AG_TIES_POSITIVE, &net, err)) != AG_OK)
        return st;
    off = rows(&net);
    pred = malloc((net.n + 1) * sizeof *pred);
    predw = malloc((net.n + 1) * sizeof *predw);
    dist = malloc((net.n + 1) * sizeof *dist);
    done = calloc(net.n + 1, 1);
    heap = malloc((net.m + 2) * sizeof *heap);
    if (!off || !pred || !predw || !dist || !done || !heap) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t v = 0; v < net.n; v++) {
        dist[v] = INFINITY;
        pred[v] = (size_t)-1;
    }
    dist[a] = 0;
    hpush(heap, &hk, (hitem){0, a});
    while (hk > 0) {
        hitem x = hpop(heap, &hk);
        if (done[x.v])
            continue;
        done[x.v] = 1;
        if (x.v == b)
            break;
        for (size_t e = off[x.v]; e < off[x.v + 1]; e++) {
            size_t v = net.to[e];
            double d = x.d + 1.0 / net.w[e];
            if (!done[v] && d < dist[v]) {
                dist[v] = d;
                pred[v] = x.v;
                predw[v] = net.w[e];
                hpush(heap, &hk, (hitem){d, v});
            }
        }
    }
    if (!done[b])
        goto cleanup;
    for (size_t v = b; v != a; v = pred[v])
        len++;
    if (chain_alloc(out, len) != 0) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    {
        size_t i = len;
        for (size_t v = b; v != a; v = pred[v]) {
            out->actors[i] = v;
            out->w[i - 1] = predw[v];
            i--;
        }
        out->actors[0] = a;
    }
    summarise(out);
    *found = true;
cleanup:
    ag_net_destroy(&net);
    free(off);
    free(pred);
    free(predw);
    free(dist);
    free(done);
    free(heap);
    return st;
}

/* The signed pair graph as undirected rows: neighbours in file order. */
typedef struct adj {
    size_t *off, *to;
    double *s;
} adj;

static void adj_free(adj *j)
{
    free(j->off);
    free(j->to);
    free(j->s);
}

static ag_status build_adj(const ag_graph *g, adj *j, ag_error *err)
{
    ag_net net;
    ag_status st;
    size_t *at = NULL;
    memset(j, 0, sizeof *j);
    if ((st = ag_net_signed(g, &net, err)) != AG_OK)
        return st;
    j->off = calloc(net.n + 2, sizeof *j->off);
    j->to = malloc((2 * net.m + 1) * sizeof *j->to);
    j->s = malloc((2 * net.m + 1) * sizeof *j->s);
    at = malloc((net.n + 1) * sizeof *at);
    if (!j->off || !j->to || !j->s || !at) {
        adj_free(j);
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t e = 0; e < net.m; e++) {
        j->off[net.from[e] + 1]++;
        j->off[net.to[e] + 1]++;
    }
    for (size_t u = 0; u < net.n; u++)
        j->off[u + 1] += j->off[u];
    memcpy(at, j->off, net.n * sizeof *at);
    /* edges come sorted by (u, v), u < v: every (u, x) with u < x is met
     * before any (x, v), so each row fills in increasing order */
    for (size_t e = 0; e < net.m; e++) {
        size_t u = net.from[e], v = net.to[e];
        j->to[at[u]] = v;
        j->s[at[u]++] = net.w[e];
        j->to[at[v]] = u;
        j->s[at[v]++] = net.w[e];
    }
cleanup:
    free(at);
    ag_net_destroy(&net);
    return st;
}

ag_status ag_actor_ties(const ag_graph *g, size_t v, ag_pair_tie **out, size_t *n,
                        ag_error *err)
{
    adj j;
    ag_status st;
    size_t k;
    *out = NULL;
    *n = 0;
    if ((st = build_adj(g, &j, err)) != AG_OK)
        return st;
    k = j.off[v + 1] - j.off[v];
    if (k > 0) {
        *out = malloc(k * sizeof **out);
        if (!*out) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t i = 0; i < k; i++) {
            (*out)[i].a = v;
            (*out)[i].b = j.to[j.off[v] + i];
            (*out)[i].s = j.s[j.off[v] + i];
        }
        *n = k;
    }
cleanup:
    adj_free(&j);
    return st;
}

typedef struct search {
    const adj *j;
    size_t b, max_len;
    size_t *hops;            /* steps from each actor to b, or SIZE_MAX */
    unsigned char *on;       /* on the current chain */
    size_t *stack;
    double *ws;
    ag_chain *found;
    size_t n, cap;
    int oom, over;
} search;

static void dfs(search *S, size_t u, size_t depth)
{
    if (S->oom || S->over)
        return;
    if (u == S->b) {
        ag_chain *c;
        if (S->n == AG_CHAIN_MAX_FOUND) {
            S->over = 1;
            return;
        }
        if (S->n == S->cap) {
            size_t cap = S->cap ? 2 * S->cap : 16;
            ag_chain *f = realloc(S->found, cap * sizeof *f);
            if (!f) {
                S->oom = 1;
                return;
            }
            S->found = f;
            S->cap = cap;
        }
        c = &S->found[S->n];
        if (chain_alloc(c, depth) != 0) {
            S->oom = 1;
            return;
        }
        memcpy(c->actors, S->stack, (depth + 1) * sizeof *c->actors);
        memcpy(c->w, S->ws, depth * sizeof *c->w);
        summarise(c);
        S->n++;
        return;
    }
    for (size_t e = S->j->off[u]; e < S->j->off[u + 1]; e++) {
        size_t v = S->j->to[e];
        if (S->on[v] || S->hops[v] == (size_t)-1 || depth + 1 + S->hops[v] > S->max_len)
            continue;
        S->on[v] = 1;
        S->stack[depth + 1] = v;
        S->ws[depth] = S->j->s[e];
        dfs(S, v, depth + 1);
        S->on[v] = 0;
    }
}

static int cmp_chain(const void *pa, const void *pb)
{
    const ag_chain *x = pa, *y = pb;
    if (x->weakest != y->weakest)
        return x->weakest > y->weakest ? -1 : 1;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    if (x->product != y->product)
        return x->product > y->product ? -1 : 1;
    for (size_t i = 0; i <= x->len; i++)
        if (x->actors[i] != y->actors[i])
            return x->actors[i] < y->actors[i] ? -1 : 1;
    return 0;
}

ag_status ag_path_signed(const ag_graph *g, size_t a, size_t b, int max_len, size_t top,
                         ag_chain **out, size_t *n, ag_error *err)
{
    adj j;
    search S;
    size_t *queue = NULL, qh = 0, qt = 0;
    ag_status st;

    *out = NULL;
    *n = 0;
    if (max_len < 1 || max_len > AG_CHAIN_MAX_LENGTH)
        return ag_error_set(err, AG_EARG, "chain length %d out of range (1 to %d)", max_len,
                            AG_CHAIN_MAX_LENGTH);
    if ((st = build_adj(g, &j, err)) != AG_OK)
        return st;
    memset(&S, 0, sizeof S);
    S.j = &j;
    S.b = b;
    S.max_len = (size_t)max_len;
    S.hops = malloc((g->n_actors + 1) * sizeof *S.hops);
    S.on = calloc(g->n_actors + 1, 1);
    S.stack = malloc(((size_t)max_len + 2) * sizeof *S.stack);
    S.ws = malloc(((size_t)max_len + 2) * sizeof *S.ws);
    queue = malloc((g->n_actors + 1) * sizeof *queue);
    if (!S.hops || !S.on || !S.stack || !S.ws || !queue) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* hops to b, by breadth-first search, to cut chains that cannot end in
     * time */
    for (size_t v = 0; v < g->n_actors; v++)
        S.hops[v] = (size_t)-1;
    S.hops[b] = 0;
    queue[qt++] = b;
    while (qh < qt) {
        size_t u = queue[qh++];
        for (size_t e = j.off[u]; e < j.off[u + 1]; e++)
            if (S.hops[j.to[e]] == (size_t)-1) {
                S.hops[j.to[e]] = S.hops[u] + 1;
                queue[qt++] = j.to[e];
            }
    }
    if (S.hops[a] != (size_t)-1 && S.hops[a] <= S.max_len) {
        S.on[a] = 1;
        S.stack[0] = a;
        dfs(&S, a, 0);
    }
    if (S.oom) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (S.over) {
        st = ag_error_set(err, AG_EARG,
                          "more than %d signed chains of up to %d steps; ask for shorter ones",
                          AG_CHAIN_MAX_FOUND, max_len);
        goto cleanup;
    }
    if (S.n > 0)
        qsort(S.found, S.n, sizeof *S.found, cmp_chain);
    if (top > 0 && S.n > top) {
        for (size_t i = top; i < S.n; i++)
            ag_chain_destroy(&S.found[i]);
        S.n = top;
    }
    *out = S.found;
    *n = S.n;
    S.found = NULL;
    S.n = 0;
cleanup:
    ag_chains_free(S.found, S.n);
    free(S.hops);
    free(S.on);
    free(S.stack);
    free(S.ws);
    free(queue);
    adj_free(&j);
    return st;
}

static int fold_eq(const char *x, const char *y)
{
    for (; *x && *y; x++, y++)
        if (tolower((unsigned char)*x) != tolower((unsigned char)*y))
            return 0;
    return *x == *y;
}

long ag_actor_lookup(const ag_graph *g, const char *text)
{
    long i = ag_graph_find_actor(g, text);
    if (i >= 0)
        return i;
    for (size_t k = 0; k < g->n_actors; k++)
        if (strcmp(g->actors[k].name, text) == 0)
            return (long)k;
    for (size_t k = 0; k < g->n_actors; k++)
        if (fold_eq(g->actors[k].name, text) || fold_eq(g->actors[k].id, text))
            return (long)k;
    return -1;
}

/* Edit distance ignoring case, or a value above limit when it is above
 * limit (strings longer than 64 compare as far apart). */
static size_t distance(const char *x, const char *y, size_t limit)
{
    size_t n = strlen(x), m = strlen(y), row[65];
    if (n > 64 || m > 64)
        return limit + 1;
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)x[i - 1]) != tolower((unsigned char)y[j - 1]);
            size_t best = diag + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

const char *ag_actor_nearest(const ag_graph *g, const char *text)
{
    size_t limit = strlen(text) / 3, best = (size_t)-1;
    const char *hit = NULL;
    if (limit < 1)
        limit = 1;
    for (size_t k = 0; k < g->n_actors && k < 2000; k++) {
        size_t d = distance(text, g->actors[k].id, limit);
        size_t e = distance(text, g->actors[k].name, limit);
        if (e < d)
            d = e;
        if (d <= limit && d < best) {
            best = d;
            hit = g->actors[k].id;
        }
    }
    return hit;
}
