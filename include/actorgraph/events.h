/* Event data in: GDELT 2.0, GDELT 1.0 and ICEWS event files (plain, .gz or
 * .zip) aggregated into dyads, and dyads into a dated, signed, evidenced
 * graph. The rules are in docs/events.md; every route (rows read here, or a
 * dyad CSV computed elsewhere, e.g. by SQL) ends in the one builder
 * ag_events_build, so the same dyads always give the same graph. */
#ifndef ACTORGRAPH_EVENTS_H
#define ACTORGRAPH_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "actorgraph/error.h"
#include "actorgraph/model.h"

typedef enum ag_ev_format {
    AG_EV_AUTO = 0, /* from each file's first line */
    AG_EV_GDELT2,   /* 61 columns, no header */
    AG_EV_GDELT1,   /* 58 (daily) or 57 (historical) columns, no header */
    AG_EV_ICEWS,    /* 20 columns with a header; countries by name */
    AG_EV_DYADS     /* the dyad CSV (header required) */
} ag_ev_format;

typedef enum ag_ev_actors { AG_EV_ACTORS_COUNTRY = 0, AG_EV_ACTORS_CODE } ag_ev_actors;
typedef enum ag_ev_by { AG_EV_BY_SIGN = 0, AG_EV_BY_ROOT, AG_EV_BY_TYPE } ag_ev_by;
typedef enum ag_ev_period {
    AG_EV_PERIOD_ALL = 0, AG_EV_PERIOD_DAY, AG_EV_PERIOD_WEEK, AG_EV_PERIOD_MONTH,
    AG_EV_PERIOD_QUARTER, AG_EV_PERIOD_YEAR
} ag_ev_period;
typedef enum ag_ev_weight { AG_EV_WEIGHT_GOLDSTEIN = 0, AG_EV_WEIGHT_VOLUME } ag_ev_weight;

typedef struct ag_ev_opts {
    ag_ev_format format;
    ag_ev_actors actors;
    ag_ev_by by;
    ag_ev_period period;
    ag_ev_weight weight;
    long long min_events; /* at least 1 */
    bool strict;          /* a bad row is an error, not skipped */
} ag_ev_opts;

/* Defaults: auto, country, sign, all, goldstein, 1, not strict. */
void ag_ev_opts_init(ag_ev_opts *o);
bool ag_ev_format_parse(const char *s, ag_ev_format *out);
bool ag_ev_by_parse(const char *s, ag_ev_by *out);
bool ag_ev_period_parse(const char *s, ag_ev_period *out);
const char *ag_ev_format_name(ag_ev_format f);
const char *ag_ev_by_name(ag_ev_by b);
const char *ag_ev_period_name(ag_ev_period p);

/* Why a row was skipped. */
typedef enum ag_ev_bad {
    AG_EV_BAD_COLUMNS = 0, AG_EV_BAD_DATE, AG_EV_BAD_CODE, AG_EV_BAD_NUMBER, AG_EV_BAD_OTHER,
    AG_EV_BAD_COUNT
} ag_ev_bad;
const char *ag_ev_bad_name(ag_ev_bad b);

#define AG_EV_UNKNOWN_SHOWN 5

/* What a run read and what became of it. Rows: rows = used + skipped +
 * unplaced + internal + neutral (for the dyad CSV, rows are dyads and only
 * used and skipped count). */
typedef struct ag_ev_summary {
    uint64_t rows, used, skipped, unplaced, internal, neutral;
    uint64_t skipped_by[AG_EV_BAD_COUNT];
    uint64_t dyads;         /* dyads formed (or read) */
    uint64_t thin;          /* dyads dropped by min_events */
    uint64_t neutral_dyads; /* dyads dropped because their g10_sum is 0 */
    uint64_t relations;     /* relations written */
    /* the most frequent country names (ICEWS) that could not be placed */
    char unknown[AG_EV_UNKNOWN_SHOWN][128];
    uint64_t unknown_count[AG_EV_UNKNOWN_SHOWN];
    size_t n_unknown;
} ag_ev_summary;

/* One dyad: the record both routes share (docs/events.md). Strings are
 * borrowed; url[k] NULL when absent. */
typedef struct ag_ev_dyad {
    const char *source, *target, *group;
    char start[11], end[11];
    long long events, g10_sum, mentions, sources, articles;
    double tone_sum;
    bool has_tone;
    const char *url[3];
} ag_ev_dyad;

/* The reading state: actor tables, the dyads so far, the summary. */
typedef struct ag_events ag_events;

/* A new reading state; loads iso-codes' ISO 3166-1 table from
 * $ACTORGRAPH_ISO_3166 or /usr/share/iso-codes/json/iso_3166-1.json
 * (AG_EIO when it cannot be read). */
ag_status ag_events_new(const ag_ev_opts *o, ag_events **out, ag_error *err);
void ag_events_free(ag_events *e);

/* Reads one input (path, or "-" for standard input), plain, gzip or zip
 * (recognised by their first bytes), streaming, and adds its rows to the
 * dyads. Bad rows go to diags (warnings; errors with strict, which then
 * stops with AG_EINVALID) located by display and line. A truncated or
 * corrupt compressed input, or an unreadable one, is AG_EIO or AG_EPARSE
 * with err located. *sha256 (65 bytes) gets the hex SHA-256 of the bytes
 * read and *format the layout used. */
ag_status ag_events_read(ag_events *e, const char *path, const char *display, ag_diags *diags,
                         char sha256[65], ag_ev_format *format, ag_error *err);

/* The dyads read so far, in no particular order; valid until the next call
 * on e. */
const ag_ev_dyad *ag_events_dyads(ag_events *e, size_t *n, ag_error *err);

/* The summary so far (build adds its counts to it). */
ag_ev_summary *ag_events_summary(ag_events *e);

/* The source the graph cites: the dataset and the input files. */
typedef struct ag_ev_provenance {
    const char *title;       /* the graph's title */
    const char *dataset;     /* e.g. "GDELT 2.0 Events" */
    const char *author;      /* e.g. "The GDELT Project"; NULL for none */
    const char *url;         /* NULL for none */
    const char *const *files;/* the input files' names */
    size_t n_files;
} ag_ev_provenance;

/* Builds the graph from dyads by the rules of docs/events.md (drops, sign,
 * weight, confidence, dates, evidence, order); e (may be NULL) names the
 * actors from iso-codes; counts go to sum (may be NULL). */
ag_status ag_events_build(ag_events *e, const ag_ev_dyad *d, size_t n, const ag_ev_opts *o,
                          const ag_ev_provenance *p, ag_graph **out, ag_ev_summary *sum,
                          ag_error *err);

/* The SQL route (docs/events.md, "Beyond one machine"): the aggregation
 * that reading rows with e's options does, written as one standard SQL
 * query over a GDELT events table (the codebook's column names; table NULL
 * for "events") that BigQuery, Spark SQL, DuckDB and SQLite run unchanged.
 * Its result, saved as CSV with a header, is the dyad CSV that
 * AG_EV_DYADS reads. *out is malloc'd. AG_EARG for --period week (no
 * portable form) or a table that is not a name. */
ag_status ag_events_sql(ag_events *e, const char *table, char **out, ag_error *err);

#endif
