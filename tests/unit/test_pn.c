/* PN centrality by conjugate gradients (src/analysis/pn.c) against the
 * dense LAPACK solve, to 1e-9, on random signed graphs; and by hand. */
#include <stdint.h>
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "analysis/net.h"
#include "analysis/pn.h"
#include "test.h"

static uint64_t lcg(uint64_t *x)
{
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    return *x >> 33;
}

static void dense(const ag_net *s, double *out)
{
    size_t n = s->n;
    igraph_matrix_t a, b;
    igraph_vector_int_t ipiv;
    int info = 0;
    igraph_matrix_init(&a, (igraph_integer_t)n, (igraph_integer_t)n);
    igraph_matrix_init(&b, (igraph_integer_t)n, 1);
    igraph_vector_int_init(&ipiv, (igraph_integer_t)n);
    for (size_t i = 0; i < n; i++) {
        MATRIX(a, i, i) = 1;
        MATRIX(b, i, 0) = 1;
    }
    for (size_t e = 0; e < s->m; e++) {
        double x = (s->w[e] > 0 ? 1.0 : -2.0) / (2.0 * (double)n - 2.0);
        MATRIX(a, s->from[e], s->to[e]) = -x;
        MATRIX(a, s->to[e], s->from[e]) = -x;
    }
    igraph_lapack_dgesv(&a, &ipiv, &b, &info);
    CHECK_INT(info, 0);
    for (size_t i = 0; i < n; i++)
        out[i] = MATRIX(b, i, 0);
    igraph_vector_int_destroy(&ipiv);
    igraph_matrix_destroy(&b);
    igraph_matrix_destroy(&a);
}

static void test_random(void)
{
    uint64_t x = 5;
    for (int t = 0; t < 40; t++) {
        size_t n = 3 + lcg(&x) % 120, k = 0, cap;
        ag_net s = {n, 0, NULL, NULL, NULL};
        double *a, *b, worst = 0;
        ag_error err;
        int density = 1 + (int)(lcg(&x) % 30);
        cap = n * n / 2 + 1;
        s.from = malloc(cap * sizeof *s.from);
        s.to = malloc(cap * sizeof *s.to);
        s.w = malloc(cap * sizeof *s.w);
        for (size_t u = 0; u < n; u++)
            for (size_t v = u + 1; v < n; v++)
                if ((int)(lcg(&x) % 100) < density) {
                    s.from[k] = u;
                    s.to[k] = v;
                    s.w[k++] = lcg(&x) % 3 == 0 ? -0.7 : 0.4;
                }
        s.m = k;
        a = malloc(n * sizeof *a);
        b = malloc(n * sizeof *b);
        CHECK_INT(ag__pn_sparse(&s, a, &err), AG_OK);
        dense(&s, b);
        for (size_t i = 0; i < n; i++)
            worst = fabs(a[i] - b[i]) > worst ? fabs(a[i] - b[i]) : worst;
        if (!(worst <= 1e-9))
            fprintf(stderr, "graph %d (n=%zu, m=%zu): %.3g\n", t, n, k, worst);
        CHECK(worst <= 1e-9);
        free(a);
        free(b);
        ag_net_destroy(&s);
    }
}

/* Two actors and one conflict: I - A/2 with A = [[0,-2],[-2,0]] is
 * [[1,1],[1,1]], singular, but x0 + x1 = 1 has solutions; the one nearest
 * the start (1, 1) is the symmetric (1/2, 1/2). */
static void test_singular(void)
{
    size_t from[] = {0}, to[] = {1};
    double w[] = {-1}, out[2];
    ag_net s = {2, 1, from, to, w};
    ag_error err;
    CHECK_INT(ag__pn_sparse(&s, out, &err), AG_OK);
    CHECK_NEAR(out[0], 0.5, 1e-12);
    CHECK_NEAR(out[1], 0.5, 1e-12);
}

/* A lone positive pair: (I - A/2) x = 1 with A = [[0,1],[1,0]] gives
 * x = 2 for both (x - x/2 = 1). */
static void test_hand(void)
{
    size_t from[] = {0}, to[] = {1};
    double w[] = {0.5}, out[3];
    ag_net s = {3, 1, from, to, w};
    ag_error err;
    /* three actors, one positive pair: scale 1/4; x0 = x1 = 1/(1 - 1/4) = 4/3, x2 = 1 */
    CHECK_INT(ag__pn_sparse(&s, out, &err), AG_OK);
    CHECK_NEAR(out[0], 4.0 / 3.0, 1e-12);
    CHECK_NEAR(out[1], 4.0 / 3.0, 1e-12);
    CHECK_NEAR(out[2], 1.0, 1e-12);
}

int main(void)
{
    ag_init();
    test_hand();
    test_random();
    test_singular();
    TEST_END();
}
