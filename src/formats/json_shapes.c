/* The JSON shapes other tools load: networkx node-link, Cytoscape.js
 * elements, graphology's serialisation and the JSON Graph Format, built
 * with jansson from the pieces json.c shares; the items of their long
 * arrays (one per actor or relation) are made one at a time as the text is
 * written, so that the whole document is never held at once. */
#include <string.h>

#include "actorgraph/select.h"
#include "formats/formats.h"

/* An empty array in the document, whose items make writes one at a time
 * (items[*n_items++]). */
static json_t *lazy_array(ag_json_items *items, size_t *n_items, size_t n,
                          json_t *(*make)(const ag_graph *, const ag_export_opts *, size_t,
                                          int *))
{
    json_t *a = json_array();
    if (a) {
        items[*n_items].placeholder = a;
        items[*n_items].n = n;
        items[*n_items].make = make;
        items[*n_items].write = NULL;
        ++*n_items;
    }
    return a;
}

static json_t *node_link_node(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom)
{
    json_t *o = json_object();
    if (!o) {
        *oom = 1;
        return NULL;
    }
    ag__json_put(o, "id", json_string(g->actors[i].id), oom);
    ag__json_actor_fields(o, g, i, x, oom);
    return o;
}

static json_t *node_link_link(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom)
{
    const ag_relation *r = &g->relations[i];
    json_t *o = json_object();
    (void)x;
    if (!o) {
        *oom = 1;
        return NULL;
    }
    ag__json_put(o, "source", json_string(g->actors[r->source].id), oom);
    ag__json_put(o, "target", json_string(g->actors[r->target].id), oom);
    ag__json_put(o, "key", json_string(r->id), oom);
    ag__json_relation_fields(o, r, oom);
    return o;
}

json_t *ag__json_node_link(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                           size_t *n_items, int *oom)
{
    json_t *root = json_object(), *graph = json_object(),
           *nodes = lazy_array(items, n_items, g->n_actors, node_link_node),
           *links = lazy_array(items, n_items, g->n_relations, node_link_link);
    if (links)
        items[*n_items - 1].write = ag__json_write_link; /* the same text, sooner */
    if (!root || !graph || !nodes || !links) {
        *oom = 1;
        json_decref(graph);
        json_decref(nodes);
        json_decref(links);
        return root;
    }
    ag__json_put(root, "directed", json_true(), oom);
    ag__json_put(root, "multigraph", json_true(), oom);
    ag__json_graph_fields(graph, g, oom);
    ag__json_put(root, "graph", graph, oom);
    ag__json_put(root, "nodes", nodes, oom);
    ag__json_put(root, x->links_key && strcmp(x->links_key, "edges") == 0 ? "edges" : "links", links, oom);
    return root;
}

static json_t *cytoscape_node(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom)
{
    json_t *el = json_object(), *d = json_object();
    if (!el || !d) {
        *oom = 1;
        json_decref(d);
        return el;
    }
    ag__json_put(d, "id", json_string(g->actors[i].id), oom);
    ag__json_actor_fields(d, g, i, x, oom);
    ag__json_put(el, "data", d, oom);
    if (x->x && x->y) {
        json_t *pos = json_object();
        if (pos) {
            ag__json_put(pos, "x", json_real(x->x[i]), oom);
            ag__json_put(pos, "y", json_real(x->y[i]), oom);
        }
        ag__json_put(el, "position", pos, oom);
    }
    return el;
}

static json_t *cytoscape_edge(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom)
{
    const ag_relation *r = &g->relations[i];
    json_t *el = json_object(), *d = json_object();
    (void)x;
    if (!el || !d) {
        *oom = 1;
        json_decref(d);
        return el;
    }
    ag__json_put(d, "id", json_string(r->id), oom);
    ag__json_put(d, "source", json_string(g->actors[r->source].id), oom);
    ag__json_put(d, "target", json_string(g->actors[r->target].id), oom);
    ag__json_relation_fields(d, r, oom);
    ag__json_put(el, "data", d, oom);
    return el;
}

json_t *ag__json_cytoscape(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                           size_t *n_items, int *oom)
{
    json_t *root = json_object(), *data = json_object(), *elements = json_object(),
           *nodes = lazy_array(items, n_items, g->n_actors, cytoscape_node),
           *edges = lazy_array(items, n_items, g->n_relations, cytoscape_edge);
    (void)x;
    if (!root || !data || !elements || !nodes || !edges) {
        *oom = 1;
        json_decref(data);
        json_decref(elements);
        json_decref(nodes);
        json_decref(edges);
        return root;
    }
    ag__json_put(root, "format_version", json_string("1.0"), oom);
    ag__json_put(root, "generated_by", json_string("actorgraph"), oom);
    ag__json_put(root, "target_cytoscapejs_version", json_string("~3"), oom);
    ag__json_put(data, "name", json_string(g->title ? g->title : g->name), oom);
    ag__json_graph_fields(data, g, oom);
    ag__json_put(root, "data", data, oom);
    ag__json_put(elements, "nodes", nodes, oom);
    ag__json_put(elements, "edges", edges, oom);
    ag__json_put(root, "elements", elements, oom);
    return root;
}

static json_t *graphology_node(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom)
{
    json_t *o = json_object(), *a = json_object();
    if (!o || !a) {
        *oom = 1;
        json_decref(a);
        return o;
    }
    ag__json_put(o, "key", json_string(g->actors[i].id), oom);
    ag__json_actor_fields(a, g, i, x, oom);
    ag__json_put(o, "attributes", a, oom);
    return o;
}

static json_t *graphology_edge(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom)
{
    const ag_relation *r = &g->relations[i];
    json_t *o = json_object(), *a = json_object();
    (void)x;
    if (!o || !a) {
        *oom = 1;
        json_decref(a);
        return o;
    }
    ag__json_put(o, "key", json_string(r->id), oom);
    ag__json_put(o, "source", json_string(g->actors[r->source].id), oom);
    ag__json_put(o, "target", json_string(g->actors[r->target].id), oom);
    ag__json_relation_fields(a, r, oom);
    ag__json_put(o, "attributes", a, oom);
    return o;
}

json_t *ag__json_graphology(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                            size_t *n_items, int *oom)
{
    json_t *root = json_object(), *attrs = json_object(), *options = json_object(),
           *nodes = lazy_array(items, n_items, g->n_actors, graphology_node),
           *edges = lazy_array(items, n_items, g->n_relations, graphology_edge);
    (void)x;
    if (!root || !attrs || !options || !nodes || !edges) {
        *oom = 1;
        json_decref(attrs);
        json_decref(options);
        json_decref(nodes);
        json_decref(edges);
        return root;
    }
    ag__json_graph_fields(attrs, g, oom);
    ag__json_put(root, "attributes", attrs, oom);
    ag__json_put(options, "type", json_string("directed"), oom);
    ag__json_put(options, "multi", json_true(), oom);
    ag__json_put(options, "allowSelfLoops", json_true(), oom);
    ag__json_put(root, "options", options, oom);
    ag__json_put(root, "nodes", nodes, oom);
    ag__json_put(root, "edges", edges, oom);
    return root;
}

static json_t *jgf_edge(const ag_graph *g, const ag_export_opts *x, size_t i, int *oom)
{
    const ag_relation *r = &g->relations[i];
    json_t *e = json_object(), *m = json_object();
    (void)x;
    if (!e || !m) {
        *oom = 1;
        json_decref(m);
        return e;
    }
    ag__json_put(e, "id", json_string(r->id), oom);
    ag__json_put(e, "source", json_string(g->actors[r->source].id), oom);
    ag__json_put(e, "target", json_string(g->actors[r->target].id), oom);
    ag__json_put(e, "relation", json_string(r->type), oom);
    ag__json_put(e, "directed", json_boolean(!r->mutual), oom);
    if (r->label)
        ag__json_put(e, "label", json_string(r->label), oom);
    ag__json_relation_fields(m, r, oom);
    ag__json_put(e, "metadata", m, oom);
    return e;
}

json_t *ag__json_jgf(const ag_graph *g, const ag_export_opts *x, ag_json_items *items,
                     size_t *n_items, int *oom)
{
    /* nodes: an object keyed by actor id, made whole */
    json_t *root = json_object(), *graph = json_object(), *meta = json_object(),
           *nodes = json_object(),
           *edges = lazy_array(items, n_items, g->n_relations, jgf_edge);
    if (!root || !graph || !meta || !nodes || !edges) {
        *oom = 1;
        json_decref(graph);
        json_decref(meta);
        json_decref(nodes);
        json_decref(edges);
        return root;
    }
    ag__json_put(graph, "label", json_string(g->title ? g->title : g->name), oom);
    ag__json_put(graph, "directed", json_true(), oom);
    ag__json_put(graph, "type", json_string("actorgraph"), oom);
    if (g->description)
        ag__json_put(meta, "description", json_string(g->description), oom);
    ag__json_put(meta, "sources", ag__json_sources(g, oom), oom);
    if (g->selection)
        ag__json_put(meta, "selection", ag_selection_json(g->selection, g), oom);
    ag__json_put(graph, "metadata", meta, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *n = json_object(), *m = json_object();
        if (!n || !m) {
            *oom = 1;
            json_decref(n);
            json_decref(m);
            continue;
        }
        ag__json_put(n, "label", json_string(g->actors[i].name), oom);
        ag__json_actor_fields(m, g, i, x, oom);
        ag__json_put(n, "metadata", m, oom);
        ag__json_put(nodes, g->actors[i].id, n, oom);
    }
    ag__json_put(graph, "nodes", nodes, oom);
    ag__json_put(graph, "edges", edges, oom);
    ag__json_put(root, "graph", graph, oom);
    return root;
}
