/* PN centrality (Everett & Borgatti 2014) by conjugate gradients on the
 * sparse signed graph: memory and time per iteration proportional to the
 * number of ties, where the dense solve needs n x n memory and n^3 time. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/pn.h"

/* y = (I - A / (2n - 2)) x, with A = P - 2N from the signs of s's ties. */
static void apply(const ag_net *s, double scale, const double *x, double *y)
{
    memcpy(y, x, s->n * sizeof *y);
    for (size_t e = 0; e < s->m; e++) {
        double a = (s->w[e] > 0 ? 1.0 : -2.0) * scale;
        y[s->from[e]] -= a * x[s->to[e]];
        y[s->to[e]] -= a * x[s->from[e]];
    }
}

ag_status ag__pn_sparse(const ag_net *s, double *out, ag_error *err)
{
    size_t n = s->n, max_iter;
    double *r = NULL, *p = NULL, *q = NULL, rr, rr0, scale;
    ag_status st = AG_OK;

    if (n < 2) {
        for (size_t i = 0; i < n; i++)
            out[i] = 1.0;
        return AG_OK;
    }
    r = malloc(n * sizeof *r);
    p = malloc(n * sizeof *p);
    q = malloc(n * sizeof *q);
    if (!r || !p || !q) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    scale = 1.0 / (2.0 * (double)n - 2.0);
    /* start from x = 1: r = 1 - M 1 */
    for (size_t i = 0; i < n; i++)
        out[i] = 1.0;
    apply(s, scale, out, q);
    rr = 0;
    for (size_t i = 0; i < n; i++) {
        r[i] = 1.0 - q[i];
        p[i] = r[i];
        rr += r[i] * r[i];
    }
    rr0 = (double)n; /* |b|^2 for b = 1 */
    max_iter = 10 * n + 100;
    for (size_t it = 0; it < max_iter && rr > 1e-30 * rr0; it++) {
        double pq = 0, alpha, rr_new = 0;
        apply(s, scale, p, q);
        for (size_t i = 0; i < n; i++)
            pq += p[i] * q[i];
        if (!(pq > 0))
            break; /* a direction the matrix does not see: singular */
        alpha = rr / pq;
        for (size_t i = 0; i < n; i++) {
            out[i] += alpha * p[i];
            r[i] -= alpha * q[i];
            rr_new += r[i] * r[i];
        }
        for (size_t i = 0; i < n; i++)
            p[i] = r[i] + rr_new / rr * p[i];
        rr = rr_new;
    }
    if (!(rr <= 1e-24 * rr0))
        st = ag_error_set(err, AG_EGRAPH, "PN centrality: the system is singular");
cleanup:
    free(r);
    free(p);
    free(q);
    return st;
}
