/* The in-memory graph: actors, relations between them, and the sources that
 * back the relations. A loaded graph is complete: every default is applied. */
#ifndef ACTORGRAPH_MODEL_H
#define ACTORGRAPH_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

#include "actorgraph/error.h"
#include "actorgraph/vocab.h"

/* A calendar date with the precision it was written with: month and day
 * are 0 when absent. year 0 means "no date". */
typedef struct ag_date {
    int year, month, day;
} ag_date;

typedef struct ag_source {
    char *id, *title;
    char *author, *published, *url; /* NULL when absent */
} ag_source;

typedef struct ag_actor {
    char *id;
    char *name;        /* the id when the file gives none */
    ag_kind kind;
    char *group;       /* NULL when absent */
    json_t *attributes;/* an object, possibly empty; owned */
} ag_actor;

typedef struct ag_evidence {
    char *source;      /* a source id of the graph */
    char *section;     /* NULL when absent */
    char *note;        /* NULL when absent */
} ag_evidence;

typedef struct ag_relation {
    char *id;          /* "r<N>" (1-based position) when the file gives none */
    size_t source, target;  /* indexes into ag_graph.actors */
    char *type;
    const ag_reltype *reltype; /* NULL for a custom type */
    int sign;          /* +1 or -1 */
    double weight;     /* in (0, 1] */
    bool mutual;
    ag_confidence confidence;
    ag_date start, end;
    char *label;       /* NULL when absent */
    ag_evidence *evidence;
    size_t n_evidence;
} ag_relation;

typedef struct ag_strmap ag_strmap;
typedef struct ag_texts ag_texts;

typedef struct ag_graph {
    char *name;        /* short name for output files: the input's file stem */
    char sha256[65];   /* hex SHA-256 of the input bytes ("" if not from input) */
    char *title;
    char *description; /* NULL when absent */
    ag_source *sources;
    size_t n_sources;
    ag_actor *actors;
    size_t n_actors;
    ag_relation *relations;
    size_t n_relations;
    ag_strmap *actor_index;  /* actor id -> index */
    ag_strmap *source_index; /* source id -> index */
    /* owns every text of the sources, actors and relations (one arena, freed
       with the graph; a text may be shared, e.g. a relation type or an
       evidence item's source id): never free or realloc one on its own */
    ag_texts *texts;
    /* On a selection (actorgraph/select.h): what was selected, and the
     * graph whose text, sources and indexes it borrows. NULL on a graph as
     * loaded. */
    struct ag_selection *selection;
    const struct ag_graph *base;
    struct ag_graph *owned_base; /* freed with this graph (ag_select_take) */
    bool owns_actors;            /* a selection that dropped isolates */
} ag_graph;

/* Frees g and everything it owns (of a selection, only what it does not
 * borrow, and its owned_base); NULL is allowed. */
void ag_graph_free(ag_graph *g);

/* Index of the actor with this id, or -1. O(1) expected. */
long ag_graph_find_actor(const ag_graph *g, const char *id);
/* Index of the source with this id, or -1. O(1) expected. */
long ag_graph_find_source(const ag_graph *g, const char *id);

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date); false
 * otherwise. */
bool ag_date_parse(const char *s, ag_date *out);
/* Compares a and b on the precision both carry: negative, 0 or positive. */
int ag_date_cmp(const ag_date *a, const ag_date *b);
/* Writes the date as written (YYYY, YYYY-MM or YYYY-MM-DD) into buf. */
void ag_date_format(const ag_date *d, char *buf, size_t size);

/* True when id is 1-64 characters of letters, digits, '_', '-', '.'. */
bool ag_id_valid(const char *id);

#endif
