/* Out of memory at every allocation in turn: the clustering, sensitivity,
 * what-if and timeline entry points must then return AG_ENOMEM and leave nothing
 * allocated. malloc, calloc, realloc and free are replaced here (glibc
 * supports replacing them together) by versions that fail once a countdown
 * reaches zero and count the blocks alive, so a leak shows as a count that
 * does not come back. Built without the sanitizers only: they replace the
 * allocator themselves. Single-threaded (ACTORGRAPH_THREADS=1): the
 * countdown is not shared safely between threads. Each entry point runs
 * once without failure first, for libgomp: it exits the process when its
 * own first allocation fails, which no caller can prevent. Allocations by
 * C++'s operator new neither fail nor count (see cxx below). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "actorgraph/scenario.h"
#include "actorgraph/timeline.h"
#include "actorgraph/whatif.h"
#include "test.h"
#include "test_graph.h"

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

static long countdown = -1; /* allocations left before one fails; -1 never */
static long live;           /* blocks allocated and not yet freed */

/* Whether caller lies in libstdc++: C++'s operator new. */
static int from_cxx(void *caller)
{
    Dl_info d;
    return dladdr(caller, &d) && d.dli_fname && strstr(d.dli_fname, "libstdc++");
}

/* Blocks C++'s operator new allocated, which live does not count: igraph's
 * PageRank (PRPACK, C++) leaks them when an allocation fails in its midst,
 * inside igraph and out of our reach. Open addressing, deleted slots
 * marked; far more room than the test needs. */
#define CXX_SLOTS (1u << 16)
static void *cxx[CXX_SLOTS];
static void *const deleted = (void *)&cxx;

static size_t slot_of(const void *p)
{
    return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ULL >> 48) & (CXX_SLOTS - 1);
}

static void cxx_add(void *p)
{
    for (size_t i = slot_of(p);; i = (i + 1) & (CXX_SLOTS - 1))
        if (!cxx[i] || cxx[i] == deleted) {
            cxx[i] = p;
            return;
        }
}

/* Removes p when there; whether it was. */
static int cxx_remove(void *p)
{
    for (size_t i = slot_of(p); cxx[i]; i = (i + 1) & (CXX_SLOTS - 1))
        if (cxx[i] == p) {
            cxx[i] = deleted;
            return 1;
        }
    return 0;
}

/* Whether this allocation fails; operator new's never do, for the same
 * reason. */
static int fails(int cxx_caller)
{
    if (countdown < 0 || cxx_caller)
        return 0;
    if (countdown == 0)
        return 1;
    countdown--;
    return 0;
}

/* Counts the new block p, allocated from caller. */
static void *born(void *p, int cxx_caller)
{
    if (p && cxx_caller)
        cxx_add(p);
    else if (p)
        live++;
    return p;
}

void *malloc(size_t n)
{
    int c = from_cxx(__builtin_return_address(0));
    return born(fails(c) ? NULL : __libc_malloc(n), c);
}

void *calloc(size_t n, size_t size)
{
    int c = from_cxx(__builtin_return_address(0));
    return born(fails(c) ? NULL : __libc_calloc(n, size), c);
}

void *realloc(void *p, size_t n)
{
    int c = from_cxx(__builtin_return_address(0));
    void *q;
    if (!p)
        return born(fails(c) ? NULL : __libc_malloc(n), c);
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (fails(c))
        return NULL;
    if ((q = __libc_realloc(p, n)) && cxx_remove(p))
        cxx_add(q);
    return q;
}

void free(void *p)
{
    if (p && !cxx_remove(p))
        live--;
    __libc_free(p);
}

typedef ag_status (*step_fn)(const ag_graph *g, ag_error *err);

static ag_status run_cluster(const ag_graph *g, ag_error *err)
{
    ag_partition p;
    ag_cluster_opts o;
    ag_status st;
    ag_cluster_opts_init(&o);
    o.runs = 2;
    st = ag_cluster(g, &o, &p, err);
    if (st == AG_OK)
        ag_partition_destroy(&p);
    return st;
}

static ag_status run_sensitivity(const ag_graph *g, ag_error *err)
{
    ag_sensitivity s;
    ag_sensitivity_opts o;
    ag_status st;
    memset(&o, 0, sizeof o);
    o.metrics = (1u << AG_METRIC_COUNT) - 1;
    o.ties = AG_TIES_POSITIVE;
    o.paths = AG_PATHS_AUTO;
    o.top = 2;
    o.blocs = true;
    ag_cluster_opts_init(&o.cluster);
    st = ag_sensitivity_compute(g, &o, &s, err);
    if (st == AG_OK)
        ag_sensitivity_destroy(&s);
    return st;
}

static ag_status run_whatif(const ag_graph *g, ag_error *err)
{
    const char *drop = "A:C:alliance";
    ag_scenario_spec spec;
    ag_scenario sc;
    ag_whatif w;
    ag_status st;
    memset(&spec, 0, sizeof spec);
    spec.drop = &drop;
    spec.n_drop = 1;
    /* the scenario is destroyed after a failure too (scenario.h) */
    if ((st = ag_scenario_build(g, &spec, &sc, err)) == AG_OK)
        st = ag_whatif_compare(g, &sc, NULL, &w, err);
    if (st == AG_OK)
        ag_whatif_destroy(&w);
    ag_scenario_destroy(&sc);
    return st;
}

static ag_status run_timeline(const ag_graph *g, ag_error *err)
{
    ag_timeline_opts o;
    ag_timeline t;
    ag_status st;
    ag_timeline_opts_init(&o);
    o.step = AG_TIMELINE_STEP_YEAR;
    st = ag_timeline_compute(g, &o, &t, err);
    ag_timeline_destroy(&t);
    return st;
}

/* Runs step with the k-th allocation failing for every k below 256 and
 * for 256 more k spread evenly over the rest of the N allocations a
 * successful run makes (every k would cost N^2 / 2 allocations: minutes);
 * every failure must be AG_ENOMEM and leave the live count as it was.
 * Returns N. */
static long every_failure(const char *what, step_fn step, const ag_graph *g)
{
    long n, before = live, stride;
    ag_error err;
    /* once without failure first, counting: libgomp (igraph's PageRank)
       sets up its thread team on first use and exits when that
       allocation fails */
    CHECK(step(g, &err) == AG_OK);
    before = live;
    countdown = 1L << 40;
    CHECK(step(g, &err) == AG_OK);
    n = (1L << 40) - countdown;
    countdown = -1;
    CHECK(live == before);
    stride = n > 256 ? (n - 256) / 256 + 1 : 1;
    for (long k = 0; k < n; k += k < 256 ? 1 : stride) {
        ag_status st;
        before = live;
        countdown = k;
        st = step(g, &err);
        countdown = -1;
        if (st != AG_ENOMEM || live != before) {
            fprintf(stderr, "%s: allocation %ld of %ld failing: status %d, %ld blocks left\n",
                    what, k, n, (int)st, live - before);
            CHECK(0);
            return -1;
        }
    }
    return n;
}

/* Two triangles with a conflict and a weak tie: blocs, metrics and a
 * scenario with something to report. */
static const char graph[] =
    "{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
    " {\"id\": \"C\"}, {\"id\": \"D\"}, {\"id\": \"E\"}], \"relations\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"weight\": 1},"
    "{\"source\": \"A\", \"target\": \"C\", \"type\": \"alliance\", \"weight\": 1},"
    "{\"source\": \"A\", \"target\": \"C\", \"type\": \"hostility\", \"weight\": 0.8},"
    "{\"source\": \"B\", \"target\": \"C\", \"type\": \"trade\", \"weight\": 0.3},"
    "{\"source\": \"C\", \"target\": \"D\", \"type\": \"hostility\", \"weight\": 1},"
    "{\"source\": \"D\", \"target\": \"E\", \"type\": \"alliance\", \"weight\": 1}]}";

/* The same, dated: two yearly snapshots with a relation begun, one ended
 * and a bloc changed. */
static const char dated[] =
    "{\"actorgraph\": 1, \"title\": \"t\", \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"},"
    " {\"id\": \"C\"}, {\"id\": \"D\"}], \"relations\": ["
    "{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"start\": \"2000\"},"
    "{\"source\": \"A\", \"target\": \"C\", \"type\": \"alliance\", \"start\": \"2000\","
    " \"end\": \"2000\"},"
    "{\"source\": \"A\", \"target\": \"C\", \"type\": \"hostility\", \"start\": \"2001\"},"
    "{\"source\": \"C\", \"target\": \"D\", \"type\": \"alliance\", \"start\": \"2000\"}]}";

int main(void)
{
    ag_graph *g, *d;
    setenv("ACTORGRAPH_THREADS", "1", 1);
    ag_init();
    g = parse(graph);
    CHECK(g != NULL);
    if (g) {
        CHECK(every_failure("ag_cluster", run_cluster, g) > 1000);
        CHECK(every_failure("ag_sensitivity_compute", run_sensitivity, g) > 10000);
        CHECK(every_failure("ag_whatif_compare", run_whatif, g) > 1000);
        ag_graph_free(g);
    }
    d = parse(dated);
    CHECK(d != NULL);
    if (d) {
        CHECK(every_failure("ag_timeline_compute", run_timeline, d) > 1000);
        ag_graph_free(d);
    }
    TEST_END();
}
