/* A string-keyed hash map (open addressing, FNV-1a) from borrowed keys to
 * size_t values. Keys must outlive the map. */
#ifndef AG_STRMAP_H
#define AG_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ag_strmap ag_strmap;

/* A map sized for about hint entries; NULL when out of memory. */
ag_strmap *ag_strmap_new(size_t hint);
void ag_strmap_free(ag_strmap *m);
/* Inserts key -> value unless key is present. Returns 1 when inserted,
 * 0 when the key was already there (*existing gets its value when not
 * NULL), -1 when out of memory. */
int ag_strmap_put(ag_strmap *m, const char *key, size_t value, size_t *existing);
/* True and *value set when key is present. */
bool ag_strmap_get(const ag_strmap *m, const char *key, size_t *value);

#endif
