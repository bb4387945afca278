#include "core/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One slot: the key's hash is kept beside it, so that a probe compares
 * hashes first and reads the key's text only when they match (the text
 * lies elsewhere in memory: reading it is a cache miss on large maps). */
typedef struct slot_t {
    const char *key; /* NULL: empty */
    size_t value;
    uint64_t hash;
} slot_t;

struct ag_strmap {
    slot_t *slots;
    size_t cap, count; /* cap is a power of two */
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    /* FNV-1a's low bits mix poorly; the table index takes the low bits */
    h ^= h >> 32;
    return h;
}

static int alloc_table(ag_strmap *m, size_t cap)
{
    m->slots = calloc(cap, sizeof *m->slots);
    if (!m->slots)
        return -1;
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
    free(m->slots);
    free(m);
}

static size_t slot(const ag_strmap *m, const char *key, uint64_t h)
{
    size_t i = (size_t)h & (m->cap - 1);
    while (m->slots[i].key &&
           (m->slots[i].hash != h || strcmp(m->slots[i].key, key) != 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static int grow(ag_strmap *m)
{
    ag_strmap bigger = {0};
    if (alloc_table(&bigger, m->cap * 2) != 0)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key) {
            size_t j = (size_t)m->slots[i].hash & (bigger.cap - 1);
            while (bigger.slots[j].key)
                j = (j + 1) & (bigger.cap - 1);
            bigger.slots[j] = m->slots[i];
        }
    bigger.count = m->count;
    free(m->slots);
    *m = bigger;
    return 0;
}

int ag_strmap_put(ag_strmap *m, const char *key, size_t value, size_t *existing)
{
    uint64_t h = hash(key);
    size_t i;
    if ((m->count + 1) * 2 > m->cap && grow(m) != 0)
        return -1;
    i = slot(m, key, h);
    if (m->slots[i].key) {
        if (existing)
            *existing = m->slots[i].value;
        return 0;
    }
    m->slots[i].key = key;
    m->slots[i].value = value;
    m->slots[i].hash = h;
    m->count++;
    return 1;
}

bool ag_strmap_get(const ag_strmap *m, const char *key, size_t *value)
{
    size_t i = slot(m, key, hash(key));
    if (!m->slots[i].key)
        return false;
    if (value)
        *value = m->slots[i].value;
    return true;
}
