/* The graph model: lifetime, look-ups, dates and ids. */
#include "actorgraph/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "core/strmap.h"

/* Texts are copied into blocks that only grow; a block is never moved, so
 * every copy keeps its address until the arena is freed. */
typedef struct texts_block {
    struct texts_block *next;
    size_t used, cap;
    char data[];
} texts_block;

struct ag_texts {
    texts_block *head; /* the block being filled; older ones follow */
    size_t next_cap;
};

ag_texts *ag__texts_new(void)
{
    ag_texts *t = calloc(1, sizeof *t);
    if (t)
        t->next_cap = 4096;
    return t;
}

char *ag__texts_dup(ag_texts *t, const char *s, size_t n)
{
    texts_block *b = t->head;
    char *d;
    if (!b || b->cap - b->used < n + 1) {
        size_t cap = t->next_cap;
        if (cap < n + 1)
            cap = n + 1;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = t->head;
        b->used = 0;
        b->cap = cap;
        t->head = b;
        if (t->next_cap < ((size_t)4 << 20))
            t->next_cap *= 2; /* blocks grow to 4 MiB: few, and little waste */
    }
    d = b->data + b->used;
    memcpy(d, s, n);
    d[n] = '\0';
    b->used += n + 1;
    return d;
}

void ag__texts_free(ag_texts *t)
{
    if (!t)
        return;
    while (t->head) {
        texts_block *next = t->head->next;
        free(t->head);
        t->head = next;
    }
    free(t);
}

void ag_graph_free(ag_graph *g)
{
    if (!g)
        return;
    if (g->base) {
        /* a selection: its relation structs (and actors when it dropped
           isolates) are its own, everything they point to is the base's */
        free(g->relations);
        if (g->owns_actors) {
            free(g->actors);
            ag_strmap_free(g->actor_index);
        }
        free(g->selection);
        ag_graph_free(g->owned_base);
        free(g);
        return;
    }
    /* the texts of sources, actors and relations live in g->texts */
    for (size_t i = 0; i < g->n_actors; i++)
        json_decref(g->actors[i].attributes);
    for (size_t i = 0; i < g->n_relations; i++)
        free(g->relations[i].evidence);
    free(g->sources);
    free(g->actors);
    free(g->relations);
    ag_strmap_free(g->actor_index);
    ag_strmap_free(g->source_index);
    ag__texts_free(g->texts);
    free(g->name);
    free(g->title);
    free(g->description);
    free(g);
}

long ag_graph_find_actor(const ag_graph *g, const char *id)
{
    size_t v;
    if (!g->actor_index || !ag_strmap_get(g->actor_index, id, &v))
        return -1;
    return (long)v;
}

long ag_graph_find_source(const ag_graph *g, const char *id)
{
    size_t v;
    if (!g->source_index || !ag_strmap_get(g->source_index, id, &v))
        return -1;
    return (long)v;
}

static int digits(const char *s, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return 1;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool ag_date_parse(const char *s, ag_date *out)
{
    ag_date d = {0, 0, 0};
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    if (!digits(s, 4, &d.year) || d.year < 1)
        return false;
    if (n >= 7) {
        if (s[4] != '-' || !digits(s + 5, 2, &d.month) || d.month < 1 || d.month > 12)
            return false;
    }
    if (n == 10) {
        if (s[7] != '-' || !digits(s + 8, 2, &d.day) || d.day < 1 ||
            d.day > days_in_month(d.year, d.month))
            return false;
    }
    *out = d;
    return true;
}

int ag_date_cmp(const ag_date *a, const ag_date *b)
{
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->month && b->month && a->month != b->month)
        return a->month < b->month ? -1 : 1;
    if (a->day && b->day && a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return 0;
}

long ag__date_first_day(const ag_date *d)
{
    return d->year * 10000L + (d->month ? d->month : 1) * 100L + (d->day ? d->day : 1);
}

long ag__date_last_day(const ag_date *d)
{
    return d->year * 10000L + (d->month ? d->month : 12) * 100L + (d->day ? d->day : 31);
}

void ag_date_format(const ag_date *d, char *buf, size_t size)
{
    if (d->year == 0)
        snprintf(buf, size, "%s", "");
    else if (d->month == 0)
        snprintf(buf, size, "%04d", d->year);
    else if (d->day == 0)
        snprintf(buf, size, "%04d-%02d", d->year, d->month);
    else
        snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
}

bool ag_id_valid(const char *id)
{
    size_t n = 0;
    for (const char *p = id; *p; p++, n++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return false;
    }
    return n >= 1 && n <= 64;
}

void ag__graph_borrow(ag_graph *g, const ag_graph *in, int actors)
{
    g->base = in;
    g->name = in->name;
    memcpy(g->sha256, in->sha256, sizeof g->sha256);
    g->title = in->title;
    g->description = in->description;
    g->sources = in->sources;
    g->n_sources = in->n_sources;
    g->source_index = in->source_index;
    if (actors) {
        g->actors = in->actors;
        g->n_actors = in->n_actors;
        g->actor_index = in->actor_index;
    }
}
