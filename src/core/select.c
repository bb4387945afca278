/* Selecting relations by date and confidence (actorgraph/select.h). */
#include "actorgraph/select.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/limits.h"
#include "core/internal.h"
#include "core/strmap.h"

void ag_selection_init(ag_selection *s)
{
    memset(s, 0, sizeof *s);
    s->min_confidence = AG_CONF_SPECULATIVE;
    s->confidence_weights[AG_CONF_CONFIRMED] = AG_CONF_WEIGHT_CONFIRMED;
    s->confidence_weights[AG_CONF_REPORTED] = AG_CONF_WEIGHT_REPORTED;
    s->confidence_weights[AG_CONF_SPECULATIVE] = AG_CONF_WEIGHT_SPECULATIVE;
}

static bool has_period(const ag_selection *s)
{
    return s->from.year != 0 || s->to.year != 0;
}

bool ag_selection_is_all(const ag_selection *s)
{
    return !has_period(s) && s->min_confidence == AG_CONF_SPECULATIVE &&
           !s->weigh_confidence && !s->drop_isolates;
}

#define first_day ag__date_first_day
#define last_day ag__date_last_day

ag_status ag_selection_check(const ag_selection *s, ag_error *err)
{
    if (s->from.year && s->to.year && first_day(&s->from) > last_day(&s->to)) {
        char a[16], b[16];
        ag_date_format(&s->from, a, sizeof a);
        ag_date_format(&s->to, b, sizeof b);
        return ag_error_set(err, AG_EARG, "the period ends (%s) before it starts (%s)", b, a);
    }
    if (s->min_confidence < 0 || s->min_confidence >= AG_CONF_COUNT)
        return ag_error_set(err, AG_EARG, "unknown confidence");
    for (int c = 0; c < AG_CONF_COUNT; c++) {
        double w = s->confidence_weights[c];
        if (!(w > 0 && w <= 1))
            return ag_error_set(err, AG_EARG, "the %s factor is not in (0, 1]",
                                ag_confidence_name((ag_confidence)c));
    }
    return AG_OK;
}

bool ag_confidence_weights_parse(const char *s, double out[AG_CONF_COUNT])
{
    double w[AG_CONF_COUNT];
    const char *p = s;
    for (int c = 0; c < AG_CONF_COUNT; c++) {
        char *end;
        /* plain decimals only: no sign, no hexadecimal, no inf or nan */
        if (!((*p >= '0' && *p <= '9') || *p == '.'))
            return false;
        for (const char *q = p; *q && *q != ','; q++)
            if (!((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' ||
                  *q == '-' || *q == '+'))
                return false;
        errno = 0;
        w[c] = strtod(p, &end);
        if (end == p || errno != 0 || !(w[c] > 0 && w[c] <= 1))
            return false;
        if (c + 1 < AG_CONF_COUNT) {
            if (*end != ',')
                return false;
            p = end + 1;
        } else if (*end != '\0') {
            return false;
        }
    }
    memcpy(out, w, sizeof w);
    return true;
}

bool ag_relation_selected(const ag_relation *r, const ag_selection *s)
{
    if (r->confidence > s->min_confidence)
        return false;
    if (!has_period(s))
        return true;
    /* in force on [rs, re]; the period is [ps, pe]; they meet when each
       starts before the other ends */
    long rs = r->start.year ? first_day(&r->start) : LONG_MIN;
    long re = r->end.year ? last_day(&r->end) : LONG_MAX;
    long ps = s->from.year ? first_day(&s->from) : LONG_MIN;
    long pe = s->to.year ? last_day(&s->to) : LONG_MAX;
    return rs <= pe && re >= ps;
}

ag_status ag_select(const ag_graph *in, const ag_selection *sel, ag_graph **out,
                    ag_error *err)
{
    ag_graph *g = NULL;
    size_t *newidx = NULL;
    unsigned char *used = NULL;
    ag_status st = AG_OK;

    *out = NULL;
    if ((st = ag_selection_check(sel, err)) != AG_OK)
        return st;
    g = calloc(1, sizeof *g);
    if (!g)
        goto oom;
    ag__graph_borrow(g, in, 1);
    g->selection = malloc(sizeof *g->selection);
    if (!g->selection)
        goto oom;
    *g->selection = *sel;
    g->relations = malloc((in->n_relations ? in->n_relations : 1) * sizeof *g->relations);
    if (!g->relations)
        goto oom;
    for (size_t i = 0; i < in->n_relations; i++) {
        ag_relation r = in->relations[i];
        if (!ag_relation_selected(&r, sel))
            continue;
        if (sel->weigh_confidence) {
            r.weight *= sel->confidence_weights[r.confidence];
            if (r.weight < AG_MIN_WEIGHT)
                r.weight = AG_MIN_WEIGHT;
        }
        g->relations[g->n_relations++] = r;
    }
    if (sel->drop_isolates) {
        size_t n = 0;
        used = calloc(in->n_actors ? in->n_actors : 1, 1);
        newidx = malloc((in->n_actors ? in->n_actors : 1) * sizeof *newidx);
        if (!used || !newidx)
            goto oom;
        for (size_t i = 0; i < g->n_relations; i++)
            used[g->relations[i].source] = used[g->relations[i].target] = 1;
        g->owns_actors = true;
        g->actors = NULL;
        g->actor_index = NULL;
        g->n_actors = 0;
        g->actors = malloc((in->n_actors ? in->n_actors : 1) * sizeof *g->actors);
        g->actor_index = ag_strmap_new(in->n_actors);
        if (!g->actors || !g->actor_index)
            goto oom;
        for (size_t a = 0; a < in->n_actors; a++) {
            if (!used[a])
                continue;
            newidx[a] = n;
            g->actors[n] = in->actors[a];
            if (ag_strmap_put(g->actor_index, g->actors[n].id, n, NULL) < 0)
                goto oom;
            n++;
        }
        g->n_actors = n;
        for (size_t i = 0; i < g->n_relations; i++) {
            g->relations[i].source = newidx[g->relations[i].source];
            g->relations[i].target = newidx[g->relations[i].target];
        }
    }
    *out = g;
    g = NULL;
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    free(used);
    free(newidx);
    ag_graph_free(g);
    return st;
}

ag_status ag_select_take(ag_graph **g, const ag_selection *sel, ag_error *err)
{
    ag_graph *s;
    ag_status st;
    if (ag_selection_is_all(sel))
        return AG_OK;
    if ((st = ag_select(*g, sel, &s, err)) != AG_OK)
        return st;
    s->owned_base = *g;
    *g = s;
    return AG_OK;
}

/* The shortest decimal that reads back as v. */
static void shortest(double v, char *buf, size_t size)
{
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, size, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

static void append(char *buf, size_t size, size_t *len, const char *fmt, const char *a,
                   const char *b)
{
    if (*len >= size)
        return;
    int n = snprintf(buf + *len, size - *len, fmt, a, b);
    if (n > 0)
        *len += (size_t)n;
    if (*len >= size)
        *len = size;
}

void ag_selection_describe(const ag_selection *s, char *buf, size_t size)
{
    char a[16], b[16];
    size_t len = 0;
    const char *sep = "";

    if (size == 0)
        return;
    buf[0] = '\0';
    ag_date_format(&s->from, a, sizeof a);
    ag_date_format(&s->to, b, sizeof b);
    if (s->as_of) {
        append(buf, size, &len, "as of %s%s", a, "");
        sep = "; ";
    } else if (s->from.year && s->to.year) {
        append(buf, size, &len, "from %s through %s", a, b);
        sep = "; ";
    } else if (s->from.year) {
        append(buf, size, &len, "from %s on%s", a, "");
        sep = "; ";
    } else if (s->to.year) {
        append(buf, size, &len, "through %s%s", b, "");
        sep = "; ";
    }
    if (s->min_confidence == AG_CONF_CONFIRMED) {
        append(buf, size, &len, "%sconfirmed only%s", sep, "");
        sep = "; ";
    } else if (s->min_confidence == AG_CONF_REPORTED) {
        append(buf, size, &len, "%sconfirmed and reported only%s", sep, "");
        sep = "; ";
    }
    if (s->weigh_confidence) {
        char w[AG_CONF_COUNT][32], all[160];
        for (int c = 0; c < AG_CONF_COUNT; c++)
            shortest(s->confidence_weights[c], w[c], sizeof w[c]);
        snprintf(all, sizeof all, "confirmed %s, reported %s, speculative %s", w[0], w[1],
                 w[2]);
        append(buf, size, &len, "%sweights scaled by confidence: %s", sep, all);
        sep = "; ";
    }
    if (s->drop_isolates)
        append(buf, size, &len, "%sisolates dropped%s", sep, "");
}

static json_t *counts(size_t kept, size_t of)
{
    json_t *o = json_object();
    if (o && (json_object_set_new(o, "kept", json_integer((json_int_t)kept)) != 0 ||
              json_object_set_new(o, "of", json_integer((json_int_t)of)) != 0)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *ag_selection_json(const ag_selection *s, const ag_graph *g)
{
    json_t *o = json_object();
    char a[16], b[16], desc[512];
    int bad = !o;

    if (bad)
        return NULL;
    ag_date_format(&s->from, a, sizeof a);
    ag_date_format(&s->to, b, sizeof b);
    if (s->as_of) {
        bad |= json_object_set_new(o, "as_of", json_string(a));
    } else {
        if (s->from.year)
            bad |= json_object_set_new(o, "from", json_string(a));
        if (s->to.year)
            bad |= json_object_set_new(o, "to", json_string(b));
    }
    bad |= json_object_set_new(o, "min_confidence",
                               json_string(ag_confidence_name(s->min_confidence)));
    if (s->weigh_confidence) {
        json_t *w = json_object();
        bad |= !w;
        for (int c = 0; w && c < AG_CONF_COUNT; c++)
            bad |= json_object_set_new(w, ag_confidence_name((ag_confidence)c),
                                       json_real(s->confidence_weights[c]));
        bad |= json_object_set_new(o, "confidence_weights", w);
    }
    bad |= json_object_set_new(o, "drop_isolates", json_boolean(s->drop_isolates));
    ag_selection_describe(s, desc, sizeof desc);
    bad |= json_object_set_new(o, "description", json_string(desc));
    if (g) {
        const ag_graph *base = g->base ? g->base : g;
        bad |= json_object_set_new(o, "relations", counts(g->n_relations, base->n_relations));
        bad |= json_object_set_new(o, "actors", counts(g->n_actors, base->n_actors));
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}
