/* Writing outputs atomically. */
#ifndef ACTORGRAPH_IO_H
#define ACTORGRAPH_IO_H

#include <stddef.h>

#include "actorgraph/error.h"

/* One output to write: its bytes and where ("-" for standard output). */
typedef struct ag_output {
    const char *path;
    const char *data;
    size_t len;
} ag_output;

/* How ag_write_outputs_ex writes. */
typedef struct ag_write_opts {
    /* one directory (e.g. "out") created if absent; NULL for none */
    const char *mkdir_out;
    /* the caller's input files: no output may be one of them (compared by
     * device and inode, so another name or a link for the same file is
     * caught too); "-" stands for standard input */
    const char *const *inputs;
    size_t n_inputs;
} ag_write_opts;

/* Writes every output, or none, by these rules:
 *
 * - Every destination is checked before anything is replaced: it must not
 *   be a directory, one of opts->inputs, or named twice, and its directory
 *   must let the file be replaced. A failed check writes nothing.
 * - A regular file, or a path that does not exist yet, is replaced
 *   atomically: the bytes go to a temporary "PATH.tmp.XXXXXX" in the same
 *   directory, are synced, and are renamed over PATH only when every output
 *   has been written. The new file keeps the mode (and, where permitted,
 *   the owner) of the file it replaces; a new file gets 0666 less the
 *   umask. A symbolic link to a regular file stays a link: the file it
 *   points to is replaced, atomically, in its own directory. A dangling
 *   link is refused.
 * - Anything else (a character device such as /dev/null or /dev/full, a
 *   FIFO, ...) is opened and written in place; so is a path that names the
 *   process's standard output (such as /dev/stdout): it is written to
 *   standard output. "-" is standard output. These are written before the
 *   renames (a write error there, e.g. a full disk, replaces nothing), and
 *   cannot be taken back if a rename fails afterwards.
 * - The renames hold an advisory lock (flock) on each destination
 *   directory, so two processes writing the same outputs replace them set
 *   by set, never mixed; and SIGINT, SIGTERM, SIGHUP and SIGQUIT are held
 *   (blocked in the calling thread) for the few renames, so a set is
 *   renamed whole, then delivered.
 * - On failure no temporary is left and files not yet renamed are
 *   untouched. err->file names the output that failed.
 *
 * The library installs no signal handler: a program that wants no
 * temporary left when it is killed calls ag_write_remove_temporaries from
 * its own handlers. Not for use from two threads at once. */
ag_status ag_write_outputs_ex(const ag_output *outs, size_t n, const ag_write_opts *opts,
                              ag_error *err);

/* ag_write_outputs_ex with only mkdir_out set (NULL: create no directory). */
ag_status ag_write_outputs(const ag_output *outs, size_t n, const char *mkdir_out,
                           ag_error *err);

/* Removes the temporaries that a running ag_write_outputs_ex holds (unlink
 * only): async-signal-safe, for a signal handler that then re-raises the
 * signal. Does nothing when no write is in progress. */
void ag_write_remove_temporaries(void);

#endif
