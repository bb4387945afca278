/* actorgraph convert: from one graph format to another. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/export.h"
#include "cli.h"

static const char usage[] =
    "usage: actorgraph convert IN OUT [--from FMT] [--to FMT] [--actors FILE] [-q]\n"
    "\n"
    "Read IN in any input format (json, csv, graphml, gml, dot) and write OUT.\n"
    "Formats come from the extensions, or --from and --to. OUT formats: json\n"
    "(actorgraph, every default written out), csv (OUT and OUT's name with\n"
    ".actors.csv: x.csv and x.actors.csv), graphml, gml, dot (as render\n"
    "writes it), and the other export formats (node-link, cytoscape,\n"
    "graphology, jgf, dot-json; extensions as export names its files:\n"
    ".node-link.json, .cyjs, .graphology.json, .jgf.json, .gv.json). '-' is\n"
    "standard input or output (JSON unless --from or --to say otherwise).\n"
    "A graph converted to GraphML, GML or DOT and back keeps every actor and\n"
    "relation with all their fields; CSV keeps what docs/interop.md lists.\n"
    "OUT (and for CSV its actors file) is replaced atomically (devices and\n"
    "FIFOs are written in place); OUT naming IN or --actors is refused. Says on\n"
    "standard error what it wrote.\n"
    "\n"
    "Options:\n"
    "  -t, --to FMT        output format\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -q, --quiet         do not say which file was written\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid input, 3 output not\n"
    "written, 4 internal failure.\n";

/* Output formats by name: the export formats, csv and dot. */
int cli_out_format_parse(const char *name, int *f)
{
    ag_export_format x;
    if (strcmp(name, "csv") == 0)
        *f = CLI_OUT_CSV;
    else if (strcmp(name, "dot") == 0)
        *f = CLI_OUT_DOT;
    else if (ag_export_format_parse(name, &x))
        *f = (int)x;
    else
        return 0;
    return 1;
}

/* The output format OUT's name implies, by its longest known ending (the
 * names `export` gives its files first); 0 when it implies none. */
int cli_out_format_from_path(const char *path, int *f)
{
    static const struct {
        const char *ending;
        int format;
    } endings[] = {
        {".node-link.json", AG_EXPORT_NODE_LINK}, {".graphology.json", AG_EXPORT_GRAPHOLOGY},
        {".jgf.json", AG_EXPORT_JGF},             {".gv.json", AG_EXPORT_DOT_JSON},
        {".cyjs", AG_EXPORT_CYTOSCAPE},           {".json", AG_EXPORT_JSON},
        {".graphml", AG_EXPORT_GRAPHML},          {".xml", AG_EXPORT_GRAPHML},
        {".gml", AG_EXPORT_GML},                  {".csv", CLI_OUT_CSV},
        {".dot", CLI_OUT_DOT},                        {".gv", CLI_OUT_DOT},
    };
    const char *base = strrchr(path, '/');
    size_t n;
    base = base ? base + 1 : path;
    n = strlen(base);
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
        size_t e = strlen(endings[k].ending);
        if (n > e && strcmp(base + n - e, endings[k].ending) == 0) {
            *f = endings[k].format;
            return 1;
        }
    }
    return 0;
}

/* The actors file beside a relations CSV: x.csv -> x.actors.csv (malloc'd). */
char *cli_actors_path(const char *path)
{
    size_t n = strlen(path);
    char *p = malloc(n + sizeof ".actors.csv");
    if (!p)
        return NULL;
    if (n > 4 && strcmp(path + n - 4, ".csv") == 0)
        n -= 4;
    memcpy(p, path, n);
    strcpy(p + n, ".actors.csv");
    return p;
}

ag_status cli_out_write(const ag_graph *g, int f, ag_blob *out, ag_blob *actors, ag_error *err)
{
    ag_export_opts xo;
    if (f == CLI_OUT_CSV)
        return ag_csv_write(g, out, actors, err);
    if (f == CLI_OUT_DOT) {
        ag_format dot = AG_FMT_DOT;
        return ag_render(g, NULL, &dot, 1, out, err);
    }
    ag_export_opts_init(&xo);
    xo.format = (ag_export_format)f;
    return ag_export(g, &xo, out, err);
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"to", required_argument, NULL, 't'},
        {"quiet", no_argument, NULL, 'q'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    cli_input in;
    ag_graph *g = NULL;
    ag_blob blob = {NULL, 0}, actors = {NULL, 0};
    ag_output out[2];
    ag_error err;
    ag_status st;
    char *apath = NULL;
    int c, has_to = 0, quiet = 0, rc, format = AG_EXPORT_JSON;

    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":t:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            if (optarg[0] >= '0' && optarg[0] <= '9') { /* --to DATE: a selection */
                if (!cli_input_option(&in, CLI_OPT_TO, optarg, "convert", &rc))
                    return rc;
                break;
            }
            if (!cli_out_format_parse(optarg, &format))
                return cli_usage_error("convert",
                                       "unknown output format '%s' (json, csv, graphml, gml, dot, "
                                       "node-link, cytoscape, graphology, jgf, dot-json)",
                                       optarg);
            has_to = 1;
            break;
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        default:
            if (cli_other_option(&in, c, "convert", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (argc - optind != 2)
        return cli_usage_error("convert", "needs IN and OUT");
    if (!has_to && strcmp(argv[optind + 1], "-") != 0 &&
        !cli_out_format_from_path(argv[optind + 1], &format))
        return cli_usage_error("convert",
                               "cannot tell the format of '%s': use --to or an extension "
                               ".json, .csv, .graphml, .gml, .dot, .node-link.json, .cyjs, "
                               ".graphology.json, .jgf.json or .gv.json",
                               argv[optind + 1]);
    if (format == CLI_OUT_CSV && strcmp(argv[optind + 1], "-") == 0)
        return cli_usage_error("convert", "CSV is two files (relations and actors): give OUT "
                                          "a file name, not '-'");
    rc = cli_load_input(argv[optind], &in, &g);
    if (rc != AG_EXIT_OK)
        return rc;
    ag_error_clear(&err);
    st = cli_out_write(g, format, &blob, &actors, &err);
    if (st == AG_OK && format == CLI_OUT_CSV && !(apath = cli_actors_path(argv[optind + 1])))
        st = ag_error_set(&err, AG_ENOMEM, "out of memory");
    if (st != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    out[0].path = argv[optind + 1];
    out[0].data = blob.data;
    out[0].len = blob.len;
    out[1].path = apath;
    out[1].data = actors.data;
    out[1].len = actors.len;
    rc = cli_write_outputs(out, apath ? 2 : 1, NULL, argv[optind], &in, quiet);
cleanup:
    free(apath);
    ag_blob_free(&blob);
    ag_blob_free(&actors);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_convert = {
    .name = "convert",
    .summary = "convert a graph between JSON, CSV, GraphML, GML and DOT",
    .usage = usage,
    .run = run,
};
