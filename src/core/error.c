/* Error records and diagnostic lists. */
#include "actorgraph/error.h"
#include "actorgraph/limits.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ag_error_clear(ag_error *e)
{
    if (e)
        memset(e, 0, sizeof *e);
}

ag_status ag_error_set(ag_error *e, ag_status code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        e->code = code;
        e->severity = AG_SEV_ERROR;
        va_start(ap, fmt);
        vsnprintf(e->message, sizeof e->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

const char *ag_status_str(ag_status code)
{
    switch (code) {
    case AG_OK: return "success";
    case AG_ENOMEM: return "out of memory";
    case AG_EIO: return "input/output error";
    case AG_EPARSE: return "syntax error";
    case AG_EINVALID: return "invalid graph";
    case AG_EARG: return "invalid argument";
    case AG_EGRAPH: return "graph computation failed";
    case AG_ERENDER: return "rendering failed";
    }
    return "unknown error";
}

void ag_diags_init(ag_diags *d)
{
    memset(d, 0, sizeof *d);
}

void ag_diags_destroy(ag_diags *d)
{
    if (!d)
        return;
    free(d->items);
    memset(d, 0, sizeof *d);
}

ag_status ag_diags_push(ag_diags *d, const ag_error *e)
{
    if (e->severity == AG_SEV_WARNING)
        d->warnings++;
    else
        d->errors++;
    if (d->count >= AG_MAX_DIAGNOSTICS) {
        if (e->severity == AG_SEV_WARNING)
            d->dropped_warnings++;
        d->dropped++;
        return AG_OK;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        ag_error *items = realloc(d->items, cap * sizeof *items);
        if (!items)
            return AG_ENOMEM;
        d->items = items;
        d->cap = cap;
    }
    d->items[d->count++] = *e;
    return AG_OK;
}

/* Stable sort on (line, column) through qsort on (position, sequence):
 * problems without a line keep their place relative to each other and go
 * after located ones. */
typedef struct sort_entry {
    const ag_error *e;
    size_t seq;
} sort_entry;

static int cmp_entries(const void *x, const void *y)
{
    const sort_entry *a = x, *b = y;
    int la = a->e->line > 0, lb = b->e->line > 0;
    if (la != lb)
        return la ? -1 : 1;
    if (la) {
        int ca = a->e->column > 0 ? a->e->column : 0, cb = b->e->column > 0 ? b->e->column : 0;
        if (a->e->line != b->e->line)
            return a->e->line < b->e->line ? -1 : 1;
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void ag_diags_sort(ag_diags *d)
{
    sort_entry *idx;
    ag_error *out;
    if (d->count < 2)
        return;
    idx = malloc(d->count * sizeof *idx);
    out = malloc(d->count * sizeof *out);
    if (!idx || !out) {
        /* the order is a courtesy: unsorted problems are still all there */
        free(idx);
        free(out);
        return;
    }
    for (size_t i = 0; i < d->count; i++)
        idx[i] = (sort_entry){&d->items[i], i};
    qsort(idx, d->count, sizeof *idx, cmp_entries);
    for (size_t i = 0; i < d->count; i++)
        out[i] = *idx[i].e;
    free(idx);
    free(d->items);
    d->items = out;
    d->cap = d->count;
}

ag_status ag_diags_summarize(ag_diags *d, const char *file)
{
    ag_error e;
    size_t dropped = d->dropped, warnings = d->dropped_warnings;
    if (dropped == 0)
        return AG_OK;
    memset(&e, 0, sizeof e);
    e.code = warnings == dropped ? AG_OK : AG_EINVALID;
    e.severity = warnings == dropped ? AG_SEV_WARNING : AG_SEV_ERROR;
    snprintf(e.file, sizeof e.file, "%s", file ? file : "");
    snprintf(e.message, sizeof e.message,
             "%zu more problem%s not shown (%zu error%s, %zu warning%s; only the first %u are "
             "listed)",
             dropped, dropped == 1 ? "" : "s", dropped - warnings,
             dropped - warnings == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
             (unsigned)AG_MAX_DIAGNOSTICS);
    if (d->count == d->cap) {
        ag_error *items = realloc(d->items, (d->cap + 1) * sizeof *items);
        if (!items)
            return AG_ENOMEM;
        d->items = items;
        d->cap++;
    }
    d->items[d->count++] = e;
    d->dropped = d->dropped_warnings = 0;
    return AG_OK;
}
