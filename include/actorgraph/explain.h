/* How two actors are connected, and what stands behind one actor's place:
 * the paths of `actorgraph path` and the facts of `actorgraph explain`
 * (docs/analysis.md, "Paths and explanations"). */
#ifndef ACTORGRAPH_EXPLAIN_H
#define ACTORGRAPH_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/cluster.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"

/* A chain of actors: actors[0] .. actors[len], len steps. */
typedef struct ag_chain {
    size_t *actors;  /* len + 1 actor indexes */
    double *w;       /* len step values: a cooperative path's tie weights
                        (positive), a signed chain's pair values s */
    size_t len;
    double distance; /* the sum of 1 / |w| over the steps */
    int sign;        /* the product of the steps' signs */
    double weakest;  /* the smallest |w| */
    size_t weakest_step; /* its step (the first such) */
    double product;  /* the product of |w| */
} ag_chain;

void ag_chain_destroy(ag_chain *c);
void ag_chains_free(ag_chain *c, size_t n);

/* The longest signed chain ag_path_signed searches. */
#define AG_CHAIN_MAX_LENGTH 6
/* Signed chains ag_path_signed collects before it gives up (AG_EARG). */
#define AG_CHAIN_MAX_FOUND 1000000

/* The shortest cooperative path from a to b: along the directed graph of
 * positive ties that report's betweenness and closeness use (a relation
 * u -> v, or a mutual one, gives the tie u -> v, weighted by the strongest
 * such relation), distance 1 / weight. Among equally short paths, the one
 * Dijkstra's search reaches first settling actors by (distance, file
 * order), each actor keeping the first predecessor that reached it at its
 * distance. *found false (out untouched) when b cannot be reached from a.
 * a != b. AG_OK or AG_ENOMEM. */
ag_status ag_path_cooperative(const ag_graph *g, size_t a, size_t b, ag_chain *out,
                              bool *found, ag_error *err);

/* The signed chains from a to b of at most max_len steps (1 to
 * AG_CHAIN_MAX_LENGTH) over the signed pair graph (undirected: s(u, v), the
 * sum of sign x weight of the pair's relations, nonzero), no actor twice.
 * Strongest first: the largest weakest link, then fewer steps, then the
 * larger product of |s|, then the actor sequence in file order. At most top
 * of them (0: all) in *out (malloc'd, *n of them; NULL when none). a != b.
 * AG_OK, AG_ENOMEM, or AG_EARG past AG_CHAIN_MAX_FOUND chains. */
ag_status ag_path_signed(const ag_graph *g, size_t a, size_t b, int max_len, size_t top,
                         ag_chain **out, size_t *n, ag_error *err);

/* The ties of actor v in the signed pair graph, partner a = v and b the
 * other end (not the a < b order of ag_pair_tie elsewhere), in the other
 * end's file order. *out malloc'd (NULL when none). AG_OK or AG_ENOMEM. */
ag_status ag_actor_ties(const ag_graph *g, size_t v, ag_pair_tie **out, size_t *n,
                        ag_error *err);

/* The actor named by text: its id, else its name (exact, then ignoring
 * case), the first in file order; -1 when none. */
long ag_actor_lookup(const ag_graph *g, const char *text);
/* For an unknown text: the id of the actor whose id or name is nearest by
 * edit distance, ignoring case, when it is close (at most a third of the
 * text's length, at least 1, wrong); NULL otherwise. Looks at the first
 * 2,000 actors only. */
const char *ag_actor_nearest(const ag_graph *g, const char *text);

#endif
