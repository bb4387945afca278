/* GML's syntax: a hand-written lexer and parser turn the text into a tree
 * of `key value` items with their positions. Strings decode character
 * references; text that is not UTF-8 is read as ISO-8859-1, with a warning. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/limits.h"
#include "core/text.h"
#include "formats/formats.h"
#include "formats/gml.h"

typedef ag_gml_item item;

/* Deeper lists are refused rather than risk the stack. */
#define MAX_DEPTH AG_MAX_NESTING

void ag__gml_items_free(item *it)
{
    for (size_t k = 0; k < it->n; k++)
        ag__gml_items_free(&it->kids[k]);
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
    int line = lx->line, col = lx->col, nul_line = 0, nul_col = 0;
    const char *raw;
    char *latin = NULL;
    size_t n;

    advance(lx);
    raw = lx->p;
    while (lx->p < lx->end && *lx->p != '"') {
        if (*lx->p == '\0' && !nul_line) {
            nul_line = lx->line;
            nul_col = lx->col;
        }
        advance(lx);
    }
    if (lx->p >= lx->end)
        return syntax(lx, line, col, "unterminated string");
    n = (size_t)(lx->p - raw);
    advance(lx);
    if (nul_line && ag__diag(lx->diags, AG_SEV_ERROR, lx->display, nul_line, nul_col, NULL,
                             "NUL byte in a string (text may hold none)") != AG_OK)
        return AG_ENOMEM;
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
    if (it->s && nul_line) {
        /* reported above; dropped so that nothing later reports it again */
        size_t o = 0;
        for (size_t k = 0; k < it->slen; k++)
            if (it->s[k])
                it->s[o++] = it->s[k];
        it->s[o] = '\0';
        it->slen = o;
    }
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

ag_status ag__gml_parse(const char *text, size_t len, const char *display, ag_diags *diags,
                        ag_gml_item *root)
{
    lexer lx = {text, text + len, 1, 1, display, diags, 0};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        lx.p += 3;
    return parse_items(&lx, root, 0, 0, 0);
}
