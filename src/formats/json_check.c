/* The rules of the version-1 JSON format (docs/format.md): one pass over
 * a document collects every problem and builds the graph with every default
 * applied. Positions are added afterwards by json.c. */
#include "actorgraph/limits.h"
#include "actorgraph/load.h"
#include "actorgraph/vocab.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "formats/jsonpos.h"
#include "formats/formats.h"
#include "core/internal.h"
#include "core/strmap.h"

typedef struct loader {
    const char *display;
    ag_diags *diags;
    ag_graph *g;
    int oom;
    int errors;
    /* for "did you mean" hints on unknown actors, built on the first one:
       case-folded ids (owned) -> actor */
    ag_strmap *folded;
    char **folded_ids;
    size_t n_folded, hints;
    /* relation types seen so far: text (in g->texts) -> index into type_rt,
       so that a type is checked, looked up and copied once per file */
    ag_strmap *types;
    const char **type_names;
    const ag_reltype **type_rt;
    size_t n_types;
    int r_ids; /* some actor id begins with 'r' (relation ids could clash) */
    /* the caller's period (ag_load_opts), as days: contradictions between
       relations not both in force during it are left out */
    int has_period;
    long period_from, period_to;
} loader;

/* Edit-distance hints are searched for this many unknown names (actors and
 * types) at most, and only among this many actors, so that hints stay
 * cheap: at most 50 * 2000 distances of 64 * 64 steps per file. */
#define HINT_MAX_SEARCHES 50
#define HINT_MAX_ACTORS 2000

static void report(loader *L, ag_severity sev, const char *pointer, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(loader *L, ag_severity sev, const char *pointer, const char *fmt, ...)
{
    ag_error e;
    va_list ap;
    memset(&e, 0, sizeof e);
    e.code = AG_EINVALID;
    e.severity = sev;
    snprintf(e.file, sizeof e.file, "%s", L->display);
    snprintf(e.pointer, sizeof e.pointer, "%s", pointer);
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    if (sev == AG_SEV_ERROR)
        L->errors++;
    if (ag_diags_push(L->diags, &e) != AG_OK)
        L->oom = 1;
}

#define ERR(L, ptr, ...) report((L), AG_SEV_ERROR, (ptr), __VA_ARGS__)
#define WARN(L, ptr, ...) report((L), AG_SEV_WARNING, (ptr), __VA_ARGS__)

/* Appends /key to base in out, escaping per RFC 6901. */
static void ptr_key(char *out, size_t size, const char *base, const char *key)
{
    /* called for every field of every object: no printf */
    size_t n = strlen(base);
    if (n + 2 > size)
        n = size - 2;
    memcpy(out, base, n);
    out[n++] = '/';
    for (const char *k = key; *k && n + 3 < size; k++) {
        if (*k == '~' || *k == '/') {
            out[n++] = '~';
            out[n++] = *k == '~' ? '0' : '1';
        } else {
            out[n++] = *k;
        }
    }
    out[n < size ? n : size - 1] = '\0';
}

static void ptr_index(char *out, size_t size, const char *base, size_t i)
{
    char digits[24];
    size_t n = strlen(base), d = 0;
    do
        digits[d++] = (char)('0' + i % 10);
    while ((i /= 10) > 0);
    if (n + d + 2 > size) { /* cannot happen with the buffers used here */
        snprintf(out, size, "%s", base);
        return;
    }
    memcpy(out, base, n);
    out[n++] = '/';
    while (d > 0)
        out[n++] = digits[--d];
    out[n] = '\0';
}

static const char *json_type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* v written with the fewest digits that read back as v (%.15g, %.16g or
 * %.17g), so that two different numbers never print alike. */
static const char *num_text(double v, char *buf, size_t size)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

/* Levenshtein distance of a and b (each at most 64 bytes, else a large
 * number), with ASCII case ignored. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[65];
    if (la > 64 || lb > 64 || la > lb + 3 || lb > la + 3)
        return (size_t)-1; /* beyond any hint_reach */
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j],
                   best = diag + (tolower((unsigned char)a[i - 1]) !=
                                  tolower((unsigned char)b[j - 1]));
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

/* The largest edit distance that still makes a hint: about one typo in
 * four characters, at least one, at most three; none for names shorter
 * than three characters (any other short name would be as near). */
static size_t hint_reach(const char *s)
{
    size_t len = strlen(s), n = len / 4;
    if (len < 3)
        return 0;
    return n < 1 ? 1 : n > 3 ? 3 : n;
}

/* The vocabulary type nearest to name (case ignored, within hint_reach),
 * or NULL; searched for the first HINT_MAX_SEARCHES names only. */
static const ag_reltype *near_type(loader *L, const char *name)
{
    size_t n, best = (size_t)-1;
    const ag_reltype *all = ag_reltypes(&n), *hit = NULL;
    if (L->hints >= HINT_MAX_SEARCHES)
        return NULL;
    L->hints++;
    for (size_t k = 0; k < n; k++) {
        size_t d = edit_distance(name, all[k].name);
        if (d < best) {
            best = d;
            hit = &all[k];
        }
    }
    return best <= hint_reach(name) ? hit : NULL;
}

static char *dup_str(loader *L, const char *s)
{
    char *d;
    if (!s)
        return NULL;
    d = strdup(s);
    if (!d)
        L->oom = 1;
    return d;
}

/* A copy of s in the graph's texts (NULL for NULL). */
static char *text_dup(loader *L, const char *s)
{
    char *d;
    if (!s)
        return NULL;
    d = ag__texts_dup(L->g->texts, s, strlen(s));
    if (!d)
        L->oom = 1;
    return d;
}

/* Walks the members of obj once: each one whose key is in known
 * (NULL-terminated) goes into slots at the key's index (slots, when not
 * NULL, has room for every known key; absent ones stay NULL); every other
 * member is warned about. */
static void get_fields(loader *L, json_t *obj, const char *base, const char *what,
                       const char *const *known, json_t **slots)
{
    const char *key;
    json_t *v;
    if (slots)
        for (size_t k = 0; known[k]; k++)
            slots[k] = NULL;
    json_object_foreach(obj, key, v) {
        int found = 0;
        for (size_t k = 0; known[k]; k++)
            if (known[k][0] == key[0] && strcmp(known[k], key) == 0) {
                if (slots)
                    slots[k] = v;
                found = 1;
                break;
            }
        if (!found) {
            char p[256];
            ptr_key(p, sizeof p, base, key);
            WARN(L, p, "unknown field \"%s\" in %s (ignored)", key, what);
        }
    }
}

/* Warns about every member of obj not in known (NULL-terminated). */
static void check_fields(loader *L, json_t *obj, const char *base, const char *what,
                         const char *const *known)
{
    get_fields(L, obj, base, what, known, NULL);
}

/* True when string v holds no NUL and is not longer than the limit;
 * else reports why at pointer p (what: the field's name). */
static int text_ok(loader *L, const json_t *v, const char *p, const char *what)
{
    size_t n = json_string_length(v);
    if (memchr(json_string_value(v), '\0', n)) {
        ERR(L, p, "\"%s\" holds a NUL character (text may hold none)", what);
        return 0;
    }
    if (n > AG_MAX_STRING_BYTES) {
        ERR(L, p, "\"%s\" is too long: %zu bytes (the limit is %u)", what, n,
            (unsigned)AG_MAX_STRING_BYTES);
        return 0;
    }
    return 1;
}

/* Checks every string (and key) inside an actor's attributes with
 * text_ok; depth is bounded by the parsers' own nesting limits. */
static void check_attr_text(loader *L, const json_t *v, const char *p)
{
    char q[256];
    size_t i;
    const char *key;
    json_t *x;
    switch (json_typeof(v)) {
    case JSON_STRING:
        text_ok(L, v, p, "attributes");
        break;
    case JSON_ARRAY:
        json_array_foreach((json_t *)v, i, x) {
            ptr_index(q, sizeof q, p, i);
            check_attr_text(L, x, q);
        }
        break;
    case JSON_OBJECT:
        json_object_foreach((json_t *)v, key, x) {
            ptr_key(q, sizeof q, p, key);
            if (strlen(key) > AG_MAX_STRING_BYTES)
                ERR(L, q, "an attribute name is too long: %zu bytes (the limit is %u)",
                    strlen(key), (unsigned)AG_MAX_STRING_BYTES);
            check_attr_text(L, x, q);
        }
        break;
    default:
        break;
    }
}

/* Refuses an array with more than max items (what: "actors"). */
static int count_ok(loader *L, const json_t *arr, const char *p, const char *what, size_t max)
{
    if (json_array_size(arr) <= max)
        return 1;
    ERR(L, p, "too many %s: %zu (the limit is %zu)", what, json_array_size(arr), max);
    return 0;
}

/* Reads v, the value of obj[key] (NULL when absent), as a string. Returns
 * 1 with *out set when present and valid, 0 when absent (an error if
 * required), -1 when present but bad. */
static int get_text(loader *L, json_t *v, const char *base, const char *key,
                    int required, int nonempty, const char **out)
{
    char p[256];
    size_t n;
    *out = NULL;
    if (!v) {
        if (required)
            ERR(L, base, "missing required field \"%s\"", key);
        return 0;
    }
    if (!json_is_string(v)) {
        ptr_key(p, sizeof p, base, key);
        ERR(L, p, "\"%s\" must be a string, not %s", key, json_type_name(v));
        return -1;
    }
    n = json_string_length(v);
    if (nonempty && n == 0) {
        ptr_key(p, sizeof p, base, key);
        ERR(L, p, "\"%s\" must not be empty", key);
        return -1;
    }
    if (n > AG_MAX_STRING_BYTES || memchr(json_string_value(v), '\0', n)) {
        ptr_key(p, sizeof p, base, key);
        text_ok(L, v, p, key); /* says which */
        return -1;
    }
    *out = json_string_value(v);
    return 1;
}

/* Reads obj[key] as get_text does. */
static int get_string(loader *L, json_t *obj, const char *base, const char *key,
                      int required, int nonempty, const char **out)
{
    return get_text(L, json_object_get(obj, key), base, key, required, nonempty, out);
}

/* Reads v, obj["id"] (NULL when absent), as a required id. */
static int get_id_v(loader *L, json_t *v, const char *base, const char *what,
                    const char **out)
{
    int rc = get_text(L, v, base, "id", 1, 0, out);
    if (rc == 1 && !ag_id_valid(*out)) {
        char p[256];
        ptr_key(p, sizeof p, base, "id");
        ERR(L, p, "malformed %s id \"%s\" (use 1-64 letters, digits, '_', '-', '.')",
            what, *out);
        return -1;
    }
    return rc;
}

static int get_id(loader *L, json_t *obj, const char *base, const char *what,
                  const char **out)
{
    return get_id_v(L, json_object_get(obj, "id"), base, what, out);
}

/* Reads v, the value of obj[key] (NULL when absent), as an optional date,
 * as get_text does. */
static int get_date_v(loader *L, json_t *v, const char *base, const char *key,
                      ag_date *out)
{
    const char *s;
    int rc = get_text(L, v, base, key, 0, 0, &s);
    memset(out, 0, sizeof *out);
    if (rc == 1 && !ag_date_parse(s, out)) {
        char p[256];
        ptr_key(p, sizeof p, base, key);
        ERR(L, p, "bad date \"%s\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", s);
        return -1;
    }
    return rc;
}

static int get_date(loader *L, json_t *obj, const char *base, const char *key,
                    ag_date *out)
{
    return get_date_v(L, json_object_get(obj, key), base, key, out);
}

/* v, the value of obj[key] (NULL when absent), when it is an array; else
 * NULL, reported if present or required. */
static json_t *get_array_v(loader *L, json_t *v, const char *base, const char *key,
                           int required)
{
    char p[256];
    if (!v) {
        if (required)
            ERR(L, base, "missing required field \"%s\"", key);
        return NULL;
    }
    if (!json_is_array(v)) {
        ptr_key(p, sizeof p, base, key);
        ERR(L, p, "\"%s\" must be an array, not %s", key, json_type_name(v));
        return NULL;
    }
    return v;
}

static json_t *get_array(loader *L, json_t *obj, const char *base, const char *key,
                         int required)
{
    return get_array_v(L, json_object_get(obj, key), base, key, required);
}

static void load_sources(loader *L, json_t *root)
{
    static const char *const known[] = {"id", "title", "author", "published", "url", NULL};
    ag_graph *g = L->g;
    json_t *arr = get_array(L, root, "", "sources", 0), *s;
    size_t i;
    if (!arr || !count_ok(L, arr, "/sources", "sources", AG_MAX_RELATIONS))
        return;
    g->sources = calloc(json_array_size(arr) + 1, sizeof *g->sources);
    g->source_index = ag_strmap_new(json_array_size(arr));
    if (!g->sources || !g->source_index) {
        L->oom = 1;
        return;
    }
    json_array_foreach(arr, i, s) {
        char base[64];
        const char *id, *title, *author, *published, *url;
        ag_date d;
        size_t first;
        ptr_index(base, sizeof base, "/sources", i);
        if (!json_is_object(s)) {
            ERR(L, base, "a source must be an object, not %s", json_type_name(s));
            continue;
        }
        check_fields(L, s, base, "source", known);
        get_string(L, s, base, "title", 1, 1, &title);
        get_string(L, s, base, "author", 0, 0, &author);
        get_date(L, s, base, "published", &d);
        get_string(L, s, base, "published", 0, 0, &published);
        get_string(L, s, base, "url", 0, 0, &url);
        if (get_id(L, s, base, "source", &id) != 1)
            continue;
        if (ag_strmap_put(g->source_index, id, g->n_sources, &first) == 0) {
            char p[128];
            ptr_key(p, sizeof p, base, "id");
            ERR(L, p, "duplicate source id \"%s\" (first defined at /sources/%zu)", id, first);
            continue;
        }
        {
            ag_source *src = &g->sources[g->n_sources++];
            src->id = text_dup(L, id);
            src->title = text_dup(L, title);
            src->author = text_dup(L, author);
            src->published = text_dup(L, published);
            src->url = text_dup(L, url);
        }
    }
    /* re-key the index on the graph's own copies: the JSON document dies */
    ag_strmap_free(g->source_index);
    g->source_index = ag_strmap_new(g->n_sources);
    if (!g->source_index) {
        L->oom = 1;
        return;
    }
    for (size_t k = 0; k < g->n_sources; k++)
        if (g->sources[k].id && ag_strmap_put(g->source_index, g->sources[k].id, k, NULL) < 0)
            L->oom = 1;
}

static void load_actors(loader *L, json_t *root)
{
    enum { F_ID, F_NAME, F_KIND, F_GROUP, F_ATTRIBUTES, N_FIELDS };
    static const char *const known[N_FIELDS + 1] = {"id", "name", "kind", "group",
                                                    "attributes", NULL};
    ag_graph *g = L->g;
    json_t *arr = get_array(L, root, "", "actors", 1), *a;
    size_t i;
    g->actor_index = ag_strmap_new(arr ? json_array_size(arr) : 0);
    if (!g->actor_index) {
        L->oom = 1;
        return;
    }
    if (!arr || !count_ok(L, arr, "/actors", "actors", AG_MAX_ACTORS))
        return;
    g->actors = calloc(json_array_size(arr) + 1, sizeof *g->actors);
    if (!g->actors) {
        L->oom = 1;
        return;
    }
    json_array_foreach(arr, i, a) {
        char base[64], p[128];
        const char *id, *name, *kind, *group;
        char *own_id;
        ag_kind k = AG_KIND_OTHER;
        json_t *attrs, *f[N_FIELDS];
        size_t first;
        int put;
        ptr_index(base, sizeof base, "/actors", i);
        if (!json_is_object(a)) {
            ERR(L, base, "an actor must be an object, not %s", json_type_name(a));
            continue;
        }
        get_fields(L, a, base, "actor", known, f);
        get_text(L, f[F_NAME], base, "name", 0, 1, &name);
        get_text(L, f[F_GROUP], base, "group", 0, 1, &group);
        if (get_text(L, f[F_KIND], base, "kind", 0, 0, &kind) == 1 && !ag_kind_parse(kind, &k)) {
            ptr_key(p, sizeof p, base, "kind");
            ERR(L, p, "unknown actor kind \"%s\" (expected state, organization, person, group or other)",
                kind);
        }
        attrs = f[F_ATTRIBUTES];
        if (attrs && !json_is_object(attrs)) {
            ptr_key(p, sizeof p, base, "attributes");
            ERR(L, p, "\"attributes\" must be an object, not %s", json_type_name(attrs));
            attrs = NULL;
        } else if (attrs) {
            ptr_key(p, sizeof p, base, "attributes");
            check_attr_text(L, attrs, p);
        }
        if (get_id_v(L, f[F_ID], base, "actor", &id) != 1)
            continue;
        /* the index is keyed on the graph's own copy: the JSON document dies */
        if (!(own_id = text_dup(L, id)))
            continue;
        if ((put = ag_strmap_put(g->actor_index, own_id, g->n_actors, &first)) == 0) {
            ptr_key(p, sizeof p, base, "id");
            ERR(L, p, "duplicate actor id \"%s\" (first defined at /actors/%zu)", id, first);
            continue;
        }
        if (put < 0) {
            L->oom = 1;
            continue;
        }
        if (id[0] == 'r')
            L->r_ids = 1;
        {
            ag_actor *act = &g->actors[g->n_actors++];
            act->id = own_id;
            act->name = name ? text_dup(L, name) : own_id;
            act->kind = k;
            act->group = text_dup(L, group);
            act->attributes = attrs ? json_deep_copy(attrs) : json_object();
            if (!act->attributes)
                L->oom = 1;
        }
    }
}

/* Reads v, the relation's "evidence" (NULL when absent), into r. */
static void load_evidence(loader *L, json_t *v, const char *base, ag_relation *r)
{
    enum { F_SOURCE, F_SECTION, F_NOTE, N_FIELDS };
    static const char *const known[N_FIELDS + 1] = {"source", "section", "note", NULL};
    json_t *arr = get_array_v(L, v, base, "evidence", 0), *ev;
    char abase[128];
    size_t i;
    if (!arr)
        return;
    ptr_key(abase, sizeof abase, base, "evidence");
    if (!count_ok(L, arr, abase, "evidence items", AG_MAX_RELATIONS))
        return;
    r->evidence = calloc(json_array_size(arr) + 1, sizeof *r->evidence);
    if (!r->evidence) {
        L->oom = 1;
        return;
    }
    json_array_foreach(arr, i, ev) {
        char eb[160], p[192];
        const char *src, *section, *note;
        json_t *f[N_FIELDS];
        long src_index;
        ptr_index(eb, sizeof eb, abase, i);
        if (!json_is_object(ev)) {
            ERR(L, eb, "an evidence item must be an object, not %s", json_type_name(ev));
            continue;
        }
        get_fields(L, ev, eb, "evidence", known, f);
        get_text(L, f[F_SECTION], eb, "section", 0, 0, &section);
        get_text(L, f[F_NOTE], eb, "note", 0, 0, &note);
        if (get_text(L, f[F_SOURCE], eb, "source", 1, 1, &src) != 1)
            continue;
        if ((src_index = ag_graph_find_source(L->g, src)) < 0) {
            ptr_key(p, sizeof p, eb, "source");
            ERR(L, p, "unknown source \"%s\"", src);
            continue;
        }
        /* the source's own id, shared */
        r->evidence[r->n_evidence].source = L->g->sources[src_index].id;
        r->evidence[r->n_evidence].section = text_dup(L, section);
        r->evidence[r->n_evidence].note = text_dup(L, note);
        r->n_evidence++;
    }
}

/* The id of an actor that id probably meant: the same id but for case
 * (one hash lookup), else, for the first HINT_MAX_SEARCHES unknown ids in
 * a graph of at most HINT_MAX_ACTORS actors, the nearest within
 * hint_reach. NULL when none (or out of memory: hints are a courtesy). */
static const char *near_actor(loader *L, const char *id)
{
    ag_graph *g = L->g;
    char low[65];
    size_t n = strlen(id), v, best = (size_t)-1;
    const char *hit = NULL;
    if (n >= sizeof low)
        return NULL;
    if (!L->folded_ids) {
        L->folded_ids = calloc(g->n_actors + 1, sizeof *L->folded_ids);
        L->folded = ag_strmap_new(g->n_actors);
        if (!L->folded || !L->folded_ids)
            return NULL;
        for (size_t k = 0; k < g->n_actors; k++) {
            char *f = strdup(g->actors[k].id);
            if (!f)
                return NULL;
            L->folded_ids[L->n_folded++] = f;
            for (char *c = f; *c; c++)
                *c = (char)tolower((unsigned char)*c);
            if (ag_strmap_put(L->folded, f, k, NULL) < 0)
                return NULL;
        }
    }
    if (!L->folded)
        return NULL;
    for (size_t k = 0; k <= n; k++)
        low[k] = (char)tolower((unsigned char)id[k]);
    if (ag_strmap_get(L->folded, low, &v))
        return g->actors[v].id;
    if (g->n_actors > HINT_MAX_ACTORS || L->hints >= HINT_MAX_SEARCHES)
        return NULL;
    L->hints++;
    for (size_t k = 0; k < g->n_actors; k++) {
        size_t d = edit_distance(id, g->actors[k].id);
        if (d < best) {
            best = d;
            hit = g->actors[k].id;
        }
    }
    return best > 0 && best <= hint_reach(id) ? hit : NULL;
}

/* Resolves an endpoint from v, the relation's value for key (NULL when
 * absent); -1 when absent or unknown (reported). */
static long get_endpoint(loader *L, json_t *v, const char *base, const char *key)
{
    const char *id;
    long idx;
    if (get_text(L, v, base, key, 1, 0, &id) != 1)
        return -1;
    idx = ag_graph_find_actor(L->g, id);
    if (idx < 0) {
        char p[128], hint[128] = "";
        const char *near = near_actor(L, id);
        if (near)
            snprintf(hint, sizeof hint, " (did you mean \"%s\"?)", near);
        ptr_key(p, sizeof p, base, key);
        ERR(L, p, "unknown actor \"%s\"%s", id, hint);
    }
    return idx;
}

/* A key equal for relations that say the same thing: same ends (either
 * order when mutual), type, sign, weight, mutuality and dates. */
/* Relations that say the same thing (same ends, either way round for a
 * mutual one; same type, sign, weight, mutuality and dates) share a hash and
 * compare equal. */
static void canonical_ends(const ag_relation *r, size_t *a, size_t *b)
{
    *a = r->source;
    *b = r->target;
    if (r->mutual && *a > *b) {
        *a = r->target;
        *b = r->source;
    }
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h * 0xFF51AFD7ED558CCDULL;
}

static uint64_t relation_hash(const ag_relation *r)
{
    size_t a, b;
    uint64_t h = 1469598103934665603ULL, bits;
    double w = r->weight;
    canonical_ends(r, &a, &b);
    memcpy(&bits, &w, sizeof bits);
    for (const unsigned char *p = (const unsigned char *)r->type; *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    h = mix(h, a);
    h = mix(h, b);
    h = mix(h, bits);
    h = mix(h, (uint64_t)(r->sign + 2) * 2 + r->mutual);
    h = mix(h, (uint64_t)r->start.year * 400 + (uint64_t)r->start.month * 32 + (uint64_t)r->start.day);
    h = mix(h, (uint64_t)r->end.year * 400 + (uint64_t)r->end.month * 32 + (uint64_t)r->end.day);
    return h;
}

static int relation_same(const ag_relation *x, const ag_relation *y)
{
    size_t xa, xb, ya, yb;
    canonical_ends(x, &xa, &xb);
    canonical_ends(y, &ya, &yb);
    return xa == ya && xb == yb && x->sign == y->sign && x->weight == y->weight &&
           x->mutual == y->mutual && memcmp(&x->start, &y->start, sizeof x->start) == 0 &&
           memcmp(&x->end, &y->end, sizeof x->end) == 0 &&
           (x->type == y->type || strcmp(x->type, y->type) == 0);
}

/* The relation type named type, once per file: 1 with *copy (the one copy
 * in the graph's texts, shared by every relation of that type) and *rt
 * (its vocabulary entry, NULL for a custom type) when type is a well-formed
 * id, 0 when it is not, -1 when out of memory. */
static int intern_type(loader *L, const char *type, char **copy, const ag_reltype **rt)
{
    size_t k;
    char *c;
    if (L->types && ag_strmap_get(L->types, type, &k)) {
        *copy = (char *)L->type_names[k];
        *rt = L->type_rt[k];
        return 1;
    }
    if (!ag_id_valid(type))
        return 0;
    if (!L->types && !(L->types = ag_strmap_new(64)))
        return -1;
    if (L->n_types % 64 == 0) {
        const char **names = realloc(L->type_names, (L->n_types + 64) * sizeof *names);
        const ag_reltype **rts;
        if (!names)
            return -1;
        L->type_names = names;
        rts = realloc(L->type_rt, (L->n_types + 64) * sizeof *rts);
        if (!rts)
            return -1;
        L->type_rt = rts;
    }
    if (!(c = ag__texts_dup(L->g->texts, type, strlen(type))) ||
        ag_strmap_put(L->types, c, L->n_types, NULL) < 0)
        return -1;
    L->type_names[L->n_types] = c;
    L->type_rt[L->n_types++] = ag_reltype_find(type);
    *copy = c;
    *rt = L->type_rt[L->n_types - 1];
    return 1;
}

/* "r<N>", N = i + 1, into buf (at least 24 bytes), without printf: it is
 * made for every relation. */
static void relation_id(char *buf, size_t i)
{
    char digits[24];
    size_t d = 0, n = 0;
    i++;
    do
        digits[d++] = (char)('0' + i % 10);
    while ((i /= 10) > 0);
    buf[n++] = 'r';
    while (d > 0)
        buf[n++] = digits[--d];
    buf[n] = '\0';
}

/* When relation r is in force: [first day of start, last day of end], a
 * missing side open. */
static long in_force_from(const ag_relation *r)
{
    return r->start.year ? ag__date_first_day(&r->start) : LONG_MIN;
}

static long in_force_to(const ag_relation *r)
{
    return r->end.year ? ag__date_last_day(&r->end) : LONG_MAX;
}

/* "2014-02 to 2015", "from 2016", "until 2019-03", "undated". */
static void period_text(const ag_relation *r, char *buf, size_t size)
{
    char a[16], b[16];
    ag_date_format(&r->start, a, sizeof a);
    ag_date_format(&r->end, b, sizeof b);
    if (r->start.year && r->end.year)
        snprintf(buf, size, "%s to %s", a, b);
    else if (r->start.year)
        snprintf(buf, size, "from %s", a);
    else if (r->end.year)
        snprintf(buf, size, "until %s", b);
    else
        snprintf(buf, size, "undated");
}

/* Warns, once, about the relations whose end (their last day) is before
 * the first day of the latest `published` date among the graph's sources:
 * they no longer held when the graph's evidence was written, yet count
 * unless a selection by date leaves them out. The warning sits at the
 * first such relation's `end` and says how many more there are, so that a
 * historical graph (every tie long over) gets one line, not thousands. */
static void check_ended(loader *L, const size_t *where)
{
    const ag_graph *g = L->g;
    long latest = 0;
    size_t src = 0, first = 0, count = 0;
    for (size_t k = 0; k < g->n_sources; k++) {
        ag_date d;
        if (g->sources[k].published && ag_date_parse(g->sources[k].published, &d) &&
            ag__date_first_day(&d) > latest) {
            latest = ag__date_first_day(&d);
            src = k;
        }
    }
    if (!latest)
        return;
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        if (!r->end.year || ag__date_last_day(&r->end) >= latest)
            continue;
        if (count++ == 0 || where[i] < where[first])
            first = i;
    }
    if (count) {
        char p[96], end[16], more[64] = "";
        ptr_index(p, sizeof p, "/relations", where[first]);
        strcat(p, "/end");
        ag_date_format(&g->relations[first].end, end, sizeof end);
        if (count > 1)
            snprintf(more, sizeof more, ", as did %zu more relation%s", count - 1,
                     count == 2 ? "" : "s");
        WARN(L, p,
             "ended %s, before the latest source (\"%s\", published %s)%s: %s current "
             "unless a date is selected (--as-of, --from/--to)",
             end, g->sources[src].id, g->sources[src].published, more,
             count > 1 ? "they count as" : "it counts as");
    }
}

/* Fenwick trees over the ranks of the starts of one pair's relations, one
 * per sign: the prefix maximum of in_force_to, and which relation has it. */
typedef struct {
    long end;
    size_t rel; /* index into the group, + 1; 0: empty */
} fen_item;

static void fen_put(fen_item *t, size_t n, size_t pos, long end, size_t rel)
{
    for (pos++; pos <= n; pos += pos & -pos)
        if (!t[pos - 1].rel || end > t[pos - 1].end) {
            t[pos - 1].end = end;
            t[pos - 1].rel = rel;
        }
}

static fen_item fen_max(const fen_item *t, size_t count)
{
    fen_item best = {0, 0};
    for (size_t pos = count; pos > 0; pos -= pos & -pos)
        if (t[pos - 1].rel && (!best.rel || t[pos - 1].end > best.end ||
                               (t[pos - 1].end == best.end && t[pos - 1].rel < best.rel)))
            best = t[pos - 1];
    return best;
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* True when r is in force on at least one day of the caller's period (or
 * there is none). */
static int in_period(const loader *L, const ag_relation *r)
{
    return !L->has_period || (in_force_from(r) <= L->period_to && in_force_to(r) >= L->period_from);
}

/* Warns at each relation that is in force at the same time as an earlier
 * relation (in file order) of the opposite sign between the same two
 * actors, in either direction, when at least one of the two is dated (two
 * undated relations of opposite signs are a mixed tie, which the format
 * allows: allied militarily, at odds economically). Names the earlier
 * one: of those overlapping, the one whose period ends last (for an
 * undated relation, the first dated one). The relations are grouped by pair with two counting sorts (linear
 * in relations and actors); within a pair of k relations the search takes
 * O(k log k). With a period from the caller, a warning is left out unless
 * both relations are in force during it: then (intervals that meet pairwise
 * share a day) the days they share meet the period. */
static void check_contradictions(loader *L, const size_t *where)
{
    const ag_graph *g = L->g;
    size_t n = g->n_relations, na = g->n_actors;
    size_t *cnt = NULL, *tmp = NULL, *ord = NULL;
    long *starts = NULL;
    fen_item *fen = NULL;

    if (n < 2)
        return;
    cnt = calloc(na + 1, sizeof *cnt);
    tmp = malloc(n * sizeof *tmp);
    ord = malloc(n * sizeof *ord);
    starts = malloc(n * sizeof *starts);
    fen = malloc(2 * n * sizeof *fen);
    if (!cnt || !tmp || !ord || !starts || !fen) {
        L->oom = 1;
        goto cleanup;
    }
#define LO(i) (g->relations[i].source < g->relations[i].target ? g->relations[i].source \
                                                                : g->relations[i].target)
#define HI(i) (g->relations[i].source < g->relations[i].target ? g->relations[i].target \
                                                                : g->relations[i].source)
    /* stable counting sorts: by the higher actor, then by the lower */
    for (size_t i = 0; i < n; i++)
        cnt[HI(i) + 1]++;
    for (size_t a = 0; a < na; a++)
        cnt[a + 1] += cnt[a];
    for (size_t i = 0; i < n; i++)
        tmp[cnt[HI(i)]++] = i;
    memset(cnt, 0, (na + 1) * sizeof *cnt);
    for (size_t i = 0; i < n; i++)
        cnt[LO(i) + 1]++;
    for (size_t a = 0; a < na; a++)
        cnt[a + 1] += cnt[a];
    for (size_t k = 0; k < n; k++)
        ord[cnt[LO(tmp[k])]++] = tmp[k];
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        const size_t *grp = ord + lo;
        size_t k, m, first_dated[2]; /* by sign (+, -): group index + 1 */
        int signs = 0;
        for (hi = lo + 1; hi < n && LO(ord[hi]) == LO(ord[lo]) && HI(ord[hi]) == HI(ord[lo]);
             hi++)
            ;
        k = hi - lo;
        for (size_t j = 0; j < k; j++)
            signs |= g->relations[grp[j]].sign > 0 ? 1 : 2;
        if (signs != 3)
            continue; /* one sign only: nothing to contradict */
        for (size_t j = 0; j < k; j++)
            starts[j] = in_force_from(&g->relations[grp[j]]);
        qsort(starts, k, sizeof *starts, cmp_long);
        memset(fen, 0, 2 * k * sizeof *fen);
        first_dated[0] = first_dated[1] = 0;
        for (size_t j = 0; j < k; j++) { /* in file order */
            const ag_relation *r = &g->relations[grp[j]];
            fen_item *mine = fen + (r->sign > 0 ? 0 : k), *other = fen + (r->sign > 0 ? k : 0);
            long from = in_force_from(r), to = in_force_to(r);
            size_t lo_rank = 0, hi_rank = k, rank;
            fen_item q;
            /* how many starts are <= to: the earlier relations that begin
               before this one ends */
            while (lo_rank < hi_rank) {
                m = lo_rank + (hi_rank - lo_rank) / 2;
                if (starts[m] <= to)
                    lo_rank = m + 1;
                else
                    hi_rank = m;
            }
            if (r->start.year || r->end.year) {
                q = fen_max(other, lo_rank);
                if (q.end < from)
                    q.rel = 0;
            } else { /* undated: only a dated one contradicts it */
                q.rel = first_dated[r->sign > 0 ? 1 : 0];
            }
            if (!first_dated[r->sign > 0 ? 0 : 1] && (r->start.year || r->end.year))
                first_dated[r->sign > 0 ? 0 : 1] = j + 1;
            if (q.rel && in_period(L, r) && in_period(L, &g->relations[grp[q.rel - 1]])) {
                const ag_relation *e = &g->relations[grp[q.rel - 1]];
                char p[64], mine_p[48], theirs[48];
                ptr_index(p, sizeof p, "/relations", where[grp[j]]);
                period_text(r, mine_p, sizeof mine_p);
                period_text(e, theirs, sizeof theirs);
                WARN(L, p,
                     "contradicts /relations/%zu: %s and %s are %s (%s, %s) and %s (%s, %s) at "
                     "the same time",
                     where[grp[q.rel - 1]], g->actors[LO(grp[j])].id, g->actors[HI(grp[j])].id,
                     r->sign > 0 ? "cooperating" : "in conflict", r->type, mine_p,
                     e->sign > 0 ? "cooperating" : "in conflict", e->type, theirs);
            }
            /* this start's rank: the first slot holding it */
            for (lo_rank = 0, hi_rank = k; lo_rank < hi_rank;) {
                m = lo_rank + (hi_rank - lo_rank) / 2;
                if (starts[m] < from)
                    lo_rank = m + 1;
                else
                    hi_rank = m;
            }
            rank = lo_rank;
            fen_put(mine, k, rank, to, j + 1);
        }
    }
#undef LO
#undef HI
cleanup:
    free(cnt);
    free(tmp);
    free(ord);
    free(starts);
    free(fen);
}

static void load_relations(loader *L, json_t *root)
{
    enum { F_SOURCE, F_TARGET, F_TYPE, F_SIGN, F_WEIGHT, F_MUTUAL, F_CONFIDENCE, F_START,
           F_END, F_EVIDENCE, F_LABEL, N_FIELDS };
    static const char *const known[N_FIELDS + 1] = {"source", "target", "type", "sign",
                                                    "weight", "mutual", "confidence",
                                                    "start", "end", "evidence", "label",
                                                    NULL};
    ag_graph *g = L->g;
    json_t *arr = get_array(L, root, "", "relations", 1), *rel;
    /* open addressing on relation_hash: the hash's upper 32 bits beside
       the relation's index + 1 (0: empty), so that a probe reads the
       relation only when the hashes agree */
    uint64_t *seen = NULL;
    size_t *where = NULL, mask = 0, i;
    if (!arr || !count_ok(L, arr, "/relations", "relations", AG_MAX_RELATIONS))
        return;
    g->relations = calloc(json_array_size(arr) + 1, sizeof *g->relations);
    for (mask = 16; mask < 2 * json_array_size(arr); mask *= 2)
        ;
    seen = calloc(mask, sizeof *seen);
    where = calloc(json_array_size(arr) + 1, sizeof *where);
    mask--;
    if (!g->relations || !seen || !where) {
        L->oom = 1;
        goto cleanup;
    }
    json_array_foreach(arr, i, rel) {
        char base[64], p[128], idbuf[48];
        if ((i & 4095) == 0)
            ag__progress("checking relations", i, json_array_size(arr));
        const char *type, *conf, *label;
        char *type_copy = NULL;
        const ag_reltype *rt = NULL;
        ag_relation r;
        long s, t;
        json_t *v, *f[N_FIELDS];
        int ok = 1, type_ok, has_sign = 0;
        size_t first;
        uint64_t h, tag;
        memset(&r, 0, sizeof r);
        ptr_index(base, sizeof base, "/relations", i);
        if (!json_is_object(rel)) {
            ERR(L, base, "a relation must be an object, not %s", json_type_name(rel));
            continue;
        }
        get_fields(L, rel, base, "relation", known, f);
        s = get_endpoint(L, f[F_SOURCE], base, "source");
        t = get_endpoint(L, f[F_TARGET], base, "target");
        ok = s >= 0 && t >= 0;

        type_ok = get_text(L, f[F_TYPE], base, "type", 1, 0, &type) == 1;
        if (type_ok) {
            int rc = intern_type(L, type, &type_copy, &rt);
            if (rc < 0)
                L->oom = 1;
            if (rc == 0) {
                ptr_key(p, sizeof p, base, "type");
                ERR(L, p,
                    "malformed relation type \"%s\" (use 1-64 letters, digits, '_', '-', '.')",
                    type);
            }
            type_ok = rc == 1;
        }
        ok = ok && type_ok;
        r.sign = rt ? rt->sign : 0;
        r.weight = rt ? rt->weight : 0.5;
        r.mutual = rt ? rt->mutual : false;
        r.confidence = AG_CONF_REPORTED;

        if ((v = f[F_SIGN])) {
            if (!json_is_number(v) || (json_number_value(v) != 1.0 && json_number_value(v) != -1.0)) {
                char num[32];
                ptr_key(p, sizeof p, base, "sign");
                if (json_is_number(v))
                    ERR(L, p, "sign must be +1 or -1, not %s",
                        num_text(json_number_value(v), num, sizeof num));
                else
                    ERR(L, p, "sign must be +1 or -1, not %s", json_type_name(v));
                ok = 0;
            } else {
                r.sign = json_number_value(v) > 0 ? 1 : -1;
                has_sign = 1;
            }
        }
        if (type_ok && !rt) {
            ptr_key(p, sizeof p, base, "type");
            if (!has_sign && !f[F_SIGN]) {
                const ag_reltype *near = near_type(L, type);
                char hint[128] = "";
                if (near)
                    snprintf(hint, sizeof hint, "; did you mean \"%s\"?", near->name);
                ERR(L, p, "custom relation type \"%s\" needs a \"sign\" (+1 or -1)%s", type,
                    hint);
                ok = 0;
            } else {
                size_t n_types;
                const ag_reltype *all = ag_reltypes(&n_types);
                for (size_t k = 0; k < n_types; k++)
                    if (strcasecmp(all[k].name, type) == 0)
                        WARN(L, p,
                             "custom relation type \"%s\" differs from the vocabulary's \"%s\" "
                             "only by case",
                             type, all[k].name);
            }
        }
        if ((v = f[F_WEIGHT])) {
            double w = json_is_number(v) ? json_number_value(v) : NAN;
            if (!json_is_number(v)) {
                ptr_key(p, sizeof p, base, "weight");
                ERR(L, p, "weight must be a number in (0, 1], not %s", json_type_name(v));
                ok = 0;
            } else if (!isfinite(w) || w <= 0.0 || w > 1.0) {
                char num[32];
                ptr_key(p, sizeof p, base, "weight");
                ERR(L, p, "weight must be a number in (0, 1], not %s", num_text(w, num, sizeof num));
                ok = 0;
            } else if (w < AG_MIN_WEIGHT) {
                char num[32];
                ptr_key(p, sizeof p, base, "weight");
                ERR(L, p, "weight %s is too small (the smallest accepted weight is %g)",
                    num_text(w, num, sizeof num), AG_MIN_WEIGHT);
                ok = 0;
            } else {
                r.weight = w;
            }
        }
        if ((v = f[F_MUTUAL])) {
            if (!json_is_boolean(v)) {
                ptr_key(p, sizeof p, base, "mutual");
                ERR(L, p, "mutual must be true or false, not %s", json_type_name(v));
                ok = 0;
            } else {
                r.mutual = json_is_true(v);
            }
        }
        if (get_text(L, f[F_CONFIDENCE], base, "confidence", 0, 0, &conf) == 1 &&
            !ag_confidence_parse(conf, &r.confidence)) {
            ptr_key(p, sizeof p, base, "confidence");
            ERR(L, p, "unknown confidence \"%s\" (expected confirmed, reported or speculative)",
                conf);
            ok = 0;
        }
        if (get_date_v(L, f[F_START], base, "start", &r.start) < 0)
            ok = 0;
        if (get_date_v(L, f[F_END], base, "end", &r.end) < 0)
            ok = 0;
        if (r.start.year && r.end.year && ag_date_cmp(&r.end, &r.start) < 0) {
            char a[16], b[16];
            ag_date_format(&r.start, a, sizeof a);
            ag_date_format(&r.end, b, sizeof b);
            ptr_key(p, sizeof p, base, "end");
            ERR(L, p, "end %s is before start %s", b, a);
            ok = 0;
        }
        if (get_text(L, f[F_LABEL], base, "label", 0, 0, &label) < 0)
            ok = 0;
        load_evidence(L, f[F_EVIDENCE], base, &r);
        if (!ok) {
            free(r.evidence); /* its texts stay in g->texts until the graph goes */
            continue;
        }
        r.source = (size_t)s;
        r.target = (size_t)t;
        r.reltype = rt;
        r.type = type_copy;
        r.label = text_dup(L, label);
        /* "r<N>", made distinct from every actor id: some exports (Cytoscape,
           GraphML) keep node and edge ids in one space */
        relation_id(idbuf, i);
        for (int k = 1; L->r_ids && ag_graph_find_actor(g, idbuf) >= 0; k++)
            snprintf(idbuf, sizeof idbuf, "r%zu_%d", i + 1, k);
        r.id = text_dup(L, idbuf);
        g->relations[g->n_relations++] = r;

        if (s == t)
            WARN(L, base, "self-loop: %s relation from \"%s\" to itself", type, g->actors[s].id);
        if (!r.type)
            continue; /* out of memory, already recorded */
        where[g->n_relations - 1] = i;
        h = relation_hash(&r);
        tag = h & 0xFFFFFFFF00000000ULL;
        for (size_t k = (size_t)h & mask;; k = (k + 1) & mask) {
            if (!seen[k]) {
                seen[k] = tag | g->n_relations; /* this relation, + 1 */
                break;
            }
            if ((seen[k] & 0xFFFFFFFF00000000ULL) == tag &&
                relation_same(&g->relations[(seen[k] & 0xFFFFFFFFu) - 1], &r)) {
                first = where[(seen[k] & 0xFFFFFFFFu) - 1];
                WARN(L, base,
                     "duplicate of /relations/%zu (same actors, type, sign, weight and dates)",
                     first);
                break;
            }
        }
    }
    if (!L->oom) {
        check_ended(L, where);
        check_contradictions(L, where);
    }
cleanup:
    ag__progress("checking relations", json_array_size(arr), json_array_size(arr));
    free(seen);
    free(where);
}

static void check_root(loader *L, json_t *root, int *stop)
{
    /* "selection" is what a selection's export says was selected: not
       applied on reading */
    static const char *const known[] = {"actorgraph", "title", "description", "sources",
                                        "actors", "relations", "selection", NULL};
    json_t *v = json_object_get(root, "actorgraph");
    const char *title, *desc;
    *stop = 0;
    if (!v) {
        ERR(L, "", "missing required field \"actorgraph\" (the format version: 1)");
    } else if (!json_is_integer(v)) {
        ERR(L, "/actorgraph", "\"actorgraph\" must be the integer format version 1, not %s",
            json_type_name(v));
    } else if (json_integer_value(v) != 1) {
        ERR(L, "/actorgraph", "unsupported format version %lld (this actorgraph reads version 1)",
            (long long)json_integer_value(v));
        *stop = 1;
        return;
    }
    check_fields(L, root, "", "the graph", known);
    get_string(L, root, "", "title", 1, 1, &title);
    get_string(L, root, "", "description", 0, 0, &desc);
    L->g->title = dup_str(L, title);
    L->g->description = dup_str(L, desc);
}

ag_status ag__json_check(json_t *root, const char *display, const ag_load_opts *opts,
                         ag_diags *diags, ag_graph **out, int *errors)
{
    loader L;
    int stop = 0;

    *out = NULL;
    *errors = 0;
    memset(&L, 0, sizeof L);
    L.display = display;
    L.diags = diags;
    if (opts && (opts->period_from.year || opts->period_to.year)) {
        L.has_period = 1;
        L.period_from = opts->period_from.year ? ag__date_first_day(&opts->period_from) : LONG_MIN;
        L.period_to = opts->period_to.year ? ag__date_last_day(&opts->period_to) : LONG_MAX;
    }
    L.g = calloc(1, sizeof *L.g);
    if (!L.g)
        return AG_ENOMEM;
    L.g->texts = ag__texts_new();
    if (!L.g->texts) {
        ag_graph_free(L.g);
        return AG_ENOMEM;
    }
    L.g->name = dup_str(&L, "graph");
    if (!json_is_object(root)) {
        ERR(&L, "", "a graph must be a JSON object, not %s", json_type_name(root));
    } else {
        check_root(&L, root, &stop);
        if (!stop) {
            load_sources(&L, root);
            load_actors(&L, root);
            load_relations(&L, root);
        }
    }
    ag_strmap_free(L.folded);
    for (size_t k = 0; k < L.n_folded; k++)
        free(L.folded_ids[k]);
    free(L.folded_ids);
    ag_strmap_free(L.types);
    free(L.type_names);
    free(L.type_rt);
    if (L.oom) {
        ag_graph_free(L.g);
        return AG_ENOMEM;
    }
    *out = L.g;
    *errors = L.errors;
    return AG_OK;
}
