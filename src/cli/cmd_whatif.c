/* actorgraph whatif: what changes when relations are dropped or added, or
 * actors dropped (docs/analysis.md, "What if"). */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "actorgraph/render.h"
#include "actorgraph/scenario.h"
#include "actorgraph/whatif.h"
#include "cli.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph whatif [FILE] [--drop SEL]... [--add REL]...\n"
    "                         [--drop-actor ID]... [--top N] [--format table|json]\n"
    "                         [-o DIAGRAM] [-q]\n"
    "\n"
    "Compare the graph with a scenario: the same graph with relations dropped or\n"
    "added and actors dropped. Runs the report's metrics (cooperative ties, paths\n"
    "auto) and the signed blocs (clusters' defaults, seed 1) on both and prints\n"
    "what changed: the actors that changed bloc (scenario blocs matched to the\n"
    "base blocs by shared members, each named by its most central member), the\n"
    "frustration of the blocs and the balance index before and after, the\n"
    "triangles that became unbalanced or balanced, and per metric the actors\n"
    "whose rank moved most.\n"
    "\n"
    "Options:\n"
    "  -d, --drop SEL       drop relations: SOURCE:TARGET (every relation between\n"
    "                       the two, either direction), SOURCE:TARGET:TYPE, or a\n"
    "                       relation id (r5)\n"
    "  -a, --add REL        add a relation SOURCE:TARGET:TYPE[=SIGN[,WEIGHT]], the\n"
    "                       type's sign, weight and mutuality otherwise; a custom\n"
    "                       type needs its sign (CHN:PRK:hostility=-1,0.5)\n"
    "  -x, --drop-actor ID  drop an actor and all its relations\n"
    "  -n, --top N          movers shown per metric (default 5)\n"
    "  -f, --format FMT     table (default) or json\n"
    "  -o, --output PATH    also draw the scenario (.svg, .png, .pdf or .dot): the\n"
    "                       whole graph as render draws it, dropped relations grey\n"
    "                       and dashed, added ones thick\n"
    "  -q, --quiet          no progress line on a terminal\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -h, --help           show this help\n"
    "\n"
    "Each option may be given several times; at least one change is needed. The\n"
    "selection options apply to the base graph; the scenario is built on it.\n"
    "\n"
    "Exit status: 0 success, 1 usage error (also a selector that matches no\n"
    "relation, an unknown actor or a malformed relation), 2 invalid input,\n"
    "3 the diagram could not be written, 4 internal failure.\n";

enum { FMT_TABLE, FMT_JSON };

/* Triangles listed per kind of change: in the table, and in JSON. */
#define TRIANGLES_SHOWN 10
#define TRIANGLES_JSON 100

/* The command's state: what it parsed, the scenario and the comparison. */
typedef struct whatif {
    const char *input;
    const ag_graph *g;
    ag_scenario sc;
    const ag_scenario_spec *spec;
    ag_whatif_opts opts;
    ag_whatif c;
    long top;
} whatif;

/* The id of the actor naming base bloc or identity id. */
static const char *ident_name(const whatif *w, size_t id)
{
    return id < w->c.next_id ? w->g->actors[w->c.ident_leader[id]].id : "?";
}

static const char *state_word(int s)
{
    return s == AG_TRI_BALANCED ? "balanced" : s == AG_TRI_UNBALANCED ? "unbalanced"
                                                                     : "no triangle";
}

static char sign_char(double v)
{
    return v > 0 ? '+' : v < 0 ? '-' : '0';
}

/* ---- table ---- */

static void put_id(FILE *out, const ag_graph *g, size_t a)
{
    cli_put_escaped(out, g->actors[a].id);
}

static void print_tri(const whatif *w, FILE *out, int now, const char *head)
{
    size_t total = now == AG_TRI_UNBALANCED ? w->c.n_unbalanced
                   : now == AG_TRI_BALANCED ? w->c.n_balanced
                                            : w->c.n_dissolved,
           shown = 0;
    if (!total)
        return;
    fprintf(out, "\n%s (%zu):\n", head, total);
    for (size_t i = 0; i < w->c.n_tri && shown < TRIANGLES_SHOWN; i++) {
        const ag_whatif_triangle *t = &w->c.tri[i];
        if (t->now != now)
            continue;
        fputs("  ", out);
        put_id(out, w->g, t->a);
        fputc(' ', out);
        put_id(out, w->g, t->b);
        fputc(' ', out);
        put_id(out, w->g, t->c);
        fprintf(out, "  %c%c%c  weight %.3f; was %s\n", sign_char(t->ab), sign_char(t->ac),
                sign_char(t->bc), t->weight, state_word(t->was));
        shown++;
    }
    if (total > shown)
        fprintf(out, "  ... and %zu more\n", total - shown);
}

static void print_table(const whatif *w, FILE *out)
{
    const ag_graph *g = w->g;
    const ag_whatif_side *b = &w->c.side[0], *a = &w->c.side[1];

    fputs("What if: ", out);
    cli_put_escaped(out, g->title ? g->title : g->name);
    cli_put_selection(out, g);
    fputs("\n", out);
    for (size_t i = 0; i < w->spec->n_drop; i++) {
        fputs("  drop ", out);
        cli_put_escaped(out, w->spec->drop[i]);
        fputc('\n', out);
    }
    for (size_t i = 0; i < w->spec->n_drop_actor; i++) {
        fputs("  drop actor ", out);
        cli_put_escaped(out, w->spec->drop_actor[i]);
        fputc('\n', out);
    }
    for (size_t i = 0; i < w->spec->n_add; i++) {
        fputs("  add ", out);
        cli_put_escaped(out, w->spec->add[i]);
        fputc('\n', out);
    }
    fprintf(out, "  relations %zu -> %zu (%zu dropped, %zu added); actors %zu -> %zu\n",
            g->n_relations, w->sc.graph->n_relations, w->sc.n_dropped, w->sc.n_added,
            g->n_actors, w->sc.graph->n_actors);

    fprintf(out, "\nBlocs: %zu -> %zu; frustration %zu ties (weight %.3f) -> %zu (%.3f)\n",
            b->p.n_blocs, a->p.n_blocs, b->p.frustration_count, b->p.frustration_weight,
            a->p.frustration_count, a->p.frustration_weight);
    for (size_t bl = 0; bl < a->p.n_blocs; bl++) {
        size_t id = w->c.ident[bl], lead = w->sc.base_actor[a->leader[bl]];
        const char *name = ident_name(w, id), *sep = ": ";
        if (!w->c.bloc_changed[bl])
            continue;
        fputs("  after: bloc of ", out);
        cli_put_escaped(out, name);
        if (id >= b->p.n_blocs) {
            fputs(" (new)", out);
        } else if (strcmp(name, g->actors[lead].id) != 0) {
            fputs(" (now led by ", out);
            cli_put_escaped(out, g->actors[lead].id);
            fputc(')', out);
        }
        for (size_t v = 0; v < w->sc.graph->n_actors; v++)
            if (a->p.bloc[v] == bl) {
                fputs(sep, out);
                cli_put_escaped(out, w->sc.graph->actors[v].id);
                sep = ", ";
            }
        fputc('\n', out);
    }
    if (w->c.n_changed_blocs < a->p.n_blocs)
        fprintf(out, "  %zu other bloc%s as before\n", a->p.n_blocs - w->c.n_changed_blocs,
                a->p.n_blocs - w->c.n_changed_blocs == 1 ? "" : "s");
    if (!w->c.n_moved)
        fputs("  no actor changed bloc\n", out);
    for (size_t i = 0; i < w->c.n_moved; i++) {
        size_t v = w->c.moved[i], base = w->sc.base_actor[v];
        size_t to = w->c.ident[a->p.bloc[v]];
        fputs("  ", out);
        cli_print_cell(out, g->actors[base].id, 10, 0);
        fputc(' ', out);
        cli_print_cell(out, g->actors[base].name, 22, 0);
        fputs(" bloc of ", out);
        cli_put_escaped(out, ident_name(w, b->p.bloc[base]));
        fputs(" -> bloc of ", out);
        cli_put_escaped(out, ident_name(w, to));
        fputs(to >= b->p.n_blocs ? " (new)\n" : "\n", out);
    }

    fprintf(out,
            "\nBalance: %zu triangles, %zu balanced, index %.3f -> %zu triangles, %zu "
            "balanced, index %.3f\n",
            b->bal.triangles, b->bal.balanced, b->bal.index, a->bal.triangles, a->bal.balanced,
            a->bal.index);
    print_tri(w, out, AG_TRI_UNBALANCED, "Triangles that became unbalanced");
    print_tri(w, out, AG_TRI_BALANCED, "Triangles that became balanced");
    print_tri(w, out, AG_TRI_NONE, "Unbalanced triangles that no longer exist");

    fprintf(out, "\nRank changes (rank 1 = highest; top %ld movers per metric):\n", w->top);
    int any = 0;
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        const ag_whatif_mover *list = w->c.movers[k];
        if (!w->c.compared[k] || !w->c.n_movers[k])
            continue;
        any = 1;
        fprintf(out, "  %s\n", ag_metric_name((ag_metric)k));
        for (size_t i = 0; i < w->c.n_movers[k] && i < (size_t)w->top; i++) {
            const ag_whatif_mover *m = &list[i];
            fputs("    ", out);
            cli_print_cell(out, g->actors[m->base].id, 10, 0);
            fputc(' ', out);
            cli_print_cell(out, g->actors[m->base].name, 22, 0);
            fprintf(out, " %3zu -> %3zu (%+ld)  %.4g -> %.4g\n", b->rank[k][m->base],
                    a->rank[k][m->scen], m->delta, b->m.v[k][m->base], a->m.v[k][m->scen]);
        }
        if (w->c.n_movers[k] > (size_t)w->top)
            fprintf(out, "    ... and %zu more\n", w->c.n_movers[k] - (size_t)w->top);
    }
    if (!any)
        fputs("  no rank changed\n", out);
}

/* ---- JSON ---- */

static json_t *side_json(const whatif *w, int i)
{
    const ag_whatif_side *s = &w->c.side[i];
    json_t *o = json_object(), *blocs = json_array();
    if (!o || !blocs) {
        json_decref(o);
        json_decref(blocs);
        return NULL;
    }
    json_object_set_new(o, "actors", json_integer((json_int_t)s->g->n_actors));
    json_object_set_new(o, "relations", json_integer((json_int_t)s->g->n_relations));
    json_object_set_new(o, "triangles", json_integer((json_int_t)s->bal.triangles));
    json_object_set_new(o, "balanced", json_integer((json_int_t)s->bal.balanced));
    json_object_set_new(o, "balance_index", json_real(s->bal.index));
    json_object_set_new(o, "frustration_count", json_integer((json_int_t)s->p.frustration_count));
    json_object_set_new(o, "frustration_weight", json_real(s->p.frustration_weight));
    for (size_t b = 0; b < s->p.n_blocs; b++) {
        json_t *bl = json_object(), *mem = json_array();
        size_t id = i ? w->c.ident[b] : b;
        json_object_set_new(bl, "name", json_string(ident_name(w, id)));
        for (size_t v = 0; v < s->g->n_actors; v++)
            if (s->p.bloc[v] == b)
                json_array_append_new(mem, json_string(s->g->actors[v].id));
        json_object_set_new(bl, "members", mem);
        json_array_append_new(blocs, bl);
    }
    json_object_set_new(o, "blocs", blocs);
    return o;
}

static json_t *strings(const char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

static int print_json(const whatif *w, FILE *out)
{
    const ag_graph *g = w->g;
    json_t *root = json_object(), *ch = json_object(), *dropped = json_array(),
           *added = json_array(), *moved = json_array(), *tris = json_array(),
           *rk = json_object(), *man = json_object(), *opts = json_object();
    int rc = -1;
    if (!root || !ch || !dropped || !added || !moved || !tris || !rk || !man || !opts) {
        json_decref(root);
        json_decref(ch);
        json_decref(dropped);
        json_decref(added);
        json_decref(moved);
        json_decref(tris);
        json_decref(rk);
        json_decref(man);
        json_decref(opts);
        return -1;
    }
    for (size_t i = 0; i < g->n_relations; i++)
        if (w->sc.dropped[i])
            json_array_append_new(dropped, json_string(g->relations[i].id));
    for (size_t i = 0; i < w->sc.n_added; i++) {
        const ag_relation *r =
            &w->sc.graph->relations[w->sc.graph->n_relations - w->sc.n_added + i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(r->id));
        json_object_set_new(o, "source", json_string(w->sc.graph->actors[r->source].id));
        json_object_set_new(o, "target", json_string(w->sc.graph->actors[r->target].id));
        json_object_set_new(o, "type", json_string(r->type));
        json_object_set_new(o, "sign", json_integer(r->sign));
        json_object_set_new(o, "weight", json_real(r->weight));
        json_object_set_new(o, "mutual", json_boolean(r->mutual));
        json_array_append_new(added, o);
    }
    json_object_set_new(ch, "dropped_relations", dropped);
    json_object_set_new(ch, "added_relations", added);
    json_object_set_new(ch, "dropped_actors", strings(w->spec->drop_actor, w->spec->n_drop_actor));
    json_object_set_new(root, "changes", ch);
    json_object_set_new(root, "before", side_json(w, 0));
    json_object_set_new(root, "after", side_json(w, 1));
    for (size_t i = 0; i < w->c.n_moved; i++) {
        size_t v = w->c.moved[i], base = w->sc.base_actor[v];
        size_t to = w->c.ident[w->c.side[1].p.bloc[v]];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(g->actors[base].id));
        json_object_set_new(o, "from", json_string(ident_name(w, w->c.side[0].p.bloc[base])));
        json_object_set_new(o, "to", json_string(ident_name(w, to)));
        json_object_set_new(o, "new_bloc", json_boolean(to >= w->c.side[0].p.n_blocs));
        json_array_append_new(moved, o);
    }
    json_object_set_new(root, "bloc_changes", moved);
    size_t shown[3] = {0, 0, 0};
    for (size_t i = 0; i < w->c.n_tri; i++) {
        const ag_whatif_triangle *t = &w->c.tri[i];
        json_t *o, *ids;
        if (shown[t->now + 1]++ >= TRIANGLES_JSON)
            continue;
        o = json_object();
        ids = json_array();
        json_array_append_new(ids, json_string(g->actors[t->a].id));
        json_array_append_new(ids, json_string(g->actors[t->b].id));
        json_array_append_new(ids, json_string(g->actors[t->c].id));
        json_object_set_new(o, "actors", ids);
        json_object_set_new(o, "before", json_string(state_word(t->was)));
        json_object_set_new(o, "after", json_string(state_word(t->now)));
        json_object_set_new(o, "weight", json_real(t->weight));
        json_array_append_new(tris, o);
    }
    json_object_set_new(root, "triangle_changes", tris);
    {
        json_t *counts = json_object();
        json_object_set_new(counts, "became_unbalanced",
                            json_integer((json_int_t)w->c.n_unbalanced));
        json_object_set_new(counts, "became_balanced", json_integer((json_int_t)w->c.n_balanced));
        json_object_set_new(counts, "dissolved", json_integer((json_int_t)w->c.n_dissolved));
        json_object_set_new(root, "triangle_counts", counts);
    }
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        const ag_whatif_mover *list = w->c.movers[k];
        json_t *a = json_array();
        if (!w->c.compared[k]) {
            json_decref(a);
            json_object_set_new(rk, ag_metric_name((ag_metric)k), json_null());
            continue;
        }
        for (size_t i = 0; i < w->c.n_movers[k] && i < (size_t)w->top; i++) {
            const ag_whatif_mover *m = &list[i];
            const ag_whatif_side *b = &w->c.side[0], *af = &w->c.side[1];
            json_t *o = json_object();
            json_object_set_new(o, "id", json_string(g->actors[m->base].id));
            json_object_set_new(o, "rank_before", json_integer((json_int_t)b->rank[k][m->base]));
            json_object_set_new(o, "rank_after", json_integer((json_int_t)af->rank[k][m->scen]));
            json_object_set_new(o, "value_before", json_real(b->m.v[k][m->base]));
            json_object_set_new(o, "value_after", json_real(af->m.v[k][m->scen]));
            json_array_append_new(a, o);
        }
        json_object_set_new(rk, ag_metric_name((ag_metric)k), a);
    }
    json_object_set_new(root, "rank_changes", rk);
    json_object_set_new(opts, "drop", strings(w->spec->drop, w->spec->n_drop));
    json_object_set_new(opts, "add", strings(w->spec->add, w->spec->n_add));
    json_object_set_new(opts, "drop_actor", strings(w->spec->drop_actor, w->spec->n_drop_actor));
    json_object_set_new(opts, "top", json_integer(w->top));
    json_object_set_new(opts, "ties", json_string(ag_ties_name(w->opts.ties)));
    json_object_set_new(opts, "paths",
                        json_string(cli_paths_name(w->opts.paths)));
    json_object_set_new(opts, "method",
                        json_string(ag_cluster_method_name(w->opts.cluster.method)));
    cli_manifest_start(man, w->input, g, "whatif", opts);
    if (cli_manifest_selection(man, g) != 0) {
        json_decref(root);
        json_decref(man);
        return -1;
    }
    json_object_set_new(man, "seed", json_integer((json_int_t)w->c.side[0].p.seed));
    json_object_set_new(man, "actorgraph", json_string(ag_version()));
    json_object_set_new(root, "manifest", man);
    if (cli_print_json(out, root) == 0)
        rc = 0;
    json_decref(root);
    return rc;
}

/* ---- the diagram ---- */

_Static_assert(AG_MARK_DROPPED == 1 && AG_MARK_ADDED == 2, "marks of ag_scenario_diagram");

/* Draws the scenario to path (nothing written on failure); the exit code. */
static int draw(const whatif *w, const char *path, ag_format f, const char *input,
                const cli_input *in, int quiet)
{
    ag_graph *dg = NULL;
    unsigned char *mark = NULL;
    ag_render_opts opts;
    ag_blob blob = {0};
    ag_output o;
    ag_error err;
    ag_status st;
    int rc;

    ag_error_clear(&err);
    if ((st = ag_scenario_diagram(w->g, &w->sc, &dg, &mark, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    ag_render_opts_init(&opts);
    opts.relation_mark = mark;
    if ((st = ag_render(dg, &opts, &f, 1, &blob, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    o.path = path;
    o.data = blob.data;
    o.len = blob.len;
    rc = cli_write_outputs(&o, 1, NULL, input, in, quiet);
cleanup:
    ag_blob_free(&blob);
    free(mark);
    ag_graph_free(dg);
    return rc;
}

/* ---- command line ---- */

static int push(const char ***v, size_t *n, const char *s)
{
    const char **nv = realloc(*v, (*n + 1) * sizeof **v);
    if (!nv)
        return -1;
    nv[(*n)++] = s;
    *v = nv;
    return 0;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"drop", required_argument, NULL, 'd'},   {"add", required_argument, NULL, 'a'},
        {"drop-actor", required_argument, NULL, 'x'}, {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'}, {"quiet", no_argument, NULL, 'q'},
        {"output", required_argument, NULL, 'o'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char **drop = NULL, **add = NULL, **drop_actor = NULL;
    ag_scenario_spec spec = {0};
    whatif w;
    ag_graph *g = NULL;
    cli_input in;
    ag_error err;
    ag_status st;
    int c, fmt = FMT_TABLE, rc = AG_EXIT_OK, quiet = 0;
    const char *diagram = NULL;
    ag_format dformat = AG_FMT_SVG;
    const char *input;

    memset(&w, 0, sizeof w);
    w.top = 5;
    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":d:a:x:n:f:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
        case 'a':
        case 'x':
            if (push(c == 'd' ? &drop : c == 'a' ? &add : &drop_actor,
                     c == 'd' ? &spec.n_drop : c == 'a' ? &spec.n_add : &spec.n_drop_actor,
                     optarg) != 0) {
                fprintf(stderr, "actorgraph: out of memory\n");
                rc = AG_EXIT_INTERNAL;
                goto cleanup;
            }
            break;
        case 'n':
            if (!cli_parse_long(optarg, 1, LONG_MAX, &w.top)) {
                rc = cli_usage_error("whatif", "--top needs a positive whole number, not '%s'",
                                     optarg);
                goto cleanup;
            }
            break;
        case 'f':
            if (strcmp(optarg, "table") == 0) {
                fmt = FMT_TABLE;
            } else if (strcmp(optarg, "json") == 0) {
                fmt = FMT_JSON;
            } else {
                rc = cli_usage_error("whatif", "unknown format '%s' (table, json)", optarg);
                goto cleanup;
            }
            break;
        case 'q':
            cli_progress_quiet();
            quiet = 1;
            break;
        case 'o':
            if (diagram) {
                rc = cli_usage_error("whatif", "one -o only");
                goto cleanup;
            }
            diagram = optarg;
            if (!ag_format_from_path(diagram, &dformat)) {
                rc = cli_usage_error("whatif",
                                     "cannot tell the format of '%s': use an extension .svg, "
                                     ".png, .pdf or .dot",
                                     diagram);
                goto cleanup;
            }
            break;
        default:
            if (cli_other_option(&in, c, "whatif", usage, argv, &rc))
                goto cleanup;
            break;
        }
    }
    if (argc - optind > 1) {
        rc = cli_usage_error("whatif", "too many arguments: '%s'", argv[optind + 1]);
        goto cleanup;
    }
    if (!spec.n_drop && !spec.n_add && !spec.n_drop_actor) {
        rc = cli_usage_error("whatif", "nothing to change: give --drop, --add or --drop-actor");
        goto cleanup;
    }
    spec.drop = drop;
    spec.add = add;
    spec.drop_actor = drop_actor;
    input = optind < argc ? argv[optind] : NULL;
    rc = cli_load_input(input, &in, &g);
    if (rc != AG_EXIT_OK)
        goto cleanup;
    w.g = g;
    w.spec = &spec;
    w.input = input ? input : cli_default_graph();
    ag_error_clear(&err);
    if ((st = ag_scenario_build(g, &spec, &w.sc, &err)) != AG_OK) {
        fputs("actorgraph: whatif: ", stderr);
        cli_put_escaped(stderr, err.message);
        fputc('\n', stderr);
        rc = st == AG_EARG ? AG_EXIT_USAGE : cli_exit_code(st, 0);
        goto cleanup;
    }
    ag_whatif_opts_init(&w.opts);
    if ((st = ag_whatif_compare(g, &w.sc, &w.opts, &w.c, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    if (diagram && (rc = draw(&w, diagram, dformat, input, &in, quiet)) != AG_EXIT_OK)
        goto cleanup;
    if (fmt == FMT_JSON) {
        if (print_json(&w, stdout) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
    } else {
        print_table(&w, stdout);
    }
cleanup:
    ag_whatif_destroy(&w.c);
    ag_scenario_destroy(&w.sc);
    ag_graph_free(g);
    free(drop);
    free(add);
    free(drop_actor);
    return rc;
}

const ag_command ag_cmd_whatif = {
    .name = "whatif",
    .summary = "what changes if relations are dropped or added, or actors dropped",
    .usage = usage,
    .run = run,
};
