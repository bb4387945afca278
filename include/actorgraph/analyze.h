/* Centralities, graph summary and structural balance (docs/analysis.md). */
#ifndef ACTORGRAPH_ANALYZE_H
#define ACTORGRAPH_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

/* Which relations the unsigned measures use. */
typedef enum ag_ties { AG_TIES_POSITIVE = 0, AG_TIES_NEGATIVE, AG_TIES_ALL } ag_ties;

bool ag_ties_parse(const char *s, ag_ties *out);
const char *ag_ties_name(ag_ties t);

/* Per-actor measures, in the order reports print them. */
typedef enum ag_metric {
    AG_M_IN_DEGREE = 0, AG_M_OUT_DEGREE, AG_M_IN_STRENGTH, AG_M_OUT_STRENGTH,
    AG_M_POS_DEGREE, AG_M_NEG_DEGREE, AG_M_BETWEENNESS, AG_M_CLOSENESS, AG_M_HARMONIC,
    AG_M_PAGERANK, AG_M_EIGENVECTOR, AG_M_HUB, AG_M_AUTHORITY, AG_M_PN,
    AG_METRIC_COUNT
} ag_metric;

/* The metric's key in reports ("in_degree", "pagerank", ...). */
const char *ag_metric_name(ag_metric m);
bool ag_metric_parse(const char *s, ag_metric *out);
/* True for the metrics that are whole counts. */
bool ag_metric_is_count(ag_metric m);

/* Why a metric's scores need a word of explanation (bit flags; see
 * docs/analysis.md, "When the scores are not unique"). Only eigenvector, hub,
 * authority and PN carry them, and betweenness, closeness and harmonic
 * AG_MF_SKIPPED. */
enum {
    /* some actors with ties score 0: they lie outside the part of the tie
     * graph with the largest eigenvalue */
    AG_MF_OUTSIDE = 1,
    /* that largest eigenvalue is repeated: the scores are one choice among
     * several (actorgraph's: the projection of the all-ones vector) */
    AG_MF_NOT_UNIQUE = 2,
    /* the ties form no cycle (largest eigenvalue 0): every score is 0 */
    AG_MF_NO_CYCLE = 4,
    /* no solver converged: every value is NaN */
    AG_MF_MISSING = 8,
    /* PN: the system is singular (two actors, one negative tie); the
     * values are the limit of the formula */
    AG_MF_PN_LIMIT = 16,
    /* betweenness, closeness, harmonic: left out (every value NaN) because
     * exact shortest paths from every actor would take too long
     * (AG_PATHS_WORK_MAX); AG_PATHS_EXACT computes them anyway */
    AG_MF_SKIPPED = 32
};

/* Whether betweenness, closeness and harmonic, which need a shortest-path
 * search from every actor, are computed. */
typedef enum ag_paths {
    AG_PATHS_AUTO = 0, /* when actors x ties <= AG_PATHS_WORK_MAX */
    AG_PATHS_EXACT,    /* always */
    AG_PATHS_NONE      /* never */
} ag_paths;

/* Actors x ties of the tie graph past which AG_PATHS_AUTO leaves the path
 * measures out: about 35 s of processor time on the 2026 machine
 * (docs/analysis.md). */
#define AG_PATHS_WORK_MAX 2e9

/* v[metric][actor], every value finite unless flags[metric] has
 * AG_MF_MISSING (then every value of that metric is NaN). */
typedef struct ag_metrics {
    size_t n;
    double *v[AG_METRIC_COUNT];
    unsigned flags[AG_METRIC_COUNT];
    /* eigenvector, hub and authority came from the dense eigensolver
     * because ARPACK did not converge */
    bool dense_fallback;
} ag_metrics;

/* Computes every metric for every actor of g. The unsigned measures run on
 * the directed graph of the chosen ties (one edge per ordered pair, weight
 * the strongest tie; mutual relations count both ways); pos_degree,
 * neg_degree and pn on the signed pair graph of all relations. */
ag_status ag_metrics_compute(const ag_graph *g, ag_ties ties, ag_metrics *out,
                             ag_error *err);
/* ag_metrics_compute with a choice for the path measures (it uses
 * AG_PATHS_AUTO); left out, they are NaN with AG_MF_SKIPPED. */
ag_status ag_metrics_compute_paths(const ag_graph *g, ag_ties ties, ag_paths paths,
                                   ag_metrics *out, ag_error *err);
void ag_metrics_destroy(ag_metrics *m);

/* Every actor in order of the scores v (one per actor; docs/analysis.md,
 * "Which conclusions hang on one relation"): largest first; values within a
 * relative 1e-9 (1e-12 near zero) of the largest of their run count as
 * equal, so rounding noise never orders them, and equal values go by id;
 * NaN last, by id. order receives the n actor indexes. O(n log n).
 * AG_OK or AG_ENOMEM. */
ag_status ag_metric_order(const ag_graph *g, const double *v, size_t *order, ag_error *err);

/* The leading actors on scores v: the first k of ag_metric_order leaving
 * out actors scoring 0 (within 1e-12) or NaN. top receives min(k, scoring
 * actors) actor indexes and *count how many. AG_OK or AG_ENOMEM. */
ag_status ag_metric_top(const ag_graph *g, const double *v, size_t k, size_t *top, size_t *count,
                        ag_error *err);

typedef struct ag_summary {
    size_t actors, relations;
    size_t ties;          /* edges of the directed graph of the chosen ties */
    double density;       /* ties / (n (n - 1)); 0 when n < 2 */
    double reciprocity;   /* share of ties whose reverse is also a tie; 0 with no ties */
    size_t weak_components, strong_components;
    size_t conflict_relations; /* relations with sign -1 */
    double conflict_share;     /* conflict_relations / relations; 0 with none */
} ag_summary;

ag_status ag_summary_compute(const ag_graph *g, ag_ties ties, ag_summary *out,
                             ag_error *err);

/* A triangle of the signed pair graph; a < b < c are actor indexes. */
typedef struct ag_triangle {
    size_t a, b, c;
    int negatives;   /* how many of its three ties are negative */
    double weight;   /* sum of |s| over its three ties */
} ag_triangle;

/* Structural balance in the strict (Cartwright-Harary) sense: a triangle is
 * balanced when the product of its signs is positive (+++ or +--). */
typedef struct ag_balance {
    size_t triangles, balanced;
    double index;              /* balanced / triangles; 1 when there are none */
    ag_triangle *unbalanced;   /* heaviest first, ties broken by actor order */
    size_t n_unbalanced;
} ag_balance;

ag_status ag_balance_compute(const ag_graph *g, ag_balance *out, ag_error *err);
void ag_balance_destroy(ag_balance *b);

#endif
