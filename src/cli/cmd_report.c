/* actorgraph report: per-actor centralities and a graph summary. */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "cli.h"
#include "sensitivity.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph report [FILE] [--format table|csv|json|md] [--top N]\n"
    "                         [--sort METRIC] [--ties positive|negative|all]\n"
    "                         [--paths auto|exact|none] [--blocs] [--sensitivity]\n"
    "                         [-q]\n"
    "\n"
    "Print each actor's centralities and a summary of the graph: density,\n"
    "reciprocity, components, share of conflict, structural balance.\n"
    "Conventions (docs/analysis.md): the unsigned measures run on the chosen\n"
    "ties (cooperative by default) with weight as strength and 1/weight as\n"
    "distance; pos_degree, neg_degree and pn use every relation's sign.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT   table (default, 80 columns), csv, json or md\n"
    "  -n, --top N        only the first N actors\n"
    "  -s, --sort KEY     a metric (default pagerank, largest first), ambiguity or\n"
    "                     brokerage (both imply --blocs), or id or name\n"
    "  -t, --ties WHICH   positive (default), negative or all\n"
    "  -p, --paths WHEN   betweenness, closeness and harmonic need a shortest-path\n"
    "                     search from every actor: auto (default) leaves them out\n"
    "                     past 2e9 actors x ties (about half a minute here), saying so;\n"
    "                     exact computes them whatever the size; none never\n"
    "  -b, --blocs        also each actor's signed bloc (as clusters finds it with\n"
    "                     its defaults), ambiguity and brokerage (docs/analysis.md)\n"
    "      --sensitivity  instead of the report, remove each relation in turn and\n"
    "                     list those whose removal changes the top N actors (--top,\n"
    "                     default 3) of a metric (every metric, or the one --sort\n"
    "                     names), or the blocs; flags speculative relations and\n"
    "                     those on one piece of evidence or none (at most 1000\n"
    "                     relations)\n"
    "  -q, --quiet        no progress line on a terminal\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -h, --help         show this help\n"
    "\n"
    "Metrics: in_degree out_degree in_strength out_strength pos_degree\n"
    "neg_degree betweenness closeness harmonic pagerank eigenvector hub\n"
    "authority pn; with --blocs, bloc, ambiguity (the share of the actor's tie\n"
    "weight that goes against its bloc) and brokerage (betweenness between\n"
    "actors of different blocs; past 2e8 actors x ties only with --paths exact).\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid input, 4 internal failure.\n";

/* numbered as sensitivity.h numbers them (cli_sens_format_parse) */
enum { FMT_TABLE = CLI_SENS_TABLE, FMT_CSV = CLI_SENS_CSV, FMT_JSON = CLI_SENS_JSON,
       FMT_MD = CLI_SENS_MD };
enum { SORT_METRIC, SORT_ID, SORT_NAME, SORT_AMBIGUITY, SORT_BROKERAGE };

typedef struct report {
    const ag_graph *g;
    const char *input;
    ag_metrics m;
    ag_summary sum;
    ag_balance bal;
    int blocs;          /* --blocs: part and roles are computed and shown */
    ag_partition part;  /* the signed blocs, clusters' default options */
    ag_bloc_roles roles;
    ag_paths paths;
    ag_ties ties;
    int sort_kind;
    ag_metric sort_metric;
    size_t *order, shown;
    long top;
} report;

static const report *sort_ctx;

/* By name then id, or by id. */
static int by_key(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const ag_graph *g = sort_ctx->g;
    int c = sort_ctx->sort_kind == SORT_NAME ? strcmp(g->actors[a].name, g->actors[b].name) : 0;
    return c ? c : strcmp(g->actors[a].id, g->actors[b].id);
}

/* The sort key's name. */
static const char *sort_name(const report *r)
{
    switch (r->sort_kind) {
    case SORT_ID: return "id";
    case SORT_NAME: return "name";
    case SORT_AMBIGUITY: return "ambiguity";
    case SORT_BROKERAGE: return "brokerage";
    default: return ag_metric_name(r->sort_metric);
    }
}

static void print_value(FILE *out, ag_metric k, double v)
{
    if (isnan(v))
        return; /* missing: an empty field */
    if (ag_metric_is_count(k))
        fprintf(out, "%.0f", v);
    else
        fprintf(out, "%.12g", v);
}

/* The notes on scores that need a word (docs/analysis.md, "When the scores
 * are not unique"), one per flag, naming the metrics that carry it. */
static const struct {
    unsigned flag;
    const char *key, *text;
} notes[] = {
    {AG_MF_MISSING, "missing",
     "not computed: no eigensolver converged (the other metrics are unaffected)"},
    {AG_MF_NO_CYCLE, "no_cycle",
     "0 for every actor: the ties form no cycle, so no actor's score can feed back to it"},
    {AG_MF_NOT_UNIQUE, "not_unique",
     "not unique: the largest eigenvalue is repeated (e.g. two equally strong separate "
     "parts); shown is the projection of equal scores onto its eigenvectors"},
    {AG_MF_OUTSIDE, "outside",
     "actors with ties that score 0 lie outside the part of the tie graph with the "
     "largest eigenvalue (the most tightly knit part), which takes all the weight; "
     "compare parts with pagerank or harmonic"},
    {AG_MF_SKIPPED, "skipped",
     "not computed: a shortest-path search from every actor would take too long at "
     "this size (--paths exact computes them anyway)"},
    {AG_MF_PN_LIMIT, "pn_limit",
     "two actors with one negative tie make PN's system singular; shown is the "
     "formula's limit, 1/2"},
};
enum { N_NOTES = sizeof notes / sizeof *notes };

/* Writes into names the metrics (comma separated) that carry flag; returns
 * how many. */
static int flagged(const report *r, unsigned flag, char *names, size_t size)
{
    int k = 0;
    names[0] = '\0';
    for (int i = 0; i < AG_METRIC_COUNT; i++)
        if (r->m.flags[i] & flag) {
            size_t len = strlen(names);
            snprintf(names + len, size - len, "%s%s", k ? ", " : "", ag_metric_name((ag_metric)i));
            k++;
        }
    if (flag == AG_MF_SKIPPED && r->roles.brokerage_skipped) {
        size_t len = strlen(names);
        snprintf(names + len, size - len, "%sbrokerage", k ? ", " : "");
        k++;
    }
    return k;
}

/* The notes as lines "BULLETmetrics: text", wrapped at 78 columns. */
static void print_notes(const report *r, FILE *out, const char *bullet)
{
    char names[256];
    for (int i = 0; i < N_NOTES; i++) {
        const char *t = notes[i].text;
        size_t col;
        if (!flagged(r, notes[i].flag, names, sizeof names))
            continue;
        col = (size_t)fprintf(out, "%s%s:", bullet, names);
        while (*t) {
            size_t w = strcspn(t, " ");
            if (col + 1 + w > 78) {
                fprintf(out, "\n%*s", (int)strlen(bullet) + 2, "");
                col = strlen(bullet) + 2;
            } else {
                fputc(' ', out);
                col++;
            }
            fwrite(t, 1, w, out);
            col += w;
            t += w;
            while (*t == ' ')
                t++;
        }
        fputc('\n', out);
    }
}

static void print_csv(const report *r, FILE *out)
{
    fputs("id,name", out);
    for (int k = 0; k < AG_METRIC_COUNT; k++)
        fprintf(out, ",%s", ag_metric_name((ag_metric)k));
    fputs(r->blocs ? ",bloc,ambiguity,brokerage\n" : "\n", out);
    for (size_t i = 0; i < r->shown; i++) {
        size_t a = r->order[i];
        cli_put_csv_field(out, r->g->actors[a].id);
        fputc(',', out);
        cli_put_csv_field(out, r->g->actors[a].name);
        for (int k = 0; k < AG_METRIC_COUNT; k++) {
            fputc(',', out);
            print_value(out, (ag_metric)k, r->m.v[k][a]);
        }
        if (r->blocs) {
            fprintf(out, ",%zu,%.12g,", r->part.bloc[a] + 1, r->roles.ambiguity[a]);
            if (!isnan(r->roles.brokerage[a]))
                fprintf(out, "%.12g", r->roles.brokerage[a]);
        }
        fputc('\n', out);
    }
}

static void print_summary_lines(const report *r, FILE *out, const char *bullet)
{
    const ag_summary *s = &r->sum;
    fprintf(out, "%sactors %zu, relations %zu; %s ties %zu, density %.3f, reciprocity %.3f\n",
            bullet, s->actors, s->relations, ag_ties_name(r->ties), s->ties, s->density,
            s->reciprocity);
    fprintf(out, "%scomponents: %zu weak, %zu strong; conflict: %zu of %zu relations (%.1f%%)\n",
            bullet, s->weak_components, s->strong_components, s->conflict_relations,
            s->relations, 100.0 * s->conflict_share);
    fprintf(out, "%sbalance: %zu signed triangles, %zu balanced, index %.3f (strict: +++ and +--)\n",
            bullet, r->bal.triangles, r->bal.balanced, r->bal.index);
    if (r->blocs)
        fprintf(out, "%sblocs: %zu (signed, seed %lu, as clusters finds them), %zu ties against them\n",
            bullet, r->part.n_blocs, r->part.seed, r->part.frustration_count);
}

static void print_table(const report *r, FILE *out)
{
    static const struct {
        ag_metric k;
        const char *head;
        int width;
    } left[] = {{AG_M_IN_DEGREE, "in", 4},        {AG_M_OUT_DEGREE, "out", 4},
                {AG_M_IN_STRENGTH, "in_str", 8},  {AG_M_OUT_STRENGTH, "out_str", 8},
                {AG_M_POS_DEGREE, "pos", 4},      {AG_M_NEG_DEGREE, "neg", 4},
                {AG_M_PN, "pn", 7}},
      right[] = {{AG_M_BETWEENNESS, "betw", 7}, {AG_M_CLOSENESS, "clos", 7},
                 {AG_M_HARMONIC, "harm", 7},    {AG_M_PAGERANK, "pagerank", 9},
                 {AG_M_EIGENVECTOR, "eigen", 7}, {AG_M_HUB, "hub", 7},
                 {AG_M_AUTHORITY, "auth", 7}};
    const int name_w = 22;

    cli_put_escaped(out, r->g->title ? r->g->title : r->g->name);
    cli_put_selection(out, r->g);
    fputs("\n\n", out);
    print_summary_lines(r, out, "  ");
    for (int part = 0; part < 2; part++) {
        size_t cols = part == 0 ? sizeof left / sizeof *left : sizeof right / sizeof *right;
        fputc('\n', out);
        cli_print_cell(out, "actor", name_w, 0);
        for (size_t c = 0; c < cols; c++) {
            fputc(' ', out);
            cli_print_cell(out, part == 0 ? left[c].head : right[c].head,
                           part == 0 ? left[c].width : right[c].width, 1);
        }
        fputc('\n', out);
        for (size_t i = 0; i < r->shown; i++) {
            size_t a = r->order[i];
            cli_print_cell(out, r->g->actors[a].name, name_w, 0);
            for (size_t c = 0; c < cols; c++) {
                ag_metric k = part == 0 ? left[c].k : right[c].k;
                int w = part == 0 ? left[c].width : right[c].width;
                double v = r->m.v[k][a];
                fputc(' ', out);
                if (isnan(v))
                    fprintf(out, "%*s", w, "-");
                else if (ag_metric_is_count(k))
                    fprintf(out, "%*.0f", w, v);
                else if (k == AG_M_IN_STRENGTH || k == AG_M_OUT_STRENGTH)
                    fprintf(out, "%*.2f", w, v);
                else
                    fprintf(out, "%*.3f", w, v);
            }
            fputc('\n', out);
        }
    }
    if (r->blocs) {
        fputc('\n', out);
        cli_print_cell(out, "actor", name_w, 0);
        fputs(" bloc   ambig    brok\n", out);
    }
    for (size_t i = 0; r->blocs && i < r->shown; i++) {
        size_t a = r->order[i];
        cli_print_cell(out, r->g->actors[a].name, name_w, 0);
        fprintf(out, " %4zu %7.3f", r->part.bloc[a] + 1, r->roles.ambiguity[a]);
        if (isnan(r->roles.brokerage[a]))
            fprintf(out, " %7s\n", "-");
        else
            fprintf(out, " %7.3f\n", r->roles.brokerage[a]);
    }
    fprintf(out, "\nin/out: degree, in_str/out_str: strength (%s ties); pos/neg: signed\n"
                 "degree; pn: PN centrality; betw: betweenness; clos: closeness; harm:\n"
                 "harmonic; eigen: eigenvector; auth: authority.%s Sorted by %s.\n",
            ag_ties_name(r->ties),
            r->blocs ? " bloc: signed bloc; ambig:\nambiguity; brok: between-bloc brokerage."
                     : "",
            sort_name(r));
    for (int i = 0; i < N_NOTES; i++)
        if (flagged(r, notes[i].flag, (char[256]){0}, 256)) {
            fputs("\nNotes (docs/analysis.md):\n", out);
            print_notes(r, out, "- ");
            break;
        }
}

static void print_md_cell(FILE *out, const char *text)
{
    char *safe = cli_escape(text);
    const char *s = safe ? safe : "?";
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else
            fputc(*s, out);
    }
    free(safe);
}

static void print_md(const report *r, FILE *out)
{
    fputs("## ", out);
    print_md_cell(out, r->g->title ? r->g->title : r->g->name);
    cli_put_selection(out, r->g);
    fputs("\n\n", out);
    print_summary_lines(r, out, "- ");
    fputs("\n| actor | id |", out);
    for (int k = 0; k < AG_METRIC_COUNT; k++)
        fprintf(out, " %s |", ag_metric_name((ag_metric)k));
    fputs(r->blocs ? " bloc | ambiguity | brokerage |\n|---|---|" : "\n|---|---|", out);
    for (int k = 0; k < AG_METRIC_COUNT; k++)
        fputs("---:|", out);
    fputs(r->blocs ? "---:|---:|---:|\n" : "\n", out);
    for (size_t i = 0; i < r->shown; i++) {
        size_t a = r->order[i];
        fputs("| ", out);
        print_md_cell(out, r->g->actors[a].name);
        fputs(" | ", out);
        print_md_cell(out, r->g->actors[a].id);
        fputs(" |", out);
        for (int k = 0; k < AG_METRIC_COUNT; k++) {
            double v = r->m.v[k][a];
            if (isnan(v))
                fputs(" - |", out);
            else if (ag_metric_is_count((ag_metric)k))
                fprintf(out, " %.0f |", v);
            else
                fprintf(out, " %.3f |", v);
        }
        if (!r->blocs) {
            fputc('\n', out);
            continue;
        }
        fprintf(out, " %zu | %.3f |", r->part.bloc[a] + 1, r->roles.ambiguity[a]);
        if (isnan(r->roles.brokerage[a]))
            fputs(" - |\n", out);
        else
            fprintf(out, " %.3f |\n", r->roles.brokerage[a]);
    }
    for (int i = 0; i < N_NOTES; i++)
        if (flagged(r, notes[i].flag, (char[256]){0}, 256)) {
            fputs("\nNotes (docs/analysis.md):\n\n", out);
            print_notes(r, out, "- ");
            break;
        }
}

/* graph.notes: [{"case": KEY, "metrics": [...], "text": ...}], one per flag
 * that some metric carries; [] when there is nothing to say. */
static json_t *notes_json(const report *r)
{
    json_t *a = json_array();
    for (int i = 0; a && i < N_NOTES; i++) {
        json_t *o, *metrics;
        if (!flagged(r, notes[i].flag, (char[256]){0}, 256))
            continue;
        o = json_object();
        metrics = json_array();
        for (int k = 0; k < AG_METRIC_COUNT; k++)
            if (r->m.flags[k] & notes[i].flag)
                json_array_append_new(metrics, json_string(ag_metric_name((ag_metric)k)));
        if (notes[i].flag == AG_MF_SKIPPED && r->roles.brokerage_skipped)
            json_array_append_new(metrics, json_string("brokerage"));
        json_object_set_new(o, "case", json_string(notes[i].key));
        json_object_set_new(o, "metrics", metrics);
        json_object_set_new(o, "text", json_string(notes[i].text));
        json_array_append_new(a, o);
    }
    return a;
}

static int print_json(const report *r, FILE *out)
{
    json_t *root = json_object(), *actors = json_array(), *graph = json_object(),
           *manifest = json_object(), *opts = json_object(), *bal = json_object();
    int rc = -1;
    if (!root || !actors || !graph || !manifest || !opts || !bal)
        goto cleanup;
    for (size_t i = 0; i < r->shown; i++) {
        size_t a = r->order[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(actors, o) != 0)
            goto cleanup;
        json_object_set_new(o, "id", json_string(r->g->actors[a].id));
        json_object_set_new(o, "name", json_string(r->g->actors[a].name));
        for (int k = 0; k < AG_METRIC_COUNT; k++) {
            double v = r->m.v[k][a];
            json_object_set_new(o, ag_metric_name((ag_metric)k),
                                isnan(v)                         ? json_null()
                                : ag_metric_is_count((ag_metric)k) ? json_integer((json_int_t)v)
                                                                 : json_real(v));
        }
        if (!r->blocs)
            continue;
        json_object_set_new(o, "bloc", json_integer((json_int_t)r->part.bloc[a] + 1));
        json_object_set_new(o, "ambiguity", json_real(r->roles.ambiguity[a]));
        json_object_set_new(o, "brokerage", isnan(r->roles.brokerage[a])
                                                ? json_null()
                                                : json_real(r->roles.brokerage[a]));
    }
    json_object_set_new(graph, "title", json_string(r->g->title));
    json_object_set_new(graph, "actors", json_integer((json_int_t)r->sum.actors));
    json_object_set_new(graph, "relations", json_integer((json_int_t)r->sum.relations));
    json_object_set_new(graph, "ties", json_integer((json_int_t)r->sum.ties));
    json_object_set_new(graph, "density", json_real(r->sum.density));
    json_object_set_new(graph, "reciprocity", json_real(r->sum.reciprocity));
    json_object_set_new(graph, "weak_components", json_integer((json_int_t)r->sum.weak_components));
    json_object_set_new(graph, "strong_components",
                        json_integer((json_int_t)r->sum.strong_components));
    json_object_set_new(graph, "conflict_relations",
                        json_integer((json_int_t)r->sum.conflict_relations));
    json_object_set_new(graph, "conflict_share", json_real(r->sum.conflict_share));
    json_object_set_new(bal, "triangles", json_integer((json_int_t)r->bal.triangles));
    json_object_set_new(bal, "balanced", json_integer((json_int_t)r->bal.balanced));
    json_object_set_new(bal, "index", json_real(r->bal.index));
    json_object_set_new(graph, "balance", bal);
    if (r->blocs)
        json_object_set_new(graph, "blocs", json_integer((json_int_t)r->part.n_blocs));
    bal = NULL;
    json_object_set_new(graph, "notes", notes_json(r));

    json_object_set_new(opts, "ties", json_string(ag_ties_name(r->ties)));
    json_object_set_new(opts, "sort",
                        json_string(sort_name(r)));
    json_object_set_new(opts, "top", r->top > 0 ? json_integer(r->top) : json_null());
    json_object_set_new(opts, "paths", json_string(cli_paths_name(r->paths)));
    json_object_set_new(opts, "blocs", json_boolean(r->blocs));
    cli_manifest_start(manifest, r->input, r->g, "report", opts);
    opts = NULL;
    if (cli_manifest_selection(manifest, r->g) != 0)
        goto cleanup;
    json_object_set_new(manifest, "seed", json_null());
    json_object_set_new(manifest, "actorgraph", json_string(ag_version()));

    json_object_set_new(root, "actors", actors);
    json_object_set_new(root, "graph", graph);
    json_object_set_new(root, "manifest", manifest);
    actors = graph = manifest = NULL;
    if (cli_print_json(out, root) == 0)
        rc = 0;
cleanup:
    json_decref(root);
    json_decref(actors);
    json_decref(graph);
    json_decref(manifest);
    json_decref(opts);
    json_decref(bal);
    return rc;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"top", required_argument, NULL, 'n'},
        {"sort", required_argument, NULL, 's'},   {"ties", required_argument, NULL, 't'},
        {"paths", required_argument, NULL, 'p'},  {"quiet", no_argument, NULL, 'q'},
        {"blocs", no_argument, NULL, 'b'},       {"sensitivity", no_argument, NULL, 'S'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    report r;
    ag_graph *g = NULL;
    cli_input in;
    ag_error err;
    ag_status st;
    int c, fmt = FMT_TABLE, rc, sensitivity = 0, sort_metric_given = 0;
    const char *input;

    memset(&r, 0, sizeof r);
    r.sort_metric = AG_M_PAGERANK;
    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:n:s:t:p:bqh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!cli_sens_format_parse(optarg, &fmt))
                return cli_usage_error("report", "unknown format '%s' (table, csv, json, md)",
                                       optarg);
            break;
        case 'n':
            if (!cli_parse_long(optarg, 1, LONG_MAX, &r.top))
                return cli_usage_error("report", "--top needs a positive whole number, not '%s'",
                                       optarg);
            break;
        case 's':
            sort_metric_given = 0;
            if (strcmp(optarg, "id") == 0)
                r.sort_kind = SORT_ID;
            else if (strcmp(optarg, "name") == 0)
                r.sort_kind = SORT_NAME;
            else if (strcmp(optarg, "ambiguity") == 0)
                r.sort_kind = SORT_AMBIGUITY;
            else if (strcmp(optarg, "brokerage") == 0)
                r.sort_kind = SORT_BROKERAGE;
            else if (ag_metric_parse(optarg, &r.sort_metric)) {
                r.sort_kind = SORT_METRIC;
                sort_metric_given = 1;
            } else
                return cli_usage_error("report",
                                       "unknown sort key '%s' (id, name, %s, ambiguity, brokerage)",
                                       optarg, cli_metric_list());
            break;
        case 'p':
            if (!cli_paths_parse(optarg, &r.paths))
                return cli_usage_error("report", "unknown --paths '%s' (auto, exact, none)",
                                       optarg);
            break;
        case 'q':
            cli_progress_quiet();
            break;
        case 'b':
            r.blocs = 1;
            break;
        case 'S':
            sensitivity = 1;
            break;
        case 't':
            if (!ag_ties_parse(optarg, &r.ties))
                return cli_usage_error("report", "unknown ties '%s' (positive, negative, all)",
                                       optarg);
            break;
        default:
            if (cli_other_option(&in, c, "report", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("report", "too many arguments: '%s'", argv[optind + 1]);
    input = optind < argc ? argv[optind] : NULL;
    rc = cli_load_input(input, &in, &g);
    if (rc != AG_EXIT_OK)
        return rc;
    r.g = g;
    r.input = input ? input : cli_default_graph();
    ag_error_clear(&err);
    if (sensitivity && (r.sort_kind == SORT_AMBIGUITY || r.sort_kind == SORT_BROKERAGE)) {
        rc = cli_usage_error("report", "--sensitivity compares the top actors of a metric of "
                                       "report, not of %s",
                             sort_name(&r));
        goto cleanup;
    }
    if (sensitivity) {
        ag_sensitivity_opts so;
        ag_sensitivity sens;
        memset(&so, 0, sizeof so);
        /* every metric, or the one --sort names */
        so.metrics = sort_metric_given ? 1u << r.sort_metric : (1u << AG_METRIC_COUNT) - 1;
        so.ties = r.ties;
        so.paths = r.paths;
        so.top = r.top > 0 ? (size_t)r.top : 3;
        so.blocs = true;
        ag_cluster_opts_init(&so.cluster);
        if ((st = ag_sensitivity_compute(g, &so, &sens, &err)) != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        if (cli_print_sensitivity(stdout, g, &sens, &so, fmt, "report", r.input) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
        ag_sensitivity_destroy(&sens);
        goto cleanup;
    }
    if ((st = ag_metrics_compute_paths(g, r.ties, r.paths, &r.m, &err)) != AG_OK ||
        (st = ag_summary_compute(g, r.ties, &r.sum, &err)) != AG_OK ||
        (st = ag_balance_compute(g, &r.bal, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    if (r.sort_kind == SORT_AMBIGUITY || r.sort_kind == SORT_BROKERAGE)
        r.blocs = 1;
    if (r.blocs) {
        ag_cluster_opts co;
        ag_cluster_opts_init(&co);
        if ((st = ag_cluster(g, &co, &r.part, &err)) != AG_OK ||
            (st = ag_bloc_roles_compute(g, r.part.bloc, r.ties, r.paths, &r.roles, &err)) !=
                AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
    }
    for (int k = 0; k < AG_METRIC_COUNT; k++)
        if (r.m.flags[k] & AG_MF_MISSING)
            fprintf(stderr, "actorgraph: warning: %s: not computed, no eigensolver converged; "
                            "the other metrics are reported\n",
                    ag_metric_name((ag_metric)k));
    if (r.m.flags[AG_M_BETWEENNESS] & AG_MF_SKIPPED && r.paths == AG_PATHS_AUTO)
        fprintf(stderr,
                "actorgraph: %zu actors: betweenness, closeness and harmonic left out, a "
                "shortest-path search from every actor would take too long (--paths exact to "
                "wait for them; pagerank ranks actors at any size)\n",
                g->n_actors);
    if (r.roles.brokerage_skipped && r.paths == AG_PATHS_AUTO)
        fprintf(stderr,
                "actorgraph: %zu actors: brokerage left out, a second shortest-path search from "
                "every actor would take too long (--paths exact to wait for it)\n",
                g->n_actors);
    r.order = malloc((g->n_actors + 1) * sizeof *r.order);
    if (!r.order) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    if (r.sort_kind == SORT_ID || r.sort_kind == SORT_NAME) {
        for (size_t i = 0; i < g->n_actors; i++)
            r.order[i] = i;
        sort_ctx = &r;
        qsort(r.order, g->n_actors, sizeof *r.order, by_key);
    } else if ((st = ag_metric_order(g, r.sort_kind == SORT_AMBIGUITY   ? r.roles.ambiguity
                                        : r.sort_kind == SORT_BROKERAGE ? r.roles.brokerage
                                                                        : r.m.v[r.sort_metric],
                                     r.order, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    r.shown = r.top > 0 && (size_t)r.top < g->n_actors ? (size_t)r.top : g->n_actors;

    switch (fmt) {
    case FMT_CSV: print_csv(&r, stdout); break;
    case FMT_MD: print_md(&r, stdout); break;
    case FMT_JSON:
        if (print_json(&r, stdout) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
        break;
    default: print_table(&r, stdout); break;
    }
cleanup:
    free(r.order);
    ag_metrics_destroy(&r.m);
    ag_balance_destroy(&r.bal);
    ag_partition_destroy(&r.part);
    ag_bloc_roles_destroy(&r.roles);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_report = {
    .name = "report",
    .summary = "centralities per actor and a summary of the graph",
    .usage = usage,
    .run = run,
};
