/* Centralities, summary and balance. Path measures get distances 1/w and
 * only ever positive weights; strength measures get w > 0. */
#include "actorgraph/analyze.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "core/internal.h"
#include "analysis/net.h"

static const char *const metric_names[AG_METRIC_COUNT] = {
    "in_degree", "out_degree", "in_strength", "out_strength", "pos_degree", "neg_degree",
    "betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "hub", "authority",
    "pn"};

static const char *const ties_names[] = {"positive", "negative", "all"};

bool ag_ties_parse(const char *s, ag_ties *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, ties_names[i]) == 0) {
            *out = (ag_ties)i;
            return true;
        }
    return false;
}

const char *ag_ties_name(ag_ties t)
{
    return (unsigned)t < 3 ? ties_names[t] : "?";
}

const char *ag_metric_name(ag_metric m)
{
    return (unsigned)m < AG_METRIC_COUNT ? metric_names[m] : "?";
}

bool ag_metric_parse(const char *s, ag_metric *out)
{
    for (int i = 0; i < AG_METRIC_COUNT; i++)
        if (strcmp(s, metric_names[i]) == 0) {
            *out = (ag_metric)i;
            return true;
        }
    return false;
}

bool ag_metric_is_count(ag_metric m)
{
    return m == AG_M_IN_DEGREE || m == AG_M_OUT_DEGREE || m == AG_M_POS_DEGREE ||
           m == AG_M_NEG_DEGREE;
}

void ag_metrics_destroy(ag_metrics *m)
{
    if (!m)
        return;
    for (int i = 0; i < AG_METRIC_COUNT; i++)
        free(m->v[i]);
    memset(m, 0, sizeof *m);
}

/* Copies an igraph vector into dst, replacing non-finite values by 0 and
 * dividing by scale. */
static void take(double *dst, const igraph_vector_t *src, size_t n, double scale)
{
    for (size_t i = 0; i < n; i++) {
        double x = VECTOR(*src)[i] / scale;
        dst[i] = isfinite(x) ? x : 0.0;
    }
}

/* Rescales x so that its largest value is 1 (left alone when all are 0);
 * values within rounding noise of 0 (eigensolvers leave +-1e-17) become 0. */
static void scale_max(double *x, size_t n)
{
    double mx = 0;
    for (size_t i = 0; i < n; i++)
        if (x[i] > mx)
            mx = x[i];
    for (size_t i = 0; i < n; i++) {
        if (mx > 0)
            x[i] /= mx;
        if (fabs(x[i]) < 1e-12)
            x[i] = 0.0;
    }
}

/* PN centrality (Everett & Borgatti 2014) on the signed pair graph:
 * solves (I - A / (2n - 2)) x = 1 with A = P - 2N. */
static ag_status pn_index(const ag_net *s, double *out, ag_error *err)
{
    size_t n = s->n;
    igraph_matrix_t a, b;
    igraph_vector_int_t ipiv;
    int info = 0;
    ag_status st = AG_OK;
    int have_a = 0, have_b = 0, have_p = 0;

    if (n < 2) {
        for (size_t i = 0; i < n; i++)
            out[i] = 1.0;
        return AG_OK;
    }
    if ((st = ag_igraph_check(igraph_matrix_init(&a, (igraph_integer_t)n, (igraph_integer_t)n),
                              "computing PN", err)) != AG_OK)
        goto cleanup;
    have_a = 1;
    if ((st = ag_igraph_check(igraph_matrix_init(&b, (igraph_integer_t)n, 1), "computing PN",
                              err)) != AG_OK)
        goto cleanup;
    have_b = 1;
    if ((st = ag_igraph_check(igraph_vector_int_init(&ipiv, (igraph_integer_t)n),
                              "computing PN", err)) != AG_OK)
        goto cleanup;
    have_p = 1;
    for (size_t i = 0; i < n; i++) {
        MATRIX(a, i, i) = 1.0;
        MATRIX(b, i, 0) = 1.0;
    }
    for (size_t e = 0; e < s->m; e++) {
        double x = (s->w[e] > 0 ? 1.0 : -2.0) / (2.0 * (double)n - 2.0);
        MATRIX(a, s->from[e], s->to[e]) = -x;
        MATRIX(a, s->to[e], s->from[e]) = -x;
    }
    if ((st = ag_igraph_check(igraph_lapack_dgesv(&a, &ipiv, &b, &info), "computing PN", err)) !=
        AG_OK)
        goto cleanup;
    if (info != 0) {
        st = ag_error_set(err, AG_EGRAPH, "PN centrality: singular system");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = MATRIX(b, i, 0);
cleanup:
    if (have_p)
        igraph_vector_int_destroy(&ipiv);
    if (have_b)
        igraph_matrix_destroy(&b);
    if (have_a)
        igraph_matrix_destroy(&a);
    return st;
}

static ag_status signed_metrics(const ag_graph *g, ag_metrics *m, ag_error *err)
{
    ag_net s;
    ag_status st = ag_net_signed(g, &s, err);
    if (st != AG_OK)
        return st;
    for (size_t e = 0; e < s.m; e++) {
        ag_metric k = s.w[e] > 0 ? AG_M_POS_DEGREE : AG_M_NEG_DEGREE;
        m->v[k][s.from[e]] += 1;
        m->v[k][s.to[e]] += 1;
    }
    st = pn_index(&s, m->v[AG_M_PN], err);
    ag_net_destroy(&s);
    return st;
}

/* The unsigned measures on the chosen ties. */
static ag_status tie_metrics(const ag_graph *g, ag_ties ties, ag_metrics *m, ag_error *err)
{
    ag_net net;
    igraph_t ig;
    igraph_vector_t w, dist, res, res2;
    int have_ig = 0, have_vecs = 0;
    size_t n = g->n_actors;
    ag_status st;
    double pairs = n > 2 ? (double)(n - 1) * (double)(n - 2) : 1.0;

    st = ag_net_ties(g, ties, &net, err);
    if (st != AG_OK)
        return st;
    for (size_t e = 0; e < net.m; e++) {
        m->v[AG_M_OUT_DEGREE][net.from[e]] += 1;
        m->v[AG_M_IN_DEGREE][net.to[e]] += 1;
        m->v[AG_M_OUT_STRENGTH][net.from[e]] += net.w[e];
        m->v[AG_M_IN_STRENGTH][net.to[e]] += net.w[e];
    }
    if ((st = ag_net_to_igraph(&net, 1, &ig, err)) != AG_OK)
        goto cleanup;
    have_ig = 1;
    if (igraph_vector_init(&w, (igraph_integer_t)net.m) != IGRAPH_SUCCESS)
        goto nomem;
    if (igraph_vector_init(&dist, (igraph_integer_t)net.m) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        goto nomem;
    }
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&dist);
        goto nomem;
    }
    if (igraph_vector_init(&res2, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&dist);
        igraph_vector_destroy(&res);
        goto nomem;
    }
    have_vecs = 1;
    for (size_t e = 0; e < net.m; e++) {
        VECTOR(w)[e] = net.w[e];          /* strength, in (0, 1] */
        VECTOR(dist)[e] = 1.0 / net.w[e]; /* distance, >= 1 */
    }
    if (n == 0)
        goto cleanup;

    if ((st = ag_igraph_check(igraph_betweenness(&ig, &res, igraph_vss_all(), 1, &dist),
                              "computing betweenness", err)) != AG_OK)
        goto cleanup;
    take(m->v[AG_M_BETWEENNESS], &res, n, pairs);

    if ((st = ag_igraph_check(igraph_closeness(&ig, &res, NULL, NULL, igraph_vss_all(),
                                               IGRAPH_OUT, &dist, 1),
                              "computing closeness", err)) != AG_OK)
        goto cleanup;
    take(m->v[AG_M_CLOSENESS], &res, n, 1.0); /* NaN (reaches no one) -> 0 */

    if (n > 1) {
        if ((st = ag_igraph_check(igraph_harmonic_centrality(&ig, &res, igraph_vss_all(),
                                                             IGRAPH_OUT, &dist, 1),
                                  "computing harmonic centrality", err)) != AG_OK)
            goto cleanup;
        take(m->v[AG_M_HARMONIC], &res, n, 1.0);
    }

    if ((st = ag_igraph_check(igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL,
                                              igraph_vss_all(), 1, 0.85, &w, NULL),
                              "computing PageRank", err)) != AG_OK)
        goto cleanup;
    take(m->v[AG_M_PAGERANK], &res, n, 1.0);

    if (net.m > 0) {
        if ((st = ag_igraph_check(igraph_eigenvector_centrality(&ig, &res, NULL, 1, 1, &w, NULL),
                                  "computing eigenvector centrality", err)) != AG_OK)
            goto cleanup;
        take(m->v[AG_M_EIGENVECTOR], &res, n, 1.0);
        scale_max(m->v[AG_M_EIGENVECTOR], n);

        if ((st = ag_igraph_check(igraph_hub_and_authority_scores(&ig, &res, &res2, NULL, 1, &w,
                                                                  NULL),
                                  "computing hub and authority scores", err)) != AG_OK)
            goto cleanup;
        take(m->v[AG_M_HUB], &res, n, 1.0);
        take(m->v[AG_M_AUTHORITY], &res2, n, 1.0);
        scale_max(m->v[AG_M_HUB], n);
        scale_max(m->v[AG_M_AUTHORITY], n);
    }
    goto cleanup;
nomem:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    if (have_vecs) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&dist);
        igraph_vector_destroy(&res);
        igraph_vector_destroy(&res2);
    }
    if (have_ig)
        igraph_destroy(&ig);
    ag_net_destroy(&net);
    return st;
}

ag_status ag_metrics_compute(const ag_graph *g, ag_ties ties, ag_metrics *out, ag_error *err)
{
    ag_status st = AG_OK;
    memset(out, 0, sizeof *out);
    out->n = g->n_actors;
    for (int i = 0; i < AG_METRIC_COUNT; i++) {
        out->v[i] = calloc(g->n_actors + 1, sizeof *out->v[i]);
        if (!out->v[i]) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
    }
    if ((st = tie_metrics(g, ties, out, err)) != AG_OK)
        goto cleanup;
    st = signed_metrics(g, out, err);
cleanup:
    if (st != AG_OK)
        ag_metrics_destroy(out);
    return st;
}

ag_status ag_summary_compute(const ag_graph *g, ag_ties ties, ag_summary *out, ag_error *err)
{
    ag_net net;
    igraph_t ig;
    igraph_integer_t count = 0;
    igraph_real_t recip = 0;
    size_t n = g->n_actors;
    ag_status st;

    memset(out, 0, sizeof *out);
    out->actors = n;
    out->relations = g->n_relations;
    for (size_t i = 0; i < g->n_relations; i++)
        out->conflict_relations += g->relations[i].sign < 0;
    out->conflict_share =
        g->n_relations ? (double)out->conflict_relations / (double)g->n_relations : 0.0;

    if ((st = ag_net_ties(g, ties, &net, err)) != AG_OK)
        return st;
    out->ties = net.m;
    out->density = n > 1 ? (double)net.m / ((double)n * (double)(n - 1)) : 0.0;
    if ((st = ag_net_to_igraph(&net, 1, &ig, err)) != AG_OK)
        goto done;
    if (net.m > 0 &&
        (st = ag_igraph_check(igraph_reciprocity(&ig, &recip, 1, IGRAPH_RECIPROCITY_DEFAULT),
                              "computing reciprocity", err)) != AG_OK)
        goto destroy;
    out->reciprocity = net.m > 0 ? recip : 0.0;
    if ((st = ag_igraph_check(igraph_connected_components(&ig, NULL, NULL, &count, IGRAPH_WEAK),
                              "counting components", err)) != AG_OK)
        goto destroy;
    out->weak_components = (size_t)count;
    if ((st = ag_igraph_check(
             igraph_connected_components(&ig, NULL, NULL, &count, IGRAPH_STRONG),
             "counting components", err)) != AG_OK)
        goto destroy;
    out->strong_components = (size_t)count;
destroy:
    igraph_destroy(&ig);
done:
    ag_net_destroy(&net);
    return st;
}

/* ---- structural balance ---------------------------------------------- */

void ag_balance_destroy(ag_balance *b)
{
    if (!b)
        return;
    free(b->unbalanced);
    memset(b, 0, sizeof *b);
}

static int cmp_triangle(const void *pa, const void *pb)
{
    const ag_triangle *a = pa, *b = pb;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b < b->b ? -1 : 1;
    return a->c < b->c ? -1 : a->c > b->c;
}

ag_status ag_balance_compute(const ag_graph *g, ag_balance *out, ag_error *err)
{
    ag_net s;
    size_t *start = NULL, cap = 0;
    ag_status st;

    memset(out, 0, sizeof *out);
    out->index = 1.0;
    if ((st = ag_net_signed(g, &s, err)) != AG_OK)
        return st;
    /* s is sorted by (u, v) with u < v: start[u] .. start[u+1] are u's
     * higher neighbours, sorted, so each triangle u < v < x is found once
     * by merging the lists of u and v. */
    start = calloc(s.n + 2, sizeof *start);
    if (!start) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t e = 0; e < s.m; e++)
        start[s.from[e] + 1]++;
    for (size_t u = 0; u < s.n; u++)
        start[u + 1] += start[u];
    for (size_t e = 0; e < s.m; e++) {
        size_t u = s.from[e], v = s.to[e];
        size_t i = e + 1, j = start[v], iend = start[u + 1], jend = start[v + 1];
        while (i < iend && j < jend) {
            if (s.to[i] < s.to[j]) {
                i++;
            } else if (s.to[i] > s.to[j]) {
                j++;
            } else {
                int neg = (s.w[e] < 0) + (s.w[i] < 0) + (s.w[j] < 0);
                out->triangles++;
                if (neg % 2 == 0) {
                    out->balanced++;
                } else {
                    if (out->n_unbalanced == cap) {
                        size_t ncap = cap ? cap * 2 : 16;
                        ag_triangle *t = realloc(out->unbalanced, ncap * sizeof *t);
                        if (!t) {
                            st = ag_error_set(err, AG_ENOMEM, "out of memory");
                            goto cleanup;
                        }
                        out->unbalanced = t;
                        cap = ncap;
                    }
                    out->unbalanced[out->n_unbalanced++] = (ag_triangle){
                        u, v, s.to[i], neg, fabs(s.w[e]) + fabs(s.w[i]) + fabs(s.w[j])};
                }
                i++;
                j++;
            }
        }
    }
    if (out->triangles)
        out->index = (double)out->balanced / (double)out->triangles;
    if (out->n_unbalanced)
        qsort(out->unbalanced, out->n_unbalanced, sizeof *out->unbalanced, cmp_triangle);
cleanup:
    free(start);
    ag_net_destroy(&s);
    if (st != AG_OK)
        ag_balance_destroy(out);
    return st;
}
