/* Library set-up: error routing for igraph and Graphviz, and the version. */
#include "actorgraph/actorgraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gvc.h>
#include <igraph.h>

#include "core/internal.h"

#ifndef AG_VERSION
#define AG_VERSION "0.0.0"
#endif

const char *ag_version(void)
{
    return AG_VERSION;
}

static char igraph_msg[512];
static char graphviz_msg[1024];

/* igraph calls this once per stack frame while an error unwinds; outer
 * frames pass an empty reason, so the first message is kept. */
static void on_igraph_error(const char *reason, const char *file, int line,
                            igraph_error_t code)
{
    (void)file;
    (void)line;
    if (!igraph_msg[0])
        snprintf(igraph_msg, sizeof igraph_msg, "%s: %s", igraph_strerror(code), reason);
    IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

/* Graphviz hands messages over in fragments; they are gathered until read. */
static int on_graphviz_message(char *fragment)
{
    size_t n = strlen(graphviz_msg);
    snprintf(graphviz_msg + n, sizeof graphviz_msg - n, "%s", fragment);
    return 0;
}

void ag_init(void)
{
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(on_igraph_warning);
    agseterr(AGERR);
    agseterrf(on_graphviz_message);
}

const char *ag__igraph_message(void)
{
    return igraph_msg;
}

void ag__igraph_message_clear(void)
{
    igraph_msg[0] = '\0';
}

const char *ag__graphviz_message(void)
{
    size_t n = strlen(graphviz_msg);
    while (n > 0 && (graphviz_msg[n - 1] == '\n' || graphviz_msg[n - 1] == ' '))
        graphviz_msg[--n] = '\0';
    return graphviz_msg;
}

void ag__graphviz_message_clear(void)
{
    graphviz_msg[0] = '\0';
}

int ag__threads(void)
{
    const char *env = getenv("ACTORGRAPH_THREADS");
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (env && *env) {
        char *end;
        long v = strtol(env, &end, 10);
        if (*end == '\0' && v >= 1)
            n = v;
    }
    return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}
