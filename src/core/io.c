/* Atomic output: every destination checked first, temporary files in the
 * destination directory, synced, then renamed into place under a lock
 * only when every output has been written; special files written in
 * place. The rules are spelled out in include/actorgraph/io.h. */
#define _DEFAULT_SOURCE
#include "actorgraph/io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* How one output reaches its destination. */
enum dest_kind {
    D_REPLACE, /* a regular file or a new path: temporary, then rename */
    D_INPLACE, /* a device, a FIFO...: opened and written directly */
    D_STDOUT   /* "-", or a path naming the process's standard output */
};

typedef struct dest {
    enum dest_kind kind;
    int exists;      /* the destination exists; st describes it */
    struct stat st;  /* of the destination, links followed */
    char *target;    /* D_REPLACE: the path renamed over (a link's target) */
    char *dir;       /* D_REPLACE: target's directory */
    struct stat dst; /* D_REPLACE: of dir */
} dest;

/* The temporaries of the write in progress, for ag_write_remove_temporaries.
 * A slot is filled before its file exists and emptied after it is gone. */
static char *volatile *volatile live_tmps;
static volatile sig_atomic_t live_n;

void ag_write_remove_temporaries(void)
{
    char *volatile *t = live_tmps;
    sig_atomic_t n = live_n;
    if (!t)
        return;
    for (sig_atomic_t i = 0; i < n; i++) {
        char *p = t[i];
        if (p)
            unlink(p);
    }
}

/* Fills err with code, a message and path as its file; returns code. */
static ag_status fail(ag_error *err, ag_status code, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static ag_status fail(ag_error *err, ag_status code, const char *path, const char *fmt, ...)
{
    char msg[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (err) {
        ag_error_clear(err);
        snprintf(err->file, sizeof err->file, "%s", path);
    }
    return ag_error_set(err, code, "%s", msg);
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

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

/* The file name part of path. */
static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
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

/* Decides how path is written and checks that it can be, without writing
 * anything. out1 describes standard output when have_out1. */
static ag_status classify(const char *path, const struct stat *out1, int have_out1, dest *d,
                          ag_error *err)
{
    struct stat lst;

    if (strcmp(path, "-") == 0) {
        d->kind = D_STDOUT;
        return AG_OK;
    }
    d->kind = D_REPLACE;
    if (lstat(path, &lst) != 0) {
        if (errno != ENOENT)
            return fail(err, AG_EIO, path, "cannot write: %s", strerror(errno));
        d->target = strdup(path);
    } else {
        d->st = lst;
        if (S_ISLNK(lst.st_mode) && stat(path, &d->st) != 0)
            return fail(err, AG_EIO, path, "cannot write: %s",
                        errno == ENOENT ? "dangling symbolic link" : strerror(errno));
        d->exists = 1;
        if (have_out1 && same_file(&d->st, out1)) {
            d->kind = D_STDOUT;
            return AG_OK;
        }
        if (S_ISDIR(d->st.st_mode))
            return fail(err, AG_EIO, path, "cannot write: %s", strerror(EISDIR));
        if (!S_ISREG(d->st.st_mode)) {
            d->kind = D_INPLACE;
            return AG_OK;
        }
        d->target = S_ISLNK(lst.st_mode) ? realpath(path, NULL) : strdup(path);
        if (!d->target && errno != ENOMEM)
            return fail(err, AG_EIO, path, "cannot write: %s", strerror(errno));
    }
    if (!d->target || !(d->dir = dir_of(d->target)))
        return fail(err, AG_ENOMEM, path, "out of memory");
    if (stat(d->dir, &d->dst) != 0)
        return fail(err, AG_EIO, path, "cannot write: %s", strerror(errno));
    if (!S_ISDIR(d->dst.st_mode))
        return fail(err, AG_EIO, path, "cannot write: %s", strerror(ENOTDIR));
    if (access(d->dir, W_OK | X_OK) != 0)
        return fail(err, AG_EIO, path, "cannot write: %s", strerror(errno));
    /* in a sticky directory (/tmp) only the owner of a file or of the
       directory may replace it */
    if (d->exists && (d->dst.st_mode & S_ISVTX) && geteuid() != 0 &&
        d->st.st_uid != geteuid() && d->dst.st_uid != geteuid())
        return fail(err, AG_EIO, path, "cannot write: %s", strerror(EPERM));
    return AG_OK;
}

/* Writes one output to a fresh temporary next to its target; *slot holds
 * the temporary's malloc'd name from before the file exists. */
static ag_status write_temp(const ag_output *o, const dest *d, char **slot, ag_error *err)
{
    size_t n = strlen(d->target) + 16;
    char *name = malloc(n);
    struct stat tst;
    int fd = -1;
    mode_t mode;

    if (!name)
        return fail(err, AG_ENOMEM, o->path, "out of memory");
    snprintf(name, n, "%s.tmp.XXXXXX", d->target);
    *slot = name;
    fd = mkstemp(name);
    if (fd < 0) {
        int e = errno;
        *slot = NULL;
        free(name);
        return fail(err, AG_EIO, o->path, "cannot write: %s", strerror(e));
    }
    if (d->exists) {
        mode = d->st.st_mode & 07777;
        if (fstat(fd, &tst) == 0 && tst.st_dev != d->st.st_dev) {
            close(fd);
            return fail(err, AG_EIO, o->path,
                        "cannot replace: it is on another file system than its directory "
                        "(a mount point)");
        }
        /* the owner too, where permitted (root, or a group of one's own) */
        if (d->st.st_uid != geteuid() || d->st.st_gid != getegid())
            if (fchown(fd, d->st.st_uid, d->st.st_gid) != 0)
                (void)fchown(fd, (uid_t)-1, d->st.st_gid);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0 || write_all(fd, o->data, o->len) != 0 || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        return fail(err, AG_EIO, o->path, "cannot write: %s", strerror(e));
    }
    if (close(fd) != 0)
        return fail(err, AG_EIO, o->path, "cannot write: %s", strerror(errno));
    return AG_OK;
}

/* Writes one output straight into a device, FIFO or other special file. */
static ag_status write_in_place(const ag_output *o, const dest *d, ag_error *err)
{
    struct stat now;
    int fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, AG_EIO, o->path, "cannot write: %s", strerror(errno));
    if (fstat(fd, &now) != 0 || !same_file(&now, &d->st)) {
        close(fd);
        return fail(err, AG_EIO, o->path, "cannot write: it changed while being written");
    }
    if (write_all(fd, o->data, o->len) != 0) {
        int e = errno;
        close(fd);
        return fail(err, AG_EIO, o->path, "cannot write: %s", strerror(e));
    }
    if (close(fd) != 0)
        return fail(err, AG_EIO, o->path, "cannot write: %s", strerror(errno));
    return AG_OK;
}

typedef struct lock_dir {
    dev_t dev;
    ino_t ino;
    const char *path;
} lock_dir;

static int lock_dir_cmp(const void *pa, const void *pb)
{
    const lock_dir *a = pa, *b = pb;
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino)
        return a->ino < b->ino ? -1 : 1;
    return 0;
}

/* Takes an exclusive flock on each directory of a file to be renamed, in
 * (device, inode) order so that two writers cannot deadlock; fds receives
 * the open descriptors (-1 where a directory cannot be locked: the lock is
 * advisory and best effort). Returns how many were taken. */
static size_t lock_dirs(const dest *ds, size_t n, lock_dir *dirs, int *fds)
{
    size_t k = 0, m = 0;
    for (size_t i = 0; i < n; i++)
        if (ds[i].kind == D_REPLACE)
            dirs[k++] = (lock_dir){ds[i].dst.st_dev, ds[i].dst.st_ino, ds[i].dir};
    qsort(dirs, k, sizeof *dirs, lock_dir_cmp);
    for (size_t i = 0; i < k; i++) {
        if (m > 0 && lock_dir_cmp(&dirs[i], &dirs[m - 1]) == 0)
            continue;
        dirs[m++] = dirs[i];
    }
    for (size_t i = 0; i < m; i++) {
        fds[i] = open(dirs[i].path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fds[i] < 0)
            continue;
        while (flock(fds[i], LOCK_EX) != 0)
            if (errno != EINTR) {
                close(fds[i]);
                fds[i] = -1;
                break;
            }
    }
    return m;
}

ag_status ag_write_outputs(const ag_output *outs, size_t n, const char *mkdir_out,
                           ag_error *err)
{
    ag_write_opts opts = {mkdir_out, NULL, 0};
    return ag_write_outputs_ex(outs, n, &opts, err);
}

ag_status ag_write_outputs_ex(const ag_output *outs, size_t n, const ag_write_opts *opts,
                              ag_error *err)
{
    dest *ds = calloc(n + 1, sizeof *ds);
    char **tmps = calloc(n + 1, sizeof *tmps);
    lock_dir *dirs = calloc(n + 1, sizeof *dirs);
    int *lock_fds = calloc(n + 1, sizeof *lock_fds);
    size_t n_locks = 0;
    struct stat out1;
    int have_out1 = fstat(STDOUT_FILENO, &out1) == 0, held = 0;
    sigset_t hold, old;
    ag_status st = AG_OK;

    if (!ds || !tmps || !dirs || !lock_fds) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (opts && opts->mkdir_out && mkdir(opts->mkdir_out, 0777) != 0 && errno != EEXIST) {
        st = fail(err, AG_EIO, opts->mkdir_out, "cannot create directory: %s", strerror(errno));
        goto cleanup;
    }

    /* 1. every destination checked before anything is written */
    for (size_t i = 0; i < n; i++)
        if ((st = classify(outs[i].path, &out1, have_out1, &ds[i], err)) != AG_OK)
            goto cleanup;
    for (size_t i = 0; opts && i < opts->n_inputs; i++) {
        const char *in = opts->inputs[i];
        struct stat ist;
        if (!in || (strcmp(in, "-") == 0 ? fstat(STDIN_FILENO, &ist) : stat(in, &ist)) != 0 ||
            !S_ISREG(ist.st_mode))
            continue;
        for (size_t j = 0; j < n; j++)
            if (ds[j].exists && same_file(&ds[j].st, &ist)) {
                st = fail(err, AG_EIO, outs[j].path,
                          "cannot write: it is the input %s; nothing written",
                          strcmp(in, "-") == 0 ? "(standard input)" : in);
                goto cleanup;
            }
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i && ds[i].kind == D_REPLACE; j++)
            if (ds[j].kind == D_REPLACE &&
                (ds[i].exists ? ds[j].exists && same_file(&ds[i].st, &ds[j].st)
                              : !ds[j].exists && same_file(&ds[i].dst, &ds[j].dst) &&
                                    strcmp(base_of(ds[i].target), base_of(ds[j].target)) == 0)) {
                st = fail(err, AG_EIO, outs[i].path,
                          "cannot write: the same file is named twice as an output");
                goto cleanup;
            }

    /* 2. temporaries, then special files and standard output */
    live_tmps = tmps;
    live_n = (sig_atomic_t)n;
    for (size_t i = 0; i < n; i++)
        if (ds[i].kind == D_REPLACE &&
            (st = write_temp(&outs[i], &ds[i], &tmps[i], err)) != AG_OK)
            goto cleanup;
    for (size_t i = 0; i < n; i++)
        if (ds[i].kind == D_INPLACE && (st = write_in_place(&outs[i], &ds[i], err)) != AG_OK)
            goto cleanup;
    for (size_t i = 0; i < n; i++) {
        if (ds[i].kind != D_STDOUT)
            continue;
        if (fwrite(outs[i].data, 1, outs[i].len, stdout) != outs[i].len || fflush(stdout) != 0) {
            st = fail(err, AG_EIO, outs[i].path, "cannot write to standard output: %s",
                      strerror(errno));
            goto cleanup;
        }
    }

    /* 3. the renames, as one unit: directories locked, signals held */
    n_locks = lock_dirs(ds, n, dirs, lock_fds);
    sigemptyset(&hold);
    sigaddset(&hold, SIGINT);
    sigaddset(&hold, SIGTERM);
    sigaddset(&hold, SIGHUP);
    sigaddset(&hold, SIGQUIT);
    held = pthread_sigmask(SIG_BLOCK, &hold, &old) == 0;
    for (size_t i = 0; i < n; i++) {
        if (!tmps[i])
            continue;
        if (rename(tmps[i], ds[i].target) != 0) {
            st = fail(err, AG_EIO, outs[i].path, "cannot write: %s", strerror(errno));
            goto cleanup;
        }
        {
            char *t = tmps[i];
            tmps[i] = NULL;
            free(t);
        }
        sync_dir(ds[i].dir);
    }

cleanup:
    if (held)
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    for (size_t i = 0; i < n_locks; i++)
        if (lock_fds[i] >= 0)
            close(lock_fds[i]);
    for (size_t i = 0; tmps && i < n; i++)
        if (tmps[i])
            unlink(tmps[i]);
    live_n = 0;
    live_tmps = NULL;
    for (size_t i = 0; tmps && i < n; i++)
        free(tmps[i]);
    for (size_t i = 0; ds && i < n; i++) {
        free(ds[i].target);
        free(ds[i].dir);
    }
    free(ds);
    free(tmps);
    free(dirs);
    free(lock_fds);
    return st;
}
