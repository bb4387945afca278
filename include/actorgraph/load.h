/* Reading graph files. */
#ifndef ACTORGRAPH_LOAD_H
#define ACTORGRAPH_LOAD_H

#include <stdbool.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

/* Reads the whole of path ("-" for standard input) into a NUL-terminated
 * buffer. On success *data is malloc'd and owned by the caller. On failure
 * err says why, with err->file set to display. */
ag_status ag_read_input(const char *path, const char *display, char **data,
                        size_t *len, ag_error *err);

/* Parses and checks a version-1 JSON graph held in data (len bytes).
 * display names the input in messages. Every problem found goes to diags,
 * with a line and column when the problem can be located; on AG_OK the
 * graph is complete and *out is owned by the caller. Returns AG_EPARSE for a
 * syntax error, AG_EINVALID when diags holds an error, AG_ENOMEM. */
ag_status ag_graph_parse_json(const char *data, size_t len, const char *display,
                              ag_graph **out, ag_diags *diags, ag_error *err);

/* The formats graphs can be read from. */
typedef enum ag_input_format {
    AG_IN_AUTO = 0, /* from the file's extension; JSON when it says nothing */
    AG_IN_JSON, AG_IN_CSV, AG_IN_GRAPHML, AG_IN_GML, AG_IN_DOT
} ag_input_format;

bool ag_input_format_parse(const char *s, ag_input_format *out);
const char *ag_input_format_name(ag_input_format f);
/* The format path's extension implies: .json, .csv, .graphml/.xml, .gml,
 * .dot/.gv; AG_IN_JSON otherwise. */
ag_input_format ag_input_format_from_path(const char *path);

typedef struct ag_load_opts {
    ag_input_format format;   /* AG_IN_AUTO by default */
    const char *actors_csv;   /* with CSV: the actors file, or NULL */
    /* The period the caller will select (as ag_selection's from and to: a
     * partial from is its first day, a partial to its last; year 0 leaves
     * that side open; both 0, the default, is no period). The warnings it
     * makes moot are left out, neither listed nor counted: a contradiction
     * between two relations that are not both in force during the period
     * (the days they share then fall outside it). */
    ag_date period_from, period_to;
} ag_load_opts;

/* Reads path ("-" for standard input) once, in the chosen format, and
 * checks it as a version-1 graph: every input format goes through the same
 * rules. Problems found go to diags, located in the original file (JSON:
 * line, column and pointer; CSV: line, column and the column's name;
 * GraphML, GML, DOT: the line where the library gives one). The graph's
 * name is the file stem of path ("stdin" for "-"). */
ag_status ag_graph_load_ex(const char *path, const ag_load_opts *opts, ag_graph **out,
                           ag_diags *diags, ag_error *err);

/* ag_graph_load_ex with the format taken from the extension. */
ag_status ag_graph_load(const char *path, ag_graph **out, ag_diags *diags,
                        ag_error *err);

#endif
