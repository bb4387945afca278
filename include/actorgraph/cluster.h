/* Alliance blocs: signed partitions and community detection (docs/analysis.md). */
#ifndef ACTORGRAPH_CLUSTER_H
#define ACTORGRAPH_CLUSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/analyze.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"

typedef enum ag_cluster_method {
    AG_CLUSTER_SIGNED = 0, /* least frustration (Doreian & Mrvar): local search */
    AG_CLUSTER_LEIDEN,     /* modularity, cooperative ties */
    AG_CLUSTER_LOUVAIN,
    AG_CLUSTER_WALKTRAP,
    AG_CLUSTER_INFOMAP,
    AG_CLUSTER_SPINGLASS,  /* igraph's spinglass with negative ties (signed
                              modularity), per component */
    AG_CLUSTER_METHOD_COUNT
} ag_cluster_method;

/* Spinglass is refused (AG_EARG) on a connected part larger than this: it
 * takes about 2 s for 150 actors and grows much faster than the graph. */
#define AG_SPINGLASS_MAX_ACTORS 1000

bool ag_cluster_method_parse(const char *s, ag_cluster_method *out);
const char *ag_cluster_method_name(ag_cluster_method m);

typedef struct ag_cluster_opts {
    ag_cluster_method method;
    int k;                 /* signed: at most k blocs per connected part (0: no
                              limit); spinglass: at most k spins (0: 25) */
    double alpha;          /* signed: weight of a positive tie between blocs
                              against 1 - alpha for a negative tie inside
                              (default 0.5: equal) */
    unsigned long seed;    /* seed of the first run */
    int runs;              /* runs with seeds seed, seed+1, ...; at least 1 */
} ag_cluster_opts;

void ag_cluster_opts_init(ag_cluster_opts *o);

/* A tie of the signed pair graph: actors a < b, net value s = the sum of
 * sign * weight of their relations. */
typedef struct ag_pair_tie {
    size_t a, b;
    double s;
} ag_pair_tie;

/* A partition of the actors into blocs numbered from 0, in the order of each
 * bloc's first member in the file, so equal partitions print equally. */
typedef struct ag_partition {
    size_t n;               /* actors */
    size_t *bloc;           /* bloc of each actor */
    size_t n_blocs;
    size_t frustration_count;  /* positive ties between blocs + negative inside */
    double frustration_weight; /* their total |s| */
    ag_pair_tie *frustrating;  /* those ties, heaviest first */
    double modularity;      /* of the cooperative ties (undirected); NaN without any */
    unsigned long seed;     /* seed of the run reported */
    const char *algorithm;  /* how the blocs were found, for people */
    double *stability;      /* with runs > 1: per actor, mean Jaccard similarity of
                               its bloc in each run to its bloc here; else NULL */
} ag_partition;

/* Partitions g's actors. With several runs the best run is reported (least
 * frustration weight for the signed methods, else highest modularity; the
 * earliest seed on a tie) and each actor's stability across runs is given.
 * The signed method's runs go to threads. Deterministic for a given seed:
 * the same whatever the number of threads. */
ag_status ag_cluster(const ag_graph *g, const ag_cluster_opts *opts, ag_partition *out,
                     ag_error *err);
void ag_partition_destroy(ag_partition *p);

/* Names each bloc by its most central member: leader[b] is the actor of bloc
 * b (0 <= b < n_blocs, bloc[] as in ag_partition) with the largest
 * positive-tie strength inside the bloc, the sum of s over its positive ties
 * of the signed pair graph to bloc-mates; ties broken by the smaller id. */
ag_status ag_bloc_leaders(const ag_graph *g, const size_t *bloc, size_t n_blocs, size_t *leader,
                          ag_error *err);

/* No bloc: an actor absent from a snapshot, a bloc with no identity. */
#define AG_NO_BLOC ((size_t)-1)

/* Gives the blocs of one snapshot the identities of the previous one's, so
 * that a coalition keeps its number through time (docs/analysis.md, "Blocs
 * through time"). prev[v] is actor v's bloc identity in the previous
 * snapshot and cur[v] its bloc (0 <= cur[v] < n_blocs) in this one, either
 * AG_NO_BLOC when v is absent there. Each pair (bloc b, identity p) counts
 * the actors they share; pairs are taken greedily by that overlap, largest
 * first (ties: the larger bloc b, then the smaller p, then the smaller b),
 * each bloc and identity used once. ident[b] receives b's identity: the
 * matched one, else a new one numbered *next_id (then incremented), new
 * identities given in bloc order; AG_NO_BLOC for a bloc with no member
 * (cur never names it). Identities of prev must be below *next_id.
 * Deterministic; O(n log n). AG_ENOMEM only. */
ag_status ag_bloc_match(size_t n, const size_t *prev, const size_t *cur, size_t n_blocs,
                        size_t *next_id, size_t *ident, ag_error *err);

/* Each actor's position towards the blocs of a partition (docs/analysis.md,
 * "Ambiguity and brokerage"). */
typedef struct ag_bloc_roles {
    size_t n;
    /* (pos_out + neg_in) / (pos + neg) over the actor's ties of the signed
     * pair graph, each weighed by |s|: pos_out its positive ties to other
     * blocs, neg_in its negative ties inside its own; 0 without ties */
    double *ambiguity;
    /* between-bloc betweenness: the shortest paths (distance 1/weight, the
     * directed tie graph of the chosen ties) between ordered pairs of actors
     * in different blocs, each pair's paths sharing one, that pass through
     * the actor, divided by (n-1)(n-2) as betweenness is (0 when n < 3);
     * every value NaN when skipped */
    double *brokerage;
    bool brokerage_skipped; /* left out: paths none, or auto past
                               AG_BROKERAGE_WORK_MAX actors x ties */
} ag_bloc_roles;

/* Actors x ties of the tie graph past which AG_PATHS_AUTO leaves the
 * brokerage out: a second shortest-path sweep costs about 3 s of processor
 * time there on the 2026 machine (docs/analysis.md). */
#define AG_BROKERAGE_WORK_MAX 2e8

/* Computes ag_bloc_roles for g's actors and the partition bloc[] (one bloc
 * number per actor). ties chooses the tie graph of the brokerage, paths
 * whether it is computed (AG_PATHS_AUTO: up to AG_BROKERAGE_WORK_MAX).
 * Deterministic, whatever the number of threads.
 * AG_OK or AG_ENOMEM. */
ag_status ag_bloc_roles_compute(const ag_graph *g, const size_t *bloc, ag_ties ties,
                                ag_paths paths, ag_bloc_roles *out, ag_error *err);
void ag_bloc_roles_destroy(ag_bloc_roles *r);

/* Fragility (docs/analysis.md, "Which conclusions hang on one relation"):
 * each relation removed in turn, the graph analysed again, and the
 * relations whose removal changes a conclusion listed. */

/* Relations past which ag_sensitivity_compute refuses (AG_EARG): it
 * analyses the graph once per relation. */
#define AG_SENSITIVITY_MAX_RELATIONS 1000

typedef struct ag_sensitivity_opts {
    unsigned metrics;      /* compare the top `top` actors of each metric m
                              with bit (1u << m) set; 0: none */
    ag_ties ties;          /* the metrics' tie graph */
    ag_paths paths;        /* the path measures (AG_PATHS_AUTO as report) */
    size_t top;            /* k, at least 1 */
    bool blocs;            /* compare the partition ag_cluster finds */
    ag_cluster_opts cluster;
} ag_sensitivity_opts;

/* One relation whose removal changes something. */
typedef struct ag_sensitivity_item {
    size_t relation;        /* index into g->relations */
    unsigned metrics;       /* bit (1u << m) per metric m whose top-k set changed */
    size_t *top;            /* the top k of each metric after the removal:
                               top[m * k + i], AG_NO_BLOC past the actors */
    size_t *bloc;           /* the partition after the removal when it
                               changed (n actors), else NULL */
    size_t n_blocs;         /* blocs after the removal (when bloc) */
} ag_sensitivity_item;

typedef struct ag_sensitivity {
    size_t n, k;            /* actors, top */
    size_t checked;         /* relations removed in turn */
    size_t *top;            /* the top k of each metric on the whole graph, as above */
    unsigned skipped;       /* bit per metric not compared: not chosen, or
                               left out (NaN) */
    size_t *bloc, n_blocs;  /* the partition of the whole graph (with blocs) */
    ag_sensitivity_item *items; /* in relation order */
    size_t n_items;
} ag_sensitivity;

/* Removes each relation of g in turn and compares, with the whole graph,
 * the set of the top k actors of each chosen metric (ranked by value rounded to
 * 12 significant digits, largest first, ties by id; metrics left out as
 * NaN are not compared) and the partition (equal when every actor has the
 * same bloc number: numbers are canonical). Deterministic. AG_EARG past
 * AG_SENSITIVITY_MAX_RELATIONS relations; else as ag_metrics_compute and
 * ag_cluster. */
ag_status ag_sensitivity_compute(const ag_graph *g, const ag_sensitivity_opts *o,
                                 ag_sensitivity *out, ag_error *err);
void ag_sensitivity_destroy(ag_sensitivity *s);

#endif
