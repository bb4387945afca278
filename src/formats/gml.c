/* GML: the tree of items gml_syntax.c parses becomes a version-1 document
 * (reading back everything the writer below writes, and GML from networkx
 * and igraph); the writer puts a graph out as GML that networkx, igraph and
 * Gephi read. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/select.h"
#include "core/text.h"
#include "formats/formats.h"
#include "formats/gml.h"

typedef ag_gml_item item;

/* s as a JSON string, read as ISO-8859-1 when it is not UTF-8; NULL when
 * out of memory. */
static json_t *text_json(const char *s)
{
    size_t n = strlen(s);
    char *latin;
    json_t *v;
    if (ag__utf8_valid(s, n))
        return json_stringn(s, n);
    if (!(latin = ag__latin1_to_utf8(s, n, &n)))
        return NULL;
    v = json_stringn(latin, n);
    free(latin);
    return v;
}

/* ---- from the tree to a document -------------------------------------------- */

/* A node's GML id and the actor it became. */
typedef struct node_id {
    json_int_t id;
    size_t actor, order;
    int line, col;
} node_id;

typedef struct builder {
    const char *display;
    ag_srcmap *map;
    ag_diags *diags;
    int oom;
    json_t *actors, *relations;
    node_id *ids;
    size_t n_ids, cap_ids;
} builder;

static void report(builder *b, ag_severity sev, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void report(builder *b, ag_severity sev, int line, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (ag__diag(b->diags, sev, b->display, line, col, NULL, "%s", msg) != AG_OK)
        b->oom = 1;
}

static void map_add(builder *b, int line, int col, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void map_add(builder *b, int line, int col, const char *where, const char *fmt, ...)
{
    char pointer[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pointer, sizeof pointer, fmt, ap);
    va_end(ap);
    if (ag_srcmap_add(b->map, pointer, line, col, where) != 0)
        b->oom = 1;
}

/* Sets o[key] = v (stealing v); a NULL v means out of memory. */
static void put(builder *b, json_t *o, const char *key, json_t *v)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        b->oom = 1;
}

/* A scalar item as JSON; NULL for a list or when out of memory. */
static json_t *scalar(const item *it)
{
    switch (it->type) {
    case V_INT: return json_integer(it->i);
    case V_REAL: return json_real(it->r);
    case V_STRING: return json_stringn(it->s, it->slen);
    default: return NULL;
    }
}

/* A scalar item as text (numbers written out) into buf. */
static const char *scalar_text(const item *it, char *buf, size_t size)
{
    if (it->type == V_STRING)
        return it->s;
    if (it->type == V_INT)
        snprintf(buf, size, "%lld", (long long)it->i);
    else
        snprintf(buf, size, "%.17g", it->r);
    return buf;
}

/* The JSON text in string item it (what: its name in the message), as
 * JSON; NULL, reported as an error at the item, when it is not JSON. */
static json_t *parse_json_item(builder *b, const item *it, const char *what)
{
    json_error_t e;
    json_t *v = json_loadb(it->s, it->slen, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
    if (!v)
        report(b, AG_SEV_ERROR, it->line, it->col, "bad JSON in %s: %s", what, e.text);
    return v;
}

static int cmp_ids(const void *x, const void *y)
{
    const node_id *a = x, *c = y;
    if (a->id != c->id)
        return a->id < c->id ? -1 : 1;
    return a->order < c->order ? -1 : a->order > c->order;
}

/* The first node with GML id `id`; NULL when none. */
static const node_id *find_node(const builder *b, json_int_t id)
{
    size_t lo = 0, hi = b->n_ids;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ids[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->n_ids && b->ids[lo].id == id ? &b->ids[lo] : NULL;
}

/* Warns about a repeated key (the first one counts); true when o already
 * has field. */
static int repeated(builder *b, json_t *o, const char *field, const item *it, const char *what)
{
    if (!json_object_get(o, field))
        return 0;
    report(b, AG_SEV_WARNING, it->line, it->col, "%s key \"%s\" repeated (the first one counts)",
           what, it->key);
    return 1;
}

static int hex_digit(char c)
{
    return (c >= '0' && c <= '9') ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The attribute name the export encoded as enc ("__" for '_', '_' and two
 * upper-case hex digits for any other byte); enc itself when it does not
 * decode to UTF-8 (a name written by hand). NULL when out of memory. */
static char *attr_name(const char *enc)
{
    size_t n = strlen(enc), k = 0;
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    while (k < n) {
        if (enc[k] == '_' && enc[k + 1] == '_') {
            *o++ = '_';
            k += 2;
        } else if (enc[k] == '_' && k + 2 < n && hex_digit(enc[k + 1]) >= 0 &&
                   hex_digit(enc[k + 2]) >= 0) {
            *o++ = (char)(hex_digit(enc[k + 1]) * 16 + hex_digit(enc[k + 2]));
            k += 3;
        } else {
            *o++ = enc[k++];
        }
    }
    *o = '\0';
    if (o == out || strlen(out) != (size_t)(o - out) || !ag__utf8_valid(out, (size_t)(o - out)))
        memcpy(out, enc, n + 1);
    return out;
}

static void read_node(builder *b, const item *node)
{
    const item *id = NULL, *label = NULL;
    json_t *actor = NULL, *attrs = NULL;
    char where[320], buf[64], wfield[400];
    const char *actor_id;
    size_t i = json_array_size(b->actors);
    int attr_line = 0, attr_col = 0;

    for (size_t k = 0; k < node->n; k++) {
        const item *it = &node->kids[k];
        const item **slot = strcmp(it->key, "id") == 0      ? &id
                            : strcmp(it->key, "label") == 0 ? &label
                                                            : NULL;
        if (!slot || it->type == V_LIST)
            continue;
        if (*slot)
            report(b, AG_SEV_WARNING, it->line, it->col,
                   "node key \"%s\" repeated (the first one counts)", it->key);
        else
            *slot = it;
    }
    if (id && id->type != V_INT) {
        report(b, AG_SEV_ERROR, id->line, id->col, "node id must be an integer");
        id = NULL;
    }
    if (label) {
        actor_id = scalar_text(label, buf, sizeof buf);
    } else if (id) {
        snprintf(buf, sizeof buf, "n%lld", (long long)id->i);
        actor_id = buf;
    } else {
        report(b, AG_SEV_ERROR, node->line, node->col, "node has neither an id nor a label");
        return;
    }
    if (!(actor = json_object()) || json_array_append_new(b->actors, actor) != 0) {
        json_decref(actor);
        b->oom = 1;
        return;
    }
    put(b, actor, "id", json_string(actor_id));
    snprintf(where, sizeof where, "node \"%s\"", actor_id);
    map_add(b, node->line, node->col, where, "/actors/%zu", i);
    snprintf(wfield, sizeof wfield, "%s, %s", where, label ? "label" : "id");
    map_add(b, (label ? label : id)->line, (label ? label : id)->col, wfield, "/actors/%zu/id", i);
    if (id) {
        if (b->n_ids == b->cap_ids) {
            size_t cap = b->cap_ids ? 2 * b->cap_ids : 64;
            node_id *p = realloc(b->ids, cap * sizeof *p);
            if (!p) {
                b->oom = 1;
                return;
            }
            b->ids = p;
            b->cap_ids = cap;
        }
        b->ids[b->n_ids] = (node_id){id->i, i, b->n_ids, id->line, id->col};
        b->n_ids++;
    }

    for (size_t k = 0; k < node->n; k++) {
        const item *it = &node->kids[k];
        const char *field = it->key;
        char *name;
        json_t *v;
        if (strcmp(field, "id") == 0 || strcmp(field, "label") == 0 ||
            strcmp(field, "graphics") == 0)
            continue;
        if (it->type == V_LIST) {
            report(b, AG_SEV_WARNING, it->line, it->col, "node key \"%s\" ignored (a list)",
                   it->key);
            continue;
        }
        snprintf(wfield, sizeof wfield, "%s, %s", where, it->key);
        if (strcmp(field, "name") == 0 || strcmp(field, "kind") == 0 ||
            strcmp(field, "group") == 0) {
            if (repeated(b, actor, field, it, "node"))
                continue;
            put(b, actor, field, scalar(it));
            map_add(b, it->line, it->col, wfield, "/actors/%zu/%s", i, field);
            continue;
        }
        if (!attrs) {
            if (!(attrs = json_object())) {
                b->oom = 1;
                return;
            }
            put(b, actor, "attributes", attrs);
            attr_line = it->line;
            attr_col = it->col;
        }
        if (strncmp(field, "attrjson_", 9) == 0 && field[9] && it->type == V_STRING) {
            if (!(name = attr_name(field + 9))) {
                b->oom = 1;
                return;
            }
            if (!repeated(b, attrs, name, it, "node") && (v = parse_json_item(b, it, it->key)))
                put(b, attrs, name, v);
            free(name);
            continue;
        }
        if (strncmp(field, "attr_", 5) == 0 && field[5]) {
            if (!(name = attr_name(field + 5))) {
                b->oom = 1;
                return;
            }
            if (!repeated(b, attrs, name, it, "node"))
                put(b, attrs, name, scalar(it));
            free(name);
            continue;
        }
        if (!repeated(b, attrs, field, it, "node"))
            put(b, attrs, field, scalar(it));
    }
    if (attrs) {
        snprintf(wfield, sizeof wfield, "%s, attributes", where);
        map_add(b, attr_line, attr_col, wfield, "/actors/%zu/attributes", i);
    }
}

/* Resolves an edge's source or target; NULL (reported) when it names no
 * node. */
static const node_id *endpoint(builder *b, const item *it)
{
    const node_id *n;
    if (it->type != V_INT) {
        report(b, AG_SEV_ERROR, it->line, it->col, "edge %s must be a node id (an integer)",
               it->key);
        return NULL;
    }
    if (!(n = find_node(b, it->i)))
        report(b, AG_SEV_ERROR, it->line, it->col, "edge %s: unknown node id %lld", it->key,
               (long long)it->i);
    return n;
}

static void read_edge(builder *b, const item *edge, int directed)
{
    static const char *const copied[] = {"type", "sign", "weight", "confidence", "label", NULL};
    const item *src = NULL, *tgt = NULL;
    const node_id *s = NULL, *t = NULL;
    json_t *rel;
    char where[320], wfield[400];
    size_t j = json_array_size(b->relations);

    if (!(rel = json_object()) || json_array_append_new(b->relations, rel) != 0) {
        json_decref(rel);
        b->oom = 1;
        return;
    }
    for (size_t k = 0; k < edge->n; k++) {
        const item *it = &edge->kids[k];
        const item **slot = strcmp(it->key, "source") == 0   ? &src
                            : strcmp(it->key, "target") == 0 ? &tgt
                                                             : NULL;
        if (!slot)
            continue;
        if (*slot)
            report(b, AG_SEV_WARNING, it->line, it->col,
                   "edge key \"%s\" repeated (the first one counts)", it->key);
        else
            *slot = it;
    }
    if (src)
        s = endpoint(b, src);
    if (tgt)
        t = endpoint(b, tgt);
    snprintf(where, sizeof where, "edge %zu (%s -> %s)", j + 1,
             s ? json_string_value(json_object_get(json_array_get(b->actors, s->actor), "id"))
               : "?",
             t ? json_string_value(json_object_get(json_array_get(b->actors, t->actor), "id"))
               : "?");
    map_add(b, edge->line, edge->col, where, "/relations/%zu", j);
    if (s)
        put(b, rel, "source",
            json_copy(json_object_get(json_array_get(b->actors, s->actor), "id")));
    if (t)
        put(b, rel, "target",
            json_copy(json_object_get(json_array_get(b->actors, t->actor), "id")));

    for (size_t k = 0; k < edge->n; k++) {
        const item *it = &edge->kids[k];
        const char *field = it->key;
        const char *const *c;
        json_t *v = NULL;

        snprintf(wfield, sizeof wfield, "%s, %s", where, field);
        if (strcmp(field, "source") == 0 || strcmp(field, "target") == 0) {
            if (it == (field[0] == 's' ? src : tgt))
                map_add(b, it->line, it->col, wfield, "/relations/%zu/%s", j, field);
            continue;
        }
        if (strcmp(field, "key") == 0 || strcmp(field, "graphics") == 0)
            continue;
        for (c = copied; *c && strcmp(*c, field) != 0; c++)
            ;
        if (!*c && strcmp(field, "mutual") != 0 && strcmp(field, "start") != 0 &&
            strcmp(field, "end") != 0 && strcmp(field, "evidence") != 0) {
            report(b, AG_SEV_WARNING, it->line, it->col, "edge key \"%s\" ignored", field);
            continue;
        }
        if (it->type == V_LIST) {
            report(b, AG_SEV_WARNING, it->line, it->col, "edge key \"%s\" ignored (a list)",
                   field);
            continue;
        }
        if (repeated(b, rel, field, it, "edge"))
            continue;
        if (strcmp(field, "mutual") == 0 && it->type == V_INT && (it->i == 0 || it->i == 1)) {
            v = json_boolean(it->i);
        } else if (strcmp(field, "mutual") == 0 && it->type == V_STRING &&
                   (strcmp(it->s, "true") == 0 || strcmp(it->s, "false") == 0)) {
            v = json_boolean(it->s[0] == 't');
        } else if ((strcmp(field, "start") == 0 || strcmp(field, "end") == 0) &&
                   it->type == V_INT) {
            char buf[32];
            v = json_string(scalar_text(it, buf, sizeof buf));
        } else if (strcmp(field, "evidence") == 0 && it->type == V_STRING) {
            if (!(v = parse_json_item(b, it, "evidence")))
                continue;
        } else {
            v = scalar(it);
        }
        put(b, rel, field, v);
        map_add(b, it->line, it->col, wfield, "/relations/%zu/%s", j, field);
    }
    if (!directed && !json_object_get(rel, "mutual")) {
        put(b, rel, "mutual", json_true());
        snprintf(wfield, sizeof wfield, "%s, mutual", where);
        map_add(b, edge->line, edge->col, wfield, "/relations/%zu/mutual", j);
    }
}

/* Builds the document from the items of `graph [ ... ]`. */
static json_t *read_graph(builder *b, const item *graph, const char *title)
{
    json_t *doc = json_object(), *v;
    const item *title_it = NULL, *desc = NULL, *sources = NULL;
    int directed = 0;

    b->actors = json_array();
    b->relations = json_array();
    if (!doc || !b->actors || !b->relations) {
        b->oom = 1;
        goto done;
    }
    for (size_t k = 0; k < graph->n; k++) {
        const item *it = &graph->kids[k];
        const item **slot = NULL;
        if (strcmp(it->key, "node") == 0 || strcmp(it->key, "edge") == 0) {
            if (it->type != V_LIST)
                report(b, AG_SEV_ERROR, it->line, it->col, "%s must be a list [ ... ]", it->key);
            continue;
        }
        if (strcmp(it->key, "graphics") == 0 || strcmp(it->key, "multigraph") == 0)
            continue;
        if (it->type == V_LIST) {
            report(b, AG_SEV_WARNING, it->line, it->col, "graph key \"%s\" ignored (a list)",
                   it->key);
            continue;
        }
        if (strcmp(it->key, "directed") == 0) {
            if (it->type != V_INT || (it->i != 0 && it->i != 1))
                report(b, AG_SEV_ERROR, it->line, it->col, "directed must be 0 or 1");
            else
                directed = it->i == 1;
            continue;
        }
        if (strcmp(it->key, "title") == 0)
            slot = &title_it;
        else if (strcmp(it->key, "description") == 0)
            slot = &desc;
        else if (strcmp(it->key, "sources") == 0)
            slot = &sources;
        else if (strcmp(it->key, "selection") == 0)
            continue; /* what a selection's export says was selected */
        if (!slot)
            report(b, AG_SEV_WARNING, it->line, it->col, "graph key \"%s\" ignored", it->key);
        else if (*slot)
            report(b, AG_SEV_WARNING, it->line, it->col,
                   "graph key \"%s\" repeated (the first one counts)", it->key);
        else
            *slot = it;
    }

    put(b, doc, "actorgraph", json_integer(1));
    if (title_it) {
        put(b, doc, "title", scalar(title_it));
        map_add(b, title_it->line, title_it->col, "graph, title", "/title");
    } else {
        put(b, doc, "title", text_json(title));
    }
    if (desc) {
        put(b, doc, "description", scalar(desc));
        map_add(b, desc->line, desc->col, "graph, description", "/description");
    }
    if (sources) {
        v = sources->type == V_STRING ? parse_json_item(b, sources, "sources") : scalar(sources);
        if (v)
            put(b, doc, "sources", v);
        map_add(b, sources->line, sources->col, NULL, "/sources");
    }

    for (size_t k = 0; k < graph->n && !b->oom; k++)
        if (graph->kids[k].type == V_LIST && strcmp(graph->kids[k].key, "node") == 0)
            read_node(b, &graph->kids[k]);
    if (b->n_ids > 0)
        qsort(b->ids, b->n_ids, sizeof *b->ids, cmp_ids);
    for (size_t k = 1; k < b->n_ids; k++)
        if (b->ids[k].id == b->ids[k - 1].id) {
            const node_id *first = find_node(b, b->ids[k].id);
            report(b, AG_SEV_ERROR, b->ids[k].line, b->ids[k].col,
                   "duplicate node id %lld (first at line %d)",
                   (long long)b->ids[k].id, first->line);
        }
    for (size_t k = 0; k < graph->n && !b->oom; k++)
        if (graph->kids[k].type == V_LIST && strcmp(graph->kids[k].key, "edge") == 0)
            read_edge(b, &graph->kids[k], directed);

done:
    if (doc && b->actors && b->relations) {
        put(b, doc, "actors", b->actors);
        put(b, doc, "relations", b->relations);
    } else {
        json_decref(b->actors);
        json_decref(b->relations);
    }
    b->actors = b->relations = NULL;
    return doc;
}

ag_status ag__gml_document(const char *text, size_t len, const char *display, const char *title,
                           json_t **doc, ag_srcmap *map, ag_diags *diags, ag_error *err)
{
    builder b = {display, map, diags, 0, NULL, NULL, NULL, 0, 0};
    item root;
    const item *graph = NULL;
    json_t *out = NULL;
    ag_status st;

    *doc = NULL;
    memset(&root, 0, sizeof root);
    if ((st = ag__gml_parse(text, len, display, diags, &root)) != AG_OK)
        goto cleanup;
    for (size_t k = 0; k < root.n; k++) {
        const item *it = &root.kids[k];
        if (strcmp(it->key, "graph") == 0 && it->type == V_LIST && !graph)
            graph = it;
        else if (strcmp(it->key, "graph") == 0)
            report(&b, AG_SEV_WARNING, it->line, it->col,
                   it->type == V_LIST ? "only the first graph is read"
                                      : "top-level key \"graph\" ignored (not a list)");
        else if (strcmp(it->key, "Creator") != 0 && strcmp(it->key, "Version") != 0)
            report(&b, AG_SEV_WARNING, it->line, it->col, "top-level key \"%s\" ignored",
                   it->key);
    }
    if (!graph)
        report(&b, AG_SEV_ERROR, 0, 0, "no graph [ ... ] in the file");
    else
        out = read_graph(&b, graph, title);
    if (b.oom || (graph && !out)) {
        st = AG_ENOMEM;
        goto cleanup;
    }
    if (!graph) {
        st = AG_EPARSE;
        goto cleanup;
    }
    /* values that could not be read were reported and left out: the
       checker still runs over the rest */
    *doc = out;
    out = NULL;
cleanup:
    /* load.c copies the first problem into err for the other failures */
    if (st == AG_ENOMEM)
        ag_error_set(err, AG_ENOMEM, "out of memory");
    json_decref(out);
    free(b.ids);
    ag__gml_items_free(&root);
    return st;
}

/* ---- writing ------------------------------------------------------------------ */

static void gml_string(ag_sbuf *t, const char *s)
{
    /* GML is ASCII: quotes, ampersands and non-ASCII as character references */
    const unsigned char *p = (const unsigned char *)s;
    ag__sb_puts(t, "\"");
    while (*p) {
        unsigned long c = *p;
        int len = 1;
        if (c >= 0x80) {
            if ((c & 0xE0) == 0xC0 && p[1]) {
                c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
                len = 2;
            } else if ((c & 0xF0) == 0xE0 && p[1] && p[2]) {
                c = ((c & 0x0F) << 12) | ((p[1] & 0x3FUL) << 6) | (p[2] & 0x3F);
                len = 3;
            } else if ((c & 0xF8) == 0xF0 && p[1] && p[2] && p[3]) {
                c = ((c & 0x07) << 18) | ((p[1] & 0x3FUL) << 12) | ((p[2] & 0x3FUL) << 6) |
                    (p[3] & 0x3F);
                len = 4;
            }
            ag__sb_printf(t, "&#%lu;", c);
        } else if (c == '"') {
            ag__sb_puts(t, "&quot;");
        } else if (c == '&') {
            ag__sb_puts(t, "&amp;");
        } else if (c < 0x20) {
            ag__sb_printf(t, "&#%lu;", c);
        } else {
            ag__sb_add(t, (const char *)p, 1);
        }
        p += len;
    }
    ag__sb_puts(t, "\"");
}

static void gml_kv_string(ag_sbuf *t, const char *indent, const char *key, const char *value)
{
    ag__sb_printf(t, "%s%s ", indent, key);
    gml_string(t, value);
    ag__sb_puts(t, "\n");
}

static void gml_kv_real(ag_sbuf *t, const char *indent, const char *key, double v)
{
    ag__sb_printf(t, "%s%s ", indent, key);
    ag__flat_real(t, v);
    ag__sb_puts(t, "\n");
}

/* A GML key holds letters, digits and '_' only (networkx enforces this).
 * Attribute names are written reversibly: '_' as "__", any other byte as
 * '_' and two hex digits ("iso-code" -> "iso_2Dcode"). */
static void gml_key(ag_sbuf *t, const char *prefix, const char *name)
{
    ag__sb_puts(t, prefix);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            ag__sb_add(t, (const char *)p, 1);
        else if (c == '_')
            ag__sb_puts(t, "__");
        else
            ag__sb_printf(t, "_%02X", c);
    }
}

int ag__gml_write(const ag_graph *g, const ag_export_opts *x, ag_sbuf *t)
{
    size_t nkeys = 0;
    ag_flat_key *keys = ag__flat_keys(g, &nkeys);
    json_t *src;
    char *s;
    int oom = 0;
    const char *in = "    ";

    if (!keys)
        return -1;
    ag__sb_puts(t, "graph [\n  directed 1\n  multigraph 1\n");
    gml_kv_string(t, "  ", "title", g->title ? g->title : g->name);
    if (g->description)
        gml_kv_string(t, "  ", "description", g->description);
    if (g->selection) {
        char sel[512];
        ag_selection_describe(g->selection, sel, sizeof sel);
        gml_kv_string(t, "  ", "selection", sel);
    }
    src = ag__json_sources(g, &oom);
    s = src ? ag__flat_dump(src) : NULL;
    json_decref(src);
    if (!s) {
        free(keys);
        return -1;
    }
    gml_kv_string(t, "  ", "sources", s);
    free(s);
    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        ag__sb_printf(t, "  node [\n%sid %zu\n", in, i);
        gml_kv_string(t, in, "label", a->id);
        gml_kv_string(t, in, "name", a->name);
        gml_kv_string(t, in, "kind", ag_kind_name(a->kind));
        if (a->group)
            gml_kv_string(t, in, "group", a->group);
        for (size_t k = 0; k < nkeys; k++) {
            json_t *v = json_object_get(a->attributes, keys[k].name);
            int as_json = keys[k].type == FLAT_JSON || keys[k].type == FLAT_BOOL;
            if (!v)
                continue;
            ag__sb_puts(t, in);
            gml_key(t, as_json ? "attrjson" : "attr", "");
            ag__sb_puts(t, "_");
            gml_key(t, "", keys[k].name);
            ag__sb_puts(t, " ");
            if (keys[k].type == FLAT_STRING) {
                gml_string(t, json_string_value(v));
            } else if (keys[k].type == FLAT_DOUBLE) {
                ag__flat_real(t, json_number_value(v));
            } else if (keys[k].type == FLAT_INT) {
                ag__sb_printf(t, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
            } else {
                char *j = ag__flat_dump(v);
                if (!j) {
                    free(keys);
                    return -1;
                }
                gml_string(t, j);
                free(j);
            }
            ag__sb_puts(t, "\n");
        }
        if (x->metrics)
            for (int k = 0; k < AG_METRIC_COUNT; k++) {
                if (ag_metric_is_count((ag_metric)k))
                    ag__sb_printf(t, "%s%s %.0f\n", in, ag_metric_name((ag_metric)k), x->metrics->v[k][i]);
                else
                    gml_kv_real(t, in, ag_metric_name((ag_metric)k), x->metrics->v[k][i]);
            }
        if (x->partition)
            ag__sb_printf(t, "%sbloc %zu\n", in, x->partition->bloc[i] + 1);
        if (x->x && x->y) {
            gml_kv_real(t, in, "x", x->x[i]);
            gml_kv_real(t, in, "y", x->y[i]);
        }
        ag__sb_puts(t, "  ]\n");
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        char date[16];
        json_t *ev = ag__json_evidence(r, &oom);
        char *evs = ev ? ag__flat_dump(ev) : NULL;
        json_decref(ev);
        if (!evs) {
            free(keys);
            return -1;
        }
        ag__sb_printf(t, "  edge [\n%ssource %zu\n%starget %zu\n", in, r->source, in, r->target);
        gml_kv_string(t, in, "key", r->id);
        gml_kv_string(t, in, "type", r->type);
        ag__sb_printf(t, "%ssign %d\n", in, r->sign);
        gml_kv_real(t, in, "weight", r->weight);
        ag__sb_printf(t, "%smutual %d\n", in, r->mutual ? 1 : 0);
        gml_kv_string(t, in, "confidence", ag_confidence_name(r->confidence));
        if (r->start.year) {
            ag_date_format(&r->start, date, sizeof date);
            gml_kv_string(t, in, "start", date);
        }
        if (r->end.year) {
            ag_date_format(&r->end, date, sizeof date);
            gml_kv_string(t, in, "end", date);
        }
        if (r->label)
            gml_kv_string(t, in, "label", r->label);
        gml_kv_string(t, in, "evidence", evs);
        free(evs);
        ag__sb_puts(t, "  ]\n");
    }
    ag__sb_puts(t, "]\n");
    free(keys);
    return oom || t->oom ? -1 : 0;
}

