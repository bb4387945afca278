/* What-if scenarios: a graph with relations dropped or added and actors
 * dropped (docs/analysis.md, "What if"). */
#ifndef ACTORGRAPH_SCENARIO_H
#define ACTORGRAPH_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

/* The changes, as written on the command line:
 * - drop: "SOURCE:TARGET" (every relation between the two, either
 *   direction), "SOURCE:TARGET:TYPE" (those of that type), or a relation
 *   id ("r5");
 * - add: "SOURCE:TARGET:TYPE[=SIGN[,WEIGHT]]", the type's sign, weight and
 *   mutuality otherwise (a custom type needs its sign; its weight is then
 *   0.5, not mutual). An added relation's confidence is reported and its
 *   weight is taken as written (never scaled by confidence);
 * - drop_actor: an actor id; the actor and every relation it takes part in
 *   leave the scenario. */
typedef struct ag_scenario_spec {
    const char *const *drop;
    size_t n_drop;
    const char *const *add;
    size_t n_add;
    const char *const *drop_actor;
    size_t n_drop_actor;
} ag_scenario_spec;

typedef struct ag_scenario {
    /* The scenario graph: in's relations less the dropped ones, in order,
     * then the added ones (ids "add1", "add2", ...), over in's actors less
     * the dropped ones (in order). It borrows in's text like ag_select's
     * result, so in must outlive it; it records in's selection. */
    ag_graph *graph;
    size_t *base_actor;   /* per actor of graph: its index in in */
    size_t *scen_actor;   /* per actor of in: its index in graph, or
                             (size_t)-1 when dropped */
    unsigned char *dropped; /* per relation of in: 1 when left out */
    size_t n_dropped;     /* relations of in left out (dropped actors' too) */
    size_t n_added;       /* graph's last n_added relations are the added ones */
    char **owned;         /* strings of the added relations */
    size_t n_owned;
} ag_scenario;

/* Builds the scenario of spec on in into *out (destroy with
 * ag_scenario_destroy, also after a failure). Every selector must match at
 * least one relation and every actor must exist; otherwise AG_EARG with one
 * line naming the argument: an unknown actor with a did-you-mean hint, a
 * selector that matches nothing with the relations of that pair (or that
 * it has none), a relation id that in's selection left out, a malformed
 * relation or a custom type without a sign.
 * Linear in the size of in times the number of selectors. AG_ENOMEM. */
ag_status ag_scenario_build(const ag_graph *in, const ag_scenario_spec *spec, ag_scenario *out,
                            ag_error *err);
void ag_scenario_destroy(ag_scenario *s);

/* The graph a what-if diagram draws, in *out (free with ag_graph_free):
 * in's actors (dropped ones too) and in's relations (dropped ones too) in
 * order, then s's added relations; and in *mark (malloc'd, free with free)
 * per relation 0 when kept, 1 when dropped, 2 when added: the values of
 * AG_MARK_NONE, AG_MARK_DROPPED and AG_MARK_ADDED of actorgraph/render.h.
 * It borrows in and s, which must outlive it. AG_ENOMEM. */
ag_status ag_scenario_diagram(const ag_graph *in, const ag_scenario *s, ag_graph **out,
                              unsigned char **mark, ag_error *err);

#endif
