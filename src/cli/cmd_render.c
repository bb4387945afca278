/* actorgraph render: draw the alliance diagram. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "cli.h"

static const char usage[] =
    "usage: actorgraph render [FILE] [-o PATH]... [--format dot|svg|png|pdf]\n"
    "                         [--engine auto|dot|neato|fdp|sfdp|circo] [--no-legend]\n"
    "                         [--splines WHAT] [--edge-labels auto|all|none]\n"
    "                         [--color-by group|bloc|kind] [--size-by METRIC] [-q]\n"
    "\n"
    "Draw the graph as an alliance diagram, laid out and rendered in-process by\n"
    "Graphviz. Without -o, writes out/NAME.dot, out/NAME.svg and out/NAME.png,\n"
    "NAME being the input's file name without extension (only out/NAME.FORMAT\n"
    "with --format). Each -o PATH takes its format from --format, else from its\n"
    "extension (.dot/.gv, .svg, .png, .pdf); '-o -' writes to standard output\n"
    "(DOT unless --format says otherwise). Files are replaced atomically, as a\n"
    "set: on any failure nothing is written. Devices and FIFOs (/dev/null) are\n"
    "written in place; an output that names an input is refused. Says on\n"
    "standard error what it wrote, one line per file.\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH   write to PATH (repeatable)\n"
    "  -f, --format FMT    dot, svg, png or pdf\n"
    "  -e, --engine NAME   layout engine: dot, neato, fdp, sfdp, circo, or auto\n"
    "                      (the default): dot up to 40 actors and 150 relations,\n"
    "                      sfdp past that; groups are drawn as boxes by dot,\n"
    "                      neato and fdp\n"
    "      --splines WHAT  edges: true (splines around the actors), curved, line,\n"
    "                      polyline, ortho, none; default: dot's own for dot,\n"
    "                      true for small graphs, line (fast) past the sizes above;\n"
    "                      true and curved can take minutes past a few hundred\n"
    "                      relations\n"
    "      --edge-labels L auto (default: every label up to 150 relations, past\n"
    "                      that only the analyst's own), all or none; tooltips\n"
    "                      always carry every detail\n"
    "      --no-legend     leave the legend out\n"
    "  -c, --color-by WHAT fill actors by their group (default), their bloc as\n"
    "                      'actorgraph clusters' finds it (signed method), or\n"
    "                      their kind; groups and blocs are drawn as boxes\n"
    "      --seed S        seed for --color-by bloc (default 1)\n"
    "  -s, --size-by METRIC scale actors by a metric of 'actorgraph report'\n"
    "                      (pagerank, betweenness, in_strength, pn, ...)\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -q, --quiet         do not say which files were written, which engine was\n"
    "                      chosen, or how far a long layout is\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid input, 3 output not\n"
    "written, 4 layout or rendering failed.\n";

#define MAX_OUTPUTS 16

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"engine", required_argument, NULL, 'e'},
        {"splines", required_argument, NULL, 'P'},
        {"edge-labels", required_argument, NULL, 'B'},
        {"no-legend", no_argument, NULL, 'L'},
        {"color-by", required_argument, NULL, 'c'},
        {"size-by", required_argument, NULL, 's'},
        {"seed", required_argument, NULL, 'S'},
        {"quiet", no_argument, NULL, 'q'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *paths[MAX_OUTPUTS];
    char *owned[AG_FMT_COUNT] = {NULL};
    ag_format formats[MAX_OUTPUTS], forced = AG_FMT_DOT;
    ag_blob blobs[MAX_OUTPUTS];
    ag_output outs[MAX_OUTPUTS];
    ag_render_opts opts;
    ag_cluster_opts copts;
    ag_partition part;
    ag_metrics metrics;
    ag_metric size_by = AG_M_PAGERANK;
    int sized = 0;
    char bloc_note[64];
    ag_graph *g = NULL;
    cli_input in;
    ag_error err;
    size_t n = 0;
    int c, has_format = 0, rc = AG_EXIT_OK, defaults = 0, seeded = 0, quiet = 0;
    ag_status st;

    ag_render_opts_init(&opts);
    ag_cluster_opts_init(&copts);
    cli_select_init(&in);
    memset(&part, 0, sizeof part);
    memset(&metrics, 0, sizeof metrics);
    memset(blobs, 0, sizeof blobs);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:f:e:c:s:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            if (n == MAX_OUTPUTS)
                return cli_usage_error("render", "at most %d outputs", MAX_OUTPUTS);
            paths[n++] = optarg;
            break;
        case 'f':
            if (!ag_format_parse(optarg, &forced) || forced == AG_FMT_GV_JSON)
                return cli_usage_error("render", "unknown format '%s' (dot, svg, png, pdf)",
                                       optarg);
            has_format = 1;
            break;
        case 'e':
            if (strcmp(optarg, "auto") == 0) {
                opts.engine = NULL;
                break;
            }
            if (!ag_engine_valid(optarg))
                return cli_usage_error("render",
                                       "unknown engine '%s' (auto, dot, neato, fdp, sfdp, circo)",
                                       optarg);
            opts.engine = optarg;
            break;
        case 'P':
            if (!ag_splines_valid(optarg))
                return cli_usage_error("render",
                                       "unknown --splines '%s' (true, spline, curved, line, "
                                       "polyline, ortho, none)",
                                       optarg);
            opts.splines = optarg;
            break;
        case 'B':
            if (!ag_edge_labels_parse(optarg, &opts.edge_labels))
                return cli_usage_error("render", "unknown --edge-labels '%s' (auto, all, none)",
                                       optarg);
            break;
        case 'L':
            opts.legend = 0;
            break;
        case 'c':
            if (strcmp(optarg, "group") == 0)
                opts.color_by = AG_COLOR_BY_GROUP;
            else if (strcmp(optarg, "bloc") == 0)
                opts.color_by = AG_COLOR_BY_BLOC;
            else if (strcmp(optarg, "kind") == 0)
                opts.color_by = AG_COLOR_BY_KIND;
            else
                return cli_usage_error("render", "unknown --color-by '%s' (group, bloc, kind)",
                                       optarg);
            break;
        case 's':
            if (!ag_metric_parse(optarg, &size_by))
                return cli_usage_error("render", "unknown metric '%s' for --size-by (%s)", optarg,
                                       cli_metric_list());
            sized = 1;
            break;
        case 'S': {
            long v;
            if (!cli_parse_long(optarg, 0, 2147483647L, &v))
                return cli_usage_error("render", "--seed needs a whole number from 0 to 2147483647, not '%s'",
                                       optarg);
            copts.seed = (unsigned long)v;
            seeded = 1;
            break;
        }
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        case 'h':
            fputs(usage, stdout);
            return AG_EXIT_OK;
        case ':':
            return cli_usage_error("render", "option '%s' needs a value", argv[optind - 1]);
        default:
            if (cli_input_option(&in, c, optarg, "render", &rc))
                break;
            if (rc)
                return rc;
            if (optopt && strchr("ofecs", optopt))
                return cli_usage_error("render", "option '-%c' needs a value", optopt);
            return cli_usage_error("render", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("render", "too many arguments: '%s'", argv[optind + 1]);
    if (seeded && opts.color_by != AG_COLOR_BY_BLOC)
        fprintf(stderr, "actorgraph: warning: --seed has no effect without --color-by bloc\n");
    for (size_t i = 0; i < n; i++) {
        if (has_format)
            formats[i] = forced;
        else if (strcmp(paths[i], "-") == 0)
            formats[i] = AG_FMT_DOT;
        else if (!ag_format_from_path(paths[i], &formats[i]))
            return cli_usage_error("render",
                                   "cannot tell the format of '%s': use --format or an "
                                   "extension .dot, .svg, .png or .pdf",
                                   paths[i]);
    }

    rc = cli_load_input(optind < argc ? argv[optind] : NULL, &in, &g);
    if (rc != AG_EXIT_OK)
        goto cleanup;

    if (n == 0) {
        static const ag_format all[] = {AG_FMT_DOT, AG_FMT_SVG, AG_FMT_PNG};
        size_t k = has_format ? 1 : 3;
        defaults = 1;
        for (size_t i = 0; i < k; i++) {
            ag_format f = has_format ? forced : all[i];
            owned[i] = cli_default_output(g, ag_format_name(f));
            if (!owned[i]) {
                fprintf(stderr, "actorgraph: out of memory\n");
                rc = AG_EXIT_INTERNAL;
                goto cleanup;
            }
            paths[n] = owned[i];
            formats[n++] = f;
        }
    }

    ag_error_clear(&err);
    if (opts.color_by == AG_COLOR_BY_BLOC) {
        if ((st = ag_cluster(g, &copts, &part, &err)) != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        opts.bloc = part.bloc;
        snprintf(bloc_note, sizeof bloc_note, "signed blocs, seed %lu", copts.seed);
        opts.bloc_note = bloc_note;
    }
    if (sized) {
        if ((st = ag_metrics_compute(g, AG_TIES_POSITIVE, &metrics, &err)) != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        opts.size = metrics.v[size_by];
        opts.size_label = ag_metric_name(size_by);
    }
    if (!opts.engine && !quiet && strcmp(ag_render_engine(g, &opts), "dot") != 0)
        fprintf(stderr,
                "actorgraph: %zu actors, %zu relations: drawn with %s%s%s (--engine dot to "
                "draw it as a small graph)\n",
                g->n_actors, g->n_relations, ag_render_engine(g, &opts),
                opts.splines ? "" : ", straight edges",
                opts.edge_labels == AG_LABELS_AUTO ? ", the analyst's labels only" : "");
    st = ag_render(g, &opts, formats, n, blobs, &err);
    if (st != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        outs[i].path = paths[i];
        outs[i].data = blobs[i].data;
        outs[i].len = blobs[i].len;
    }
    rc = cli_write_outputs(outs, n, defaults ? "out" : NULL,
                           optind < argc ? argv[optind] : NULL, &in, quiet);
cleanup:
    for (size_t i = 0; i < MAX_OUTPUTS; i++)
        ag_blob_free(&blobs[i]);
    for (size_t i = 0; i < AG_FMT_COUNT; i++)
        free(owned[i]);
    ag_partition_destroy(&part);
    ag_metrics_destroy(&metrics);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_render = {
    .name = "render",
    .summary = "draw the alliance diagram (DOT, SVG, PNG, PDF)",
    .usage = usage,
    .run = run,
};
