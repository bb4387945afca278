/* Ambiguity and between-bloc brokerage of each actor towards a partition
 * (docs/analysis.md, "Ambiguity and brokerage").
 *
 * The brokerage is betweenness restricted to the pairs of actors in
 * different blocs: Brandes' (2001, 2008) accumulation with the target
 * indicator 1 replaced by [bloc(t) != bloc(s)], swept by paths.c (the
 * threads and fixed summing order of betweenness), a second sweep after
 * the one of the report's path measures. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/cluster.h"
#include "analysis/net.h"
#include "analysis/paths.h"
#include "core/internal.h"

void ag_bloc_roles_destroy(ag_bloc_roles *r)
{
    if (!r)
        return;
    free(r->ambiguity);
    free(r->brokerage);
    memset(r, 0, sizeof *r);
}

/* ambiguity[] from the signed pair graph. */
static ag_status ambiguity(const ag_graph *g, const size_t *bloc, double *amb, ag_error *err)
{
    ag_net net;
    ag_status st;
    size_t n = g->n_actors;
    double *tot = calloc(n + 1, sizeof *tot), *against = calloc(n + 1, sizeof *against);
    memset(&net, 0, sizeof net);
    if (!tot || !against) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((st = ag_net_signed(g, &net, err)) != AG_OK)
        goto cleanup;
    for (size_t e = 0; e < net.m; e++) {
        size_t u = net.from[e], v = net.to[e];
        double s = net.w[e], a = fabs(s);
        int same = bloc[u] == bloc[v];
        tot[u] += a;
        tot[v] += a;
        if ((s > 0 && !same) || (s < 0 && same)) {
            against[u] += a;
            against[v] += a;
        }
    }
    for (size_t v = 0; v < n; v++)
        amb[v] = tot[v] > 0 ? against[v] / tot[v] : 0.0;
cleanup:
    ag_net_destroy(&net);
    free(tot);
    free(against);
    return st;
}

ag_status ag_bloc_roles_compute(const ag_graph *g, const size_t *bloc, ag_ties ties,
                                ag_paths paths, ag_bloc_roles *out, ag_error *err)
{
    ag_net net;
    ag_status st;
    size_t n = g->n_actors;
    memset(out, 0, sizeof *out);
    memset(&net, 0, sizeof net);
    out->n = n;
    out->ambiguity = malloc((n + 1) * sizeof *out->ambiguity);
    out->brokerage = malloc((n + 1) * sizeof *out->brokerage);
    if (!out->ambiguity || !out->brokerage) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((st = ambiguity(g, bloc, out->ambiguity, err)) != AG_OK ||
        (st = ag_net_ties(g, ties, &net, err)) != AG_OK)
        goto cleanup;
    if (paths == AG_PATHS_NONE ||
        (paths == AG_PATHS_AUTO && (double)n * (double)net.m > AG_BROKERAGE_WORK_MAX)) {
        out->brokerage_skipped = true;
        for (size_t v = 0; v < n; v++)
            out->brokerage[v] = NAN;
    } else {
        if ((st = ag__bloc_betweenness(&net, bloc, ag__threads(), out->brokerage, err)) != AG_OK)
            goto cleanup;
        for (size_t v = 0; v < n; v++)
            out->brokerage[v] = n < 3 ? 0.0 : out->brokerage[v] / ((double)(n - 1) * (double)(n - 2));
    }
cleanup:
    ag_net_destroy(&net);
    if (st != AG_OK)
        ag_bloc_roles_destroy(out);
    return st;
}
