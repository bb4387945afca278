#include "table.h"

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

void cli_print_cell(FILE *out, const char *s, int width, int right_align)
{
    int w = cli_text_width(s), len;
    const unsigned char *p = (const unsigned char *)s;
    if (w <= width) {
        if (right_align)
            fprintf(out, "%*s%s", width - w, "", s);
        else
            fprintf(out, "%s%*s", s, width - w, "");
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
}
