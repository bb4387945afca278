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

/* moved[v] = 1 when v's bloc-mates differ between the partitions before
 * and after (n actors): its bloc before and after do not hold the same
 * actors. 0, or -1 when out of memory. */
int cli_sensitivity_moved(size_t n, const size_t *before, const size_t *after,
                          unsigned char *moved);

#endif
