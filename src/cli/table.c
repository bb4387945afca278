#include "table.h"

#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s; *len receives its byte length. */
static unsigned long decode(const unsigned char *s, int *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0 && s[1]) {
        *len = 2;
        return ((s[0] & 0x1FUL) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
        *len = 3;
        return ((s[0] & 0x0FUL) << 12) | ((s[1] & 0x3FUL) << 6) | (s[2] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && s[1] && s[2] && s[3]) {
        *len = 4;
        return ((s[0] & 0x07UL) << 18) | ((s[1] & 0x3FUL) << 12) | ((s[2] & 0x3FUL) << 6) |
               (s[3] & 0x3F);
    }
    *len = 1;
    return 0xFFFD;
}

static int char_width(unsigned long c)
{
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F))
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
        (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

int cli_text_width(const char *s)
{
    int w = 0, len;
    for (const unsigned char *p = (const unsigned char *)s; *p; p += len)
        w += char_width(decode(p, &len));
    return w;
}

/* The length of the valid UTF-8 sequence at s (1-4), or 0 when s does not
 * start one (overlong forms, surrogates and values past U+10FFFF included). */
static int utf8_len(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0))
            return 0;
        return 3;
    }
    if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* True for the code points that reorder text on a terminal (U+202A-U+202E,
 * U+2066-U+2069) or are controls (C1). */
static int hidden_effect(unsigned long c)
{
    return (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

char *cli_escape(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    /* each byte grows to at most 6 ("\u202E" comes from 3 bytes) */
    char *out = malloc(6 * n + 1), *o = out;
    if (!out)
        return NULL;
    while (*p) {
        int len = utf8_len(p), dl;
        unsigned long c;
        if (len == 0) {
            o += sprintf(o, "\\x%02X", *p);
            p++;
            continue;
        }
        c = decode(p, &dl);
        if (c == '\n')
            o += sprintf(o, "\\n");
        else if (c == '\t')
            o += sprintf(o, "\\t");
        else if (c == '\r')
            o += sprintf(o, "\\r");
        else if (c < 0x20 || c == 0x7F)
            o += sprintf(o, "\\x%02lX", c);
        else if (hidden_effect(c))
            o += sprintf(o, "\\u%04lX", c);
        else {
            memcpy(o, p, (size_t)len);
            o += len;
        }
        p += len;
    }
    *o = '\0';
    return out;
}

void cli_put_escaped(FILE *out, const char *s)
{
    char *e = cli_escape(s);
    fputs(e ? e : "?", out);
    free(e);
}

void cli_print_cell(FILE *out, const char *text, int width, int right_align)
{
    char *safe = cli_escape(text);
    const char *s = safe ? safe : "?";
    int w = cli_text_width(s), len;
    const unsigned char *p = (const unsigned char *)s;
    if (w <= width) {
        if (right_align)
            fprintf(out, "%*s%s", width - w, "", s);
        else
            fprintf(out, "%s%*s", s, width - w, "");
        free(safe);
        return;
    }
    /* truncate, keeping room for the marker */
    w = 0;
    while (*p) {
        int cw = char_width(decode(p, &len));
        if (w + cw > width - 1)
            break;
        fwrite(p, 1, (size_t)len, out);
        w += cw;
        p += len;
    }
    fputc('~', out);
    fprintf(out, "%*s", width - 1 - w, "");
    free(safe);
}

void cli_put_csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}
