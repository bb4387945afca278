/* Error records and diagnostic lists. */
#include "actorgraph/error.h"

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
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        ag_error *items = realloc(d->items, cap * sizeof *items);
        if (!items)
            return AG_ENOMEM;
        d->items = items;
        d->cap = cap;
    }
    d->items[d->count++] = *e;
    if (e->severity == AG_SEV_WARNING)
        d->warnings++;
    else
        d->errors++;
    return AG_OK;
}

/* Stable insertion sort on (line, column): lists are short and mostly in
 * order already, so this is linear in practice. Problems without a line
 * keep their place relative to each other and go after located ones. */
static long position_key(const ag_error *e)
{
    if (e->line <= 0)
        return -1;
    return (long)e->line * 100000L + (e->column > 0 ? e->column : 0);
}

static int before(const ag_error *a, const ag_error *b)
{
    long ka = position_key(a), kb = position_key(b);
    if (ka < 0 || kb < 0)
        return ka >= 0 && kb < 0;
    return ka < kb;
}

void ag_diags_sort(ag_diags *d)
{
    for (size_t i = 1; i < d->count; i++) {
        ag_error tmp = d->items[i];
        size_t j = i;
        while (j > 0 && before(&tmp, &d->items[j - 1])) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = tmp;
    }
}
