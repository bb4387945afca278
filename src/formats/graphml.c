/* GraphML input through libxml2. Keys are matched by attr.name: actor
 * fields (name, kind, group; label for a name when there is none),
 * `attr_<k>` and `attrjson_<k>` back into attributes, anything else on a
 * node kept as an attribute; relation fields on edges. Lines come from
 * libxml2. */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "actorgraph/limits.h"
#include "actorgraph/select.h"
#include "core/strmap.h"
#include "formats/formats.h"

typedef struct in_key {
    char *id, *name, *type, *domain, *def; /* def: <default> text or NULL */
} in_key;

typedef struct in_keys {
    in_key *k;
    size_t n;
    ag_strmap *index;               /* id -> the first key with that id */
    size_t *node_defs, *edge_defs;  /* keys with a <default>, per domain */
    size_t n_node_defs, n_edge_defs;
} in_keys;

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *prop(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static void free_keys(in_keys *ks)
{
    for (size_t i = 0; i < ks->n; i++) {
        xmlFree(ks->k[i].id);
        xmlFree(ks->k[i].name);
        xmlFree(ks->k[i].type);
        xmlFree(ks->k[i].domain);
        xmlFree(ks->k[i].def);
    }
    free(ks->k);
    free(ks->node_defs);
    free(ks->edge_defs);
    ag_strmap_free(ks->index);
}

/* The key declared with id (the first one when repeated); a hash lookup. */
static const in_key *find_key(const in_keys *ks, const char *id)
{
    size_t v;
    return ag_strmap_get(ks->index, id, &v) ? &ks->k[v] : NULL;
}

typedef struct ctx {
    const char *display;
    ag_srcmap *map;
    ag_diags *diags;
    int oom;
    size_t defaults; /* <default> values applied so far */
} ctx;

/* A value typed by the key's attr.type: numbers and booleans become JSON
 * numbers and booleans; text that does not parse stays a string. A number
 * out of its type's range, or not finite (NaN, INF), is an error at n
 * (name: the key's attr.name), and NULL. */
static json_t *typed(ctx *c, const char *type, const char *text, const xmlNode *n,
                     const char *name)
{
    char *end;
    if (!type || strcmp(type, "string") == 0)
        return json_string(text);
    if (strcmp(type, "int") == 0 || strcmp(type, "long") == 0) {
        long long v;
        errno = 0;
        v = strtoll(text, &end, 10);
        if (*text && !*end && errno == ERANGE) {
            ag__diag(c->diags, AG_SEV_ERROR, c->display, n ? (int)xmlGetLineNo(n) : 0, 0, NULL,
                     "%s is out of range for an integer: \"%s\"", name, text);
            return NULL;
        }
        if (*text && !*end)
            return json_integer(v);
    } else if (strcmp(type, "float") == 0 || strcmp(type, "double") == 0) {
        double v;
        if (ag__decimal(text, &v))
            return json_real(v);
        v = strtod(text, &end);
        if (*text && !*end) {
            ag__diag(c->diags, AG_SEV_ERROR, c->display, n ? (int)xmlGetLineNo(n) : 0, 0, NULL,
                     "%s must be a finite decimal number, not \"%s\"", name, text);
            return NULL;
        }
    } else if (strcmp(type, "boolean") == 0) {
        if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0)
            return json_true();
        if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0)
            return json_false();
    }
    return json_string(text);
}

/* Sets o[key] = v; a NULL v (reported, or out of memory) leaves o as it
 * is. */
static void set_value(json_t *o, const char *key, json_t *v)
{
    if (v)
        json_object_set_new(o, key, v);
}

static const char *const node_fields[] = {"name", "kind", "group", NULL};
static const char *const edge_fields[] = {"type", "sign", "weight", "mutual", "confidence",
                                          "start", "end", "label", "evidence", NULL};

static int in_list(const char *const *list, const char *s)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return 1;
    return 0;
}

static void mapped(ctx *c, const char *pointer, const xmlNode *n, const char *where)
{
    if (ag_srcmap_add(c->map, pointer, (int)xmlGetLineNo(n), 0, where) != 0)
        c->oom = 1;
}

/* Sets o[field] from a data element's text; JSON-text fields are parsed. */
static void set_json_text(ctx *c, json_t *o, const char *field, const char *text,
                          const xmlNode *n)
{
    json_error_t e;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &e);
    if (!v) {
        ag__diag(c->diags, AG_SEV_ERROR, c->display, (int)xmlGetLineNo(n), 0, NULL,
                 "%s is not JSON: %s", field, e.text);
        return;
    }
    json_object_set_new(o, field, v);
}

static void read_node(ctx *c, const in_keys *ks, const xmlNode *n, json_t *actors)
{
    size_t i = json_array_size(actors);
    json_t *a = json_object(), *attrs = json_object();
    char *id = prop(n, "id");
    char pointer[64], where[160], fp[128];
    int has_name = 0;
    const xmlNode *label_data = NULL;
    char *label = NULL;

    if (!a || !attrs || json_array_append_new(actors, a) != 0) {
        c->oom = 1;
        json_decref(attrs);
        xmlFree(id);
        return;
    }
    snprintf(pointer, sizeof pointer, "/actors/%zu", i);
    snprintf(where, sizeof where, "node \"%s\"", id ? id : "?");
    mapped(c, pointer, n, where);
    if (id) {
        json_object_set_new(a, "id", json_string(id));
        snprintf(fp, sizeof fp, "%s/id", pointer);
        mapped(c, fp, n, where);
    }
    for (const xmlNode *d = n->children; d; d = d->next) {
        char *kid, *text;
        const in_key *k;
        if (!is(d, "data"))
            continue;
        kid = prop(d, "key");
        k = kid ? find_key(ks, kid) : NULL;
        text = (char *)xmlNodeGetContent(d);
        if (k && k->name && text) {
            char w[200];
            snprintf(w, sizeof w, "%s, %s", where, k->name);
            if (in_list(node_fields, k->name)) {
                json_object_set_new(a, k->name, json_string(text));
                snprintf(fp, sizeof fp, "%s/%s", pointer, k->name);
                mapped(c, fp, d, w);
                has_name |= strcmp(k->name, "name") == 0;
            } else if (strncmp(k->name, "attrjson_", 9) == 0) {
                set_json_text(c, attrs, k->name + 9, text, d);
            } else if (strncmp(k->name, "attr_", 5) == 0) {
                set_value(attrs, k->name + 5, typed(c, k->type, text, d, k->name));
            } else if (strcmp(k->name, "label") == 0) {
                label_data = d;
                xmlFree(label);
                label = (char *)xmlStrdup((xmlChar *)text);
                set_value(attrs, k->name, typed(c, k->type, text, d, k->name));
            } else {
                set_value(attrs, k->name, typed(c, k->type, text, d, k->name));
            }
        } else if (!k) {
            ag__diag(c->diags, AG_SEV_WARNING, c->display, (int)xmlGetLineNo(d), 0, NULL,
                     "data with undeclared key \"%s\" ignored", kid ? kid : "");
        }
        xmlFree(kid);
        xmlFree(text);
    }
    /* a GraphML written by Gephi or yEd names its nodes by label */
    if (!has_name && label && label[0]) {
        json_object_set_new(a, "name", json_string(label));
        json_object_del(attrs, "label");
        snprintf(fp, sizeof fp, "%s/name", pointer);
        mapped(c, fp, label_data, where);
    }
    json_object_set_new(a, "attributes", attrs);
    xmlFree(label);
    xmlFree(id);
}

static void read_edge(ctx *c, const in_keys *ks, const xmlNode *e, int undirected, json_t *rels)
{
    size_t j = json_array_size(rels);
    json_t *r = json_object();
    char *src = prop(e, "source"), *tgt = prop(e, "target"), *dir = prop(e, "directed");
    char pointer[64], where[200], fp[128];

    if (!r || json_array_append_new(rels, r) != 0) {
        c->oom = 1;
        goto cleanup;
    }
    snprintf(pointer, sizeof pointer, "/relations/%zu", j);
    snprintf(where, sizeof where, "edge %zu (%s -> %s)", j + 1, src ? src : "?", tgt ? tgt : "?");
    mapped(c, pointer, e, where);
    if (src)
        json_object_set_new(r, "source", json_string(src));
    if (tgt)
        json_object_set_new(r, "target", json_string(tgt));
    for (const xmlNode *d = e->children; d; d = d->next) {
        char *kid, *text;
        const in_key *k;
        if (!is(d, "data"))
            continue;
        kid = prop(d, "key");
        k = kid ? find_key(ks, kid) : NULL;
        text = (char *)xmlNodeGetContent(d);
        if (k && k->name && text && in_list(edge_fields, k->name)) {
            char w[260];
            snprintf(w, sizeof w, "%s, %s", where, k->name);
            if (strcmp(k->name, "evidence") == 0)
                set_json_text(c, r, "evidence", text, d);
            else if (strcmp(k->name, "sign") == 0 || strcmp(k->name, "weight") == 0 ||
                     strcmp(k->name, "mutual") == 0)
                set_value(r, k->name,
                          typed(c,
                                strcmp(k->name, "mutual") == 0 ? "boolean"
                                : strcmp(k->name, "sign") == 0 ? "int"
                                                                 : "double",
                                text, d, k->name));
            else
                json_object_set_new(r, k->name, json_string(text));
            snprintf(fp, sizeof fp, "%s/%s", pointer, k->name);
            mapped(c, fp, d, w);
        } else if (k && k->name) {
            ag__diag(c->diags, AG_SEV_WARNING, c->display, (int)xmlGetLineNo(d), 0, NULL,
                     "edge data \"%s\" ignored", k->name);
        } else {
            ag__diag(c->diags, AG_SEV_WARNING, c->display, (int)xmlGetLineNo(d), 0, NULL,
                     "data with undeclared key \"%s\" ignored", kid ? kid : "");
        }
        xmlFree(kid);
        xmlFree(text);
    }
    if (!json_object_get(r, "mutual") &&
        ((dir && strcmp(dir, "false") == 0) || (undirected && !(dir && strcmp(dir, "true") == 0))))
        json_object_set_new(r, "mutual", json_true());
cleanup:
    xmlFree(src);
    xmlFree(tgt);
    xmlFree(dir);
}

/* Applies each key's <default> to objects of its domain that lack it
 * (defs: the keys of that domain with a default). */
static void apply_defaults(ctx *c, const in_keys *ks, const size_t *defs, size_t n_defs,
                           json_t *o, int attrs_nested)
{
    for (size_t i = 0; i < n_defs && o; i++) {
        const in_key *k = &ks->k[defs[i]];
        json_t *target = o;
        const char *name = k->name;
        if (attrs_nested && !in_list(node_fields, k->name)) {
            target = json_object_get(o, "attributes");
            if (strncmp(name, "attr_", 5) == 0)
                name += 5;
        }
        if (target && !json_object_get(target, name)) {
            if (++c->defaults == (size_t)AG_MAX_RELATIONS + 1)
                ag__diag(c->diags, AG_SEV_ERROR, c->display, 0, 0, NULL,
                         "more than %u <default> values to apply (the limit)",
                         (unsigned)AG_MAX_RELATIONS);
            if (c->defaults > AG_MAX_RELATIONS)
                return;
            set_value(target, name, typed(c, k->type, k->def, NULL, k->name));
        }
    }
}

/* Refuses entity declarations before libxml2 sees them: expanding nested
 * entities takes memory and time far beyond the file's size. Returns the
 * line of the first "<!ENTITY", 0 when there is none. */
static int entity_declaration(const char *text, size_t len)
{
    static const char needle[] = "<!ENTITY";
    const char *hit = memmem(text, len, needle, sizeof needle - 1);
    int line = 1;
    if (!hit)
        return 0;
    for (const char *p = text; p < hit; p++)
        line += *p == '\n';
    return line;
}

ag_status ag__graphml_document(const char *text, size_t len, const char *display,
                               const char *title, json_t **doc, ag_srcmap *map,
                               ag_diags *diags, ag_error *err)
{
    xmlParserCtxtPtr pctx = NULL;
    xmlDocPtr xdoc = NULL;
    const xmlNode *root, *graph = NULL;
    in_keys ks;
    json_t *out = NULL, *actors = NULL, *rels = NULL;
    ctx c = {display, map, diags, 0, 0};
    size_t nkeys = 0;
    int undirected = 0, entity_line;
    ag_status st = AG_OK;

    *doc = NULL;
    memset(&ks, 0, sizeof ks);
    if ((entity_line = entity_declaration(text, len)) > 0) {
        ag__diag(diags, AG_SEV_ERROR, display, entity_line, 0, NULL,
                 "entity declarations (<!ENTITY) are not accepted");
        return AG_EPARSE;
    }
    pctx = xmlNewParserCtxt();
    if (!pctx)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    xdoc = xmlCtxtReadMemory(pctx, text, (int)len, display, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!xdoc) {
        const xmlError *e = xmlCtxtGetLastError(pctx);
        char msg[256];
        snprintf(msg, sizeof msg, "%s", e && e->message ? e->message : "not well-formed XML");
        msg[strcspn(msg, "\n")] = '\0';
        ag__diag(diags, AG_SEV_ERROR, display, e ? e->line : 0, e ? e->int2 : 0, NULL, "%s", msg);
        st = AG_EPARSE;
        goto cleanup;
    }
    root = xmlDocGetRootElement(xdoc);
    if (!root || !is(root, "graphml")) {
        ag__diag(diags, AG_SEV_ERROR, display, root ? (int)xmlGetLineNo(root) : 1, 0, NULL,
                 "not GraphML: the root element is not <graphml>");
        st = AG_EPARSE;
        goto cleanup;
    }
    for (const xmlNode *n = root->children; n; n = n->next)
        nkeys += is(n, "key");
    ks.k = calloc(nkeys + 1, sizeof *ks.k);
    ks.index = ag_strmap_new(nkeys);
    ks.node_defs = calloc(nkeys + 1, sizeof *ks.node_defs);
    ks.edge_defs = calloc(nkeys + 1, sizeof *ks.edge_defs);
    out = json_object();
    actors = json_array();
    rels = json_array();
    if (!ks.k || !ks.index || !ks.node_defs || !ks.edge_defs || !out || !actors || !rels) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (is(n, "key")) {
            in_key *k = &ks.k[ks.n++];
            k->id = prop(n, "id");
            k->name = prop(n, "attr.name");
            k->type = prop(n, "attr.type");
            k->domain = prop(n, "for");
            for (const xmlNode *d = n->children; d; d = d->next)
                if (is(d, "default")) {
                    json_t *v = NULL;
                    xmlFree(k->def);
                    k->def = (char *)xmlNodeGetContent(d);
                    /* checked once here, not at every node it applies to */
                    if (k->def && k->name && !(v = typed(&c, k->type, k->def, d, k->name))) {
                        xmlFree(k->def);
                        k->def = NULL;
                    }
                    json_decref(v);
                }
            if (k->id && ag_strmap_put(ks.index, k->id, ks.n - 1, NULL) < 0) {
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
            if (k->def && k->name && k->domain && strcmp(k->domain, "node") == 0)
                ks.node_defs[ks.n_node_defs++] = ks.n - 1;
            if (k->def && k->name && k->domain && strcmp(k->domain, "edge") == 0)
                ks.edge_defs[ks.n_edge_defs++] = ks.n - 1;
        } else if (is(n, "graph") && !graph) {
            graph = n;
        }
    }
    if (!graph) {
        ag__diag(diags, AG_SEV_ERROR, display, (int)xmlGetLineNo(root), 0, NULL,
                 "no <graph> element");
        st = AG_EPARSE;
        goto cleanup;
    }
    {
        char *ed = prop(graph, "edgedefault");
        undirected = ed && strcmp(ed, "undirected") == 0;
        xmlFree(ed);
    }
    json_object_set_new(out, "actorgraph", json_integer(1));
    for (const xmlNode *n = graph->children; n; n = n->next) {
        if (is(n, "data")) {
            char *kid = prop(n, "key"), *t = (char *)xmlNodeGetContent(n);
            const in_key *k = kid ? find_key(&ks, kid) : NULL;
            if (k && k->name && t) {
                if (strcmp(k->name, "title") == 0 || strcmp(k->name, "description") == 0) {
                    json_object_set_new(out, k->name, json_string(t));
                    mapped(&c, strcmp(k->name, "title") == 0 ? "/title" : "/description", n, NULL);
                } else if (strcmp(k->name, "sources") == 0) {
                    set_json_text(&c, out, "sources", t, n);
                    mapped(&c, "/sources", n, "graph data \"sources\"");
                }
            }
            xmlFree(kid);
            xmlFree(t);
        } else if (is(n, "node")) {
            read_node(&c, &ks, n, actors);
            apply_defaults(&c, &ks, ks.node_defs, ks.n_node_defs,
                           json_array_get(actors, json_array_size(actors) - 1), 1);
        } else if (is(n, "edge")) {
            read_edge(&c, &ks, n, undirected, rels);
            apply_defaults(&c, &ks, ks.edge_defs, ks.n_edge_defs,
                           json_array_get(rels, json_array_size(rels) - 1), 0);
        } else if (is(n, "hyperedge")) {
            ag__diag(diags, AG_SEV_WARNING, display, (int)xmlGetLineNo(n), 0, NULL,
                     "hyperedge ignored (relations join two actors: use <edge>)");
        } else if (is(n, "graph")) {
            ag__diag(diags, AG_SEV_WARNING, display, (int)xmlGetLineNo(n), 0, NULL,
                     "nested <graph> ignored");
        }
    }
    if (!json_object_get(out, "title"))
        json_object_set_new(out, "title", json_string(title));
    json_object_set_new(out, "actors", actors);
    json_object_set_new(out, "relations", rels);
    actors = rels = NULL;
    if (c.oom) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    *doc = out;
    out = NULL;
cleanup:
    free_keys(&ks);
    json_decref(out);
    json_decref(actors);
    json_decref(rels);
    if (xdoc)
        xmlFreeDoc(xdoc);
    xmlFreeParserCtxt(pctx);
    return st;
}
/* ---- writing ------------------------------------------------------------------ */

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
            /* XML 1.0 cannot hold other control characters, nor U+FFFE and
               U+FFFF, even escaped */
            if ((unsigned char)*s < 0x20) {
                ag__sb_puts(t, "\xef\xbf\xbd");
            } else if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
                       ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
                ag__sb_puts(t, "\xef\xbf\xbd");
                s += 2;
            } else {
                ag__sb_add(t, s, 1);
            }
        }
    }
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
    ag__flat_real(t, v);
    ag__sb_puts(t, "</data>\n");
}

int ag__graphml_write(const ag_graph *g, const ag_export_opts *x, ag_sbuf *t)
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
    ag_flat_key *keys = ag__flat_keys(g, &nkeys);
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
    if (g->selection)
        ag__sb_puts(t, "  <key id=\"g_selection\" for=\"graph\" attr.name=\"selection\" "
                       "attr.type=\"string\"/>\n");
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
    if (g->selection) {
        char sel[512];
        ag_selection_describe(g->selection, sel, sizeof sel);
        ag__sb_puts(t, "    <data key=\"g_selection\">");
        xml_escape(t, sel);
        ag__sb_puts(t, "</data>\n");
    }
    src = ag__json_sources(g, &oom);
    s = src ? ag__flat_dump(src) : NULL;
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
                char *j = ag__flat_dump(v);
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
        json_t *ev = ag__json_evidence(r, &oom);
        char *evs = ev ? ag__flat_dump(ev) : NULL;
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

