/* Preloaded (LD_PRELOAD) by test_outputs.sh: makes Graphviz's gvRenderData
 * succeed with no bytes for PNG, as it does when Pango gives up on a label
 * of a million characters, so the test can check that such an output is an
 * error and not an empty file. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

#include <gvc.h>

int gvRenderData(GVC_t *gvc, graph_t *g, const char *format, char **result,
                 unsigned int *length);

int gvRenderData(GVC_t *gvc, graph_t *g, const char *format, char **result,
                 unsigned int *length)
{
    int (*real)(GVC_t *, graph_t *, const char *, char **, unsigned int *);
    int rc;
    *(void **)&real = dlsym(RTLD_NEXT, "gvRenderData");
    if (!real)
        return -1;
    rc = real(gvc, g, format, result, length);
    if (rc == 0 && strcmp(format, "png") == 0)
        *length = 0;
    return rc;
}
