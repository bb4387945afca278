/* Timelines: snapshots of a dated graph and what changed from one to the
 * next (relations, blocs, ranks, balance); `actorgraph timeline` prints
 * them. The date semantics are those of ag_select (docs/format.md, "Dates
 * and selections"); bloc identities those of ag_bloc_match
 * (docs/analysis.md, "Blocs through time"). */
#ifndef ACTORGRAPH_TIMELINE_H
#define ACTORGRAPH_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/analyze.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"
#include "actorgraph/select.h"

/* The most snapshots one timeline takes. */
#define AG_TIMELINE_MAX_SNAPSHOTS 10000

/* How far apart snapshots are taken; AG_TIMELINE_STEP_NONE: at given
 * dates. */
typedef enum ag_timeline_step {
    AG_TIMELINE_STEP_NONE = 0,
    AG_TIMELINE_STEP_YEAR,
    AG_TIMELINE_STEP_QUARTER,
    AG_TIMELINE_STEP_MONTH
} ag_timeline_step;

/* "year", "quarter" or "month" into *out; false (and *out unchanged) for
 * anything else. */
bool ag_timeline_step_parse(const char *s, ag_timeline_step *out);
/* "year", "quarter", "month"; NULL for AG_TIMELINE_STEP_NONE. */
const char *ag_timeline_step_name(ag_timeline_step step);

/* Parses a list of snapshot dates, "D1,D2,..." (each YYYY, YYYY-MM or
 * YYYY-MM-DD), each after the one before, compared on the precision both
 * carry (so 2020 and 2020-05 overlap and are refused). *dates (owned by the
 * caller, free()) and *n receive them. AG_EARG with a one-line message
 * naming --at (a bad date, dates not increasing, more than
 * AG_TIMELINE_MAX_SNAPSHOTS), AG_ENOMEM; on failure *dates is NULL. */
ag_status ag_timeline_parse_dates(const char *s, ag_date **dates, size_t *n, ag_error *err);

/* What a timeline takes. ag_timeline_opts_init gives the defaults:
 * pagerank, top 5, seed 1, every relation whatever its confidence, and no
 * snapshot dates yet (set step, or at and n_at). */
typedef struct ag_timeline_opts {
    /* the confidence part of every snapshot's selection (min_confidence,
       weigh_confidence, confidence_weights); its dates and as_of must be
       unset and drop_isolates false: the snapshots make the dates, and an
       actor absent from a snapshot stays in it, without bloc or rank */
    ag_selection conf;
    ag_metric metric;      /* the metric ranked */
    size_t top;            /* rank moves kept per snapshot: the top biggest */
    unsigned long seed;    /* seed of the signed bloc search */
    /* a snapshot every step from `from` to `to` (year 0: the earliest,
       the latest date written in the graph, a start or an end) ... */
    ag_timeline_step step;
    ag_date from, to;
    /* ... or, with step AG_TIMELINE_STEP_NONE, one at each of these n_at
       dates, in increasing order (as ag_timeline_parse_dates gives them) */
    const ag_date *at;
    size_t n_at;
} ag_timeline_opts;

void ag_timeline_opts_init(ag_timeline_opts *o);

/* A coalition of a snapshot: a bloc of two members or more. */
typedef struct ag_timeline_bloc {
    size_t ident;  /* its identity, kept while the coalition lasts (from 0) */
    size_t leader; /* its most central member (ag_bloc_leaders) */
    size_t size;   /* members */
} ag_timeline_bloc;

typedef enum ag_timeline_change_kind {
    AG_TIMELINE_BEGAN = 0, /* a relation in force now, not before */
    AG_TIMELINE_ENDED,     /* a relation in force before, not now */
    AG_TIMELINE_BLOC,      /* an actor present in both moved bloc */
    AG_TIMELINE_RANK       /* an actor ranked in both moved rank */
} ag_timeline_change_kind;

/* One change from the previous snapshot. */
typedef struct ag_timeline_change {
    ag_timeline_change_kind kind;
    size_t actor;    /* began/ended: the relation's source; else the actor */
    size_t other;    /* began/ended: the relation's target; else 0 */
    size_t relation; /* began/ended: index into the graph's relations; else 0 */
    /* bloc: the identity + 1 before and after (0: alone); rank: the ranks
       before and after; began/ended: 0 */
    long before, after;
} ag_timeline_change;

/* One snapshot. Arrays per actor and per relation are indexed as the
 * graph's. */
typedef struct ag_timeline_snapshot {
    char label[32];        /* "1962", "1962-Q3", "1962-07", or the --at date */
    ag_selection sel;      /* the selection that made it (conf + dates) */
    size_t n_present;      /* actors with a relation in force */
    size_t n_relations;    /* relations in force */
    unsigned char *in_force; /* per relation: 1 when selected */
    unsigned char *present;  /* per actor: 1 when it has a relation in force */
    size_t *bloc;          /* per actor: its coalition's identity; AG_NO_BLOC
                              when alone or absent */
    double *value;         /* per actor: the metric (NaN where undefined);
                              meaningful for present actors only */
    long *rank;            /* per actor: 1 = highest value, equal values
                              (within a relative 1e-9) sharing the best rank
                              of their group; 0 when absent or NaN */
    ag_timeline_bloc *blocs; /* the coalitions, by increasing identity */
    size_t n_blocs;
    size_t n_alone;        /* present actors in a bloc of their own */
    size_t triangles, balanced; /* structural balance (ag_balance_compute) */
    double balance_index;
    size_t frustration_count;   /* of the partition (ag_partition) */
    double frustration_weight;
    /* from the previous snapshot (none in the first): relations that began
       then ended, each in file order; actors that changed bloc, in actor
       order; then the `top` biggest moves in rank, largest |move| first,
       ties by actor */
    ag_timeline_change *changes;
    size_t n_changes;
} ag_timeline_snapshot;

typedef struct ag_timeline {
    ag_timeline_snapshot *snap;
    size_t n;
    size_t n_idents;       /* identities given: every bloc's is below this */
} ag_timeline;

/* Takes o's snapshots of g: for each, the relations in force
 * (ag_relation_selected with the snapshot's selection), the selected graph
 * (ag_select), its blocs by the signed method (ag_cluster, o->seed) with
 * bloc-of-one actors alone, identities matched to the previous snapshot's
 * (ag_bloc_match; the first snapshot's numbered in bloc order), leaders,
 * o->metric's values on the positive ties (ag_metrics_compute) and ranks,
 * balance and frustration; then the changes from each snapshot to the next.
 *
 * With a step, snapshots are every year, quarter or month containing
 * o->from through the one containing o->to (a date without month counts
 * as January as a start, December as an end), labelled "2002", "2002-Q1",
 * "2002-01"; a year-long or month-long snapshot selects as --as-of that
 * year or month does, a quarter the period of its three months. With at,
 * one snapshot as of each date, labelled by it.
 *
 * *out (freed with ag_timeline_destroy, also on failure: it is then empty)
 * keeps no pointer into g. Deterministic. AG_EARG with a one-line message
 * when o names no snapshot: both or neither of step and at, dates not
 * increasing, from after to, a graph without a written date and no from or
 * to, an empty range, more than AG_TIMELINE_MAX_SNAPSHOTS, an inconsistent
 * or dated conf; else the errors of the calls above (AG_ENOMEM, ...). */
ag_status ag_timeline_compute(const ag_graph *g, const ag_timeline_opts *o, ag_timeline *out,
                              ag_error *err);
/* Frees what t holds and leaves it empty; safe on an empty timeline. */
void ag_timeline_destroy(ag_timeline *t);

/* Snapshot s's coalition with identity ident, or NULL when it has none.
 * O(log n_blocs). */
const ag_timeline_bloc *ag_timeline_find_bloc(const ag_timeline_snapshot *s, size_t ident);

#endif
