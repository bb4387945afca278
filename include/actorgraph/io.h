/* Writing outputs atomically. */
#ifndef ACTORGRAPH_IO_H
#define ACTORGRAPH_IO_H

#include <stddef.h>

#include "actorgraph/error.h"

/* One output to write: its bytes and where ("-" for standard output). */
typedef struct ag_output {
    const char *path;
    const char *data;
    size_t len;
} ag_output;

/* Writes every output, or none: each file is first written to a temporary
 * file in its own directory and synced; only when all are written are they
 * renamed into place. On failure no temporary is left and existing files
 * are untouched. Outputs to "-" go to standard output after the files are in
 * place. Missing parent directories are not created, except that mkdir_out
 * names one directory (e.g. "out") that is created if absent. */
ag_status ag_write_outputs(const ag_output *outs, size_t n, const char *mkdir_out,
                           ag_error *err);

#endif
