/* Merging graphs (actorgraph/merge.h; the rules are in docs/merge.md). */
#include "actorgraph/merge.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
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
    long next[2];        /* the next relation of its group (GROUP_SAME, GROUP_SIGN), or -1 */
    long next_absorbed;  /* the next relation of its same group that took one of the
                            file's relations, or -1 */
} mrel;

#define GROUP_SAME 0 /* same pair (in order unless mutual), type, sign and mutuality */
#define GROUP_SIGN 1 /* same unordered pair and sign */
#define NIL UINT32_MAX

/* One entry of a node's list: a relation of the group, the next entry. */
typedef struct ovl_entry {
    uint32_t rel, next;
} ovl_entry;

/* The merged relations of one group, for the question the merge asks of
 * every relation: which one of them, of an earlier file, comes first (the
 * lowest index) among those whose period shares a day with [lo, hi]? A
 * segment tree over the group's distinct days x (the lo and hi of every
 * relation that can join it: the question's days are among them): each
 * relation is listed, in index order, at the O(log k) nodes that cover its
 * period exactly. A relation and [lo, hi] share a day exactly when one of
 * the relation's nodes and one of [lo, hi]'s are the same or one is above
 * the other: the relation is then listed on a path from the leaf lo or hi
 * to the root, or in the subtree of one of [lo, hi]'s nodes. Memory: O(k)
 * nodes, O(k log k) list entries at worst (one per relation for periods of
 * a day). Per node, own is the first relation listed that is
 * still a candidate (cur: lists only lose relations, those that took one
 * of the current file's relations, until the next file gives them back),
 * and sub the lowest own in its subtree; so a question, an insertion, a
 * removal cost O(log k) (a removal O(log k) more per relation it steps
 * over, once per file). Relations join when a later file asks: the
 * current file's own never answer. */
typedef struct ovl {
    int kind;          /* GROUP_SAME or GROUP_SIGN: which next[] chains it */
    long head, tail;   /* the group's relations, in index order (the chain) */
    long done;         /* the last relation of the chain inserted, or -1 */
    long absorbed;     /* the relations that took one of file absorbed_file's, or -1 */
    size_t absorbed_file;
    const long *x;     /* the distinct days, ascending */
    size_t nx, size;   /* size: leaves, a power of two >= nx */
    uint32_t *first, *last, *cur, *sub; /* per node 1 .. 2 size - 1 */
} ovl;

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
    ovl *groups;       /* the same groups, then two sign groups (+, -) per pair */
    size_t n_same, n_pair;
    long *days;        /* the groups' days (x) */
    uint32_t *nodes;   /* the groups' trees */
    ovl_entry *entries;
    size_t n_entries, cap_entries;
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

/* The id of key in map, a new one (*n, then counted) when absent; -1 when
 * out of memory. Takes key. */
static long group_of(merger *m, ag_strmap *map, size_t *n, char *key)
{
    size_t k;
    const char *kept;
    if (!key)
        return -1;
    if (ag_strmap_get(map, key, &k)) {
        free(key);
        return (long)k;
    }
    if (!(kept = keep_key(m, key)) || ag_strmap_put(map, kept, *n, NULL) < 0)
        return -1;
    return (long)(*n)++;
}

static char *make_key(const char *a, const char *b, const char *type, int sign, int mutual)
{
    size_t len = strlen(a) + strlen(b) + (type ? strlen(type) : 0) + 16;
    char *k = malloc(len);
    if (k)
        snprintf(k, len, "%s|%s|%s|%d|%d", a, b, type ? type : "", sign, mutual);
    return k;
}

/* ---- the groups' overlap trees (see ovl) ---- */

/* The leaf of day, which is one of t's days. */
static size_t leaf(const ovl *t, long day)
{
    size_t lo = 0, hi = t->nx;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->x[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return t->size + lo;
}

static uint32_t own(const merger *m, const ovl *t, size_t v)
{
    return t->cur[v] == NIL ? NIL : m->entries[t->cur[v]].rel;
}

static uint32_t min32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

static void pull(const merger *m, ovl *t, size_t v)
{
    uint32_t s = own(m, t, v);
    if (v < t->size)
        s = min32(s, min32(t->sub[2 * v], t->sub[2 * v + 1]));
    t->sub[v] = s;
}

/* After the nodes of [a, b] (leaves) changed: their ancestors, which are
 * those of a and b. */
static void pull_up(const merger *m, ovl *t, size_t a, size_t b)
{
    for (a >>= 1, b >>= 1; a; a >>= 1, b >>= 1) {
        pull(m, t, a);
        if (b != a)
            pull(m, t, b);
    }
}

/* The nodes that cover the leaves a .. b exactly (at most two a level), in
 * v; returns how many. */
static size_t cover(size_t a, size_t b, size_t v[2 * 64])
{
    size_t n = 0;
    for (b++; a < b; a >>= 1, b >>= 1) {
        if (a & 1)
            v[n++] = a++;
        if (b & 1)
            v[n++] = --b;
    }
    return n;
}

/* Lists relation k of the group in its nodes; -1 when out of memory. */
static int ovl_insert(merger *m, ovl *t, long k)
{
    size_t a = leaf(t, m->rel[k].lo), b = leaf(t, m->rel[k].hi), v[2 * 64];
    for (size_t j = 0, n = cover(a, b, v); j < n; j++) {
        uint32_t e;
        if (m->n_entries == m->cap_entries) {
            size_t cap = m->cap_entries ? 2 * m->cap_entries : 1024;
            ovl_entry *p = cap < NIL ? realloc(m->entries, cap * sizeof *p) : NULL;
            if (!p)
                return -1;
            m->entries = p;
            m->cap_entries = cap;
        }
        e = (uint32_t)m->n_entries++;
        m->entries[e].rel = (uint32_t)k;
        m->entries[e].next = NIL;
        if (t->first[v[j]] == NIL)
            t->first[v[j]] = e;
        else
            m->entries[t->last[v[j]]].next = e;
        t->last[v[j]] = e;
        if (t->cur[v[j]] == NIL)
            t->cur[v[j]] = e;
        pull(m, t, v[j]);
    }
    pull_up(m, t, a, b);
    return 0;
}

/* Relation k (listed) took one of file f's relations: no longer a
 * candidate for f's. */
static void ovl_absorb(merger *m, ovl *t, long k, size_t f)
{
    size_t a = leaf(t, m->rel[k].lo), b = leaf(t, m->rel[k].hi), v[2 * 64];
    for (size_t j = 0, n = cover(a, b, v); j < n; j++) {
        uint32_t *c = &t->cur[v[j]];
        while (*c != NIL && m->rel[m->entries[*c].rel].absorbed_from == f + 1)
            *c = m->entries[*c].next;
        pull(m, t, v[j]);
    }
    pull_up(m, t, a, b);
    m->rel[k].next_absorbed = t->absorbed;
    t->absorbed = k;
    t->absorbed_file = f;
}

/* Makes t ready for file f's questions: the relations an earlier file took
 * are candidates again, and those of files before f are listed. -1 when
 * out of memory. */
static int ovl_prepare(merger *m, ovl *t, size_t f)
{
    long k;
    if (t->absorbed >= 0 && t->absorbed_file != f) {
        for (k = t->absorbed; k >= 0; k = m->rel[k].next_absorbed) {
            size_t a = leaf(t, m->rel[k].lo), b = leaf(t, m->rel[k].hi), v[2 * 64];
            for (size_t j = 0, n = cover(a, b, v); j < n; j++) {
                t->cur[v[j]] = t->first[v[j]];
                pull(m, t, v[j]);
            }
            pull_up(m, t, a, b);
        }
        t->absorbed = -1;
    }
    k = t->done < 0 ? t->head : m->rel[t->done].next[t->kind];
    for (; k >= 0 && m->rel[k].file < f; k = m->rel[k].next[t->kind]) {
        if (ovl_insert(m, t, k))
            return -1;
        t->done = k;
    }
    return 0;
}

/* The first listed candidate whose period shares a day with [lo, hi] (two
 * of t's days), or NIL. */
static uint32_t ovl_first(const merger *m, const ovl *t, long lo, long hi)
{
    size_t a = leaf(t, lo), b = leaf(t, hi), v[2 * 64];
    uint32_t best = NIL;
    for (size_t j = 0, n = cover(a, b, v); j < n; j++)
        best = min32(best, t->sub[v[j]]);
    for (size_t u = a; u; u >>= 1)
        best = min32(best, own(m, t, u));
    for (size_t u = b; u; u >>= 1)
        best = min32(best, own(m, t, u));
    return best;
}

static void chain_add(merger *m, ovl *t, long k)
{
    if (t->tail >= 0)
        m->rel[t->tail].next[t->kind] = k;
    else
        t->head = k;
    t->tail = k;
}

static int cmp_day(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* Sorts the days at x (n of them), keeps each once; returns how many. */
static size_t distinct_days(long *x, size_t n)
{
    size_t k = 0;
    qsort(x, n, sizeof *x, cmp_day);
    for (size_t i = 0; i < n; i++)
        if (k == 0 || x[i] != x[k - 1])
            x[k++] = x[i];
    return k;
}

/* Puts every input relation in its groups (*same, *pair: per relation in
 * input order, its same group and its pair), and gives a tree to each
 * group that will be asked about relations of an earlier file: a same
 * group whose relations come from two files or more, a sign group when the
 * pair's other sign has relations in a later file. -1 when out of memory. */
static int make_groups(merger *m, size_t *same, size_t *pair)
{
    size_t t = 0, n_days = 0, n_nodes = 0, *lo_file = NULL, *hi_file = NULL, *at = NULL;
    int rc = -1;

    for (size_t f = 0; f < m->n; f++) {
        const ag_graph *g = m->graphs[f];
        for (size_t i = 0; i < g->n_relations; i++, t++) {
            const ag_relation *r = &g->relations[i];
            const char *a = g->actors[r->source].id, *b = g->actors[r->target].id;
            const char *lo_id = a, *hi_id = b;
            long id;
            if (r->mutual && strcmp(a, b) > 0)
                lo_id = b, hi_id = a;
            if ((id = group_of(m, m->same, &m->n_same,
                               make_key(lo_id, hi_id, r->type, r->sign, r->mutual))) < 0)
                return -1;
            same[t] = (size_t)id;
            lo_id = strcmp(a, b) <= 0 ? a : b;
            hi_id = lo_id == a ? b : a;
            if ((id = group_of(m, m->pair, &m->n_pair, make_key(lo_id, hi_id, NULL, 0, 0))) < 0)
                return -1;
            pair[t] = (size_t)id;
        }
    }
    /* groups: the same groups, then per pair its + and - groups; files
       seen per group, and its days (a pair's two groups share theirs) */
    if (!(m->groups = calloc(m->n_same + 2 * m->n_pair + 1, sizeof *m->groups)) ||
        !(lo_file = malloc((m->n_same + 2 * m->n_pair + 1) * sizeof *lo_file)) ||
        !(hi_file = calloc(m->n_same + 2 * m->n_pair + 1, sizeof *hi_file)) ||
        !(at = calloc(m->n_same + m->n_pair + 1, sizeof *at)))
        goto cleanup;
    for (size_t k = 0; k < m->n_same + 2 * m->n_pair; k++) {
        ovl *o = &m->groups[k];
        o->kind = k < m->n_same ? GROUP_SAME : GROUP_SIGN;
        o->head = o->tail = o->done = o->absorbed = -1;
        lo_file[k] = SIZE_MAX;
    }
    t = 0;
    for (size_t f = 0; f < m->n; f++)
        for (size_t i = 0; i < m->graphs[f]->n_relations; i++, t++) {
            size_t s = same[t], p = m->n_same + 2 * pair[t] +
                                    (m->graphs[f]->relations[i].sign > 0 ? 0 : 1);
            if (lo_file[s] == SIZE_MAX)
                lo_file[s] = f;
            hi_file[s] = f;
            if (lo_file[p] == SIZE_MAX)
                lo_file[p] = f;
            hi_file[p] = f;
            at[s + 1] += 2; /* the days of group s, then of pair n_same + pair[t] */
            at[m->n_same + pair[t] + 1] += 2;
        }
    for (size_t k = 0; k < m->n_same + m->n_pair; k++)
        at[k + 1] += at[k];
    n_days = at[m->n_same + m->n_pair];
    if (!(m->days = malloc((n_days ? n_days : 1) * sizeof *m->days)))
        goto cleanup;
    t = 0;
    for (size_t f = 0; f < m->n; f++)
        for (size_t i = 0; i < m->graphs[f]->n_relations; i++, t++) {
            const ag_relation *r = &m->graphs[f]->relations[i];
            long lo = day_lo(&r->start), hi = day_hi(&r->end);
            m->days[at[same[t]]++] = lo;
            m->days[at[same[t]]++] = hi;
            m->days[at[m->n_same + pair[t]]++] = lo;
            m->days[at[m->n_same + pair[t]]++] = hi;
        }
    /* at[k] is now the end of k's days */
    for (size_t k = 0; k < m->n_same + 2 * m->n_pair; k++) {
        ovl *o = &m->groups[k];
        /* its days: its own, or its pair's; the group asked about its
           relations: itself (same), the pair's other sign group (sign) */
        size_t d = k < m->n_same ? k : m->n_same + (k - m->n_same) / 2, from = d ? at[d - 1] : 0;
        size_t asker = k < m->n_same ? k : m->n_same + ((k - m->n_same) ^ 1);
        if (lo_file[k] == SIZE_MAX || lo_file[asker] == SIZE_MAX || lo_file[k] >= hi_file[asker])
            continue;
        o->x = m->days + from;
        if (k < m->n_same || (k - m->n_same) % 2 == 0 || !m->groups[k - 1].nx)
            o->nx = distinct_days(m->days + from, at[d] - from);
        else
            o->nx = m->groups[k - 1].nx; /* the pair's + group sorted them */
        for (o->size = 1; o->size < o->nx; o->size *= 2)
            ;
        n_nodes += 2 * o->size;
    }
    if (!(m->nodes = malloc((n_nodes ? 4 * n_nodes : 1) * sizeof *m->nodes)))
        goto cleanup;
    memset(m->nodes, 0xff, (n_nodes ? 4 * n_nodes : 1) * sizeof *m->nodes); /* NIL */
    n_nodes = 0;
    for (size_t k = 0; k < m->n_same + 2 * m->n_pair; k++) {
        ovl *o = &m->groups[k];
        if (!o->nx)
            continue;
        o->first = m->nodes + 4 * n_nodes;
        o->last = o->first + 2 * o->size;
        o->cur = o->last + 2 * o->size;
        o->sub = o->cur + 2 * o->size;
        n_nodes += 2 * o->size;
    }
    rc = 0;
cleanup:
    free(lo_file);
    free(hi_file);
    free(at);
    return rc;
}

static int merge_relations(merger *m)
{
    size_t total = 0, t = 0, *same = NULL, *pair = NULL;
    char d1[400], d2[400];
    int rc = -1;

    for (size_t f = 0; f < m->n; f++)
        total += m->graphs[f]->n_relations;
    if (total >= NIL || !(m->same = ag_strmap_new(total)) || !(m->pair = ag_strmap_new(total)) ||
        !(m->rel = calloc(m->cap_rel = total ? total : 1, sizeof *m->rel)) ||
        !(same = malloc((total ? total : 1) * sizeof *same)) ||
        !(pair = malloc((total ? total : 1) * sizeof *pair)) || make_groups(m, same, pair))
        goto cleanup;
    for (size_t f = 0; f < m->n; f++) {
        const ag_graph *g = m->graphs[f];
        for (size_t i = 0; i < g->n_relations; i++, t++) {
            const ag_relation *r = &g->relations[i];
            long lo = day_lo(&r->start), hi = day_hi(&r->end);
            ovl *sg = &m->groups[same[t]];
            ovl *mine = &m->groups[m->n_same + 2 * pair[t] + (r->sign > 0 ? 0 : 1)];
            ovl *other = &m->groups[m->n_same + 2 * pair[t] + (r->sign > 0 ? 1 : 0)];
            mrel *o = NULL;
            uint32_t k;

            /* The same relation: the first relation of the group from an
             * earlier file, not yet merged with one of this file, in force
             * on a day of [lo, hi]. */
            if (sg->nx) {
                if (ovl_prepare(m, sg, f))
                    goto cleanup;
                if ((k = ovl_first(m, sg, lo, hi)) != NIL)
                    o = &m->rel[k];
            }
            if (o) {
                int added = 0, st;
                ag_confidence before = o->confidence;
                for (size_t e = 0; e < r->n_evidence; e++) {
                    size_t s = m->src_map[f][ag_graph_find_source(g, r->evidence[e].source)];
                    if ((st = add_evidence(o, s, r->evidence[e].section, r->evidence[e].note)) < 0)
                        goto cleanup;
                    added += st;
                }
                if (r->confidence < o->confidence)
                    o->confidence = r->confidence;
                o->absorbed_from = f + 1;
                ovl_absorb(m, sg, (long)(o - m->rel), f);
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
                    goto cleanup;
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
            o->next[GROUP_SAME] = o->next[GROUP_SIGN] = o->next_absorbed = -1;
            for (size_t e = 0; e < r->n_evidence; e++) {
                size_t s = m->src_map[f][ag_graph_find_source(g, r->evidence[e].source)];
                if (add_evidence(o, s, r->evidence[e].section, r->evidence[e].note) < 0)
                    goto cleanup;
            }
            chain_add(m, sg, (long)m->n_rel);
            chain_add(m, mine, (long)m->n_rel);
            /* Contradictions: the first relation of an earlier file on the
             * pair with the opposite sign in force at the same time. */
            if (other->nx) {
                if (ovl_prepare(m, other, f))
                    goto cleanup;
                if ((k = ovl_first(m, other, lo, hi)) != NIL) {
                    const mrel *c = &m->rel[k];
                    if (note(m, AG_MERGE_CONTRADICTION, f,
                             "relation %s of %s (%s) contradicts relation %s of %s (%s): "
                             "opposite signs at the same time, both kept (output r%zu, r%ld)",
                             r->id, fname(m, f), describe(g, r, d1, sizeof d1), c->r->id,
                             fname(m, c->file), describe(c->g, c->r, d2, sizeof d2),
                             m->n_rel + 1, (long)k + 1))
                        goto cleanup;
                }
            }
            m->n_rel++;
        }
    }
    rc = 0;
cleanup:
    free(same);
    free(pair);
    return rc;
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
    free(m.groups);
    free(m.days);
    free(m.nodes);
    free(m.entries);
    return st;
}
