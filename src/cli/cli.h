/* The command-line layer: the only code that prints or exits. */
#ifndef AG_CLI_H
#define AG_CLI_H

#include <stdio.h>

#include "actorgraph/actorgraph.h"

/* Exit codes, documented in README.md. */
enum {
    AG_EXIT_OK = 0,       /* success (warnings allowed) */
    AG_EXIT_USAGE = 1,    /* bad command line */
    AG_EXIT_INPUT = 2,    /* input unreadable or invalid */
    AG_EXIT_OUTPUT = 3,   /* an output could not be written */
    AG_EXIT_INTERNAL = 4  /* out of memory, or a library failed */
};

typedef struct ag_command {
    const char *name;
    const char *summary;  /* one line for `actorgraph --help` */
    const char *usage;    /* full text for `actorgraph help NAME` */
    int (*run)(int argc, char **argv);
} ag_command;

extern const ag_command ag_cmd_validate;
extern const ag_command ag_cmd_render;
extern const ag_command ag_cmd_report;
extern const ag_command ag_cmd_clusters;

/* Prints one problem as `actorgraph: FILE:LINE:COL: [warning: ][POINTER: ]MESSAGE`. */
void cli_print_error(const ag_error *e);
/* Prints every problem of d in order. */
void cli_print_diags(const ag_diags *d);
/* Prints `actorgraph: CMD: MESSAGE` and a hint to the command's help;
 * returns AG_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints a command's usage text to out. */
void cli_print_usage(const ag_command *c, FILE *out);

/* The graph file to use when the command line names none: the one named
 * by $ACTORGRAPH_DEFAULT_GRAPH, else the installed copy next to the
 * executable (../share/actorgraph/graphs), else the source tree's. NULL
 * when none exists. The result is static storage. */
const char *cli_default_graph(void);

/* Loads a graph for a command, printing every problem found. Returns
 * AG_EXIT_OK with *out set, or the exit code to return. */
int cli_load_graph(const char *path, ag_graph **out);

/* Maps a library status to an exit code, given whether the failing step
 * was writing output. */
int cli_exit_code(ag_status st, int writing);

#endif
