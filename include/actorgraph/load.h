/* Reading graph files. */
#ifndef ACTORGRAPH_LOAD_H
#define ACTORGRAPH_LOAD_H

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

/* ag_read_input followed by ag_graph_parse_json; the graph's name is the
 * file stem of path ("stdin" for "-"). */
ag_status ag_graph_load(const char *path, ag_graph **out, ag_diags *diags,
                        ag_error *err);

#endif
