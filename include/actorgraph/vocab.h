/* The relation-type vocabulary and the enumerations of the graph format. */
#ifndef ACTORGRAPH_VOCAB_H
#define ACTORGRAPH_VOCAB_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ag_kind {
    AG_KIND_STATE = 0, AG_KIND_ORGANIZATION, AG_KIND_PERSON, AG_KIND_GROUP, AG_KIND_OTHER,
    AG_KIND_COUNT
} ag_kind;

typedef enum ag_confidence {
    AG_CONF_CONFIRMED = 0, AG_CONF_REPORTED, AG_CONF_SPECULATIVE, AG_CONF_COUNT
} ag_confidence;

/* Broad family of a relation type; the renderer colours by family. */
typedef enum ag_family {
    AG_FAM_MILITARY = 0, AG_FAM_ECONOMIC, AG_FAM_DIPLOMATIC, /* cooperation */
    AG_FAM_COERCION, AG_FAM_VIOLENCE,                       /* conflict */
    AG_FAM_OTHER
} ag_family;

typedef struct ag_reltype {
    const char *name;     /* e.g. "troop_deployment" */
    int sign;             /* +1 cooperation, -1 conflict */
    double weight;        /* |Goldstein| / 10 of the CAMEO code below */
    bool mutual;          /* holds both ways by default */
    ag_family family;
    const char *cameo;    /* CAMEO code the default weight comes from */
    double goldstein;     /* that code's Goldstein score */
    const char *meaning;  /* one line for docs and --help */
} ag_reltype;

/* The built-in types, in documentation order. */
const ag_reltype *ag_reltypes(size_t *count);
/* The type called name, or NULL when name is outside the vocabulary. */
const ag_reltype *ag_reltype_find(const char *name);

const char *ag_kind_name(ag_kind k);
const char *ag_confidence_name(ag_confidence c);
/* Parse an enumeration value; false when s is not one of the names. */
bool ag_kind_parse(const char *s, ag_kind *out);
bool ag_confidence_parse(const char *s, ag_confidence *out);

#endif
