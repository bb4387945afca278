/* Alliance diagrams through Graphviz, in-process. */
#ifndef ACTORGRAPH_RENDER_H
#define ACTORGRAPH_RENDER_H

#include <stdbool.h>
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

/* Which relations carry a text label on the diagram (the tooltip always
 * says everything). */
typedef enum ag_edge_labels {
    AG_LABELS_AUTO = 0, /* all up to AG_RENDER_SMALL_RELATIONS relations; past
                           that only the analyst's own labels, since type
                           names would only repeat the legend's colours */
    AG_LABELS_ALL,      /* the analyst's label, else the type */
    AG_LABELS_NONE
} ag_edge_labels;

/* Up to these sizes a graph is drawn like a briefing diagram: dot, spline
 * edges, every label. Past them it is drawn for overview, fast: sfdp,
 * straight edges, only the analyst's labels. */
#define AG_RENDER_SMALL_ACTORS 40
#define AG_RENDER_SMALL_RELATIONS 150

typedef struct ag_render_opts {
    const char *engine;   /* dot, neato, fdp, sfdp, circo; NULL: by size
                             (ag_render_engine) */
    const char *splines;  /* Graphviz's splines: true (spline), curved, line,
                             polyline, ortho, none; NULL: by engine and size */
    ag_edge_labels edge_labels;
    int legend;           /* nonzero to draw the legend (the default) */
    ag_color_by color_by;
    const size_t *bloc;   /* with AG_COLOR_BY_BLOC: each actor's bloc, from 0 */
    const char *bloc_note;/* legend text saying how blocs were found */
    const double *size;   /* per-actor values scaling node size, or NULL */
    const char *size_label; /* legend text naming those values */
    /* per relation, how a what-if diagram marks it (AG_MARK_*), or NULL */
    const unsigned char *relation_mark;
} ag_render_opts;

/* Marks of relation_mark: a dropped relation is drawn grey and dashed, an
 * added one thick, each said in its tooltip, its SVG class and the legend. */
enum { AG_MARK_NONE = 0, AG_MARK_DROPPED, AG_MARK_ADDED };

/* Default options: engine and splines by size, labels auto, legend on,
 * colour by group, no sizing. */
void ag_render_opts_init(ag_render_opts *o);

/* The engine the options give for g: o->engine when set, else dot for a
 * graph of at most AG_RENDER_SMALL_ACTORS actors and
 * AG_RENDER_SMALL_RELATIONS relations, sfdp past that. */
const char *ag_render_engine(const ag_graph *g, const ag_render_opts *o);

/* True when name is a value of Graphviz's splines attribute that actorgraph
 * accepts (true, spline, curved, line, polyline, ortho, none). */
int ag_splines_valid(const char *name);
bool ag_edge_labels_parse(const char *s, ag_edge_labels *out);

/* Positions of every actor after layout, in points with y growing
 * downwards (as in SVG and in screen coordinates of D3 or Cytoscape). x and
 * y must hold g->n_actors values. Rounded to 0.01 point, as the SVG has
 * them, so that the same input gives the same positions. */
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

/* ---- small multiples: snapshots of one graph at fixed positions ---- */

/* One panel: the graph at one date. Arrays are indexed like g's actors and
 * relations. */
typedef struct ag_panel {
    const char *title;            /* the panel's heading (its date) */
    const unsigned char *present; /* per actor: drawn (nonzero) */
    const unsigned char *rel;     /* per relation: drawn (nonzero) */
    const size_t *bloc;           /* per actor: bloc number, the same bloc the
                                     same number in every panel; (size_t)-1
                                     (AG_NO_BLOC) for an actor alone */
} ag_panel;

typedef struct ag_multiples_opts {
    const char *title;            /* the picture's title, or NULL */
    const double *x, *y;          /* every actor's position, y downwards (as
                                     ag_layout_positions gives them) */
    const unsigned char *label;   /* per actor: name written (NULL: all) */
    const char *const *bloc_name; /* per bloc number: its legend text, NULL
                                     to leave it out of the legend */
    size_t n_bloc_names;
} ag_multiples_opts;

/* Draws the panels side by side in rows, every actor at its given position
 * (scaled into each panel) in every panel, blocs filled with one colour per
 * bloc number throughout (twelve colours, given in increasing bloc number;
 * past twelve they repeat), actors alone white, cooperative ties blue and
 * conflicts red; laid out by Graphviz's nop2 (positions kept), rendered
 * in-process as SVG, PNG or PDF (AG_EARG for DOT or Graphviz JSON).
 * Deterministic. */
ag_status ag_render_multiples(const ag_graph *g, const ag_panel *panels, size_t n_panels,
                              const ag_multiples_opts *o, const ag_format *formats, size_t n,
                              ag_blob *out, ag_error *err);

#endif
