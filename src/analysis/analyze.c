/* Centralities, summary and balance. Path measures get distances 1/w and
 * only ever positive weights; strength measures get w > 0. */
#include "actorgraph/analyze.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>
#include <omp.h>

#include "core/internal.h"
#include "analysis/net.h"
#include "analysis/paths.h"
#include "analysis/pn.h"

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

/* When every weakly connected piece of the tie graph has at most this many
 * actors, eigenvector, hub and authority come from the dense eigensolver
 * alone, piece by piece (exact, and it tells repeated eigenvalues apart);
 * else from ARPACK, with the dense solver on the whole graph as the
 * fallback up to DENSE_MAX actors. */
#define DENSE_ALWAYS 200
#define DENSE_MAX 1000
/* eigenvalues this close to the largest (relative) count as equal to it */
#define EIG_TOL 1e-5

/* The spectral projection of the all-ones vector onto the span of the right
 * eigenvectors VR[:, J] (k of them, of one eigenvalue), along the other
 * eigenvectors: VR_J (VL_J^T VR_J)^-1 VL_J^T 1, the limit of the power
 * iteration started from equal scores. *ok 0 when VL_J^T VR_J is singular. */
static ag_status project_ones(const igraph_matrix_t *vl, const igraph_matrix_t *vr,
                              const size_t *J, size_t k, size_t n, double *x, int *ok,
                              ag_error *err)
{
    igraph_matrix_t G, c;
    igraph_vector_int_t ipiv;
    int info = 0;
    ag_status st = AG_OK;

    *ok = 0;
    if (igraph_matrix_init(&G, (igraph_integer_t)k, (igraph_integer_t)k) != IGRAPH_SUCCESS)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (igraph_matrix_init(&c, (igraph_integer_t)k, 1) != IGRAPH_SUCCESS) {
        igraph_matrix_destroy(&G);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    if (igraph_vector_int_init(&ipiv, (igraph_integer_t)k) != IGRAPH_SUCCESS) {
        igraph_matrix_destroy(&c);
        igraph_matrix_destroy(&G);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    for (size_t a = 0; a < k; a++) {
        double sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += MATRIX(*vl, i, J[a]);
        MATRIX(c, a, 0) = sum;
        for (size_t b = 0; b < k; b++) {
            double dot = 0;
            for (size_t i = 0; i < n; i++)
                dot += MATRIX(*vl, i, J[a]) * MATRIX(*vr, i, J[b]);
            MATRIX(G, a, b) = dot;
        }
    }
    if (igraph_lapack_dgesv(&G, &ipiv, &c, &info) == IGRAPH_ENOMEM)
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
    ag__igraph_message_clear();
    if (st == AG_OK && info == 0) {
        for (size_t i = 0; i < n; i++) {
            x[i] = 0;
            for (size_t b = 0; b < k; b++)
                x[i] += MATRIX(*vr, i, J[b]) * MATRIX(c, b, 0);
        }
        *ok = 1;
    }
    igraph_vector_int_destroy(&ipiv);
    igraph_matrix_destroy(&c);
    igraph_matrix_destroy(&G);
    return st;
}

/* The dominant eigenvector of the nonnegative n x n matrix M, as the
 * projection of the all-ones vector onto the eigenvectors of its largest
 * real eigenvalue rho (the Perron root) along the other eigenvectors: where
 * the power iteration from equal scores ends, and, for a repeated rho, one
 * well-defined choice among many. Not normalized (so that separate pieces
 * keep their relative scale), sign chosen so the sum is not negative; should
 * the projection be singular (a defective rho), the orthogonal projection.
 * *rank_out is the number of independent eigenvectors of rho. *ok is 0 when
 * LAPACK fails or rho is not positive (x then left as it was). */
static ag_status dense_dominant(const igraph_matrix_t *M, size_t n, double *x, double *rho_out,
                                size_t *rank_out, int *ok, ag_error *err)
{
    igraph_vector_t re, im;
    igraph_matrix_t vl, vr;
    double *basis = NULL, *v = NULL, rho = -HUGE_VAL, scale = 0, mx = 0, sum = 0;
    size_t rank = 0, k = 0, *J = NULL;
    int info = 0, have_re = 0, have_im = 0, have_vl = 0, have_vr = 0, projected = 0;
    igraph_error_t rc;
    ag_status st = AG_OK;

    *ok = 0;
    if (igraph_vector_init(&re, 0) != IGRAPH_SUCCESS)
        goto nomem;
    have_re = 1;
    if (igraph_vector_init(&im, 0) != IGRAPH_SUCCESS)
        goto nomem;
    have_im = 1;
    if (igraph_matrix_init(&vl, 0, 0) != IGRAPH_SUCCESS)
        goto nomem;
    have_vl = 1;
    if (igraph_matrix_init(&vr, 0, 0) != IGRAPH_SUCCESS)
        goto nomem;
    have_vr = 1;
    basis = malloc((n * n + 1) * sizeof *basis);
    v = malloc((n + 1) * sizeof *v);
    J = malloc((n + 1) * sizeof *J);
    if (!basis || !v || !J)
        goto nomem;
    rc = igraph_lapack_dgeev(M, &re, &im, &vl, &vr, &info);
    ag__igraph_message_clear();
    if (rc == IGRAPH_ENOMEM)
        goto nomem;
    if (rc != IGRAPH_SUCCESS || info != 0)
        goto cleanup;
    for (size_t j = 0; j < n; j++)
        scale = fmax(scale, hypot(VECTOR(re)[j], VECTOR(im)[j]));
    /* rho is real, but a defective (Jordan) rho comes out of LAPACK as
     * values spread around it by up to about eps^(1/k) rho, some complex:
     * hence the tolerances */
    for (size_t j = 0; j < n; j++)
        if (fabs(VECTOR(im)[j]) <= EIG_TOL * scale && VECTOR(re)[j] > rho)
            rho = VECTOR(re)[j];
    if (!(rho > 0))
        goto cleanup;
    /* the eigenvectors of every eigenvalue within EIG_TOL of rho (for a
     * complex pair, the real part of the vector: LAPACK's column j when
     * im[j] > 0; column j + 1 holds the imaginary part), orthonormalized to
     * count the independent ones; nearly parallel ones (a defective
     * eigenvalue) count once */
    for (size_t j = 0; j < n; j++) {
        double norm = 0;
        if (VECTOR(im)[j] < 0 ||
            hypot(VECTOR(re)[j] - rho, VECTOR(im)[j]) > EIG_TOL * rho)
            continue;
        for (size_t i = 0; i < n; i++)
            norm += MATRIX(vr, i, j) * MATRIX(vr, i, j);
        norm = sqrt(norm);
        if (!(norm > 0))
            continue;
        for (size_t i = 0; i < n; i++)
            v[i] = MATRIX(vr, i, j) / norm;
        for (size_t q = 0; q < rank; q++) {
            double dot = 0;
            for (size_t i = 0; i < n; i++)
                dot += basis[q * n + i] * v[i];
            for (size_t i = 0; i < n; i++)
                v[i] -= dot * basis[q * n + i];
        }
        norm = 0;
        for (size_t i = 0; i < n; i++)
            norm += v[i] * v[i];
        norm = sqrt(norm);
        if (norm <= 1e-3)
            continue;
        J[k++] = j;
        for (size_t i = 0; i < n; i++)
            basis[rank * n + i] = v[i] / norm;
        rank++;
    }
    if (rank == 0)
        goto cleanup;
    if ((st = project_ones(&vl, &vr, J, k, n, v, &projected, err)) != AG_OK)
        goto cleanup;
    if (!projected) {
        /* one eigenvector, or (should the projection be singular) the
         * orthogonal projection of ones onto the span */
        for (size_t i = 0; i < n; i++)
            v[i] = 0;
        for (size_t q = 0; q < rank; q++) {
            double c = 0;
            for (size_t i = 0; i < n; i++)
                c += basis[q * n + i];
            for (size_t i = 0; i < n; i++)
                v[i] += c * basis[q * n + i];
        }
    }
    for (size_t i = 0; i < n; i++) {
        mx = fmax(mx, fabs(v[i]));
        sum += v[i];
    }
    if (!(mx > 0) || !isfinite(sum))
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        x[i] = sum < 0 ? -v[i] : v[i];
    *rho_out = rho;
    *rank_out = rank;
    *ok = 1;
    goto cleanup;
nomem:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    free(basis);
    free(v);
    free(J);
    if (have_vr)
        igraph_matrix_destroy(&vr);
    if (have_vl)
        igraph_matrix_destroy(&vl);
    if (have_im)
        igraph_vector_destroy(&im);
    if (have_re)
        igraph_vector_destroy(&re);
    return st;
}

/* Eigenvector (of the in-ties: M = A^T) or hub (M = A A^T) scores of net
 * from the dense solver, unnormalized (dense_dominant); *ok 0 when it
 * fails. */
static ag_status dense_spectral(const ag_net *net, int hits, double *x, double *rho, size_t *rank,
                                int *ok, ag_error *err)
{
    size_t n = net->n;
    igraph_matrix_t M;
    ag_status st;

    if (igraph_matrix_init(&M, (igraph_integer_t)n, (igraph_integer_t)n) != IGRAPH_SUCCESS)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (!hits) {
        for (size_t e = 0; e < net->m; e++)
            MATRIX(M, net->to[e], net->from[e]) += net->w[e];
    } else {
        /* (A A^T)[u][v] = sum over k of w(u->k) w(v->k): pairs of edges
         * into the same actor k (edges are sorted by source, so group by
         * target through a counting sort) */
        size_t *start = calloc(n + 2, sizeof *start), *byto = malloc((net->m + 1) * sizeof *byto);
        if (!start || !byto) {
            free(start);
            free(byto);
            igraph_matrix_destroy(&M);
            return ag_error_set(err, AG_ENOMEM, "out of memory");
        }
        for (size_t e = 0; e < net->m; e++)
            start[net->to[e] + 2]++;
        for (size_t k = 0; k < n; k++)
            start[k + 2] += start[k + 1];
        for (size_t e = 0; e < net->m; e++)
            byto[start[net->to[e] + 1]++] = e;
        for (size_t k = 0; k < n; k++)
            for (size_t i = start[k]; i < start[k + 1]; i++)
                for (size_t j = start[k]; j < start[k + 1]; j++)
                    MATRIX(M, net->from[byto[i]], net->from[byto[j]]) +=
                        net->w[byto[i]] * net->w[byto[j]];
        free(start);
        free(byto);
    }
    st = dense_dominant(&M, n, x, rho, rank, ok, err);
    igraph_matrix_destroy(&M);
    return st;
}

/* Dense scores of net (eigenvector, or hub with hits), piece by piece: the
 * weakly connected pieces are independent blocks of the matrix, so the
 * whole graph's answer is each piece's, for the pieces whose largest
 * eigenvalue is the largest of all (within EIG_TOL), 0 elsewhere. Exact for
 * any number of actors as long as every piece has at most DENSE_ALWAYS.
 * *done 1 when x holds the scores, max 1 (*ok is then 1 too), with
 * *repeated when the largest eigenvalue has several eigenvectors (in one
 * piece, or across pieces); 0 when some piece is larger or the solver
 * failed (x then undefined). */
static ag_status dense_by_pieces(const igraph_t *ig, const ag_net *net, int hits, double *x,
                                 int *ok, int *repeated, int *done, ag_error *err)
{
    size_t n = net->n, ncomp, *local = NULL, *first = NULL, *order = NULL, *eoff = NULL,
           *rank = NULL;
    double *rho = NULL, *raw = NULL, top = 0, mx = 0;
    igraph_vector_int_t memb, csize;
    igraph_integer_t nc = 0;
    ag_net sub;
    ag_status st = AG_OK;

    *ok = 0;
    *repeated = 0;
    *done = 0;
    memset(&sub, 0, sizeof sub);
    if (igraph_vector_int_init(&memb, 0) != IGRAPH_SUCCESS)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (igraph_vector_int_init(&csize, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&memb);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    if ((st = ag_igraph_check(igraph_connected_components(ig, &memb, &csize, &nc, IGRAPH_WEAK),
                              "finding the pieces of the graph", err)) != AG_OK)
        goto cleanup;
    ncomp = (size_t)nc;
    for (size_t c = 0; c < ncomp; c++)
        if ((size_t)VECTOR(csize)[c] > DENSE_ALWAYS)
            goto cleanup; /* not done */
    local = malloc((n + 1) * sizeof *local);
    first = calloc(ncomp + 1, sizeof *first);
    order = malloc((n + 1) * sizeof *order);
    eoff = calloc(ncomp + 2, sizeof *eoff);
    rank = calloc(ncomp + 1, sizeof *rank);
    rho = calloc(ncomp + 1, sizeof *rho);
    raw = calloc(n + 1, sizeof *raw);
    sub.from = malloc((net->m + 1) * sizeof *sub.from);
    sub.to = malloc((net->m + 1) * sizeof *sub.to);
    sub.w = malloc((net->m + 1) * sizeof *sub.w);
    if (!local || !first || !order || !eoff || !rank || !rho || !raw || !sub.from || !sub.to ||
        !sub.w) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* actors of each piece in increasing order (a counting sort), local
     * index = rank inside its piece; edges grouped by piece the same way,
     * so each piece's edges stay sorted */
    for (size_t c = 0; c < ncomp; c++)
        first[c] = c ? first[c - 1] + (size_t)VECTOR(csize)[c - 1] : 0;
    {
        size_t *fill = calloc(ncomp + 1, sizeof *fill);
        if (!fill) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t v = 0; v < n; v++) {
            size_t c = (size_t)VECTOR(memb)[v];
            local[v] = fill[c]++;
            order[first[c] + local[v]] = v;
        }
        free(fill);
    }
    for (size_t e = 0; e < net->m; e++)
        eoff[(size_t)VECTOR(memb)[net->from[e]] + 2]++;
    for (size_t c = 0; c < ncomp; c++)
        eoff[c + 2] += eoff[c + 1];
    {
        size_t *eidx = malloc((net->m + 1) * sizeof *eidx);
        if (!eidx) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t e = 0; e < net->m; e++)
            eidx[eoff[(size_t)VECTOR(memb)[net->from[e]] + 1]++] = e;
        /* now piece c's edges are eidx[eoff[c] .. eoff[c + 1]) */
        for (size_t c = 0; c < ncomp && st == AG_OK; c++) {
            size_t m = eoff[c + 1] - eoff[c];
            int ok_c = 0;
            igraph_bool_t dag = 0;
            igraph_t sg;
            if (m == 0)
                continue;
            sub.n = (size_t)VECTOR(csize)[c];
            sub.m = m;
            for (size_t i = 0; i < m; i++) {
                size_t e = eidx[eoff[c] + i];
                sub.from[i] = local[net->from[e]];
                sub.to[i] = local[net->to[e]];
                sub.w[i] = net->w[e];
            }
            if (!hits) {
                /* an acyclic piece has largest eigenvalue 0: no score */
                if ((st = ag_net_to_igraph(&sub, 1, &sg, err)) != AG_OK)
                    break;
                st = ag_igraph_check(igraph_is_dag(&sg, &dag), "checking for cycles", err);
                igraph_destroy(&sg);
                if (st != AG_OK || dag)
                    continue;
            }
            st = dense_spectral(&sub, hits, raw + first[c], &rho[c], &rank[c], &ok_c, err);
            if (st == AG_OK && !ok_c) {
                free(eidx);
                goto cleanup; /* the solver failed: not done */
            }
        }
        free(eidx);
    }
    if (st != AG_OK)
        goto cleanup;
    for (size_t c = 0; c < ncomp; c++)
        top = fmax(top, rho[c]);
    if (!(top > 0))
        goto cleanup;
    {
        size_t total_rank = 0;
        for (size_t c = 0; c < ncomp; c++) {
            int keep = rank[c] > 0 && rho[c] >= top - EIG_TOL * top;
            if (keep)
                total_rank += rank[c];
            for (size_t i = 0; i < (size_t)VECTOR(csize)[c]; i++) {
                double val = keep ? raw[first[c] + i] : 0.0;
                x[order[first[c] + i]] = val;
                mx = fmax(mx, fabs(val));
            }
        }
        *repeated = total_rank > 1;
    }
    if (!(mx > 0))
        goto cleanup;
    for (size_t v = 0; v < n; v++)
        x[v] /= mx;
    *ok = 1;
    *done = 1;
cleanup:
    free(local);
    free(first);
    free(order);
    free(eoff);
    free(rank);
    free(rho);
    free(raw);
    ag_net_destroy(&sub);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&memb);
    return st;
}

/* Authority scores A^T hub, from the hub scores. */
static void authority_from_hub(const ag_net *net, const double *hub, double *auth)
{
    for (size_t i = 0; i < net->n; i++)
        auth[i] = 0;
    for (size_t e = 0; e < net->m; e++)
        auth[net->to[e]] += net->w[e] * hub[net->from[e]];
}

/* The whole graph at once, dense (ARPACK's fallback): x with max 1. */
static ag_status dense_whole(const ag_net *net, int hits, double *x, int *ok, int *repeated,
                             ag_error *err)
{
    double rho = 0, mx = 0;
    size_t rank = 0;
    ag_status st = dense_spectral(net, hits, x, &rho, &rank, ok, err);
    if (st != AG_OK || !*ok)
        return st;
    for (size_t i = 0; i < net->n; i++)
        mx = fmax(mx, fabs(x[i]));
    for (size_t i = 0; i < net->n; i++)
        x[i] /= mx;
    *repeated = rank > 1;
    return AG_OK;
}

/* Marks metric k AG_MF_OUTSIDE when an actor with a tie (deg > 0) scores 0. */
static void flag_outside(ag_metrics *m, ag_metric k, ag_metric deg)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->v[deg][i] > 0 && m->v[k][i] == 0) {
            m->flags[k] |= AG_MF_OUTSIDE;
            return;
        }
}

static void set_missing(ag_metrics *m, ag_metric k)
{
    m->flags[k] = AG_MF_MISSING;
    for (size_t i = 0; i < m->n; i++)
        m->v[k][i] = NAN;
}

/* Eigenvector, hub and authority scores of the tie graph ig (net's edges,
 * weights w), at least one tie: dense, piece by piece, when every weakly
 * connected piece has at most DENSE_ALWAYS actors; else ARPACK, and the
 * dense solver on the whole graph (up to DENSE_MAX actors) when ARPACK
 * fails. Values every solver failed on become NaN with AG_MF_MISSING; the
 * other metrics are never lost. */
static ag_status spectral_metrics(const igraph_t *ig, const ag_net *net, const igraph_vector_t *w,
                                  ag_metrics *m, ag_error *err)
{
    size_t n = net->n;
    igraph_vector_t res, res2;
    igraph_bool_t dag = 0;
    igraph_error_t rc;
    int ok = 0, repeated = 0, done = 0;
    ag_status st = AG_OK;

    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (igraph_vector_init(&res2, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&res);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }

    /* eigenvector: 0 everywhere when no tie lies on a cycle */
    if ((st = ag_igraph_check(igraph_is_dag(ig, &dag), "checking for cycles", err)) != AG_OK)
        goto cleanup;
    if (dag) {
        m->flags[AG_M_EIGENVECTOR] |= AG_MF_NO_CYCLE;
    } else {
        if ((st = dense_by_pieces(ig, net, 0, m->v[AG_M_EIGENVECTOR], &ok, &repeated, &done,
                                  err)) != AG_OK)
            goto cleanup;
        if (!done) {
            ok = 0;
            repeated = 0;
            rc = igraph_eigenvector_centrality(ig, &res, NULL, 1, 1, w, NULL);
            if (rc == IGRAPH_ENOMEM) {
                st = ag_igraph_check(rc, "computing eigenvector centrality", err);
                goto cleanup;
            }
            ag__igraph_message_clear();
            if (rc == IGRAPH_SUCCESS) {
                take(m->v[AG_M_EIGENVECTOR], &res, n, 1.0);
                ok = 1;
            } else if (n <= DENSE_MAX) {
                m->dense_fallback = true;
                if ((st = dense_whole(net, 0, m->v[AG_M_EIGENVECTOR], &ok, &repeated, err)) !=
                    AG_OK)
                    goto cleanup;
            }
        }
        if (ok) {
            scale_max(m->v[AG_M_EIGENVECTOR], n);
            if (repeated)
                m->flags[AG_M_EIGENVECTOR] |= AG_MF_NOT_UNIQUE;
            flag_outside(m, AG_M_EIGENVECTOR, AG_M_IN_DEGREE);
        } else {
            set_missing(m, AG_M_EIGENVECTOR);
        }
    }

    /* hub and authority (= A^T hub) */
    ok = 0;
    repeated = 0;
    if ((st = dense_by_pieces(ig, net, 1, m->v[AG_M_HUB], &ok, &repeated, &done, err)) != AG_OK)
        goto cleanup;
    if (!done) {
        ok = 0;
        repeated = 0;
        rc = igraph_hub_and_authority_scores(ig, &res, &res2, NULL, 1, w, NULL);
        if (rc == IGRAPH_ENOMEM) {
            st = ag_igraph_check(rc, "computing hub and authority scores", err);
            goto cleanup;
        }
        ag__igraph_message_clear();
        if (rc == IGRAPH_SUCCESS) {
            take(m->v[AG_M_HUB], &res, n, 1.0);
            take(m->v[AG_M_AUTHORITY], &res2, n, 1.0);
            ok = 2; /* both computed */
        } else if (n <= DENSE_MAX) {
            m->dense_fallback = true;
            if ((st = dense_whole(net, 1, m->v[AG_M_HUB], &ok, &repeated, err)) != AG_OK)
                goto cleanup;
        }
    }
    if (ok) {
        if (ok == 1)
            authority_from_hub(net, m->v[AG_M_HUB], m->v[AG_M_AUTHORITY]);
        scale_max(m->v[AG_M_HUB], n);
        scale_max(m->v[AG_M_AUTHORITY], n);
        if (repeated) {
            m->flags[AG_M_HUB] |= AG_MF_NOT_UNIQUE;
            m->flags[AG_M_AUTHORITY] |= AG_MF_NOT_UNIQUE;
        }
        flag_outside(m, AG_M_HUB, AG_M_OUT_DEGREE);
        flag_outside(m, AG_M_AUTHORITY, AG_M_IN_DEGREE);
    } else {
        set_missing(m, AG_M_HUB);
        set_missing(m, AG_M_AUTHORITY);
    }
cleanup:
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&res2);
    return st;
}

/* PN centrality (Everett & Borgatti 2014) on the signed pair graph:
 * solves (I - A / (2n - 2)) x = 1 with A = P - 2N. The system is singular
 * only for two actors with a negative tie (I - A/2 = [[1, 1], [1, 1]]); there
 * the value is the formula's limit (I - bA)^-1 1 = 1 / (1 + 2b) 1 as b tends
 * to 1/2, that is 1/2 each, and *limit is set. Past two actors the sparse
 * solve by conjugate gradients (pn.c) takes memory in proportion to the
 * ties. */
static ag_status pn_index(const ag_net *s, double *out, int *limit, ag_error *err)
{
    size_t n = s->n;

    *limit = 0;
    if (n < 2) {
        for (size_t i = 0; i < n; i++)
            out[i] = 1.0;
        return AG_OK;
    }
    if (n == 2) {
        /* x = 1 / (1 - a/2) with a the tie's sign value: 1 (x = 2),
         * -2 (the limit, x = 1/2) or none (x = 1) */
        double tie = s->m == 0 ? 0.0 : s->w[0] > 0 ? 1.0 : -2.0;
        out[0] = out[1] = 1.0 / (1.0 - tie / 2.0);
        *limit = tie < 0;
        return AG_OK;
    }
    return ag__pn_sparse(s, out, err);
}

static ag_status signed_metrics(const ag_graph *g, ag_metrics *m, ag_error *err)
{
    ag_net s;
    int limit = 0;
    ag_status st = ag_net_signed(g, &s, err);
    if (st != AG_OK)
        return st;
    for (size_t e = 0; e < s.m; e++) {
        ag_metric k = s.w[e] > 0 ? AG_M_POS_DEGREE : AG_M_NEG_DEGREE;
        m->v[k][s.from[e]] += 1;
        m->v[k][s.to[e]] += 1;
    }
    st = pn_index(&s, m->v[AG_M_PN], &limit, err);
    if (limit)
        m->flags[AG_M_PN] |= AG_MF_PN_LIMIT;
    ag_net_destroy(&s);
    return st;
}

/* The unsigned measures on the chosen ties. The path measures are left to
 * the shortest-path sweep, which runs on in *sweep (started here, unless
 * they are skipped or n is 0) for the caller to finish: on success *sweep
 * may be set, on failure it is NULL. */
static ag_status tie_metrics(const ag_graph *g, ag_ties ties, ag_paths paths, ag_metrics *m,
                             ag__paths **sweep, ag_error *err)
{
    ag_net net;
    igraph_t ig;
    igraph_vector_t w, res, res2;
    int have_ig = 0, have_vecs = 0;
    size_t n = g->n_actors;
    ag_status st;

    *sweep = NULL;
    st = ag_net_ties(g, ties, &net, err);
    if (st != AG_OK)
        return st;
    /* one shortest-path sweep per source feeds all three, on every core:
     * started first, so that its helper threads sweep while this thread
     * computes the rest (igraph's functions included: the sweep calls none) */
    if (n > 0) {
        if (paths == AG_PATHS_NONE ||
            (paths == AG_PATHS_AUTO && (double)n * (double)net.m > AG_PATHS_WORK_MAX)) {
            set_missing(m, AG_M_BETWEENNESS);
            set_missing(m, AG_M_CLOSENESS);
            set_missing(m, AG_M_HARMONIC);
            m->flags[AG_M_BETWEENNESS] = m->flags[AG_M_CLOSENESS] = m->flags[AG_M_HARMONIC] =
                AG_MF_SKIPPED;
        } else if ((st = ag__paths_start(&net, ag__threads(), sweep, err)) != AG_OK) {
            goto cleanup;
        }
    }
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
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        goto nomem;
    }
    if (igraph_vector_init(&res2, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&res);
        goto nomem;
    }
    have_vecs = 1;
    for (size_t e = 0; e < net.m; e++)
        VECTOR(w)[e] = net.w[e]; /* strength, in (0, 1] */
    if (n == 0)
        goto cleanup;

    {
        /* PRPACK sums in OpenMP threads: on several, the last digits depend
           on how many there are, and their idle threads spin on the cores
           afterwards. On one thread the result is the same everywhere. */
        int omp_threads = omp_get_max_threads();
        omp_set_num_threads(1);
        st = ag_igraph_check(igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL,
                                             igraph_vss_all(), 1, 0.85, &w, NULL),
                             "computing PageRank", err);
        omp_set_num_threads(omp_threads);
        if (st != AG_OK)
            goto cleanup;
    }
    take(m->v[AG_M_PAGERANK], &res, n, 1.0);

    if (net.m > 0 && (st = spectral_metrics(&ig, &net, &w, m, err)) != AG_OK)
        goto cleanup;
    goto cleanup;
nomem:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    if (st != AG_OK) {
        ag__paths_cancel(*sweep);
        *sweep = NULL;
    }
    if (have_vecs) {
        igraph_vector_destroy(&w);
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
    return ag_metrics_compute_paths(g, ties, AG_PATHS_AUTO, out, err);
}

ag_status ag_metrics_compute_paths(const ag_graph *g, ag_ties ties, ag_paths paths,
                                   ag_metrics *out, ag_error *err)
{
    ag__paths *sweep = NULL;
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
    if ((st = tie_metrics(g, ties, paths, out, &sweep, err)) != AG_OK)
        goto cleanup;
    if ((st = signed_metrics(g, out, err)) != AG_OK)
        goto cleanup;
    if (sweep) {
        size_t n = g->n_actors;
        double pairs = n > 2 ? (double)(n - 1) * (double)(n - 2) : 1.0;
        st = ag__paths_finish(sweep, out->v[AG_M_BETWEENNESS], out->v[AG_M_CLOSENESS],
                              out->v[AG_M_HARMONIC], err);
        sweep = NULL;
        if (st != AG_OK)
            goto cleanup;
        for (size_t v = 0; v < n; v++)
            out->v[AG_M_BETWEENNESS][v] /= pairs;
    }
cleanup:
    ag__paths_cancel(sweep);
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

typedef struct scored {
    double v;
    const char *id;
    size_t a;
} scored;

/* Largest first, NaN last, then by id. */
static int by_value_desc(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    int na = isnan(a->v), nb = isnan(b->v);
    if (na != nb)
        return na - nb;
    if (!na && a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int by_id(const void *pa, const void *pb)
{
    return strcmp(((const scored *)pa)->id, ((const scored *)pb)->id);
}

ag_status ag_metric_order(const ag_graph *g, const double *v, size_t *order, ag_error *err)
{
    size_t n = g->n_actors;
    scored *s = malloc((n + 1) * sizeof *s);

    if (!s)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    for (size_t a = 0; a < n; a++)
        s[a] = (scored){v[a], g->actors[a].id, a};
    qsort(s, n, sizeof *s, by_value_desc);
    /* runs of values close to their largest: equal, so by id */
    for (size_t i = 0; i < n && !isnan(s[i].v);) {
        size_t j = i + 1;
        double tol = fmax(1e-9 * fabs(s[i].v), 1e-12);
        while (j < n && !isnan(s[j].v) && s[i].v - s[j].v <= tol)
            j++;
        if (j - i > 1)
            qsort(s + i, j - i, sizeof *s, by_id);
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = s[i].a;
    free(s);
    return AG_OK;
}

ag_status ag_metric_top(const ag_graph *g, const double *v, size_t k, size_t *top, size_t *count,
                        ag_error *err)
{
    size_t n = g->n_actors, *order = malloc((n + 1) * sizeof *order);
    ag_status st;

    *count = 0;
    if (!order)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if ((st = ag_metric_order(g, v, order, err)) == AG_OK)
        for (size_t i = 0; i < n && *count < k; i++)
            if (!isnan(v[order[i]]) && fabs(v[order[i]]) > 1e-12)
                top[(*count)++] = order[i];
    free(order);
    return st;
}
