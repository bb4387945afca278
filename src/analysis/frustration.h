/* Signed blocs by minimising frustration (frustration.c). */
#ifndef AG_FRUSTRATION_H
#define AG_FRUSTRATION_H

#include <stdint.h>

#include "actorgraph/cluster.h"
#include "analysis/net.h"

typedef struct ag_frustration_opts {
    double alpha;     /* weight of a positive tie between blocs; a negative
                         tie inside a bloc weighs 1 - alpha (0.5: equal) */
    uint64_t seed;    /* seed of the search's own random numbers */
    int restarts;     /* searches from scratch, the best kept (>= 1) */
    int kicks;        /* per restart: times a tenth of the actors are moved
                         at random and the search resumes (0: none) */
} ag_frustration_opts;

/* Partitions the nodes of the signed pair graph s so as to minimise
 * alpha * (positive weight between blocs) + (1 - alpha) * (negative weight
 * inside blocs). Blocs never join nodes without a path of ties between them:
 * isolated nodes stay alone, and a connected part whose ties are all
 * positive is one bloc. memb gets bloc numbers below s->n (not canonical);
 * *cost (may be NULL) the objective reached. Deterministic for a seed,
 * thread-safe (no igraph, no global state). AG_OK or AG_ENOMEM. */
ag_status ag__frustration_partition(const ag_net *s, const ag_frustration_opts *o,
                                    size_t *memb, double *cost, ag_error *err);

/* The partition ag_cluster reports for the signed method (opts->method is
 * not read): bloc (n actors) and *n_blocs equal ag_cluster's bloc and
 * n_blocs. Runs on the calling thread alone, with no igraph call, progress
 * report or shared state, so several threads may call it at once.
 * AG_OK or AG_ENOMEM. */
ag_status ag__cluster_signed_blocs(const ag_graph *g, const ag_cluster_opts *opts, size_t *bloc,
                                   size_t *n_blocs, ag_error *err);

#endif
