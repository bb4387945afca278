/* Selecting relations: the graph as it stood at a date or over a period,
 * at a confidence, with weights scaled by confidence. The semantics of
 * dates are in docs/format.md ("Dates and selections"), the confidence
 * factors in docs/analysis.md. */
#ifndef ACTORGRAPH_SELECT_H
#define ACTORGRAPH_SELECT_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"
#include "actorgraph/vocab.h"

/* What to keep. ag_selection_init gives the selection that keeps every
 * relation and every actor unchanged. */
typedef struct ag_selection {
    /* The period: relations in force on at least one day of [from, to].
     * A partial date as from is its first day (2022 = 2022-01-01), as to
     * its last (2022 = 2022-12-31). year 0 leaves that side open. */
    ag_date from, to;
    bool as_of;              /* --as-of: from and to are the same date */
    ag_confidence min_confidence; /* keeps confidence at least this certain */
    bool weigh_confidence;   /* multiply each weight by the factor below */
    double confidence_weights[AG_CONF_COUNT]; /* each in (0, 1] */
    bool drop_isolates;      /* drop actors left without any relation */
} ag_selection;

/* The default factors: confirmed 1, reported 0.7, speculative 0.4. */
#define AG_CONF_WEIGHT_CONFIRMED 1.0
#define AG_CONF_WEIGHT_REPORTED 0.7
#define AG_CONF_WEIGHT_SPECULATIVE 0.4

/* Keeps everything: no dates, every confidence, weights as given, the
 * default factors ready for weigh_confidence. */
void ag_selection_init(ag_selection *s);
/* True when s keeps every relation and actor with its weight unchanged. */
bool ag_selection_is_all(const ag_selection *s);
/* AG_OK when s is consistent: from not after to, factors in (0, 1];
 * AG_EARG with a one-line reason otherwise. */
ag_status ag_selection_check(const ag_selection *s, ag_error *err);

/* Parses "W1,W2,W3" (confirmed, reported, speculative), each a decimal in
 * (0, 1]. False otherwise. */
bool ag_confidence_weights_parse(const char *s, double out[AG_CONF_COUNT]);

/* True when relation r is in force during s's period (or s has none) and
 * is at least as certain as s asks. A relation's missing start means since
 * always, its missing end still in force; a partial start is its first
 * day, a partial end its last. */
bool ag_relation_selected(const ag_relation *r, const ag_selection *s);

/* The graph restricted to sel, in *out (owned by the caller, freed with
 * ag_graph_free). Linear in the size of in, and cheap: the result borrows
 * in's text, sources, evidence and (unless isolates are dropped) actors, so
 * in must outlive it and stay unchanged; call it as often as needed on one
 * loaded graph. Relations and actors keep their order and ids; a kept
 * relation's weight is multiplied by its confidence factor when
 * weigh_confidence (never below AG_MIN_WEIGHT). The result records sel
 * (out->selection) so writers can say what was selected. AG_EARG when sel
 * is inconsistent, AG_ENOMEM. */
ag_status ag_select(const ag_graph *in, const ag_selection *sel, ag_graph **out,
                    ag_error *err);

/* As ag_select, but replaces *g by its selection, which then owns the
 * original graph. With a selection that keeps everything (and no
 * drop_isolates) *g is left as it is. On failure *g is unchanged. */
ag_status ag_select_take(ag_graph **g, const ag_selection *sel, ag_error *err);

/* The human description of a selection, the same words in every output:
 * "as of 2024-11-01; confirmed and reported only; weights scaled by
 * confidence: confirmed 1, reported 0.7, speculative 0.4; isolates
 * dropped". "" for a selection that keeps everything. Writes at most size
 * bytes (NUL included) into buf. */
void ag_selection_describe(const ag_selection *s, char *buf, size_t size);

/* The selection as a JSON object for manifests and exports:
 * {"as_of": D} or {"from": D, "to": D} (a side absent when open),
 * "min_confidence", "confidence_weights" (with weigh_confidence only),
 * "drop_isolates", "description"; and, given the selected graph g (or
 * NULL), "relations" and "actors" as {"kept": N, "of": M}. NULL when out
 * of memory. */
json_t *ag_selection_json(const ag_selection *s, const ag_graph *g);

#endif
