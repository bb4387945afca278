#include "formats/jsonpos.h"

#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "core/text.h"

typedef struct scan {
    const char *s;
    size_t len, i;
    int line, col;
    char *path;            /* current JSON pointer */
    size_t path_len, path_cap;
    ag_strmap *wanted;     /* pointer -> index of its first query */
    ag_jsonpos_query *q;
    int oom;
} scan;

static void advance(scan *sc)
{
    unsigned char c = (unsigned char)sc->s[sc->i++];
    if (c == '\n') {
        sc->line++;
        sc->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        sc->col++;
    }
    /* a continuation byte belongs to the character already counted */
    while (sc->i < sc->len && ((unsigned char)sc->s[sc->i] & 0xC0) == 0x80)
        sc->i++;
}

static void skip_ws(scan *sc)
{
    while (sc->i < sc->len && strchr(" \t\r\n", sc->s[sc->i]) && sc->s[sc->i])
        advance(sc);
}

static int path_append(scan *sc, const char *seg, size_t n)
{
    size_t need = sc->path_len + 1 + 2 * n + 1;
    if (need > sc->path_cap) {
        size_t cap = sc->path_cap ? sc->path_cap : 64;
        char *p;
        while (cap < need)
            cap *= 2;
        p = realloc(sc->path, cap);
        if (!p) {
            sc->oom = 1;
            return -1;
        }
        sc->path = p;
        sc->path_cap = cap;
    }
    sc->path[sc->path_len++] = '/';
    for (size_t k = 0; k < n; k++) {
        if (seg[k] == '~') {
            sc->path[sc->path_len++] = '~';
            sc->path[sc->path_len++] = '0';
        } else if (seg[k] == '/') {
            sc->path[sc->path_len++] = '~';
            sc->path[sc->path_len++] = '1';
        } else {
            sc->path[sc->path_len++] = seg[k];
        }
    }
    sc->path[sc->path_len] = '\0';
    return 0;
}

static unsigned long hex4(const char *p)
{
    unsigned long v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        v = v * 16 + (unsigned long)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* Scans a string token; when out is not NULL, decodes it there (out must
 * hold the token's byte length) and sets *out_len. */
static void scan_string(scan *sc, char *out, size_t *out_len)
{
    size_t n = 0;
    advance(sc); /* opening quote */
    while (sc->i < sc->len && sc->s[sc->i] != '"') {
        if (sc->s[sc->i] == '\\') {
            char e = sc->s[sc->i + 1];
            if (e == 'u') {
                unsigned long cp = hex4(sc->s + sc->i + 2);
                for (int k = 0; k < 6; k++)
                    advance(sc);
                if (cp >= 0xD800 && cp < 0xDC00 && sc->s[sc->i] == '\\') {
                    unsigned long lo = hex4(sc->s + sc->i + 2);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    for (int k = 0; k < 6; k++)
                        advance(sc);
                }
                if (out)
                    n += ag__utf8_put(cp, out + n);
                continue;
            }
            if (out) {
                const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
                const char *f = strchr(from, e);
                out[n++] = f ? to[f - from] : e;
            }
            advance(sc);
            advance(sc);
            continue;
        }
        if (out) {
            size_t start = sc->i;
            advance(sc);
            memcpy(out + n, sc->s + start, sc->i - start);
            n += sc->i - start;
        } else {
            advance(sc);
        }
    }
    advance(sc); /* closing quote */
    if (out_len)
        *out_len = n;
}

static void scan_value(scan *sc);

static void record(scan *sc)
{
    size_t idx;
    if (ag_strmap_get(sc->wanted, sc->path, &idx)) {
        sc->q[idx].line = sc->line;
        sc->q[idx].column = sc->col;
    }
}

static void scan_container(scan *sc, int is_object)
{
    size_t index = 0, saved = sc->path_len;
    char close = is_object ? '}' : ']';
    advance(sc);
    skip_ws(sc);
    while (!sc->oom && sc->i < sc->len && sc->s[sc->i] != close) {
        if (is_object) {
            /* a key decodes to at most its own byte length */
            size_t end = sc->i + 1, klen = 0;
            char *key;
            while (end < sc->len && sc->s[end] != '"')
                end += sc->s[end] == '\\' ? 2 : 1;
            key = malloc(end - sc->i + 1);
            if (!key) {
                sc->oom = 1;
                return;
            }
            scan_string(sc, key, &klen);
            skip_ws(sc);
            advance(sc); /* ':' */
            skip_ws(sc);
            if (path_append(sc, key, klen) != 0) {
                free(key);
                return;
            }
            free(key);
        } else {
            char num[32];
            int k = 0;
            size_t v = index;
            do {
                num[k++] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            for (int a = 0, b = k - 1; a < b; a++, b--) {
                char t = num[a];
                num[a] = num[b];
                num[b] = t;
            }
            if (path_append(sc, num, (size_t)k) != 0)
                return;
        }
        scan_value(sc);
        sc->path_len = saved;
        sc->path[saved] = '\0';
        index++;
        skip_ws(sc);
        if (sc->i < sc->len && sc->s[sc->i] == ',') {
            advance(sc);
            skip_ws(sc);
        }
    }
    advance(sc);
}

static void scan_value(scan *sc)
{
    char c;
    skip_ws(sc);
    if (sc->i >= sc->len)
        return;
    record(sc);
    c = sc->s[sc->i];
    if (c == '{' || c == '[') {
        scan_container(sc, c == '{');
    } else if (c == '"') {
        scan_string(sc, NULL, NULL);
    } else {
        /* strchr finds a NUL byte too: test it apart, so a NUL (which
           jansson takes for the end of a number) is passed over, not
           stalled on */
        while (sc->i < sc->len && (!sc->s[sc->i] || !strchr(",}] \t\r\n", sc->s[sc->i])))
            advance(sc);
    }
}

int ag_jsonpos_locate(const char *text, size_t len, ag_jsonpos_query *q, size_t n)
{
    scan sc = {0};
    int rc = -1;
    for (size_t k = 0; k < n; k++)
        q[k].line = q[k].column = 0;
    if (n == 0)
        return 0;
    sc.s = text;
    sc.len = len;
    sc.line = 1;
    sc.col = 1;
    sc.q = q;
    sc.wanted = ag_strmap_new(n);
    sc.path = malloc(64);
    if (!sc.wanted || !sc.path)
        goto cleanup;
    sc.path_cap = 64;
    sc.path[0] = '\0';
    for (size_t k = 0; k < n; k++)
        if (ag_strmap_put(sc.wanted, q[k].pointer, k, NULL) < 0)
            goto cleanup;
    scan_value(&sc);
    if (sc.oom)
        goto cleanup;
    /* queries that repeat a pointer share the first one's position */
    for (size_t k = 0; k < n; k++) {
        size_t first;
        if (ag_strmap_get(sc.wanted, q[k].pointer, &first) && first != k) {
            q[k].line = q[first].line;
            q[k].column = q[first].column;
        }
    }
    rc = 0;
cleanup:
    ag_strmap_free(sc.wanted);
    free(sc.path);
    return rc;
}
