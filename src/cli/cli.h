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
extern const ag_command ag_cmd_export;
extern const ag_command ag_cmd_convert;
extern const ag_command ag_cmd_events;
extern const ag_command ag_cmd_timeline;
extern const ag_command ag_cmd_path;
extern const ag_command ag_cmd_explain;
extern const ag_command ag_cmd_merge;
extern const ag_command ag_cmd_whatif;
extern const ag_command ag_cmd_brief;

/* What convert (and events) write: an export format, or CSV or DOT. */
enum { CLI_OUT_CSV = AG_EXPORT_COUNT, CLI_OUT_DOT };
/* Output formats by name: the export formats, csv and dot; 0 when unknown. */
int cli_out_format_parse(const char *name, int *f);
/* The output format a path's longest known ending implies; 0 when none. */
int cli_out_format_from_path(const char *path, int *f);
/* "out/NAME.EXT", where a command writes g by default (NAME is g's name);
 * malloc'd, NULL when out of memory. */
char *cli_default_output(const ag_graph *g, const char *ext);
/* The actors file beside a relations CSV: x.csv -> x.actors.csv (malloc'd). */
char *cli_actors_path(const char *path);
/* Writes g in output format f (an export format with its default options,
 * CSV or DOT) to *out; CSV writes the relations there and the actors to
 * *actors, which the other formats leave alone. */
ag_status cli_out_write(const ag_graph *g, int f, ag_blob *out, ag_blob *actors, ag_error *err);

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

/* How a command reads its input: --from and --actors, shared by all; and
 * which relations it keeps (--as-of, --from DATE, --to DATE,
 * --min-confidence, --weigh-confidence, --confidence-weights,
 * --drop-isolates), shared by every command that analyses, draws or
 * writes a graph (cli_select_init). */
typedef struct cli_input {
    ag_load_opts opts;
    int selecting;       /* the command takes the selection options */
    int dated;           /* 1 after --as-of, 2 after --from DATE or --to */
    int weights_given;   /* --confidence-weights */
    const char *cmd;     /* for messages */
    int all_warnings;    /* print every warning (validate); others show a few */
#define CLI_WARNINGS_SHOWN 5
    ag_selection sel;
} cli_input;

#define CLI_OPT_FROM 0x100
#define CLI_OPT_ACTORS 0x101
#define CLI_OPT_AS_OF 0x102
#define CLI_OPT_TO 0x103
#define CLI_OPT_MIN_CONFIDENCE 0x104
#define CLI_OPT_WEIGH_CONFIDENCE 0x105
#define CLI_OPT_CONFIDENCE_WEIGHTS 0x106
#define CLI_OPT_DROP_ISOLATES 0x107
#define CLI_INPUT_LONGOPTS \
    {"from", required_argument, NULL, CLI_OPT_FROM}, \
    {"actors", required_argument, NULL, CLI_OPT_ACTORS}
#define CLI_INPUT_OPTIONS_HELP \
    "      --from FMT      input format: json, csv, graphml, gml or dot (default:\n" \
    "                      from the extension; JSON for standard input)\n" \
    "      --actors FILE   with CSV input: the actors (id,name,kind,group)\n"
/* The selection options; --from takes a date as well as a format (a date
 * starts with a digit, a format never does). */
#define CLI_SELECT_LONGOPTS \
    {"as-of", required_argument, NULL, CLI_OPT_AS_OF}, \
    {"to", required_argument, NULL, CLI_OPT_TO}, \
    {"min-confidence", required_argument, NULL, CLI_OPT_MIN_CONFIDENCE}, \
    {"weigh-confidence", no_argument, NULL, CLI_OPT_WEIGH_CONFIDENCE}, \
    {"confidence-weights", required_argument, NULL, CLI_OPT_CONFIDENCE_WEIGHTS}, \
    {"drop-isolates", no_argument, NULL, CLI_OPT_DROP_ISOLATES}
#define CLI_SELECT_OPTIONS_HELP \
    "      --as-of DATE    only relations in force on DATE (YYYY, YYYY-MM or\n" \
    "                      YYYY-MM-DD; a year or month: at any time in it)\n" \
    "      --from DATE, --to DATE\n" \
    "                      relations in force at any time from DATE's first day\n" \
    "                      to DATE's last (either side may be left open)\n" \
    "      --min-confidence LEVEL\n" \
    "                      confirmed, reported or speculative (the default: all)\n" \
    "      --weigh-confidence\n" \
    "                      multiply weights by the confidence's factor\n" \
    "      --confidence-weights C,R,S\n" \
    "                      the factors, each in (0, 1] (default 1,0.7,0.4)\n" \
    "      --drop-isolates leave out actors with no relation selected\n"

void cli_input_init(cli_input *in);
/* cli_input_init for a command that takes the selection options. */
void cli_select_init(cli_input *in);
/* Handles option c if it is an input option: returns 1 when handled, 0
 * otherwise; on a bad value prints the usage error and sets *rc. */
int cli_input_option(cli_input *in, int c, const char *arg, const char *cmd, int *rc);
/* For the default of a command's option switch, the options every command
 * reads alike. -h prints the usage text on standard output; a missing
 * value (getopt's ':') and an unknown option are usage errors; an input or
 * selection option is taken (cli_input_option; in is NULL for a command
 * that takes none). Returns 0 when the command reads on, or 1 with *rc the
 * exit code it returns. */
int cli_other_option(cli_input *in, int c, const char *cmd, const char *usage, char **argv,
                     int *rc);

/* Loads a graph for a command, printing every problem found. Returns
 * AG_EXIT_OK with *out set, or the exit code to return. path NULL means the
 * default graph. */
int cli_load_input(const char *path, const cli_input *in, ag_graph **out);
int cli_load_graph(const char *path, ag_graph **out);

/* Prints " (DESCRIPTION)" after a heading when g is a selection (the words
 * of ag_selection_describe), nothing otherwise. */
void cli_put_selection(FILE *out, const ag_graph *g);
/* Sets a JSON manifest's first members: "input", "sha256" (g's),
 * "command" and, unless opts is NULL, "options" (taking opts' reference). */
void cli_manifest_start(json_t *manifest, const char *input, const ag_graph *g,
                        const char *command, json_t *opts);
/* Adds "selection" (ag_selection_json) to a JSON manifest when g is a
 * selection; nothing otherwise. Returns -1 when out of memory. */
int cli_manifest_selection(json_t *manifest, const ag_graph *g);

/* Prints root as indented JSON (reals to 12 significant digits) and a
 * newline. 0, or -1 when it could not be written. */
int cli_print_json(FILE *out, const json_t *root);

/* "in_degree, out_degree, ..., pn": every metric's name, for the messages
 * that list the valid values. */
const char *cli_metric_list(void);

/* --paths: "auto", "exact" or "none" (report, clusters); 0 when unknown. */
int cli_paths_parse(const char *name, ag_paths *p);
/* The name --paths gives p. */
const char *cli_paths_name(ag_paths p);

/* Parses s as a whole decimal number from lo to hi (nothing else in s):
 * 1 with *out set, or 0 with *out untouched. */
int cli_parse_long(const char *s, long lo, long hi, long *out);

/* Maps a library status to an exit code, given whether the failing step
 * was writing output. */
int cli_exit_code(ag_status st, int writing);

/* Writes a command's outputs through ag_write_outputs_ex (all or nothing;
 * the rules are in include/actorgraph/io.h): refuses an empty output, as
 * no format writes nothing (exit 4, nothing written); never overwrites the
 * command's inputs, the graph file (input; NULL for the default graph) and
 * --actors (exit 3); prints `actorgraph: wrote PATH` on standard error for
 * each output but "-" unless quiet. Prints any problem; returns the exit
 * code. */
int cli_write_outputs(const ag_output *outs, size_t n, const char *mkdir_out,
                      const char *input, const cli_input *in, int quiet);

/* Makes SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGPIPE remove the
 * temporaries of an output being written (ag_write_remove_temporaries)
 * before they end the process as they would have. Signals the process
 * ignores stay ignored. */
void cli_install_signal_handlers(void);

/* Shows the library's progress on standard error when it is a terminal
 * (called once by main); cli_progress_quiet turns it off (--quiet);
 * cli_progress_end clears the line and stops the drawing thread. */
void cli_progress_init(void);
void cli_progress_quiet(void);
void cli_progress_end(void);

#endif
