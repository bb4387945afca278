/* actorgraph: entry point and command dispatch. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const ag_command *const commands[] = {
    &ag_cmd_validate,
    &ag_cmd_render,
    &ag_cmd_report,
    &ag_cmd_clusters,
    &ag_cmd_export,
    &ag_cmd_convert,
    &ag_cmd_events,
    &ag_cmd_timeline,
    &ag_cmd_path,
    &ag_cmd_explain,
    &ag_cmd_merge,
    &ag_cmd_whatif,
    &ag_cmd_brief,
    NULL,
};

static void print_help(FILE *out)
{
    fputs("usage: actorgraph [--version] [--help] COMMAND [ARGS]\n"
          "\n"
          "Analyse geopolitical relations as a signed, weighted, directed graph.\n"
          "\n"
          "Commands:\n",
          out);
    for (int i = 0; commands[i]; i++)
        fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fputs("  help       show a command's usage; 'help types' lists relation types\n"
          "\n"
          "FILE is a graph: actorgraph JSON (docs/format.md), CSV, GraphML, GML or DOT\n"
          "(by extension, or --from); '-' reads standard input; without FILE the\n"
          "default graph (the North Korea-Russia article) is used.\n"
          "Run 'actorgraph help COMMAND' for a command's options.\n"
          "\n"
          "Exit status: 0 success, 1 usage error, 2 invalid or unreadable input,\n"
          "3 output could not be written, 4 internal failure, 5 (path) the two\n"
          "actors are not connected.\n",
          out);
}

static const char help_usage[] =
    "usage: actorgraph help [COMMAND | types | help]\n"
    "\n"
    "Without an argument, lists the commands. With a COMMAND, shows its usage\n"
    "and options (as 'actorgraph COMMAND --help' does). 'types' prints the\n"
    "relation-type vocabulary as a Markdown table; 'help' shows this text.\n";

/* The relation-type vocabulary as the Markdown table docs/format.md holds. */
static void print_types(FILE *out)
{
    size_t n;
    const ag_reltype *t = ag_reltypes(&n);
    fputs("| type | sign | weight | mutual | CAMEO code | Goldstein | meaning |\n"
          "|---|---|---|---|---|---|---|\n",
          out);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "| `%s` | %+d | %.2f | %s | %s | %+.1f | %s |\n", t[i].name, t[i].sign,
                t[i].weight, t[i].mutual ? "yes" : "no", t[i].cameo, t[i].goldstein,
                t[i].meaning);
}

static const ag_command *find_command(const char *name)
{
    for (int i = 0; commands[i]; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* Checks that standard output took everything, as git's run_builtin does. */
static int finish(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "actorgraph: write failure on standard output\n");
        return status ? status : AG_EXIT_OUTPUT;
    }
    return status;
}

static int dispatch(int argc, char **argv)
{
    const ag_command *cmd;
    int status;

    if (argc < 2) {
        print_help(stderr);
        return AG_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_help(stdout);
        return finish(AG_EXIT_OK);
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("actorgraph %s\n", ag_version());
        return finish(AG_EXIT_OK);
    }
    if (strcmp(argv[1], "help") == 0) {
        if (argc < 3) {
            print_help(stdout);
            return finish(AG_EXIT_OK);
        }
        if (strcmp(argv[2], "help") == 0) {
            fputs(help_usage, stdout);
            return finish(AG_EXIT_OK);
        }
        if (strcmp(argv[2], "types") == 0) {
            print_types(stdout);
            return finish(AG_EXIT_OK);
        }
        cmd = find_command(argv[2]);
        if (!cmd)
            return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
        cli_print_usage(cmd, stdout);
        return finish(AG_EXIT_OK);
    }
    if (argv[1][0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'", argv[1]);
    cmd = find_command(argv[1]);
    if (!cmd)
        return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
    status = cmd->run(argc - 1, argv + 1);
    ag_render_shutdown();
    return finish(status);
}

int main(int argc, char **argv)
{
    int rc;
    ag_init();
    cli_progress_init();
    rc = dispatch(argc, argv);
    cli_progress_end();
    return rc;
}
