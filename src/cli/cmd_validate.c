/* actorgraph validate: check graph files and report every problem. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph validate [-q] [FILE]...\n"
    "\n"
    "Check graph files against the format (docs/format.md) and report every\n"
    "problem in one pass, one line each:\n"
    "  FILE:LINE:COL: message                   a JSON syntax error\n"
    "  FILE:LINE:COL: /json/pointer: message    a value that breaks a rule\n"
    "Warnings (unknown field, self-loop, duplicate relation, a relation that\n"
    "ended before the latest source or contradicts another at the same time)\n"
    "do not fail. Every relation is checked: validate takes no selection.\n"
    "Without FILE the default graph is checked; '-' reads standard input.\n"
    "\n"
    "Options:\n"
    "  -q, --quiet   print nothing for valid files\n"
    CLI_INPUT_OPTIONS_HELP
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 every file valid, 1 usage error, 2 a file is invalid or\n"
    "unreadable.\n";

static int validate_one(const char *path, const cli_input *in, int quiet)
{
    ag_graph *g = NULL;
    int rc = cli_load_input(path, in, &g);
    if (rc == AG_EXIT_OK && !quiet) {
        cli_put_escaped(stdout, path ? (strcmp(path, "-") == 0 ? "<stdin>" : path)
                                     : cli_default_graph());
        printf(": valid: %zu actor%s, %zu relation%s, %zu source%s\n", g->n_actors,
               g->n_actors == 1 ? "" : "s", g->n_relations, g->n_relations == 1 ? "" : "s",
               g->n_sources, g->n_sources == 1 ? "" : "s");
    }
    ag_graph_free(g);
    return rc;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, NULL, 'q'},
        CLI_INPUT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int quiet = 0, c, worst = AG_EXIT_OK, rc;
    cli_input in;

    cli_input_init(&in);
    in.all_warnings = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        case 'h':
            fputs(usage, stdout);
            return AG_EXIT_OK;
        default:
            if (cli_input_option(&in, c, optarg, "validate", &rc))
                break;
            if (rc)
                return rc;
            return cli_usage_error("validate", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        return validate_one(NULL, &in, quiet);
    for (int i = optind; i < argc; i++) {
        rc = validate_one(argv[i], &in, quiet);
        if (rc > worst)
            worst = rc;
    }
    return worst;
}

const ag_command ag_cmd_validate = {
    .name = "validate",
    .summary = "check a graph file and report every problem",
    .usage = usage,
    .run = run,
};
