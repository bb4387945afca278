/* Source maps: JSON pointers of an imported document -> places in the file. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"
#include "core/strmap.h"

typedef struct entry {
    char *pointer, *where, *file;
    int line, column;
} entry;

struct ag_srcmap {
    entry *items;
    size_t n, cap;
    ag_strmap *index;
};

ag_srcmap *ag_srcmap_new(void)
{
    ag_srcmap *m = calloc(1, sizeof *m);
    if (m && !(m->index = ag_strmap_new(64))) {
        free(m);
        return NULL;
    }
    return m;
}

void ag_srcmap_free(ag_srcmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->items[i].pointer);
        free(m->items[i].where);
        free(m->items[i].file);
    }
    free(m->items);
    ag_strmap_free(m->index);
    free(m);
}

int ag_srcmap_add(ag_srcmap *m, const char *pointer, int line, int column, const char *where)
{
    return ag_srcmap_add_in(m, NULL, pointer, line, column, where);
}

int ag_srcmap_add_in(ag_srcmap *m, const char *file, const char *pointer, int line, int column,
                     const char *where)
{
    entry *e;
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        entry *p = realloc(m->items, cap * sizeof *p);
        if (!p)
            return -1;
        /* the index borrows the pointers' strings, which do not move */
        m->items = p;
        m->cap = cap;
    }
    e = &m->items[m->n];
    e->pointer = strdup(pointer);
    e->where = where ? strdup(where) : NULL;
    e->file = file ? strdup(file) : NULL;
    e->line = line;
    e->column = column;
    if (!e->pointer || (where && !e->where) || (file && !e->file) ||
        ag_strmap_put(m->index, e->pointer, m->n, NULL) < 0) {
        free(e->pointer);
        free(e->where);
        free(e->file);
        return -1;
    }
    m->n++;
    return 0;
}

/* The entry for pointer or, failing that, for its nearest ancestor. */
static const entry *find(const ag_srcmap *m, const char *pointer)
{
    char buf[256];
    size_t v;
    snprintf(buf, sizeof buf, "%s", pointer);
    for (;;) {
        char *slash;
        if (ag_strmap_get(m->index, buf, &v))
            return &m->items[v];
        slash = strrchr(buf, '/');
        if (!slash)
            return NULL;
        *slash = '\0';
    }
}

/* Rewrites JSON pointers quoted inside a message ("duplicate of
 * /relations/2") as the places the map knows them by ("row 3"). */
static void rewrite_message(const ag_srcmap *m, char *msg, size_t size)
{
    char out[sizeof((ag_error *)0)->message];
    size_t o = 0;
    for (const char *p = msg; *p && o + 1 < sizeof out;) {
        if (*p == '/' && (strncmp(p, "/relations/", 11) == 0 || strncmp(p, "/actors/", 8) == 0)) {
            char ptr[64];
            size_t n = strcspn(p, " ),;");
            size_t v;
            if (n < sizeof ptr) {
                memcpy(ptr, p, n);
                ptr[n] = '\0';
                if (ag_strmap_get(m->index, ptr, &v) && m->items[v].where) {
                    o += (size_t)snprintf(out + o, sizeof out - o, "%s", m->items[v].where);
                    if (o >= sizeof out)
                        o = sizeof out - 1;
                    p += n;
                    continue;
                }
            }
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
    snprintf(msg, size, "%s", out);
}

/* Locates the problems from index `from` on through the map. */
void ag__srcmap_locate(const ag_srcmap *m, ag_diags *d, size_t from);
void ag__srcmap_locate(const ag_srcmap *m, ag_diags *d, size_t from)
{
    for (size_t i = from; i < d->count; i++) {
        ag_error *e = &d->items[i];
        const entry *hit = find(m, e->pointer);
        if (!hit)
            continue;
        e->line = hit->line;
        e->column = hit->column;
        if (hit->where)
            snprintf(e->pointer, sizeof e->pointer, "%s", hit->where);
        if (hit->file)
            snprintf(e->file, sizeof e->file, "%s", hit->file);
        rewrite_message(m, e->message, sizeof e->message);
    }
}

ag_status ag__diag(ag_diags *d, ag_severity sev, const char *file, int line, int column,
                   const char *where, const char *fmt, ...)
{
    ag_error e;
    va_list ap;
    memset(&e, 0, sizeof e);
    e.code = sev == AG_SEV_ERROR ? AG_EPARSE : AG_OK;
    e.severity = sev;
    snprintf(e.file, sizeof e.file, "%s", file);
    e.line = line;
    e.column = column;
    if (where)
        snprintf(e.pointer, sizeof e.pointer, "%s", where);
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    return ag_diags_push(d, &e);
}

int ag__decimal(const char *s, double *v)
{
    char *end;
    if (!*s || s[strspn(s, "0123456789+-.eE")] != '\0')
        return 0;
    *v = strtod(s, &end);
    return *end == '\0' && isfinite(*v);
}

void ag__diags_mark_skipped(ag_diags *d, size_t from)
{
    for (size_t k = d->count; k > from; k--) {
        ag_error *e = &d->items[k - 1];
        size_t n;
        if (e->severity != AG_SEV_ERROR)
            continue;
        n = strlen(e->message);
        if (n + 1 + sizeof AG__CHECKS_SKIPPED <= sizeof e->message)
            snprintf(e->message + n, sizeof e->message - n, " %s", AG__CHECKS_SKIPPED);
        return;
    }
}
