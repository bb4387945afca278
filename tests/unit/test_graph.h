/* A graph from JSON text for the analysis tests; NULL (reported) when the
 * text is not a valid graph. */
#ifndef AG_TEST_GRAPH_H
#define AG_TEST_GRAPH_H

#include <stdio.h>
#include <string.h>

#include "actorgraph/actorgraph.h"

static ag_graph *parse(const char *text)
{
    ag_graph *g = NULL;
    ag_diags d;
    ag_error err;
    ag_diags_init(&d);
    if (ag_graph_parse_json(text, strlen(text), "t.json", &g, &d, &err) != AG_OK)
        fprintf(stderr, "parse failed: %s %s\n", err.pointer, err.message);
    ag_diags_destroy(&d);
    return g;
}

#endif
