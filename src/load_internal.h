/* Shared by the importers: every input format becomes a version-1 JSON
 * document checked by the one checker in load_json.c; a source map turns
 * the checker's JSON pointers back into places in the original file. */
#ifndef AG_LOAD_INTERNAL_H
#define AG_LOAD_INTERNAL_H

#include <jansson.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

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
 * through the JSON text (text, len). Steals no reference to root. */
ag_status ag__graph_from_document(json_t *root, const char *display, const ag_srcmap *map,
                                  const char *text, size_t len, ag_graph **out,
                                  ag_diags *diags, ag_error *err);

/* Appends a problem found by an importer itself. */
ag_status ag__diag(ag_diags *d, ag_severity sev, const char *file, int line, int column,
                   const char *where, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

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

#endif
