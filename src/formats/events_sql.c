/* The SQL route of `actorgraph events`: the aggregation of docs/events.md
 * written as one query over the GDELT events table, for the engines GDELT
 * users run it on (BigQuery, Spark SQL, DuckDB, SQLite).
 *
 * Portability rules the query keeps, chosen from what the four engines'
 * SQL dialects accept (only SQLite is run, by the test suite):
 * - no integer division and no `%`: dates are cut as text, SUBSTR(CAST(SQLDATE
 *   AS STRING), ...), which every engine accepts (SQLite's CAST gives back the
 *   integer, and its SUBSTR reads it as text);
 * - no quoted identifiers (BigQuery and Spark read "x" as a string): every
 *   output column is named so that no engine reserves the name;
 * - string concatenation with `||`, ranking with ROW_NUMBER() OVER (...),
 *   integer casts to BIGINT (an alias of INT64 in BigQuery);
 * - a week has no portable form (ISO weeks need date functions that differ
 *   between engines), so --period week is refused here and stays C-only. */
#include <stdlib.h>
#include <string.h>

#include "actorgraph/vocab.h"
#include "core/text.h"
#include "actorgraph/events.h"
#include "formats/formats.h"

/* The column expressions of the period bucket: its key, first and last
 * day as the dyad CSV writes them. d is the date as text, YYYYMMDD. */
static void period_columns(ag_sbuf *b, ag_ev_period p)
{
    static const char day[] =
        "SUBSTR(d, 1, 4) || '-' || SUBSTR(d, 5, 2) || '-' || SUBSTR(d, 7, 2)";
    static const char month[] = "SUBSTR(d, 1, 4) || '-' || SUBSTR(d, 5, 2)";
    static const char qfirst[] =
        "SUBSTR(d, 1, 4) || '-' || CASE WHEN SUBSTR(d, 5, 2) <= '03' THEN '01' "
        "WHEN SUBSTR(d, 5, 2) <= '06' THEN '04' WHEN SUBSTR(d, 5, 2) <= '09' THEN '07' "
        "ELSE '10' END";
    static const char qlast[] =
        "SUBSTR(d, 1, 4) || '-' || CASE WHEN SUBSTR(d, 5, 2) <= '03' THEN '03' "
        "WHEN SUBSTR(d, 5, 2) <= '06' THEN '06' WHEN SUBSTR(d, 5, 2) <= '09' THEN '09' "
        "ELSE '12' END";
    const char *key = day, *first = day, *last = day;
    switch (p) {
    case AG_EV_PERIOD_DAY: case AG_EV_PERIOD_WEEK: break;
    case AG_EV_PERIOD_MONTH: key = first = last = month; break;
    case AG_EV_PERIOD_QUARTER: key = first = qfirst; last = qlast; break;
    case AG_EV_PERIOD_YEAR: key = first = last = "SUBSTR(d, 1, 4)"; break;
    case AG_EV_PERIOD_ALL: key = "'all'"; break;
    }
    ag__sb_printf(b, "    %s AS p_key,\n    %s AS p_first,\n    %s AS p_last", key, first, last);
}

/* The group expression for --by; g10 and code are columns of the inner
 * query. */
static void group_column(ag_sbuf *b, ag_ev_by by)
{
    if (by == AG_EV_BY_SIGN) {
        ag__sb_puts(b, "CASE WHEN g10 > 0 THEN 'cooperation' ELSE 'conflict' END");
        return;
    }
    if (by == AG_EV_BY_TYPE) {
        size_t n, i, j;
        const ag_reltype *t = ag_reltypes(&n);
        ag__sb_puts(b, "CASE");
        /* Longest code first; among equal codes the first type in
         * vocabulary order, which CASE's first match keeps. */
        for (size_t len = 8; len > 0; len--)
            for (i = 0; i < n; i++) {
                if (!t[i].cameo || strlen(t[i].cameo) != len)
                    continue;
                for (j = 0; j < i; j++)
                    if (t[j].cameo && strcmp(t[j].cameo, t[i].cameo) == 0)
                        break;
                if (j < i)
                    continue;
                ag__sb_printf(b, "\n      WHEN code LIKE '%s%%' THEN '%s'", t[i].cameo, t[i].name);
            }
        ag__sb_puts(b, "\n      ELSE 'cameo' || SUBSTR(code, 1, 2) END");
        return;
    }
    ag__sb_puts(b, "'cameo' || SUBSTR(code, 1, 2)");
}

/* `col IN ('A', 'B', ...)`, ten codes a line. */
static void in_list(ag_sbuf *b, const char *col, const char **codes, size_t n)
{
    ag__sb_printf(b, "%s IN (", col);
    for (size_t i = 0; i < n; i++)
        ag__sb_printf(b, "%s'%s'", i == 0 ? "" : (i % 10 == 0 ? ",\n      " : ", "), codes[i]);
    ag__sb_puts(b, ")");
}

/* True when s is safe inside a single-quoted SQL literal and a column list:
 * codes are letters and digits. */
static int plain_code(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

/* A table name is one or more identifiers joined by dots, optionally in
 * backquotes as BigQuery writes `project.dataset.table`. */
static int plain_table(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 256)
        return 0;
    if (s[0] == '`') {
        if (n < 3 || s[n - 1] != '`')
            return 0;
        for (size_t i = 1; i + 1 < n; i++)
            if (s[i] == '`' || (unsigned char)s[i] < 0x20)
                return 0;
        return 1;
    }
    for (; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '.'))
            return 0;
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

ag_status ag_events_sql(ag_events *e, const char *table, char **out, ag_error *err)
{
    ag_status st = AG_OK;
    ag_sbuf b = {0};
    const ag_ev_opts *o = ag__ev_opts(e);
    const char *a1 = o->actors == AG_EV_ACTORS_CODE ? "Actor1Code" : "Actor1CountryCode";
    const char *a2 = o->actors == AG_EV_ACTORS_CODE ? "Actor2Code" : "Actor2CountryCode";
    const char **codes = NULL;
    size_t ncodes = 0;
    const char *const *states = ag__ev_states(e, &ncodes);

    if (!table)
        table = "events";

    *out = NULL;
    if (o->period == AG_EV_PERIOD_WEEK) {
        st = ag_error_set(err, AG_EARG,
                          "--period week has no portable SQL form (ISO weeks need "
                          "engine-specific date functions); use day, month, quarter, year "
                          "or all, or aggregate the rows with actorgraph events itself");
        goto cleanup;
    }
    if (!plain_table(table)) {
        st = ag_error_set(err, AG_EARG,
                          "--sql-table: '%s' is not a table name (identifiers joined by "
                          "dots, or `project.dataset.table` in backquotes)", table);
        goto cleanup;
    }
    if (ncodes && !(codes = malloc(ncodes * sizeof *codes))) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < ncodes; i++) {
        codes[i] = states[i];
        if (!plain_code(codes[i])) {
            st = ag_error_set(err, AG_EINVALID, "state code '%s' is not letters and digits",
                              codes[i]);
            goto cleanup;
        }
    }
    if (ncodes)
        qsort(codes, ncodes, sizeof *codes, cmp_str);

    ag__sb_printf(&b,
                  "-- actorgraph events: GDELT events aggregated into dyads "
                  "(docs/events.md).\n"
                  "-- Options: --by %s --period %s --actors %s --min-events %lld\n"
                  "-- Runs unchanged on BigQuery, Spark SQL, DuckDB and SQLite over a table "
                  "with the\n"
                  "-- GDELT Event codebook's columns (1.0 or 2.0). Save the result as CSV "
                  "with its\n"
                  "-- header line, then: actorgraph events --format dyads RESULT.csv\n",
                  ag_ev_by_name(o->by), ag_ev_period_name(o->period),
                  o->actors == AG_EV_ACTORS_CODE ? "code" : "country", o->min_events);
    ag__sb_printf(&b,
                  "WITH ev AS (\n"
                  "  SELECT\n"
                  "    %s AS source,\n"
                  "    %s AS target,\n"
                  "    CAST(SQLDATE AS STRING) AS d,\n"
                  "    EventCode AS code,\n"
                  "    CAST(ROUND(GoldsteinScale * 10) AS BIGINT) AS g10,\n"
                  "    NumMentions, NumSources, NumArticles, AvgTone, SOURCEURL, "
                  "GLOBALEVENTID\n"
                  "  FROM %s\n"
                  "  WHERE ",
                  a1, a2, table);
    if (o->actors == AG_EV_ACTORS_CODE) {
        ag__sb_printf(&b, "%s IS NOT NULL AND %s <> '' AND %s IS NOT NULL AND %s <> ''", a1, a1,
                      a2, a2);
    } else {
        in_list(&b, a1, codes, ncodes);
        ag__sb_puts(&b, "\n    AND ");
        in_list(&b, a2, codes, ncodes);
    }
    ag__sb_printf(&b,
                  "\n    AND %s <> %s\n"
                  "    AND LENGTH(EventCode) BETWEEN 2 AND 4\n"
                  "    AND SUBSTR(EventCode, 1, 2) BETWEEN '01' AND '20'\n"
                  "),\n"
                  "grouped AS (\n"
                  "  SELECT source, target, g10, NumMentions, NumSources, NumArticles, "
                  "AvgTone,\n"
                  "    SOURCEURL, GLOBALEVENTID,\n    ",
                  a1, a2);
    group_column(&b, o->by);
    ag__sb_puts(&b, " AS grp,\n");
    period_columns(&b, o->period);
    ag__sb_printf(&b,
                  "\n  FROM ev%s\n"
                  "),\n"
                  "ranked AS (\n"
                  "  SELECT grouped.*, ROW_NUMBER() OVER (PARTITION BY source, target, grp, "
                  "p_key\n"
                  "    ORDER BY NumMentions DESC, GLOBALEVENTID ASC) AS rn\n"
                  "  FROM grouped\n"
                  ")\n"
                  "SELECT source, target, grp,\n"
                  "  MIN(p_first) AS period_start, MAX(p_last) AS period_end,\n"
                  "  COUNT(*) AS events, SUM(g10) AS g10_sum, SUM(NumMentions) AS mentions,\n"
                  "  SUM(NumSources) AS sources, SUM(NumArticles) AS articles, "
                  "SUM(AvgTone) AS tone_sum,\n"
                  "  MAX(CASE WHEN rn = 1 THEN SOURCEURL END) AS url1,\n"
                  "  MAX(CASE WHEN rn = 2 THEN SOURCEURL END) AS url2,\n"
                  "  MAX(CASE WHEN rn = 3 THEN SOURCEURL END) AS url3\n"
                  "FROM ranked\n"
                  "GROUP BY source, target, grp, p_key\n"
                  "HAVING COUNT(*) >= %lld\n"
                  "ORDER BY source, target, grp, period_start;\n",
                  o->by == AG_EV_BY_SIGN ? "\n  WHERE g10 <> 0" : "",
                  o->min_events > 0 ? o->min_events : 1);
    if (b.oom) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    *out = b.s;
    b.s = NULL;
cleanup:
    free(codes);
    free(b.s);
    return st;
}
