/* Alliance diagrams through Graphviz, in-process. */
#ifndef ACTORGRAPH_RENDER_H
#define ACTORGRAPH_RENDER_H

#include <stddef.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

typedef enum ag_format {
    AG_FMT_DOT = 0, AG_FMT_SVG, AG_FMT_PNG, AG_FMT_PDF,
    AG_FMT_GV_JSON, /* Graphviz's JSON with the layout ("json") */
    AG_FMT_COUNT
} ag_format;

/* What an actor's fill colour (and box) stands for. */
typedef enum ag_color_by {
    AG_COLOR_BY_GROUP = 0, /* the analyst's group; groups drawn as boxes */
    AG_COLOR_BY_BLOC,      /* computed blocs (ag_cluster); blocs drawn as boxes */
    AG_COLOR_BY_KIND       /* state, organization, ...; no boxes */
} ag_color_by;

typedef struct ag_render_opts {
    const char *engine;   /* dot, neato, fdp, sfdp, circo; NULL for dot */
    int legend;           /* nonzero to draw the legend (the default) */
    ag_color_by color_by;
    const size_t *bloc;   /* with AG_COLOR_BY_BLOC: each actor's bloc, from 0 */
    const char *bloc_note;/* legend text saying how blocs were found */
    const double *size;   /* per-actor values scaling node size, or NULL */
    const char *size_label; /* legend text naming those values */
} ag_render_opts;

/* Default options: engine "dot", legend on, colour by group, no sizing. */
void ag_render_opts_init(ag_render_opts *o);

/* Positions of every actor after layout, in points with y growing
 * downwards (as in SVG and in screen coordinates of D3 or Cytoscape). x and
 * y must hold g->n_actors values. */
ag_status ag_layout_positions(const ag_graph *g, const ag_render_opts *opts, double *x,
                              double *y, ag_error *err);

/* Frees the Graphviz context that every layout in the process shares
 * (made on the first layout); call it once, after the last layout of the
 * process: Graphviz's plugins do not survive a second context. */
void ag_render_shutdown(void);

/* Format name ("dot", "svg", "png", "pdf") to enum; false if unknown. */
int ag_format_parse(const char *name, ag_format *out);
const char *ag_format_name(ag_format f);
/* The format a file name's extension implies; false when it implies none. */
int ag_format_from_path(const char *path, ag_format *out);
/* True when name is a supported layout engine. */
int ag_engine_valid(const char *name);

/* A rendered document held in memory. */
typedef struct ag_blob {
    char *data;
    size_t len;
} ag_blob;
void ag_blob_free(ag_blob *b);

/* Builds the diagram of g and renders it once for each of the n formats,
 * laying it out at most once. out[i] receives formats[i]'s bytes (free them
 * with ag_blob_free). DOT is the styled graph before layout, so that
 * `dot -Tsvg` on it draws the same diagram, and carries every field of g as
 * attributes, so that reading it back gives g again (docs/interop.md). Deterministic: the same graph
 * and options give the same DOT and SVG bytes. Nothing is written anywhere. */
ag_status ag_render(const ag_graph *g, const ag_render_opts *opts,
                    const ag_format *formats, size_t n, ag_blob *out,
                    ag_error *err);

#endif
