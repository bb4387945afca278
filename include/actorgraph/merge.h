/* Merging graphs: one graph from several files (docs/merge.md). */
#ifndef ACTORGRAPH_MERGE_H
#define ACTORGRAPH_MERGE_H

#include <stddef.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

/* What one decision of a merge was about. */
typedef enum ag_merge_kind {
    AG_MERGE_SOURCE_SHARED = 0, /* the same source (id and every field) in two files: one kept */
    AG_MERGE_SOURCE_RENAMED,    /* a source id taken by another source: renamed */
    AG_MERGE_ACTOR_DIFFERS,     /* an actor's name, kind or group differs: one kept */
    AG_MERGE_RELATION_MERGED,   /* a relation asserted again: evidence joined */
    AG_MERGE_CONTRADICTION,     /* opposite signs on one pair at the same time: both kept */
    AG_MERGE_KIND_COUNT
} ag_merge_kind;

typedef struct ag_merge_note {
    ag_merge_kind kind;
    size_t file;  /* the input the decision is about (the later one) */
    char *text;   /* one line, no newline, naming files as opts->names does */
} ag_merge_note;

/* Every decision, in the order taken, and how many of each kind. */
typedef struct ag_merge_report {
    ag_merge_note *notes;
    size_t n_notes, cap;
    size_t counts[AG_MERGE_KIND_COUNT];
    size_t actors, relations, sources; /* in the merged graph */
} ag_merge_report;

typedef struct ag_merge_opts {
    const char *const *names; /* how to name each input in the report */
    long prefer;              /* the input whose actor fields win, or -1: the first */
    const char *display;      /* names the merged graph in the checker's messages */
    const char *title;        /* the merged graph's title, or NULL: the first input's
                               * title and description */
} ag_merge_opts;

/* Merges graphs[0..n) (n >= 1, each a checked graph, not a selection) by
 * the rules of docs/merge.md, and checks the result with the one checker:
 * on AG_OK *out is the merged graph (the caller frees it) and report holds
 * every decision. The checker's problems go to diags (warnings on AG_OK).
 * Free report with ag_merge_report_free, also on failure. Time linear in
 * the inputs but for relations of one pair and type: each relation is
 * compared with the earlier relations of its pair. */
ag_status ag_merge(const ag_graph *const *graphs, size_t n, const ag_merge_opts *opts,
                   ag_graph **out, ag_merge_report *report, ag_diags *diags, ag_error *err);

void ag_merge_report_free(ag_merge_report *r);

#endif
