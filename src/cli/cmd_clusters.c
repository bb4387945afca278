/* actorgraph clusters: alliance blocs, frustration and structural balance. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "cli.h"
#include "sensitivity.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph clusters [FILE] [--method signed|spinglass|leiden|louvain|\n"
    "                           walktrap|infomap] [--k K] [--alpha A] [--seed S]\n"
    "                           [--runs R] [--format table|csv|json|md]\n"
    "                           [--paths auto|exact|none] [--sensitivity] [-q]\n"
    "\n"
    "Find alliance blocs and measure structural balance. The default method,\n"
    "signed, finds the blocs with the least frustration (Doreian & Mrvar):\n"
    "positive ties between blocs plus negative ties inside them, by a local\n"
    "search that moves actors and merges blocs, restarted from several seeded\n"
    "starts. spinglass is igraph's spinglass with negative ties (Traag &\n"
    "Bruggeman 2009), which optimises signed modularity instead; the others\n"
    "detect communities of cooperative ties only. Every method reports the\n"
    "frustration of its blocs.\n"
    "\n"
    "Options:\n"
    "  -m, --method M    signed (default), spinglass, leiden, louvain, walktrap,\n"
    "                    infomap\n"
    "  -k, --k K         signed: at most K blocs per connected part (default: no\n"
    "                    limit); spinglass: at most K (default 25)\n"
    "  -a, --alpha A     signed: weight of a positive tie between blocs, against\n"
    "                    1 - A for a negative tie inside one (default 0.5)\n"
    "  -s, --seed S      seed of the random number generator (default 1)\n"
    "  -r, --runs R      run R times with seeds S, S+1, ...; report the best run\n"
    "                    and how stable each actor's bloc is across runs (the\n"
    "                    signed method's runs share the processors)\n"
    "  -p, --paths WHEN  brokerage needs a shortest-path search from every actor:\n"
    "                    auto (default) leaves it out past 2e8 actors x ties,\n"
    "                    saying so; exact computes it whatever the size; none never\n"
    "      --sensitivity instead, remove each relation in turn and list those whose\n"
    "                    removal changes the blocs (same options); flags speculative\n"
    "                    relations and those on one piece of evidence or none (at\n"
    "                    most 1000 relations)\n"
    "  -q, --quiet       no progress line on a terminal\n"
    "  -f, --format FMT  table (default), csv (one row per actor), json or md\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -h, --help        show this help\n"
    "\n"
    "Each bloc is named by its most central member: the one with the largest\n"
    "sum of positive ties to bloc-mates (ties broken by id). Each actor's\n"
    "ambiguity is the share of its tie weight that goes against its bloc\n"
    "(cooperation with other blocs, conflict inside its own); its brokerage the\n"
    "share of cooperative shortest paths between actors of different blocs that\n"
    "pass through it (docs/analysis.md).\n"
    "\n"
    "Exit status: 0 success, 1 usage error, 2 invalid input, 4 internal failure.\n";

/* numbered as sensitivity.h numbers them (cli_sens_format_parse) */
enum { FMT_TABLE = CLI_SENS_TABLE, FMT_CSV = CLI_SENS_CSV, FMT_JSON = CLI_SENS_JSON,
       FMT_MD = CLI_SENS_MD };

typedef struct result {
    const ag_graph *g;
    const char *input;
    ag_cluster_opts opts;
    ag_partition p;
    ag_balance bal;
    size_t *leader; /* each bloc's most central member (ag_bloc_leaders) */
    ag_bloc_roles roles; /* ambiguity and brokerage towards the blocs */
    ag_paths paths;
    char **shown; /* names escaped for the terminal, made on first use */
} result;

/* Actor i's name as the table and md outputs show it (escaped). */
static const char *actor(const result *r, size_t i)
{
    if (!r->shown[i] && !(r->shown[i] = cli_escape(r->g->actors[i].name)))
        return "?";
    return r->shown[i];
}

/* Members of each bloc as one line: "Name, Name, ...". */
static void print_members(const result *r, size_t b, FILE *out, int md)
{
    int first = 1;
    for (size_t v = 0; v < r->p.n; v++)
        if (r->p.bloc[v] == b) {
            fputs(first ? "" : ", ", out);
            fputs(actor(r, v), out);
            if (md) {
                fputs(" (", out);
                cli_put_escaped(out, r->g->actors[v].id);
                fputc(')', out);
            }
            first = 0;
        }
}

static size_t bloc_size(const result *r, size_t b)
{
    size_t k = 0;
    for (size_t v = 0; v < r->p.n; v++)
        k += r->p.bloc[v] == b;
    return k;
}

static void print_text(const result *r, FILE *out, int md)
{
    const char *h = md ? "### " : "";
    const char *li = md ? "- " : "  ";
    const ag_balance *b = &r->bal;
    size_t shown;

    fputs(md ? "## " : "", out);
    cli_put_escaped(out, r->g->title ? r->g->title : r->g->name);
    cli_put_selection(out, r->g);
    fputs("\n\n", out);
    fprintf(out, "method %s (%s", ag_cluster_method_name(r->opts.method), r->p.algorithm);
    if (r->opts.method == AG_CLUSTER_SIGNED)
        fprintf(out, ", alpha %g", r->opts.alpha);
    fprintf(out, "), seed %lu", r->p.seed);
    if (r->opts.runs > 1)
        fprintf(out, " (best of %d runs from seed %lu)", r->opts.runs, r->opts.seed);
    fprintf(out, "; %zu blocs\n\n", r->p.n_blocs);
    fprintf(out, "%sBlocs\n%s", h, md ? "\n" : "");
    for (size_t k = 0; k < r->p.n_blocs; k++) {
        fprintf(out, "%s%zu %s bloc (%zu): ", li, k + 1, actor(r, r->leader[k]), bloc_size(r, k));
        print_members(r, k, out, md);
        fputc('\n', out);
    }
    fprintf(out, "\n%sFrustration\n%s", h, md ? "\n" : "");
    fprintf(out, "%s%zu ties against the blocs, weight %.3f", li, r->p.frustration_count,
            r->p.frustration_weight);
    if (!isnan(r->p.modularity))
        fprintf(out, "; modularity of cooperative ties %.3f", r->p.modularity);
    fputc('\n', out);
    for (size_t i = 0; i < r->p.frustration_count; i++) {
        const ag_pair_tie *t = &r->p.frustrating[i];
        fprintf(out, "%s%s %s %s: %+.2f, %s\n", li, actor(r, t->a), t->s > 0 ? "+" : "-",
                actor(r, t->b), t->s, t->s > 0 ? "cooperation between blocs" : "conflict inside a bloc");
    }
    fprintf(out, "\n%sStructural balance (strict: +++ and +-- balanced)\n%s", h, md ? "\n" : "");
    fprintf(out, "%s%zu signed triangles, %zu balanced, index %.3f\n", li, b->triangles,
            b->balanced, b->index);
    shown = b->n_unbalanced < 10 ? b->n_unbalanced : 10;
    for (size_t i = 0; i < shown; i++) {
        const ag_triangle *t = &b->unbalanced[i];
        fprintf(out, "%sunbalanced: %s, %s, %s (%s, weight %.2f)\n", li, actor(r, t->a),
                actor(r, t->b), actor(r, t->c), t->negatives == 1 ? "++-" : "---", t->weight);
    }
    if (b->n_unbalanced > shown)
        fprintf(out, "%s... and %zu more (--format json lists all)\n", li,
                b->n_unbalanced - shown);
    fprintf(out, "\n%sAmbiguity and brokerage (docs/analysis.md)\n%s", h, md ? "\n" : "");
    if (!md) {
        fputs(li, out);
        cli_print_cell(out, "actor", 24, 0);
        fputs(" bloc ambiguity brokerage\n", out);
    }
    for (size_t v = 0; v < r->p.n; v++) {
        fputs(li, out);
        if (md) {
            fprintf(out, "%s: bloc %zu, ambiguity %.3f, brokerage ", actor(r, v), r->p.bloc[v] + 1,
                    r->roles.ambiguity[v]);
            if (isnan(r->roles.brokerage[v]))
                fputs("- (skipped at this size)\n", out);
            else
                fprintf(out, "%.3f\n", r->roles.brokerage[v]);
        } else {
            cli_print_cell(out, actor(r, v), 24, 0);
            fprintf(out, " %4zu %9.3f", r->p.bloc[v] + 1, r->roles.ambiguity[v]);
            if (isnan(r->roles.brokerage[v]))
                fprintf(out, " %9s\n", "-");
            else
                fprintf(out, " %9.3f\n", r->roles.brokerage[v]);
        }
    }
    if (r->p.stability) {
        fprintf(out, "\n%sStability over %d runs (mean Jaccard similarity of each actor's bloc)\n%s",
                h, r->opts.runs, md ? "\n" : "");
        for (size_t v = 0; v < r->p.n; v++) {
            fputs(li, out);
            if (md) {
                fprintf(out, "%s: %.2f\n", actor(r, v), r->p.stability[v]);
            } else {
                cli_print_cell(out, actor(r, v), 24, 0);
                fprintf(out, " %.2f\n", r->p.stability[v]);
            }
        }
    }
}

/* One row per actor in file order: id, name, bloc (from 1), the bloc's name
 * (its most central member), ambiguity, brokerage (empty when skipped) and,
 * with several runs, the stability. */
static void print_csv(const result *r, FILE *out)
{
    fputs(r->p.stability ? "id,name,bloc,bloc_name,ambiguity,brokerage,stability\n"
                         : "id,name,bloc,bloc_name,ambiguity,brokerage\n",
          out);
    for (size_t v = 0; v < r->p.n; v++) {
        cli_put_csv_field(out, r->g->actors[v].id);
        fputc(',', out);
        cli_put_csv_field(out, r->g->actors[v].name);
        fprintf(out, ",%zu,", r->p.bloc[v] + 1);
        cli_put_csv_field(out, r->g->actors[r->leader[r->p.bloc[v]]].name);
        fprintf(out, ",%.12g,", r->roles.ambiguity[v]);
        if (!isnan(r->roles.brokerage[v]))
            fprintf(out, "%.12g", r->roles.brokerage[v]);
        if (r->p.stability)
            fprintf(out, ",%.12g", r->p.stability[v]);
        fputc('\n', out);
    }
}

static json_t *ids_json(const result *r, const size_t *ids, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_string(r->g->actors[ids[i]].id));
    return a;
}

static int print_json(const result *r, FILE *out)
{
    json_t *root = json_object(), *memb = json_object(), *blocs = json_array(),
           *fr = json_object(), *frt = json_array(), *bal = json_object(), *unb = json_array(),
           *man = json_object(), *opts = json_object(), *stab = NULL, *amb = json_object(),
           *brk = json_object();
    int rc = -1;
    if (!root || !memb || !blocs || !fr || !frt || !bal || !unb || !man || !opts || !amb || !brk)
        goto cleanup;
    for (size_t v = 0; v < r->p.n; v++) {
        json_object_set_new(amb, r->g->actors[v].id, json_real(r->roles.ambiguity[v]));
        json_object_set_new(brk, r->g->actors[v].id, isnan(r->roles.brokerage[v])
                                                         ? json_null()
                                                         : json_real(r->roles.brokerage[v]));
    }
    for (size_t v = 0; v < r->p.n; v++)
        json_object_set_new(memb, r->g->actors[v].id, json_integer((json_int_t)r->p.bloc[v] + 1));
    for (size_t k = 0; k < r->p.n_blocs; k++) {
        json_t *b = json_object(), *members = json_array();
        for (size_t v = 0; v < r->p.n; v++)
            if (r->p.bloc[v] == k)
                json_array_append_new(members, json_string(r->g->actors[v].id));
        json_object_set_new(b, "id", json_integer((json_int_t)k + 1));
        json_object_set_new(b, "name", json_string(r->g->actors[r->leader[k]].name));
        json_object_set_new(b, "leader", json_string(r->g->actors[r->leader[k]].id));
        json_object_set_new(b, "members", members);
        json_array_append_new(blocs, b);
    }
    json_object_set_new(fr, "count", json_integer((json_int_t)r->p.frustration_count));
    json_object_set_new(fr, "weight", json_real(r->p.frustration_weight));
    for (size_t i = 0; i < r->p.frustration_count; i++) {
        const ag_pair_tie *t = &r->p.frustrating[i];
        json_t *o = json_object();
        size_t ends[2] = {t->a, t->b};
        json_object_set_new(o, "actors", ids_json(r, ends, 2));
        json_object_set_new(o, "s", json_real(t->s));
        json_array_append_new(frt, o);
    }
    json_object_set_new(fr, "ties", frt);
    frt = NULL;
    json_object_set_new(bal, "triangles", json_integer((json_int_t)r->bal.triangles));
    json_object_set_new(bal, "balanced", json_integer((json_int_t)r->bal.balanced));
    json_object_set_new(bal, "index", json_real(r->bal.index));
    for (size_t i = 0; i < r->bal.n_unbalanced; i++) {
        const ag_triangle *t = &r->bal.unbalanced[i];
        json_t *o = json_object();
        size_t ends[3] = {t->a, t->b, t->c};
        json_object_set_new(o, "actors", ids_json(r, ends, 3));
        json_object_set_new(o, "signs", json_string(t->negatives == 1 ? "++-" : "---"));
        json_object_set_new(o, "weight", json_real(t->weight));
        json_array_append_new(unb, o);
    }
    json_object_set_new(bal, "unbalanced", unb);
    unb = NULL;

    json_object_set_new(root, "method", json_string(ag_cluster_method_name(r->opts.method)));
    json_object_set_new(root, "algorithm", json_string(r->p.algorithm));
    json_object_set_new(root, "membership", memb);
    json_object_set_new(root, "blocs", blocs);
    json_object_set_new(root, "frustration", fr);
    json_object_set_new(root, "modularity",
                        isnan(r->p.modularity) ? json_null() : json_real(r->p.modularity));
    json_object_set_new(root, "balance", bal);
    json_object_set_new(root, "ambiguity", amb);
    json_object_set_new(root, "brokerage", brk);
    memb = blocs = fr = bal = amb = brk = NULL;
    if (r->p.stability) {
        stab = json_object();
        for (size_t v = 0; v < r->p.n; v++)
            json_object_set_new(stab, r->g->actors[v].id, json_real(r->p.stability[v]));
        json_object_set_new(root, "stability", stab);
        stab = NULL;
    }
    json_object_set_new(opts, "method", json_string(ag_cluster_method_name(r->opts.method)));
    json_object_set_new(opts, "algorithm", json_string(r->p.algorithm));
    json_object_set_new(opts, "k", r->opts.k > 0 ? json_integer(r->opts.k) : json_null());
    if (r->opts.method == AG_CLUSTER_SIGNED)
        json_object_set_new(opts, "alpha", json_real(r->opts.alpha));
    json_object_set_new(opts, "runs", json_integer(r->opts.runs));
    json_object_set_new(opts, "paths", json_string(cli_paths_name(r->paths)));
    cli_manifest_start(man, r->input, r->g, "clusters", opts);
    opts = NULL;
    if (cli_manifest_selection(man, r->g) != 0)
        goto cleanup;
    json_object_set_new(man, "seed", json_integer((json_int_t)r->opts.seed));
    json_object_set_new(man, "seed_reported", json_integer((json_int_t)r->p.seed));
    json_object_set_new(man, "actorgraph", json_string(ag_version()));
    json_object_set_new(root, "manifest", man);
    man = NULL;
    if (cli_print_json(out, root) == 0)
        rc = 0;
cleanup:
    json_decref(root);
    json_decref(memb);
    json_decref(blocs);
    json_decref(fr);
    json_decref(frt);
    json_decref(bal);
    json_decref(unb);
    json_decref(man);
    json_decref(opts);
    json_decref(stab);
    json_decref(amb);
    json_decref(brk);
    return rc;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"method", required_argument, NULL, 'm'}, {"k", required_argument, NULL, 'k'},
        {"alpha", required_argument, NULL, 'a'},  {"quiet", no_argument, NULL, 'q'},
        {"seed", required_argument, NULL, 's'},   {"runs", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'}, {"paths", required_argument, NULL, 'p'},
        {"sensitivity", no_argument, NULL, 'S'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    result r;
    ag_graph *g = NULL;
    cli_input in;
    ag_error err;
    ag_status st;
    int c, fmt = FMT_TABLE, rc, alpha_given = 0, sensitivity = 0;
    long v;
    const char *input;

    memset(&r, 0, sizeof r);
    ag_cluster_opts_init(&r.opts);
    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":m:k:a:s:r:f:p:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'm':
            if (!ag_cluster_method_parse(optarg, &r.opts.method))
                return cli_usage_error("clusters",
                                       "unknown method '%s' (signed, spinglass, leiden, louvain, "
                                       "walktrap, infomap)",
                                       optarg);
            break;
        case 'k':
            if (!cli_parse_long(optarg, 2, 1000000, &v))
                return cli_usage_error("clusters", "--k needs a whole number of at least 2, not '%s'",
                                       optarg);
            r.opts.k = (int)v;
            break;
        case 'a': {
            char *end;
            double a = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(a > 0 && a < 1))
                return cli_usage_error("clusters",
                                       "--alpha needs a number between 0 and 1 (exclusive), "
                                       "not '%s'",
                                       optarg);
            r.opts.alpha = a;
            alpha_given = 1;
            break;
        }
        case 'q':
            cli_progress_quiet();
            break;
        case 'S':
            sensitivity = 1;
            break;
        case 'p':
            if (!cli_paths_parse(optarg, &r.paths))
                return cli_usage_error("clusters", "unknown --paths '%s' (auto, exact, none)",
                                       optarg);
            break;
        case 's':
            if (!cli_parse_long(optarg, 0, 2147483647L, &v))
                return cli_usage_error("clusters", "--seed needs a whole number from 0 to 2147483647, not '%s'",
                                       optarg);
            r.opts.seed = (unsigned long)v;
            break;
        case 'r':
            if (!cli_parse_long(optarg, 1, 100000, &v))
                return cli_usage_error("clusters", "--runs needs a whole number >= 1, not '%s'",
                                       optarg);
            r.opts.runs = (int)v;
            break;
        case 'f':
            if (!cli_sens_format_parse(optarg, &fmt))
                return cli_usage_error("clusters", "unknown format '%s' (table, csv, json, md)", optarg);
            break;
        default:
            if (cli_other_option(&in, c, "clusters", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (r.opts.k && r.opts.method != AG_CLUSTER_SIGNED && r.opts.method != AG_CLUSTER_SPINGLASS)
        return cli_usage_error("clusters", "--k applies to the signed and spinglass methods only");
    if (alpha_given && r.opts.method != AG_CLUSTER_SIGNED)
        return cli_usage_error("clusters", "--alpha applies to the signed method only");
    if (argc - optind > 1)
        return cli_usage_error("clusters", "too many arguments: '%s'", argv[optind + 1]);
    input = optind < argc ? argv[optind] : NULL;
    rc = cli_load_input(input, &in, &g);
    if (rc != AG_EXIT_OK)
        return rc;
    r.g = g;
    r.input = input ? input : cli_default_graph();
    if (!(r.shown = calloc(g->n_actors + 1, sizeof *r.shown))) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    ag_error_clear(&err);
    if (sensitivity) {
        ag_sensitivity_opts so;
        ag_sensitivity sens;
        memset(&so, 0, sizeof so);
        so.top = 1;
        so.blocs = true;
        so.cluster = r.opts;
        if ((st = ag_sensitivity_compute(g, &so, &sens, &err)) != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        if (cli_print_sensitivity(stdout, g, &sens, &so, fmt, "clusters", r.input) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
        ag_sensitivity_destroy(&sens);
        goto cleanup;
    }
    if ((st = ag_cluster(g, &r.opts, &r.p, &err)) != AG_OK ||
        (st = ag_balance_compute(g, &r.bal, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    r.leader = malloc((r.p.n_blocs + 1) * sizeof *r.leader);
    if (!r.leader) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    if ((st = ag_bloc_leaders(g, r.p.bloc, r.p.n_blocs, r.leader, &err)) != AG_OK ||
        (st = ag_bloc_roles_compute(g, r.p.bloc, AG_TIES_POSITIVE, r.paths, &r.roles, &err)) !=
            AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    if (r.roles.brokerage_skipped && r.paths == AG_PATHS_AUTO)
        fprintf(stderr,
                "actorgraph: %zu actors: brokerage left out, a shortest-path search from every "
                "actor would take too long (--paths exact to wait for it)\n",
                g->n_actors);
    if (fmt == FMT_CSV) {
        print_csv(&r, stdout);
    } else if (fmt == FMT_JSON) {
        if (print_json(&r, stdout) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
    } else {
        print_text(&r, stdout, fmt == FMT_MD);
    }
cleanup:
    free(r.leader);
    if (r.shown)
        for (size_t i = 0; i < g->n_actors; i++)
            free(r.shown[i]);
    free(r.shown);
    ag_partition_destroy(&r.p);
    ag_bloc_roles_destroy(&r.roles);
    ag_balance_destroy(&r.bal);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_clusters = {
    .name = "clusters",
    .summary = "alliance blocs, frustration and structural balance",
    .usage = usage,
    .run = run,
};
