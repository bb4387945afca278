/* actorgraph validate: check graph files and report every problem. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/audit.h"

#include "cli.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph validate [-q] [--audit [--format text|json]] [FILE]...\n"
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
    "With --audit, each valid file is then audited for its evidence: the\n"
    "relations without evidence, those whose evidence cites one source only,\n"
    "the speculative ones, and per actor how many of its relations fall in\n"
    "each list. (Evidence citing a source not in the file is an error the\n"
    "check itself reports.) JSON: one object per file.\n"
    "\n"
    "Options:\n"
    "  -q, --quiet   print nothing for valid files (the audit is still printed)\n"
    "      --audit   list the relations that rest on little or no evidence\n"
    "  -f, --format FMT\n"
    "                the audit as text (default) or json\n"
    CLI_INPUT_OPTIONS_HELP
    "  -h, --help    show this help\n"
    "\n"
    "Exit status: 0 every file valid, 1 usage error, 2 a file is invalid or\n"
    "unreadable.\n";

/* "SOURCE -> TARGET" (or "<->" when mutual) for relation r, malloc'd. */
static char *pair_text(const ag_graph *g, const ag_relation *r)
{
    const char *a = g->actors[r->source].id, *b = g->actors[r->target].id;
    size_t n = strlen(a) + strlen(b) + 6;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s %s %s", a, r->mutual ? "<->" : "->", b);
    return s;
}

/* Display width of s once escaped. */
static int escaped_width(const char *s)
{
    char *e = cli_escape(s);
    int w = e ? cli_text_width(e) : (int)strlen(s);
    free(e);
    return w;
}

/* The sources r's evidence cites, distinct, comma-separated, malloc'd. */
static char *cited_sources(const ag_relation *r)
{
    size_t n = 1;
    for (size_t k = 0; k < r->n_evidence; k++)
        n += strlen(r->evidence[k].source) + 2;
    char *s = malloc(n), *p = s;
    if (!s)
        return NULL;
    *p = '\0';
    for (size_t k = 0; k < r->n_evidence; k++) {
        size_t j = 0;
        while (j < k && strcmp(r->evidence[j].source, r->evidence[k].source) != 0)
            j++;
        if (j < k)
            continue; /* a few items per relation: no map needed */
        p += sprintf(p, "%s%s", p == s ? "" : ", ", r->evidence[k].source);
    }
    return s;
}

static void print_list(const ag_graph *g, const char *heading, const size_t *idx, size_t n,
                       int with_sources)
{
    int wid = 2, wpair = 4, wtype = 4;
    printf("%s (%zu)%s\n", heading, n, n ? ":" : "");
    for (size_t k = 0; k < n; k++) {
        const ag_relation *r = &g->relations[idx[k]];
        char *pt = pair_text(g, r);
        int w = escaped_width(r->id);
        wid = w > wid ? w : wid;
        w = pt ? escaped_width(pt) : 0;
        wpair = w > wpair ? w : wpair;
        w = escaped_width(r->type);
        wtype = w > wtype ? w : wtype;
        free(pt);
    }
    wid = wid > 16 ? 16 : wid;
    wpair = wpair > 40 ? 40 : wpair;
    wtype = wtype > 24 ? 24 : wtype;
    for (size_t k = 0; k < n; k++) {
        const ag_relation *r = &g->relations[idx[k]];
        char *pt = pair_text(g, r);
        fputs("  ", stdout);
        cli_print_cell(stdout, r->id, wid, 0);
        fputs("  ", stdout);
        cli_print_cell(stdout, pt ? pt : "?", wpair, 0);
        fputs("  ", stdout);
        cli_print_cell(stdout, r->type, wtype, 0);
        printf(with_sources ? "  %-11s" : "  %s", ag_confidence_name(r->confidence));
        if (with_sources) {
            char *cs = cited_sources(r);
            fputs("  ", stdout);
            cli_put_escaped(stdout, cs ? cs : "?");
            free(cs);
        }
        fputc('\n', stdout);
        free(pt);
    }
}

static void print_audit_text(const ag_graph *g, const ag_audit *a)
{
    int wactor = 5;
    printf("evidence audit: %zu relation%s: %zu without evidence, %zu on a single source, "
           "%zu speculative\n",
           g->n_relations, g->n_relations == 1 ? "" : "s", a->n_unsupported,
           a->n_single_source, a->n_speculative);
    print_list(g, "without evidence", a->unsupported, a->n_unsupported, 0);
    print_list(g, "on a single source", a->single_source, a->n_single_source, 1);
    print_list(g, "speculative", a->speculative, a->n_speculative, 0);
    for (size_t i = 0; i < g->n_actors; i++) {
        int w = escaped_width(g->actors[i].id);
        wactor = w > wactor ? w : wactor;
    }
    wactor = wactor > 24 ? 24 : wactor;
    fputs("per actor:\n  ", stdout);
    cli_print_cell(stdout, "actor", wactor, 0);
    fputs("  relations  no evidence  one source  speculative\n", stdout);
    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_audit_actor *c = &a->actors[i];
        fputs("  ", stdout);
        cli_print_cell(stdout, g->actors[i].id, wactor, 0);
        printf("  %9zu  %11zu  %10zu  %11zu\n", c->relations, c->unsupported,
               c->single_source, c->speculative);
    }
}

/* The relations of list idx as JSON objects; NULL when out of memory. */
static json_t *json_list(const ag_graph *g, const size_t *idx, size_t n, int with_sources)
{
    json_t *arr = json_array();
    for (size_t k = 0; arr && k < n; k++) {
        const ag_relation *r = &g->relations[idx[k]];
        json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:b, s:s}", "id", r->id, "source",
                              g->actors[r->source].id, "target", g->actors[r->target].id,
                              "type", r->type, "mutual", r->mutual, "confidence",
                              ag_confidence_name(r->confidence));
        if (o && with_sources) {
            json_t *cites = json_array();
            for (size_t e = 0; cites && e < r->n_evidence; e++) {
                size_t j = 0;
                while (j < e && strcmp(r->evidence[j].source, r->evidence[e].source) != 0)
                    j++;
                if (j == e && json_array_append_new(cites, json_string(r->evidence[e].source)))
                    json_decref(cites), cites = NULL;
            }
            if (!cites || json_object_set_new(o, "cites", cites))
                json_decref(o), o = NULL;
        }
        if (!o || json_array_append_new(arr, o))
            json_decref(arr), arr = NULL;
    }
    return arr;
}

/* Prints the audit as one JSON object; returns -1 when out of memory. */
static int print_audit_json(const char *display, const ag_graph *g, const ag_audit *a)
{
    json_t *actors = json_array(), *root;
    int rc = -1;
    for (size_t i = 0; actors && i < g->n_actors; i++) {
        const ag_audit_actor *c = &a->actors[i];
        json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:I}", "id", g->actors[i].id, "relations",
                              (json_int_t)c->relations, "without_evidence",
                              (json_int_t)c->unsupported, "single_source",
                              (json_int_t)c->single_source, "speculative",
                              (json_int_t)c->speculative);
        if (!o || json_array_append_new(actors, o))
            json_decref(actors), actors = NULL;
    }
    root = json_pack("{s:s, s:I, s:{s:I, s:I, s:I}, s:o*, s:o*, s:o*, s:o*}", "file", display,
                     "relations", (json_int_t)g->n_relations, "counts", "without_evidence",
                     (json_int_t)a->n_unsupported, "single_source",
                     (json_int_t)a->n_single_source, "speculative", (json_int_t)a->n_speculative,
                     "without_evidence", json_list(g, a->unsupported, a->n_unsupported, 0),
                     "single_source", json_list(g, a->single_source, a->n_single_source, 1),
                     "speculative", json_list(g, a->speculative, a->n_speculative, 0), "actors",
                     actors);
    if (root && json_object_size(root) == 7 &&
        json_dumpf(root, stdout, JSON_INDENT(2)) == 0) {
        fputc('\n', stdout);
        rc = 0;
    }
    json_decref(root);
    return rc;
}

/* audit: 0 none, 1 text, 2 JSON. */
static int validate_one(const char *path, const cli_input *in, int quiet, int audit)
{
    ag_graph *g = NULL;
    int rc = cli_load_input(path, in, &g);
    const char *display = path ? (strcmp(path, "-") == 0 ? "<stdin>" : path)
                               : cli_default_graph();
    if (rc == AG_EXIT_OK && !quiet && audit != 2) {
        cli_put_escaped(stdout, display);
        printf(": valid: %zu actor%s, %zu relation%s, %zu source%s\n", g->n_actors,
               g->n_actors == 1 ? "" : "s", g->n_relations, g->n_relations == 1 ? "" : "s",
               g->n_sources, g->n_sources == 1 ? "" : "s");
    }
    if (rc == AG_EXIT_OK && audit) {
        ag_audit a;
        ag_error err;
        ag_error_clear(&err);
        if (ag_audit_graph(g, &a, &err) != AG_OK) {
            cli_print_error(&err);
            rc = AG_EXIT_INTERNAL;
        } else if (audit == 1) {
            print_audit_text(g, &a);
        } else if (print_audit_json(display, g, &a) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
        ag_audit_free(&a);
    }
    ag_graph_free(g);
    return rc;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"quiet", no_argument, NULL, 'q'},
        {"audit", no_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        CLI_INPUT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int quiet = 0, audit = 0, json = 0, format_given = 0, c, worst = AG_EXIT_OK, rc;
    cli_input in;

    cli_input_init(&in);
    in.all_warnings = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "qf:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'q':
            quiet = 1;
            cli_progress_quiet();
            break;
        case 'a':
            audit = 1;
            break;
        case 'f':
            format_given = 1;
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "text") == 0)
                json = 0;
            else
                return cli_usage_error("validate", "unknown format '%s' (text, json)", optarg);
            break;
        default:
            if (cli_other_option(&in, c, "validate", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (format_given && !audit)
        return cli_usage_error("validate", "--format needs --audit");
    if (audit && json)
        audit = 2;
    if (optind == argc)
        return validate_one(NULL, &in, quiet, audit);
    for (int i = optind; i < argc; i++) {
        rc = validate_one(argv[i], &in, quiet, audit);
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
