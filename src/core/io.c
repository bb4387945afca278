/* Atomic output: temporary files in the destination directory, synced, then
 * renamed into place only when every output has been written. */
#define _POSIX_C_SOURCE 200809L
#include "actorgraph/io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The directory part of path ("." when none), malloc'd. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *d;
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    d = malloc((size_t)(slash - path) + 1);
    if (d) {
        memcpy(d, path, (size_t)(slash - path));
        d[slash - path] = '\0';
    }
    return d;
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += w;
        len -= (size_t)w;
    }
    return 0;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd); /* best effort: some file systems refuse */
        close(fd);
    }
}

/* Writes one output to a fresh temporary next to it; *tmp receives its
 * malloc'd name. */
static ag_status write_temp(const ag_output *o, char **tmp, ag_error *err)
{
    size_t n = strlen(o->path) + 16;
    char *name = malloc(n);
    int fd = -1;
    mode_t mask;
    ag_status st = AG_OK;

    *tmp = NULL;
    if (!name)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    snprintf(name, n, "%s.tmp.XXXXXX", o->path);
    fd = mkstemp(name);
    if (fd < 0) {
        st = ag_error_set(err, AG_EIO, "cannot write %s: %s", o->path, strerror(errno));
        free(name);
        return st;
    }
    *tmp = name;
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, o->data, o->len) != 0 ||
        fsync(fd) != 0) {
        st = ag_error_set(err, AG_EIO, "cannot write %s: %s", o->path, strerror(errno));
        close(fd);
        return st;
    }
    if (close(fd) != 0)
        st = ag_error_set(err, AG_EIO, "cannot write %s: %s", o->path, strerror(errno));
    return st;
}

ag_status ag_write_outputs(const ag_output *outs, size_t n, const char *mkdir_out,
                           ag_error *err)
{
    char **tmps = calloc(n + 1, sizeof *tmps);
    ag_status st = AG_OK;

    if (!tmps)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (mkdir_out && mkdir(mkdir_out, 0777) != 0 && errno != EEXIST) {
        st = ag_error_set(err, AG_EIO, "cannot create directory %s: %s", mkdir_out,
                          strerror(errno));
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(outs[i].path, "-") == 0)
            continue;
        st = write_temp(&outs[i], &tmps[i], err);
        if (st != AG_OK)
            goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        if (!tmps[i])
            continue;
        if (rename(tmps[i], outs[i].path) != 0) {
            st = ag_error_set(err, AG_EIO, "cannot write %s: %s", outs[i].path,
                              strerror(errno));
            goto cleanup;
        }
        free(tmps[i]);
        tmps[i] = NULL;
        {
            char *d = dir_of(outs[i].path);
            if (d)
                sync_dir(d);
            free(d);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(outs[i].path, "-") != 0)
            continue;
        if (fwrite(outs[i].data, 1, outs[i].len, stdout) != outs[i].len || fflush(stdout) != 0) {
            st = ag_error_set(err, AG_EIO, "cannot write to standard output: %s",
                              strerror(errno));
            goto cleanup;
        }
    }
cleanup:
    for (size_t i = 0; i < n; i++)
        if (tmps[i]) {
            unlink(tmps[i]);
            free(tmps[i]);
        }
    free(tmps);
    return st;
}
