/* actorgraph brief: one self-contained HTML briefing page. */
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "cli.h"
#include "sensitivity.h"

static const char usage[] =
    "usage: actorgraph brief [FILE] [-o PATH] [--no-sensitivity] [-q]\n"
    "\n"
    "Write a briefing page: one self-contained HTML file (styles inline, no\n"
    "script, nothing fetched from the network) that a browser opens or prints.\n"
    "It holds the title and sources, the diagram as inline SVG (as 'actorgraph\n"
    "render' draws it, tooltips included), the blocs with their members and the\n"
    "ties against them (as 'actorgraph clusters' finds them, signed method, seed\n"
    "1), the top three actors on each metric of 'actorgraph report' (cooperative\n"
    "ties) with a line saying what the metric reads, structural balance and the\n"
    "heaviest unbalanced triangles, the fragile conclusions (the blocs and top\n"
    "actors that change when one relation alone is removed, as 'actorgraph\n"
    "report --sensitivity' finds them; up to 1000 relations), and the evidence\n"
    "table (relation, confidence, source, section, note). The page says which\n"
    "relations were\n"
    "selected. Without -o, writes out/NAME.html, NAME being the input's file\n"
    "name without extension; '-o -' writes to standard output. The file is\n"
    "replaced atomically: on any failure nothing is written.\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH   write to PATH\n"
    "      --no-sensitivity  leave the fragile conclusions out (they analyse the\n"
    "                      graph once per relation: seconds for hundreds)\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -q, --quiet         do not say which file was written\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid input, 3 output not\n"
    "written, 4 layout, rendering or analysis failed.\n";

/* How many actors per metric, and unbalanced triangles, the page lists. */
#define TOP_ACTORS 3
#define TOP_TRIANGLES 10
/* Relations listed per fragile conclusion; report --sensitivity lists all. */
#define FRAGILE_SHOWN 8

/* What each metric reads, in the order of ag_metric. */
static const char *const readings[AG_METRIC_COUNT] = {
    "how many actors tie to it (cooperative ties)",
    "how many actors it ties to (cooperative ties)",
    "the total weight of cooperative ties it receives",
    "the total weight of cooperative ties it gives",
    "how many actors it is on good terms with (signed ties)",
    "how many actors it is in conflict with (signed ties)",
    "how often it lies on the shortest cooperative paths between others: a broker",
    "how close it is, on cooperative paths, to every actor it reaches",
    "how close it is to everyone (harmonic mean, unreachable actors count 0)",
    "where cooperation flows: support from actors that are themselves supported",
    "tied to actors that are themselves central",
    "points to the actors that receive the most",
    "receives from the actors that give the most",
    "positive minus negative standing, counting friends of friends (Everett &amp; Borgatti)",
};

/* Writes s with &, <, >, " and ' escaped for HTML text and attributes. */
static void put_html(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}

static void put_actor(FILE *out, const ag_graph *g, size_t i)
{
    put_html(out, g->actors[i].name);
}

static const char style[] =
    "<style>\n"
    "body{font-family:sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}\n"
    "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:1.6em}\n"
    "table{border-collapse:collapse;margin:.5em 0}\n"
    "th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}\n"
    "th{background:#eee}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".diagram svg{max-width:100%;height:auto}.sel{color:#555}.flag{color:#b00}\n"
    ".fragile ul{margin:0;padding-left:1.2em}\n"
    "@media print{.diagram{page-break-inside:avoid}}\n"
    "</style>\n";

static void put_sources(FILE *out, const ag_graph *g)
{
    fputs("<h2 id=\"sources\">Sources</h2>\n<ul>\n", out);
    for (size_t i = 0; i < g->n_sources; i++) {
        const ag_source *s = &g->sources[i];
        fputs("<li>", out);
        if (s->url) {
            fputs("<a href=\"", out);
            put_html(out, s->url);
            fputs("\">", out);
        }
        put_html(out, s->title);
        if (s->url)
            fputs("</a>", out);
        if (s->author) {
            fputs(", ", out);
            put_html(out, s->author);
        }
        if (s->published) {
            fputs(", ", out);
            put_html(out, s->published);
        }
        fputs(" [", out);
        put_html(out, s->id);
        fputs("]</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void put_blocs(FILE *out, const ag_graph *g, const ag_partition *p, const size_t *leader)
{
    fprintf(out,
            "<h2 id=\"blocs\">Blocs</h2>\n<p>%zu blocs, as <code>actorgraph clusters</code> "
            "finds them (%s, seed %lu); each named by its most central member.</p>\n<table class=\"blocs\">\n<tr><th>bloc</th><th>members</th></tr>\n",
            p->n_blocs, p->algorithm, p->seed);
    for (size_t b = 0; b < p->n_blocs; b++) {
        int first = 1;
        fprintf(out, "<tr><td>%zu ", b + 1);
        put_actor(out, g, leader[b]);
        fputs(" bloc</td><td>", out);
        for (size_t v = 0; v < p->n; v++)
            if (p->bloc[v] == b) {
                fputs(first ? "" : ", ", out);
                put_actor(out, g, v);
                first = 0;
            }
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
    fprintf(out, "<p>%zu ties against the blocs, weight %.3f.</p>\n", p->frustration_count,
            p->frustration_weight);
    if (p->frustration_count == 0)
        return;
    fputs("<table class=\"frustration\">\n<tr><th>actor</th><th>actor</th><th>net tie</th>"
          "<th>against the blocs as</th></tr>\n",
          out);
    for (size_t i = 0; i < p->frustration_count; i++) {
        const ag_pair_tie *t = &p->frustrating[i];
        fputs("<tr><td>", out);
        put_actor(out, g, t->a);
        fputs("</td><td>", out);
        put_actor(out, g, t->b);
        fprintf(out, "</td><td class=\"num\">%+.2f</td><td>%s</td></tr>\n", t->s,
                t->s > 0 ? "cooperation between blocs" : "conflict inside a bloc");
    }
    fputs("</table>\n", out);
}

/* 0, or -1 when out of memory. */
static int put_metrics(FILE *out, const ag_graph *g, const ag_metrics *m)
{
    fprintf(out,
            "<h2 id=\"metrics\">Top actors</h2>\n<p>The first %d actors on each metric of "
            "<code>actorgraph report</code> (cooperative ties; docs/analysis.md).</p>\n"
            "<table class=\"metrics\">\n<tr><th>metric</th><th>what it reads</th>"
            "<th>top actors</th></tr>\n",
            TOP_ACTORS);
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        size_t top[TOP_ACTORS], n = 0;
        ag_error err;
        fprintf(out, "<tr><td>%s</td><td>%s</td><td>", ag_metric_name((ag_metric)k), readings[k]);
        if (m->flags[k] & (AG_MF_MISSING | AG_MF_SKIPPED)) {
            fputs("not computed at this size</td></tr>\n", out);
            continue;
        }
        if (ag_metric_top(g, m->v[k], TOP_ACTORS, top, &n, &err) != AG_OK)
            return -1;
        if (n == 0)
            fputs("every actor scores 0", out);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ", " : "", out);
            put_actor(out, g, top[i]);
            if (ag_metric_is_count((ag_metric)k))
                fprintf(out, " (%.0f)", m->v[k][top[i]]);
            else
                fprintf(out, " (%.3f)", m->v[k][top[i]]);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
    return 0;
}

static void put_balance(FILE *out, const ag_graph *g, const ag_balance *b)
{
    size_t shown = b->n_unbalanced < TOP_TRIANGLES ? b->n_unbalanced : TOP_TRIANGLES;
    fprintf(out,
            "<h2 id=\"balance\">Structural balance</h2>\n<p>%zu signed triangles, %zu balanced, "
            "index %.3f (strict: +++ and +-- balanced).</p>\n",
            b->triangles, b->balanced, b->index);
    if (shown == 0)
        return;
    fprintf(out, "<p>The heaviest unbalanced triangles (%zu of %zu):</p>\n"
                 "<table class=\"triangles\">\n<tr><th>actors</th><th>signs</th>"
                 "<th>weight</th></tr>\n",
            shown, b->n_unbalanced);
    for (size_t i = 0; i < shown; i++) {
        const ag_triangle *t = &b->unbalanced[i];
        fputs("<tr><td>", out);
        put_actor(out, g, t->a);
        fputs(", ", out);
        put_actor(out, g, t->b);
        fputs(", ", out);
        put_actor(out, g, t->c);
        fprintf(out, "</td><td>%s</td><td class=\"num\">%.2f</td></tr>\n",
                t->negatives == 1 ? "++-" : "---", t->weight);
    }
    fputs("</table>\n", out);
}

static void put_evidence_row(FILE *out, const ag_graph *g, const ag_relation *r,
                             const ag_evidence *e)
{
    long s;
    fputs("<tr><td>", out);
    put_actor(out, g, r->source);
    fputs(r->mutual ? " &harr; " : " &rarr; ", out);
    put_actor(out, g, r->target);
    fputs(": ", out);
    put_html(out, r->type);
    fprintf(out, " (%+d, %.2f)</td><td>%s</td><td>", r->sign, r->weight,
            ag_confidence_name(r->confidence));
    if (!e) {
        fputs("<em>no evidence</em></td><td></td><td></td></tr>\n", out);
        return;
    }
    s = ag_graph_find_source(g, e->source);
    put_html(out, s >= 0 ? g->sources[s].title : e->source);
    fputs("</td><td>", out);
    put_html(out, e->section);
    fputs("</td><td>", out);
    put_html(out, e->note);
    fputs("</td></tr>\n", out);
}

static void put_evidence(FILE *out, const ag_graph *g)
{
    fputs("<h2 id=\"evidence\">Evidence</h2>\n<table class=\"evidence\">\n<tr><th>relation</th>"
          "<th>confidence</th><th>source</th><th>section</th><th>note</th></tr>\n",
          out);
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        if (r->n_evidence == 0)
            put_evidence_row(out, g, r, NULL);
        for (size_t j = 0; j < r->n_evidence; j++)
            put_evidence_row(out, g, r, &r->evidence[j]);
    }
    fputs("</table>\n", out);
}

/* A relation in a sentence: "! r14 United States <-> Japan joint_exercise
 * (confirmed, 1 evidence)", the ! when it is speculative or rests on one
 * piece of evidence or none. */
static void put_relation(FILE *out, const ag_graph *g, const ag_relation *r)
{
    const char *f[2];
    if (cli_sensitivity_flags(r, f) > 0)
        fputs("<b class=\"flag\">!</b> ", out);
    put_html(out, r->id);
    fputc(' ', out);
    put_actor(out, g, r->source);
    fputs(r->mutual ? " &harr; " : " &rarr; ", out);
    put_actor(out, g, r->target);
    fputc(' ', out);
    put_html(out, r->type);
    fprintf(out, " (%s, %zu evidence)", ag_confidence_name(r->confidence), r->n_evidence);
}

/* The fragile conclusions: the blocs and each metric's top actors, each
 * with the relations whose removal alone changes it. s NULL: not computed,
 * for the reason why. 0, or -1 when out of memory. */
static int put_fragile(FILE *out, const ag_graph *g, const ag_sensitivity *s, const char *why)
{
    unsigned char *moved = NULL;
    /* per conclusion (0: the blocs, 1 + m: metric m) the relations that
       change it; SIZE_MAX for a metric not compared */
    size_t hits[1 + AG_METRIC_COUNT], robust = 0;
    int first = 1;

    fputs("<h2 id=\"fragile\">Fragile conclusions</h2>\n", out);
    if (!s) {
        fputs("<p>Not computed: ", out);
        put_html(out, why);
        fputs(".</p>\n", out);
        return 0;
    }
    fprintf(out,
            "<p>Each of the %zu relations was removed in turn and the blocs and the top %zu "
            "actors on each metric found again (<code>actorgraph report --sensitivity</code>; "
            "docs/analysis.md). %zu relation%s alone change%s a conclusion, %zu of them "
            "speculative or resting on one piece of evidence or none (<b class=\"flag\">!</b>)."
            "</p>\n",
            s->checked, s->k, s->n_items, s->n_items == 1 ? "" : "s",
            s->n_items == 1 ? "s" : "", cli_sensitivity_flagged(g, s));
    if (s->n_items == 0)
        return 0;
    for (int c = 0; c <= AG_METRIC_COUNT; c++) {
        hits[c] = c > 0 && (s->skipped & (1u << (c - 1))) ? SIZE_MAX : 0;
        for (size_t i = 0; i < s->n_items && hits[c] != SIZE_MAX; i++)
            hits[c] += c == 0 ? s->items[i].bloc != NULL : (s->items[i].metrics >> (c - 1)) & 1u;
        robust += hits[c] == 0;
    }
    if (!(moved = calloc(s->n + 1, 1)))
        return -1;
    fputs("<table class=\"fragile\">\n<tr><th>conclusion</th><th>changes when one of these "
          "is removed</th></tr>\n",
          out);
    for (int c = 0; c <= AG_METRIC_COUNT; c++) {
        int m = c - 1; /* -1: the blocs */
        const size_t *top = m >= 0 ? s->top + (size_t)m * s->k : NULL;
        size_t shown = 0;
        if (hits[c] == 0 || hits[c] == SIZE_MAX)
            continue;
        if (m < 0) {
            fprintf(out, "<tr><td>the %zu blocs</td><td><ul>\n", s->n_blocs);
        } else {
            fprintf(out, "<tr><td>top %zu by %s: ", s->k, ag_metric_name((ag_metric)m));
            first = 1;
            for (size_t i = 0; i < s->k; i++)
                if (top[i] != AG_NO_BLOC) {
                    fputs(first ? "" : ", ", out);
                    put_actor(out, g, top[i]);
                    first = 0;
                }
            fputs("</td><td><ul>\n", out);
        }
        for (size_t i = 0; i < s->n_items && shown < FRAGILE_SHOWN; i++) {
            const ag_sensitivity_item *it = &s->items[i];
            if (m < 0 ? it->bloc == NULL : !((it->metrics >> m) & 1u))
                continue;
            fputs("<li>", out);
            put_relation(out, g, &g->relations[it->relation]);
            if (m < 0) {
                if (cli_sensitivity_moved(s->n, s->bloc, s->n_blocs, it->bloc, it->n_blocs,
                                          moved) != 0) {
                    free(moved);
                    return -1;
                }
                fprintf(out, ": %zu blocs; moved: ", it->n_blocs);
                first = 1;
                for (size_t v = 0; v < s->n; v++)
                    if (moved[v]) {
                        fputs(first ? "" : ", ", out);
                        put_actor(out, g, v);
                        first = 0;
                    }
            } else {
                const size_t *after = it->top + (size_t)m * s->k;
                fputs(": out ", out);
                cli_sensitivity_put_diff(out, g, top, after, s->k, put_html);
                fputs("; in ", out);
                cli_sensitivity_put_diff(out, g, after, top, s->k, put_html);
            }
            fputs("</li>\n", out);
            shown++;
        }
        if (hits[c] > shown)
            fprintf(out, "<li>and %zu more (<code>actorgraph report --sensitivity</code> lists "
                         "them all)</li>\n",
                    hits[c] - shown);
        fputs("</ul></td></tr>\n", out);
    }
    fputs("</table>\n", out);
    free(moved);
    if (!robust)
        return 0;
    fputs("<p>No single relation changes ", out);
    first = 1;
    for (int c = 0; c <= AG_METRIC_COUNT; c++) {
        if (hits[c] != 0)
            continue;
        fputs(first ? "" : ", ", out);
        if (c == 0)
            fputs("the blocs", out);
        else
            fprintf(out, "the top %zu by %s", s->k, ag_metric_name((ag_metric)(c - 1)));
        first = 0;
    }
    fputs(".</p>\n", out);
    return 0;
}

/* The page, into *page (malloc'd). The svg blob is Graphviz's whole file;
 * only its <svg> element is kept. sens NULL: the fragile conclusions were
 * not computed, for the reason why. Returns 0, or -1 when out of memory. */
static int write_page(const ag_graph *g, const ag_blob *svg, const ag_partition *p,
                      const size_t *leader, const ag_metrics *m, const ag_balance *b,
                      const ag_sensitivity *sens, const char *why, char **page, size_t *len)
{
    FILE *out = open_memstream(page, len);
    const char *title = g->title ? g->title : g->name;
    const char *start = NULL;
    char sel[512];
    int rc;

    if (!out)
        return -1;
    for (size_t i = 0; i + 4 <= svg->len; i++)
        if (memcmp(svg->data + i, "<svg", 4) == 0) {
            start = svg->data + i;
            break;
        }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    put_html(out, title);
    fputs("</title>\n", out);
    fputs(style, out);
    fputs("</head>\n<body>\n<h1>", out);
    put_html(out, title);
    fputs("</h1>\n", out);
    if (g->description) {
        fputs("<p>", out);
        put_html(out, g->description);
        fputs("</p>\n", out);
    }
    sel[0] = '\0';
    if (g->selection)
        ag_selection_describe(g->selection, sel, sizeof sel);
    fputs("<p class=\"sel\">Relations: ", out);
    if (sel[0])
        put_html(out, sel);
    else
        fputs("all (no selection)", out);
    fprintf(out, "; %zu actors, %zu relations.</p>\n", g->n_actors, g->n_relations);
    put_sources(out, g);
    fputs("<h2 id=\"diagram\">Diagram</h2>\n<p>Hover over an actor or a tie for its details."
          "</p>\n<div class=\"diagram\">\n",
          out);
    if (start)
        fwrite(start, 1, (size_t)(svg->data + svg->len - start), out);
    fputs("</div>\n", out);
    put_blocs(out, g, p, leader);
    if (put_metrics(out, g, m) != 0 || put_fragile(out, g, sens, why) != 0) {
        fclose(out);
        free(*page);
        *page = NULL;
        return -1;
    }
    put_balance(out, g, b);
    put_evidence(out, g);
    fputs("<p class=\"sel\">Written by actorgraph ", out);
    put_html(out, ag_version());
    fputs(".</p>\n</body>\n</html>\n", out);
    rc = ferror(out) ? -1 : 0;
    if (fclose(out) != 0)
        rc = -1;
    return start ? rc : -1;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"no-sensitivity", no_argument, NULL, 'S'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *path = NULL;
    char *owned = NULL, *page = NULL;
    size_t page_len = 0, *leader = NULL;
    ag_format svg_fmt = AG_FMT_SVG;
    ag_blob svg = {NULL, 0};
    ag_render_opts ropts;
    ag_cluster_opts copts;
    ag_partition part;
    ag_metrics metrics;
    ag_balance bal;
    ag_sensitivity sens;
    ag_sensitivity_opts so;
    ag_output o;
    char why[160];
    ag_graph *g = NULL;
    cli_input in;
    ag_error err;
    ag_status st;
    int c, rc = AG_EXIT_OK, quiet = 0, sensitivity = 1, have_sens = 0;

    ag_render_opts_init(&ropts);
    ag_cluster_opts_init(&copts);
    cli_select_init(&in);
    memset(&part, 0, sizeof part);
    memset(&metrics, 0, sizeof metrics);
    memset(&bal, 0, sizeof bal);
    memset(&sens, 0, sizeof sens);
    memset(&so, 0, sizeof so);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            if (path)
                return cli_usage_error("brief", "only one -o");
            path = optarg;
            break;
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        case 'S':
            sensitivity = 0;
            break;
        case 'h':
            fputs(usage, stdout);
            return AG_EXIT_OK;
        case ':':
            return cli_usage_error("brief", "option '%s' needs a value", argv[optind - 1]);
        default:
            if (cli_input_option(&in, c, optarg, "brief", &rc))
                break;
            if (rc)
                return rc;
            if (optopt == 'o')
                return cli_usage_error("brief", "option '-o' needs a value");
            return cli_usage_error("brief", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("brief", "too many arguments: '%s'", argv[optind + 1]);

    rc = cli_load_input(optind < argc ? argv[optind] : NULL, &in, &g);
    if (rc != AG_EXIT_OK)
        goto cleanup;
    if (!path) {
        if (!(owned = cli_default_output(g, "html"))) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
            goto cleanup;
        }
        path = owned;
    }
    ag_error_clear(&err);
    if (g->n_actors > 0 && !(leader = calloc(g->n_actors, sizeof *leader))) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    if ((st = ag_cluster(g, &copts, &part, &err)) != AG_OK ||
        (st = ag_bloc_leaders(g, part.bloc, part.n_blocs, leader, &err)) != AG_OK ||
        (st = ag_metrics_compute(g, AG_TIES_POSITIVE, &metrics, &err)) != AG_OK ||
        (st = ag_balance_compute(g, &bal, &err)) != AG_OK ||
        (st = ag_render(g, &ropts, &svg_fmt, 1, &svg, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    /* the fragile conclusions: the page's own blocs and top actors */
    so.metrics = (1u << AG_METRIC_COUNT) - 1;
    so.ties = AG_TIES_POSITIVE;
    so.paths = AG_PATHS_AUTO;
    so.top = TOP_ACTORS;
    so.blocs = true;
    so.cluster = copts;
    snprintf(why, sizeof why, "--no-sensitivity");
    if (sensitivity && g->n_relations > AG_SENSITIVITY_MAX_RELATIONS) {
        snprintf(why, sizeof why,
                 "%zu relations, past the %d the check allows (it analyses the graph once "
                 "per relation); select fewer (--as-of, --from/--to, --min-confidence)",
                 g->n_relations, AG_SENSITIVITY_MAX_RELATIONS);
    } else if (sensitivity) {
        if ((st = ag_sensitivity_compute(g, &so, &sens, &err)) != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        have_sens = 1;
    }
    if (write_page(g, &svg, &part, leader, &metrics, &bal, have_sens ? &sens : NULL, why, &page,
                   &page_len) != 0) {
        fprintf(stderr, "actorgraph: brief: out of memory, or no <svg> in the diagram\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    o.path = path;
    o.data = page;
    o.len = page_len;
    rc = cli_write_outputs(&o, 1, owned ? "out" : NULL, optind < argc ? argv[optind] : NULL,
                           &in, quiet);
cleanup:
    free(page);
    free(owned);
    free(leader);
    ag_blob_free(&svg);
    ag_partition_destroy(&part);
    ag_metrics_destroy(&metrics);
    ag_balance_destroy(&bal);
    ag_sensitivity_destroy(&sens);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_brief = {
    .name = "brief",
    .summary = "write a self-contained HTML briefing page",
    .usage = usage,
    .run = run,
};
