/* Blocs: spinglass with negative ties (Traag & Bruggeman 2009) per connected
 * component of the signed pair graph, or modularity-style community
 * detection on the cooperative ties. */
#include "actorgraph/cluster.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "core/internal.h"
#include "actorgraph/limits.h"
#include "analysis/frustration.h"
#include "analysis/net.h"

/* Leiden stops when an iteration leaves the partition as it was, or after
 * this many iterations. */
#define LEIDEN_MAX_ITER 100

static const char *const method_names[AG_CLUSTER_METHOD_COUNT] = {
    "signed", "leiden", "louvain", "walktrap", "infomap", "spinglass"};

bool ag_cluster_method_parse(const char *s, ag_cluster_method *out)
{
    for (int i = 0; i < AG_CLUSTER_METHOD_COUNT; i++)
        if (strcmp(s, method_names[i]) == 0) {
            *out = (ag_cluster_method)i;
            return true;
        }
    return false;
}

const char *ag_cluster_method_name(ag_cluster_method m)
{
    return (unsigned)m < AG_CLUSTER_METHOD_COUNT ? method_names[m] : "?";
}

void ag_cluster_opts_init(ag_cluster_opts *o)
{
    o->method = AG_CLUSTER_SIGNED;
    o->k = 0;
    o->alpha = 0.5;
    o->seed = 1;
    o->runs = 1;
}

void ag_partition_destroy(ag_partition *p)
{
    if (!p)
        return;
    free(p->bloc);
    free(p->frustrating);
    free(p->stability);
    memset(p, 0, sizeof *p);
}

/* Renumbers membership so blocs are 0, 1, ... in order of first member
 * (the labels an algorithm hands back may have gaps). -1 when out of memory. */
static int canonical(size_t *memb, size_t n)
{
    size_t next = 0, top = 0, *map;
    for (size_t i = 0; i < n; i++)
        if (memb[i] + 1 > top)
            top = memb[i] + 1;
    map = malloc((top + 1) * sizeof *map);
    if (!map)
        return -1;
    for (size_t b = 0; b < top; b++)
        map[b] = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t b = memb[i];
        if (map[b] == (size_t)-1)
            map[b] = next++;
        memb[i] = map[b];
    }
    free(map);
    return 0;
}

static ag_status vec_init(igraph_vector_t *v, size_t n, ag_error *err)
{
    return ag_igraph_check(igraph_vector_init(v, (igraph_integer_t)n), "allocating", err);
}

/* Spinglass on each connected component of the signed pair graph; isolated
 * actors are blocs of their own. memb values are unique across components. */
/* What the weights are divided by before igraph sees them: 1, or the
 * largest |w| when that is below the readers' floor (AG_MIN_WEIGHT;
 * only a graph built through the library gets there). Subnormal weights
 * underflow in igraph: Louvain, walktrap and spinglass merged everything
 * and Leiden's resolution became infinite. Graphs the readers accept are
 * left exactly as they are. */
static double weight_scale(const ag_net *net)
{
    double mx = 0;
    for (size_t e = 0; e < net->m; e++)
        mx = fmax(mx, fabs(net->w[e]));
    return mx > 0 && mx < AG_MIN_WEIGHT ? mx : 1.0;
}

static ag_status run_signed(const ag_net *s, int k, size_t *memb, ag_error *err)
{
    igraph_t whole;
    igraph_vector_int_t comp;
    igraph_integer_t ncomp = 0;
    size_t *local = NULL, *count = NULL, next_bloc = 0;
    ag_status st;
    int have_whole = 0, have_comp = 0;
    double scale = weight_scale(s);

    if ((st = ag_net_to_igraph(s, 0, &whole, err)) != AG_OK)
        return st;
    have_whole = 1;
    if ((st = ag_igraph_check(igraph_vector_int_init(&comp, 0), "allocating", err)) != AG_OK)
        goto cleanup;
    have_comp = 1;
    if ((st = ag_igraph_check(igraph_connected_components(&whole, &comp, NULL, &ncomp, IGRAPH_WEAK),
                              "finding components", err)) != AG_OK)
        goto cleanup;
    local = malloc((s->n + 1) * sizeof *local);
    count = calloc((size_t)ncomp + 1, sizeof *count);
    if (!local || !count) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t v = 0; v < s->n; v++)
        local[v] = count[VECTOR(comp)[v]]++;

    for (igraph_integer_t c = 0; c < ncomp; c++) {
        size_t size = count[c], m = 0;
        ag_net sub;
        igraph_t ig;
        igraph_vector_t w;
        igraph_vector_int_t cm;
        igraph_real_t q, temp;
        igraph_integer_t spins;

        if (size > AG_SPINGLASS_MAX_ACTORS) {
            st = ag_error_set(err, AG_EARG,
                              "spinglass: a connected part of %zu actors is past the %d it "
                              "handles in reasonable time; use --method signed (the default)",
                              size, AG_SPINGLASS_MAX_ACTORS);
            goto cleanup;
        }
        if (size == 1) {
            for (size_t v = 0; v < s->n; v++)
                if (VECTOR(comp)[v] == c)
                    memb[v] = next_bloc++;
            continue;
        }
        memset(&sub, 0, sizeof sub);
        sub.n = size;
        sub.from = malloc(s->m * sizeof *sub.from + 1);
        sub.to = malloc(s->m * sizeof *sub.to + 1);
        sub.w = malloc(s->m * sizeof *sub.w + 1);
        if (!sub.from || !sub.to || !sub.w) {
            ag_net_destroy(&sub);
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t e = 0; e < s->m; e++)
            if (VECTOR(comp)[s->from[e]] == c) {
                sub.from[m] = local[s->from[e]];
                sub.to[m] = local[s->to[e]];
                sub.w[m] = s->w[e];
                m++;
            }
        sub.m = m;
        st = ag_net_to_igraph(&sub, 0, &ig, err);
        if (st != AG_OK) {
            ag_net_destroy(&sub);
            goto cleanup;
        }
        if ((st = vec_init(&w, m, err)) != AG_OK) {
            igraph_destroy(&ig);
            ag_net_destroy(&sub);
            goto cleanup;
        }
        for (size_t e = 0; e < m; e++)
            VECTOR(w)[e] = sub.w[e] / scale;
        spins = (igraph_integer_t)(k > 0 ? (size_t)k : 25);
        if ((size_t)spins > size)
            spins = (igraph_integer_t)size;
        if (spins < 2)
            spins = 2;
        st = ag_igraph_check(igraph_vector_int_init(&cm, 0), "allocating", err);
        if (st == AG_OK) {
            st = ag_igraph_check(
                igraph_community_spinglass(&ig, &w, &q, &temp, &cm, NULL, spins, 0, 1.0, 0.01,
                                           0.99, IGRAPH_SPINCOMM_UPDATE_CONFIG, 1.0,
                                           IGRAPH_SPINCOMM_IMP_NEG, 1.0),
                "finding signed blocs", err);
            if (st == AG_OK) {
                size_t top = 0;
                for (size_t v = 0; v < s->n; v++)
                    if (VECTOR(comp)[v] == c) {
                        size_t b = (size_t)VECTOR(cm)[local[v]];
                        memb[v] = next_bloc + b;
                        if (b + 1 > top)
                            top = b + 1;
                    }
                next_bloc += top;
            }
            igraph_vector_int_destroy(&cm);
        }
        igraph_vector_destroy(&w);
        igraph_destroy(&ig);
        ag_net_destroy(&sub);
        if (st != AG_OK)
            goto cleanup;
    }
cleanup:
    free(local);
    free(count);
    if (have_comp)
        igraph_vector_int_destroy(&comp);
    if (have_whole)
        igraph_destroy(&whole);
    return st;
}

/* Community detection on the cooperative ties: undirected for leiden,
 * louvain and walktrap, directed for infomap. */
static ag_status run_unsigned(const ag_graph *g, ag_cluster_method method, size_t *memb,
                              ag_error *err)
{
    ag_net net;
    igraph_t ig;
    igraph_vector_t w;
    igraph_vector_int_t cm;
    ag_status st;
    int directed = method == AG_CLUSTER_INFOMAP;
    int have_ig = 0, have_w = 0, have_cm = 0;
    double scale;

    st = directed ? ag_net_ties(g, AG_TIES_POSITIVE, &net, err)
                  : ag_net_ties_undirected(g, AG_TIES_POSITIVE, &net, err);
    if (st != AG_OK)
        return st;
    if (net.m == 0) {
        /* no cooperation at all: every actor is its own bloc */
        for (size_t v = 0; v < net.n; v++)
            memb[v] = v;
        goto cleanup;
    }
    if ((st = ag_net_to_igraph(&net, directed, &ig, err)) != AG_OK)
        goto cleanup;
    have_ig = 1;
    if ((st = vec_init(&w, net.m, err)) != AG_OK)
        goto cleanup;
    have_w = 1;
    scale = weight_scale(&net);
    for (size_t e = 0; e < net.m; e++)
        VECTOR(w)[e] = net.w[e] / scale;
    if ((st = ag_igraph_check(igraph_vector_int_init(&cm, (igraph_integer_t)net.n), "allocating",
                              err)) != AG_OK)
        goto cleanup;
    have_cm = 1;

    switch (method) {
    case AG_CLUSTER_LEIDEN: {
        /* modularity: node weights are strengths, resolution 1 / (2 sum w),
         * finite as sum w >= the floor. One iteration per call, from the last partition, until the
         * partition is stable, at most LEIDEN_MAX_ITER times: never an
         * unbounded loop. */
        igraph_vector_t strength;
        igraph_vector_int_t prev;
        igraph_integer_t nb;
        double total = 0;
        if ((st = vec_init(&strength, net.n, err)) != AG_OK)
            goto cleanup;
        if ((st = ag_igraph_check(igraph_vector_int_init(&prev, 0), "allocating", err)) !=
            AG_OK) {
            igraph_vector_destroy(&strength);
            goto cleanup;
        }
        for (size_t e = 0; e < net.m; e++) {
            VECTOR(strength)[net.from[e]] += VECTOR(w)[e];
            VECTOR(strength)[net.to[e]] += VECTOR(w)[e];
            total += VECTOR(w)[e];
        }
        for (int it = 0; st == AG_OK && it < LEIDEN_MAX_ITER; it++) {
            st = ag_igraph_check(igraph_vector_int_update(&prev, &cm), "allocating", err);
            if (st == AG_OK)
                st = ag_igraph_check(igraph_community_leiden(&ig, &w, &strength,
                                                             1.0 / (2.0 * total), 0.01, it > 0,
                                                             1, &cm, &nb, NULL),
                                     "running Leiden", err);
            if (st == AG_OK && it > 0 && igraph_vector_int_all_e(&prev, &cm))
                break;
        }
        igraph_vector_int_destroy(&prev);
        igraph_vector_destroy(&strength);
        break;
    }
    case AG_CLUSTER_LOUVAIN:
        st = ag_igraph_check(igraph_community_multilevel(&ig, &w, 1.0, &cm, NULL, NULL),
                             "running Louvain", err);
        break;
    case AG_CLUSTER_WALKTRAP: {
        igraph_matrix_int_t merges;
        igraph_vector_t q;
        if ((st = ag_igraph_check(igraph_matrix_int_init(&merges, 0, 0), "allocating", err)) !=
            AG_OK)
            goto cleanup;
        if ((st = vec_init(&q, 0, err)) != AG_OK) {
            igraph_matrix_int_destroy(&merges);
            goto cleanup;
        }
        st = ag_igraph_check(igraph_community_walktrap(&ig, &w, 4, &merges, &q, &cm),
                             "running walktrap", err);
        igraph_vector_destroy(&q);
        igraph_matrix_int_destroy(&merges);
        break;
    }
    default: {
        /* infomap wants no isolated vertices: run it on the others */
        igraph_real_t codelength;
        size_t *sub = malloc((net.n + 1) * sizeof *sub), kept = 0;
        ag_net part;
        igraph_t ig2;
        igraph_vector_int_t cm2;
        if (!sub) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t v = 0; v < net.n; v++)
            sub[v] = (size_t)-1;
        for (size_t e = 0; e < net.m; e++) {
            if (sub[net.from[e]] == (size_t)-1)
                sub[net.from[e]] = 0;
            if (sub[net.to[e]] == (size_t)-1)
                sub[net.to[e]] = 0;
        }
        for (size_t v = 0; v < net.n; v++)
            if (sub[v] != (size_t)-1)
                sub[v] = kept++;
        part = net;
        part.n = kept;
        part.from = malloc(net.m * sizeof *part.from);
        part.to = malloc(net.m * sizeof *part.to);
        if (!part.from || !part.to) {
            free(part.from);
            free(part.to);
            free(sub);
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t e = 0; e < net.m; e++) {
            part.from[e] = sub[net.from[e]];
            part.to[e] = sub[net.to[e]];
        }
        st = ag_net_to_igraph(&part, 1, &ig2, err);
        free(part.from);
        free(part.to);
        if (st == AG_OK) {
            st = ag_igraph_check(igraph_vector_int_init(&cm2, 0), "allocating", err);
            if (st == AG_OK) {
                st = ag_igraph_check(igraph_community_infomap(&ig2, &w, NULL, 10, &cm2,
                                                              &codelength),
                                     "running infomap", err);
                if (st == AG_OK)
                    for (size_t v = 0; v < net.n; v++)
                        VECTOR(cm)[v] = sub[v] == (size_t)-1
                                            ? (igraph_integer_t)(kept + v)
                                            : VECTOR(cm2)[sub[v]];
                igraph_vector_int_destroy(&cm2);
            }
            igraph_destroy(&ig2);
        }
        free(sub);
        break;
    }
    }
    if (st != AG_OK)
        goto cleanup;
    for (size_t v = 0; v < net.n; v++)
        memb[v] = (size_t)VECTOR(cm)[v];
cleanup:
    if (have_cm)
        igraph_vector_int_destroy(&cm);
    if (have_w)
        igraph_vector_destroy(&w);
    if (have_ig)
        igraph_destroy(&ig);
    ag_net_destroy(&net);
    return st;
}

static void frustration(const ag_net *s, const size_t *memb, size_t *count, double *weight)
{
    *count = 0;
    *weight = 0;
    for (size_t e = 0; e < s->m; e++) {
        int same = memb[s->from[e]] == memb[s->to[e]];
        if ((s->w[e] > 0 && !same) || (s->w[e] < 0 && same)) {
            (*count)++;
            *weight += fabs(s->w[e]);
        }
    }
}

/* Modularity of the cooperative ties (undirected); NaN when there are none. */
static ag_status modularity(const ag_net *coop, const size_t *memb, double *q, ag_error *err)
{
    igraph_t ig;
    igraph_vector_t w;
    igraph_vector_int_t m;
    igraph_real_t value = NAN;
    ag_status st;

    *q = NAN;
    if (coop->m == 0)
        return AG_OK;
    if ((st = ag_net_to_igraph(coop, 0, &ig, err)) != AG_OK)
        return st;
    if ((st = vec_init(&w, coop->m, err)) != AG_OK) {
        igraph_destroy(&ig);
        return st;
    }
    st = ag_igraph_check(igraph_vector_int_init(&m, (igraph_integer_t)coop->n), "allocating", err);
    if (st == AG_OK) {
        for (size_t e = 0; e < coop->m; e++)
            VECTOR(w)[e] = coop->w[e];
        for (size_t v = 0; v < coop->n; v++)
            VECTOR(m)[v] = (igraph_integer_t)memb[v];
        st = ag_igraph_check(igraph_modularity(&ig, &m, &w, 1.0, 0, &value),
                             "computing modularity", err);
        igraph_vector_int_destroy(&m);
    }
    igraph_vector_destroy(&w);
    igraph_destroy(&ig);
    *q = value;
    return st;
}

static int cmp_tie(const void *pa, const void *pb)
{
    const ag_pair_tie *x = pa, *y = pb;
    if (fabs(x->s) != fabs(y->s))
        return fabs(x->s) > fabs(y->s) ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

/* Lists the ties that frustrate the partition, heaviest first. */
static int list_frustrating(const ag_net *s, ag_partition *p)
{
    size_t k = 0;
    p->frustrating = malloc((p->frustration_count + 1) * sizeof *p->frustrating);
    if (!p->frustrating)
        return -1;
    for (size_t e = 0; e < s->m; e++) {
        int same = p->bloc[s->from[e]] == p->bloc[s->to[e]];
        if ((s->w[e] > 0 && !same) || (s->w[e] < 0 && same))
            p->frustrating[k++] = (ag_pair_tie){s->from[e], s->to[e], s->w[e]};
    }
    qsort(p->frustrating, k, sizeof *p->frustrating, cmp_tie);
    return 0;
}

typedef struct pair {
    size_t a, b;
} pair;

static int cmp_pair(const void *pa, const void *pb)
{
    const pair *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

/* Adds to acc[v] the Jaccard similarity of v's bloc in p and in q. */
static int add_jaccard(const size_t *p, const size_t *q, size_t n, double *acc)
{
    pair *cells = malloc((n + 1) * sizeof *cells);
    size_t *size_p = calloc(n + 1, sizeof *size_p), *size_q = calloc(n + 1, sizeof *size_q);
    int rc = -1;
    if (!cells || !size_p || !size_q)
        goto cleanup;
    for (size_t v = 0; v < n; v++) {
        size_p[p[v]]++;
        size_q[q[v]]++;
        cells[v] = (pair){p[v], q[v]};
    }
    qsort(cells, n, sizeof *cells, cmp_pair);
    for (size_t v = 0; v < n; v++) {
        pair key = {p[v], q[v]};
        pair *lo = cells, *hi = cells + n;
        size_t inter;
        /* first and last occurrences of key in the sorted cells */
        while (lo < hi) {
            pair *mid = lo + (hi - lo) / 2;
            if (cmp_pair(mid, &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        hi = lo;
        while (hi < cells + n && cmp_pair(hi, &key) == 0)
            hi++;
        inter = (size_t)(hi - lo);
        acc[v] += (double)inter / (double)(size_p[p[v]] + size_q[q[v]] - inter);
    }
    rc = 0;
cleanup:
    free(cells);
    free(size_p);
    free(size_q);
    return rc;
}

/* ---- the signed method: least frustration, runs on threads ------------- */

static size_t uf_find(size_t *parent, size_t v)
{
    while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

typedef struct bloc_link {
    size_t a, b; /* blocs, a < b */
    double pos, neg;
} bloc_link;

static int cmp_bloc_link(const void *x, const void *y)
{
    const bloc_link *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

/* Merges blocs (memb, canonical) until each connected part of s has at most
 * k, each time the two blocs of a part whose merging adds the least
 * frustration ((1 - alpha) x negative weight between them - alpha x
 * positive weight). 0, or -1 when out of memory. */
static int limit_blocs(const ag_net *s, size_t *memb, size_t n, int k, double alpha)
{
    size_t *parent = malloc((n + 1) * sizeof *parent), *part_of = NULL, *count = NULL;
    bloc_link *links = malloc((s->m + 1) * sizeof *links);
    int rc = -1;
    if (!parent || !links)
        goto cleanup;
    for (size_t v = 0; v < n; v++)
        parent[v] = v;
    for (size_t e = 0; e < s->m; e++) {
        size_t a = uf_find(parent, s->from[e]), b = uf_find(parent, s->to[e]);
        if (a != b)
            parent[a < b ? b : a] = a < b ? a : b;
    }
    part_of = malloc((n + 1) * sizeof *part_of); /* per bloc: its part */
    count = calloc(n + 1, sizeof *count);        /* per part: its blocs */
    if (!part_of || !count)
        goto cleanup;
    for (;;) {
        size_t nb = 0, m = 0, best_a = 0, best_b = 0, part = SIZE_MAX;
        double best = INFINITY;
        for (size_t v = 0; v < n; v++)
            if (memb[v] + 1 > nb)
                nb = memb[v] + 1;
        memset(count, 0, (n + 1) * sizeof *count);
        for (size_t b = 0; b < nb; b++)
            part_of[b] = SIZE_MAX;
        for (size_t v = 0; v < n; v++)
            if (part_of[memb[v]] == SIZE_MAX) {
                part_of[memb[v]] = uf_find(parent, v);
                count[part_of[memb[v]]]++;
            }
        for (size_t p = 0; p < n && part == SIZE_MAX; p++)
            if (count[p] > (size_t)k)
                part = p;
        if (part == SIZE_MAX)
            break;
        /* ties between the part's blocs, summed per pair of blocs */
        for (size_t e = 0; e < s->m; e++) {
            size_t a = memb[s->from[e]], b = memb[s->to[e]];
            if (a == b || part_of[a] != part)
                continue;
            links[m++] = (bloc_link){a < b ? a : b, a < b ? b : a, s->w[e] > 0 ? s->w[e] : 0,
                                     s->w[e] < 0 ? -s->w[e] : 0};
        }
        qsort(links, m, sizeof *links, cmp_bloc_link);
        for (size_t i = 0, j; i < m; i = j) {
            double pos = 0, neg = 0, cost;
            for (j = i; j < m && links[j].a == links[i].a && links[j].b == links[i].b; j++) {
                pos += links[j].pos;
                neg += links[j].neg;
            }
            cost = (1 - alpha) * neg - alpha * pos;
            if (cost < best) {
                best = cost;
                best_a = links[i].a;
                best_b = links[i].b;
            }
        }
        if (!(best <= 0)) {
            /* two blocs with no tie between them cost nothing to merge */
            size_t first = SIZE_MAX;
            for (size_t b = 0; b < nb; b++)
                if (part_of[b] == part) {
                    int linked = 0;
                    if (first == SIZE_MAX) {
                        first = b;
                        continue;
                    }
                    for (size_t i = 0; i < m && !linked; i++)
                        linked = links[i].a == first && links[i].b == b;
                    if (!linked) {
                        best = 0;
                        best_a = first;
                        best_b = b;
                        break;
                    }
                }
        }
        for (size_t v = 0; v < n; v++)
            if (memb[v] == best_b)
                memb[v] = best_a;
        if (canonical(memb, n) != 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    free(parent);
    free(part_of);
    free(count);
    free(links);
    return rc;
}

typedef struct signed_job {
    const ag_net *s;
    const ag_cluster_opts *opts;
    size_t *runs_memb; /* runs x n */
    int runs, next, failed;
    int restarts;
    pthread_mutex_t lock;
} signed_job;

/* Takes runs until none is left; a run's seed is opts->seed + its index, so
 * results do not depend on which thread ran it. */
static void *signed_worker(void *arg)
{
    signed_job *j = arg;
    for (;;) {
        int r;
        ag_frustration_opts fo;
        ag_error err;
        pthread_mutex_lock(&j->lock);
        r = j->failed ? j->runs : j->next++;
        pthread_mutex_unlock(&j->lock);
        if (r >= j->runs)
            return NULL;
        fo.alpha = j->opts->alpha;
        fo.seed = (uint64_t)(j->opts->seed + (unsigned long)r);
        fo.restarts = j->restarts;
        fo.kicks = 20;
        if (ag__frustration_partition(j->s, &fo, j->runs_memb + (size_t)r * j->s->n, NULL,
                                      &err) != AG_OK) {
            pthread_mutex_lock(&j->lock);
            j->failed = 1;
            pthread_mutex_unlock(&j->lock);
        }
    }
}

/* Every run of the signed method, on up to `threads` threads, reporting
 * progress when `report` (the calling thread must then be the front end's).
 * The search effort shrinks as the graph grows: ten restarts up to 5,000
 * actors and ties together, 100,000 / (actors + ties) past that, at least
 * two. */
static ag_status runs_signed(const ag_net *s, const ag_cluster_opts *opts, int runs,
                             size_t *runs_memb, int threads, int report, ag_error *err)
{
    signed_job j;
    pthread_t tid[8];
    int started = 0;
    size_t size = s->n + s->m;
    memset(&j, 0, sizeof j);
    j.s = s;
    j.opts = opts;
    j.runs_memb = runs_memb;
    j.runs = runs;
    j.restarts = size <= 5000 ? 10 : (int)(100000 / size) < 2 ? 2 : (int)(100000 / size) > 10 ? 10 : (int)(100000 / size);
    if (pthread_mutex_init(&j.lock, NULL) != 0)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (threads > runs)
        threads = runs;
    if (threads > 8)
        threads = 8;
    if (report)
        ag__progress("finding blocs", 0, (size_t)runs);
    for (int t = 1; t < threads; t++) {
        if (pthread_create(&tid[t], NULL, signed_worker, &j) != 0)
            break;
        started = t;
    }
    signed_worker(&j);
    for (int t = 1; t <= started; t++)
        pthread_join(tid[t], NULL);
    if (report)
        ag__progress("finding blocs", (size_t)runs, (size_t)runs);
    pthread_mutex_destroy(&j.lock);
    if (j.failed)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    for (int r = 0; r < runs; r++) {
        size_t *memb = runs_memb + (size_t)r * s->n;
        if (canonical(memb, s->n) != 0 ||
            (opts->k > 0 && limit_blocs(s, memb, s->n, opts->k, opts->alpha) != 0))
            return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    return AG_OK;
}

ag_status ag_cluster(const ag_graph *g, const ag_cluster_opts *opts, ag_partition *out,
                     ag_error *err)
{
    ag_cluster_opts defaults;
    ag_net s, coop;
    size_t n = g->n_actors, *runs_memb = NULL, best = 0;
    double best_score = 0;
    int runs, have_s = 0, have_coop = 0;
    ag_status st = AG_OK;

    memset(out, 0, sizeof *out);
    if (!opts) {
        ag_cluster_opts_init(&defaults);
        opts = &defaults;
    }
    runs = opts->runs > 0 ? opts->runs : 1;
    if ((st = ag_net_signed(g, &s, err)) != AG_OK)
        return st;
    have_s = 1;
    if ((st = ag_net_ties_undirected(g, AG_TIES_POSITIVE, &coop, err)) != AG_OK)
        goto cleanup;
    have_coop = 1;
    runs_memb = malloc(((size_t)runs * n + 1) * sizeof *runs_memb);
    out->bloc = malloc((n + 1) * sizeof *out->bloc);
    if (!runs_memb || !out->bloc) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    out->n = n;
    if (opts->method == AG_CLUSTER_SIGNED && n > 0 &&
        (st = runs_signed(&s, opts, runs, runs_memb, ag__threads(), 1, err)) != AG_OK)
        goto cleanup;
    for (int r = 0; r < runs; r++) {
        size_t *memb = runs_memb + (size_t)r * n, fc;
        double fw, q, score;
        if (n == 0)
            break;
        if (opts->method != AG_CLUSTER_SIGNED) {
            igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)(opts->seed + (unsigned long)r));
            st = opts->method == AG_CLUSTER_SPINGLASS ? run_signed(&s, opts->k, memb, err)
                                                      : run_unsigned(g, opts->method, memb, err);
            if (st != AG_OK)
                goto cleanup;
            if (canonical(memb, n) != 0) {
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
        }
        ag__progress("finding blocs", (size_t)r + 1, (size_t)runs);
        frustration(&s, memb, &fc, &fw);
        if ((st = modularity(&coop, memb, &q, err)) != AG_OK)
            goto cleanup;
        score = opts->method == AG_CLUSTER_SIGNED || opts->method == AG_CLUSTER_SPINGLASS
                    ? -fw
                    : (isnan(q) ? 0 : q);
        if (r == 0 || score > best_score + 1e-12) {
            best = (size_t)r;
            best_score = score;
        }
    }
    if (n > 0)
        memcpy(out->bloc, runs_memb + best * n, n * sizeof *out->bloc);
    out->n_blocs = 0;
    for (size_t v = 0; v < n; v++)
        if (out->bloc[v] + 1 > out->n_blocs)
            out->n_blocs = out->bloc[v] + 1;
    out->seed = opts->seed + best;
    out->algorithm = opts->method == AG_CLUSTER_SIGNED ? "least frustration, local search"
                     : opts->method == AG_CLUSTER_SPINGLASS ? "spinglass, signed modularity"
                                                             : "modularity of cooperative ties";
    if (opts->method == AG_CLUSTER_WALKTRAP)
        out->algorithm = "random walks on cooperative ties";
    if (opts->method == AG_CLUSTER_INFOMAP)
        out->algorithm = "map equation on cooperative ties";
    frustration(&s, out->bloc, &out->frustration_count, &out->frustration_weight);
    if (list_frustrating(&s, out) != 0) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((st = modularity(&coop, out->bloc, &out->modularity, err)) != AG_OK)
        goto cleanup;
    if (runs > 1) {
        out->stability = calloc(n + 1, sizeof *out->stability);
        if (!out->stability) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        for (int r = 0; r < runs; r++)
            if (add_jaccard(out->bloc, runs_memb + (size_t)r * n, n, out->stability) != 0) {
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
        for (size_t v = 0; v < n; v++)
            out->stability[v] /= runs;
    }
cleanup:
    free(runs_memb);
    if (have_coop)
        ag_net_destroy(&coop);
    if (have_s)
        ag_net_destroy(&s);
    if (st != AG_OK)
        ag_partition_destroy(out);
    return st;
}

ag_status ag__cluster_signed_blocs(const ag_graph *g, const ag_cluster_opts *opts, size_t *bloc,
                                   size_t *n_blocs, ag_error *err)
{
    ag_net s;
    size_t n = g->n_actors, *runs_memb = NULL, best = 0;
    double best_score = 0;
    int runs = opts->runs > 0 ? opts->runs : 1;
    ag_status st;

    *n_blocs = 0;
    if ((st = ag_net_signed(g, &s, err)) != AG_OK)
        return st;
    if (!(runs_memb = malloc(((size_t)runs * n + 1) * sizeof *runs_memb))) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (n > 0 && (st = runs_signed(&s, opts, runs, runs_memb, 1, 0, err)) != AG_OK)
        goto cleanup;
    /* the run ag_cluster reports: least frustration weight, earliest on a tie */
    for (int r = 0; r < runs && n > 0; r++) {
        size_t fc;
        double fw;
        frustration(&s, runs_memb + (size_t)r * n, &fc, &fw);
        if (r == 0 || -fw > best_score + 1e-12) {
            best = (size_t)r;
            best_score = -fw;
        }
    }
    if (n > 0)
        memcpy(bloc, runs_memb + best * n, n * sizeof *bloc);
    for (size_t v = 0; v < n; v++)
        if (bloc[v] + 1 > *n_blocs)
            *n_blocs = bloc[v] + 1;
cleanup:
    free(runs_memb);
    ag_net_destroy(&s);
    return st;
}

ag_status ag_bloc_leaders(const ag_graph *g, const size_t *bloc, size_t n_blocs, size_t *leader,
                          ag_error *err)
{
    ag_net s;
    double *strength = NULL;
    ag_status st = ag_net_signed(g, &s, err);
    if (st != AG_OK)
        return st;
    strength = calloc(g->n_actors + 1, sizeof *strength);
    if (!strength) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t e = 0; e < s.m; e++)
        if (s.w[e] > 0 && bloc[s.from[e]] == bloc[s.to[e]]) {
            strength[s.from[e]] += s.w[e];
            strength[s.to[e]] += s.w[e];
        }
    for (size_t b = 0; b < n_blocs; b++)
        leader[b] = (size_t)-1;
    for (size_t v = 0; v < g->n_actors; v++) {
        size_t b = bloc[v], l;
        if (b >= n_blocs)
            continue;
        l = leader[b];
        if (l == (size_t)-1 || strength[v] > strength[l] ||
            (strength[v] == strength[l] && strcmp(g->actors[v].id, g->actors[l].id) < 0))
            leader[b] = v;
    }
cleanup:
    free(strength);
    ag_net_destroy(&s);
    return st;
}
