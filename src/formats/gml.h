/* GML's syntax, shared by gml_syntax.c (text to a tree of items) and gml.c
 * (the tree to a version-1 document, and the writer). */
#ifndef AG_FORMATS_GML_H
#define AG_FORMATS_GML_H

#include <jansson.h>

#include "actorgraph/error.h"

typedef enum { V_INT, V_REAL, V_STRING, V_LIST } vtype;

/* One `key value` pair, placed at its key; a list's value is its items. */
typedef struct ag_gml_item {
    char *key;
    int line, col;
    vtype type;
    json_int_t i;
    double r;
    char *s; /* V_STRING: UTF-8, NUL-terminated, slen bytes */
    size_t slen;
    struct ag_gml_item *kids;
    size_t n, cap;
} ag_gml_item;

/* Parses the whole text (a UTF-8 byte-order mark is skipped) into the items
 * of root, which must be zeroed; a syntax error goes to diags and gives
 * AG_EPARSE. The caller frees root with ag__gml_items_free in every case. */
ag_status ag__gml_parse(const char *text, size_t len, const char *display, ag_diags *diags,
                        ag_gml_item *root);
void ag__gml_items_free(ag_gml_item *it);

#endif
