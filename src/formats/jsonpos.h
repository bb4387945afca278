/* Finding where values sit in JSON text. jansson keeps no positions, so the
 * loader reports problems by JSON pointer and this module turns pointers
 * back into lines and columns with one scan of the text. */
#ifndef AG_JSONPOS_H
#define AG_JSONPOS_H

#include <stddef.h>

typedef struct ag_jsonpos_query {
    const char *pointer; /* RFC 6901, "" for the whole document */
    int line, column;    /* out: 1-based; 0 when not found */
} ag_jsonpos_query;

/* Locates every query's value in text (len bytes, which must be valid JSON:
 * call it only after a parser accepted the text). Columns count characters,
 * as jansson's do. Runs in O(len + n). Returns 0, or -1 when out of memory
 * (queries then stay unlocated). */
int ag_jsonpos_locate(const char *text, size_t len, ag_jsonpos_query *q, size_t n);

#endif
