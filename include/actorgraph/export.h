/* Exports for other tools: networkx/D3, Cytoscape, graphology/sigma.js,
 * JSON Graph Format, GraphML, GML, Graphviz JSON and actorgraph's own JSON. */
#ifndef ACTORGRAPH_EXPORT_H
#define ACTORGRAPH_EXPORT_H

#include <jansson.h>
#include <stdbool.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "actorgraph/error.h"
#include "actorgraph/model.h"
#include "actorgraph/render.h"

typedef enum ag_export_format {
    AG_EXPORT_NODE_LINK = 0, AG_EXPORT_CYTOSCAPE, AG_EXPORT_GRAPHOLOGY, AG_EXPORT_JGF,
    AG_EXPORT_GRAPHML, AG_EXPORT_GML, AG_EXPORT_DOT_JSON, AG_EXPORT_JSON,
    AG_EXPORT_COUNT
} ag_export_format;

bool ag_export_format_parse(const char *s, ag_export_format *out);
const char *ag_export_format_name(ag_export_format f);

typedef struct ag_export_opts {
    ag_export_format format;
    const ag_metrics *metrics;     /* with metrics: every actor's centralities, or NULL */
    const ag_partition *partition; /* with metrics: every actor's bloc, or NULL */
    const double *x, *y;           /* with layout: positions in points, y downwards */
    const char *links_key;         /* node-link: "links" (default) or "edges" */
    const ag_render_opts *render;  /* dot-json: how to draw; NULL for defaults */
} ag_export_opts;

void ag_export_opts_init(ag_export_opts *o);

/* Writes g in the chosen format into out (free with ag_blob_free). Every
 * actor and relation field is kept: JSON formats nest `attributes` and
 * `evidence` as they are; GraphML and GML, whose values are flat, carry
 * each actor attribute as `attr_<name>` (strings, numbers, booleans) or
 * `attrjson_<name>` (JSON text), and evidence and sources as JSON text.
 * Several relations on one pair stay separate edges in every format. */
ag_status ag_export(const ag_graph *g, const ag_export_opts *o, ag_blob *out, ag_error *err);

/* Writes g as CSV in the layout the CSV reader reads (docs/interop.md):
 * relations (source,target,type,sign,weight,mutual,confidence,start,end,
 * label, defaults written out) and actors (id,name,kind,group, then one
 * column per attribute name, non-string values as JSON text). Free both
 * with ag_blob_free. CSV has no place for the title, description, sources
 * or evidence. */
ag_status ag_csv_write(const ag_graph *g, ag_blob *relations, ag_blob *actors, ag_error *err);

/* The graph as a version-1 actorgraph document with every default written
 * out; the caller owns the result. NULL when out of memory. */
json_t *ag_graph_to_json(const ag_graph *g);

#endif
