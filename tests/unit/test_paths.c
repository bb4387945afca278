/* The fused shortest-path sweep (src/analysis/paths.c) against igraph's own
 * betweenness, closeness and harmonic centrality, on graphs with unique
 * shortest paths and on graphs where many paths tie in length; and the
 * same bytes whatever the number of threads. */
#include <stdint.h>
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "analysis/net.h"
#include "analysis/paths.h"
#include "test.h"

static uint64_t lcg(uint64_t *x)
{
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    return *x >> 33;
}

/* A random directed graph of n nodes, about deg edges per node, sorted by
 * (from, to); weights from a few values (ties == 1: many equal paths) or
 * continuous. */
static ag_net random_net(size_t n, size_t deg, int ties, uint64_t seed)
{
    static const double few[] = {0.8, 0.74, 0.64, 0.35, 1.0, 0.5};
    ag_net net = {n, 0, NULL, NULL, NULL};
    size_t cap = n * deg + 1, k = 0;
    uint64_t x = seed;
    net.from = malloc(cap * sizeof *net.from);
    net.to = malloc(cap * sizeof *net.to);
    net.w = malloc(cap * sizeof *net.w);
    for (size_t u = 0; u < n; u++) {
        size_t last = SIZE_MAX;
        for (size_t v = 0; v < n && k < cap; v++) {
            if (u == v || lcg(&x) % n >= deg)
                continue;
            (void)last;
            net.from[k] = u;
            net.to[k] = v;
            net.w[k] = ties ? few[lcg(&x) % 6] : 0.05 + 0.95 * (double)(lcg(&x) % 100000) / 1e5;
            k++;
        }
    }
    net.m = k;
    return net;
}

static void compare_with_igraph(const ag_net *net, const char *what)
{
    size_t n = net->n;
    double *b = malloc((n + 1) * sizeof *b), *c = malloc((n + 1) * sizeof *c),
           *h = malloc((n + 1) * sizeof *h);
    igraph_t ig;
    igraph_vector_t dist, res;
    ag_error err;
    double worst = 0;

    CHECK_INT(ag__path_measures(net, 2, b, c, h, &err), AG_OK);
    CHECK_INT(ag_net_to_igraph(net, 1, &ig, &err), AG_OK);
    igraph_vector_init(&dist, (igraph_integer_t)net->m);
    igraph_vector_init(&res, 0);
    for (size_t e = 0; e < net->m; e++)
        VECTOR(dist)[e] = 1.0 / net->w[e];
    igraph_betweenness(&ig, &res, igraph_vss_all(), 1, &dist);
    for (size_t v = 0; v < n; v++) {
        double d = fabs(b[v] - VECTOR(res)[v]) / (1 + fabs(VECTOR(res)[v]));
        worst = d > worst ? d : worst;
    }
    igraph_closeness(&ig, &res, NULL, NULL, igraph_vss_all(), IGRAPH_OUT, &dist, 1);
    for (size_t v = 0; v < n; v++) {
        double r = isnan(VECTOR(res)[v]) ? 0 : VECTOR(res)[v], d = fabs(c[v] - r);
        worst = d > worst ? d : worst;
    }
    igraph_harmonic_centrality(&ig, &res, igraph_vss_all(), IGRAPH_OUT, &dist, 1);
    for (size_t v = 0; v < n; v++) {
        double d = fabs(h[v] - VECTOR(res)[v]);
        worst = d > worst ? d : worst;
    }
    if (!(worst <= 1e-12))
        fprintf(stderr, "%s: largest difference from igraph %.3g\n", what, worst);
    CHECK(worst <= 1e-12);
    igraph_vector_destroy(&dist);
    igraph_vector_destroy(&res);
    igraph_destroy(&ig);
    free(b);
    free(c);
    free(h);
}

static void test_against_igraph(void)
{
    for (uint64_t seed = 1; seed <= 6; seed++) {
        ag_net a = random_net(60 + 20 * seed, 4, 1, seed);
        ag_net b = random_net(60 + 20 * seed, 3, 0, seed + 100);
        compare_with_igraph(&a, "few weights");
        compare_with_igraph(&b, "continuous weights");
        ag_net_destroy(&a);
        ag_net_destroy(&b);
    }
}

static void same_bytes(const ag_net *net)
{
    size_t n = net->n;
    double *r[3][3];
    ag_error err;
    int threads[3] = {1, 2, 7};
    for (int t = 0; t < 3; t++) {
        for (int k = 0; k < 3; k++)
            r[t][k] = malloc(n * sizeof(double));
        CHECK_INT(ag__path_measures(net, threads[t], r[t][0], r[t][1], r[t][2], &err), AG_OK);
    }
    for (int t = 1; t < 3; t++)
        for (int k = 0; k < 3; k++)
            CHECK(memcmp(r[0][k], r[t][k], n * sizeof(double)) == 0);
    for (int t = 0; t < 3; t++)
        for (int k = 0; k < 3; k++)
            free(r[t][k]);
}

/* On a random graph; and on a chain 0 -> 1 -> ... with a shortcut from
 * every tenth node, where each source costs less than the one before, so
 * that later sources are done before earlier ones and wait their turn. */
static void test_threads_same_bytes(void)
{
    ag_net net = random_net(300, 5, 1, 77), chain = {600, 0, NULL, NULL, NULL};
    same_bytes(&net);
    chain.from = malloc(2 * chain.n * sizeof *chain.from);
    chain.to = malloc(2 * chain.n * sizeof *chain.to);
    chain.w = malloc(2 * chain.n * sizeof *chain.w);
    for (size_t u = 0; u + 1 < chain.n; u++) {
        chain.from[chain.m] = u;
        chain.to[chain.m] = u + 1;
        chain.w[chain.m++] = 0.5 + 0.5 * (double)(u % 3) / 3;
        if (u % 10 == 0 && u + 5 < chain.n) {
            chain.from[chain.m] = u;
            chain.to[chain.m] = u + 5;
            chain.w[chain.m++] = 0.3;
        }
    }
    same_bytes(&chain);
    compare_with_igraph(&chain, "chain");
    ag_net_destroy(&net);
    ag_net_destroy(&chain);
}

/* The sweep in two steps: igraph's functions run in the caller's thread
 * while the helpers sweep, and the values are the same bytes as in one
 * step; a sweep cancelled at once, or before its helpers are done, leaves
 * nothing behind (the sanitizer build checks for leaks). */
static void test_start_finish_cancel(void)
{
    ag_net net = random_net(400, 5, 0, 5);
    size_t n = net.n;
    double *one[3], *two[3];
    ag__paths *p = NULL;
    igraph_t ig;
    igraph_vector_t res;
    ag_error err;
    for (int k = 0; k < 3; k++) {
        one[k] = malloc(n * sizeof(double));
        two[k] = malloc(n * sizeof(double));
    }
    CHECK_INT(ag__path_measures(&net, 1, one[0], one[1], one[2], &err), AG_OK);
    CHECK_INT(ag__paths_start(&net, 2, &p, &err), AG_OK);
    CHECK(p != NULL);
    CHECK_INT(ag_net_to_igraph(&net, 1, &ig, &err), AG_OK);
    igraph_vector_init(&res, 0);
    CHECK_INT(igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL, igraph_vss_all(), 1,
                              0.85, NULL, NULL),
              IGRAPH_SUCCESS);
    igraph_vector_destroy(&res);
    igraph_destroy(&ig);
    CHECK_INT(ag__paths_finish(p, two[0], two[1], two[2], &err), AG_OK);
    for (int k = 0; k < 3; k++)
        CHECK(memcmp(one[k], two[k], n * sizeof(double)) == 0);
    for (int threads = 1; threads <= 3; threads++) {
        CHECK_INT(ag__paths_start(&net, threads, &p, &err), AG_OK);
        ag__paths_cancel(p);
    }
    ag__paths_cancel(NULL);
    for (int k = 0; k < 3; k++) {
        free(one[k]);
        free(two[k]);
    }
    ag_net_destroy(&net);
}

/* Node numbers are kept in 32 bits: a graph with more nodes is refused
 * with a message, before anything is allocated. */
static void test_too_large(void)
{
    ag_net net = {(size_t)UINT32_MAX, 0, NULL, NULL, NULL};
    ag__paths *p = (ag__paths *)&net;
    ag_error err;
    CHECK_INT(ag__paths_start(&net, 2, &p, &err), AG_ENOMEM);
    CHECK(p == NULL);
    CHECK(strstr(err.message, "too large for the shortest-path search") != NULL);
}

/* By hand: a -> b -> c and a -> c, all weight 1 (distance 1): b lies on no
 * shortest path (a -> c is direct); with a -> c at weight 0.4 (distance
 * 2.5), b lies on the one shortest path from a to c. */
static void test_hand(void)
{
    size_t from[] = {0, 0, 1}, to[] = {1, 2, 2};
    double w[] = {1, 1, 1}, b[3], c[3], h[3];
    ag_net net = {3, 3, from, to, w};
    ag_error err;
    CHECK_INT(ag__path_measures(&net, 1, b, c, h, &err), AG_OK);
    CHECK_NEAR(b[1], 0, 0);
    CHECK_NEAR(c[0], 2.0 / 2.0, 1e-15); /* reaches 2, distances 1 + 1 */
    CHECK_NEAR(h[0], (1 + 1) / 2.0, 1e-15);
    CHECK_NEAR(c[2], 0, 0);
    w[1] = 0.4;
    CHECK_INT(ag__path_measures(&net, 1, b, c, h, &err), AG_OK);
    CHECK_NEAR(b[1], 1, 1e-15);
    CHECK_NEAR(c[0], 2.0 / 3.0, 1e-15); /* distances 1 and 2 */
    CHECK_NEAR(h[0], (1 + 0.5) / 2.0, 1e-15);
}

int main(void)
{
    ag_init();
    test_hand();
    test_against_igraph();
    test_threads_same_bytes();
    test_start_finish_cancel();
    test_too_large();
    TEST_END();
}
