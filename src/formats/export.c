/* Exports: picks the writer for the chosen format. Each writer lives with
 * its format's reader (json.c, graphml.c, gml.c) or, for the JSON shapes of
 * other tools, in json_shapes.c; dot-json comes from render. */
#include "actorgraph/export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "formats/formats.h"

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


/* ---- entry point ----------------------------------------------------------- */

/* doc as JSON text (its arrays in items made as they are written), with a
 * newline; takes doc. */
static ag_status from_json(json_t *doc, const ag_json_items *items, size_t n_items,
                           const ag_graph *g, const ag_export_opts *x, int oom, ag_blob *out,
                           ag_error *err)
{
    char *s;
    if (!doc || oom) {
        json_decref(doc);
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    s = ag__json_dump_items(doc, items, n_items, g, x);
    json_decref(doc);
    if (!s)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    out->len = strlen(s);
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
    ag_json_items items[AG_JSON_MAX_ITEMS];
    size_t n_items = 0;
    json_t *doc;

    out->data = NULL;
    out->len = 0;
    if (!o) {
        ag_export_opts_init(&defaults);
        o = &defaults;
    }
    switch (o->format) {
    case AG_EXPORT_NODE_LINK:
        doc = ag__json_node_link(g, o, items, &n_items, &oom);
        return from_json(doc, items, n_items, g, o, oom, out, err);
    case AG_EXPORT_CYTOSCAPE:
        doc = ag__json_cytoscape(g, o, items, &n_items, &oom);
        return from_json(doc, items, n_items, g, o, oom, out, err);
    case AG_EXPORT_GRAPHOLOGY:
        doc = ag__json_graphology(g, o, items, &n_items, &oom);
        return from_json(doc, items, n_items, g, o, oom, out, err);
    case AG_EXPORT_JGF:
        doc = ag__json_jgf(g, o, items, &n_items, &oom);
        return from_json(doc, items, n_items, g, o, oom, out, err);
    case AG_EXPORT_JSON: return from_json(ag_graph_to_json(g), NULL, 0, g, o, 0, out, err);
    case AG_EXPORT_GRAPHML:
    case AG_EXPORT_GML:
        if ((o->format == AG_EXPORT_GRAPHML ? ag__graphml_write(g, o, &t) : ag__gml_write(g, o, &t)) != 0) {
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

