/* The relation-type vocabulary. Default weights are |Goldstein| / 10 of the
 * CAMEO event code closest to each type (Goldstein 1992, as used by CAMEO,
 * ICEWS and GDELT). */
#include "actorgraph/vocab.h"

#include <string.h>

static const ag_reltype types[] = {
    {"alliance", +1, 0.80, true, AG_FAM_MILITARY, "057", 8.0,
     "formal alliance or strategic partnership"},
    {"military_support", +1, 0.83, false, AG_FAM_MILITARY, "072", 8.3,
     "source gives military aid to target"},
    {"troop_deployment", +1, 0.85, false, AG_FAM_MILITARY, "074", 8.5,
     "source sends forces to fight for or protect target"},
    {"arms_transfer", +1, 0.83, false, AG_FAM_MILITARY, "072", 8.3,
     "source supplies weapons or military technology to target"},
    {"training", +1, 0.74, false, AG_FAM_MILITARY, "062", 7.4,
     "source trains target's forces"},
    {"economic_aid", +1, 0.74, false, AG_FAM_ECONOMIC, "071", 7.4,
     "source gives money, fuel, food or goods to target"},
    {"patronage", +1, 0.70, false, AG_FAM_ECONOMIC, "070", 7.0,
     "source is target's long-standing protector and provider"},
    {"trade", +1, 0.64, false, AG_FAM_ECONOMIC, "061", 6.4,
     "source sells or ships goods to target"},
    {"diplomatic_support", +1, 0.35, false, AG_FAM_DIPLOMATIC, "050", 3.5,
     "source backs target politically"},
    {"joint_exercise", +1, 0.74, true, AG_FAM_MILITARY, "062", 7.4,
     "forces of both train or manoeuvre together"},
    {"tacit_support", +1, 0.34, false, AG_FAM_DIPLOMATIC, "051", 3.4,
     "source supports target without saying so"},
    {"sanctions", -1, 0.80, false, AG_FAM_COERCION, "163", -8.0,
     "source imposes sanctions or an embargo on target"},
    {"threat", -1, 0.70, false, AG_FAM_COERCION, "138", -7.0,
     "source threatens target with force"},
    {"hostility", -1, 0.72, true, AG_FAM_COERCION, "150", -7.2,
     "standing adversarial military posture"},
    {"armed_conflict", -1, 1.00, true, AG_FAM_VIOLENCE, "190", -10.0,
     "the two fight each other"},
};

const ag_reltype *ag_reltypes(size_t *count)
{
    *count = sizeof types / sizeof types[0];
    return types;
}

const ag_reltype *ag_reltype_find(const char *name)
{
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(types[i].name, name) == 0)
            return &types[i];
    return NULL;
}

static const char *const kind_names[AG_KIND_COUNT] = {
    "state", "organization", "person", "group", "other"};
static const char *const conf_names[AG_CONF_COUNT] = {
    "confirmed", "reported", "speculative"};

const char *ag_kind_name(ag_kind k)
{
    return (unsigned)k < AG_KIND_COUNT ? kind_names[k] : "?";
}

const char *ag_confidence_name(ag_confidence c)
{
    return (unsigned)c < AG_CONF_COUNT ? conf_names[c] : "?";
}

bool ag_kind_parse(const char *s, ag_kind *out)
{
    for (int i = 0; i < AG_KIND_COUNT; i++)
        if (strcmp(s, kind_names[i]) == 0) {
            *out = (ag_kind)i;
            return true;
        }
    return false;
}

bool ag_confidence_parse(const char *s, ag_confidence *out)
{
    for (int i = 0; i < AG_CONF_COUNT; i++)
        if (strcmp(s, conf_names[i]) == 0) {
            *out = (ag_confidence)i;
            return true;
        }
    return false;
}
