/* Status codes and the error record every library call fills. */
#ifndef ACTORGRAPH_ERROR_H
#define ACTORGRAPH_ERROR_H

#include <stddef.h>

typedef enum ag_status {
    AG_OK = 0,
    AG_ENOMEM,   /* out of memory */
    AG_EIO,      /* cannot read an input or write an output */
    AG_EPARSE,   /* input is not well-formed (JSON syntax) */
    AG_EINVALID, /* input is well-formed but breaks the format's rules */
    AG_EARG,     /* a caller passed a bad option value */
    AG_EGRAPH,   /* igraph failed */
    AG_ERENDER   /* Graphviz failed to lay out or render */
} ag_status;

typedef enum ag_severity { AG_SEV_ERROR = 0, AG_SEV_WARNING } ag_severity;

/* One problem, located as precisely as the input allows: a file, a 1-based
 * line and column when known (0 otherwise), and a JSON pointer when the
 * problem is a value in a JSON document. */
typedef struct ag_error {
    ag_status code;
    ag_severity severity;
    char file[512];
    int line, column;
    char pointer[256];
    char message[512];
} ag_error;

/* Clears e (NULL allowed). */
void ag_error_clear(ag_error *e);

/* Fills e (NULL allowed) with code and a printf-style message, leaving its
 * location fields as they are, and returns code so callers can write
 * `return ag_error_set(err, AG_EIO, "...")`. */
ag_status ag_error_set(ag_error *e, ag_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A short English name for a status, never NULL. */
const char *ag_status_str(ag_status code);

/* A growable list of problems found in one pass over an input. It keeps
 * the first AG_MAX_DIAGNOSTICS problems (actorgraph/limits.h); later ones
 * are only counted (errors, warnings and dropped still count them). */
typedef struct ag_diags {
    ag_error *items;
    size_t count, cap;
    size_t errors, warnings;
    size_t dropped;          /* problems counted but not kept */
    size_t dropped_warnings; /* the warnings among them */
} ag_diags;

void ag_diags_init(ag_diags *d);
void ag_diags_destroy(ag_diags *d);
/* Appends a copy of e (or only counts it once the list is full); returns
 * AG_ENOMEM when it cannot grow. */
ag_status ag_diags_push(ag_diags *d, const ag_error *e);
/* Orders the problems by line and column, keeping insertion order for ties
 * and for problems without a position (which go last). O(n log n). */
void ag_diags_sort(ag_diags *d);
/* When problems were dropped, appends one last unlocated line in file
 * saying how many ("N more problems not shown (E errors, W warnings)"),
 * not counted itself; sets dropped back to 0. AG_ENOMEM when it cannot. */
ag_status ag_diags_summarize(ag_diags *d, const char *file);

#endif
