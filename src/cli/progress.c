/* A progress line on standard error for steps that take more than a
 * second, only when standard error is a terminal; --quiet turns it off. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct progress {
    const char *what;   /* the step being shown */
    double start, last; /* when it started, when the line was last drawn */
    int shown;          /* a line is on the screen */
} progress;

static progress state;
static int enabled;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void handler(void *ctx, const char *what, size_t done, size_t total)
{
    progress *p = ctx;
    double t = now();
    if (!enabled)
        return;
    if (!p->what || strcmp(p->what, what) != 0) {
        p->what = what;
        p->start = t;
        p->last = 0;
    }
    if (done >= total) {
        if (p->shown)
            fputs("\r\033[K", stderr);
        p->shown = 0;
        p->what = NULL;
        return;
    }
    /* nothing for the first second, then at most ten lines a second */
    if (t - p->start < 1.0 || t - p->last < 0.1)
        return;
    p->last = t;
    p->shown = 1;
    fprintf(stderr, "\r\033[Kactorgraph: %s %zu/%zu (%.0f%%), %.1f s", what, done, total,
            total ? 100.0 * (double)done / (double)total : 0.0, t - p->start);
    fflush(stderr);
}

void cli_progress_init(void)
{
    enabled = isatty(STDERR_FILENO);
    ag_progress_set(handler, &state);
}

void cli_progress_quiet(void)
{
    enabled = 0;
}
