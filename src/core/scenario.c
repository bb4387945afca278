/* What-if scenarios (actorgraph/scenario.h). */
#include "actorgraph/scenario.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/limits.h"
#include "actorgraph/select.h"
#include "actorgraph/vocab.h"
#include "core/internal.h"
#include "core/strmap.h"

#define NONE ((size_t)-1)

/* Case-insensitive edit distance of two ids (each at most 64 characters
 * are looked at). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[65];
    if (la > 64)
        la = 64;
    if (lb > 64)
        lb = 64;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The actor id nearest to id (at most a third of its length away, at least
 * one edit allowed; the first in file order on a tie), or NULL. */
static const char *near_actor(const ag_graph *g, const char *id)
{
    size_t reach = strlen(id) / 3, best = NONE;
    const char *hit = NULL;
    if (reach < 1)
        reach = 1;
    for (size_t k = 0; k < g->n_actors; k++) {
        size_t d = distance(id, g->actors[k].id);
        if (d <= reach && (best == NONE || d < best)) {
            best = d;
            hit = g->actors[k].id;
        }
    }
    return hit;
}

static ag_status unknown_actor(const ag_graph *g, const char *opt, const char *arg,
                               const char *id, ag_error *err)
{
    const char *near = near_actor(g, id);
    if (near)
        return ag_error_set(err, AG_EARG, "%s %s: unknown actor \"%s\" (did you mean \"%s\"?)",
                            opt, arg, id, near);
    return ag_error_set(err, AG_EARG, "%s %s: unknown actor \"%s\"", opt, arg, id);
}

/* Splits s at ':' into at most max parts (copied into buf); returns how
 * many, or 0 when a part is empty or there are more. */
static int split(const char *s, char *buf, size_t size, char **part, int max)
{
    int n = 0;
    if (strlen(s) >= size)
        return 0;
    strcpy(buf, s);
    part[n++] = buf;
    for (char *p = buf; *p; p++)
        if (*p == ':') {
            if (n == max)
                return 0;
            *p = '\0';
            part[n++] = p + 1;
        }
    for (int i = 0; i < n; i++)
        if (!*part[i])
            return 0;
    return n;
}

static bool pair_of(const ag_relation *r, size_t a, size_t b)
{
    return (r->source == a && r->target == b) || (r->source == b && r->target == a);
}

/* "--drop A:B[:T] matches no relation; A and B have: r5 alliance A->B, ..."
 * (or "have no relation"). */
static ag_status no_match(const ag_graph *g, const char *arg, size_t a, size_t b,
                          ag_error *err)
{
    char list[400] = "";
    size_t len = 0, found = 0, shown = 0;
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        if (!pair_of(r, a, b))
            continue;
        found++;
        if (shown < 6 && len < sizeof list) {
            int k = snprintf(list + len, sizeof list - len, "%s%s %s %s%s%s", shown ? ", " : "",
                             r->id, r->type, g->actors[r->source].id, r->mutual ? "<->" : "->",
                             g->actors[r->target].id);
            if (k > 0)
                len += (size_t)k;
            if (len > sizeof list)
                len = sizeof list;
            shown++;
        }
    }
    if (!found)
        return ag_error_set(err, AG_EARG, "--drop %s matches no relation: %s and %s have none",
                            arg, g->actors[a].id, g->actors[b].id);
    if (found > shown)
        return ag_error_set(err, AG_EARG,
                            "--drop %s matches no relation; %s and %s have: %s and %zu more",
                            arg, g->actors[a].id, g->actors[b].id, list, found - shown);
    return ag_error_set(err, AG_EARG, "--drop %s matches no relation; %s and %s have: %s", arg,
                        g->actors[a].id, g->actors[b].id, list);
}

static ag_status find_actor(const ag_graph *g, const char *opt, const char *arg, const char *id,
                            size_t *out, ag_error *err)
{
    long k = ag_graph_find_actor(g, id);
    if (k < 0)
        return unknown_actor(g, opt, arg, id, err);
    *out = (size_t)k;
    return AG_OK;
}

/* Marks the relations selector arg matches in dropped. */
static ag_status drop_selector(const ag_graph *g, const char *arg, unsigned char *dropped,
                               ag_error *err)
{
    char buf[256], *part[3];
    size_t a, b, hits = 0;
    ag_status st;
    int n;

    if (!strchr(arg, ':')) {
        for (size_t i = 0; i < g->n_relations; i++)
            if (strcmp(g->relations[i].id, arg) == 0) {
                dropped[i] = 1;
                return AG_OK;
            }
        for (const ag_graph *up = g->base; up; up = up->base)
            for (size_t i = 0; i < up->n_relations; i++)
                if (strcmp(up->relations[i].id, arg) == 0)
                    return ag_error_set(err, AG_EARG,
                                        "--drop %s: the relation is not selected (--as-of, "
                                        "--from, --to, --min-confidence)",
                                        arg);
        return ag_error_set(err, AG_EARG,
                            "--drop %s: no relation has this id (give a relation id such as "
                            "r1, or SOURCE:TARGET[:TYPE])",
                            arg);
    }
    n = split(arg, buf, sizeof buf, part, 3);
    if (n < 2)
        return ag_error_set(err, AG_EARG,
                            "--drop %s: expected SOURCE:TARGET, SOURCE:TARGET:TYPE or a "
                            "relation id",
                            arg);
    if ((st = find_actor(g, "--drop", arg, part[0], &a, err)) != AG_OK ||
        (st = find_actor(g, "--drop", arg, part[1], &b, err)) != AG_OK)
        return st;
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        if (pair_of(r, a, b) && (n < 3 || strcmp(r->type, part[2]) == 0)) {
            dropped[i] = 1;
            hits++;
        }
    }
    return hits ? AG_OK : no_match(g, arg, a, b, err);
}

/* Parses "SOURCE:TARGET:TYPE[=SIGN[,WEIGHT]]" into r (type borrowed from
 * buf, which must outlive r until it is copied). */
static ag_status parse_add(const ag_graph *g, const char *arg, const size_t *scen_actor,
                           char *buf, size_t size, ag_relation *r, ag_error *err)
{
    char *part[3], *eq;
    size_t a, b;
    ag_status st;
    const ag_reltype *rt;

    if (split(arg, buf, size, part, 3) != 3)
        return ag_error_set(err, AG_EARG,
                            "--add %s: expected SOURCE:TARGET:TYPE[=SIGN[,WEIGHT]]", arg);
    eq = strchr(part[2], '=');
    if (eq)
        *eq++ = '\0';
    if ((st = find_actor(g, "--add", arg, part[0], &a, err)) != AG_OK ||
        (st = find_actor(g, "--add", arg, part[1], &b, err)) != AG_OK)
        return st;
    if (a == b)
        return ag_error_set(err, AG_EARG, "--add %s: a relation needs two different actors",
                            arg);
    if (scen_actor[a] == NONE || scen_actor[b] == NONE)
        return ag_error_set(err, AG_EARG, "--add %s: actor \"%s\" is dropped (--drop-actor)",
                            arg, g->actors[scen_actor[a] == NONE ? a : b].id);
    if (!ag_id_valid(part[2]))
        return ag_error_set(err, AG_EARG,
                            "--add %s: type \"%s\" is not a name (letters, digits, _ - .)", arg,
                            part[2]);
    rt = ag_reltype_find(part[2]);
    memset(r, 0, sizeof *r);
    r->source = a;
    r->target = b;
    r->type = part[2];
    r->reltype = rt;
    r->sign = rt ? rt->sign : 0;
    r->weight = rt ? rt->weight : 0.5;
    r->mutual = rt ? rt->mutual : false;
    r->confidence = AG_CONF_REPORTED;
    if (eq) {
        char *end;
        double w;
        if (strncmp(eq, "1", 1) == 0 || strncmp(eq, "+1", 2) == 0)
            r->sign = 1, eq += eq[0] == '+' ? 2 : 1;
        else if (strncmp(eq, "-1", 2) == 0)
            r->sign = -1, eq += 2;
        else
            return ag_error_set(err, AG_EARG, "--add %s: the sign must be 1 or -1", arg);
        if (rt && r->sign != rt->sign)
            return ag_error_set(err, AG_EARG, "--add %s: %s has sign %+d", arg, rt->name,
                                rt->sign);
        if (*eq == ',') {
            eq++;
            errno = 0;
            w = strtod(eq, &end);
            if (!(*eq >= '0' && *eq <= '9') && *eq != '.')
                end = eq;
            if (end == eq || *end || errno || !(w >= AG_MIN_WEIGHT && w <= 1))
                return ag_error_set(err, AG_EARG,
                                    "--add %s: the weight must be a number in (0, 1]", arg);
            r->weight = w;
        } else if (*eq) {
            return ag_error_set(err, AG_EARG,
                                "--add %s: expected SOURCE:TARGET:TYPE[=SIGN[,WEIGHT]]", arg);
        }
    }
    if (!r->sign)
        return ag_error_set(err, AG_EARG,
                            "--add %s: \"%s\" is not a built-in type; a custom type needs its "
                            "sign (%s=1 or %s=-1)",
                            arg, part[2], arg, arg);
    return AG_OK;
}

static char *own(ag_scenario *s, const char *text)
{
    char *c = strdup(text);
    if (c)
        s->owned[s->n_owned++] = c;
    return c;
}

ag_status ag_scenario_build(const ag_graph *in, const ag_scenario_spec *spec, ag_scenario *out,
                            ag_error *err)
{
    size_t na = in->n_actors, nr = in->n_relations, n = 0;
    ag_graph *g = NULL;
    ag_status st = AG_OK;

    memset(out, 0, sizeof *out);
    out->base_actor = malloc((na ? na : 1) * sizeof *out->base_actor);
    out->scen_actor = malloc((na ? na : 1) * sizeof *out->scen_actor);
    out->dropped = calloc(nr ? nr : 1, 1);
    out->owned = malloc((2 * spec->n_add + 1) * sizeof *out->owned);
    g = out->graph = calloc(1, sizeof *g);
    if (!out->base_actor || !out->scen_actor || !out->dropped || !out->owned || !g)
        goto oom;
    for (size_t a = 0; a < na; a++)
        out->scen_actor[a] = a;
    for (size_t i = 0; i < spec->n_drop_actor; i++) {
        size_t a;
        if ((st = find_actor(in, "--drop-actor", spec->drop_actor[i], spec->drop_actor[i], &a,
                             err)) != AG_OK)
            goto cleanup;
        out->scen_actor[a] = NONE;
    }
    for (size_t i = 0; i < spec->n_drop; i++)
        if ((st = drop_selector(in, spec->drop[i], out->dropped, err)) != AG_OK)
            goto cleanup;
    for (size_t i = 0; i < nr; i++)
        if (out->scen_actor[in->relations[i].source] == NONE ||
            out->scen_actor[in->relations[i].target] == NONE)
            out->dropped[i] = 1;

    ag__graph_borrow(g, in, 0);
    if (in->selection) {
        g->selection = malloc(sizeof *g->selection);
        if (!g->selection)
            goto oom;
        *g->selection = *in->selection;
    }
    g->relations = malloc((nr + spec->n_add + 1) * sizeof *g->relations);
    g->owns_actors = true;
    g->actors = malloc((na ? na : 1) * sizeof *g->actors);
    g->actor_index = ag_strmap_new(na);
    if (!g->relations || !g->actors || !g->actor_index)
        goto oom;
    for (size_t a = 0; a < na; a++) {
        if (out->scen_actor[a] == NONE)
            continue;
        out->scen_actor[a] = n;
        out->base_actor[n] = a;
        g->actors[n] = in->actors[a];
        if (ag_strmap_put(g->actor_index, g->actors[n].id, n, NULL) < 0)
            goto oom;
        n++;
    }
    g->n_actors = n;
    for (size_t i = 0; i < nr; i++) {
        ag_relation r = in->relations[i];
        if (out->dropped[i]) {
            out->n_dropped++;
            continue;
        }
        r.source = out->scen_actor[r.source];
        r.target = out->scen_actor[r.target];
        g->relations[g->n_relations++] = r;
    }
    for (size_t i = 0; i < spec->n_add; i++) {
        char buf[256], id[32];
        ag_relation r;
        if ((st = parse_add(in, spec->add[i], out->scen_actor, buf, sizeof buf, &r, err)) !=
            AG_OK)
            goto cleanup;
        snprintf(id, sizeof id, "add%zu", i + 1);
        r.source = out->scen_actor[r.source];
        r.target = out->scen_actor[r.target];
        if (!(r.type = own(out, r.type)) || !(r.id = own(out, id)))
            goto oom;
        g->relations[g->n_relations++] = r;
        out->n_added++;
    }
    goto cleanup;
oom:
    st = ag_error_set(err, AG_ENOMEM, "out of memory");
cleanup:
    return st;
}

void ag_scenario_destroy(ag_scenario *s)
{
    if (!s)
        return;
    ag_graph_free(s->graph);
    for (size_t i = 0; i < s->n_owned; i++)
        free(s->owned[i]);
    free(s->owned);
    free(s->base_actor);
    free(s->scen_actor);
    free(s->dropped);
    memset(s, 0, sizeof *s);
}

ag_status ag_scenario_diagram(const ag_graph *in, const ag_scenario *s, ag_graph **out,
                              unsigned char **mark, ag_error *err)
{
    size_t nr = in->n_relations, total = nr + s->n_added;
    const ag_graph *sg = s->graph;
    ag_graph *g = calloc(1, sizeof *g);
    unsigned char *m = malloc(total + 1);

    *out = NULL;
    *mark = NULL;
    if (!g || !m)
        goto oom;
    ag__graph_borrow(g, in, 1);
    if (in->selection) {
        g->selection = malloc(sizeof *g->selection);
        if (!g->selection)
            goto oom;
        *g->selection = *in->selection;
    }
    g->relations = malloc((total + 1) * sizeof *g->relations);
    if (!g->relations)
        goto oom;
    for (size_t i = 0; i < nr; i++) {
        g->relations[i] = in->relations[i];
        m[i] = s->dropped[i] ? 1 : 0;
    }
    for (size_t i = 0; i < s->n_added; i++) {
        ag_relation r = sg->relations[sg->n_relations - s->n_added + i];
        r.source = s->base_actor[r.source];
        r.target = s->base_actor[r.target];
        g->relations[nr + i] = r;
        m[nr + i] = 2;
    }
    g->n_relations = total;
    *out = g;
    *mark = m;
    return AG_OK;
oom:
    ag_graph_free(g);
    free(m);
    return ag_error_set(err, AG_ENOMEM, "out of memory");
}
