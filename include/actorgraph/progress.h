/* Progress of long steps. The library never prints: a front end that wants
 * to show progress installs a handler, which the library calls from the
 * thread that called it (never from a worker thread) as a long step
 * advances: layout, clustering, path sweeps, loading a large file. */
#ifndef ACTORGRAPH_PROGRESS_H
#define ACTORGRAPH_PROGRESS_H

#include <stddef.h>

/* what names the step ("shortest paths"); done of total units are done, and
 * done == total ends the step. Calls may come often: the handler decides
 * what to show and when (it should be cheap). */
typedef void (*ag_progress_fn)(void *ctx, const char *what, size_t done, size_t total);

/* Installs fn (NULL: none, the default) for the whole process. Not
 * thread-safe: call it before the library's other calls. */
void ag_progress_set(ag_progress_fn fn, void *ctx);

#endif
