/* actorgraph events: GDELT and ICEWS event files (or a dyad CSV) to a
 * dated, signed, evidenced graph (docs/events.md). */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph events FILE... [-o OUT] [--format FMT] [--actors country|code]\n"
    "                         [--by sign|root|type] [--period PERIOD] [--min-events N]\n"
    "                         [--weight goldstein|volume] [--strict] [-q]\n"
    "       actorgraph events --print-sql [--sql-table NAME] [--actors ...] [--by ...]\n"
    "                         [--period ...] [--min-events N]\n"
    "\n"
    "Read CAMEO-coded event files and write a graph of the relations they\n"
    "record: events are summed per ordered pair of actors, per group (--by)\n"
    "and per period, and each such dyad becomes one relation (sign and weight\n"
    "from the mean Goldstein score, confidence from the number of sources,\n"
    "evidence with the counts, mean tone and the most-mentioned URLs). The\n"
    "rules are in docs/events.md. FILEs may be plain, .gz or .zip (recognised\n"
    "by their first bytes); '-' reads standard input; several FILEs are read\n"
    "in turn. Bad rows are reported with file and line and skipped; a summary\n"
    "goes to standard error.\n"
    "\n"
    "Without -o, writes out/NAME.json, NAME being the first FILE's name without\n"
    "its extensions. OUT may be any format 'convert' writes (by its extension).\n"
    "Beside OUT goes OUT's name with .manifest.json: the inputs with their\n"
    "SHA-256, the options and the summary (none when OUT is '-', a device or a\n"
    "FIFO). Nothing is written when an input is unreadable, truncated or\n"
    "corrupt.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT     the graph file\n"
    "  -f, --format FMT     gdelt2 (61 columns), gdelt1 (57 or 58), icews, dyads\n"
    "                       (the dyad CSV) or auto: each file's first line (default)\n"
    "      --actors KIND    country: states, ISO 3166-1 alpha-3 (default); code:\n"
    "                       GDELT's actor codes as they are (RUSGOV)\n"
    "      --by GROUP       sign: cooperation/conflict (default); root: CAMEO root\n"
    "                       class (cameo01..cameo20); type: the relation type of\n"
    "                       the vocabulary, else the root class\n"
    "      --period P       day, week, month, quarter, year or all (default)\n"
    "      --min-events N   drop dyads of fewer than N events (default 1)\n"
    "      --weight W       goldstein: |mean Goldstein| / 10 (default); volume: that\n"
    "                       times log(1+events) / log(1+most events of a dyad)\n"
    "      --strict         a bad row is an error (exit 2), not skipped\n"
    "      --print-sql      print the same aggregation as one SQL query over the\n"
    "                       GDELT events table (BigQuery, Spark SQL, DuckDB,\n"
    "                       SQLite); save its result as CSV and read it back with\n"
    "                       --format dyads (where --weight applies). Not for\n"
    "                       --period week, which has no portable SQL form\n"
    "      --sql-table NAME the table the query reads (default events; BigQuery:\n"
    "                       '`gdelt-bq.gdeltv2.events`')\n"
    "  -q, --quiet          no summary, progress or 'wrote' lines\n"
    "  -h, --help           show this help\n"
    "\n"
    "The ISO 3166-1 table comes from iso-codes: $ACTORGRAPH_ISO_3166, else\n"
    "/usr/share/iso-codes/json/iso_3166-1.json.\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid or unreadable input,\n"
    "3 output not written, 4 internal failure.\n";

/* The dataset a layout comes from, for the graph's source. */
static const struct {
    const char *name, *author, *url;
} datasets[] = {
    [AG_EV_AUTO] = {"Events", NULL, NULL},
    [AG_EV_GDELT2] = {"GDELT 2.0 Events", "The GDELT Project", "https://www.gdeltproject.org/"},
    [AG_EV_GDELT1] = {"GDELT 1.0 Events", "The GDELT Project", "https://www.gdeltproject.org/"},
    [AG_EV_ICEWS] = {"ICEWS Coded Event Data", "Boschee et al.",
                     "https://doi.org/10.7910/DVN/28075"},
    [AG_EV_DYADS] = {"Event dyads", NULL, NULL},
};

/* The file's name without directory and extensions (.gz, .zip, then one
 * more): malloc'd. */
static char *stem_of(const char *path)
{
    const char *base = strrchr(path, '/');
    char *s, *dot;
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    base = base ? base + 1 : path;
    if (!(s = strdup(base)))
        return NULL;
    for (int k = 0; k < 2; k++) {
        dot = strrchr(s, '.');
        if (!dot || dot == s)
            break;
        if (k == 0 && strcmp(dot, ".gz") != 0 && strcmp(dot, ".zip") != 0 &&
            strcmp(dot, ".GZ") != 0 && strcmp(dot, ".ZIP") != 0) {
            *dot = '\0';
            break;
        }
        *dot = '\0';
    }
    if (!*s) {
        free(s);
        return strdup("events");
    }
    return s;
}

/* OUT's manifest: OUT without its last extension, then .manifest.json. */
static char *manifest_path(const char *out)
{
    const char *slash = strrchr(out, '/'), *dot = strrchr(out, '.');
    size_t n = strlen(out);
    char *p;
    if (dot && (!slash || dot > slash + 1))
        n = (size_t)(dot - out);
    if (!(p = malloc(n + sizeof ".manifest.json")))
        return NULL;
    memcpy(p, out, n);
    strcpy(p + n, ".manifest.json");
    return p;
}

static void print_summary(const ag_ev_summary *s)
{
    fprintf(stderr,
            "actorgraph: events: %" PRIu64 " rows: %" PRIu64 " used, %" PRIu64
            " skipped, %" PRIu64 " unplaced, %" PRIu64 " internal, %" PRIu64 " neutral\n",
            s->rows, s->used, s->skipped, s->unplaced, s->internal, s->neutral);
    if (s->skipped) {
        int first = 1;
        fputs("actorgraph: events: skipped:", stderr);
        for (int b = 0; b < AG_EV_BAD_COUNT; b++)
            if (s->skipped_by[b]) {
                fprintf(stderr, "%s %" PRIu64 " %s", first ? "" : ",", s->skipped_by[b],
                        ag_ev_bad_name((ag_ev_bad)b));
                first = 0;
            }
        fputc('\n', stderr);
    }
    if (s->n_unknown) {
        fputs("actorgraph: events: unplaced country names:", stderr);
        for (size_t i = 0; i < s->n_unknown; i++) {
            fprintf(stderr, "%s \"", i ? "," : "");
            cli_put_escaped(stderr, s->unknown[i]);
            fprintf(stderr, "\" (%" PRIu64 ")", s->unknown_count[i]);
        }
        fputc('\n', stderr);
    }
    fprintf(stderr,
            "actorgraph: events: %" PRIu64 " dyads: %" PRIu64 " relations, %" PRIu64
            " below --min-events, %" PRIu64 " neutral\n",
            s->dyads, s->relations, s->thin, s->neutral_dyads);
}

static json_t *summary_json(const ag_ev_summary *s)
{
    json_t *o = json_object(), *by = json_object();
    if (!o || !by) {
        json_decref(o);
        json_decref(by);
        return NULL;
    }
    json_object_set_new(o, "rows", json_integer((json_int_t)s->rows));
    json_object_set_new(o, "used", json_integer((json_int_t)s->used));
    json_object_set_new(o, "skipped", json_integer((json_int_t)s->skipped));
    for (int b = 0; b < AG_EV_BAD_COUNT; b++)
        json_object_set_new(by, ag_ev_bad_name((ag_ev_bad)b),
                            json_integer((json_int_t)s->skipped_by[b]));
    json_object_set_new(o, "skipped_by", by);
    json_object_set_new(o, "unplaced", json_integer((json_int_t)s->unplaced));
    json_object_set_new(o, "internal", json_integer((json_int_t)s->internal));
    json_object_set_new(o, "neutral", json_integer((json_int_t)s->neutral));
    json_object_set_new(o, "dyads", json_integer((json_int_t)s->dyads));
    json_object_set_new(o, "below_min_events", json_integer((json_int_t)s->thin));
    json_object_set_new(o, "neutral_dyads", json_integer((json_int_t)s->neutral_dyads));
    json_object_set_new(o, "relations", json_integer((json_int_t)s->relations));
    return o;
}

typedef struct run_state {
    ag_ev_opts o;
    char **files;
    size_t n_files;
    char (*sha)[65];
    ag_ev_format *fmt;
} run_state;

static char *manifest_text(const run_state *r, const ag_ev_summary *s)
{
    json_t *root = json_object(), *inputs = json_array(), *opts = json_object();
    char *text = NULL;
    if (!root || !inputs || !opts) {
        json_decref(root);
        json_decref(inputs);
        json_decref(opts);
        return NULL;
    }
    json_object_set_new(root, "command", json_string("events"));
    for (size_t i = 0; i < r->n_files; i++) {
        json_t *f = json_object();
        json_object_set_new(f, "input", json_string(r->files[i]));
        json_object_set_new(f, "sha256", json_string(r->sha[i]));
        json_object_set_new(f, "format", json_string(ag_ev_format_name(r->fmt[i])));
        json_object_set_new(f, "dataset", json_string(datasets[r->fmt[i]].name));
        json_array_append_new(inputs, f);
    }
    json_object_set_new(root, "inputs", inputs);
    json_object_set_new(opts, "format", json_string(ag_ev_format_name(r->o.format)));
    json_object_set_new(opts, "actors",
                        json_string(r->o.actors == AG_EV_ACTORS_CODE ? "code" : "country"));
    json_object_set_new(opts, "by", json_string(ag_ev_by_name(r->o.by)));
    json_object_set_new(opts, "period", json_string(ag_ev_period_name(r->o.period)));
    json_object_set_new(opts, "min_events", json_integer((json_int_t)r->o.min_events));
    json_object_set_new(opts, "weight",
                        json_string(r->o.weight == AG_EV_WEIGHT_VOLUME ? "volume" : "goldstein"));
    json_object_set_new(opts, "strict", json_boolean(r->o.strict));
    json_object_set_new(root, "options", opts);
    json_object_set_new(root, "summary", summary_json(s));
    json_object_set_new(root, "actorgraph", json_string(ag_version()));
    text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (text) {
        size_t n = strlen(text);
        char *t2 = realloc(text, n + 2);
        if (!t2) {
            free(text);
            return NULL;
        }
        t2[n] = '\n';
        t2[n + 1] = '\0';
        text = t2;
    }
    return text;
}

/* --print-sql: the query on standard output; nothing else is read or
 * written. */
static int print_query(const ag_ev_opts *o, const char *table, int n_files, const char *out)
{
    ag_events *ev = NULL;
    ag_error err;
    ag_status st;
    char *sql = NULL;
    int rc = AG_EXIT_OK;

    if (n_files > 0)
        return cli_usage_error("events", "--print-sql reads no FILE: it prints the query");
    if (out)
        return cli_usage_error("events", "--print-sql writes to standard output, not -o");
    if (o->format != AG_EV_AUTO && o->format != AG_EV_GDELT2 && o->format != AG_EV_GDELT1)
        return cli_usage_error("events", "--print-sql queries the GDELT events table, not "
                                         "--format %s", ag_ev_format_name(o->format));
    if (o->strict)
        return cli_usage_error("events", "--strict has no meaning for --print-sql");
    ag_error_clear(&err);
    if ((st = ag_events_new(o, &ev, &err)) != AG_OK ||
        (st = ag_events_sql(ev, table, &sql, &err)) != AG_OK) {
        if (st == AG_EARG)
            rc = cli_usage_error("events", "%s", err.message);
        else {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
        }
        goto cleanup;
    }
    if (fputs(sql, stdout) == EOF || fflush(stdout) != 0) {
        fprintf(stderr, "actorgraph: events: cannot write the query to standard output\n");
        rc = AG_EXIT_OUTPUT;
    }
cleanup:
    free(sql);
    ag_events_free(ev);
    return rc;
}

static int run(int argc, char **argv)
{
    enum {
        OPT_ACTORS = 0x200, OPT_BY, OPT_PERIOD, OPT_MIN, OPT_WEIGHT, OPT_STRICT, OPT_SQL,
        OPT_SQL_TABLE
    };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"actors", required_argument, NULL, OPT_ACTORS},
        {"by", required_argument, NULL, OPT_BY},
        {"period", required_argument, NULL, OPT_PERIOD},
        {"min-events", required_argument, NULL, OPT_MIN},
        {"weight", required_argument, NULL, OPT_WEIGHT},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"print-sql", no_argument, NULL, OPT_SQL},
        {"sql-table", required_argument, NULL, OPT_SQL_TABLE},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    run_state r;
    ag_events *ev = NULL;
    ag_graph *g = NULL;
    ag_diags diags;
    ag_error err;
    ag_status st;
    ag_blob blob = {NULL, 0}, actors = {NULL, 0};
    ag_output outs[3];
    const char **inputs = NULL;
    const ag_ev_dyad *dy;
    char *outpath = NULL, *apath = NULL, *mpath = NULL, *mtext = NULL, *title = NULL;
    const char *out_arg = NULL;
    size_t n_dy, n_out = 0;
    int c, quiet = 0, rc = AG_EXIT_OK, format = AG_EXPORT_JSON, print_sql = 0;
    const char *sql_table = NULL;
    ag_ev_format ds_fmt = AG_EV_AUTO;
    ag_ev_provenance prov;
    struct stat sb;

    memset(&r, 0, sizeof r);
    ag_ev_opts_init(&r.o);
    ag_diags_init(&diags);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:f:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            out_arg = optarg;
            break;
        case 'f':
            if (!ag_ev_format_parse(optarg, &r.o.format))
                return cli_usage_error("events", "unknown --format '%s' (gdelt2, gdelt1, icews, "
                                                 "dyads, auto)", optarg);
            break;
        case OPT_ACTORS:
            if (strcmp(optarg, "country") == 0)
                r.o.actors = AG_EV_ACTORS_COUNTRY;
            else if (strcmp(optarg, "code") == 0)
                r.o.actors = AG_EV_ACTORS_CODE;
            else
                return cli_usage_error("events", "unknown --actors '%s' (country, code)", optarg);
            break;
        case OPT_BY:
            if (!ag_ev_by_parse(optarg, &r.o.by))
                return cli_usage_error("events", "unknown --by '%s' (sign, root, type)", optarg);
            break;
        case OPT_PERIOD:
            if (!ag_ev_period_parse(optarg, &r.o.period))
                return cli_usage_error("events", "unknown --period '%s' (day, week, month, "
                                                 "quarter, year, all)", optarg);
            break;
        case OPT_MIN: {
            char *end;
            long long v = strtoll(optarg, &end, 10);
            if (*optarg < '0' || *optarg > '9' || *end || v < 1)
                return cli_usage_error("events", "--min-events must be a whole number of at "
                                                 "least 1, not '%s'", optarg);
            r.o.min_events = v;
            break;
        }
        case OPT_WEIGHT:
            if (strcmp(optarg, "goldstein") == 0)
                r.o.weight = AG_EV_WEIGHT_GOLDSTEIN;
            else if (strcmp(optarg, "volume") == 0)
                r.o.weight = AG_EV_WEIGHT_VOLUME;
            else
                return cli_usage_error("events", "unknown --weight '%s' (goldstein, volume)",
                                       optarg);
            break;
        case OPT_STRICT:
            r.o.strict = true;
            break;
        case OPT_SQL:
            print_sql = 1;
            break;
        case OPT_SQL_TABLE:
            sql_table = optarg;
            break;
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        default:
            if (cli_other_option(NULL, c, "events", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (print_sql)
        return print_query(&r.o, sql_table, argc - optind, out_arg);
    if (sql_table)
        return cli_usage_error("events", "--sql-table goes with --print-sql");
    if (optind >= argc)
        return cli_usage_error("events", "needs at least one FILE ('-' for standard input)");
    r.files = argv + optind;
    r.n_files = (size_t)(argc - optind);
    for (size_t i = 1; i < r.n_files; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(r.files[i], "-") == 0 && strcmp(r.files[j], "-") == 0)
                return cli_usage_error("events", "standard input ('-') can be read only once");
    if (out_arg && strcmp(out_arg, "-") != 0 && !cli_out_format_from_path(out_arg, &format))
        return cli_usage_error("events",
                               "cannot tell the format of '%s': use an extension .json, .csv, "
                               ".graphml, .gml, .dot, .node-link.json, .cyjs, "
                               ".graphology.json, .jgf.json or .gv.json",
                               out_arg);
    if (format == CLI_OUT_CSV && strcmp(out_arg, "-") == 0)
        return cli_usage_error("events", "CSV is two files: give -o a file name");

    r.sha = calloc(r.n_files, sizeof *r.sha);
    r.fmt = calloc(r.n_files, sizeof *r.fmt);
    inputs = calloc(r.n_files, sizeof *inputs);
    if (!r.sha || !r.fmt || !inputs)
        goto oom;
    ag_error_clear(&err);
    if ((st = ag_events_new(&r.o, &ev, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    for (size_t i = 0; i < r.n_files; i++) {
        const char *display = strcmp(r.files[i], "-") == 0 ? "<stdin>" : r.files[i];
        ag_error_clear(&err);
        st = ag_events_read(ev, r.files[i], display, &diags, r.sha[i], &r.fmt[i], &err);
        ag_diags_summarize(&diags, display);
        if (!quiet || st != AG_OK)
            cli_print_diags(&diags);
        ag_diags_destroy(&diags);
        ag_diags_init(&diags);
        if (st != AG_OK) {
            if (!(st == AG_EINVALID && r.o.strict))
                cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        ds_fmt = i == 0 || ds_fmt == r.fmt[i] ? r.fmt[i] : AG_EV_AUTO;
    }

    /* the graph */
    if (!(dy = ag_events_dyads(ev, &n_dy, &err))) {
        cli_print_error(&err);
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    {
        char *stem = stem_of(r.files[0]);
        size_t len;
        if (!stem)
            goto oom;
        len = strlen(datasets[ds_fmt].name) + strlen(stem) + 80;
        if (!(title = malloc(len))) {
            free(stem);
            goto oom;
        }
        if (r.n_files > 1)
            snprintf(title, len, "%s, %s and %zu more files: relations by %s",
                     datasets[ds_fmt].name, stem, r.n_files - 1, ag_ev_by_name(r.o.by));
        else
            snprintf(title, len, "%s, %s: relations by %s", datasets[ds_fmt].name, stem,
                     ag_ev_by_name(r.o.by));
        if (!out_arg) {
            size_t n = strlen(stem) + 16;
            if (!(outpath = malloc(n))) {
                free(stem);
                goto oom;
            }
            snprintf(outpath, n, "out/%s.json", stem);
        }
        free(stem);
    }
    prov.title = title;
    prov.dataset = datasets[ds_fmt].name;
    prov.author = datasets[ds_fmt].author;
    prov.url = datasets[ds_fmt].url;
    for (size_t i = 0; i < r.n_files; i++) {
        const char *slash = strrchr(r.files[i], '/');
        inputs[i] = strcmp(r.files[i], "-") == 0 ? "<stdin>" : slash ? slash + 1 : r.files[i];
    }
    prov.files = inputs;
    prov.n_files = r.n_files;
    ag_error_clear(&err);
    st = ag_events_build(ev, dy, n_dy, &r.o, &prov, &g, ag_events_summary(ev), &err);
    if (st != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    if (!quiet)
        print_summary(ag_events_summary(ev));

    /* the outputs */
    if (!out_arg)
        out_arg = outpath;
    ag_error_clear(&err);
    st = cli_out_write(g, format, &blob, &actors, &err);
    if (st != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    outs[n_out].path = out_arg;
    outs[n_out].data = blob.data;
    outs[n_out++].len = blob.len;
    if (format == CLI_OUT_CSV) {
        if (!(apath = cli_actors_path(out_arg)))
            goto oom;
        outs[n_out].path = apath;
        outs[n_out].data = actors.data;
        outs[n_out++].len = actors.len;
    }
    if (strcmp(out_arg, "-") != 0 && (stat(out_arg, &sb) != 0 || S_ISREG(sb.st_mode))) {
        if (!(mpath = manifest_path(out_arg)) ||
            !(mtext = manifest_text(&r, ag_events_summary(ev))))
            goto oom;
        outs[n_out].path = mpath;
        outs[n_out].data = mtext;
        outs[n_out++].len = strlen(mtext);
    }
    for (size_t i = 0; i < n_out; i++)
        if (outs[i].len == 0) {
            fprintf(stderr, "actorgraph: %s: the output is empty; nothing written\n",
                    outs[i].path);
            rc = AG_EXIT_INTERNAL;
            goto cleanup;
        }
    for (size_t i = 0; i < r.n_files; i++)
        inputs[i] = r.files[i];
    {
        ag_write_opts wo = {outpath ? "out" : NULL, inputs, r.n_files};
        cli_install_signal_handlers();
        ag_error_clear(&err);
        st = ag_write_outputs_ex(outs, n_out, &wo, &err);
        if (st != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 1);
            goto cleanup;
        }
        for (size_t i = 0; i < n_out && !quiet; i++)
            if (strcmp(outs[i].path, "-") != 0)
                fprintf(stderr, "actorgraph: wrote %s\n", outs[i].path);
    }
    rc = AG_EXIT_OK;
    goto cleanup;
oom:
    fprintf(stderr, "actorgraph: out of memory\n");
    rc = AG_EXIT_INTERNAL;
cleanup:
    ag_diags_destroy(&diags);
    ag_blob_free(&blob);
    ag_blob_free(&actors);
    ag_graph_free(g);
    ag_events_free(ev);
    free(r.sha);
    free(r.fmt);
    free(inputs);
    free(outpath);
    free(apath);
    free(mpath);
    free(mtext);
    free(title);
    return rc;
}

const ag_command ag_cmd_events = {
    .name = "events",
    .summary = "turn GDELT or ICEWS event files into a dated, signed graph",
    .usage = usage,
    .run = run,
};
