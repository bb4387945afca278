/* Shared between library modules; not part of the public API. */
#ifndef AG_INTERNAL_H
#define AG_INTERNAL_H

/* The first message of the last igraph error since the last clear. */
const char *ag__igraph_message(void);
void ag__igraph_message_clear(void);
/* Graphviz's messages (errors and worse) since the last clear, joined. */
const char *ag__graphviz_message(void);
void ag__graphviz_message_clear(void);

#include <stddef.h>

/* An arena of texts (ag_graph.texts): copies live until ag__texts_free,
 * which frees them all at once. */
typedef struct ag_texts ag_texts;
ag_texts *ag__texts_new(void);
/* A copy of s[0..n) with a NUL after it, or NULL when out of memory. */
char *ag__texts_dup(ag_texts *t, const char *s, size_t n);
void ag__texts_free(ag_texts *t);

/* Reports progress to the front end's handler, if any (progress.h). Call
 * only from the thread that called into the library. */
void ag__progress(const char *what, size_t done, size_t total);

/* The threads a parallel step may use: $ACTORGRAPH_THREADS when it is a
 * whole number >= 1, else the processors online; at most 8. No result may
 * depend on it. */
int ag__threads(void);

struct ag_date;
/* A date as a number that orders days (YYYYMMDD): the first day it covers
 * (2022 -> 20220101) and the last (2022 -> 20221231; a month's last day is
 * taken as 31, past every day of any month, which is all comparisons
 * need). */
/* Makes g (zeroed) a graph derived from in that borrows in's name,
 * checksum, title, description and sources, and with actors != 0 its actors
 * too: what ag_select and the what-if scenarios share. g->base = in. */
struct ag_graph;
void ag__graph_borrow(struct ag_graph *g, const struct ag_graph *in, int actors);
long ag__date_first_day(const struct ag_date *d);
long ag__date_last_day(const struct ag_date *d);

#endif
