/* What the flat formats (GraphML, GML) share: numbers written to read back
 * exactly, and one type per actor attribute across all actors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

/* The fewest digits p (1 to 17) for which "%.*g" reads back to v, by
 * trying them all (binary search: if p digits read back, so do p + 1). */
static int digits_by_search(char *buf, size_t size, double v)
{
    int lo = 1, hi = 17; /* 17 digits always read back */
    while (lo < hi) {
        int p = (lo + hi) / 2;
        snprintf(buf, size, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            hi = p;
        else
            lo = p + 1;
    }
    return lo;
}

void ag__real_shortest(char *buf, size_t size, double v)
{
    const char *e;
    int p;
    if (v != 0 && !isnormal(v)) {
        /* subnormal, infinite or NaN: fewer digits than 15 may hold
           there, the argument below needs a full 53-bit mantissa */
        p = digits_by_search(buf, size, v);
        snprintf(buf, size, "%.*g", p, v);
    } else if (snprintf(buf, size, "%.15g", v), strtod(buf, NULL) != v) {
        /* no p <= 15 reads back (the argument below, turned round) */
        snprintf(buf, size, "%.16g", v);
        if (strtod(buf, NULL) != v)
            snprintf(buf, size, "%.17g", v);
    }
    /* Else "%.15g" reads back, and is the text "%.*g" has with the fewest
       digits p that do. If p digits read back, v lies within half a unit
       of its last place (at most 2^-53 of v) of that p-digit decimal d,
       much less than half the spacing of 15-digit decimals (at least
       5e-16 of v), so "%.15g" rounds v to d too; "%g" drops the trailing
       zeros, so both write d's p digits alike, with the same exponent. The
       two differ only in style when p <= exponent < 15 (1e+02 against
       100), which the rule below writes as "%.15g" does.

       Whole numbers below 1e17 without an exponent, as "%.17g" has them:
       100, not 1e+02. */
    if ((e = strchr(buf, 'e')) != NULL && e[1] == '+') {
        int x = atoi(e + 2);
        if (x < 17)
            snprintf(buf, size, "%.*g", x + 1, v);
    }
}

/* A double that reads back exactly, in the fewest digits, and always looks
 * like a real. */
void ag__flat_real(ag_sbuf *t, double v)
{
    char buf[40], *e;
    ag__real_shortest(buf, sizeof buf - 2, v);
    if (strpbrk(buf, ".n")) {
        ag__sb_puts(t, buf);
        return;
    }
    /* a mantissa without a point ("8e-05"): GML readers (networkx) want one */
    e = strchr(buf, 'e');
    ag__sb_add(t, buf, e ? (size_t)(e - buf) : strlen(buf));
    ag__sb_puts(t, ".0");
    if (e)
        ag__sb_puts(t, e);
}

static int cmp_flat(const void *a, const void *b)
{
    return strcmp(((const ag_flat_key *)a)->name, ((const ag_flat_key *)b)->name);
}

ag_flat_type ag__flat_type_of(const json_t *v)
{
    if (json_is_string(v))
        return FLAT_STRING;
    if (json_is_integer(v))
        return FLAT_INT;
    if (json_is_number(v))
        return FLAT_DOUBLE;
    if (json_is_boolean(v))
        return FLAT_BOOL;
    return FLAT_JSON;
}

/* The attribute names used by any actor, sorted, each with the one type
 * all its values share, or FLAT_JSON when they differ or are not scalars. */
ag_flat_key *ag__flat_keys(const ag_graph *g, size_t *n)
{
    size_t cap = 16, k = 0;
    ag_flat_key *keys = malloc(cap * sizeof *keys);
    if (!keys)
        return NULL;
    for (size_t i = 0; i < g->n_actors; i++) {
        const char *name;
        json_t *v;
        json_object_foreach(g->actors[i].attributes, name, v) {
            if (k == cap) {
                ag_flat_key *p = realloc(keys, 2 * cap * sizeof *keys);
                if (!p) {
                    free(keys);
                    return NULL;
                }
                keys = p;
                cap *= 2;
            }
            keys[k++] = (ag_flat_key){name, ag__flat_type_of(v)};
        }
    }
    qsort(keys, k, sizeof *keys, cmp_flat);
    *n = 0;
    for (size_t i = 0; i < k; i++) {
        if (*n > 0 && strcmp(keys[*n - 1].name, keys[i].name) == 0) {
            ag_flat_type a = keys[*n - 1].type, b = keys[i].type;
            if ((a == FLAT_INT && b == FLAT_DOUBLE) || (a == FLAT_DOUBLE && b == FLAT_INT))
                keys[*n - 1].type = FLAT_DOUBLE; /* integers and reals: all reals */
            else if (a != b)
                keys[*n - 1].type = FLAT_JSON;
            continue;
        }
        keys[(*n)++] = keys[i];
    }
    return keys;
}

char *ag__flat_dump(const json_t *v)
{
    return ag__json_dump(v, JSON_COMPACT);
}

