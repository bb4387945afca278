/* Text helpers shared by the library's writers and readers: a growable
 * string, and UTF-8 checks and conversions. */
#ifndef AG_TEXT_H
#define AG_TEXT_H

#include <stddef.h>

/* A NUL-terminated growable string. After an allocation failure oom is set
 * and further appends do nothing; s is malloc'd and owned by the user. */
typedef struct ag_sbuf {
    char *s;
    size_t len, cap;
    int oom;
} ag_sbuf;

void ag__sb_add(ag_sbuf *b, const char *s, size_t n);
void ag__sb_puts(ag_sbuf *b, const char *s);
void ag__sb_printf(ag_sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid
 * (overlong forms, surrogates and code points past U+10FFFF are invalid). */
size_t ag__utf8_seq(const unsigned char *s, size_t n);
/* True when s[0..n) is valid UTF-8. */
int ag__utf8_valid(const char *s, size_t n);
/* Writes code point c as UTF-8 to out (room for 4 bytes); returns the
 * bytes written. */
size_t ag__utf8_put(unsigned long c, char *out);
/* s[0..n) read as ISO-8859-1, converted to UTF-8 (malloc'd, NUL-terminated,
 * its length in *out_len); NULL when out of memory. */
char *ag__latin1_to_utf8(const char *s, size_t n, size_t *out_len);

#endif
