/* actorgraph timeline: snapshots of a dated graph and what changed between
 * them (relations, blocs, ranks, balance). */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "actorgraph/io.h"
#include "actorgraph/render.h"
#include "cli.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph timeline [FILE] (--every year|quarter|month [--from D] [--to D]\n"
    "                           | --at D1,D2,...) [--metric M] [--top N]\n"
    "                           [--seed S] [--format text|json|csv]\n"
    "                           [--rows actors|changes] [-o FILE|DIR/] [-q]\n"
    "\n"
    "Take snapshots of a dated graph (the relations in force at each date, as\n"
    "--as-of selects them) and print what changed from one to the next:\n"
    "relations that began and ended, actors that changed bloc, the biggest\n"
    "moves in rank on a metric, and each snapshot's blocs, structural balance\n"
    "index and frustration. Blocs are found by the signed method (least\n"
    "frustration, seed S) in every snapshot and matched to the previous\n"
    "snapshot's blocs by shared members, so a bloc keeps its number while its\n"
    "coalition lasts; it is named by its most central member. An actor in a\n"
    "bloc of its own is 'alone'. An actor with no relation in force is absent\n"
    "from the snapshot: no bloc, no rank.\n"
    "\n"
    "Options:\n"
    "  -e, --every STEP  a snapshot every year, quarter or month, from --from\n"
    "                    to --to (default: the graph's first start to its last\n"
    "                    end); a year-long snapshot holds the relations in force\n"
    "                    at any time in that year\n"
    "      --from D, --to D\n"
    "                    the first and last snapshot (YYYY, YYYY-MM, YYYY-MM-DD)\n"
    "      --at D1,D2,...\n"
    "                    snapshots at these dates, in increasing order\n"
    "  -m, --metric M    the metric ranked (default pagerank; see report)\n"
    "  -n, --top N       the N biggest moves in rank per snapshot (default 5)\n"
    "  -s, --seed S      seed of the bloc search (default 1)\n"
    "  -f, --format FMT  text (default), json, or csv\n"
    "      --rows WHICH  with csv: actors (one row per actor and snapshot, the\n"
    "                    default) or changes (one row per change)\n"
    "  -o, --output PATH the snapshots drawn as well: PATH.svg, .png or .pdf the\n"
    "                    small multiples in one picture; DIR/ one SVG per\n"
    "                    snapshot (DIR/0001-DATE.svg, ...); every actor at the\n"
    "                    same place throughout (one layout of all relations),\n"
    "                    each bloc in one colour\n"
    "  -q, --quiet       no progress line, no 'wrote' lines\n"
    CLI_INPUT_OPTIONS_HELP
    "      --min-confidence LEVEL, --weigh-confidence, --confidence-weights C,R,S\n"
    "                    as for every command: which relations count, and how\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error (bad or unsorted dates, an empty\n"
    "range), 2 invalid input, 3 an output could not be written, 4 internal\n"
    "failure.\n";

enum { FMT_TEXT, FMT_JSON, FMT_CSV };
enum { STEP_NONE, STEP_YEAR, STEP_QUARTER, STEP_MONTH };
enum { CH_BEGAN, CH_ENDED, CH_BLOC, CH_RANK };
static const char *const change_kind[] = {"began", "ended", "bloc", "rank"};

#define MAX_SNAPSHOTS 10000

typedef struct bloc_info {
    size_t ident, leader, size;
} bloc_info;

typedef struct change {
    int kind;
    size_t a, b;      /* actor, other actor (relations) */
    size_t relation;  /* index into the graph's relations */
    long before, after; /* bloc identities + 1 (0: alone or absent), ranks */
} change;

typedef struct snap {
    char label[32];
    ag_selection sel;
    size_t n_present, n_relations;
    unsigned char *rel;  /* per relation: in force */
    unsigned char *present;
    size_t *ident;       /* per actor: bloc identity, AG_NO_BLOC when alone or absent */
    double *value;       /* the metric */
    long *rank;          /* 1 = highest; 0 when absent or no value */
    bloc_info *blocs;    /* coalitions (two members or more), by identity */
    size_t n_blocs, n_alone;
    size_t triangles, balanced;
    double balance_index;
    size_t fr_count;
    double fr_weight;
    change *changes;     /* from the previous snapshot */
    size_t n_changes;
} snap;

typedef struct timeline {
    const ag_graph *g;
    const char *input;
    ag_selection conf;   /* the confidence part of the selection */
    ag_metric metric;
    long top;
    unsigned long seed;
    int step;
    snap *s;
    size_t n;
    size_t next_ident;
    char **shown;
} timeline;

/* Actor i's name escaped for the terminal. */
static const char *actor(timeline *t, size_t i)
{
    if (!t->shown[i] && !(t->shown[i] = cli_escape(t->g->actors[i].name)))
        return "?";
    return t->shown[i];
}

static const bloc_info *find_bloc(const snap *s, size_t ident)
{
    size_t lo = 0, hi = s->n_blocs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->blocs[mid].ident == ident)
            return &s->blocs[mid];
        if (s->blocs[mid].ident < ident)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- snapshot dates ---- */

static int parse_every(const char *s)
{
    if (strcmp(s, "year") == 0)
        return STEP_YEAR;
    if (strcmp(s, "quarter") == 0)
        return STEP_QUARTER;
    if (strcmp(s, "month") == 0)
        return STEP_MONTH;
    return STEP_NONE;
}

/* The date's position on the step's scale; as_end: a year or a year's
 * quarter counted from its last month. */
static long step_index(int step, const ag_date *d, int as_end)
{
    int m = d->month ? d->month : as_end ? 12 : 1;
    if (step == STEP_YEAR)
        return d->year;
    if (step == STEP_QUARTER)
        return (long)d->year * 4 + (m - 1) / 3;
    return (long)d->year * 12 + (m - 1);
}

/* Fills snapshot k's selection and label from its index on the scale. */
static void step_snapshot(int step, long idx, snap *s, const ag_selection *conf)
{
    s->sel = *conf;
    if (step == STEP_YEAR) {
        s->sel.from = s->sel.to = (ag_date){(int)idx, 0, 0};
        s->sel.as_of = true;
        snprintf(s->label, sizeof s->label, "%ld", idx);
    } else if (step == STEP_QUARTER) {
        int y = (int)(idx / 4), q = (int)(idx % 4);
        s->sel.from = (ag_date){y, 3 * q + 1, 0};
        s->sel.to = (ag_date){y, 3 * q + 3, 0};
        s->sel.as_of = false;
        snprintf(s->label, sizeof s->label, "%d-Q%d", y, q + 1);
    } else {
        int y = (int)(idx / 12), m = (int)(idx % 12) + 1;
        s->sel.from = s->sel.to = (ag_date){y, m, 0};
        s->sel.as_of = true;
        snprintf(s->label, sizeof s->label, "%d-%02d", y, m);
    }
}

/* The earliest start and latest end written in g (year 0 when none). */
static void data_range(const ag_graph *g, ag_date *lo, ag_date *hi)
{
    *lo = *hi = (ag_date){0, 0, 0};
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        const ag_date *d[2] = {&r->start, &r->end};
        for (int k = 0; k < 2; k++) {
            if (!d[k]->year)
                continue;
            if (!lo->year || ag_date_cmp(d[k], lo) < 0 ||
                (ag_date_cmp(d[k], lo) == 0 && d[k]->month < lo->month))
                *lo = *d[k];
            if (!hi->year || ag_date_cmp(d[k], hi) > 0 ||
                (ag_date_cmp(d[k], hi) == 0 && d[k]->month > hi->month))
                *hi = *d[k];
        }
    }
}

/* Parses --at: dates separated by commas, each after the one before
 * (compared on the precision both carry, so 2020 and 2020-05 overlap).
 * Returns the count, or -1 after printing the usage error into *rc. */
static long parse_at(const char *arg, snap **out, const ag_selection *conf, int *rc)
{
    size_t n = 1, k = 0;
    const char *p = arg;
    snap *s;
    for (const char *q = arg; *q; q++)
        n += *q == ',';
    if (n > MAX_SNAPSHOTS) {
        *rc = cli_usage_error("timeline", "--at: more than %d dates", MAX_SNAPSHOTS);
        return -1;
    }
    s = calloc(n, sizeof *s);
    if (!s) {
        fprintf(stderr, "actorgraph: out of memory\n");
        *rc = AG_EXIT_INTERNAL;
        return -1;
    }
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char buf[32];
        ag_date d;
        if (len >= sizeof buf || (memcpy(buf, p, len), buf[len] = '\0', !ag_date_parse(buf, &d))) {
            *rc = cli_usage_error("timeline", "--at: '%.*s' is not a date (YYYY, YYYY-MM or "
                                              "YYYY-MM-DD)",
                                  (int)(len > 40 ? 40 : len), p);
            free(s);
            return -1;
        }
        if (k > 0 && ag_date_cmp(&d, &s[k - 1].sel.from) <= 0) {
            *rc = cli_usage_error("timeline", "--at: %s %s %s; the dates must increase",
                                  buf, ag_date_cmp(&d, &s[k - 1].sel.from) == 0
                                           ? "repeats or overlaps" : "comes before",
                                  s[k - 1].label);
            free(s);
            return -1;
        }
        s[k].sel = *conf;
        s[k].sel.from = s[k].sel.to = d;
        s[k].sel.as_of = true;
        ag_date_format(&d, s[k].label, sizeof s[k].label);
        k++;
        if (!comma)
            break;
        p = comma + 1;
    }
    *out = s;
    return (long)k;
}

/* ---- computing a snapshot ---- */

static int cmp_double_desc(const void *x, const void *y, const double *v)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (v[a] != v[b])
        return v[a] > v[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

static const double *sort_values;
static int cmp_by_value(const void *x, const void *y)
{
    return cmp_double_desc(x, y, sort_values);
}

/* Ranks the present actors by value, highest first: equal values (within
 * a relative 1e-9) share the best rank of their group. */
static void assign_ranks(snap *s, size_t n, size_t *order)
{
    size_t m = 0;
    for (size_t v = 0; v < n; v++) {
        s->rank[v] = 0;
        if (s->present[v] && !isnan(s->value[v]))
            order[m++] = v;
    }
    sort_values = s->value;
    qsort(order, m, sizeof *order, cmp_by_value);
    for (size_t i = 0; i < m; i++) {
        double top = s->value[order[i]], prev = i ? s->value[order[i - 1]] : 0;
        if (i > 0 && prev - top <= 1e-9 * fmax(1.0, fabs(prev)))
            s->rank[order[i]] = s->rank[order[i - 1]];
        else
            s->rank[order[i]] = (long)i + 1;
    }
}

static int cmp_bloc_ident(const void *x, const void *y)
{
    const bloc_info *a = x, *b = y;
    return a->ident < b->ident ? -1 : a->ident > b->ident;
}

/* Selects, clusters, matches, measures and ranks snapshot k. */
static ag_status compute_snapshot(timeline *t, size_t k, size_t *work, ag_error *err)
{
    const ag_graph *g = t->g;
    snap *s = &t->s[k];
    const size_t *prev = k > 0 ? t->s[k - 1].ident : NULL;
    ag_graph *sg = NULL;
    ag_cluster_opts co;
    ag_partition p;
    ag_balance bal;
    ag_metrics met;
    size_t *cur = NULL, *ident = NULL, *leader = NULL, *size = NULL;
    size_t n = g->n_actors;
    ag_status st;

    memset(&p, 0, sizeof p);
    memset(&bal, 0, sizeof bal);
    memset(&met, 0, sizeof met);
    s->rel = calloc(g->n_relations + 1, 1);
    s->present = calloc(n + 1, 1);
    s->ident = malloc((n + 1) * sizeof *s->ident);
    s->value = calloc(n + 1, sizeof *s->value);
    s->rank = calloc(n + 1, sizeof *s->rank);
    if (!s->rel || !s->present || !s->ident || !s->value || !s->rank) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < g->n_relations; i++)
        if (ag_relation_selected(&g->relations[i], &s->sel)) {
            s->rel[i] = 1;
            s->n_relations++;
            s->present[g->relations[i].source] = s->present[g->relations[i].target] = 1;
        }
    for (size_t v = 0; v < n; v++)
        s->n_present += s->present[v];
    if ((st = ag_select(g, &s->sel, &sg, err)) != AG_OK)
        goto cleanup;
    ag_cluster_opts_init(&co);
    co.seed = t->seed;
    if ((st = ag_cluster(sg, &co, &p, err)) != AG_OK ||
        (st = ag_balance_compute(sg, &bal, err)) != AG_OK ||
        (st = ag_metrics_compute(sg, AG_TIES_POSITIVE, &met, err)) != AG_OK)
        goto cleanup;
    s->triangles = bal.triangles;
    s->balanced = bal.balanced;
    s->balance_index = bal.index;
    s->fr_count = p.frustration_count;
    s->fr_weight = p.frustration_weight;
    memcpy(s->value, met.v[t->metric], n * sizeof *s->value);

    cur = malloc((n + 1) * sizeof *cur);
    size = calloc(p.n_blocs + 1, sizeof *size);
    ident = malloc((p.n_blocs + 1) * sizeof *ident);
    leader = malloc((p.n_blocs + 1) * sizeof *leader);
    if (!cur || !size || !ident || !leader) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((st = ag_bloc_leaders(sg, p.bloc, p.n_blocs, leader, err)) != AG_OK)
        goto cleanup;
    for (size_t v = 0; v < n; v++)
        if (s->present[v])
            size[p.bloc[v]]++;
    /* a bloc of one is no coalition: its actor is alone, with no number */
    for (size_t v = 0; v < n; v++) {
        cur[v] = s->present[v] && size[p.bloc[v]] >= 2 ? p.bloc[v] : AG_NO_BLOC;
        s->n_alone += s->present[v] && size[p.bloc[v]] == 1;
    }
    if (!prev) {
        for (size_t v = 0; v < n; v++)
            work[v] = AG_NO_BLOC;
        prev = work;
    }
    if ((st = ag_bloc_match(n, prev, cur, p.n_blocs, &t->next_ident, ident, err)) != AG_OK)
        goto cleanup;
    for (size_t b = 0; b < p.n_blocs; b++)
        s->n_blocs += ident[b] != AG_NO_BLOC;
    s->blocs = malloc((s->n_blocs + 1) * sizeof *s->blocs);
    if (!s->blocs) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    s->n_blocs = 0;
    for (size_t b = 0; b < p.n_blocs; b++)
        if (ident[b] != AG_NO_BLOC)
            s->blocs[s->n_blocs++] = (bloc_info){ident[b], leader[b], size[b]};
    qsort(s->blocs, s->n_blocs, sizeof *s->blocs, cmp_bloc_ident);
    for (size_t v = 0; v < n; v++)
        s->ident[v] = cur[v] == AG_NO_BLOC ? AG_NO_BLOC : ident[cur[v]];
    assign_ranks(s, n, work);
    st = AG_OK;
cleanup:
    free(cur);
    free(size);
    free(ident);
    free(leader);
    ag_partition_destroy(&p);
    ag_balance_destroy(&bal);
    ag_metrics_destroy(&met);
    ag_graph_free(sg);
    return st;
}

static size_t abs_move(const change *c)
{
    long d = c->before - c->after;
    return (size_t)(d < 0 ? -d : d);
}

static int cmp_move(const void *x, const void *y)
{
    const change *a = x, *b = y;
    if (abs_move(a) != abs_move(b))
        return abs_move(a) > abs_move(b) ? -1 : 1;
    return a->a < b->a ? -1 : a->a > b->a;
}

/* The changes from snapshot k - 1 to k: relations (file order), blocs
 * (actor order), then the top biggest moves in rank. */
static ag_status compute_changes(timeline *t, size_t k, ag_error *err)
{
    const ag_graph *g = t->g;
    snap *s = &t->s[k], *o = &t->s[k - 1];
    size_t cap = 0, n = 0, moves = 0;
    change *c;

    for (size_t i = 0; i < g->n_relations; i++)
        cap += s->rel[i] != o->rel[i];
    for (size_t v = 0; v < g->n_actors; v++)
        cap += 2 * (s->present[v] && o->present[v]);
    c = malloc((cap + 1) * sizeof *c);
    if (!c)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    for (int kind = CH_BEGAN; kind <= CH_ENDED; kind++)
        for (size_t i = 0; i < g->n_relations; i++)
            if (s->rel[i] != o->rel[i] && (s->rel[i] == (kind == CH_BEGAN)))
                c[n++] = (change){kind, g->relations[i].source, g->relations[i].target, i, 0, 0};
    for (size_t v = 0; v < g->n_actors; v++)
        if (s->present[v] && o->present[v] && s->ident[v] != o->ident[v])
            c[n++] = (change){CH_BLOC, v, 0, 0,
                              o->ident[v] == AG_NO_BLOC ? 0 : (long)o->ident[v] + 1,
                              s->ident[v] == AG_NO_BLOC ? 0 : (long)s->ident[v] + 1};
    for (size_t v = 0; v < g->n_actors; v++)
        if (s->rank[v] && o->rank[v] && s->rank[v] != o->rank[v])
            c[n + moves++] = (change){CH_RANK, v, 0, 0, o->rank[v], s->rank[v]};
    qsort(c + n, moves, sizeof *c, cmp_move);
    n += moves < (size_t)t->top ? moves : (size_t)t->top;
    s->changes = c;
    s->n_changes = n;
    return AG_OK;
}

/* ---- output ---- */

static void put_bloc_name(timeline *t, const snap *s, long ident1, FILE *out)
{
    const bloc_info *b;
    if (ident1 == 0) {
        fputs("alone", out);
        return;
    }
    b = find_bloc(s, (size_t)ident1 - 1);
    fprintf(out, "bloc %ld (%s bloc)", ident1, b ? actor(t, b->leader) : "?");
}

static void print_text(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    char desc[512];

    cli_put_escaped(out, g->title ? g->title : g->name);
    fprintf(out, ": timeline, %zu snapshots from %s to %s", t->n, t->s[0].label,
            t->s[t->n - 1].label);
    ag_selection_describe(&t->conf, desc, sizeof desc);
    if (desc[0])
        fprintf(out, " (%s)", desc);
    fprintf(out, "\nblocs by the signed method (seed %lu), matched by shared members; "
                 "ranks by %s\n",
            t->seed, ag_metric_name(t->metric));
    for (size_t k = 0; k < t->n; k++) {
        const snap *s = &t->s[k];
        fprintf(out, "\n%s: %zu actors, %zu relations; balance index %.3f (%zu of %zu "
                     "triangles balanced); frustration %zu ties, weight %.3f\n",
                s->label, s->n_present, s->n_relations, s->balance_index, s->balanced,
                s->triangles, s->fr_count, s->fr_weight);
        fputs("  blocs:", out);
        for (size_t b = 0; b < s->n_blocs; b++) {
            fprintf(out, "%s %zu %s bloc (%zu)", b ? "," : "", s->blocs[b].ident + 1,
                    actor(t, s->blocs[b].leader), s->blocs[b].size);
        }
        fprintf(out, "%s%zu alone\n", s->n_blocs ? "; " : " ", s->n_alone);
        for (size_t i = 0; i < s->n_changes; i++) {
            const change *c = &s->changes[i];
            switch (c->kind) {
            case CH_BEGAN:
            case CH_ENDED: {
                const ag_relation *r = &g->relations[c->relation];
                fprintf(out, "  %s: %s %s %s (", change_kind[c->kind], actor(t, c->a),
                        r->sign > 0 ? "+" : "-", actor(t, c->b));
                cli_put_escaped(out, r->type);
                fputs(", ", out);
                cli_put_escaped(out, r->id);
                fputs(")\n", out);
                break;
            }
            case CH_BLOC:
                fprintf(out, "  bloc: %s from ", actor(t, c->a));
                put_bloc_name(t, &t->s[k - 1], c->before, out);
                fputs(" to ", out);
                put_bloc_name(t, s, c->after, out);
                fputc('\n', out);
                break;
            default:
                fprintf(out, "  rank: %s %ld -> %ld (%+ld)\n", actor(t, c->a), c->before,
                        c->after, c->before - c->after);
            }
        }
    }
}

static void put_num(FILE *out, double v)
{
    if (isnan(v))
        return;
    fprintf(out, "%.12g", v);
}

static void print_csv_actors(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    fprintf(out, "snapshot,id,name,present,bloc,bloc_name,%s,rank\n", ag_metric_name(t->metric));
    for (size_t k = 0; k < t->n; k++) {
        const snap *s = &t->s[k];
        for (size_t v = 0; v < g->n_actors; v++) {
            const bloc_info *b = s->ident[v] == AG_NO_BLOC ? NULL : find_bloc(s, s->ident[v]);
            fprintf(out, "%s,", s->label);
            cli_put_csv_field(out, g->actors[v].id);
            fputc(',', out);
            cli_put_csv_field(out, g->actors[v].name);
            fprintf(out, ",%d,", s->present[v]);
            if (b) {
                fprintf(out, "%zu,", b->ident + 1);
                cli_put_csv_field(out, g->actors[b->leader].name);
            } else {
                fputc(',', out);
            }
            fputc(',', out);
            if (s->present[v])
                put_num(out, s->value[v]);
            fputc(',', out);
            if (s->rank[v])
                fprintf(out, "%ld", s->rank[v]);
            fputc('\n', out);
        }
    }
}

static void print_csv_changes(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    fputs("snapshot,kind,actor,other,relation,type,sign,before,after\n", out);
    for (size_t k = 1; k < t->n; k++) {
        const snap *s = &t->s[k];
        for (size_t i = 0; i < s->n_changes; i++) {
            const change *c = &s->changes[i];
            fprintf(out, "%s,%s,", s->label, change_kind[c->kind]);
            cli_put_csv_field(out, g->actors[c->a].id);
            fputc(',', out);
            if (c->kind <= CH_ENDED) {
                const ag_relation *r = &g->relations[c->relation];
                cli_put_csv_field(out, g->actors[c->b].id);
                fputc(',', out);
                cli_put_csv_field(out, r->id);
                fputc(',', out);
                cli_put_csv_field(out, r->type);
                fprintf(out, ",%s,,\n", r->sign > 0 ? "+" : "-");
            } else if (c->kind == CH_BLOC) {
                fputs(",,,,", out);
                if (c->before)
                    fprintf(out, "%ld", c->before);
                fputc(',', out);
                if (c->after)
                    fprintf(out, "%ld", c->after);
                fputc('\n', out);
            } else {
                fprintf(out, ",,,,%ld,%ld\n", c->before, c->after);
            }
        }
    }
}

static json_t *bloc_json(timeline *t, const snap *s, long ident1)
{
    const bloc_info *b = ident1 ? find_bloc(s, (size_t)ident1 - 1) : NULL;
    (void)t;
    return b ? json_integer(ident1) : json_null();
}

static int print_json(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    json_t *root = json_object(), *snaps = json_array(), *rows = json_array(),
           *changes = json_array(), *man = json_object(), *opts = json_object();
    int rc = -1;

    if (!root || !snaps || !rows || !changes || !man || !opts)
        goto cleanup;
    for (size_t k = 0; k < t->n; k++) {
        const snap *s = &t->s[k];
        json_t *o = json_object(), *blocs = json_array(), *bal = json_object(),
               *fr = json_object();
        char d[16];
        json_object_set_new(o, "snapshot", json_string(s->label));
        ag_date_format(&s->sel.from, d, sizeof d);
        json_object_set_new(o, "from", json_string(d));
        ag_date_format(&s->sel.to, d, sizeof d);
        json_object_set_new(o, "to", json_string(d));
        json_object_set_new(o, "actors", json_integer((json_int_t)s->n_present));
        json_object_set_new(o, "relations", json_integer((json_int_t)s->n_relations));
        for (size_t b = 0; b < s->n_blocs; b++) {
            json_t *bo = json_object(), *members = json_array();
            for (size_t v = 0; v < g->n_actors; v++)
                if (s->ident[v] == s->blocs[b].ident)
                    json_array_append_new(members, json_string(g->actors[v].id));
            json_object_set_new(bo, "bloc", json_integer((json_int_t)s->blocs[b].ident + 1));
            json_object_set_new(bo, "name", json_string(g->actors[s->blocs[b].leader].name));
            json_object_set_new(bo, "leader", json_string(g->actors[s->blocs[b].leader].id));
            json_object_set_new(bo, "members", members);
            json_array_append_new(blocs, bo);
        }
        json_object_set_new(o, "blocs", blocs);
        json_object_set_new(o, "alone", json_integer((json_int_t)s->n_alone));
        json_object_set_new(bal, "triangles", json_integer((json_int_t)s->triangles));
        json_object_set_new(bal, "balanced", json_integer((json_int_t)s->balanced));
        json_object_set_new(bal, "index", json_real(s->balance_index));
        json_object_set_new(o, "balance", bal);
        json_object_set_new(fr, "count", json_integer((json_int_t)s->fr_count));
        json_object_set_new(fr, "weight", json_real(s->fr_weight));
        json_object_set_new(o, "frustration", fr);
        json_array_append_new(snaps, o);
        for (size_t v = 0; v < g->n_actors; v++) {
            json_t *r = json_object();
            json_object_set_new(r, "snapshot", json_string(s->label));
            json_object_set_new(r, "actor", json_string(g->actors[v].id));
            json_object_set_new(r, "present", json_boolean(s->present[v]));
            json_object_set_new(r, "bloc", s->ident[v] == AG_NO_BLOC
                                               ? json_null()
                                               : json_integer((json_int_t)s->ident[v] + 1));
            json_object_set_new(r, ag_metric_name(t->metric),
                                s->present[v] && !isnan(s->value[v]) ? json_real(s->value[v])
                                                                     : json_null());
            json_object_set_new(r, "rank", s->rank[v] ? json_integer(s->rank[v]) : json_null());
            json_array_append_new(rows, r);
        }
        for (size_t i = 0; i < s->n_changes; i++) {
            const change *c = &s->changes[i];
            json_t *co = json_object();
            json_object_set_new(co, "snapshot", json_string(s->label));
            json_object_set_new(co, "kind", json_string(change_kind[c->kind]));
            json_object_set_new(co, "actor", json_string(g->actors[c->a].id));
            if (c->kind <= CH_ENDED) {
                const ag_relation *r = &g->relations[c->relation];
                json_object_set_new(co, "other", json_string(g->actors[c->b].id));
                json_object_set_new(co, "relation", json_string(r->id));
                json_object_set_new(co, "type", json_string(r->type));
                json_object_set_new(co, "sign", json_integer(r->sign));
            } else if (c->kind == CH_BLOC) {
                json_object_set_new(co, "before", bloc_json(t, &t->s[k - 1], c->before));
                json_object_set_new(co, "after", bloc_json(t, s, c->after));
            } else {
                json_object_set_new(co, "before", json_integer(c->before));
                json_object_set_new(co, "after", json_integer(c->after));
            }
            json_array_append_new(changes, co);
        }
    }
    json_object_set_new(root, "snapshots", snaps);
    json_object_set_new(root, "actors", rows);
    json_object_set_new(root, "changes", changes);
    snaps = rows = changes = NULL;
    json_object_set_new(opts, "every",
                        t->step == STEP_YEAR      ? json_string("year")
                        : t->step == STEP_QUARTER ? json_string("quarter")
                        : t->step == STEP_MONTH   ? json_string("month")
                                                  : json_null());
    json_object_set_new(opts, "metric", json_string(ag_metric_name(t->metric)));
    json_object_set_new(opts, "top", json_integer(t->top));
    json_object_set_new(opts, "method", json_string("signed"));
    json_object_set_new(man, "input", json_string(t->input));
    json_object_set_new(man, "sha256", json_string(g->sha256));
    json_object_set_new(man, "command", json_string("timeline"));
    json_object_set_new(man, "options", opts);
    opts = NULL;
    if (!ag_selection_is_all(&t->conf))
        json_object_set_new(man, "selection", ag_selection_json(&t->conf, NULL));
    json_object_set_new(man, "seed", json_integer((json_int_t)t->seed));
    json_object_set_new(man, "actorgraph", json_string(ag_version()));
    json_object_set_new(root, "manifest", man);
    man = NULL;
    if (json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(12)) == 0) {
        fputc('\n', out);
        rc = 0;
    }
cleanup:
    json_decref(root);
    json_decref(snaps);
    json_decref(rows);
    json_decref(changes);
    json_decref(man);
    json_decref(opts);
    return rc;
}


/* ---- pictures ---- */

static const size_t *sort_counts;
static int cmp_by_count(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (sort_counts[a] != sort_counts[b])
        return sort_counts[a] > sort_counts[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Draws the snapshots with every actor where one layout of the whole graph
 * puts it: one picture of small multiples at path, or with dir one SVG per
 * snapshot in it. Returns the exit code. */
static int draw(timeline *t, const char *path, int dir, int quiet)
{
    const ag_graph *g = t->g;
    size_t n = g->n_actors;
    double *x = NULL, *y = NULL;
    unsigned char *label = NULL;
    char **names = NULL, **paths = NULL;
    size_t *count = NULL;
    ag_panel *panels = NULL;
    ag_blob *blobs = NULL;
    ag_output *outs = NULL;
    ag_multiples_opts mo;
    ag_error err;
    ag_status st;
    ag_format fmt = AG_FMT_SVG;
    char title[1024], desc[512];
    int rc = AG_EXIT_INTERNAL;
    size_t n_out = dir ? t->n : 1, top = 10;

    if (!dir && (!ag_format_from_path(path, &fmt) ||
                 (fmt != AG_FMT_SVG && fmt != AG_FMT_PNG && fmt != AG_FMT_PDF)))
        return cli_usage_error("timeline", "-o %s: draw to a .svg, .png or .pdf file, or a "
                                           "directory ending in /",
                               path);
    x = malloc((n + 1) * sizeof *x);
    y = malloc((n + 1) * sizeof *y);
    label = calloc(n + 1, 1);
    count = calloc(n + 1, sizeof *count);
    names = calloc(t->next_ident + 1, sizeof *names);
    panels = calloc(t->n, sizeof *panels);
    blobs = calloc(n_out, sizeof *blobs);
    outs = calloc(n_out, sizeof *outs);
    paths = calloc(n_out, sizeof *paths);
    if (!x || !y || !label || !count || !names || !panels || !blobs || !outs || !paths)
        goto oom;
    ag_error_clear(&err);
    if ((st = ag_layout_positions(g, NULL, x, y, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    /* names: a small graph's every actor; a large one's bloc leaders and
       the actors with the most relations */
    for (size_t i = 0; i < g->n_relations; i++)
        count[g->relations[i].source]++, count[g->relations[i].target]++;
    if (n <= AG_RENDER_SMALL_ACTORS) {
        memset(label, 1, n);
    } else {
        size_t *order = malloc((n + 1) * sizeof *order);
        if (!order)
            goto oom;
        for (size_t v = 0; v < n; v++)
            order[v] = v;
        sort_counts = count;
        qsort(order, n, sizeof *order, cmp_by_count);
        for (size_t i = 0; i < top && i < n; i++)
            label[order[i]] = 1;
        free(order);
    }
    /* a bloc's legend: its leaders in the order they led it, "bloc 2:
       Soviet Union / Russia, then China" */
    for (size_t k = 0; k < t->n; k++)
        for (size_t b = 0; b < t->s[k].n_blocs; b++) {
            const bloc_info *bi = &t->s[k].blocs[b];
            const char *leader = g->actors[bi->leader].name;
            char *old = names[bi->ident], *s;
            size_t len;
            label[bi->leader] = 1;
            if (k > 0) {
                const bloc_info *pb = find_bloc(&t->s[k - 1], bi->ident);
                if (pb && pb->leader == bi->leader)
                    continue;
            }
            if (old && strlen(old) > 400)
                continue; /* long enough */
            len = (old ? strlen(old) : 0) + strlen(leader) + 40;
            if (!(s = malloc(len)))
                goto oom;
            if (old)
                snprintf(s, len, "%s, then %s", old, leader);
            else
                snprintf(s, len, "bloc %zu: %s", bi->ident + 1, leader);
            free(old);
            names[bi->ident] = s;
        }
    for (size_t k = 0; k < t->n; k++) {
        panels[k].title = t->s[k].label;
        panels[k].present = t->s[k].present;
        panels[k].rel = t->s[k].rel;
        panels[k].bloc = t->s[k].ident;
    }
    ag_selection_describe(&t->conf, desc, sizeof desc);
    snprintf(title, sizeof title, "%s%s%s%s", g->title ? g->title : g->name,
             desc[0] ? " (" : "", desc, desc[0] ? ")" : "");
    mo.title = title;
    mo.x = x;
    mo.y = y;
    mo.label = label;
    mo.bloc_name = (const char *const *)names;
    mo.n_bloc_names = t->next_ident;
    for (size_t k = 0; k < n_out; k++) {
        ag_error_clear(&err);
        if (dir) {
            mo.title = NULL;
            st = ag_render_multiples(g, &panels[k], 1, &mo, &fmt, 1, &blobs[k], &err);
        } else {
            st = ag_render_multiples(g, panels, t->n, &mo, &fmt, 1, &blobs[k], &err);
        }
        if (st != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        if (dir) {
            size_t len = strlen(path) + strlen(t->s[k].label) + 16;
            if (!(paths[k] = malloc(len)))
                goto oom;
            snprintf(paths[k], len, "%s%04zu-%s.svg", path, k + 1, t->s[k].label);
        }
        outs[k].path = dir ? paths[k] : path;
        outs[k].data = blobs[k].data;
        outs[k].len = blobs[k].len;
    }
    {
        char *d = NULL;
        if (dir) {
            size_t len = strlen(path);
            if (!(d = malloc(len + 1)))
                goto oom;
            memcpy(d, path, len + 1);
            while (len > 1 && d[len - 1] == '/')
                d[--len] = '\0';
        }
        rc = cli_write_outputs(outs, n_out, d, t->input, NULL, quiet);
        free(d);
    }
    goto cleanup;
oom:
    fprintf(stderr, "actorgraph: out of memory\n");
    rc = AG_EXIT_INTERNAL;
cleanup:
    for (size_t k = 0; blobs && k < n_out; k++)
        ag_blob_free(&blobs[k]);
    for (size_t k = 0; paths && k < n_out; k++)
        free(paths[k]);
    for (size_t b = 0; names && b < t->next_ident; b++)
        free(names[b]);
    free(x);
    free(y);
    free(label);
    free(count);
    free(names);
    free(panels);
    free(blobs);
    free(outs);
    free(paths);
    return rc;
}

/* ---- options ---- */

static int parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

static void timeline_free(timeline *t)
{
    for (size_t k = 0; t->s && k < t->n; k++) {
        free(t->s[k].rel);
        free(t->s[k].present);
        free(t->s[k].ident);
        free(t->s[k].value);
        free(t->s[k].rank);
        free(t->s[k].blocs);
        free(t->s[k].changes);
    }
    free(t->s);
    if (t->shown && t->g)
        for (size_t i = 0; i < t->g->n_actors; i++)
            free(t->shown[i]);
    free(t->shown);
}

#define OPT_AT 0x200
#define OPT_ROWS 0x201

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"every", required_argument, NULL, 'e'}, {"at", required_argument, NULL, OPT_AT},
        {"metric", required_argument, NULL, 'm'}, {"top", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},   {"format", required_argument, NULL, 'f'},
        {"rows", required_argument, NULL, OPT_ROWS}, {"quiet", no_argument, NULL, 'q'},
        {"output", required_argument, NULL, 'o'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    timeline t;
    ag_graph *g = NULL;
    cli_input in;
    ag_error err;
    ag_status st;
    int c, fmt = FMT_TEXT, rc = AG_EXIT_OK, rows_changes = 0, rows_given = 0;
    long v;
    const char *input, *at = NULL, *output = NULL;
    int quiet = 0;
    size_t *work = NULL;
    ag_date range_from, range_to;

    memset(&t, 0, sizeof t);
    t.metric = AG_M_PAGERANK;
    t.top = 5;
    t.seed = 1;
    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":e:m:n:s:f:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'e':
            if (!(t.step = parse_every(optarg)))
                return cli_usage_error("timeline", "--every: '%s' is not year, quarter or month",
                                       optarg);
            break;
        case OPT_AT:
            at = optarg;
            break;
        case 'm':
            if (!ag_metric_parse(optarg, &t.metric))
                return cli_usage_error("timeline", "unknown metric '%s' (%s)", optarg,
                                       cli_metric_list());
            break;
        case 'n':
            if (!parse_long(optarg, 0, 1000000, &t.top))
                return cli_usage_error("timeline", "--top needs a whole number >= 0, not '%s'",
                                       optarg);
            break;
        case 's':
            if (!parse_long(optarg, 0, 2147483647L, &v))
                return cli_usage_error("timeline",
                                       "--seed needs a whole number from 0 to 2147483647, not "
                                       "'%s'",
                                       optarg);
            t.seed = (unsigned long)v;
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                fmt = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                fmt = FMT_JSON;
            else if (strcmp(optarg, "csv") == 0)
                fmt = FMT_CSV;
            else
                return cli_usage_error("timeline", "unknown format '%s' (text, json, csv)", optarg);
            break;
        case OPT_ROWS:
            if (strcmp(optarg, "actors") != 0 && strcmp(optarg, "changes") != 0)
                return cli_usage_error("timeline", "--rows: '%s' is not actors or changes", optarg);
            rows_changes = strcmp(optarg, "changes") == 0;
            rows_given = 1;
            break;
        case 'q':
            cli_progress_quiet();
            quiet = 1;
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            return AG_EXIT_OK;
        case ':':
            return cli_usage_error("timeline", "option '%s' needs a value", argv[optind - 1]);
        default:
            if (cli_input_option(&in, c, optarg, "timeline", &rc))
                break;
            if (rc)
                return rc;
            return cli_usage_error("timeline", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("timeline", "too many arguments: '%s'", argv[optind + 1]);
    if (in.dated == 1)
        return cli_usage_error("timeline", "--as-of selects one date; a timeline takes --every "
                                           "(with --from/--to) or --at");
    if (in.sel.drop_isolates)
        return cli_usage_error("timeline", "--drop-isolates does not apply: every snapshot keeps "
                                           "every actor, absent ones without a bloc");
    if (!t.step && !at)
        return cli_usage_error("timeline", "say when to take snapshots: --every "
                                           "year|quarter|month or --at D1,D2,...");
    if (t.step && at)
        return cli_usage_error("timeline", "--every and --at cannot be combined");
    if (at && in.dated == 2)
        return cli_usage_error("timeline", "--at takes no --from/--to");
    if (output && output[0] && output[strlen(output) - 1] != '/') {
        ag_format of;
        if (!ag_format_from_path(output, &of) ||
            (of != AG_FMT_SVG && of != AG_FMT_PNG && of != AG_FMT_PDF))
            return cli_usage_error("timeline", "-o %s: draw to a .svg, .png or .pdf file, or a "
                                               "directory ending in /",
                                   output);
    }
    if (rows_given && fmt != FMT_CSV)
        return cli_usage_error("timeline", "--rows applies to --format csv only");
    if (in.weights_given && !in.sel.weigh_confidence)
        fprintf(stderr, "actorgraph: warning: --confidence-weights has no effect without "
                        "--weigh-confidence\n");
    /* the confidence part applies to every snapshot; the dates make them */
    t.conf = in.sel;
    t.conf.from = t.conf.to = (ag_date){0, 0, 0};
    t.conf.as_of = false;
    ag_error_clear(&err);
    if (ag_selection_check(&t.conf, &err) != AG_OK)
        return cli_usage_error("timeline", "%s", err.message);
    if (in.sel.from.year && in.sel.to.year && ag_date_cmp(&in.sel.from, &in.sel.to) > 0)
        return cli_usage_error("timeline", "--from is after --to: no snapshot to take");
    if (at) {
        long n = parse_at(at, &t.s, &t.conf, &rc);
        if (n < 0)
            return rc;
        t.n = (size_t)n;
    }
    input = optind < argc ? argv[optind] : NULL;
    /* loaded whole: each snapshot selects from it */
    range_from = in.sel.from;
    range_to = in.sel.to;
    ag_selection_init(&in.sel);
    in.weights_given = 0;
    rc = cli_load_input(input, &in, &g);
    if (rc != AG_EXIT_OK)
        goto cleanup;
    t.g = g;
    t.input = input ? input : cli_default_graph();
    if (!at) {
        ag_date lo, hi;
        long first, last;
        data_range(g, &lo, &hi);
        if (range_from.year)
            lo = range_from;
        if (range_to.year)
            hi = range_to;
        if (!lo.year || !hi.year) {
            rc = cli_usage_error("timeline", "the graph has no dated relation to start or end "
                                             "the timeline: give --from and --to, or --at");
            goto cleanup;
        }
        first = step_index(t.step, &lo, 0);
        last = step_index(t.step, &hi, 1);
        if (first > last) {
            rc = cli_usage_error("timeline", "no snapshot from %s to the graph's last date",
                                 range_from.year ? "--from" : "the first date");
            goto cleanup;
        }
        if (last - first + 1 > MAX_SNAPSHOTS) {
            rc = cli_usage_error("timeline", "%ld snapshots: more than %d (choose a longer step "
                                             "or a shorter range)",
                                 last - first + 1, MAX_SNAPSHOTS);
            goto cleanup;
        }
        t.n = (size_t)(last - first + 1);
        if (!(t.s = calloc(t.n, sizeof *t.s))) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
            goto cleanup;
        }
        for (size_t k = 0; k < t.n; k++)
            step_snapshot(t.step, first + (long)k, &t.s[k], &t.conf);
    }
    t.shown = calloc(g->n_actors + 1, sizeof *t.shown);
    work = malloc((g->n_actors + 1) * sizeof *work);
    if (!t.shown || !work) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    for (size_t k = 0; k < t.n; k++) {
        ag_error_clear(&err);
        if ((st = compute_snapshot(&t, k, work, &err)) != AG_OK ||
            (k > 0 && (st = compute_changes(&t, k, &err)) != AG_OK)) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
    }
    if (output) {
        size_t len = strlen(output);
        rc = draw(&t, output, len > 0 && output[len - 1] == '/', quiet);
        if (rc != AG_EXIT_OK)
            goto cleanup;
    }
    if (fmt == FMT_JSON) {
        if (print_json(&t, stdout) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
    } else if (fmt == FMT_CSV) {
        if (rows_changes)
            print_csv_changes(&t, stdout);
        else
            print_csv_actors(&t, stdout);
    } else {
        print_text(&t, stdout);
    }
cleanup:
    free(work);
    timeline_free(&t);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_timeline = {
    .name = "timeline",
    .summary = "snapshots of a dated graph: what changed, blocs, ranks, balance",
    .usage = usage,
    .run = run,
};
