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

/* Between-bloc betweenness: betw[v] as ag__path_measures gives it, but
 * summed only over the ordered pairs (s, t) with bloc[s] != bloc[t] (the
 * target indicator of Brandes' accumulation restricted to other blocs).
 * bloc holds net->n bloc numbers. The same threads and fixed order as
 * ag__path_measures. AG_OK or AG_ENOMEM. */
ag_status ag__bloc_betweenness(const ag_net *net, const size_t *bloc, int threads, double *betw,
                               ag_error *err);

/* The same in two steps, so that the caller's thread can do other work
 * (igraph's included: the helpers call none) while the helpers sweep.
 * ag__paths_start copies what it needs from net and starts threads - 1
 * helper threads on the sources; AG_OK with *out set, or AG_ENOMEM.
 * ag__paths_finish has the caller's thread take up the sources left, waits
 * for the helpers, writes the values as ag__path_measures does and frees p;
 * ag__paths_cancel stops the helpers after the source at hand and frees p
 * (NULL is fine). Either must follow a successful start. */
typedef struct ag__paths ag__paths;
ag_status ag__paths_start(const ag_net *net, int threads, ag__paths **out, ag_error *err);
ag_status ag__paths_finish(ag__paths *p, double *betw, double *clos, double *harm,
                           ag_error *err);
void ag__paths_cancel(ag__paths *p);

#endif
