/* actorgraph whatif: what changes when relations are dropped or added, or
 * actors dropped (docs/analysis.md, "What if"). */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "actorgraph/render.h"
#include "actorgraph/scenario.h"
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

typedef struct side {
    const ag_graph *g;
    ag_metrics m;
    ag_balance bal;
    ag_partition p;
    size_t *leader;
    size_t *rank[AG_METRIC_COUNT];
    /* the signed pair graph in base actor indexes, sorted by (a, b) */
    ag_pair_tie *pairs;
    size_t n_pairs;
} side;

/* A triangle whose balance changed, in base actor indexes. */
typedef struct tri_change {
    size_t a, b, c;
    int was;   /* before: 1 balanced, 0 unbalanced, -1 not a triangle */
    int now;   /* after: the same */
    double weight; /* after when it is a triangle after, else before */
} tri_change;

typedef struct mover {
    size_t base, scen;
    long delta; /* rank before - rank after: positive moved up */
} mover;

typedef struct whatif {
    const char *input;
    const ag_graph *g;
    ag_scenario sc;
    const ag_scenario_spec *spec;
    side s[2];
    long top;
    size_t *ident;   /* scenario bloc -> identity (base bloc or new) */
    size_t next_id;
    size_t *moved;   /* scenario actors whose bloc changed */
    size_t n_moved;
    unsigned char *bloc_changed; /* per scenario bloc: members or leader differ */
    size_t n_changed_blocs;
    tri_change *tri;
    size_t n_tri, n_unb, n_bal, n_gone; /* became unbalanced, balanced, dissolved */
    mover *mv;       /* per metric, all actors of the scenario, sorted */
    size_t *n_mv;
} whatif;

/* ---- computing ---- */

static int cmp_pair(const void *pa, const void *pb)
{
    const ag_pair_tie *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

/* The signed pair graph of g as ag_cluster describes it (sum of sign *
 * weight of each pair's relations), its actors mapped by map (NULL: as
 * they are); pairs that sum to 0 are left out. */
static int pair_graph(const ag_graph *g, const size_t *map, side *s)
{
    size_t k = 0;
    s->pairs = malloc((g->n_relations + 1) * sizeof *s->pairs);
    if (!s->pairs)
        return -1;
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        size_t a = map ? map[r->source] : r->source, b = map ? map[r->target] : r->target;
        if (a == b)
            continue;
        s->pairs[k++] = (ag_pair_tie){a < b ? a : b, a < b ? b : a, r->sign * r->weight};
    }
    qsort(s->pairs, k, sizeof *s->pairs, cmp_pair);
    s->n_pairs = 0;
    for (size_t i = 0; i < k;) {
        ag_pair_tie t = s->pairs[i++];
        while (i < k && s->pairs[i].a == t.a && s->pairs[i].b == t.b)
            t.s += s->pairs[i++].s;
        if (t.s != 0)
            s->pairs[s->n_pairs++] = t;
    }
    return 0;
}

/* The net value of pair {a, b} (a < b), 0 when there is none. */
static double pair_value(const side *s, size_t a, size_t b)
{
    ag_pair_tie key = {a, b, 0};
    const ag_pair_tie *t = bsearch(&key, s->pairs, s->n_pairs, sizeof key, cmp_pair);
    return t ? t->s : 0;
}

/* Sum of |s| over the three ties of triangle a < b < c on side s. */
static double triangle_weight(const side *s, size_t a, size_t b, size_t c)
{
    return fabs(pair_value(s, a, b)) + fabs(pair_value(s, a, c)) + fabs(pair_value(s, b, c));
}

/* 1 balanced, 0 unbalanced, -1 not a triangle of side s. */
static int triangle_state(const side *s, size_t a, size_t b, size_t c)
{
    double x = pair_value(s, a, b), y = pair_value(s, a, c), z = pair_value(s, b, c);
    if (x == 0 || y == 0 || z == 0)
        return -1;
    return ((x < 0) + (y < 0) + (z < 0)) % 2 == 0;
}

/* Competition ranks of values v over n actors (1 + the number of actors
 * with a larger value; values within 1e-9 relative count as equal). */
static const double *rank_values;

static int by_value(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    double x = rank_values[a], y = rank_values[b];
    if (x != y)
        return x > y ? -1 : 1;
    return a < b ? -1 : a > b;
}

static int ranks(const double *v, size_t n, size_t *out)
{
    size_t *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    rank_values = v;
    qsort(order, n, sizeof *order, by_value);
    for (size_t i = 0; i < n; i++) {
        size_t a = order[i];
        if (i > 0) {
            double prev = v[order[i - 1]];
            if (prev - v[a] <= 1e-9 * fmax(1.0, fabs(prev))) {
                out[a] = out[order[i - 1]];
                continue;
            }
        }
        out[a] = i + 1;
    }
    free(order);
    return 0;
}

static int by_move(const void *pa, const void *pb)
{
    const mover *x = pa, *y = pb;
    long ax = labs(x->delta), ay = labs(y->delta);
    if (ax != ay)
        return ax > ay ? -1 : 1;
    return x->base < y->base ? -1 : x->base > y->base; /* file order */
}

static int metric_usable(const whatif *w, int k)
{
    unsigned bad = AG_MF_MISSING | AG_MF_SKIPPED;
    return !(w->s[0].m.flags[k] & bad) && !(w->s[1].m.flags[k] & bad);
}

static int cmp_tri(const void *pa, const void *pb)
{
    const tri_change *x = pa, *y = pb;
    if (x->now != y->now)
        return x->now > y->now ? -1 : 1; /* grouped by outcome; listed per group */
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return x->c < y->c ? -1 : x->c > y->c;
}

static ag_status compute(whatif *w, ag_error *err)
{
    ag_cluster_opts copts;
    ag_status st;
    size_t n0 = w->g->n_actors, n1 = w->sc.graph->n_actors, *prev = NULL, *count = NULL, cap;

    ag_cluster_opts_init(&copts);
    w->s[0].g = w->g;
    w->s[1].g = w->sc.graph;
    for (int i = 0; i < 2; i++) {
        side *s = &w->s[i];
        size_t n = i ? n1 : n0;
        if ((st = ag_metrics_compute_paths(s->g, AG_TIES_POSITIVE, AG_PATHS_AUTO, &s->m, err)) !=
                AG_OK ||
            (st = ag_balance_compute(s->g, &s->bal, err)) != AG_OK ||
            (st = ag_cluster(s->g, &copts, &s->p, err)) != AG_OK)
            return st;
        s->leader = malloc((s->p.n_blocs + 1) * sizeof *s->leader);
        if (!s->leader)
            goto oom;
        if ((st = ag_bloc_leaders(s->g, s->p.bloc, s->p.n_blocs, s->leader, err)) != AG_OK)
            return st;
        for (int k = 0; k < AG_METRIC_COUNT; k++) {
            s->rank[k] = malloc((n + 1) * sizeof *s->rank[k]);
            if (!s->rank[k] || ranks(s->m.v[k], n, s->rank[k]) != 0)
                goto oom;
        }
        if (pair_graph(s->g, i ? w->sc.base_actor : NULL, s) != 0)
            goto oom;
    }

    /* blocs: the scenario's matched to the base's */
    prev = malloc((n1 + 1) * sizeof *prev);
    w->ident = malloc((w->s[1].p.n_blocs + 1) * sizeof *w->ident);
    w->moved = malloc((n1 + 1) * sizeof *w->moved);
    if (!prev || !w->ident || !w->moved)
        goto oom;
    for (size_t v = 0; v < n1; v++)
        prev[v] = w->s[0].p.bloc[w->sc.base_actor[v]];
    w->next_id = w->s[0].p.n_blocs;
    if ((st = ag_bloc_match(n1, prev, w->s[1].p.bloc, w->s[1].p.n_blocs, &w->next_id, w->ident,
                            err)) != AG_OK)
        goto cleanup;
    for (size_t v = 0; v < n1; v++)
        if (w->ident[w->s[1].p.bloc[v]] != prev[v])
            w->moved[w->n_moved++] = v;
    /* a scenario bloc changed unless it has its base bloc's members and
       leader */
    w->bloc_changed = calloc(w->s[1].p.n_blocs + 1, 1);
    count = calloc(w->next_id + 1, sizeof *count);
    if (!w->bloc_changed || !count)
        goto oom;
    for (size_t v = 0; v < n0; v++)
        count[w->s[0].p.bloc[v]]++;
    for (size_t v = 0; v < n1; v++)
        count[w->ident[w->s[1].p.bloc[v]]]--;
    for (size_t v = 0; v < n1; v++) {
        size_t bl = w->s[1].p.bloc[v], id = w->ident[bl];
        if (id >= w->s[0].p.n_blocs || prev[v] != id || count[id] != 0 ||
            w->s[0].leader[id] != w->sc.base_actor[w->s[1].leader[bl]])
            w->bloc_changed[bl] = 1;
    }
    for (size_t bl = 0; bl < w->s[1].p.n_blocs; bl++)
        w->n_changed_blocs += w->bloc_changed[bl];

    /* triangles: every unbalanced one of either side, classified */
    cap = w->s[0].bal.n_unbalanced + w->s[1].bal.n_unbalanced + 1;
    w->tri = malloc(cap * sizeof *w->tri);
    if (!w->tri)
        goto oom;
    for (size_t i = 0; i < w->s[0].bal.n_unbalanced; i++) {
        const ag_triangle *t = &w->s[0].bal.unbalanced[i];
        int now = triangle_state(&w->s[1], t->a, t->b, t->c);
        if (now != 0)
            w->tri[w->n_tri++] = (tri_change){
                t->a, t->b, t->c, 0, now,
                now == 1 ? triangle_weight(&w->s[1], t->a, t->b, t->c) : t->weight};
    }
    for (size_t i = 0; i < w->s[1].bal.n_unbalanced; i++) {
        const ag_triangle *t = &w->s[1].bal.unbalanced[i];
        size_t a = w->sc.base_actor[t->a], b = w->sc.base_actor[t->b],
               c = w->sc.base_actor[t->c];
        int was = triangle_state(&w->s[0], a, b, c);
        if (was != 0)
            w->tri[w->n_tri++] = (tri_change){a, b, c, was, 0, t->weight};
    }
    for (size_t i = 0; i < w->n_tri; i++) {
        if (w->tri[i].now == 0)
            w->n_unb++;
        else if (w->tri[i].now == 1)
            w->n_bal++;
        else
            w->n_gone++;
    }
    qsort(w->tri, w->n_tri, sizeof *w->tri, cmp_tri);

    /* rank movers per metric, over the actors of both */
    w->mv = malloc((AG_METRIC_COUNT * n1 + 1) * sizeof *w->mv);
    w->n_mv = calloc(AG_METRIC_COUNT, sizeof *w->n_mv);
    if (!w->mv || !w->n_mv)
        goto oom;
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        mover *list = w->mv + (size_t)k * n1;
        if (!metric_usable(w, k))
            continue;
        for (size_t v = 0; v < n1; v++) {
            size_t b = w->sc.base_actor[v];
            long d = (long)w->s[0].rank[k][b] - (long)w->s[1].rank[k][v];
            if (d)
                list[w->n_mv[k]++] = (mover){b, v, d};
        }
        qsort(list, w->n_mv[k], sizeof *list, by_move);
    }
    st = AG_OK;
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    free(prev);
    free(count);
    return st;
}

static void whatif_destroy(whatif *w)
{
    for (int i = 0; i < 2; i++) {
        side *s = &w->s[i];
        ag_metrics_destroy(&s->m);
        ag_balance_destroy(&s->bal);
        ag_partition_destroy(&s->p);
        free(s->leader);
        free(s->pairs);
        for (int k = 0; k < AG_METRIC_COUNT; k++)
            free(s->rank[k]);
    }
    free(w->ident);
    free(w->moved);
    free(w->bloc_changed);
    free(w->tri);
    free(w->mv);
    free(w->n_mv);
    ag_scenario_destroy(&w->sc);
}

/* The id of the actor naming base bloc or identity id. */
static const char *ident_name(const whatif *w, size_t id)
{
    if (id < w->s[0].p.n_blocs)
        return w->g->actors[w->s[0].leader[id]].id;
    for (size_t b = 0; b < w->s[1].p.n_blocs; b++)
        if (w->ident[b] == id)
            return w->sc.graph->actors[w->s[1].leader[b]].id;
    return "?";
}

static const char *state_word(int s)
{
    return s == 1 ? "balanced" : s == 0 ? "unbalanced" : "no triangle";
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
    size_t total = now == 0 ? w->n_unb : now == 1 ? w->n_bal : w->n_gone, shown = 0;
    if (!total)
        return;
    fprintf(out, "\n%s (%zu):\n", head, total);
    for (size_t i = 0; i < w->n_tri && shown < TRIANGLES_SHOWN; i++) {
        const tri_change *t = &w->tri[i];
        const side *s = &w->s[now == -1 ? 0 : 1];
        if (t->now != now)
            continue;
        fputs("  ", out);
        put_id(out, w->g, t->a);
        fputc(' ', out);
        put_id(out, w->g, t->b);
        fputc(' ', out);
        put_id(out, w->g, t->c);
        fprintf(out, "  %c%c%c  weight %.3f; was %s\n", sign_char(pair_value(s, t->a, t->b)),
                sign_char(pair_value(s, t->a, t->c)), sign_char(pair_value(s, t->b, t->c)),
                t->weight, state_word(t->was));
        shown++;
    }
    if (total > shown)
        fprintf(out, "  ... and %zu more\n", total - shown);
}

static void print_table(const whatif *w, FILE *out)
{
    const ag_graph *g = w->g;
    const side *b = &w->s[0], *a = &w->s[1];

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
        size_t id = w->ident[bl], lead = w->sc.base_actor[a->leader[bl]];
        const char *name = ident_name(w, id), *sep = ": ";
        if (!w->bloc_changed[bl])
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
    if (w->n_changed_blocs < a->p.n_blocs)
        fprintf(out, "  %zu other bloc%s as before\n", a->p.n_blocs - w->n_changed_blocs,
                a->p.n_blocs - w->n_changed_blocs == 1 ? "" : "s");
    if (!w->n_moved)
        fputs("  no actor changed bloc\n", out);
    for (size_t i = 0; i < w->n_moved; i++) {
        size_t v = w->moved[i], base = w->sc.base_actor[v];
        size_t to = w->ident[a->p.bloc[v]];
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
    print_tri(w, out, 0, "Triangles that became unbalanced");
    print_tri(w, out, 1, "Triangles that became balanced");
    print_tri(w, out, -1, "Unbalanced triangles that no longer exist");

    fprintf(out, "\nRank changes (rank 1 = highest; top %ld movers per metric):\n", w->top);
    int any = 0;
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        const mover *list = w->mv + (size_t)k * w->sc.graph->n_actors;
        if (!metric_usable(w, k) || !w->n_mv[k])
            continue;
        any = 1;
        fprintf(out, "  %s\n", ag_metric_name((ag_metric)k));
        for (size_t i = 0; i < w->n_mv[k] && i < (size_t)w->top; i++) {
            const mover *m = &list[i];
            fputs("    ", out);
            cli_print_cell(out, g->actors[m->base].id, 10, 0);
            fputc(' ', out);
            cli_print_cell(out, g->actors[m->base].name, 22, 0);
            fprintf(out, " %3zu -> %3zu (%+ld)  %.4g -> %.4g\n", b->rank[k][m->base],
                    a->rank[k][m->scen], m->delta, b->m.v[k][m->base], a->m.v[k][m->scen]);
        }
        if (w->n_mv[k] > (size_t)w->top)
            fprintf(out, "    ... and %zu more\n", w->n_mv[k] - (size_t)w->top);
    }
    if (!any)
        fputs("  no rank changed\n", out);
}

/* ---- JSON ---- */

static json_t *side_json(const whatif *w, int i)
{
    const side *s = &w->s[i];
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
        size_t id = i ? w->ident[b] : b;
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
    for (size_t i = 0; i < w->n_moved; i++) {
        size_t v = w->moved[i], base = w->sc.base_actor[v];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(g->actors[base].id));
        json_object_set_new(o, "from", json_string(ident_name(w, w->s[0].p.bloc[base])));
        json_object_set_new(o, "to", json_string(ident_name(w, w->ident[w->s[1].p.bloc[v]])));
        json_object_set_new(o, "new_bloc",
                            json_boolean(w->ident[w->s[1].p.bloc[v]] >= w->s[0].p.n_blocs));
        json_array_append_new(moved, o);
    }
    json_object_set_new(root, "bloc_changes", moved);
    size_t shown[3] = {0, 0, 0};
    for (size_t i = 0; i < w->n_tri; i++) {
        const tri_change *t = &w->tri[i];
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
        json_object_set_new(counts, "became_unbalanced", json_integer((json_int_t)w->n_unb));
        json_object_set_new(counts, "became_balanced", json_integer((json_int_t)w->n_bal));
        json_object_set_new(counts, "dissolved", json_integer((json_int_t)w->n_gone));
        json_object_set_new(root, "triangle_counts", counts);
    }
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        const mover *list = w->mv + (size_t)k * w->sc.graph->n_actors;
        json_t *a = json_array();
        if (!metric_usable(w, k)) {
            json_decref(a);
            json_object_set_new(rk, ag_metric_name((ag_metric)k), json_null());
            continue;
        }
        for (size_t i = 0; i < w->n_mv[k] && i < (size_t)w->top; i++) {
            const mover *m = &list[i];
            json_t *o = json_object();
            json_object_set_new(o, "id", json_string(g->actors[m->base].id));
            json_object_set_new(o, "rank_before", json_integer((json_int_t)w->s[0].rank[k][m->base]));
            json_object_set_new(o, "rank_after", json_integer((json_int_t)w->s[1].rank[k][m->scen]));
            json_object_set_new(o, "value_before", json_real(w->s[0].m.v[k][m->base]));
            json_object_set_new(o, "value_after", json_real(w->s[1].m.v[k][m->scen]));
            json_array_append_new(a, o);
        }
        json_object_set_new(rk, ag_metric_name((ag_metric)k), a);
    }
    json_object_set_new(root, "rank_changes", rk);
    json_object_set_new(opts, "drop", strings(w->spec->drop, w->spec->n_drop));
    json_object_set_new(opts, "add", strings(w->spec->add, w->spec->n_add));
    json_object_set_new(opts, "drop_actor", strings(w->spec->drop_actor, w->spec->n_drop_actor));
    json_object_set_new(opts, "top", json_integer(w->top));
    json_object_set_new(opts, "ties", json_string("positive"));
    json_object_set_new(opts, "paths", json_string("auto"));
    json_object_set_new(opts, "method", json_string(ag_cluster_method_name(AG_CLUSTER_SIGNED)));
    json_object_set_new(man, "input", json_string(w->input));
    json_object_set_new(man, "sha256", json_string(g->sha256));
    json_object_set_new(man, "command", json_string("whatif"));
    json_object_set_new(man, "options", opts);
    if (cli_manifest_selection(man, g) != 0) {
        json_decref(root);
        json_decref(man);
        return -1;
    }
    json_object_set_new(man, "seed", json_integer((json_int_t)w->s[0].p.seed));
    json_object_set_new(man, "actorgraph", json_string(ag_version()));
    json_object_set_new(root, "manifest", man);
    if (json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(12)) == 0) {
        fputc('\n', out);
        rc = 0;
    }
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
        case 'n': {
            char *end;
            errno = 0;
            w.top = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || w.top < 1 || errno == ERANGE) {
                rc = cli_usage_error("whatif", "--top needs a positive whole number, not '%s'",
                                     optarg);
                goto cleanup;
            }
            break;
        }
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
        case 'h':
            fputs(usage, stdout);
            goto cleanup;
        case ':':
            rc = cli_usage_error("whatif", "option '%s' needs a value", argv[optind - 1]);
            goto cleanup;
        default:
            if (cli_input_option(&in, c, optarg, "whatif", &rc))
                break;
            if (!rc)
                rc = cli_usage_error("whatif", "unknown option '%s'", argv[optind - 1]);
            goto cleanup;
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
    if ((st = compute(&w, &err)) != AG_OK) {
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
    whatif_destroy(&w);
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
