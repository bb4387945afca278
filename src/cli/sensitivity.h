/* Printing the relations on which conclusions hang (report and clusters
 * --sensitivity; docs/analysis.md). */
#ifndef AG_CLI_SENSITIVITY_H
#define AG_CLI_SENSITIVITY_H

#include <stdio.h>

#include "actorgraph/cluster.h"

/* The formats, numbered as report and clusters number theirs. */
enum { CLI_SENS_TABLE, CLI_SENS_CSV, CLI_SENS_JSON, CLI_SENS_MD };
/* --format of report and clusters: "table", "csv", "json" or "md" as
 * CLI_SENS_*; 0 when unknown. */
int cli_sens_format_parse(const char *name, int *fmt);

/* Prints s, computed on g with o, in fmt; command and input name the run
 * in the JSON manifest. 0, or -1 when out of memory. */
int cli_print_sensitivity(FILE *out, const ag_graph *g, const ag_sensitivity *s,
                          const ag_sensitivity_opts *o, int fmt, const char *command,
                          const char *input);

/* The flags of relation r as words ("speculative", "no evidence", "one
 * piece of evidence"); how many (at most 2). */
int cli_sensitivity_flags(const ag_relation *r, const char *out[2]);

/* moved[v] = 1 when actor v changed bloc between the partitions before
 * (n_before blocs) and after (n_after) of n actors: the blocs after take
 * the identities of the blocs before by ag_bloc_match (the largest overlap
 * first), and v moved when its bloc's identity is not its bloc before (a
 * new bloc, or another one). 0, or -1 when out of memory. */
int cli_sensitivity_moved(size_t n, const size_t *before, size_t n_before, const size_t *after,
                          size_t n_after, unsigned char *moved);

/* How many of s's listed relations are flagged (cli_sensitivity_flags). */
size_t cli_sensitivity_flagged(const ag_graph *g, const ag_sensitivity *s);

/* Writes "NAME, NAME" of the actors among x's first k (AG_NO_BLOC past the
 * last) and not among y's, each name through put (the terminal's or the
 * HTML escaping); "none" when there is none. */
void cli_sensitivity_put_diff(FILE *out, const ag_graph *g, const size_t *x, const size_t *y,
                              size_t k, void (*put)(FILE *, const char *));

#endif
