/* The frustration search (src/analysis/frustration.c) on hand-computed
 * cases, against exhaustive enumeration on small random graphs, and on
 * Read's highland tribes (published: 3 blocs, frustration 2). */
#include <stdint.h>
#include <stdlib.h>

#include "analysis/frustration.h"
#include "test.h"

#define MAXM 64

typedef struct sample {
    size_t n, m;
    size_t from[MAXM], to[MAXM];
    double w[MAXM];
} sample;

static ag_net net_of(sample *s)
{
    ag_net net = {s->n, s->m, s->from, s->to, s->w};
    return net;
}

static void add(sample *s, size_t a, size_t b, double w)
{
    s->from[s->m] = a < b ? a : b;
    s->to[s->m] = a < b ? b : a;
    s->w[s->m] = w;
    s->m++;
}

static double cost(const sample *s, const size_t *memb, double alpha)
{
    double c = 0;
    for (size_t e = 0; e < s->m; e++) {
        int same = memb[s->from[e]] == memb[s->to[e]];
        if (s->w[e] > 0 && !same)
            c += alpha * s->w[e];
        if (s->w[e] < 0 && same)
            c += (1 - alpha) * -s->w[e];
    }
    return c;
}

static size_t blocs(const size_t *memb, size_t n)
{
    size_t k = 0;
    for (size_t v = 0; v < n; v++) {
        int seen = 0;
        for (size_t u = 0; u < v; u++)
            seen |= memb[u] == memb[v];
        k += !seen;
    }
    return k;
}

static int run(sample *s, double alpha, uint64_t seed, int restarts, size_t *memb, double *c)
{
    ag_net net = net_of(s);
    ag_frustration_opts o = {alpha, seed, restarts, 20};
    ag_error err;
    return ag__frustration_partition(&net, &o, memb, c, &err) == AG_OK ? 0 : -1;
}

static void test_hand(void)
{
    sample s = {0};
    size_t memb[64];
    double c;

    /* two camps (0,1) and (2,3), hostile to each other; 4 alone */
    s.n = 5;
    add(&s, 0, 1, 0.5);
    add(&s, 2, 3, 0.5);
    add(&s, 0, 2, -0.5);
    add(&s, 1, 3, -0.5);
    CHECK(run(&s, 0.5, 1, 1, memb, &c) == 0);
    CHECK_NEAR(c, 0, 0);
    CHECK(memb[0] == memb[1] && memb[2] == memb[3] && memb[0] != memb[2]);
    CHECK(memb[4] != memb[0] && memb[4] != memb[2]);

    /* three mutual enemies: three blocs, nothing frustrated */
    memset(&s, 0, sizeof s);
    s.n = 3;
    add(&s, 0, 1, -1);
    add(&s, 1, 2, -1);
    add(&s, 0, 2, -1);
    CHECK(run(&s, 0.5, 7, 1, memb, &c) == 0);
    CHECK_NEAR(c, 0, 0);
    CHECK_INT(blocs(memb, 3), 3);

    /* alpha decides: 0+1, 1+2, 0-2. Together costs (1 - alpha) (the
       negative inside); {0,1},{2} costs alpha (1-2 crosses). */
    memset(&s, 0, sizeof s);
    s.n = 3;
    add(&s, 0, 1, 1);
    add(&s, 1, 2, 1);
    add(&s, 0, 2, -1);
    CHECK(run(&s, 0.3, 1, 3, memb, &c) == 0);
    CHECK_NEAR(c, 0.3, 1e-12);
    CHECK_INT(blocs(memb, 3), 2);
    CHECK(run(&s, 0.7, 1, 3, memb, &c) == 0);
    CHECK_NEAR(c, 0.3, 1e-12);
    CHECK_INT(blocs(memb, 3), 1);
}

/* An all-positive connected part is never split, whatever the seed; an
 * actor with no tie stays alone. */
static void test_positive_never_split(void)
{
    sample s = {0};
    size_t memb[64];
    double c;
    s.n = 41;
    for (size_t v = 0; v + 1 < 40; v++)
        add(&s, v, v + 1, 0.1 + 0.02 * (double)(v % 7));
    for (uint64_t seed = 1; seed <= 20; seed++) {
        CHECK(run(&s, 0.5, seed, 1, memb, &c) == 0);
        CHECK_NEAR(c, 0, 0);
        CHECK_INT(blocs(memb, 40), 1);
        CHECK(memb[40] != memb[0]);
    }
}

/* The least cost over every partition of s's nodes (restricted growth
 * strings), for n <= 8. */
static double exhaustive(const sample *s, double alpha)
{
    size_t a[8] = {0}, top[8] = {0}, n = s->n;
    double best = cost(s, a, alpha);
    for (;;) {
        size_t i = n - 1;
        while (i > 0 && a[i] > top[i - 1])
            i--;
        if (i == 0)
            break;
        a[i]++;
        for (size_t j = i + 1; j < n; j++)
            a[j] = 0;
        for (size_t j = 1; j < n; j++)
            top[j] = top[j - 1] > a[j] ? top[j - 1] : a[j];
        {
            double c = cost(s, a, alpha);
            if (c < best)
                best = c;
        }
    }
    return best;
}

static uint64_t lcg(uint64_t *x)
{
    *x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
    return *x >> 33;
}

/* On 300 random signed graphs of 8 nodes, ten restarts reach the optimum
 * found by enumerating all 4,140 partitions. */
static void test_exhaustive(void)
{
    uint64_t x = 42;
    int missed = 0;
    for (int t = 0; t < 300; t++) {
        sample s = {0};
        size_t memb[8];
        double c, best;
        s.n = 8;
        for (size_t a = 0; a < 8; a++)
            for (size_t b = a + 1; b < 8; b++)
                if (lcg(&x) % 100 < 45) {
                    double w = (double)(1 + lcg(&x) % 10) / 10;
                    add(&s, a, b, lcg(&x) % 100 < 55 ? w : -w);
                }
        best = exhaustive(&s, 0.5);
        CHECK(run(&s, 0.5, (uint64_t)t + 1, 10, memb, &c) == 0);
        CHECK_NEAR(c, cost(&s, memb, 0.5), 1e-12);
        if (c > best + 1e-9) {
            missed++;
            fprintf(stderr, "graph %d: search %.3f, optimum %.3f\n", t, c, best);
        }
    }
    CHECK_INT(missed, 0);
}

static void test_deterministic(void)
{
    sample s = {0};
    size_t m1[12], m2[12];
    double c1, c2;
    uint64_t x = 7;
    s.n = 12;
    for (size_t a = 0; a < 12; a++)
        for (size_t b = a + 1; b < 12 && s.m < MAXM; b++)
            if (lcg(&x) % 100 < 40)
                add(&s, a, b, lcg(&x) % 2 ? 0.5 : -0.7);
    CHECK(run(&s, 0.5, 99, 3, m1, &c1) == 0);
    CHECK(run(&s, 0.5, 99, 3, m2, &c2) == 0);
    CHECK(memcmp(m1, m2, sizeof m1) == 0);
    CHECK(c1 == c2);
}

/* Read's highland tribes, when ../shared/datasets is beside the project. */
static void test_tribes(const char *root)
{
    char path[4096], a[64], b[64], line[256];
    char names[32][64];
    size_t n = 0, memb[32];
    sample s = {0};
    double c;
    int sign;
    FILE *f;
    snprintf(path, sizeof path, "%s/../shared/datasets/highland-tribes.csv", root);
    if (!(f = fopen(path, "r"))) {
        printf("skip: %s absent\n", path);
        return;
    }
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        CHECK(0);
        return;
    }
    while (fgets(line, sizeof line, f) && s.m < MAXM) {
        size_t ia = SIZE_MAX, ib = SIZE_MAX;
        for (char *p = line; *p; p++)
            if (*p == ',' || *p == '"')
                *p = ' ';
        if (sscanf(line, "%63s %63s %d", a, b, &sign) != 3)
            continue;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(names[i], a) == 0)
                ia = i;
            if (strcmp(names[i], b) == 0)
                ib = i;
        }
        if (ia == SIZE_MAX && n < 32) {
            snprintf(names[n], sizeof names[n], "%s", a);
            ia = n++;
        }
        if (ib == SIZE_MAX && n < 32) {
            snprintf(names[n], sizeof names[n], "%s", b);
            ib = n++;
        }
        add(&s, ia, ib, sign);
    }
    fclose(f);
    s.n = n;
    CHECK_INT(n, 16);
    CHECK_INT(s.m, 58);
    CHECK(run(&s, 0.5, 1, 1, memb, &c) == 0);
    CHECK_NEAR(2 * c, 2, 1e-12); /* frustration weight = 2 x cost at alpha 0.5 */
    CHECK_INT(blocs(memb, n), 3);
}

int main(int argc, char **argv)
{
    test_hand();
    test_positive_never_split();
    test_exhaustive();
    test_deterministic();
    test_tribes(argc > 1 ? argv[1] : ".");
    TEST_END();
}
