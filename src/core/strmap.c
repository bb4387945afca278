#include "core/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ag_strmap {
    const char **keys;
    size_t *values;
    size_t cap, count; /* cap is a power of two */
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static int alloc_table(ag_strmap *m, size_t cap)
{
    m->keys = calloc(cap, sizeof *m->keys);
    m->values = calloc(cap, sizeof *m->values);
    if (!m->keys || !m->values) {
        free(m->keys);
        free(m->values);
        return -1;
    }
    m->cap = cap;
    return 0;
}

ag_strmap *ag_strmap_new(size_t hint)
{
    ag_strmap *m = calloc(1, sizeof *m);
    size_t cap = 16;
    if (!m)
        return NULL;
    while (cap < hint * 2)
        cap *= 2;
    if (alloc_table(m, cap) != 0) {
        free(m);
        return NULL;
    }
    return m;
}

void ag_strmap_free(ag_strmap *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->values);
    free(m);
}

static size_t slot(const ag_strmap *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int grow(ag_strmap *m)
{
    ag_strmap bigger = {0};
    if (alloc_table(&bigger, m->cap * 2) != 0)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) {
            size_t j = slot(&bigger, m->keys[i]);
            bigger.keys[j] = m->keys[i];
            bigger.values[j] = m->values[i];
        }
    bigger.count = m->count;
    free(m->keys);
    free(m->values);
    *m = bigger;
    return 0;
}

int ag_strmap_put(ag_strmap *m, const char *key, size_t value, size_t *existing)
{
    size_t i;
    if ((m->count + 1) * 2 > m->cap && grow(m) != 0)
        return -1;
    i = slot(m, key);
    if (m->keys[i]) {
        if (existing)
            *existing = m->values[i];
        return 0;
    }
    m->keys[i] = key;
    m->values[i] = value;
    m->count++;
    return 1;
}

bool ag_strmap_get(const ag_strmap *m, const char *key, size_t *value)
{
    size_t i = slot(m, key);
    if (!m->keys[i])
        return false;
    if (value)
        *value = m->values[i];
    return true;
}
