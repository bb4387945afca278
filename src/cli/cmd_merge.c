/* actorgraph merge: one graph from several files. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/merge.h"
#include "cli.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph merge FILE FILE... -o OUT [--prefer FILE] [--title TEXT] [-q]\n"
    "\n"
    "Merge graphs encoded by different people or from different sources into\n"
    "one actorgraph JSON graph (rules in docs/merge.md):\n"
    "  - actors unify by id; where files differ on an actor's name, kind or\n"
    "    group, the first file that has the actor wins (--prefer FILE: that\n"
    "    file wins); attributes are joined, the winner's first;\n"
    "  - sources stay apart: a source id used by two different sources is\n"
    "    renamed in the later file (src -> src_2) and its evidence follows;\n"
    "    the same source (id and every field equal) is kept once;\n"
    "  - the same relation (same ends, either order when mutual, same type,\n"
    "    sign and mutuality, periods in force that overlap) asserted by several\n"
    "    files becomes one relation: the first file's fields, the evidence of\n"
    "    all, the highest confidence;\n"
    "  - a relation of one file and one of another on the same pair, with\n"
    "    opposite signs and overlapping periods, are both kept: a contradiction.\n"
    "FILEs are in any input format (by extension). One line per decision on\n"
    "standard error, then a summary. The result goes through the same checks as\n"
    "any input, and OUT ('-': standard output) is replaced atomically; OUT naming\n"
    "an input is refused.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT    where to write the merged graph (required)\n"
    "  -p, --prefer FILE   this input's actor fields win (FILE as given)\n"
    "      --title TEXT    the merged graph's title (default: the first file's\n"
    "                      title and description)\n"
    "  -q, --quiet         print only the summary\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 an input unreadable or invalid,\n"
    "3 output not written, 4 internal failure. Nothing is written on failure.\n";

static const char *const kind_words[AG_MERGE_KIND_COUNT] = {
    "source shared", "source renamed", "actor differs", "relation merged", "contradiction"};

/* Writes the merged graph to out, no input overwritten; returns the exit code. */
static int write_merged(const char *out, const ag_blob *blob, char **inputs, size_t n, int quiet)
{
    ag_output o = {out, blob->data, blob->len};
    ag_write_opts wo = {NULL, (const char *const *)inputs, n};
    ag_error err;
    ag_status st;

    if (blob->len == 0) {
        fprintf(stderr, "actorgraph: %s: the output is empty; nothing written\n", out);
        return AG_EXIT_INTERNAL;
    }
    cli_install_signal_handlers();
    ag_error_clear(&err);
    st = ag_write_outputs_ex(&o, 1, &wo, &err);
    if (st != AG_OK) {
        cli_print_error(&err);
        return cli_exit_code(st, 1);
    }
    if (!quiet && strcmp(out, "-") != 0) {
        fputs("actorgraph: wrote ", stderr);
        cli_put_escaped(stderr, out);
        fputc('\n', stderr);
    }
    return AG_EXIT_OK;
}

static int run(int argc, char **argv)
{
    enum { OPT_TITLE = 0x200 };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"prefer", required_argument, NULL, 'p'},
        {"title", required_argument, NULL, OPT_TITLE},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *out = NULL, *prefer = NULL, *title = NULL;
    int quiet = 0, c, rc = AG_EXIT_OK;
    size_t n = 0;
    ag_graph **graphs = NULL;
    ag_merge_opts mo = {NULL, -1, "merged graph", NULL};
    ag_merge_report rep;
    ag_graph *merged = NULL;
    ag_blob blob = {0};
    ag_export_opts xo;
    ag_diags diags;
    ag_error err;
    ag_status st;

    memset(&rep, 0, sizeof rep);
    ag_diags_init(&diags);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:p:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 'p':
            prefer = optarg;
            break;
        case OPT_TITLE:
            title = optarg;
            break;
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        default:
            if (cli_other_option(NULL, c, "merge", usage, argv, &rc))
                return rc;
            break;
        }
    }
    n = (size_t)(argc - optind);
    if (n < 2)
        return cli_usage_error("merge", "needs at least two FILEs");
    if (!out)
        return cli_usage_error("merge", "needs -o OUT (a file, or '-' for standard output)");
    for (size_t f = 0; prefer && f < n; f++)
        if (strcmp(argv[optind + (int)f], prefer) == 0) {
            mo.prefer = (long)f;
            break;
        }
    if (prefer && mo.prefer < 0)
        return cli_usage_error("merge", "--prefer '%s' is not one of the FILEs", prefer);
    mo.title = title;
    mo.names = (const char *const *)(argv + optind);
    if (!(graphs = calloc(n, sizeof *graphs))) {
        fprintf(stderr, "actorgraph: out of memory\n");
        return AG_EXIT_INTERNAL;
    }
    for (size_t f = 0; f < n; f++) {
        int r = cli_load_graph(argv[optind + (int)f], &graphs[f]);
        if (r > rc)
            rc = r; /* every input checked before giving up */
    }
    if (rc != AG_EXIT_OK)
        goto cleanup;
    ag_error_clear(&err);
    st = ag_merge((const ag_graph *const *)graphs, n, &mo, &merged, &rep, &diags, &err);
    if (st != AG_OK) {
        /* The inputs were valid: a merged graph the checker refuses (past a
         * limit) is said as the checker says it. */
        cli_print_diags(&diags);
        if (diags.errors == 0)
            cli_print_error(&err);
        rc = st == AG_EINVALID ? AG_EXIT_INPUT : cli_exit_code(st, 0);
        goto cleanup;
    }
    for (size_t k = 0; k < rep.n_notes && !quiet; k++) {
        fprintf(stderr, "actorgraph: merge: %s: ", kind_words[rep.notes[k].kind]);
        cli_put_escaped(stderr, rep.notes[k].text);
        fputc('\n', stderr);
    }
    fprintf(stderr,
            "actorgraph: merge: %zu files: %zu actors, %zu relations, %zu sources; %zu "
            "relation%s merged, %zu contradiction%s kept, %zu source%s renamed, %zu shared, "
            "%zu actor difference%s\n",
            n, rep.actors, rep.relations, rep.sources, rep.counts[AG_MERGE_RELATION_MERGED],
            rep.counts[AG_MERGE_RELATION_MERGED] == 1 ? "" : "s",
            rep.counts[AG_MERGE_CONTRADICTION], rep.counts[AG_MERGE_CONTRADICTION] == 1 ? "" : "s",
            rep.counts[AG_MERGE_SOURCE_RENAMED], rep.counts[AG_MERGE_SOURCE_RENAMED] == 1 ? "" : "s",
            rep.counts[AG_MERGE_SOURCE_SHARED], rep.counts[AG_MERGE_ACTOR_DIFFERS],
            rep.counts[AG_MERGE_ACTOR_DIFFERS] == 1 ? "" : "s");
    ag_export_opts_init(&xo);
    xo.format = AG_EXPORT_JSON;
    ag_error_clear(&err);
    if ((st = ag_export(merged, &xo, &blob, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    rc = write_merged(out, &blob, argv + optind, n, quiet);
cleanup:
    ag_blob_free(&blob);
    ag_graph_free(merged);
    ag_merge_report_free(&rep);
    ag_diags_destroy(&diags);
    for (size_t f = 0; graphs && f < n; f++)
        ag_graph_free(graphs[f]);
    free(graphs);
    return rc;
}

const ag_command ag_cmd_merge = {
    .name = "merge",
    .summary = "merge several graph files into one",
    .usage = usage,
    .run = run,
};
