/* The SQL route of `actorgraph events` (docs/events.md, "Beyond one machine"). */
#ifndef AG_EVENTS_SQL_H
#define AG_EVENTS_SQL_H

#include <stddef.h>

#include "actorgraph/error.h"

typedef enum { AG__SQL_BY_SIGN, AG__SQL_BY_ROOT, AG__SQL_BY_TYPE } ag__sql_by;
typedef enum {
    AG__SQL_DAY, AG__SQL_WEEK, AG__SQL_MONTH, AG__SQL_QUARTER, AG__SQL_YEAR, AG__SQL_ALL
} ag__sql_period;
typedef enum { AG__SQL_ACTORS_COUNTRY, AG__SQL_ACTORS_CODE } ag__sql_actors;

typedef struct ag__sql_opts {
    ag__sql_by by;
    ag__sql_period period;
    ag__sql_actors actors;
    long min_events;
    const char *table;             /* NULL: "events" */
    const char *const *countries;  /* the alpha-3 codes that are states, sorted */
    size_t ncountries;
} ag__sql_opts;

/* The query that aggregates a GDELT events table into the dyad CSV that
 * `actorgraph events --format dyads` reads, with the same grouping, periods
 * and filters as the C route. *out is malloc'd. AG_EARG for a week period
 * (no portable SQL form) or a table name that is not one. */
ag_status ag__events_sql(const ag__sql_opts *o, char **out, ag_error *err);

#endif
