/* Timelines: snapshots of a dated graph and the changes between them
 * (include/actorgraph/timeline.h). Reentrant: no state outside the call. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/cluster.h"
#include "actorgraph/timeline.h"

bool ag_timeline_step_parse(const char *s, ag_timeline_step *out)
{
    if (strcmp(s, "year") == 0)
        *out = AG_TIMELINE_STEP_YEAR;
    else if (strcmp(s, "quarter") == 0)
        *out = AG_TIMELINE_STEP_QUARTER;
    else if (strcmp(s, "month") == 0)
        *out = AG_TIMELINE_STEP_MONTH;
    else
        return false;
    return true;
}

const char *ag_timeline_step_name(ag_timeline_step step)
{
    switch (step) {
    case AG_TIMELINE_STEP_YEAR: return "year";
    case AG_TIMELINE_STEP_QUARTER: return "quarter";
    case AG_TIMELINE_STEP_MONTH: return "month";
    default: return NULL;
    }
}

void ag_timeline_opts_init(ag_timeline_opts *o)
{
    memset(o, 0, sizeof *o);
    ag_selection_init(&o->conf);
    o->metric = AG_M_PAGERANK;
    o->top = 5;
    o->seed = 1;
    o->step = AG_TIMELINE_STEP_NONE;
}

ag_status ag_timeline_parse_dates(const char *s, ag_date **dates, size_t *n, ag_error *err)
{
    size_t cap = 1, k = 0;
    const char *p = s;
    ag_date *d = NULL;
    ag_status st;

    *dates = NULL;
    *n = 0;
    for (const char *q = s; *q; q++)
        cap += *q == ',';
    if (cap > AG_TIMELINE_MAX_SNAPSHOTS) {
        st = ag_error_set(err, AG_EARG, "--at: more than %d dates", AG_TIMELINE_MAX_SNAPSHOTS);
        goto cleanup;
    }
    if (!(d = malloc(cap * sizeof *d))) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char buf[32], prev[32];
        if (len >= sizeof buf ||
            (memcpy(buf, p, len), buf[len] = '\0', !ag_date_parse(buf, &d[k]))) {
            st = ag_error_set(err, AG_EARG,
                              "--at: '%.*s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                              (int)(len > 40 ? 40 : len), p);
            goto cleanup;
        }
        if (k > 0 && ag_date_cmp(&d[k], &d[k - 1]) <= 0) {
            ag_date_format(&d[k - 1], prev, sizeof prev);
            st = ag_error_set(err, AG_EARG, "--at: %s %s %s; the dates must increase", buf,
                              ag_date_cmp(&d[k], &d[k - 1]) == 0 ? "repeats or overlaps"
                                                                 : "comes before",
                              prev);
            goto cleanup;
        }
        k++;
        if (!comma)
            break;
        p = comma + 1;
    }
    *dates = d;
    *n = k;
    d = NULL;
    st = AG_OK;
cleanup:
    free(d);
    return st;
}

/* ---- snapshot dates ---- */

/* The date's position on the step's scale; as_end: a year or a year's
 * quarter counted from its last month. */
static long step_index(ag_timeline_step step, const ag_date *d, int as_end)
{
    int m = d->month ? d->month : as_end ? 12 : 1;
    if (step == AG_TIMELINE_STEP_YEAR)
        return d->year;
    if (step == AG_TIMELINE_STEP_QUARTER)
        return (long)d->year * 4 + (m - 1) / 3;
    return (long)d->year * 12 + (m - 1);
}

/* Fills a snapshot's selection and label from its index on the scale. */
static void step_snapshot(ag_timeline_step step, long idx, ag_timeline_snapshot *s,
                          const ag_selection *conf)
{
    s->sel = *conf;
    if (step == AG_TIMELINE_STEP_YEAR) {
        s->sel.from = s->sel.to = (ag_date){(int)idx, 0, 0};
        s->sel.as_of = true;
        snprintf(s->label, sizeof s->label, "%ld", idx);
    } else if (step == AG_TIMELINE_STEP_QUARTER) {
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

/* The earliest and latest date (start or end) written in g; year 0 when
 * none. Of two dates equal on their shared precision, the one with a month
 * is the earlier low and the later high. */
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

/* AG_OK when o asks for snapshots in a way ag_timeline_compute takes. */
static ag_status check_opts(const ag_timeline_opts *o, ag_error *err)
{
    if (o->step != AG_TIMELINE_STEP_NONE && !ag_timeline_step_name(o->step))
        return ag_error_set(err, AG_EARG, "--every: not year, quarter or month");
    if (o->step != AG_TIMELINE_STEP_NONE && o->at)
        return ag_error_set(err, AG_EARG, "--every and --at cannot be combined");
    if (o->step == AG_TIMELINE_STEP_NONE && (!o->at || o->n_at == 0))
        return ag_error_set(err, AG_EARG, "say when to take snapshots: --every "
                                          "year|quarter|month or --at D1,D2,...");
    if (o->at && (o->from.year || o->to.year))
        return ag_error_set(err, AG_EARG, "--at takes no --from/--to");
    if (o->n_at > AG_TIMELINE_MAX_SNAPSHOTS)
        return ag_error_set(err, AG_EARG, "--at: more than %d dates",
                            AG_TIMELINE_MAX_SNAPSHOTS);
    for (size_t k = 1; o->at && k < o->n_at; k++)
        if (ag_date_cmp(&o->at[k], &o->at[k - 1]) <= 0)
            return ag_error_set(err, AG_EARG, "--at: the dates must increase");
    if (o->from.year && o->to.year && ag_date_cmp(&o->from, &o->to) > 0)
        return ag_error_set(err, AG_EARG, "--from is after --to: no snapshot to take");
    if (o->conf.from.year || o->conf.to.year || o->conf.as_of)
        return ag_error_set(err, AG_EARG, "the snapshots make the dates: the confidence "
                                          "selection takes none");
    if (o->conf.drop_isolates)
        return ag_error_set(err, AG_EARG, "--drop-isolates does not apply: every snapshot "
                                          "keeps every actor, absent ones without a bloc");
    return ag_selection_check(&o->conf, err);
}

/* Allocates t's snapshots and gives each its selection and label. */
static ag_status plan(const ag_graph *g, const ag_timeline_opts *o, ag_timeline *t,
                      ag_error *err)
{
    ag_date lo, hi;
    long first, last;

    if (o->at) {
        if (!(t->snap = calloc(o->n_at, sizeof *t->snap)))
            return ag_error_set(err, AG_ENOMEM, "out of memory");
        t->n = o->n_at;
        for (size_t k = 0; k < t->n; k++) {
            ag_timeline_snapshot *s = &t->snap[k];
            s->sel = o->conf;
            s->sel.from = s->sel.to = o->at[k];
            s->sel.as_of = true;
            ag_date_format(&o->at[k], s->label, sizeof s->label);
        }
        return AG_OK;
    }
    data_range(g, &lo, &hi);
    if (o->from.year)
        lo = o->from;
    if (o->to.year)
        hi = o->to;
    if (!lo.year || !hi.year)
        return ag_error_set(err, AG_EARG, "the graph has no dated relation to start or end "
                                          "the timeline: give --from and --to, or --at");
    first = step_index(o->step, &lo, 0);
    last = step_index(o->step, &hi, 1);
    if (first > last)
        return ag_error_set(err, AG_EARG, "no snapshot from %s to the graph's last date",
                            o->from.year ? "--from" : "the first date");
    if (last - first + 1 > AG_TIMELINE_MAX_SNAPSHOTS)
        return ag_error_set(err, AG_EARG, "%ld snapshots: more than %d (choose a longer step "
                                          "or a shorter range)",
                            last - first + 1, AG_TIMELINE_MAX_SNAPSHOTS);
    if (!(t->snap = calloc((size_t)(last - first + 1), sizeof *t->snap)))
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    t->n = (size_t)(last - first + 1);
    for (size_t k = 0; k < t->n; k++)
        step_snapshot(o->step, first + (long)k, &t->snap[k], &o->conf);
    return AG_OK;
}

/* ---- computing a snapshot ---- */

/* An actor and its value, sorted highest first, then by actor. */
typedef struct ranked {
    double value;
    size_t actor;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return a->actor < b->actor ? -1 : a->actor > b->actor;
}

/* Ranks the present actors with a value, highest first: equal values
 * (within a relative 1e-9 of the one before) share the best rank of their
 * group. order has room for n. */
static void assign_ranks(ag_timeline_snapshot *s, size_t n, ranked *order)
{
    size_t m = 0;
    for (size_t v = 0; v < n; v++) {
        s->rank[v] = 0;
        if (s->present[v] && !isnan(s->value[v]))
            order[m++] = (ranked){s->value[v], v};
    }
    qsort(order, m, sizeof *order, cmp_ranked);
    for (size_t i = 0; i < m; i++) {
        double top = order[i].value, prev = i ? order[i - 1].value : 0;
        if (i > 0 && prev - top <= 1e-9 * fmax(1.0, fabs(prev)))
            s->rank[order[i].actor] = s->rank[order[i - 1].actor];
        else
            s->rank[order[i].actor] = (long)i + 1;
    }
}

static int cmp_bloc_ident(const void *x, const void *y)
{
    const ag_timeline_bloc *a = x, *b = y;
    return a->ident < b->ident ? -1 : a->ident > b->ident;
}

/* Selects, clusters, matches, measures and ranks snapshot k, whose
 * selection is set; none holds AG_NO_BLOC for every actor, order room for
 * every actor. What it allocates stays in the snapshot, also on failure. */
static ag_status compute_snapshot(const ag_graph *g, const ag_timeline_opts *o, ag_timeline *t,
                                  size_t k, const size_t *none, ranked *order, ag_error *err)
{
    ag_timeline_snapshot *s = &t->snap[k];
    const size_t *prev = k > 0 ? t->snap[k - 1].bloc : none;
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
    s->in_force = calloc(g->n_relations + 1, 1);
    s->present = calloc(n + 1, 1);
    s->bloc = malloc((n + 1) * sizeof *s->bloc);
    s->value = calloc(n + 1, sizeof *s->value);
    s->rank = calloc(n + 1, sizeof *s->rank);
    if (!s->in_force || !s->present || !s->bloc || !s->value || !s->rank) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < g->n_relations; i++)
        if (ag_relation_selected(&g->relations[i], &s->sel)) {
            s->in_force[i] = 1;
            s->n_relations++;
            s->present[g->relations[i].source] = s->present[g->relations[i].target] = 1;
        }
    for (size_t v = 0; v < n; v++)
        s->n_present += s->present[v];
    if ((st = ag_select(g, &s->sel, &sg, err)) != AG_OK)
        goto cleanup;
    ag_cluster_opts_init(&co);
    co.seed = o->seed;
    if ((st = ag_cluster(sg, &co, &p, err)) != AG_OK ||
        (st = ag_balance_compute(sg, &bal, err)) != AG_OK ||
        (st = ag_metrics_compute(sg, AG_TIES_POSITIVE, &met, err)) != AG_OK)
        goto cleanup;
    s->triangles = bal.triangles;
    s->balanced = bal.balanced;
    s->balance_index = bal.index;
    s->frustration_count = p.frustration_count;
    s->frustration_weight = p.frustration_weight;
    memcpy(s->value, met.v[o->metric], n * sizeof *s->value);

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
    if ((st = ag_bloc_match(n, prev, cur, p.n_blocs, &t->n_idents, ident, err)) != AG_OK)
        goto cleanup;
    for (size_t b = 0; b < p.n_blocs; b++)
        s->n_blocs += ident[b] != AG_NO_BLOC;
    if (!(s->blocs = malloc((s->n_blocs + 1) * sizeof *s->blocs))) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    s->n_blocs = 0;
    for (size_t b = 0; b < p.n_blocs; b++)
        if (ident[b] != AG_NO_BLOC)
            s->blocs[s->n_blocs++] = (ag_timeline_bloc){ident[b], leader[b], size[b]};
    qsort(s->blocs, s->n_blocs, sizeof *s->blocs, cmp_bloc_ident);
    for (size_t v = 0; v < n; v++)
        s->bloc[v] = cur[v] == AG_NO_BLOC ? AG_NO_BLOC : ident[cur[v]];
    assign_ranks(s, n, order);
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

static size_t abs_move(const ag_timeline_change *c)
{
    long d = c->before - c->after;
    return (size_t)(d < 0 ? -d : d);
}

/* Largest move first, then by actor (one move per actor: a total order). */
static int cmp_move(const void *x, const void *y)
{
    const ag_timeline_change *a = x, *b = y;
    if (abs_move(a) != abs_move(b))
        return abs_move(a) > abs_move(b) ? -1 : 1;
    return a->actor < b->actor ? -1 : a->actor > b->actor;
}

/* The changes from snapshot k - 1 to k: relations (began, then ended, each
 * in file order), blocs (actor order), then the top biggest moves in
 * rank. */
static ag_status compute_changes(const ag_graph *g, const ag_timeline_opts *o, ag_timeline *t,
                                 size_t k, ag_error *err)
{
    ag_timeline_snapshot *s = &t->snap[k];
    const ag_timeline_snapshot *b = &t->snap[k - 1];
    size_t cap = 0, n = 0, moves = 0;
    ag_timeline_change *c;

    for (size_t i = 0; i < g->n_relations; i++)
        cap += s->in_force[i] != b->in_force[i];
    for (size_t v = 0; v < g->n_actors; v++)
        cap += 2 * (s->present[v] && b->present[v]);
    if (!(c = malloc((cap + 1) * sizeof *c)))
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    for (int kind = AG_TIMELINE_BEGAN; kind <= AG_TIMELINE_ENDED; kind++)
        for (size_t i = 0; i < g->n_relations; i++)
            if (s->in_force[i] != b->in_force[i] && (s->in_force[i] == (kind == AG_TIMELINE_BEGAN)))
                c[n++] = (ag_timeline_change){(ag_timeline_change_kind)kind, g->relations[i].source,
                                              g->relations[i].target, i, 0, 0};
    for (size_t v = 0; v < g->n_actors; v++)
        if (s->present[v] && b->present[v] && s->bloc[v] != b->bloc[v])
            c[n++] = (ag_timeline_change){AG_TIMELINE_BLOC, v, 0, 0,
                                          b->bloc[v] == AG_NO_BLOC ? 0 : (long)b->bloc[v] + 1,
                                          s->bloc[v] == AG_NO_BLOC ? 0 : (long)s->bloc[v] + 1};
    for (size_t v = 0; v < g->n_actors; v++)
        if (s->rank[v] && b->rank[v] && s->rank[v] != b->rank[v])
            c[n + moves++] = (ag_timeline_change){AG_TIMELINE_RANK, v, 0, 0, b->rank[v],
                                                  s->rank[v]};
    qsort(c + n, moves, sizeof *c, cmp_move);
    n += moves < o->top ? moves : o->top;
    s->changes = c;
    s->n_changes = n;
    return AG_OK;
}

ag_status ag_timeline_compute(const ag_graph *g, const ag_timeline_opts *o, ag_timeline *out,
                              ag_error *err)
{
    size_t n = g->n_actors, *none = NULL;
    ranked *order = NULL;
    ag_status st;

    memset(out, 0, sizeof *out);
    if ((st = check_opts(o, err)) != AG_OK || (st = plan(g, o, out, err)) != AG_OK)
        goto cleanup;
    none = malloc((n + 1) * sizeof *none);
    order = malloc((n + 1) * sizeof *order);
    if (!none || !order) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t v = 0; v < n; v++)
        none[v] = AG_NO_BLOC;
    for (size_t k = 0; k < out->n; k++)
        if ((st = compute_snapshot(g, o, out, k, none, order, err)) != AG_OK ||
            (k > 0 && (st = compute_changes(g, o, out, k, err)) != AG_OK))
            goto cleanup;
    st = AG_OK;
cleanup:
    free(none);
    free(order);
    if (st != AG_OK)
        ag_timeline_destroy(out);
    return st;
}

void ag_timeline_destroy(ag_timeline *t)
{
    for (size_t k = 0; t->snap && k < t->n; k++) {
        free(t->snap[k].in_force);
        free(t->snap[k].present);
        free(t->snap[k].bloc);
        free(t->snap[k].value);
        free(t->snap[k].rank);
        free(t->snap[k].blocs);
        free(t->snap[k].changes);
    }
    free(t->snap);
    memset(t, 0, sizeof *t);
}

const ag_timeline_bloc *ag_timeline_find_bloc(const ag_timeline_snapshot *s, size_t ident)
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
