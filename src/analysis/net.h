/* The graphs the analyses run on, derived from an ag_graph's relations.
 * Both are built by sorting, so their edge order is deterministic. */
#ifndef AG_NET_H
#define AG_NET_H

#include <stddef.h>

#include <igraph.h>

#include "actorgraph/analyze.h"
#include "actorgraph/model.h"

/* An edge list over actor indexes. */
typedef struct ag_net {
    size_t n, m;
    size_t *from, *to;
    double *w;
} ag_net;

void ag_net_destroy(ag_net *net);

/* The directed graph of the chosen ties: one edge u->v per ordered pair
 * (u != v) with a relation of the chosen sign from u to v, or a mutual one
 * between them; its weight is the largest such |weight|. Sorted by (u, v). */
ag_status ag_net_ties(const ag_graph *g, ag_ties ties, ag_net *out, ag_error *err);

/* The signed pair graph: one undirected edge {u, v}, u < v, per pair whose
 * relations (either direction, each counted once) have a nonzero sum of
 * sign * weight; w is that sum. Sorted by (u, v). */
ag_status ag_net_signed(const ag_graph *g, ag_net *out, ag_error *err);

/* The undirected version of the tie graph: one edge {u, v}, u < v, per
 * pair joined by a tie either way, weighted by the stronger direction.
 * Sorted by (u, v). */
ag_status ag_net_ties_undirected(const ag_graph *g, ag_ties ties, ag_net *out, ag_error *err);

/* An igraph graph with net's edges. */
ag_status ag_net_to_igraph(const ag_net *net, int directed, igraph_t *out, ag_error *err);

/* Clears the recorded igraph message and returns err filled from it when rc
 * is not IGRAPH_SUCCESS; AG_OK otherwise. */
ag_status ag_igraph_check(igraph_error_t rc, const char *what, ag_error *err);

#endif
