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

/* For a normal v with |v| in [1e-8, 1e15): 1 with "%.15g" of v in buf,
 * written without printf, when some decimal of at most 15 significant
 * digits reads back to v; 0 when none does; -1 when it cannot tell (|v|
 * out of that range, or at a power of ten). With k = 14 - X (X: v's
 * decimal exponent, so 0 <= k <= 22), |v| * 10^k rounded is within one of
 * the 15 digits of the nearest 15-digit decimal; a candidate m < 2^53 and
 * 10^k are exact doubles, so m / 10^k is the exact quotient correctly
 * rounded, as strtod rounds the decimal m * 10^-k: it is v exactly when
 * that decimal reads back. At most one 15-digit decimal reads back to a
 * double, so a candidate that does is the one "%.15g" writes. */
static int shortest15(char *buf, size_t size, double v)
{
    static const double tens[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double a = fabs(v), m;
    char digits[16], out[40];
    int x, k, p = 15, n = 0, found = 0;
    long long q;
    if (!(a >= 1e-8 && a < 1e15))
        return -1;
    x = (int)floor(log10(a));
    for (int tries = 0;; tries++) {
        if (x < -8 || x > 14 || tries > 2)
            return -1;
        k = 14 - x;
        m = nearbyint(a * tens[k]);
        if (m >= 1e15)
            x++;
        else if (m < 1e14)
            x--;
        else
            break;
    }
    for (int d = 0; d < 3 && !found; d++) {
        double c = d == 0 ? m : d == 1 ? m - 1 : m + 1;
        if (c < 1e14 || c >= 1e15)
            return -1; /* the candidates cross a power of ten */
        if (c / tens[k] == a) {
            m = c;
            found = 1;
        }
    }
    if (!found)
        return 0;
    q = (long long)m;
    for (int i = 14; i >= 0; i--, q /= 10)
        digits[i] = (char)('0' + q % 10);
    while (p > 1 && digits[p - 1] == '0')
        p--; /* "%g" drops trailing zeros */
    if (v < 0)
        out[n++] = '-';
    if (x < -4) {
        out[n++] = digits[0];
        if (p > 1) {
            out[n++] = '.';
            memcpy(out + n, digits + 1, (size_t)p - 1);
            n += p - 1;
        }
        out[n++] = 'e';
        out[n++] = '-';
        out[n++] = (char)('0' + -x / 10);
        out[n++] = (char)('0' + -x % 10); /* -x is 5 to 8 */
    } else if (x >= 0) {
        for (int i = 0; i <= x; i++)
            out[n++] = i < p ? digits[i] : '0';
        if (p > x + 1) {
            out[n++] = '.';
            memcpy(out + n, digits + x + 1, (size_t)(p - x - 1));
            n += p - x - 1;
        }
    } else {
        out[n++] = '0';
        out[n++] = '.';
        for (int i = 0; i < -x - 1; i++)
            out[n++] = '0';
        memcpy(out + n, digits, (size_t)p);
        n += p;
    }
    out[n] = '\0';
    if ((size_t)n >= size)
        return -1;
    memcpy(buf, out, (size_t)n + 1);
    return 1;
}

void ag__real_shortest(char *buf, size_t size, double v)
{
    const char *e;
    int p, fast = v != 0 && isnormal(v) ? shortest15(buf, size, v) : -1;
    if (fast == 1)
        return; /* below 1e15: no exponent to rewrite */
    if (fast == 0) {
        /* no p <= 15 reads back */
        snprintf(buf, size, "%.16g", v);
        if (strtod(buf, NULL) != v)
            snprintf(buf, size, "%.17g", v);
    } else if (v != 0 && !isnormal(v)) {
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

