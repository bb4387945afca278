/* A progress line on standard error for steps that take more than a
 * second, only when standard error is a terminal; --quiet turns it off.
 * The library reports the steps (what, done of total) from the main thread;
 * a small thread of this file redraws the line ten times a second, so that
 * a step the library cannot measure (a Graphviz layout) still shows that it
 * is running and for how long. Nothing goes to standard output. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct progress {
    pthread_mutex_t lock;
    const char *what; /* the running step, NULL when none */
    size_t done, total;
    double start;
    int shown;        /* a line is on the screen */
    int stop;
} progress;

static progress state = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, 0, 0, 0};
static pthread_t drawer;
static int enabled, started;
/* Seconds a step runs before its line shows: 1, or $ACTORGRAPH_PROGRESS_AFTER
 * (a number from 0 to 60; the tests set 0). */
static double after = 1.0;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Clears the line if one is shown; the caller holds the lock. */
static void clear_line(progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = 0;
}

static void handler(void *ctx, const char *what, size_t done, size_t total)
{
    progress *p = ctx;
    pthread_mutex_lock(&p->lock);
    if (done >= total) {
        clear_line(p);
        p->what = NULL;
    } else {
        if (!p->what || strcmp(p->what, what) != 0)
            p->start = now();
        p->what = what;
        p->done = done;
        p->total = total;
    }
    pthread_mutex_unlock(&p->lock);
}

static void *draw(void *arg)
{
    progress *p = arg;
    const struct timespec tick = {0, 100000000};
    for (;;) {
        double t;
        nanosleep(&tick, NULL);
        pthread_mutex_lock(&p->lock);
        if (p->stop) {
            clear_line(p);
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        t = now();
        if (enabled && p->what && t - p->start >= after) {
            fprintf(stderr, "\r\033[Kactorgraph: %s", p->what);
            if (p->total > 1)
                fprintf(stderr, " %zu/%zu (%.0f%%)", p->done, p->total,
                        100.0 * (double)p->done / (double)p->total);
            fprintf(stderr, ", %.0f s", t - p->start);
            fflush(stderr);
            p->shown = 1;
        }
        pthread_mutex_unlock(&p->lock);
    }
}

void cli_progress_init(void)
{
    const char *env = getenv("ACTORGRAPH_PROGRESS_AFTER");
    enabled = isatty(STDERR_FILENO);
    if (!enabled)
        return;
    if (env && *env) {
        char *end;
        double v = strtod(env, &end);
        if (!*end && v >= 0 && v <= 60)
            after = v;
    }
    ag_progress_set(handler, &state);
    started = pthread_create(&drawer, NULL, draw, &state) == 0;
}

void cli_progress_quiet(void)
{
    pthread_mutex_lock(&state.lock);
    enabled = 0;
    clear_line(&state);
    pthread_mutex_unlock(&state.lock);
}

void cli_progress_end(void)
{
    if (!started)
        return;
    pthread_mutex_lock(&state.lock);
    state.stop = 1;
    pthread_mutex_unlock(&state.lock);
    pthread_join(drawer, NULL);
    started = 0;
}
