/* The diagram's styling, shared by the render module's files. */
#ifndef AG_RENDER_STYLE_H
#define AG_RENDER_STYLE_H

#include <cgraph.h>

#include "actorgraph/render.h"

/* Graphviz's API takes non-const strings it does not modify. */
#define S(x) ((char *)(x))

/* Builds the styled Graphviz graph of g (shapes, colours, groups as
 * clusters, legend, tooltips with evidence) under disc, or cgraph's default
 * discipline when NULL; NULL when out of memory. */
Agraph_t *ag__render_build(const ag_graph *g, const ag_render_opts *o, Agdisc_t *disc);

#endif
