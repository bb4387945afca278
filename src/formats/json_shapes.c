/* The JSON shapes other tools load: networkx node-link, Cytoscape.js
 * elements, graphology's serialisation and the JSON Graph Format, built
 * with jansson from the pieces json.c shares. */
#include <string.h>

#include "actorgraph/select.h"
#include "formats/formats.h"

json_t *ag__json_node_link(const ag_graph *g, const ag_export_opts *x, int *oom)
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
    ag__json_put(root, "directed", json_true(), oom);
    ag__json_put(root, "multigraph", json_true(), oom);
    ag__json_graph_fields(graph, g, oom);
    ag__json_put(root, "graph", graph, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *o = json_object();
        if (!o || json_array_append_new(nodes, o) != 0) {
            *oom = 1;
            continue;
        }
        ag__json_put(o, "id", json_string(g->actors[i].id), oom);
        ag__json_actor_fields(o, g, i, x, oom);
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(links, o) != 0) {
            *oom = 1;
            continue;
        }
        ag__json_put(o, "source", json_string(g->actors[r->source].id), oom);
        ag__json_put(o, "target", json_string(g->actors[r->target].id), oom);
        ag__json_put(o, "key", json_string(r->id), oom);
        ag__json_relation_fields(o, r, oom);
    }
    ag__json_put(root, "nodes", nodes, oom);
    ag__json_put(root, x->links_key && strcmp(x->links_key, "edges") == 0 ? "edges" : "links", links, oom);
    return root;
}

json_t *ag__json_cytoscape(const ag_graph *g, const ag_export_opts *x, int *oom)
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
    ag__json_put(root, "format_version", json_string("1.0"), oom);
    ag__json_put(root, "generated_by", json_string("actorgraph"), oom);
    ag__json_put(root, "target_cytoscapejs_version", json_string("~3"), oom);
    ag__json_put(data, "name", json_string(g->title ? g->title : g->name), oom);
    ag__json_graph_fields(data, g, oom);
    ag__json_put(root, "data", data, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *el = json_object(), *d = json_object();
        if (!el || !d || json_array_append_new(nodes, el) != 0) {
            *oom = 1;
            json_decref(d);
            continue;
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
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *el = json_object(), *d = json_object();
        if (!el || !d || json_array_append_new(edges, el) != 0) {
            *oom = 1;
            json_decref(d);
            continue;
        }
        ag__json_put(d, "id", json_string(r->id), oom);
        ag__json_put(d, "source", json_string(g->actors[r->source].id), oom);
        ag__json_put(d, "target", json_string(g->actors[r->target].id), oom);
        ag__json_relation_fields(d, r, oom);
        ag__json_put(el, "data", d, oom);
    }
    ag__json_put(elements, "nodes", nodes, oom);
    ag__json_put(elements, "edges", edges, oom);
    ag__json_put(root, "elements", elements, oom);
    return root;
}

json_t *ag__json_graphology(const ag_graph *g, const ag_export_opts *x, int *oom)
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
    ag__json_graph_fields(attrs, g, oom);
    ag__json_put(root, "attributes", attrs, oom);
    ag__json_put(options, "type", json_string("directed"), oom);
    ag__json_put(options, "multi", json_true(), oom);
    ag__json_put(options, "allowSelfLoops", json_true(), oom);
    ag__json_put(root, "options", options, oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        json_t *o = json_object(), *a = json_object();
        if (!o || !a || json_array_append_new(nodes, o) != 0) {
            *oom = 1;
            json_decref(a);
            continue;
        }
        ag__json_put(o, "key", json_string(g->actors[i].id), oom);
        ag__json_actor_fields(a, g, i, x, oom);
        ag__json_put(o, "attributes", a, oom);
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *o = json_object(), *a = json_object();
        if (!o || !a || json_array_append_new(edges, o) != 0) {
            *oom = 1;
            json_decref(a);
            continue;
        }
        ag__json_put(o, "key", json_string(r->id), oom);
        ag__json_put(o, "source", json_string(g->actors[r->source].id), oom);
        ag__json_put(o, "target", json_string(g->actors[r->target].id), oom);
        ag__json_relation_fields(a, r, oom);
        ag__json_put(o, "attributes", a, oom);
    }
    ag__json_put(root, "nodes", nodes, oom);
    ag__json_put(root, "edges", edges, oom);
    return root;
}

json_t *ag__json_jgf(const ag_graph *g, const ag_export_opts *x, int *oom)
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
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *e = json_object(), *m = json_object();
        if (!e || !m || json_array_append_new(edges, e) != 0) {
            *oom = 1;
            json_decref(m);
            continue;
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
    }
    ag__json_put(graph, "nodes", nodes, oom);
    ag__json_put(graph, "edges", edges, oom);
    ag__json_put(root, "graph", graph, oom);
    return root;
}

