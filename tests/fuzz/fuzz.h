/* What every libFuzzer harness in tests/fuzz shares: loading a fuzz input
 * through the library's public load path, and the checks every call must
 * pass whatever the input.
 *
 * Inputs go through ag_graph_load_ex() exactly as the CLI's files do: the
 * bytes are written to an in-memory file (memfd) that the library opens by
 * its /proc/self/fd path, so the same reading, dispatch, reader and checker
 * run as for `actorgraph validate --from FMT FILE`. */
#ifndef AG_FUZZ_H
#define AG_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "actorgraph/actorgraph.h"

/* Stops the run with a message libFuzzer reports as a crash (abort()), so a
 * broken promise of the API is saved like any sanitizer finding. */
#define FUZZ_CHECK(cond, ...)                                                   \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "fuzz check failed: %s (%s:%d): ", #cond, __FILE__, \
                    __LINE__);                                                  \
            fprintf(stderr, __VA_ARGS__);                                       \
            fputc('\n', stderr);                                                \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* A memfd holding one input, reopened by path on every load. */
typedef struct fuzz_file {
    int fd;
    char path[64];
} fuzz_file;

static inline void fuzz_file_open(fuzz_file *f, const char *name)
{
    f->fd = memfd_create(name, 0);
    FUZZ_CHECK(f->fd >= 0, "memfd_create failed");
    snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
}

/* Replaces the file's content with data[0..size). */
static inline void fuzz_file_set(fuzz_file *f, const uint8_t *data, size_t size)
{
    FUZZ_CHECK(ftruncate(f->fd, 0) == 0, "ftruncate failed");
    for (size_t done = 0; done < size;) {
        ssize_t w = pwrite(f->fd, data + done, size - done, (off_t)done);
        FUZZ_CHECK(w > 0, "pwrite failed");
        done += (size_t)w;
    }
}

/* The promises of ag_graph_load_ex, whatever the input: a graph exactly on
 * success; on failure an error with a message, and never out of memory
 * (under libFuzzer an allocation too large aborts the run instead of
 * failing, so AG_ENOMEM can only be a misreported error).
 * Every problem in diags has a message. */
static inline void fuzz_check_load(ag_status st, const ag_graph *g, const ag_diags *d,
                            const ag_error *err)
{
    FUZZ_CHECK((st == AG_OK) == (g != NULL), "status %d with graph %p", (int)st, (const void *)g);
    FUZZ_CHECK(st == AG_OK || st == AG_EPARSE || st == AG_EINVALID,
               "status %s: %s", ag_status_str(st), err->message);
    if (st != AG_OK)
        FUZZ_CHECK(err->message[0] != '\0', "failure without a message");
    else
        FUZZ_CHECK(d->errors == 0, "success with %zu errors", d->errors);
    for (size_t i = 0; i < d->count; i++)
        FUZZ_CHECK(d->items[i].message[0] != '\0', "problem %zu without a message", i);
}

/* Loads f (and actors, when not NULL) as format fmt, checks the load's
 * promises and returns the graph (NULL when the input was refused). */
static inline ag_graph *fuzz_load(const fuzz_file *f, ag_input_format fmt, const fuzz_file *actors)
{
    ag_load_opts opts;
    ag_graph *g = NULL;
    ag_diags diags;
    ag_error err;
    ag_status st;

    memset(&opts, 0, sizeof opts);
    opts.format = fmt;
    opts.actors_csv = actors ? actors->path : NULL;
    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_graph_load_ex(f->path, &opts, &g, &diags, &err);
    fuzz_check_load(st, g, &diags, &err);
    ag_diags_destroy(&diags);
    return g;
}

#endif
