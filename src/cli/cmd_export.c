/* actorgraph export: the graph in formats other tools load. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/export.h"
#include "cli.h"

static const char usage[] =
    "usage: actorgraph export [FILE] --format FMT [-o PATH] [--with-metrics]\n"
    "                         [--with-layout] [--engine NAME] [--links-key links|edges]\n"
    "                         [-q]\n"
    "\n"
    "Write the graph for another tool. Formats:\n"
    "  node-link    networkx node_link_data / D3 (.json)\n"
    "  cytoscape    Cytoscape.js elements, loads as .cyjs in Cytoscape desktop\n"
    "  graphology   graphology / sigma.js serialization (.json)\n"
    "  jgf          JSON Graph Format v2 (.json)\n"
    "  graphml      GraphML for Gephi, yEd, Cytoscape, networkx (.graphml)\n"
    "  gml          GML for Gephi, networkx (.gml)\n"
    "  dot-json     Graphviz's JSON with the computed layout (.json)\n"
    "  json         actorgraph's own format with every default written out\n"
    "Every actor and relation field is kept; several relations on one pair stay\n"
    "separate edges in every format. Without -o the file goes to out/ (see\n"
    "docs/interop.md for names); '-o -' writes to standard output. The file is\n"
    "replaced atomically (devices and FIFOs are written in place); an output\n"
    "that names an input is refused. Says on standard error what it wrote.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    the format (required)\n"
    "  -o, --output PATH   where to write\n"
    "  -m, --with-metrics  add each actor's centralities (as 'actorgraph report')\n"
    "                      and bloc (as 'actorgraph clusters', seed 1)\n"
    "  -l, --with-layout   add each actor's x and y from the Graphviz layout that\n"
    "                      'actorgraph render' draws (points, y downwards)\n"
    "  -e, --engine NAME   layout engine for --with-layout and dot-json\n"
    "      --links-key KEY node-link: 'links' (default, networkx < 3.4) or 'edges'\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -q, --quiet         do not say which file was written\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid input, 3 output not\n"
    "written, 4 internal failure.\n";

static const char *const extensions[AG_EXPORT_COUNT] = {
    "node-link.json", "cyjs", "graphology.json", "jgf.json", "graphml", "gml", "gv.json", "json"};

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"with-metrics", no_argument, NULL, 'm'},
        {"with-layout", no_argument, NULL, 'l'},
        {"engine", required_argument, NULL, 'e'},
        {"links-key", required_argument, NULL, 'K'},
        {"quiet", no_argument, NULL, 'q'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ag_export_opts xo;
    ag_render_opts ro;
    ag_cluster_opts co;
    ag_metrics metrics;
    ag_partition part;
    cli_input in;
    ag_graph *g = NULL;
    ag_blob blob = {NULL, 0};
    ag_output out;
    ag_error err;
    ag_status st;
    double *xs = NULL, *ys = NULL;
    char *owned = NULL;
    const char *path = NULL;
    int c, has_format = 0, with_metrics = 0, with_layout = 0, links_key_set = 0, engine_set = 0,
        quiet = 0, rc;

    ag_export_opts_init(&xo);
    ag_render_opts_init(&ro);
    ag_cluster_opts_init(&co);
    cli_select_init(&in);
    memset(&metrics, 0, sizeof metrics);
    memset(&part, 0, sizeof part);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:mle:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!ag_export_format_parse(optarg, &xo.format))
                return cli_usage_error("export",
                                       "unknown format '%s' (node-link, cytoscape, graphology, "
                                       "jgf, graphml, gml, dot-json, json)",
                                       optarg);
            has_format = 1;
            break;
        case 'o':
            path = optarg;
            break;
        case 'm':
            with_metrics = 1;
            break;
        case 'l':
            with_layout = 1;
            break;
        case 'e':
            if (!ag_engine_valid(optarg))
                return cli_usage_error("export",
                                       "unknown engine '%s' (dot, neato, fdp, sfdp, circo)",
                                       optarg);
            ro.engine = optarg;
            engine_set = 1;
            break;
        case 'K':
            if (strcmp(optarg, "links") != 0 && strcmp(optarg, "edges") != 0)
                return cli_usage_error("export", "--links-key is 'links' or 'edges', not '%s'",
                                       optarg);
            xo.links_key = optarg;
            links_key_set = 1;
            break;
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        default:
            if (cli_other_option(&in, c, "export", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (!has_format)
        return cli_usage_error("export", "--format is required");
    if (argc - optind > 1)
        return cli_usage_error("export", "too many arguments: '%s'", argv[optind + 1]);
    /* options the chosen format ignores: said, not silently dropped */
    if (xo.format == AG_EXPORT_JSON || xo.format == AG_EXPORT_DOT_JSON) {
        if (with_metrics)
            fprintf(stderr, "actorgraph: warning: --with-metrics has no effect with --format %s\n",
                    ag_export_format_name(xo.format));
        if (with_layout)
            fprintf(stderr, "actorgraph: warning: --with-layout has no effect with --format %s%s\n",
                    ag_export_format_name(xo.format),
                    xo.format == AG_EXPORT_DOT_JSON ? " (it holds the layout already)" : "");
    }
    if (engine_set && !with_layout && xo.format != AG_EXPORT_DOT_JSON)
        fprintf(stderr, "actorgraph: warning: --engine has no effect without --with-layout "
                        "(or --format dot-json)\n");
    if (links_key_set && xo.format != AG_EXPORT_NODE_LINK)
        fprintf(stderr, "actorgraph: warning: --links-key has no effect with --format %s "
                        "(only node-link)\n",
                ag_export_format_name(xo.format));
    rc = cli_load_input(optind < argc ? argv[optind] : NULL, &in, &g);
    if (rc != AG_EXIT_OK)
        return rc;

    ag_error_clear(&err);
    if (with_metrics) {
        if ((st = ag_metrics_compute(g, AG_TIES_POSITIVE, &metrics, &err)) != AG_OK ||
            (st = ag_cluster(g, &co, &part, &err)) != AG_OK)
            goto failed;
        xo.metrics = &metrics;
        xo.partition = &part;
    }
    if (with_layout) {
        xs = malloc((g->n_actors + 1) * sizeof *xs);
        ys = malloc((g->n_actors + 1) * sizeof *ys);
        if (!xs || !ys) {
            st = ag_error_set(&err, AG_ENOMEM, "out of memory");
            goto failed;
        }
        if ((st = ag_layout_positions(g, &ro, xs, ys, &err)) != AG_OK)
            goto failed;
        xo.x = xs;
        xo.y = ys;
    }
    xo.render = &ro;
    if ((st = ag_export(g, &xo, &blob, &err)) != AG_OK)
        goto failed;
    if (!path) {
        owned = cli_default_output(g, extensions[xo.format]);
        if (!owned) {
            st = ag_error_set(&err, AG_ENOMEM, "out of memory");
            goto failed;
        }
        path = owned;
    }
    out.path = path;
    out.data = blob.data;
    out.len = blob.len;
    rc = cli_write_outputs(&out, 1, owned ? "out" : NULL, optind < argc ? argv[optind] : NULL,
                           &in, quiet);
    goto cleanup;
failed:
    cli_print_error(&err);
    rc = cli_exit_code(st, 0);
cleanup:
    free(owned);
    free(xs);
    free(ys);
    ag_blob_free(&blob);
    ag_metrics_destroy(&metrics);
    ag_partition_destroy(&part);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_export = {
    .name = "export",
    .summary = "write the graph for networkx, D3, Cytoscape, Gephi, sigma.js...",
    .usage = usage,
    .run = run,
};
