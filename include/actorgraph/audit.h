/* The evidence audit: which relations rest on little or nothing. */
#ifndef ACTORGRAPH_AUDIT_H
#define ACTORGRAPH_AUDIT_H

#include <stddef.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

/* One actor's counts: the relations it takes part in (as source or
 * target; a self-loop counts once) and how many of them fall in each of
 * the audit's lists. */
typedef struct ag_audit_actor {
    size_t relations;
    size_t unsupported;   /* without evidence */
    size_t single_source; /* evidence citing exactly one distinct source */
    size_t speculative;   /* confidence "speculative" */
} ag_audit_actor;

/* The audit of a graph. The lists hold relation indexes (into
 * g->relations) in file order. Evidence citing a source that is not in the
 * file is not listed: the checker refuses such a file (docs/format.md). */
typedef struct ag_audit {
    size_t *unsupported;
    size_t n_unsupported;
    size_t *single_source;
    size_t n_single_source;
    size_t *speculative;
    size_t n_speculative;
    ag_audit_actor *actors; /* one per actor of the graph, in its order */
    size_t n_actors;
} ag_audit;

/* Audits every relation of g (a loaded graph or a selection) into *out,
 * which the caller frees with ag_audit_free, also on failure. A relation
 * with several evidence items citing the same source rests on one source.
 * O(relations + evidence + actors + sources). Returns AG_OK or AG_ENOMEM. */
ag_status ag_audit_graph(const ag_graph *g, ag_audit *out, ag_error *err);

/* Frees what ag_audit_graph allocated and clears a; NULL allowed. */
void ag_audit_free(ag_audit *a);

#endif
