/* actorgraph convert: from one graph format to another. */
#include <getopt.h>
#include <string.h>

#include "actorgraph/export.h"
#include "cli.h"

static const char usage[] =
    "usage: actorgraph convert IN OUT [--from FMT] [--to FMT] [--actors FILE] [-q]\n"
    "\n"
    "Read IN in any input format (json, csv, graphml, gml, dot) and write OUT.\n"
    "Formats come from the extensions, or --from and --to. OUT formats: json\n"
    "(actorgraph, every default written out), graphml, gml, and the other\n"
    "export formats by name (node-link, cytoscape, graphology, jgf). '-' is\n"
    "standard input or output (JSON unless --from or --to say otherwise).\n"
    "A graph converted to GraphML or GML and back keeps every actor and\n"
    "relation with all their fields. OUT is replaced atomically (devices and\n"
    "FIFOs are written in place); OUT naming IN or --actors is refused. Says on\n"
    "standard error what it wrote.\n"
    "\n"
    "Options:\n"
    "  -t, --to FMT        output format\n"
    CLI_INPUT_OPTIONS_HELP
    "  -q, --quiet         do not say which file was written\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid input, 3 output not\n"
    "written, 4 internal failure.\n";

/* The output format OUT's extension implies; 0 when it implies none. */
static int format_from_path(const char *path, ag_export_format *f)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash))
        return 0;
    dot++;
    if (strcmp(dot, "json") == 0)
        *f = AG_EXPORT_JSON;
    else if (strcmp(dot, "graphml") == 0 || strcmp(dot, "xml") == 0)
        *f = AG_EXPORT_GRAPHML;
    else if (strcmp(dot, "gml") == 0)
        *f = AG_EXPORT_GML;
    else if (strcmp(dot, "cyjs") == 0)
        *f = AG_EXPORT_CYTOSCAPE;
    else
        return 0;
    return 1;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"to", required_argument, NULL, 't'},
        {"quiet", no_argument, NULL, 'q'},
        CLI_INPUT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ag_export_opts xo;
    cli_input in;
    ag_graph *g = NULL;
    ag_blob blob = {NULL, 0};
    ag_output out;
    ag_error err;
    ag_status st;
    int c, has_to = 0, quiet = 0, rc;

    ag_export_opts_init(&xo);
    xo.format = AG_EXPORT_JSON;
    cli_input_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":t:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            if (!ag_export_format_parse(optarg, &xo.format) || xo.format == AG_EXPORT_DOT_JSON)
                return cli_usage_error("convert",
                                       "unknown output format '%s' (json, graphml, gml, node-link, "
                                       "cytoscape, graphology, jgf)",
                                       optarg);
            has_to = 1;
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            return AG_EXIT_OK;
        case ':':
            return cli_usage_error("convert", "option '%s' needs a value", argv[optind - 1]);
        default:
            if (cli_input_option(&in, c, optarg, "convert", &rc))
                break;
            if (rc)
                return rc;
            return cli_usage_error("convert", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 2)
        return cli_usage_error("convert", "needs IN and OUT");
    if (!has_to && strcmp(argv[optind + 1], "-") != 0 &&
        !format_from_path(argv[optind + 1], &xo.format))
        return cli_usage_error("convert",
                               "cannot tell the format of '%s': use --to or an extension "
                               ".json, .graphml, .gml or .cyjs",
                               argv[optind + 1]);
    rc = cli_load_input(argv[optind], &in, &g);
    if (rc != AG_EXIT_OK)
        return rc;
    ag_error_clear(&err);
    if ((st = ag_export(g, &xo, &blob, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    out.path = argv[optind + 1];
    out.data = blob.data;
    out.len = blob.len;
    rc = cli_write_outputs(&out, 1, NULL, argv[optind], &in, quiet);
cleanup:
    ag_blob_free(&blob);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_convert = {
    .name = "convert",
    .summary = "convert a graph between JSON, CSV, GraphML, GML and DOT",
    .usage = usage,
    .run = run,
};
