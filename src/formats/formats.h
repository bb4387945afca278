/* Shared by the format modules. Readers: every input format becomes a
 * version-1 JSON document checked by the one checker (json_check.c); a source
 * map turns the checker's JSON pointers back into places in the original
 * file. Writers: the pieces the JSON shapes and the flat formats share. */
#ifndef AG_FORMATS_H
#define AG_FORMATS_H

#include <jansson.h>

#include "actorgraph/error.h"
#include "actorgraph/events.h"
#include "actorgraph/export.h"
#include "actorgraph/load.h"
#include "actorgraph/model.h"
#include "core/text.h"

typedef struct ag_srcmap ag_srcmap;

ag_srcmap *ag_srcmap_new(void);
void ag_srcmap_free(ag_srcmap *m);
/* Records that the value at pointer came from line:column of the input,
 * described to users as where (e.g. `row 4, column "weight"`); where may be
 * NULL to keep the pointer. Returns -1 when out of memory. */
int ag_srcmap_add(ag_srcmap *m, const char *pointer, int line, int column, const char *where);
/* ag_srcmap_add for a value that came from another file than the one being
 * loaded (the actors CSV beside a relations CSV). */
int ag_srcmap_add_in(ag_srcmap *m, const char *file, const char *pointer, int line, int column,
                     const char *where);

/* Checks a version-1 document and builds the graph (see
 * ag_graph_parse_json). Problems are located through map when given, else
 * through the JSON text (text, len). opts (NULL allowed) gives the period
 * whose moot warnings are left out (ag_load_opts). Steals no reference to
 * root. */
ag_status ag__graph_from_document(json_t *root, const char *display, const ag_srcmap *map,
                                  const char *text, size_t len, const ag_load_opts *opts,
                                  ag_graph **out, ag_diags *diags, ag_error *err);
/* ag_graph_parse_json, leaving out the warnings opts's period makes moot
 * (opts NULL: none). */
ag_status ag__graph_parse_json(const char *data, size_t len, const char *display,
                               const ag_load_opts *opts, ag_graph **out, ag_diags *diags,
                               ag_error *err);

/* Ends the message of the syntax error that stopped a reader: the rules
 * were not checked. */
#define AG__CHECKS_SKIPPED "(rule checks skipped)"
/* Appends AG__CHECKS_SKIPPED to the last error from index `from` on. */
void ag__diags_mark_skipped(ag_diags *d, size_t from);

/* Appends a problem found by an importer itself. */
ag_status ag__diag(ag_diags *d, ag_severity sev, const char *file, int line, int column,
                   const char *where, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* True when s is entirely a finite decimal number (digits, sign, point,
 * exponent: no "nan", "inf", hexadecimal or blanks), its value in *v. */
int ag__decimal(const char *s, double *v);

/* The importers: each parses text (len bytes) into a document and a source
 * map. AG_OK; AG_EPARSE with the problems in diags (the caller copies the
 * first into its error); AG_ENOMEM with err set. Values an importer cannot
 * read are reported and left out, and it still returns AG_OK, so that the
 * checker reports the rest in the same pass. */
ag_status ag__csv_document(const char *text, size_t len, const char *display,
                           const char *actors_text, size_t actors_len,
                           const char *actors_display, const char *title, json_t **doc,
                           ag_srcmap *map, ag_diags *diags, ag_error *err);
ag_status ag__graphml_document(const char *text, size_t len, const char *display,
                               const char *title, json_t **doc, ag_srcmap *map,
                               ag_diags *diags, ag_error *err);
ag_status ag__gml_document(const char *text, size_t len, const char *display, const char *title,
                           json_t **doc, ag_srcmap *map, ag_diags *diags, ag_error *err);
ag_status ag__dot_document(const char *text, size_t len, const char *display, const char *title,
                           json_t **doc, ag_srcmap *map, ag_diags *diags, ag_error *err);

/* Runs every rule of docs/format.md over root in one pass: problems go to
 * diags (unlocated), *errors counts the errors among them, and *out gets the
 * graph built so far (the caller frees it). Leaves out the warnings that
 * opts's period makes moot (opts NULL: none; see ag_load_opts). AG_OK, or
 * AG_ENOMEM. */
ag_status ag__json_check(json_t *root, const char *display, const ag_load_opts *opts,
                         ag_diags *diags, ag_graph **out, int *errors);
/* Gives each problem from index `from` on its place in the original file. */
void ag__srcmap_locate(const ag_srcmap *m, ag_diags *d, size_t from);

/* ---- writers ---- */

/* The pieces of actorgraph's own JSON that every JSON shape reuses. Each
 * records a failed allocation in *oom instead of returning it. */
void ag__json_put(json_t *o, const char *key, json_t *v, int *oom);
void ag__json_put_date(json_t *o, const char *key, const ag_date *d, int *oom);
json_t *ag__json_sources(const ag_graph *g, int *oom);
json_t *ag__json_evidence(const ag_relation *r, int *oom);
/* A relation's fields (not its ends), defaults written out. */
void ag__json_relation_fields(json_t *o, const ag_relation *r, int *oom);
/* An actor's fields (not its id), plus metrics, bloc and position when x
 * carries them. */
void ag__json_actor_fields(json_t *o, const ag_graph *g, size_t i, const ag_export_opts *x,
                           int *oom);
void ag__json_graph_fields(json_t *o, const ag_graph *g, int *oom);

/* JSON text of any value as json_dumps writes it with flags (JSON_INDENT(n),
 * JSON_COMPACT; keys in the object's order), except that each real is the
 * shortest text reading back to the same double; NULL when out of memory or
 * for a real that is not finite. The caller frees it. */
char *ag__json_dump(const json_t *v, size_t flags);
/* A flag of ag__json_dump: quotes and backslashes inside strings as \u0022
 * and \u005C, so that no backslash stands before a quote or another
 * backslash (cgraph's DOT writer cannot quote such text). */
#define AG_JSON_NO_BACKSLASH_PAIRS ((size_t)1 << 24)

/* An array of an export's document whose items are made one at a time as
 * the text is written (one per actor or relation), rather than all held at
 * once: the document holds an empty array, placeholder, where it goes. */
typedef struct ag_json_items {
    const json_t *placeholder;
    size_t n;
    /* item i (a new reference), or NULL with *oom set */
    json_t *(*make)(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom);
    /* or, when not NULL, writes item i's text itself at depth (as
       ag__json_dump would write make's item): 0, or -1 when it cannot */
    int (*write)(ag_sbuf *b, const ag_graph *g, const ag_export_opts *x, size_t i, int depth);
} ag_json_items;
#define AG_JSON_MAX_ITEMS 2

/* Writes relation i as a networkx node-link link (source, target, key,
 * then ag__json_relation_fields) at depth, with JSON_INDENT(2), straight
 * into b: the same text as dumping that object. */
int ag__json_write_link(ag_sbuf *b, const ag_graph *g, const ag_export_opts *x, size_t i,
                        int depth);

/* ag__json_dump of v with JSON_INDENT(2) where each of the n arrays in
 * items is written with its items, made then. */
char *ag__json_dump_items(const json_t *v, const ag_json_items *items, size_t n,
                          const ag_graph *g, const ag_export_opts *x);

/* The JSON shapes of other tools (json_shapes.c); NULL or *oom set when out
 * of memory. The actors' and relations' arrays are left to items (at most
 * AG_JSON_MAX_ITEMS; *n_items gets how many). */
json_t *ag__json_node_link(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                           size_t *n_items, int *oom);
json_t *ag__json_cytoscape(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                           size_t *n_items, int *oom);
json_t *ag__json_graphology(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                            size_t *n_items, int *oom);
json_t *ag__json_jgf(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                     size_t *n_items, int *oom);

/* How an actor attribute travels in a flat format (flat.c). */
typedef enum { FLAT_STRING, FLAT_DOUBLE, FLAT_BOOL, FLAT_JSON, FLAT_INT } ag_flat_type;
typedef struct ag_flat_key {
    const char *name; /* borrowed from an actor's attributes */
    ag_flat_type type;
} ag_flat_key;

/* The shortest "%.*g" text of v (at most 17 digits) that strtod reads back
 * to v itself; buf holds at least 32 bytes. */
void ag__real_shortest(char *buf, size_t size, double v);
/* A double that reads back exactly, in the fewest digits, and always looks
 * like a real. */
void ag__flat_real(ag_sbuf *t, double v);
ag_flat_type ag__flat_type_of(const json_t *v);
/* The attribute names used by any actor, sorted, each with the one type all
 * its values share, or FLAT_JSON when they differ or are not scalars; NULL
 * when out of memory. */
ag_flat_key *ag__flat_keys(const ag_graph *g, size_t *n);
/* Compact JSON text of any value; the caller frees it. */
char *ag__flat_dump(const json_t *v);

/* The flat writers append the graph to t; -1 when out of memory. */
int ag__graphml_write(const ag_graph *g, const ag_export_opts *x, ag_sbuf *t);
int ag__gml_write(const ag_graph *g, const ag_export_opts *x, ag_sbuf *t);


/* ---- event files (events_input.c) ---- */

/* An event file read as lines: plain, gzip or zip by its first bytes. */
typedef struct ag__evin ag__evin;
/* Opens path ("-": standard input); err says why it cannot. */
ag_status ag__evin_open(const char *path, const char *display, ag__evin **out, ag_error *err);
/* The next line, NUL-terminated and writable, without its "\n" or "\r\n";
 * *line NULL at the end. A corrupt or truncated compressed input is
 * AG_EPARSE, a read error AG_EIO. */
ag_status ag__evin_line(ag__evin *in, char **line, size_t *len, long *line_no, ag_error *err);
/* Reads (and hashes) whatever is left; the input's SHA-256 in hex. */
ag_status ag__evin_finish(ag__evin *in, char sha256[65], ag_error *err);
void ag__evin_close(ag__evin *in);

/* events.c: the name of a group index, the description of a cameoNN group
 * (NULL for others), the iso-codes name of a state id (NULL when none). */
const char *ag__ev_group_name(int g);
const char *ag__ev_group_label(const char *group);
const char *ag__ev_actor_name(const ag_events *e, const char *id);
/* The options e reads with, and the ids --actors country places (iso-codes'
 * alpha-3 codes and the extra ones events.c adds), in no order. */
const ag_ev_opts *ag__ev_opts(const ag_events *e);
const char *const *ag__ev_states(const ag_events *e, size_t *n);

#endif
