/* The progress handler a front end installed (include/actorgraph/progress.h). */
#include "actorgraph/progress.h"

#include "core/internal.h"

static ag_progress_fn handler;
static void *handler_ctx;

void ag_progress_set(ag_progress_fn fn, void *ctx)
{
    handler = fn;
    handler_ctx = ctx;
}

void ag__progress(const char *what, size_t done, size_t total)
{
    if (handler)
        handler(handler_ctx, what, done, total);
}
