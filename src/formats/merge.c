/* Merging graphs (actorgraph/merge.h; the rules are in docs/merge.md). */
#include "actorgraph/merge.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "formats/formats.h"

/* One evidence item of the merged graph. */
typedef struct mev {
    size_t source; /* index into the merged sources */
    const char *section, *note;
} mev;

/* One relation of the merged graph: the first assertion's fields, every
 * assertion's evidence, the highest confidence. */
typedef struct mrel {
    const ag_graph *g;
    const ag_relation *r;
    size_t file;
    ag_confidence confidence;
    mev *ev;
    size_t n_ev, cap_ev;
    long lo, hi;         /* the days in force as YYYYMMDD; 0 / LONG_MAX when open */
    size_t absorbed_from; /* 1 + the last file merged into it, 0 when none */
    long next_same;      /* the next relation of its pair and type, or -1 */
    long next_pair;      /* the next relation of its unordered pair, or -1 */
} mrel;

/* A chain of mrels: first and last index. */
typedef struct chain {
    long head, tail;
} chain;

typedef struct merger {
    const ag_graph *const *graphs;
    size_t n;
    const ag_merge_opts *o;
    ag_merge_report *rep;
    /* sources */
    const ag_source **src;
    char **src_id; /* owned */
    size_t n_src, cap_src;
    ag_strmap *src_ids;
    size_t **src_map; /* per file: its source index -> merged index */
    /* actors */
    size_t *actor_file; /* per merged actor: the file whose fields win */
    const ag_actor **actor;
    size_t n_act;
    ag_strmap *act_ids;
    /* relations */
    mrel *rel;
    size_t n_rel, cap_rel; /* cap_rel: the relations of every input */
    char **keys; /* owned keys of the two maps */
    size_t n_keys, cap_keys;
    ag_strmap *same, *pair;
    chain *same_chains, *pair_chains;
    size_t n_same, n_pair;
} merger;

static const char *fname(const merger *m, size_t f)
{
    return m->o->names ? m->o->names[f] : m->graphs[f]->name;
}

static int note(merger *m, ag_merge_kind kind, size_t file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int note(merger *m, ag_merge_kind kind, size_t file, const char *fmt, ...)
{
    ag_merge_report *r = m->rep;
    va_list ap;
    char *text;
    int len;

    if (r->n_notes == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 16;
        ag_merge_note *p = realloc(r->notes, cap * sizeof *p);
        if (!p)
            return -1;
        r->notes = p;
        r->cap = cap;
    }
    va_start(ap, fmt);
    len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0 || !(text = malloc((size_t)len + 1)))
        return -1;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, ap);
    va_end(ap);
    r->notes[r->n_notes].kind = kind;
    r->notes[r->n_notes].file = file;
    r->notes[r->n_notes].text = text;
    r->n_notes++;
    r->counts[kind]++;
    return 0;
}

void ag_merge_report_free(ag_merge_report *r)
{
    if (!r)
        return;
    for (size_t k = 0; k < r->n_notes; k++)
        free(r->notes[k].text);
    free(r->notes);
    memset(r, 0, sizeof *r);
}

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* An owned copy of key kept for the maps; NULL when out of memory. */
static const char *keep_key(merger *m, char *key)
{
    if (!key)
        return NULL;
    if (m->n_keys == m->cap_keys) {
        size_t cap = m->cap_keys ? 2 * m->cap_keys : 64;
        char **p = realloc(m->keys, cap * sizeof *p);
        if (!p) {
            free(key);
            return NULL;
        }
        m->keys = p;
        m->cap_keys = cap;
    }
    m->keys[m->n_keys++] = key;
    return key;
}

static char *strdup_n(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* ---- sources ------------------------------------------------------------------ */

static int add_source(merger *m, const ag_source *s, char *id)
{
    if (m->n_src == m->cap_src) {
        size_t cap = m->cap_src ? 2 * m->cap_src : 16;
        const ag_source **p = realloc(m->src, cap * sizeof *p);
        char **q;
        if (!p)
            return -1;
        m->src = p;
        q = realloc(m->src_id, cap * sizeof *q);
        if (!q)
            return -1;
        m->src_id = q;
        m->cap_src = cap;
    }
    m->src[m->n_src] = s;
    m->src_id[m->n_src] = id;
    if (ag_strmap_put(m->src_ids, id, m->n_src, NULL) < 0)
        return -1; /* id is freed with the others: it is in src_id */
    m->n_src++;
    return 0;
}

/* "ID_K" for the smallest K >= 2 free among every input's source ids and
 * the merged ones, ID shortened to keep within 64 characters. */
static char *free_source_id(merger *m, const ag_strmap *reserved, const char *id)
{
    char buf[96];
    for (size_t k = 2;; k++) {
        char suffix[32];
        int sl = snprintf(suffix, sizeof suffix, "_%zu", k);
        int keep = (int)strlen(id);
        if (keep + sl > 64)
            keep = 64 - sl;
        snprintf(buf, sizeof buf, "%.*s%s", keep, id, suffix);
        if (!ag_strmap_get(reserved, buf, NULL) && !ag_strmap_get(m->src_ids, buf, NULL))
            return strdup_n(buf);
    }
}

static int merge_sources(merger *m)
{
    size_t total = 0;
    ag_strmap *reserved = NULL;
    int rc = -1;

    for (size_t f = 0; f < m->n; f++)
        total += m->graphs[f]->n_sources;
    if (!(reserved = ag_strmap_new(total)) || !(m->src_ids = ag_strmap_new(total)))
        goto cleanup;
    for (size_t f = 0; f < m->n; f++)
        for (size_t i = 0; i < m->graphs[f]->n_sources; i++)
            if (ag_strmap_put(reserved, m->graphs[f]->sources[i].id, 0, NULL) < 0)
                goto cleanup;
    for (size_t f = 0; f < m->n; f++) {
        const ag_graph *g = m->graphs[f];
        if (!(m->src_map[f] = malloc((g->n_sources ? g->n_sources : 1) * sizeof(size_t))))
            goto cleanup;
        for (size_t i = 0; i < g->n_sources; i++) {
            const ag_source *s = &g->sources[i];
            size_t j;
            char *id;
            if (ag_strmap_get(m->src_ids, s->id, &j)) {
                const ag_source *t = m->src[j];
                if (strcmp(m->src_id[j], s->id) == 0 && same_str(s->title, t->title) &&
                    same_str(s->author, t->author) && same_str(s->published, t->published) &&
                    same_str(s->url, t->url)) {
                    m->src_map[f][i] = j;
                    if (note(m, AG_MERGE_SOURCE_SHARED, f,
                             "source \"%s\" of %s is the same as in an earlier file: kept once",
                             s->id, fname(m, f)))
                        goto cleanup;
                    continue;
                }
                if (!(id = free_source_id(m, reserved, s->id)))
                    goto cleanup;
                m->src_map[f][i] = m->n_src;
                if (add_source(m, s, id)) {
                    free(id);
                    goto cleanup;
                }
                if (note(m, AG_MERGE_SOURCE_RENAMED, f,
                         "source \"%s\" of %s differs from the earlier source of that id: "
                         "renamed \"%s\" (its evidence follows)",
                         s->id, fname(m, f), id))
                    goto cleanup;
                continue;
            }
            if (!(id = strdup_n(s->id)))
                goto cleanup;
            m->src_map[f][i] = m->n_src;
            if (add_source(m, s, id)) {
                free(id);
                goto cleanup;
            }
        }
    }
    rc = 0;
cleanup:
    ag_strmap_free(reserved);
    return rc;
}

/* ---- actors ------------------------------------------------------------------- */

static int merge_actors(merger *m)
{
    size_t total = 0;
    for (size_t f = 0; f < m->n; f++)
        total += m->graphs[f]->n_actors;
    if (!(m->act_ids = ag_strmap_new(total)) ||
        !(m->actor = malloc((total ? total : 1) * sizeof *m->actor)) ||
        !(m->actor_file = malloc((total ? total : 1) * sizeof *m->actor_file)))
        return -1;
    /* The winner: the first file that has the actor, or the preferred one. */
    for (size_t f = 0; f < m->n; f++)
        for (size_t i = 0; i < m->graphs[f]->n_actors; i++) {
            const ag_actor *a = &m->graphs[f]->actors[i];
            size_t j;
            int put = ag_strmap_put(m->act_ids, a->id, m->n_act, &j);
            if (put < 0)
                return -1;
            if (put == 1) {
                m->actor[m->n_act] = a;
                m->actor_file[m->n_act++] = f;
            } else if ((long)f == m->o->prefer && (long)m->actor_file[j] != m->o->prefer) {
                m->actor[j] = a;
                m->actor_file[j] = f;
            }
        }
    /* Every other occurrence whose fields differ from the winner's. */
    for (size_t f = 0; f < m->n; f++)
        for (size_t i = 0; i < m->graphs[f]->n_actors; i++) {
            const ag_actor *a = &m->graphs[f]->actors[i], *w;
            size_t j, wf;
            char what[512];
            size_t len = 0;
            ag_strmap_get(m->act_ids, a->id, &j);
            w = m->actor[j];
            wf = m->actor_file[j];
            if (wf == f)
                continue;
            what[0] = '\0';
            /* A name that is the id, or no group, says nothing: not a difference. */
            if (strcmp(a->name, w->name) != 0 && strcmp(a->name, a->id) != 0 &&
                strcmp(w->name, w->id) != 0)
                len += (size_t)snprintf(what + len, sizeof what - len, "%sname \"%.100s\" (not \"%.100s\")",
                                        len ? ", " : "", a->name, w->name);
            if (a->kind != w->kind && len < sizeof what)
                len += (size_t)snprintf(what + len, sizeof what - len, "%skind %s (not %s)",
                                        len ? ", " : "", ag_kind_name(a->kind),
                                        ag_kind_name(w->kind));
            if (a->group && w->group && strcmp(a->group, w->group) != 0 && len < sizeof what)
                len += (size_t)snprintf(what + len, sizeof what - len,
                                        "%sgroup \"%.100s\" (not \"%.100s\")", len ? ", " : "",
                                        a->group ? a->group : "", w->group ? w->group : "");
            if (len && note(m, AG_MERGE_ACTOR_DIFFERS, f,
                            "actor \"%s\" in %s has %s: kept %s's (%s)", a->id, fname(m, f),
                            what, fname(m, wf),
                            (long)wf == m->o->prefer ? "--prefer" : "first file"))
                return -1;
        }
    return 0;
}

/* ---- relations ---------------------------------------------------------------- */

static long day_lo(const ag_date *d)
{
    if (!d->year)
        return 0;
    return (long)d->year * 10000 + (d->month ? d->month : 1) * 100 + (d->day ? d->day : 1);
}

static long day_hi(const ag_date *d)
{
    if (!d->year)
        return LONG_MAX;
    return (long)d->year * 10000 + (d->month ? d->month : 12) * 100 + (d->day ? d->day : 31);
}

/* "A -> B type" (or "A <-> B") of r, in buf. */
static const char *describe(const ag_graph *g, const ag_relation *r, char *buf, size_t size)
{
    char s[16], e[16];
    int len = snprintf(buf, size, "%s %s %s %s", g->actors[r->source].id, r->mutual ? "<->" : "->",
                       g->actors[r->target].id, r->type);
    if ((r->start.year || r->end.year) && len > 0 && (size_t)len < size) {
        ag_date_format(&r->start, s, sizeof s);
        ag_date_format(&r->end, e, sizeof e);
        snprintf(buf + len, size - (size_t)len, ", %s to %s", r->start.year ? s : "...",
                 r->end.year ? e : "...");
    }
    return buf;
}

/* The period of r as "START to END" ("..." for an open side), or "undated". */
static const char *period(const ag_relation *r, char *buf, size_t size)
{
    char a[16], b[16];
    if (!r->start.year && !r->end.year) {
        snprintf(buf, size, "undated");
        return buf;
    }
    ag_date_format(&r->start, a, sizeof a);
    ag_date_format(&r->end, b, sizeof b);
    snprintf(buf, size, "%s to %s", r->start.year ? a : "...", r->end.year ? b : "...");
    return buf;
}

/* "; kept weight 0.8 (not 0.5), dates ... (not ...)" when the later
 * assertion r gives other values than the kept relation k; "" otherwise. */
static void kept_fields(const ag_relation *k, const ag_relation *r, char *buf, size_t size)
{
    size_t len = 0;
    char a[40], b[40];
    buf[0] = '\0';
    if (k->weight != r->weight)
        len += (size_t)snprintf(buf, size, "; kept weight %.12g (not %.12g)", k->weight,
                                r->weight);
    if ((k->start.year != r->start.year || k->start.month != r->start.month ||
         k->start.day != r->start.day || k->end.year != r->end.year ||
         k->end.month != r->end.month || k->end.day != r->end.day) &&
        len < size)
        snprintf(buf + len, size - len, "%s dates %s (not %s)", len ? "," : "; kept",
                 period(k, a, sizeof a), period(r, b, sizeof b));
}

static int add_evidence(mrel *o, size_t source, const char *section, const char *note_)
{
    for (size_t k = 0; k < o->n_ev; k++)
        if (o->ev[k].source == source && same_str(o->ev[k].section, section) &&
            same_str(o->ev[k].note, note_))
            return 0; /* a few items per relation: no map needed */
    if (o->n_ev == o->cap_ev) {
        size_t cap = o->cap_ev ? 2 * o->cap_ev : 4;
        mev *p = realloc(o->ev, cap * sizeof *p);
        if (!p)
            return -1;
        o->ev = p;
        o->cap_ev = cap;
    }
    o->ev[o->n_ev].source = source;
    o->ev[o->n_ev].section = section;
    o->ev[o->n_ev].note = note_;
    o->n_ev++;
    return 1;
}

/* The chain of key in map (creating it when absent); NULL when out of
 * memory. */
static chain *chain_of(merger *m, ag_strmap *map, chain **chains, size_t *n, char *key)
{
    size_t k;
    const char *kept;
    if (!key)
        return NULL;
    if (ag_strmap_get(map, key, &k)) {
        free(key);
        return &(*chains)[k];
    }
    if (!(kept = keep_key(m, key)) || ag_strmap_put(map, kept, *n, NULL) < 0)
        return NULL;
    (*chains)[*n].head = (*chains)[*n].tail = -1;
    return &(*chains)[(*n)++];
}

static char *make_key(const char *a, const char *b, const char *type, int sign, int mutual)
{
    size_t len = strlen(a) + strlen(b) + (type ? strlen(type) : 0) + 16;
    char *k = malloc(len);
    if (k)
        snprintf(k, len, "%s|%s|%s|%d|%d", a, b, type ? type : "", sign, mutual);
    return k;
}

static int merge_relations(merger *m)
{
    size_t total = 0;
    char d1[400], d2[400];

    for (size_t f = 0; f < m->n; f++)
        total += m->graphs[f]->n_relations;
    if (!(m->same = ag_strmap_new(total)) || !(m->pair = ag_strmap_new(total)) ||
        !(m->rel = calloc(m->cap_rel = total ? total : 1, sizeof *m->rel)) ||
        !(m->same_chains = malloc((total ? total : 1) * sizeof *m->same_chains)) ||
        !(m->pair_chains = malloc((total ? total : 1) * sizeof *m->pair_chains)))
        return -1;
    for (size_t f = 0; f < m->n; f++) {
        const ag_graph *g = m->graphs[f];
        for (size_t i = 0; i < g->n_relations; i++) {
            const ag_relation *r = &g->relations[i];
            const char *a = g->actors[r->source].id, *b = g->actors[r->target].id;
            const char *lo_id = a, *hi_id = b;
            long lo = day_lo(&r->start), hi = day_hi(&r->end);
            chain *same, *pair;
            mrel *o = NULL;

            if (r->mutual && strcmp(a, b) > 0)
                lo_id = b, hi_id = a;
            if (!(same = chain_of(m, m->same, &m->same_chains, &m->n_same,
                                  make_key(lo_id, hi_id, r->type, r->sign, r->mutual))))
                return -1;
            for (long k = same->head; k >= 0; k = m->rel[k].next_same) {
                mrel *c = &m->rel[k];
                if (c->file != f && c->absorbed_from != f + 1 && c->lo <= hi && lo <= c->hi) {
                    o = c;
                    break;
                }
            }
            if (o) {
                int added = 0, st;
                ag_confidence before = o->confidence;
                for (size_t e = 0; e < r->n_evidence; e++) {
                    size_t s = m->src_map[f][ag_graph_find_source(g, r->evidence[e].source)];
                    if ((st = add_evidence(o, s, r->evidence[e].section, r->evidence[e].note)) < 0)
                        return -1;
                    added += st;
                }
                if (r->confidence < o->confidence)
                    o->confidence = r->confidence;
                o->absorbed_from = f + 1;
                kept_fields(o->r, r, d2, sizeof d2);
                if (note(m, AG_MERGE_RELATION_MERGED, f,
                         "relation %s of %s (%s) is relation %s of %s: one relation (output "
                         "r%ld), %d evidence item%s added, confidence %s%s%s%s%s",
                         r->id, fname(m, f), describe(g, r, d1, sizeof d1), o->r->id,
                         fname(m, o->file), (long)(o - m->rel) + 1, added, added == 1 ? "" : "s",
                         ag_confidence_name(o->confidence),
                         before != o->confidence ? " (was " : "",
                         before != o->confidence ? ag_confidence_name(before) : "",
                         before != o->confidence ? ")" : "", d2))
                    return -1;
                continue;
            }
            /* A new relation of the merged graph. */
            o = &m->rel[m->n_rel];
            o->g = g;
            o->r = r;
            o->file = f;
            o->confidence = r->confidence;
            o->lo = lo;
            o->hi = hi;
            o->next_same = o->next_pair = -1;
            for (size_t e = 0; e < r->n_evidence; e++) {
                size_t s = m->src_map[f][ag_graph_find_source(g, r->evidence[e].source)];
                if (add_evidence(o, s, r->evidence[e].section, r->evidence[e].note) < 0)
                    return -1;
            }
            if (same->tail >= 0)
                m->rel[same->tail].next_same = (long)m->n_rel;
            else
                same->head = (long)m->n_rel;
            same->tail = (long)m->n_rel;
            /* Contradictions: an earlier file's relation on the pair with the
             * opposite sign in force at the same time. */
            lo_id = strcmp(a, b) <= 0 ? a : b;
            hi_id = lo_id == a ? b : a;
            if (!(pair = chain_of(m, m->pair, &m->pair_chains, &m->n_pair,
                                  make_key(lo_id, hi_id, NULL, 0, 0))))
                return -1;
            for (long k = pair->head; k >= 0; k = m->rel[k].next_pair) {
                mrel *c = &m->rel[k];
                if (c->file != f && c->r->sign != r->sign && c->lo <= hi && lo <= c->hi) {
                    if (note(m, AG_MERGE_CONTRADICTION, f,
                             "relation %s of %s (%s) contradicts relation %s of %s (%s): "
                             "opposite signs at the same time, both kept (output r%zu, r%ld)",
                             r->id, fname(m, f), describe(g, r, d1, sizeof d1), c->r->id,
                             fname(m, c->file), describe(c->g, c->r, d2, sizeof d2),
                             m->n_rel + 1, k + 1))
                        return -1;
                    break;
                }
            }
            if (pair->tail >= 0)
                m->rel[pair->tail].next_pair = (long)m->n_rel;
            else
                pair->head = (long)m->n_rel;
            pair->tail = (long)m->n_rel;
            m->n_rel++;
        }
    }
    return 0;
}

/* ---- the document ------------------------------------------------------------- */

static int set_str(json_t *o, const char *key, const char *v)
{
    return v ? json_object_set_new(o, key, json_string(v)) : 0;
}

static json_t *document(const merger *m)
{
    json_t *root = json_object(), *srcs = json_array(), *acts = json_array(),
           *rels = json_array();
    const ag_graph *first = m->graphs[0];
    char buf[16];

    /* root owns the arrays from here on (set_new steals even on failure). */
    if (!root || json_object_set_new(root, "actorgraph", json_integer(1)) ||
        set_str(root, "title", m->o->title ? m->o->title : first->title) ||
        set_str(root, "description", m->o->title ? NULL : first->description) ||
        json_object_set_new(root, "sources", srcs) || json_object_set_new(root, "actors", acts) ||
        json_object_set_new(root, "relations", rels) || !srcs || !acts || !rels)
        goto fail;
    for (size_t k = 0; k < m->n_src; k++) {
        const ag_source *s = m->src[k];
        json_t *o = json_object();
        if (!o || json_array_append_new(srcs, o) || set_str(o, "id", m->src_id[k]) ||
            set_str(o, "title", s->title) || set_str(o, "author", s->author) ||
            set_str(o, "published", s->published) || set_str(o, "url", s->url))
            goto fail;
    }
    for (size_t k = 0; k < m->n_act; k++) {
        const ag_actor *a = m->actor[k];
        const char *name = a->name, *group = a->group;
        json_t *o = json_object(), *attrs = json_deep_copy(a->attributes);
        /* What the winner leaves out (a name that is only the id, no group)
         * comes from the first other file that gives it. */
        for (size_t f = 0; f < m->n; f++) {
            long i = ag_graph_find_actor(m->graphs[f], a->id);
            const ag_actor *b = i >= 0 ? &m->graphs[f]->actors[i] : NULL;
            if (b && strcmp(name, a->id) == 0 && strcmp(b->name, b->id) != 0)
                name = b->name;
            if (b && !group && b->group)
                group = b->group;
        }
        if (!o || json_array_append_new(acts, o) || !attrs ||
            json_object_set_new(o, "attributes", attrs) || set_str(o, "id", a->id) ||
            set_str(o, "name", name) || set_str(o, "kind", ag_kind_name(a->kind)) ||
            set_str(o, "group", group))
            goto fail;
        /* Attributes: the winner's, then those only other files give, in order. */
        for (size_t f = 0; f < m->n; f++) {
            long i = ag_graph_find_actor(m->graphs[f], a->id);
            if (i >= 0 && json_object_update_missing(attrs, m->graphs[f]->actors[i].attributes))
                goto fail;
        }
    }
    for (size_t k = 0; k < m->n_rel; k++) {
        const mrel *c = &m->rel[k];
        const ag_relation *r = c->r;
        json_t *o = json_object(), *ev = json_array();
        if (!o || json_array_append_new(rels, o)) {
            json_decref(ev);
            goto fail;
        }
        if (set_str(o, "source", c->g->actors[r->source].id) ||
            set_str(o, "target", c->g->actors[r->target].id) || set_str(o, "type", r->type) ||
            json_object_set_new(o, "sign", json_integer(r->sign)) ||
            json_object_set_new(o, "weight", json_real(r->weight)) ||
            json_object_set_new(o, "mutual", json_boolean(r->mutual)) ||
            set_str(o, "confidence", ag_confidence_name(c->confidence)) ||
            set_str(o, "label", r->label) || json_object_set_new(o, "evidence", ev) || !ev)
            goto fail;
        if (r->start.year) {
            ag_date_format(&r->start, buf, sizeof buf);
            if (set_str(o, "start", buf))
                goto fail;
        }
        if (r->end.year) {
            ag_date_format(&r->end, buf, sizeof buf);
            if (set_str(o, "end", buf))
                goto fail;
        }
        for (size_t e = 0; e < c->n_ev; e++) {
            json_t *item = json_object();
            if (!item || json_array_append_new(ev, item) ||
                set_str(item, "source", m->src_id[c->ev[e].source]) ||
                set_str(item, "section", c->ev[e].section) || set_str(item, "note", c->ev[e].note))
                goto fail;
        }
    }
    return root;
fail:
    if (root)
        json_decref(root);
    else {
        json_decref(srcs);
        json_decref(acts);
        json_decref(rels);
    }
    return NULL;
}

ag_status ag_merge(const ag_graph *const *graphs, size_t n, const ag_merge_opts *opts,
                   ag_graph **out, ag_merge_report *report, ag_diags *diags, ag_error *err)
{
    merger m;
    json_t *doc = NULL;
    ag_status st = AG_ENOMEM;

    *out = NULL;
    memset(report, 0, sizeof *report);
    memset(&m, 0, sizeof m);
    m.graphs = graphs;
    m.n = n;
    m.o = opts;
    m.rep = report;
    if (n == 0 || (opts->prefer >= 0 && (size_t)opts->prefer >= n)) {
        st = ag_error_set(err, AG_EARG, "merge needs at least one graph, and --prefer one of them");
        goto cleanup;
    }
    if (!(m.src_map = calloc(n, sizeof *m.src_map)) || merge_sources(&m) || merge_actors(&m) ||
        merge_relations(&m) || !(doc = document(&m))) {
        ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    st = ag__graph_from_document(doc, opts->display ? opts->display : "merged graph", NULL, NULL,
                                 0, NULL, out, diags, err);
    if (st == AG_OK) {
        report->actors = (*out)->n_actors;
        report->relations = (*out)->n_relations;
        report->sources = (*out)->n_sources;
    }
cleanup:
    json_decref(doc);
    for (size_t f = 0; m.src_map && f < n; f++)
        free(m.src_map[f]);
    free(m.src_map);
    for (size_t k = 0; k < m.n_src; k++)
        free(m.src_id[k]);
    free(m.src_id);
    free(m.src);
    ag_strmap_free(m.src_ids);
    free(m.actor);
    free(m.actor_file);
    ag_strmap_free(m.act_ids);
    for (size_t k = 0; m.rel && k < m.cap_rel; k++)
        free(m.rel[k].ev);
    free(m.rel);
    ag_strmap_free(m.same);
    ag_strmap_free(m.pair);
    for (size_t k = 0; k < m.n_keys; k++)
        free(m.keys[k]);
    free(m.keys);
    free(m.same_chains);
    free(m.pair_chains);
    return st;
}
