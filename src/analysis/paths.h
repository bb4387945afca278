/* Shortest-path centralities in one sweep per source (paths.c). */
#ifndef AG_PATHS_H
#define AG_PATHS_H

#include "analysis/net.h"

/* For the directed graph net (edges sorted by source, weights in (0, 1],
 * distance 1/weight): betw[v] the number of shortest paths through v summed
 * over ordered pairs, each pair's paths sharing one (not normalised);
 * clos[v] the number of actors v reaches over the sum of their distances
 * (0 when it reaches none); harm[v] the sum of 1/distance over the actors
 * v reaches, over n - 1. Each array holds net->n values. Uses up to
 * `threads` threads (at most 8); the values do not depend on how many.
 * Calls no igraph function. AG_OK or AG_ENOMEM. */
ag_status ag__path_measures(const ag_net *net, int threads, double *betw, double *clos,
                            double *harm, ag_error *err);

#endif
