/* Exports: JSON shapes built with jansson, GraphML and GML written as text. */
#include "actorgraph/export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char *const export_names[AG_EXPORT_COUNT] = {
    "node-link", "cytoscape", "graphology", "jgf", "graphml", "gml", "dot-json", "json"};

bool ag_export_format_parse(const char *s, ag_export_format *out)
{
    for (int i = 0; i < AG_EXPORT_COUNT; i++)
        if (strcmp(s, export_names[i]) == 0) {
            *out = (ag_export_format)i;
            return true;
        }
    return false;
}

const char *ag_export_format_name(ag_export_format f)
{
    return (unsigned)f < AG_EXPORT_COUNT ? export_names[f] : "?";
}

void ag_export_opts_init(ag_export_opts *o)
{
    memset(o, 0, sizeof *o);
    o->format = AG_EXPORT_NODE_LINK;
    o->links_key = "links";
}

/* ---- shared JSON pieces -------------------------------------------------- */

/* json_object_set_new that tolerates NULL values (out of memory) by
 * recording the failure. */
static void put(json_t *o, const char *key, json_t *v, int *oom)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        *oom = 1;
}

static void put_date(json_t *o, const char *key, const ag_date *d, int *oom)
{
    char buf[16];
    if (!d->year)
        return;
    ag_date_format(d, buf, sizeof buf);
    put(o, key, json_string(buf), oom);
}

static json_t *sources_json(const ag_graph *g, int *oom)
{
    json_t *a = json_array();
    if (!a) {
        *oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < g->n_sources; i++) {
        const ag_source *s = &g->sources[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o) != 0) {
            *oom = 1;
            continue;
        }
        put(o, "id", json_string(s->id), oom);
        put(o, "title", json_string(s->title), oom);
        if (s->author)
            put(o, "author", json_string(s->author), oom);
        if (s->published)
            put(o, "published", json_string(s->published), oom);
        if (s->url)
            put(o, "url", json_string(s->url), oom);
    }
    return a;
}

static json_t *evidence_json(const ag_relation *r, int *oom)
{
    json_t *a = json_array();
    if (!a) {
        *oom = 1;
        return NULL;
    }
    for (size_t k = 0; k < r->n_evidence; k++) {
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o) != 0) {
            *oom = 1;
            continue;
        }
        put(o, "source", json_string(r->evidence[k].source), oom);
        if (r->evidence[k].section)
            put(o, "section", json_string(r->evidence[k].section), oom);
        if (r->evidence[k].note)
            put(o, "note", json_string(r->evidence[k].note), oom);
    }
    return a;
}

/* The relation's fields (not its ends), defaults written out. */
static void relation_fields(json_t *o, const ag_relation *r, int *oom)
{
    put(o, "type", json_string(r->type), oom);
    put(o, "sign", json_integer(r->sign), oom);
    put(o, "weight", json_real(r->weight), oom);
    put(o, "mutual", json_boolean(r->mutual), oom);
    put(o, "confidence", json_string(ag_confidence_name(r->confidence)), oom);
    put_date(o, "start", &r->start, oom);
    put_date(o, "end", &r->end, oom);
    if (r->label)
        put(o, "label", json_string(r->label), oom);
    put(o, "evidence", evidence_json(r, oom), oom);
}

/* The actor's fields (not its id), plus metrics, bloc and position when
 * the options carry them. */
static void actor_fields(json_t *o, const ag_graph *g, size_t i, const ag_export_opts *x,
                         int *oom)
{
    const ag_actor *a = &g->actors[i];
    put(o, "name", json_string(a->name), oom);
    put(o, "kind", json_string(ag_kind_name(a->kind)), oom);
    if (a->group)
        put(o, "group", json_string(a->group), oom);
    put(o, "attributes", json_deep_copy(a->attributes), oom);
    if (x->metrics)
        for (int k = 0; k < AG_METRIC_COUNT; k++)
            put(o, ag_metric_name((ag_metric)k),
                ag_metric_is_count((ag_metric)k) ? json_integer((json_int_t)x->metrics->v[k][i])
                                                 : json_real(x->metrics->v[k][i]),
                oom);
    if (x->partition)
        put(o, "bloc", json_integer((json_int_t)x->partition->bloc[i] + 1), oom);
    if (x->x && x->y) {
        put(o, "x", json_real(x->x[i]), oom);
        put(o, "y", json_real(x->y[i]), oom);
    }
}

static void graph_fields(json_t *o, const ag_graph *g, int *oom)
{
    put(o, "title", json_string(g->title ? g->title : g->name), oom);
    if (g->description)
        put(o, "description", json_string(g->description), oom);
    put(o, "sources", sources_json(g, oom), oom);
}

json_t *ag_graph_to_json(const ag_graph *g)
{
    int oom = 0;
    json_t *root = json_object(), *actors = json_array(), *rels = json_array();
    if (!root || !actors || !rels)
        goto fail;
    put(root, "actorgraph", json_integer(1), &oom);
    put(root, "title", json_string(g->title ? g->title : g->name), &oom);
    if (g->description)
        put(root, "description", json_string(g->description), &oom);
    put(root, "sources", sources_json(g, &oom), &oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(actors, o) != 0)
            goto fail;
        put(o, "id", json_string(a->id), &oom);
        put(o, "name", json_string(a->name), &oom);
        put(o, "kind", json_string(ag_kind_name(a->kind)), &oom);
        if (a->group)
            put(o, "group", json_string(a->group), &oom);
        put(o, "attributes", json_deep_copy(a->attributes), &oom);
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(rels, o) != 0)
            goto fail;
        put(o, "source", json_string(g->actors[r->source].id), &oom);
        put(o, "target", json_string(g->actors[r->target].id), &oom);
        relation_fields(o, r, &oom);
    }
    put(root, "actors", actors, &oom);
    put(root, "relations", rels, &oom);
    if (oom) {
        json_decref(root);
        return NULL;
    }
    return root;
fail:
    json_decref(root);
    json_decref(actors);
    json_decref(rels);
    return NULL;
}

static json_t *node_link(const ag_graph *g, const ag_export_opts *x, int *oom)
{
    json_t *root = json_object(), *graph = json_object(), *nodes = json_array(),
           *links = json_array();
    if (!root || !graph || !nodes || !links) {
        *oom = 1;
        json_decref(graph);
        json_decref(nodes);
        json_decref(links);
        return root;
    }
    put(root, "directed", json_true(), oom);
    put(root, "multigraph", json_true(), oom);
    graph_fields(graph, g, oom);
    put(root, "graph", graph, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *o = json_object();
        if (!o || json_array_append_new(nodes, o) != 0) {
            *oom = 1;
            continue;
        }
        put(o, "id", json_string(g->actors[i].id), oom);
        actor_fields(o, g, i, x, oom);
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(links, o) != 0) {
            *oom = 1;
            continue;
        }
        put(o, "source", json_string(g->actors[r->source].id), oom);
        put(o, "target", json_string(g->actors[r->target].id), oom);
        put(o, "key", json_string(r->id), oom);
        relation_fields(o, r, oom);
    }
    put(root, "nodes", nodes, oom);
    put(root, x->links_key && strcmp(x->links_key, "edges") == 0 ? "edges" : "links", links, oom);
    return root;
}

static json_t *cytoscape(const ag_graph *g, const ag_export_opts *x, int *oom)
{
    json_t *root = json_object(), *data = json_object(), *elements = json_object(),
           *nodes = json_array(), *edges = json_array();
    if (!root || !data || !elements || !nodes || !edges) {
        *oom = 1;
        json_decref(data);
        json_decref(elements);
        json_decref(nodes);
        json_decref(edges);
        return root;
    }
    put(root, "format_version", json_string("1.0"), oom);
    put(root, "generated_by", json_string("actorgraph"), oom);
    put(root, "target_cytoscapejs_version", json_string("~3"), oom);
    put(data, "name", json_string(g->title ? g->title : g->name), oom);
    graph_fields(data, g, oom);
    put(root, "data", data, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *el = json_object(), *d = json_object();
        if (!el || !d || json_array_append_new(nodes, el) != 0) {
            *oom = 1;
            json_decref(d);
            continue;
        }
        put(d, "id", json_string(g->actors[i].id), oom);
        actor_fields(d, g, i, x, oom);
        put(el, "data", d, oom);
        if (x->x && x->y) {
            json_t *pos = json_object();
            if (pos) {
                put(pos, "x", json_real(x->x[i]), oom);
                put(pos, "y", json_real(x->y[i]), oom);
            }
            put(el, "position", pos, oom);
        }
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *el = json_object(), *d = json_object();
        if (!el || !d || json_array_append_new(edges, el) != 0) {
            *oom = 1;
            json_decref(d);
            continue;
        }
        put(d, "id", json_string(r->id), oom);
        put(d, "source", json_string(g->actors[r->source].id), oom);
        put(d, "target", json_string(g->actors[r->target].id), oom);
        relation_fields(d, r, oom);
        put(el, "data", d, oom);
    }
    put(elements, "nodes", nodes, oom);
    put(elements, "edges", edges, oom);
    put(root, "elements", elements, oom);
    return root;
}

static json_t *graphology(const ag_graph *g, const ag_export_opts *x, int *oom)
{
    json_t *root = json_object(), *attrs = json_object(), *options = json_object(),
           *nodes = json_array(), *edges = json_array();
    if (!root || !attrs || !options || !nodes || !edges) {
        *oom = 1;
        json_decref(attrs);
        json_decref(options);
        json_decref(nodes);
        json_decref(edges);
        return root;
    }
    graph_fields(attrs, g, oom);
    put(root, "attributes", attrs, oom);
    put(options, "type", json_string("directed"), oom);
    put(options, "multi", json_true(), oom);
    put(options, "allowSelfLoops", json_true(), oom);
    put(root, "options", options, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *o = json_object(), *a = json_object();
        if (!o || !a || json_array_append_new(nodes, o) != 0) {
            *oom = 1;
            json_decref(a);
            continue;
        }
        put(o, "key", json_string(g->actors[i].id), oom);
        actor_fields(a, g, i, x, oom);
        put(o, "attributes", a, oom);
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *o = json_object(), *a = json_object();
        if (!o || !a || json_array_append_new(edges, o) != 0) {
            *oom = 1;
            json_decref(a);
            continue;
        }
        put(o, "key", json_string(r->id), oom);
        put(o, "source", json_string(g->actors[r->source].id), oom);
        put(o, "target", json_string(g->actors[r->target].id), oom);
        relation_fields(a, r, oom);
        put(o, "attributes", a, oom);
    }
    put(root, "nodes", nodes, oom);
    put(root, "edges", edges, oom);
    return root;
}

static json_t *jgf(const ag_graph *g, const ag_export_opts *x, int *oom)
{
    json_t *root = json_object(), *graph = json_object(), *meta = json_object(),
           *nodes = json_object(), *edges = json_array();
    if (!root || !graph || !meta || !nodes || !edges) {
        *oom = 1;
        json_decref(graph);
        json_decref(meta);
        json_decref(nodes);
        json_decref(edges);
        return root;
    }
    put(graph, "label", json_string(g->title ? g->title : g->name), oom);
    put(graph, "directed", json_true(), oom);
    put(graph, "type", json_string("actorgraph"), oom);
    if (g->description)
        put(meta, "description", json_string(g->description), oom);
    put(meta, "sources", sources_json(g, oom), oom);
    put(graph, "metadata", meta, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *n = json_object(), *m = json_object();
        if (!n || !m) {
            *oom = 1;
            json_decref(n);
            json_decref(m);
            continue;
        }
        put(n, "label", json_string(g->actors[i].name), oom);
        actor_fields(m, g, i, x, oom);
        put(n, "metadata", m, oom);
        put(nodes, g->actors[i].id, n, oom);
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *e = json_object(), *m = json_object();
        if (!e || !m || json_array_append_new(edges, e) != 0) {
            *oom = 1;
            json_decref(m);
            continue;
        }
        put(e, "id", json_string(r->id), oom);
        put(e, "source", json_string(g->actors[r->source].id), oom);
        put(e, "target", json_string(g->actors[r->target].id), oom);
        put(e, "relation", json_string(r->type), oom);
        put(e, "directed", json_boolean(!r->mutual), oom);
        if (r->label)
            put(e, "label", json_string(r->label), oom);
        relation_fields(m, r, oom);
        put(e, "metadata", m, oom);
    }
    put(graph, "nodes", nodes, oom);
    put(graph, "edges", edges, oom);
    put(root, "graph", graph, oom);
    return root;
}

/* ---- flat formats: GraphML and GML ---------------------------------------- */

/* A double that reads back exactly and always looks like a real. */
static void real_t(ag_sbuf *t, double v)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.17g", v);
    if (!strpbrk(buf, ".eEn"))
        strcat(buf, ".0");
    ag__sb_puts(t, buf);
}

/* How an actor attribute travels in a flat format. */
typedef enum { FLAT_STRING, FLAT_DOUBLE, FLAT_BOOL, FLAT_JSON, FLAT_INT } flat_type;

typedef struct flat_key {
    const char *name;  /* borrowed from an actor's attributes */
    flat_type type;
} flat_key;

static int cmp_flat(const void *a, const void *b)
{
    return strcmp(((const flat_key *)a)->name, ((const flat_key *)b)->name);
}

static flat_type type_of(const json_t *v)
{
    if (json_is_string(v))
        return FLAT_STRING;
    if (json_is_integer(v))
        return FLAT_INT;
    if (json_is_number(v))
        return FLAT_DOUBLE;
    if (json_is_boolean(v))
        return FLAT_BOOL;
    return FLAT_JSON;
}

/* The attribute names used by any actor, sorted, each with the one type
 * all its values share, or FLAT_JSON when they differ or are not scalars. */
static flat_key *flat_keys(const ag_graph *g, size_t *n)
{
    size_t cap = 16, k = 0;
    flat_key *keys = malloc(cap * sizeof *keys);
    if (!keys)
        return NULL;
    for (size_t i = 0; i < g->n_actors; i++) {
        const char *name;
        json_t *v;
        json_object_foreach(g->actors[i].attributes, name, v) {
            if (k == cap) {
                flat_key *p = realloc(keys, 2 * cap * sizeof *keys);
                if (!p) {
                    free(keys);
                    return NULL;
                }
                keys = p;
                cap *= 2;
            }
            keys[k++] = (flat_key){name, type_of(v)};
        }
    }
    qsort(keys, k, sizeof *keys, cmp_flat);
    *n = 0;
    for (size_t i = 0; i < k; i++) {
        if (*n > 0 && strcmp(keys[*n - 1].name, keys[i].name) == 0) {
            flat_type a = keys[*n - 1].type, b = keys[i].type;
            if ((a == FLAT_INT && b == FLAT_DOUBLE) || (a == FLAT_DOUBLE && b == FLAT_INT))
                keys[*n - 1].type = FLAT_DOUBLE; /* integers and reals: all reals */
            else if (a != b)
                keys[*n - 1].type = FLAT_JSON;
            continue;
        }
        keys[(*n)++] = keys[i];
    }
    return keys;
}

static char *dump_compact(const json_t *v)
{
    return json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
}

static void xml_escape(ag_sbuf *t, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': ag__sb_puts(t, "&amp;"); break;
        case '<': ag__sb_puts(t, "&lt;"); break;
        case '>': ag__sb_puts(t, "&gt;"); break;
        case '"': ag__sb_puts(t, "&quot;"); break;
        case '\n': ag__sb_puts(t, "&#10;"); break;
        case '\r': ag__sb_puts(t, "&#13;"); break;
        case '\t': ag__sb_puts(t, "&#9;"); break;
        default:
            /* XML 1.0 cannot hold other control characters, even escaped */
            if ((unsigned char)*s < 0x20)
                ag__sb_puts(t, "\xef\xbf\xbd");
            else
                ag__sb_add(t, s, 1);
        }
    }
}

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

/* One key of a GraphML document. */
typedef struct gkey {
    const char *id, *domain, *name, *type;
} gkey;

static void graphml_data(ag_sbuf *t, const char *key, const char *value)
{
    ag__sb_printf(t, "      <data key=\"%s\">", key);
    xml_escape(t, value);
    ag__sb_puts(t, "</data>\n");
}

static void graphml_real(ag_sbuf *t, const char *key, double v)
{
    ag__sb_printf(t, "      <data key=\"%s\">", key);
    real_t(t, v);
    ag__sb_puts(t, "</data>\n");
}

static int graphml(const ag_graph *g, const ag_export_opts *x, ag_sbuf *t)
{
    static const gkey fixed[] = {
        {"g_title", "graph", "title", "string"},
        {"g_description", "graph", "description", "string"},
        {"g_sources", "graph", "sources", "string"},
        {"n_name", "node", "name", "string"},
        {"n_kind", "node", "kind", "string"},
        {"n_group", "node", "group", "string"},
        {"e_type", "edge", "type", "string"},
        {"e_sign", "edge", "sign", "int"},
        {"e_weight", "edge", "weight", "double"},
        {"e_mutual", "edge", "mutual", "boolean"},
        {"e_confidence", "edge", "confidence", "string"},
        {"e_start", "edge", "start", "string"},
        {"e_end", "edge", "end", "string"},
        {"e_label", "edge", "label", "string"},
        {"e_evidence", "edge", "evidence", "string"},
    };
    static const char *const flat_type_names[] = {"string", "double", "boolean", "string", "long"};
    size_t nkeys = 0;
    flat_key *keys = flat_keys(g, &nkeys);
    json_t *src = NULL;
    char *s;
    int oom = 0;

    if (!keys)
        return -1;
    ag__sb_puts(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
              "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
              "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
              "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        ag__sb_printf(t, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                 fixed[i].id, fixed[i].domain, fixed[i].name, fixed[i].type);
    for (size_t k = 0; k < nkeys; k++) {
        ag__sb_printf(t, "  <key id=\"n_a%zu\" for=\"node\" attr.name=\"%s", k,
                 keys[k].type == FLAT_JSON ? "attrjson_" : "attr_");
        xml_escape(t, keys[k].name);
        ag__sb_printf(t, "\" attr.type=\"%s\"/>\n", flat_type_names[keys[k].type]);
    }
    if (x->metrics)
        for (int k = 0; k < AG_METRIC_COUNT; k++)
            ag__sb_printf(t, "  <key id=\"n_m%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k,
                     ag_metric_name((ag_metric)k), ag_metric_is_count((ag_metric)k) ? "int" : "double");
    if (x->partition)
        ag__sb_puts(t, "  <key id=\"n_bloc\" for=\"node\" attr.name=\"bloc\" attr.type=\"int\"/>\n");
    if (x->x && x->y)
        ag__sb_puts(t, "  <key id=\"n_x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
                  "  <key id=\"n_y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n");
    ag__sb_puts(t, "  <graph id=\"G\" edgedefault=\"directed\">\n");
    ag__sb_puts(t, "    <data key=\"g_title\">");
    xml_escape(t, g->title ? g->title : g->name);
    ag__sb_puts(t, "</data>\n");
    if (g->description) {
        ag__sb_puts(t, "    <data key=\"g_description\">");
        xml_escape(t, g->description);
        ag__sb_puts(t, "</data>\n");
    }
    src = sources_json(g, &oom);
    s = src ? dump_compact(src) : NULL;
    if (!s) {
        json_decref(src);
        free(keys);
        return -1;
    }
    ag__sb_puts(t, "    <data key=\"g_sources\">");
    xml_escape(t, s);
    ag__sb_puts(t, "</data>\n");
    free(s);
    json_decref(src);

    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        ag__sb_puts(t, "    <node id=\"");
        xml_escape(t, a->id);
        ag__sb_puts(t, "\">\n");
        graphml_data(t, "n_name", a->name);
        graphml_data(t, "n_kind", ag_kind_name(a->kind));
        if (a->group)
            graphml_data(t, "n_group", a->group);
        for (size_t k = 0; k < nkeys; k++) {
            json_t *v = json_object_get(a->attributes, keys[k].name);
            char key[32];
            if (!v)
                continue;
            snprintf(key, sizeof key, "n_a%zu", k);
            if (keys[k].type == FLAT_STRING) {
                graphml_data(t, key, json_string_value(v));
            } else if (keys[k].type == FLAT_DOUBLE) {
                graphml_real(t, key, json_number_value(v));
            } else if (keys[k].type == FLAT_INT) {
                ag__sb_printf(t, "      <data key=\"%s\">%" JSON_INTEGER_FORMAT "</data>\n", key,
                         json_integer_value(v));
            } else if (keys[k].type == FLAT_BOOL) {
                graphml_data(t, key, json_is_true(v) ? "true" : "false");
            } else {
                char *j = dump_compact(v);
                if (!j) {
                    free(keys);
                    return -1;
                }
                graphml_data(t, key, j);
                free(j);
            }
        }
        if (x->metrics)
            for (int k = 0; k < AG_METRIC_COUNT; k++) {
                char key[16];
                snprintf(key, sizeof key, "n_m%d", k);
                if (ag_metric_is_count((ag_metric)k))
                    ag__sb_printf(t, "      <data key=\"%s\">%.0f</data>\n", key, x->metrics->v[k][i]);
                else
                    graphml_real(t, key, x->metrics->v[k][i]);
            }
        if (x->partition)
            ag__sb_printf(t, "      <data key=\"n_bloc\">%zu</data>\n", x->partition->bloc[i] + 1);
        if (x->x && x->y) {
            graphml_real(t, "n_x", x->x[i]);
            graphml_real(t, "n_y", x->y[i]);
        }
        ag__sb_puts(t, "    </node>\n");
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        char date[16];
        json_t *ev = evidence_json(r, &oom);
        char *evs = ev ? dump_compact(ev) : NULL;
        json_decref(ev);
        if (!evs) {
            free(keys);
            return -1;
        }
        ag__sb_printf(t, "    <edge id=\"%s\" source=\"", r->id);
        xml_escape(t, g->actors[r->source].id);
        ag__sb_puts(t, "\" target=\"");
        xml_escape(t, g->actors[r->target].id);
        ag__sb_puts(t, "\">\n");
        graphml_data(t, "e_type", r->type);
        ag__sb_printf(t, "      <data key=\"e_sign\">%d</data>\n", r->sign);
        graphml_real(t, "e_weight", r->weight);
        graphml_data(t, "e_mutual", r->mutual ? "true" : "false");
        graphml_data(t, "e_confidence", ag_confidence_name(r->confidence));
        if (r->start.year) {
            ag_date_format(&r->start, date, sizeof date);
            graphml_data(t, "e_start", date);
        }
        if (r->end.year) {
            ag_date_format(&r->end, date, sizeof date);
            graphml_data(t, "e_end", date);
        }
        if (r->label)
            graphml_data(t, "e_label", r->label);
        graphml_data(t, "e_evidence", evs);
        free(evs);
        ag__sb_puts(t, "    </edge>\n");
    }
    ag__sb_puts(t, "  </graph>\n</graphml>\n");
    free(keys);
    return oom || t->oom ? -1 : 0;
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
    real_t(t, v);
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

static int gml(const ag_graph *g, const ag_export_opts *x, ag_sbuf *t)
{
    size_t nkeys = 0;
    flat_key *keys = flat_keys(g, &nkeys);
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
    src = sources_json(g, &oom);
    s = src ? dump_compact(src) : NULL;
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
                real_t(t, json_number_value(v));
            } else if (keys[k].type == FLAT_INT) {
                ag__sb_printf(t, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
            } else {
                char *j = dump_compact(v);
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
        json_t *ev = evidence_json(r, &oom);
        char *evs = ev ? dump_compact(ev) : NULL;
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

/* ---- entry point ----------------------------------------------------------- */

static ag_status from_json(json_t *doc, int oom, ag_blob *out, ag_error *err)
{
    char *s;
    if (!doc || oom) {
        json_decref(doc);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    s = json_dumps(doc, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    json_decref(doc);
    if (!s)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    out->len = strlen(s);
    /* json_dumps' buffer comes from jansson's allocator, which is malloc */
    out->data = realloc(s, out->len + 2);
    if (!out->data) {
        free(s);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    out->data[out->len++] = '\n';
    out->data[out->len] = '\0';
    return AG_OK;
}

ag_status ag_export(const ag_graph *g, const ag_export_opts *o, ag_blob *out, ag_error *err)
{
    ag_export_opts defaults;
    int oom = 0;
    ag_sbuf t = {0};

    out->data = NULL;
    out->len = 0;
    if (!o) {
        ag_export_opts_init(&defaults);
        o = &defaults;
    }
    switch (o->format) {
    case AG_EXPORT_NODE_LINK: return from_json(node_link(g, o, &oom), oom, out, err);
    case AG_EXPORT_CYTOSCAPE: return from_json(cytoscape(g, o, &oom), oom, out, err);
    case AG_EXPORT_GRAPHOLOGY: return from_json(graphology(g, o, &oom), oom, out, err);
    case AG_EXPORT_JGF: return from_json(jgf(g, o, &oom), oom, out, err);
    case AG_EXPORT_JSON: return from_json(ag_graph_to_json(g), 0, out, err);
    case AG_EXPORT_GRAPHML:
    case AG_EXPORT_GML:
        if ((o->format == AG_EXPORT_GRAPHML ? graphml(g, o, &t) : gml(g, o, &t)) != 0) {
            free(t.s);
            return ag_error_set(err, AG_ENOMEM, "out of memory");
        }
        out->data = t.s;
        out->len = t.len;
        return AG_OK;
    case AG_EXPORT_DOT_JSON: {
        ag_format f = AG_FMT_GV_JSON;
        return ag_render(g, o->render, &f, 1, out, err);
    }
    default:
        return ag_error_set(err, AG_EARG, "unknown export format");
    }
}
