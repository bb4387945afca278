/* Reading GML: a hand-written parser turns the text into a tree of
 * `key value` items, then the tree becomes a version-1 document. Reads back
 * everything the GML export writes, and GML from networkx and igraph. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"
#include "text.h"

/* Deeper lists are refused rather than risk the stack. */
#define MAX_DEPTH 200

typedef enum { V_INT, V_REAL, V_STRING, V_LIST } vtype;

/* One `key value` pair, placed at its key; a list's value is its items. */
typedef struct item {
    char *key;
    int line, col;
    vtype type;
    json_int_t i;
    double r;
    char *s; /* V_STRING: UTF-8, NUL-terminated, slen bytes */
    size_t slen;
    struct item *kids;
    size_t n, cap;
} item;

static void free_items(item *it)
{
    for (size_t k = 0; k < it->n; k++)
        free_items(&it->kids[k]);
    free(it->kids);
    free(it->key);
    free(it->s);
}

/* ---- text helpers ----------------------------------------------------------- */

/* The code point of the character reference whose body (between '&' and
 * ';') is name[0..n), or 0 when it is not one this reader knows. */
static unsigned long char_ref(const char *name, size_t n)
{
    static const struct {
        const char *name;
        char c;
    } named[] = {{"amp", '&'}, {"quot", '"'}, {"lt", '<'}, {"gt", '>'}, {"apos", '\''}};
    unsigned long c = 0;
    int hex;
    size_t k;
    for (k = 0; k < sizeof named / sizeof *named; k++)
        if (strlen(named[k].name) == n && memcmp(named[k].name, name, n) == 0)
            return (unsigned char)named[k].c;
    if (n < 2 || name[0] != '#')
        return 0;
    hex = name[1] == 'x' || name[1] == 'X';
    k = hex ? 2 : 1;
    if (k == n || n - k > 8)
        return 0;
    for (; k < n; k++) {
        char d = name[k];
        if (d >= '0' && d <= '9')
            c = c * (hex ? 16 : 10) + (unsigned long)(d - '0');
        else if (hex && d >= 'a' && d <= 'f')
            c = c * 16 + (unsigned long)(d - 'a' + 10);
        else if (hex && d >= 'A' && d <= 'F')
            c = c * 16 + (unsigned long)(d - 'A' + 10);
        else
            return 0;
    }
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return c;
}

/* The string's text (raw[0..n), UTF-8) with character references decoded;
 * an unknown or malformed reference stays as written. NULL when out of
 * memory. The result is never longer than raw. */
static char *decode_refs(const char *raw, size_t n, size_t *out_len)
{
    char *out = malloc(n + 1), *o = out;
    size_t k = 0;
    if (!out)
        return NULL;
    while (k < n) {
        if (raw[k] == '&') {
            const char *semi = memchr(raw + k + 1, ';', n - k - 1 < 12 ? n - k - 1 : 12);
            unsigned long c = semi ? char_ref(raw + k + 1, (size_t)(semi - raw - k - 1)) : 0;
            if (c) {
                o += ag__utf8_put(c, o);
                k = (size_t)(semi - raw) + 1;
                continue;
            }
        }
        *o++ = raw[k++];
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* s as a JSON string, read as ISO-8859-1 when it is not UTF-8; NULL when
 * out of memory. */
static json_t *text_json(const char *s)
{
    size_t n = strlen(s);
    char *latin;
    json_t *v;
    if (ag__utf8_valid(s, n))
        return json_stringn(s, n);
    if (!(latin = ag__latin1_to_utf8(s, n, &n)))
        return NULL;
    v = json_stringn(latin, n);
    free(latin);
    return v;
}

/* ---- the lexer and parser ------------------------------------------------- */

typedef struct lexer {
    const char *p, *end;
    int line, col; /* of p; columns count characters */
    const char *display;
    ag_diags *diags;
    int latin1_warned;
} lexer;

static void advance(lexer *lx)
{
    if (*lx->p == '\n') {
        lx->line++;
        lx->col = 1;
        lx->p++;
        return;
    }
    lx->p++;
    if (lx->p >= lx->end || ((unsigned char)*lx->p & 0xC0) != 0x80)
        lx->col++;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_key_char(char c)
{
    return is_alpha(c) || is_digit(c) || c == '_';
}

/* True at the end of a value: end of text, white space, a bracket, a
 * quote or a comment. */
static int at_delimiter(const lexer *lx)
{
    char c;
    if (lx->p >= lx->end)
        return 1;
    c = *lx->p;
    return is_space(c) || c == '[' || c == ']' || c == '"' || c == '#';
}

static void skip_space(lexer *lx)
{
    while (lx->p < lx->end) {
        if (is_space(*lx->p)) {
            advance(lx);
        } else if (*lx->p == '#') {
            while (lx->p < lx->end && *lx->p != '\n')
                advance(lx);
        } else {
            break;
        }
    }
}

/* Reports a syntax error; AG_EPARSE, or AG_ENOMEM when it cannot. */
static ag_status syntax(lexer *lx, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static ag_status syntax(lexer *lx, int line, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (ag__diag(lx->diags, AG_SEV_ERROR, lx->display, line, col, NULL, "%s", msg) != AG_OK)
        return AG_ENOMEM;
    return AG_EPARSE;
}

/* The character at p quoted for a message. */
static void describe(const lexer *lx, char *buf, size_t size)
{
    const unsigned char *p = (const unsigned char *)lx->p;
    size_t k = ag__utf8_seq(p, (size_t)(lx->end - lx->p));
    if (k > 1 || (k == 1 && *p >= 0x20 && *p < 0x7F))
        snprintf(buf, size, "character '%.*s'", (int)k, lx->p);
    else
        snprintf(buf, size, "byte 0x%02X", *p);
}

/* True when the word at p (after an optional sign) is an infinity or a
 * NaN as networkx writes them; *n gets its length. */
static int special_real(const lexer *lx, size_t *n)
{
    static const char *const words[] = {"infinity", "inf", "nan"};
    const char *p = lx->p;
    size_t k = 0, sign = p < lx->end && (*p == '+' || *p == '-');
    while (p + sign + k < lx->end && is_alpha(p[sign + k]))
        k++;
    if (p + sign + k < lx->end && !is_space(p[sign + k]) && p[sign + k] != ']' &&
        p[sign + k] != '#')
        return 0;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t m = strlen(words[w]), j;
        if (m != k)
            continue;
        for (j = 0; j < m; j++)
            if ((p[sign + j] | 0x20) != words[w][j])
                break;
        if (j == m) {
            *n = sign + k;
            return 1;
        }
    }
    return 0;
}

static ag_status lex_string(lexer *lx, item *it)
{
    int line = lx->line, col = lx->col;
    const char *raw;
    char *latin = NULL;
    size_t n;

    advance(lx);
    raw = lx->p;
    while (lx->p < lx->end && *lx->p != '"')
        advance(lx);
    if (lx->p >= lx->end)
        return syntax(lx, line, col, "unterminated string");
    n = (size_t)(lx->p - raw);
    advance(lx);
    if (!ag__utf8_valid(raw, n)) {
        /* the GML specification's character set */
        if (!lx->latin1_warned) {
            if (ag__diag(lx->diags, AG_SEV_WARNING, lx->display, line, col, NULL,
                         "string is not UTF-8 (read as ISO-8859-1, as are any others)") !=
                AG_OK)
                return AG_ENOMEM;
            lx->latin1_warned = 1;
        }
        latin = ag__latin1_to_utf8(raw, n, &n);
        if (!latin)
            return AG_ENOMEM;
        raw = latin;
    }
    it->type = V_STRING;
    it->s = decode_refs(raw, n, &it->slen);
    free(latin);
    return it->s ? AG_OK : AG_ENOMEM;
}

static ag_status lex_number(lexer *lx, item *it)
{
    int line = lx->line, col = lx->col, real = 0;
    const char *start = lx->p;
    size_t digits = 0, n;
    char *end;

    if (special_real(lx, &n)) {
        for (size_t k = 0; k < n; k++)
            advance(lx);
        it->type = V_STRING;
        it->slen = n;
        it->s = strndup(start, n);
        return it->s ? AG_OK : AG_ENOMEM;
    }
    if (*lx->p == '+' || *lx->p == '-')
        advance(lx);
    for (; lx->p < lx->end && is_digit(*lx->p); advance(lx))
        digits++;
    if (lx->p < lx->end && *lx->p == '.') {
        real = 1;
        advance(lx);
        for (; lx->p < lx->end && is_digit(*lx->p); advance(lx))
            digits++;
    }
    if (digits > 0 && lx->p < lx->end && (*lx->p == 'e' || *lx->p == 'E')) {
        size_t exp = 0;
        real = 1;
        advance(lx);
        if (lx->p < lx->end && (*lx->p == '+' || *lx->p == '-'))
            advance(lx);
        for (; lx->p < lx->end && is_digit(*lx->p); advance(lx))
            exp++;
        if (exp == 0)
            digits = 0;
    }
    if (digits == 0 || !at_delimiter(lx)) {
        while (!at_delimiter(lx))
            advance(lx);
        return syntax(lx, line, col, "bad number \"%.*s\"", (int)(lx->p - start), start);
    }
    it->s = strndup(start, (size_t)(lx->p - start));
    if (!it->s)
        return AG_ENOMEM;
    if (!real) {
        errno = 0;
        it->i = (json_int_t)strtoll(it->s, &end, 10);
        if (errno != ERANGE) {
            it->type = V_INT;
            free(it->s);
            it->s = NULL;
            return AG_OK;
        }
    }
    it->r = strtod(it->s, &end);
    if (!isfinite(it->r)) {
        /* too large for a double: the text, for the checker to refuse */
        it->type = V_STRING;
        it->slen = strlen(it->s);
        return AG_OK;
    }
    it->type = V_REAL;
    free(it->s);
    it->s = NULL;
    return AG_OK;
}

static item *push_item(item *list)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? 2 * list->cap : 8;
        item *p = realloc(list->kids, cap * sizeof *p);
        if (!p)
            return NULL;
        list->kids = p;
        list->cap = cap;
    }
    memset(&list->kids[list->n], 0, sizeof *list->kids);
    return &list->kids[list->n++];
}

/* Reads items into list up to its ']' (opened at open_line:open_col) or,
 * at depth 0, to the end of the text. */
static ag_status parse_items(lexer *lx, item *list, int depth, int open_line, int open_col)
{
    for (;;) {
        const char *key;
        char what[40];
        item *it;
        size_t n;
        ag_status st;

        skip_space(lx);
        if (lx->p >= lx->end) {
            if (depth > 0)
                return syntax(lx, open_line, open_col, "unbalanced brackets: '[' is never closed");
            return AG_OK;
        }
        if (*lx->p == ']') {
            if (depth == 0)
                return syntax(lx, lx->line, lx->col,
                              "unbalanced brackets: ']' without a matching '['");
            advance(lx);
            return AG_OK;
        }
        if (!is_alpha(*lx->p) && *lx->p != '_') {
            describe(lx, what, sizeof what);
            return syntax(lx, lx->line, lx->col, "unexpected %s (expected a key)", what);
        }
        if (!(it = push_item(list)))
            return AG_ENOMEM;
        it->line = lx->line;
        it->col = lx->col;
        key = lx->p;
        while (lx->p < lx->end && is_key_char(*lx->p))
            advance(lx);
        if (!(it->key = strndup(key, (size_t)(lx->p - key))))
            return AG_ENOMEM;
        skip_space(lx);
        if (lx->p >= lx->end || *lx->p == ']' ||
            ((is_alpha(*lx->p) || *lx->p == '_') && !special_real(lx, &n)))
            return syntax(lx, it->line, it->col, "missing value for key \"%s\"", it->key);
        if (*lx->p == '"') {
            st = lex_string(lx, it);
        } else if (*lx->p == '[') {
            int line = lx->line, col = lx->col;
            if (depth + 1 >= MAX_DEPTH)
                return syntax(lx, line, col, "lists nested too deeply (more than %d levels)",
                              MAX_DEPTH);
            advance(lx);
            it->type = V_LIST;
            st = parse_items(lx, it, depth + 1, line, col);
        } else if (is_digit(*lx->p) || *lx->p == '+' || *lx->p == '-' || *lx->p == '.' ||
                   is_alpha(*lx->p)) {
            st = lex_number(lx, it);
        } else {
            describe(lx, what, sizeof what);
            return syntax(lx, lx->line, lx->col, "unexpected %s (expected the value of \"%s\")",
                          what, it->key);
        }
        if (st != AG_OK)
            return st;
    }
}

/* ---- from the tree to a document -------------------------------------------- */

/* A node's GML id and the actor it became. */
typedef struct node_id {
    json_int_t id;
    size_t actor, order;
    int line, col;
} node_id;

typedef struct builder {
    const char *display;
    ag_srcmap *map;
    ag_diags *diags;
    int oom;
    json_t *actors, *relations;
    node_id *ids;
    size_t n_ids;
} builder;

static void report(builder *b, ag_severity sev, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void report(builder *b, ag_severity sev, int line, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (ag__diag(b->diags, sev, b->display, line, col, NULL, "%s", msg) != AG_OK)
        b->oom = 1;
}

static void map_add(builder *b, int line, int col, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void map_add(builder *b, int line, int col, const char *where, const char *fmt, ...)
{
    char pointer[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pointer, sizeof pointer, fmt, ap);
    va_end(ap);
    if (ag_srcmap_add(b->map, pointer, line, col, where) != 0)
        b->oom = 1;
}

/* Sets o[key] = v (stealing v); a NULL v means out of memory. */
static void put(builder *b, json_t *o, const char *key, json_t *v)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        b->oom = 1;
}

/* A scalar item as JSON; NULL for a list or when out of memory. */
static json_t *scalar(const item *it)
{
    switch (it->type) {
    case V_INT: return json_integer(it->i);
    case V_REAL: return json_real(it->r);
    case V_STRING: return json_stringn(it->s, it->slen);
    default: return NULL;
    }
}

/* A scalar item as text (numbers written out) into buf. */
static const char *scalar_text(const item *it, char *buf, size_t size)
{
    if (it->type == V_STRING)
        return it->s;
    if (it->type == V_INT)
        snprintf(buf, size, "%lld", (long long)it->i);
    else
        snprintf(buf, size, "%.17g", it->r);
    return buf;
}

/* The JSON text in string item it (what: its name in the message), as
 * JSON; NULL, reported as an error at the item, when it is not JSON. */
static json_t *parse_json_item(builder *b, const item *it, const char *what)
{
    json_error_t e;
    json_t *v = json_loadb(it->s, it->slen, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);
    if (!v)
        report(b, AG_SEV_ERROR, it->line, it->col, "bad JSON in %s: %s", what, e.text);
    return v;
}

static int cmp_ids(const void *x, const void *y)
{
    const node_id *a = x, *c = y;
    if (a->id != c->id)
        return a->id < c->id ? -1 : 1;
    return a->order < c->order ? -1 : a->order > c->order;
}

/* The first node with GML id `id`; NULL when none. */
static const node_id *find_node(const builder *b, json_int_t id)
{
    size_t lo = 0, hi = b->n_ids;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ids[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->n_ids && b->ids[lo].id == id ? &b->ids[lo] : NULL;
}

/* Warns about a repeated key (the first one counts); true when o already
 * has field. */
static int repeated(builder *b, json_t *o, const char *field, const item *it, const char *what)
{
    if (!json_object_get(o, field))
        return 0;
    report(b, AG_SEV_WARNING, it->line, it->col, "%s key \"%s\" repeated (the first one counts)",
           what, it->key);
    return 1;
}

static int hex_digit(char c)
{
    return is_digit(c) ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The attribute name the export encoded as enc ("__" for '_', '_' and two
 * upper-case hex digits for any other byte); enc itself when it does not
 * decode to UTF-8 (a name written by hand). NULL when out of memory. */
static char *attr_name(const char *enc)
{
    size_t n = strlen(enc), k = 0;
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    while (k < n) {
        if (enc[k] == '_' && enc[k + 1] == '_') {
            *o++ = '_';
            k += 2;
        } else if (enc[k] == '_' && k + 2 < n && hex_digit(enc[k + 1]) >= 0 &&
                   hex_digit(enc[k + 2]) >= 0) {
            *o++ = (char)(hex_digit(enc[k + 1]) * 16 + hex_digit(enc[k + 2]));
            k += 3;
        } else {
            *o++ = enc[k++];
        }
    }
    *o = '\0';
    if (o == out || strlen(out) != (size_t)(o - out) || !ag__utf8_valid(out, (size_t)(o - out)))
        memcpy(out, enc, n + 1);
    return out;
}

static void read_node(builder *b, const item *node)
{
    const item *id = NULL, *label = NULL;
    json_t *actor = NULL, *attrs = NULL;
    char where[320], buf[64], wfield[400];
    const char *actor_id;
    size_t i = json_array_size(b->actors);
    int attr_line = 0, attr_col = 0;

    for (size_t k = 0; k < node->n; k++) {
        const item *it = &node->kids[k];
        const item **slot = strcmp(it->key, "id") == 0      ? &id
                            : strcmp(it->key, "label") == 0 ? &label
                                                            : NULL;
        if (!slot || it->type == V_LIST)
            continue;
        if (*slot)
            report(b, AG_SEV_WARNING, it->line, it->col,
                   "node key \"%s\" repeated (the first one counts)", it->key);
        else
            *slot = it;
    }
    if (id && id->type != V_INT) {
        report(b, AG_SEV_ERROR, id->line, id->col, "node id must be an integer");
        id = NULL;
    }
    if (label) {
        actor_id = scalar_text(label, buf, sizeof buf);
    } else if (id) {
        snprintf(buf, sizeof buf, "n%lld", (long long)id->i);
        actor_id = buf;
    } else {
        report(b, AG_SEV_ERROR, node->line, node->col, "node has neither an id nor a label");
        return;
    }
    if (!(actor = json_object()) || json_array_append_new(b->actors, actor) != 0) {
        json_decref(actor);
        b->oom = 1;
        return;
    }
    put(b, actor, "id", json_string(actor_id));
    snprintf(where, sizeof where, "node \"%s\"", actor_id);
    map_add(b, node->line, node->col, where, "/actors/%zu", i);
    snprintf(wfield, sizeof wfield, "%s, %s", where, label ? "label" : "id");
    map_add(b, (label ? label : id)->line, (label ? label : id)->col, wfield, "/actors/%zu/id", i);
    if (id) {
        node_id *p = realloc(b->ids, (b->n_ids + 1) * sizeof *p);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->ids = p;
        b->ids[b->n_ids] = (node_id){id->i, i, b->n_ids, id->line, id->col};
        b->n_ids++;
    }

    for (size_t k = 0; k < node->n; k++) {
        const item *it = &node->kids[k];
        const char *field = it->key;
        char *name;
        json_t *v;
        if (strcmp(field, "id") == 0 || strcmp(field, "label") == 0 ||
            strcmp(field, "graphics") == 0)
            continue;
        if (it->type == V_LIST) {
            report(b, AG_SEV_WARNING, it->line, it->col, "node key \"%s\" ignored (a list)",
                   it->key);
            continue;
        }
        snprintf(wfield, sizeof wfield, "%s, %s", where, it->key);
        if (strcmp(field, "name") == 0 || strcmp(field, "kind") == 0 ||
            strcmp(field, "group") == 0) {
            if (repeated(b, actor, field, it, "node"))
                continue;
            put(b, actor, field, scalar(it));
            map_add(b, it->line, it->col, wfield, "/actors/%zu/%s", i, field);
            continue;
        }
        if (!attrs) {
            if (!(attrs = json_object())) {
                b->oom = 1;
                return;
            }
            put(b, actor, "attributes", attrs);
            attr_line = it->line;
            attr_col = it->col;
        }
        if (strncmp(field, "attrjson_", 9) == 0 && field[9] && it->type == V_STRING) {
            if (!(name = attr_name(field + 9))) {
                b->oom = 1;
                return;
            }
            if (!repeated(b, attrs, name, it, "node") && (v = parse_json_item(b, it, it->key)))
                put(b, attrs, name, v);
            free(name);
            continue;
        }
        if (strncmp(field, "attr_", 5) == 0 && field[5]) {
            if (!(name = attr_name(field + 5))) {
                b->oom = 1;
                return;
            }
            if (!repeated(b, attrs, name, it, "node"))
                put(b, attrs, name, scalar(it));
            free(name);
            continue;
        }
        if (!repeated(b, attrs, field, it, "node"))
            put(b, attrs, field, scalar(it));
    }
    if (attrs) {
        snprintf(wfield, sizeof wfield, "%s, attributes", where);
        map_add(b, attr_line, attr_col, wfield, "/actors/%zu/attributes", i);
    }
}

/* Resolves an edge's source or target; NULL (reported) when it names no
 * node. */
static const node_id *endpoint(builder *b, const item *it)
{
    const node_id *n;
    if (it->type != V_INT) {
        report(b, AG_SEV_ERROR, it->line, it->col, "edge %s must be a node id (an integer)",
               it->key);
        return NULL;
    }
    if (!(n = find_node(b, it->i)))
        report(b, AG_SEV_ERROR, it->line, it->col, "edge %s: unknown node id %lld", it->key,
               (long long)it->i);
    return n;
}

static void read_edge(builder *b, const item *edge, int directed)
{
    static const char *const copied[] = {"type", "sign", "weight", "confidence", "label", NULL};
    const item *src = NULL, *tgt = NULL;
    const node_id *s = NULL, *t = NULL;
    json_t *rel;
    char where[320], wfield[400];
    size_t j = json_array_size(b->relations);

    if (!(rel = json_object()) || json_array_append_new(b->relations, rel) != 0) {
        json_decref(rel);
        b->oom = 1;
        return;
    }
    for (size_t k = 0; k < edge->n; k++) {
        const item *it = &edge->kids[k];
        const item **slot = strcmp(it->key, "source") == 0   ? &src
                            : strcmp(it->key, "target") == 0 ? &tgt
                                                             : NULL;
        if (!slot)
            continue;
        if (*slot)
            report(b, AG_SEV_WARNING, it->line, it->col,
                   "edge key \"%s\" repeated (the first one counts)", it->key);
        else
            *slot = it;
    }
    if (src)
        s = endpoint(b, src);
    if (tgt)
        t = endpoint(b, tgt);
    snprintf(where, sizeof where, "edge %zu (%s -> %s)", j + 1,
             s ? json_string_value(json_object_get(json_array_get(b->actors, s->actor), "id"))
               : "?",
             t ? json_string_value(json_object_get(json_array_get(b->actors, t->actor), "id"))
               : "?");
    map_add(b, edge->line, edge->col, where, "/relations/%zu", j);
    if (s)
        put(b, rel, "source",
            json_copy(json_object_get(json_array_get(b->actors, s->actor), "id")));
    if (t)
        put(b, rel, "target",
            json_copy(json_object_get(json_array_get(b->actors, t->actor), "id")));

    for (size_t k = 0; k < edge->n; k++) {
        const item *it = &edge->kids[k];
        const char *field = it->key;
        const char *const *c;
        json_t *v = NULL;

        snprintf(wfield, sizeof wfield, "%s, %s", where, field);
        if (strcmp(field, "source") == 0 || strcmp(field, "target") == 0) {
            if (it == (field[0] == 's' ? src : tgt))
                map_add(b, it->line, it->col, wfield, "/relations/%zu/%s", j, field);
            continue;
        }
        if (strcmp(field, "key") == 0 || strcmp(field, "graphics") == 0)
            continue;
        for (c = copied; *c && strcmp(*c, field) != 0; c++)
            ;
        if (!*c && strcmp(field, "mutual") != 0 && strcmp(field, "start") != 0 &&
            strcmp(field, "end") != 0 && strcmp(field, "evidence") != 0) {
            report(b, AG_SEV_WARNING, it->line, it->col, "edge key \"%s\" ignored", field);
            continue;
        }
        if (it->type == V_LIST) {
            report(b, AG_SEV_WARNING, it->line, it->col, "edge key \"%s\" ignored (a list)",
                   field);
            continue;
        }
        if (repeated(b, rel, field, it, "edge"))
            continue;
        if (strcmp(field, "mutual") == 0 && it->type == V_INT && (it->i == 0 || it->i == 1)) {
            v = json_boolean(it->i);
        } else if (strcmp(field, "mutual") == 0 && it->type == V_STRING &&
                   (strcmp(it->s, "true") == 0 || strcmp(it->s, "false") == 0)) {
            v = json_boolean(it->s[0] == 't');
        } else if ((strcmp(field, "start") == 0 || strcmp(field, "end") == 0) &&
                   it->type == V_INT) {
            char buf[32];
            v = json_string(scalar_text(it, buf, sizeof buf));
        } else if (strcmp(field, "evidence") == 0 && it->type == V_STRING) {
            if (!(v = parse_json_item(b, it, "evidence")))
                continue;
        } else {
            v = scalar(it);
        }
        put(b, rel, field, v);
        map_add(b, it->line, it->col, wfield, "/relations/%zu/%s", j, field);
    }
    if (!directed && !json_object_get(rel, "mutual")) {
        put(b, rel, "mutual", json_true());
        snprintf(wfield, sizeof wfield, "%s, mutual", where);
        map_add(b, edge->line, edge->col, wfield, "/relations/%zu/mutual", j);
    }
}

/* Builds the document from the items of `graph [ ... ]`. */
static json_t *read_graph(builder *b, const item *graph, const char *title)
{
    json_t *doc = json_object(), *v;
    const item *title_it = NULL, *desc = NULL, *sources = NULL;
    int directed = 0;

    b->actors = json_array();
    b->relations = json_array();
    if (!doc || !b->actors || !b->relations) {
        b->oom = 1;
        goto done;
    }
    for (size_t k = 0; k < graph->n; k++) {
        const item *it = &graph->kids[k];
        const item **slot = NULL;
        if (strcmp(it->key, "node") == 0 || strcmp(it->key, "edge") == 0) {
            if (it->type != V_LIST)
                report(b, AG_SEV_ERROR, it->line, it->col, "%s must be a list [ ... ]", it->key);
            continue;
        }
        if (strcmp(it->key, "graphics") == 0 || strcmp(it->key, "multigraph") == 0)
            continue;
        if (it->type == V_LIST) {
            report(b, AG_SEV_WARNING, it->line, it->col, "graph key \"%s\" ignored (a list)",
                   it->key);
            continue;
        }
        if (strcmp(it->key, "directed") == 0) {
            if (it->type != V_INT || (it->i != 0 && it->i != 1))
                report(b, AG_SEV_ERROR, it->line, it->col, "directed must be 0 or 1");
            else
                directed = it->i == 1;
            continue;
        }
        if (strcmp(it->key, "title") == 0)
            slot = &title_it;
        else if (strcmp(it->key, "description") == 0)
            slot = &desc;
        else if (strcmp(it->key, "sources") == 0)
            slot = &sources;
        if (!slot)
            report(b, AG_SEV_WARNING, it->line, it->col, "graph key \"%s\" ignored", it->key);
        else if (*slot)
            report(b, AG_SEV_WARNING, it->line, it->col,
                   "graph key \"%s\" repeated (the first one counts)", it->key);
        else
            *slot = it;
    }

    put(b, doc, "actorgraph", json_integer(1));
    if (title_it) {
        put(b, doc, "title", scalar(title_it));
        map_add(b, title_it->line, title_it->col, "graph, title", "/title");
    } else {
        put(b, doc, "title", text_json(title));
    }
    if (desc) {
        put(b, doc, "description", scalar(desc));
        map_add(b, desc->line, desc->col, "graph, description", "/description");
    }
    if (sources) {
        v = sources->type == V_STRING ? parse_json_item(b, sources, "sources") : scalar(sources);
        if (v)
            put(b, doc, "sources", v);
        map_add(b, sources->line, sources->col, NULL, "/sources");
    }

    for (size_t k = 0; k < graph->n && !b->oom; k++)
        if (graph->kids[k].type == V_LIST && strcmp(graph->kids[k].key, "node") == 0)
            read_node(b, &graph->kids[k]);
    if (b->n_ids > 0)
        qsort(b->ids, b->n_ids, sizeof *b->ids, cmp_ids);
    for (size_t k = 1; k < b->n_ids; k++)
        if (b->ids[k].id == b->ids[k - 1].id) {
            const node_id *first = find_node(b, b->ids[k].id);
            report(b, AG_SEV_ERROR, b->ids[k].line, b->ids[k].col,
                   "duplicate node id %lld (first at line %d)",
                   (long long)b->ids[k].id, first->line);
        }
    for (size_t k = 0; k < graph->n && !b->oom; k++)
        if (graph->kids[k].type == V_LIST && strcmp(graph->kids[k].key, "edge") == 0)
            read_edge(b, &graph->kids[k], directed);

done:
    if (doc && b->actors && b->relations) {
        put(b, doc, "actors", b->actors);
        put(b, doc, "relations", b->relations);
    } else {
        json_decref(b->actors);
        json_decref(b->relations);
    }
    b->actors = b->relations = NULL;
    return doc;
}

ag_status ag__gml_document(const char *text, size_t len, const char *display, const char *title,
                           json_t **doc, ag_srcmap *map, ag_diags *diags, ag_error *err)
{
    lexer lx = {text, text + len, 1, 1, display, diags, 0};
    builder b = {display, map, diags, 0, NULL, NULL, NULL, 0};
    item root;
    const item *graph = NULL;
    json_t *out = NULL;
    ag_status st;

    *doc = NULL;
    memset(&root, 0, sizeof root);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        lx.p += 3;
    if ((st = parse_items(&lx, &root, 0, 0, 0)) != AG_OK)
        goto cleanup;
    for (size_t k = 0; k < root.n; k++) {
        const item *it = &root.kids[k];
        if (strcmp(it->key, "graph") == 0 && it->type == V_LIST && !graph)
            graph = it;
        else if (strcmp(it->key, "graph") == 0)
            report(&b, AG_SEV_WARNING, it->line, it->col,
                   it->type == V_LIST ? "only the first graph is read"
                                      : "top-level key \"graph\" ignored (not a list)");
        else if (strcmp(it->key, "Creator") != 0 && strcmp(it->key, "Version") != 0)
            report(&b, AG_SEV_WARNING, it->line, it->col, "top-level key \"%s\" ignored",
                   it->key);
    }
    if (!graph)
        report(&b, AG_SEV_ERROR, 0, 0, "no graph [ ... ] in the file");
    else
        out = read_graph(&b, graph, title);
    if (b.oom || (graph && !out)) {
        st = AG_ENOMEM;
        goto cleanup;
    }
    if (!graph) {
        st = AG_EPARSE;
        goto cleanup;
    }
    /* values that could not be read were reported and left out: the
       checker still runs over the rest */
    *doc = out;
    out = NULL;
cleanup:
    /* load.c copies the first problem into err for the other failures */
    if (st == AG_ENOMEM)
        ag_error_set(err, AG_ENOMEM, "out of memory");
    json_decref(out);
    free(b.ids);
    free_items(&root);
    return st;
}
