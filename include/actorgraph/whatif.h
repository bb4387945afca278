/* What-if comparison: what a scenario (actorgraph/scenario.h) changes in
 * the metrics, blocs and balance of a graph (docs/analysis.md, "What if"). */
#ifndef ACTORGRAPH_WHATIF_H
#define ACTORGRAPH_WHATIF_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"
#include "actorgraph/scenario.h"

/* How both sides are measured. */
typedef struct ag_whatif_opts {
    ag_ties ties;            /* the metrics' ties (default AG_TIES_POSITIVE) */
    ag_paths paths;          /* the path measures (default AG_PATHS_AUTO) */
    ag_cluster_opts cluster; /* the blocs (default: ag_cluster_opts_init's) */
} ag_whatif_opts;

/* The defaults above: the report's metrics and clusters' blocs. */
void ag_whatif_opts_init(ag_whatif_opts *o);

/* One side of the comparison: a graph and what is measured on it. */
typedef struct ag_whatif_side {
    const ag_graph *g;       /* borrowed: the base graph or the scenario's */
    ag_metrics m;            /* ag_metrics_compute_paths with the opts */
    ag_balance bal;          /* ag_balance_compute */
    ag_partition p;          /* ag_cluster with the opts */
    size_t *leader;          /* per bloc of p: its leader (ag_bloc_leaders) */
    /* per metric, per actor of g: its competition rank, 1 + the number of
     * actors with a larger value, values within a relative 1e-9 sharing a
     * rank; NaN values rank below every number */
    size_t *rank[AG_METRIC_COUNT];
} ag_whatif_side;

/* What a triangle is on one side. */
enum {
    AG_TRI_NONE = -1,      /* not a triangle: a tie of the three is missing */
    AG_TRI_UNBALANCED = 0, /* product of the three signs negative */
    AG_TRI_BALANCED = 1    /* product positive */
};

/* A triangle of the signed pair graph whose balance changed: unbalanced on
 * one side and not on the other. Actors in base indexes, a < b < c. */
typedef struct ag_whatif_triangle {
    size_t a, b, c;
    int was, now;            /* AG_TRI_* on the base, on the scenario */
    /* On the scenario when it is a triangle there, else on the base: the
     * net ties {a,b}, {a,c}, {b,c} (sum of sign * weight of the pair's
     * relations) and weight, the sum of their absolute values. */
    double ab, ac, bc;
    double weight;
} ag_whatif_triangle;

/* An actor of both graphs whose rank on a metric moved. */
typedef struct ag_whatif_mover {
    size_t base, scen;       /* its index in the base graph, in the scenario's */
    long delta;              /* base rank - scenario rank: positive moved up */
} ag_whatif_mover;

typedef struct ag_whatif {
    const ag_graph *base;         /* borrowed */
    const ag_scenario *sc;        /* borrowed */
    ag_whatif_side side[2];       /* [0] the base graph, [1] the scenario's */
    /* Bloc identities: base bloc b is identity b; ident[b] is scenario bloc
     * b's identity (ag_bloc_match of the scenario's blocs against the base
     * blocs of its actors): a base bloc's, or a new one from
     * side[0].p.n_blocs up to next_id - 1. */
    size_t *ident;
    size_t next_id;
    /* per identity (< next_id): the base index of the actor naming it, the
     * base bloc's leader or, for a new identity, its scenario bloc's */
    size_t *ident_leader;
    /* scenario actors whose bloc identity is not their base bloc, in order */
    size_t *moved;
    size_t n_moved;
    /* per scenario bloc: 1 when it is new, or its members or its leader
     * differ from its base bloc's; n_changed_blocs of them */
    unsigned char *bloc_changed;
    size_t n_changed_blocs;
    /* Every triangle unbalanced on one side and balanced or no triangle on
     * the other: those that became balanced (now AG_TRI_BALANCED), then
     * those that became unbalanced (AG_TRI_UNBALANCED), then the unbalanced
     * ones that no longer exist (AG_TRI_NONE); each group heaviest first,
     * ties by (a, b, c). n_balanced + n_unbalanced + n_dissolved == n_tri. */
    ag_whatif_triangle *tri;
    size_t n_tri, n_unbalanced, n_balanced, n_dissolved;
    /* per metric: compared unless either side's values are missing or
     * skipped (AG_MF_MISSING, AG_MF_SKIPPED); then movers[k] lists the
     * actors of both graphs whose rank changed, largest |delta| first,
     * ties in base file order (n_movers[k] of them, 0 when not compared) */
    bool compared[AG_METRIC_COUNT];
    ag_whatif_mover *movers[AG_METRIC_COUNT];
    size_t n_movers[AG_METRIC_COUNT];
} ag_whatif;

/* Compares base with the scenario sc built on it (ag_scenario_build(base,
 * ...)), measured as opts says (NULL: the defaults), into *out. base and sc
 * are borrowed and must outlive *out; destroy it with ag_whatif_destroy.
 * On failure *out holds nothing (destroying it is harmless). Deterministic;
 * keeps no static state, so it is as reentrant as the metrics and
 * clustering it calls. Beyond those, O(x log x) for x the actors, the
 * relations and the unbalanced triangles of both sides. AG_EARG when sc's
 * actors do not fit base; errors of the metrics and clustering; AG_ENOMEM. */
ag_status ag_whatif_compare(const ag_graph *base, const ag_scenario *sc,
                            const ag_whatif_opts *opts, ag_whatif *out, ag_error *err);
void ag_whatif_destroy(ag_whatif *w);

#endif
