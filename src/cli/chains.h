/* What `path` and `explain` share (defined in cmd_path.c): finding the
 * actors named on the command line, the relations of a pair, and printing
 * paths and chains. */
#ifndef AG_CLI_CHAINS_H
#define AG_CLI_CHAINS_H

#include <stdio.h>

#include <jansson.h>

#include "actorgraph/explain.h"
#include "cli.h"

/* The actor named by text (ag_actor_lookup); on none prints
 * `actorgraph: CMD: unknown actor "TEXT" (did you mean "ID"?)` and returns
 * -1. */
long cli_find_actor(const ag_graph *g, const char *text, const char *cmd);

/* The relations of g indexed by their unordered pair of ends. */
typedef struct cli_pairs {
    const ag_graph *g;
    size_t *rel; /* relation indexes sorted by (min end, max end, index) */
    size_t n;
} cli_pairs;

/* 0, or -1 when out of memory. */
int cli_pairs_build(const ag_graph *g, cli_pairs *p);
void cli_pairs_free(cli_pairs *p);
/* The relations between u and v (either direction), in file order: *lo to
 * *hi in p->rel. */
void cli_pairs_range(const cli_pairs *p, size_t u, size_t v, size_t *lo, size_t *hi);

/* "Name (ID)" */
void cli_put_actor(FILE *out, const ag_graph *g, size_t a);
/* A relation in one line: "+ alliance  PRK <-> RUS  weight 1" (with
 * confidence and dates when details). */
void cli_put_relation(FILE *out, const ag_graph *g, const ag_relation *r, int details);
/* The JSON of a relation: id, source, target, type, sign, weight, mutual,
 * confidence, start, end, evidence (with each source's title). */
json_t *cli_relation_json(const ag_graph *g, const ag_relation *r);

/* The cooperative path as text: a heading line and one line per step with
 * the positive relations that form it. */
void cli_print_cooperative(FILE *out, const cli_pairs *p, const ag_chain *c, const char *indent);
/* One signed chain as text, numbered k (0: unnumbered). */
void cli_print_chain(FILE *out, const cli_pairs *p, const ag_chain *c, size_t k,
                     const char *indent);
/* Their JSON; NULL when out of memory. */
json_t *cli_cooperative_json(const cli_pairs *p, const ag_chain *c);
json_t *cli_chain_json(const cli_pairs *p, const ag_chain *c);

#endif
