/* Event rows to dyads (docs/events.md): GDELT 2.0, GDELT 1.0 and ICEWS rows
 * parsed in place, one line at a time, and summed per key (source, target,
 * group, period) in an open-addressing hash table; the dyad CSV read back
 * into the same table. Memory grows with the dyads, never with the rows:
 * nothing is allocated per row except when a row gives a dyad a new actor,
 * a new dyad, or one of its three most-mentioned URLs. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <jansson.h>

#include "actorgraph/events.h"
#include "actorgraph/vocab.h"
#include "core/strmap.h"
#include "formats/formats.h"

#define ISO_DEFAULT "/usr/share/iso-codes/json/iso_3166-1.json"

/* ---- options ---- */

void ag_ev_opts_init(ag_ev_opts *o)
{
    memset(o, 0, sizeof *o);
    o->min_events = 1;
}

static const char *const format_names[] = {"auto", "gdelt2", "gdelt1", "icews", "dyads"};
static const char *const by_names[] = {"sign", "root", "type"};
static const char *const period_names[] = {"all", "day", "week", "month", "quarter", "year"};
static const char *const bad_names[] = {"wrong column count", "bad date", "unknown CAMEO code",
                                        "bad number", "other"};

static bool parse_name(const char *s, const char *const *names, int n, int *out)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = i;
            return true;
        }
    return false;
}

bool ag_ev_format_parse(const char *s, ag_ev_format *out)
{
    int i;
    if (!parse_name(s, format_names, 5, &i))
        return false;
    *out = (ag_ev_format)i;
    return true;
}
bool ag_ev_by_parse(const char *s, ag_ev_by *out)
{
    int i;
    if (!parse_name(s, by_names, 3, &i))
        return false;
    *out = (ag_ev_by)i;
    return true;
}
bool ag_ev_period_parse(const char *s, ag_ev_period *out)
{
    int i;
    if (!parse_name(s, period_names, 6, &i))
        return false;
    *out = (ag_ev_period)i;
    return true;
}
const char *ag_ev_format_name(ag_ev_format f) { return format_names[f]; }
const char *ag_ev_by_name(ag_ev_by b) { return by_names[b]; }
const char *ag_ev_period_name(ag_ev_period p) { return period_names[p]; }
const char *ag_ev_bad_name(ag_ev_bad b) { return bad_names[b]; }

/* ---- groups: cooperation, conflict, cameo01..cameo20, the vocabulary ---- */

#define G_COOP 0
#define G_CONF 1
#define G_ROOT 2  /* + root - 1 */
#define G_TYPE 22 /* + vocabulary index */

static const char *const root_labels[20] = {
    "make public statement", "appeal", "express intent to cooperate", "consult",
    "engage in diplomatic cooperation", "engage in material cooperation", "provide aid",
    "yield", "investigate", "demand", "disapprove", "reject", "threaten", "protest",
    "exhibit force posture", "reduce relations", "coerce", "assault", "fight",
    "use unconventional mass violence"};
static const char *const root_names[20] = {
    "cameo01", "cameo02", "cameo03", "cameo04", "cameo05", "cameo06", "cameo07",
    "cameo08", "cameo09", "cameo10", "cameo11", "cameo12", "cameo13", "cameo14",
    "cameo15", "cameo16", "cameo17", "cameo18", "cameo19", "cameo20"};

const char *ag__ev_group_name(int g)
{
    size_t n;
    if (g == G_COOP)
        return "cooperation";
    if (g == G_CONF)
        return "conflict";
    if (g < G_TYPE)
        return root_names[g - G_ROOT];
    return ag_reltypes(&n)[g - G_TYPE].name;
}

/* The group a name denotes, or -1. */
static int group_parse(const char *s)
{
    size_t n;
    const ag_reltype *t = ag_reltypes(&n);
    if (strcmp(s, "cooperation") == 0)
        return G_COOP;
    if (strcmp(s, "conflict") == 0)
        return G_CONF;
    for (int i = 0; i < 20; i++)
        if (strcmp(s, root_names[i]) == 0)
            return G_ROOT + i;
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, t[i].name) == 0)
            return G_TYPE + (int)i;
    return -1;
}

const char *ag__ev_group_label(const char *group)
{
    int g = group_parse(group);
    if (g >= G_ROOT && g < G_TYPE)
        return root_labels[g - G_ROOT];
    return NULL;
}

/* ---- the state ---- */

typedef struct ev_top {
    long long mentions, id;
    char *url;  /* owned; "" when the event has none */
    size_t cap;
    int used;
} ev_top;

typedef struct ev_acc {
    uint32_t a1, a2;
    int32_t group, period;
    int32_t dmin, dmax; /* YYYYMMDD */
    long long events, g10, mentions, sources, articles;
    double tone;
    int has_tone;
    ev_top top[3];
    char start[11], end[11]; /* from the dyad CSV; "" otherwise */
} ev_acc;

/* ICEWS country names iso-codes lacks (docs/events.md lists them). */
static const struct {
    const char *name, *alpha3, *label;
} extra_names[] = {
    {"Kosovo", "XKX", "Kosovo"},
    {"Occupied Palestinian Territory", "PSE", NULL},
    {"Turkey", "TUR", NULL},
    {"the former Yugoslav Republic of Macedonia", "MKD", NULL},
    {"Macedonia", "MKD", NULL},
    {"Holy See", "VAT", NULL},
    {"Cote d'Ivoire", "CIV", NULL},
    {"Ivory Coast", "CIV", NULL},
    {"Democratic Republic of Congo", "COD", NULL},
    {"Republic of Congo", "COG", NULL},
    {"Swaziland", "SWZ", NULL},
    {"Czech Republic", "CZE", NULL},
    {"Cape Verde", "CPV", NULL},
    {"East Timor", "TLS", NULL},
    {"Burma", "MMR", NULL},
};
#define N_EXTRA (sizeof extra_names / sizeof *extra_names)

struct ag_events {
    ag_ev_opts o;
    json_t *iso;                /* iso-codes' table; owns the strings below */
    const char **iso_code, **iso_label;
    size_t n_iso;               /* entries: iso-codes' then extra_names */
    ag_strmap *by_alpha3, *by_name;
    char **actor;
    size_t n_actor, cap_actor;
    ag_strmap *actor_map;
    ev_acc *acc;
    size_t n_acc, cap_acc;
    uint32_t *table;            /* index + 1 into acc; 0 empty */
    size_t tcap;
    char **unknown;
    uint64_t *unknown_n;
    size_t n_unknown, cap_unknown;
    ag_strmap *unknown_map;
    ag_ev_summary sum;
    ag_ev_dyad *out;
    int16_t code_group[3][10000]; /* --by type|root: group by code length and value; -1 unset */
    /* the dyad CSV being read */
    char *cells;
    size_t cells_len, cells_cap;
    size_t cell_off[16];
    int n_cells, cells_oom;
};

static ag_status oom(ag_error *err)
{
    return ag_error_set(err, AG_ENOMEM, "out of memory");
}

/* Loads iso-codes' ISO 3166-1 table and the extra names. */
static ag_status load_iso(ag_events *e, ag_error *err)
{
    const char *path = getenv("ACTORGRAPH_ISO_3166");
    json_error_t jerr;
    json_t *list;
    size_t n, k = 0;
    if (!path || !*path)
        path = ISO_DEFAULT;
    e->iso = json_load_file(path, 0, &jerr);
    if (!e->iso) {
        ag_error_set(err, AG_EIO, "cannot read the ISO 3166-1 table (iso-codes): %s",
                     jerr.text);
        snprintf(err->file, sizeof err->file, "%s", path);
        return AG_EIO;
    }
    list = json_object_get(e->iso, "3166-1");
    if (!json_is_array(list)) {
        ag_error_set(err, AG_EIO, "not iso-codes' ISO 3166-1 table (no \"3166-1\" list)");
        snprintf(err->file, sizeof err->file, "%s", path);
        return AG_EIO;
    }
    n = json_array_size(list);
    e->iso_code = calloc(n + N_EXTRA, sizeof *e->iso_code);
    e->iso_label = calloc(n + N_EXTRA, sizeof *e->iso_label);
    e->by_alpha3 = ag_strmap_new(n + N_EXTRA);
    e->by_name = ag_strmap_new(4 * (n + N_EXTRA));
    if (!e->iso_code || !e->iso_label || !e->by_alpha3 || !e->by_name)
        return oom(err);
    for (size_t i = 0; i < n; i++) {
        json_t *c = json_array_get(list, i);
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        const char *name = json_string_value(json_object_get(c, "name"));
        const char *common = json_string_value(json_object_get(c, "common_name"));
        const char *official = json_string_value(json_object_get(c, "official_name"));
        if (!a3 || !name)
            continue;
        e->iso_code[k] = a3;
        e->iso_label[k] = common ? common : name;
        if (ag_strmap_put(e->by_alpha3, a3, k, NULL) < 0 ||
            ag_strmap_put(e->by_name, name, k, NULL) < 0 ||
            (common && ag_strmap_put(e->by_name, common, k, NULL) < 0) ||
            (official && ag_strmap_put(e->by_name, official, k, NULL) < 0))
            return oom(err);
        k++;
    }
    for (size_t i = 0; i < N_EXTRA; i++) {
        size_t at;
        if (!ag_strmap_get(e->by_alpha3, extra_names[i].alpha3, &at)) {
            at = k++;
            e->iso_code[at] = extra_names[i].alpha3;
            e->iso_label[at] = extra_names[i].label ? extra_names[i].label : extra_names[i].name;
            if (ag_strmap_put(e->by_alpha3, extra_names[i].alpha3, at, NULL) < 0)
                return oom(err);
        }
        if (ag_strmap_put(e->by_name, extra_names[i].name, at, NULL) < 0)
            return oom(err);
    }
    e->n_iso = k;
    return AG_OK;
}

const ag_ev_opts *ag__ev_opts(const ag_events *e)
{
    return &e->o;
}

const char *const *ag__ev_states(const ag_events *e, size_t *n)
{
    *n = e->n_iso;
    return (const char *const *)e->iso_code;
}

/* The name iso-codes gives a state id (common name, else name), or NULL. */
const char *ag__ev_actor_name(const ag_events *e, const char *id)
{
    size_t at;
    if (!e || !ag_strmap_get(e->by_alpha3, id, &at))
        return NULL;
    return e->iso_label[at];
}

ag_status ag_events_new(const ag_ev_opts *o, ag_events **out, ag_error *err)
{
    ag_events *e = calloc(1, sizeof *e);
    ag_status st;
    *out = NULL;
    if (!e)
        return oom(err);
    e->o = *o;
    memset(e->code_group, 0xff, sizeof e->code_group);
    e->actor_map = ag_strmap_new(256);
    e->unknown_map = ag_strmap_new(64);
    e->tcap = 1024;
    e->table = calloc(e->tcap, sizeof *e->table);
    if (!e->actor_map || !e->unknown_map || !e->table) {
        st = oom(err);
        goto fail;
    }
    if ((st = load_iso(e, err)) != AG_OK)
        goto fail;
    *out = e;
    return AG_OK;
fail:
    ag_events_free(e);
    return st;
}

void ag_events_free(ag_events *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n_acc; i++)
        for (int k = 0; k < 3; k++)
            free(e->acc[i].top[k].url);
    free(e->acc);
    free(e->table);
    for (size_t i = 0; i < e->n_actor; i++)
        free(e->actor[i]);
    free(e->actor);
    ag_strmap_free(e->actor_map);
    for (size_t i = 0; i < e->n_unknown; i++)
        free(e->unknown[i]);
    free(e->unknown);
    free(e->unknown_n);
    ag_strmap_free(e->unknown_map);
    ag_strmap_free(e->by_alpha3);
    ag_strmap_free(e->by_name);
    free(e->iso_code);
    free(e->iso_label);
    json_decref(e->iso);
    free(e->out);
    free(e->cells);
    free(e);
}

ag_ev_summary *ag_events_summary(ag_events *e)
{
    return &e->sum;
}

/* The index of actor key s, interned on first sight; -1 out of memory. */
static long actor_intern(ag_events *e, const char *s)
{
    size_t at;
    char *copy;
    if (ag_strmap_get(e->actor_map, s, &at))
        return (long)at;
    if (e->n_actor == e->cap_actor) {
        size_t nc = e->cap_actor ? 2 * e->cap_actor : 64;
        char **na = realloc(e->actor, nc * sizeof *na);
        if (!na)
            return -1;
        e->actor = na;
        e->cap_actor = nc;
    }
    if (!(copy = strdup(s)))
        return -1;
    if (ag_strmap_put(e->actor_map, copy, e->n_actor, NULL) < 0) {
        free(copy);
        return -1;
    }
    e->actor[e->n_actor] = copy;
    return (long)e->n_actor++;
}

/* Counts an ICEWS country name that could not be placed. */
static int unknown_count(ag_events *e, const char *name)
{
    size_t at;
    char *copy;
    if (ag_strmap_get(e->unknown_map, name, &at)) {
        e->unknown_n[at]++;
        return 0;
    }
    if (e->n_unknown == e->cap_unknown) {
        size_t nc = e->cap_unknown ? 2 * e->cap_unknown : 16;
        char **nn = realloc(e->unknown, nc * sizeof *nn);
        uint64_t *nv;
        if (!nn)
            return -1;
        e->unknown = nn;
        if (!(nv = realloc(e->unknown_n, nc * sizeof *nv)))
            return -1;
        e->unknown_n = nv;
        e->cap_unknown = nc;
    }
    if (!(copy = strdup(name)))
        return -1;
    if (ag_strmap_put(e->unknown_map, copy, e->n_unknown, NULL) < 0) {
        free(copy);
        return -1;
    }
    e->unknown[e->n_unknown] = copy;
    e->unknown_n[e->n_unknown++] = 1;
    return 0;
}

/* Fills the summary's list of the most frequent unknown names (ties by
 * name). */
static void unknown_top(ag_events *e)
{
    ag_ev_summary *s = &e->sum;
    s->n_unknown = 0;
    for (size_t i = 0; i < e->n_unknown; i++) {
        size_t k = s->n_unknown;
        if (k < AG_EV_UNKNOWN_SHOWN)
            s->n_unknown++;
        else if (e->unknown_n[i] < s->unknown_count[k - 1] ||
                 (e->unknown_n[i] == s->unknown_count[k - 1] &&
                  strcmp(e->unknown[i], s->unknown[k - 1]) > 0))
            continue;
        else
            k--;
        while (k > 0 && (s->unknown_count[k - 1] < e->unknown_n[i] ||
                         (s->unknown_count[k - 1] == e->unknown_n[i] &&
                          strcmp(s->unknown[k - 1], e->unknown[i]) > 0))) {
            memcpy(s->unknown[k], s->unknown[k - 1], sizeof s->unknown[k]);
            s->unknown_count[k] = s->unknown_count[k - 1];
            k--;
        }
        snprintf(s->unknown[k], sizeof s->unknown[k], "%s", e->unknown[i]);
        s->unknown_count[k] = e->unknown_n[i];
    }
}

/* ---- the dyad table ---- */

static uint64_t key_hash(uint32_t a1, uint32_t a2, int32_t g, int32_t p)
{
    uint64_t h = ((uint64_t)a1 << 32 | a2) * 0x9E3779B97F4A7C15ull;
    h ^= ((uint64_t)(uint32_t)g << 32 | (uint32_t)p) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
    return h;
}

static int table_grow(ag_events *e)
{
    size_t nc = e->tcap * 2;
    uint32_t *nt = calloc(nc, sizeof *nt);
    if (!nt)
        return -1;
    for (size_t i = 0; i < e->n_acc; i++) {
        const ev_acc *a = &e->acc[i];
        size_t h = (size_t)key_hash(a->a1, a->a2, a->group, a->period) & (nc - 1);
        while (nt[h])
            h = (h + 1) & (nc - 1);
        nt[h] = (uint32_t)(i + 1);
    }
    free(e->table);
    e->table = nt;
    e->tcap = nc;
    return 0;
}

/* The dyad of this key, created empty when new (*fresh set); NULL when out
 * of memory. */
static ev_acc *dyad_get(ag_events *e, uint32_t a1, uint32_t a2, int32_t g, int32_t p, int *fresh)
{
    size_t h = (size_t)key_hash(a1, a2, g, p) & (e->tcap - 1);
    ev_acc *a;
    *fresh = 0;
    for (; e->table[h]; h = (h + 1) & (e->tcap - 1)) {
        a = &e->acc[e->table[h] - 1];
        if (a->a1 == a1 && a->a2 == a2 && a->group == g && a->period == p)
            return a;
    }
    if (e->n_acc >= UINT32_MAX - 1)
        return NULL;
    if (e->n_acc == e->cap_acc) {
        size_t nc = e->cap_acc ? 2 * e->cap_acc : 256;
        ev_acc *na = realloc(e->acc, nc * sizeof *na);
        if (!na)
            return NULL;
        e->acc = na;
        e->cap_acc = nc;
    }
    a = &e->acc[e->n_acc];
    memset(a, 0, sizeof *a);
    a->a1 = a1;
    a->a2 = a2;
    a->group = g;
    a->period = p;
    e->table[h] = (uint32_t)++e->n_acc;
    *fresh = 1;
    if (2 * e->n_acc > e->tcap && table_grow(e) < 0)
        return NULL;
    return &e->acc[e->n_acc - 1];
}

/* Keeps the three events with the most mentions (ties: smaller id). */
static int top_add(ev_acc *a, long long mentions, long long id, const char *url, size_t ulen)
{
    int k = 3;
    ev_top spare;
    size_t need = ulen + 1;
    while (k > 0 && (!a->top[k - 1].used || mentions > a->top[k - 1].mentions ||
                     (mentions == a->top[k - 1].mentions && id < a->top[k - 1].id)))
        k--;
    if (k == 3)
        return 0;
    spare = a->top[2]; /* its buffer is reused */
    memmove(&a->top[k + 1], &a->top[k], (size_t)(2 - k) * sizeof spare);
    if (spare.cap < need) {
        char *nu = realloc(spare.url, need);
        if (!nu) {
            a->top[k] = spare;
            a->top[k].used = 0;
            return -1;
        }
        spare.url = nu;
        spare.cap = need;
    }
    memcpy(spare.url, url, ulen);
    spare.url[ulen] = '\0';
    spare.mentions = mentions;
    spare.id = id;
    spare.used = 1;
    a->top[k] = spare;
    return 0;
}

/* ---- dates ---- */

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    long era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Reads YYYYMMDD (dash 0) or YYYY-MM-DD (dash 1), a real calendar date
 * from year 1000; 0 when it is not. */
static int32_t date_read(const char *s, size_t len, int dash)
{
    int v[8], k = 0, y, m, d;
    if (len != (dash ? 10u : 8u))
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (dash && (i == 4 || i == 7)) {
            if (s[i] != '-')
                return 0;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v[k++] = s[i] - '0';
    }
    y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    m = v[4] * 10 + v[5];
    d = v[6] * 10 + v[7];
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return 0;
    return (int32_t)(y * 10000 + m * 100 + d);
}

static int32_t period_key(ag_ev_period p, int32_t date)
{
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    long days;
    switch (p) {
    case AG_EV_PERIOD_DAY:
        return (int32_t)days_from_civil(y, m, d);
    case AG_EV_PERIOD_WEEK:
        days = days_from_civil(y, m, d);
        return (int32_t)(days - ((days % 7 + 7 + 3) % 7)); /* the Monday */
    case AG_EV_PERIOD_MONTH:
        return y * 12 + m - 1;
    case AG_EV_PERIOD_QUARTER:
        return y * 4 + (m - 1) / 3;
    case AG_EV_PERIOD_YEAR:
        return y;
    default:
        return 0;
    }
}

/* YYYY, YYYY-MM or YYYY-MM-DD (m, d 0 when absent) into buf (11 bytes). */
static void fmt_date(char *buf, int y, int m, int d)
{
    char t[48];
    if (d)
        snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, d);
    else if (m)
        snprintf(t, sizeof t, "%04d-%02d", y, m);
    else
        snprintf(t, sizeof t, "%04d", y);
    snprintf(buf, 11, "%.10s", t);
}

static void fmt_day(char *buf, long days)
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    fmt_date(buf, y, m, d);
}

static void fmt_ymd(char *buf, int32_t date)
{
    fmt_date(buf, date / 10000, date / 100 % 100, date % 100);
}

/* start and end of a dyad from its period (docs/events.md). */
static void period_dates(ag_ev_period p, const ev_acc *a, char *start, char *end)
{
    int32_t k = a->period;
    switch (p) {
    case AG_EV_PERIOD_DAY:
        fmt_day(start, k);
        fmt_day(end, k);
        break;
    case AG_EV_PERIOD_WEEK:
        fmt_day(start, k);
        fmt_day(end, (long)k + 6);
        break;
    case AG_EV_PERIOD_MONTH:
        fmt_date(start, k / 12, k % 12 + 1, 0);
        memcpy(end, start, 11);
        break;
    case AG_EV_PERIOD_QUARTER:
        fmt_date(start, k / 4, k % 4 * 3 + 1, 0);
        fmt_date(end, k / 4, k % 4 * 3 + 3, 0);
        break;
    case AG_EV_PERIOD_YEAR:
        fmt_date(start, k, 0, 0);
        memcpy(end, start, 11);
        break;
    default:
        fmt_ymd(start, a->dmin);
        fmt_ymd(end, a->dmax);
    }
}

/* ---- numbers ---- */

/* A non-negative decimal integer (at most 18 digits); 0 when not one. */
static int read_count(const char *s, size_t len, long long *v)
{
    long long x = 0;
    if (len == 0 || len > 18)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

/* A decimal [-+]digits[.digits] (what Goldstein and Intensity hold) times
 * ten, rounded half away from zero; 0 when not one. */
static int read_g10(const char *s, size_t len, long long *v)
{
    double x;
    size_t i = 0, digits = 0;
    char tmp[32];
    if (len == 0 || len >= sizeof tmp)
        return 0;
    if (s[0] == '-' || s[0] == '+')
        i++;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (i < len && s[i] == '.')
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (i != len || digits == 0)
        return 0;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    x = strtod(tmp, NULL);
    if (fabs(x) > 1e6)
        return 0;
    *v = llround(x * 10.0);
    return 1;
}

/* The group of CAMEO code s (2-4 digits, root 01..20), or -1 for an unknown
 * code; for --by sign the caller uses the Goldstein sign instead. */
static int code_group(ag_events *e, const char *s, size_t len)
{
    int v = 0, root;
    int16_t *slot;
    if (len < 2 || len > 4)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    root = (s[0] - '0') * 10 + (s[1] - '0');
    if (root < 1 || root > 20)
        return -1;
    slot = &e->code_group[len - 2][v];
    if (*slot < 0) {
        int g = G_ROOT + root - 1;
        if (e->o.by == AG_EV_BY_TYPE) {
            size_t n, best = 0;
            const ag_reltype *t = ag_reltypes(&n);
            for (size_t i = 0; i < n; i++) {
                size_t cl = strlen(t[i].cameo);
                if (cl <= len && cl > best && memcmp(t[i].cameo, s, cl) == 0) {
                    best = cl;
                    g = G_TYPE + (int)i;
                }
            }
        }
        *slot = (int16_t)g;
    }
    return *slot;
}

/* ---- rows ---- */

typedef struct ev_row {
    const char *display;
    long line;
    ag_diags *diags;
} ev_row;

/* Reports a bad row; AG_EINVALID when strict (err located), AG_OK when
 * skipped. */
static ag_status bad_row(ag_events *e, const ev_row *r, ag_ev_bad why, ag_error *err,
                         const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static ag_status bad_row(ag_events *e, const ev_row *r, ag_ev_bad why, ag_error *err,
                         const char *fmt, ...)
{
    ag_error d;
    va_list ap;
    ag_error_clear(&d);
    d.code = AG_EINVALID;
    d.severity = e->o.strict ? AG_SEV_ERROR : AG_SEV_WARNING;
    snprintf(d.file, sizeof d.file, "%s", r->display);
    d.line = (int)(r->line > 2147483647L ? 0 : r->line);
    va_start(ap, fmt);
    vsnprintf(d.message, sizeof d.message, fmt, ap);
    va_end(ap);
    if (r->diags && ag_diags_push(r->diags, &d) != AG_OK)
        return oom(err);
    e->sum.skipped++;
    e->sum.skipped_by[why]++;
    if (e->o.strict) {
        if (err)
            *err = d;
        return AG_EINVALID;
    }
    return AG_OK;
}

/* Splits line at tabs in place into at most max fields; the count, or max + 1
 * when there are more. */
static int split_tabs(char *line, size_t len, char **f, size_t *fl, int max)
{
    char *p = line, *end = line + len;
    int n = 0;
    for (;;) {
        char *t = memchr(p, '\t', (size_t)(end - p));
        if (n == max)
            return max + 1;
        f[n] = p;
        if (!t) {
            fl[n++] = (size_t)(end - p);
            return n;
        }
        *t = '\0';
        fl[n++] = (size_t)(t - p);
        p = t + 1;
    }
}

/* One normalised event. */
typedef struct ev_event {
    int32_t date;
    const char *a1, *a2; /* NULL: unplaced */
    int group;
    long long g10, mentions, sources, articles, id;
    double tone;
    int has_tone;
    const char *url;
    size_t url_len;
} ev_event;

static ag_status add_event(ag_events *e, const ev_event *v, ag_error *err)
{
    long a1, a2;
    int g = v->group, fresh;
    ev_acc *a;
    if (!v->a1 || !v->a2) {
        e->sum.unplaced++;
        return AG_OK;
    }
    if (strcmp(v->a1, v->a2) == 0) {
        e->sum.internal++;
        return AG_OK;
    }
    if (e->o.by == AG_EV_BY_SIGN) {
        if (v->g10 == 0) {
            e->sum.neutral++;
            return AG_OK;
        }
        g = v->g10 > 0 ? G_COOP : G_CONF;
    }
    if ((a1 = actor_intern(e, v->a1)) < 0 || (a2 = actor_intern(e, v->a2)) < 0)
        return oom(err);
    a = dyad_get(e, (uint32_t)a1, (uint32_t)a2, g, period_key(e->o.period, v->date), &fresh);
    if (!a)
        return oom(err);
    if (fresh || v->date < a->dmin)
        a->dmin = v->date;
    if (fresh || v->date > a->dmax)
        a->dmax = v->date;
    a->events++;
    a->g10 += v->g10;
    a->mentions += v->mentions;
    a->sources += v->sources;
    a->articles += v->articles;
    if (v->has_tone) {
        a->tone += v->tone;
        a->has_tone = 1;
    }
    if (top_add(a, v->mentions, v->id, v->url ? v->url : "", v->url ? v->url_len : 0) < 0)
        return oom(err);
    e->sum.used++;
    return AG_OK;
}

/* Column positions of the GDELT layouts. */
enum { C_ID = 0, C_DATE = 1, C_A1CODE = 5, C_A1CTRY = 7, C_A2CODE = 15, C_A2CTRY = 17,
       C_CODE = 26, C_GOLD = 30, C_MENT = 31, C_SRC = 32, C_ART = 33, C_TONE = 34 };

static const char *gdelt_actor(ag_events *e, const char *code, size_t code_len,
                               const char *ctry, size_t ctry_len)
{
    if (e->o.actors == AG_EV_ACTORS_CODE)
        return code_len > 0 && ag_id_valid(code) ? code : NULL;
    return ctry_len == 3 && ag_strmap_get(e->by_alpha3, ctry, NULL) ? ctry : NULL;
}

static ag_status gdelt_row(ag_events *e, ag_ev_format fmt, char *line, size_t len,
                           const ev_row *r, ag_error *err)
{
    char *f[62];
    size_t fl[62];
    int n = split_tabs(line, len, f, fl, 61);
    ev_event v;
    e->sum.rows++;
    if (fmt == AG_EV_GDELT2 ? n != 61 : n != 57 && n != 58)
        return bad_row(e, r, AG_EV_BAD_COLUMNS, err, "%s%d columns, not %s",
                       n > 61 ? "more than " : "", n > 61 ? 61 : n,
                       fmt == AG_EV_GDELT2 ? "61 (GDELT 2.0)" : "57 or 58 (GDELT 1.0)");
    memset(&v, 0, sizeof v);
    if (!(v.date = date_read(f[C_DATE], fl[C_DATE], 0)))
        return bad_row(e, r, AG_EV_BAD_DATE, err, "bad date \"%s\" in SQLDATE (YYYYMMDD)",
                       f[C_DATE]);
    if ((v.group = code_group(e, f[C_CODE], fl[C_CODE])) < 0)
        return bad_row(e, r, AG_EV_BAD_CODE, err, "unknown CAMEO code \"%s\" in EventCode",
                       f[C_CODE]);
    if (!read_count(f[C_ID], fl[C_ID], &v.id))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in GLOBALEVENTID",
                       f[C_ID]);
    if (!read_g10(f[C_GOLD], fl[C_GOLD], &v.g10))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in GoldsteinScale",
                       f[C_GOLD]);
    if (!read_count(f[C_MENT], fl[C_MENT], &v.mentions))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in NumMentions",
                       f[C_MENT]);
    if (!read_count(f[C_SRC], fl[C_SRC], &v.sources))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in NumSources",
                       f[C_SRC]);
    if (!read_count(f[C_ART], fl[C_ART], &v.articles))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in NumArticles",
                       f[C_ART]);
    if (fl[C_TONE] > 64 || !ag__decimal(f[C_TONE], &v.tone))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in AvgTone", f[C_TONE]);
    v.has_tone = 1;
    if (n == 61 || n == 58) {
        v.url = f[n - 1];
        v.url_len = fl[n - 1];
    }
    v.a1 = gdelt_actor(e, f[C_A1CODE], fl[C_A1CODE], f[C_A1CTRY], fl[C_A1CTRY]);
    v.a2 = gdelt_actor(e, f[C_A2CODE], fl[C_A2CODE], f[C_A2CTRY], fl[C_A2CTRY]);
    return add_event(e, &v, err);
}

/* Columns of ICEWS. */
enum { I_ID = 0, I_DATE = 1, I_SCTRY = 4, I_CODE = 6, I_INT = 7, I_TCTRY = 10, I_COLS = 20 };

static const char *icews_actor(ag_events *e, const char *name, size_t len, int *oom_flag)
{
    size_t at;
    if (len == 0 || strcmp(name, "NA") == 0)
        return NULL;
    if (ag_strmap_get(e->by_name, name, &at))
        return e->iso_code[at];
    if (unknown_count(e, name) < 0)
        *oom_flag = 1;
    return NULL;
}

static ag_status icews_row(ag_events *e, char *line, size_t len, const ev_row *r,
                           ag_error *err)
{
    char *f[I_COLS + 1];
    size_t fl[I_COLS + 1];
    int n = split_tabs(line, len, f, fl, I_COLS), oom_flag = 0;
    ev_event v;
    e->sum.rows++;
    if (n != I_COLS)
        return bad_row(e, r, AG_EV_BAD_COLUMNS, err, "%s%d columns, not 20 (ICEWS)",
                       n > I_COLS ? "more than " : "", n > I_COLS ? I_COLS : n);
    memset(&v, 0, sizeof v);
    if (!(v.date = date_read(f[I_DATE], fl[I_DATE], 1)))
        return bad_row(e, r, AG_EV_BAD_DATE, err, "bad date \"%s\" in Event Date (YYYY-MM-DD)",
                       f[I_DATE]);
    if ((v.group = code_group(e, f[I_CODE], fl[I_CODE])) < 0)
        return bad_row(e, r, AG_EV_BAD_CODE, err, "unknown CAMEO code \"%s\" in CAMEO Code",
                       f[I_CODE]);
    if (!read_count(f[I_ID], fl[I_ID], &v.id))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in Event ID", f[I_ID]);
    if (!read_g10(f[I_INT], fl[I_INT], &v.g10))
        return bad_row(e, r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in Intensity", f[I_INT]);
    v.mentions = v.sources = v.articles = 1;
    v.a1 = icews_actor(e, f[I_SCTRY], fl[I_SCTRY], &oom_flag);
    v.a2 = icews_actor(e, f[I_TCTRY], fl[I_TCTRY], &oom_flag);
    if (oom_flag)
        return oom(err);
    return add_event(e, &v, err);
}

/* ---- the dyad CSV ---- */

static const char *const dyad_header[] = {"source", "target",   "grp", "period_start", "period_end",
                                          "events", "g10_sum",  "mentions", "sources",
                                          "articles", "tone_sum", "url1",   "url2",   "url3"};
#define DYAD_COLS 14

typedef struct dyad_ctx dyad_ctx;
static void on_cell(void *s, size_t len, void *data);

static void on_cell(void *s, size_t len, void *data)
{
    ag_events *e = *(ag_events **)data; /* dyad_ctx starts with it */
    if (e->n_cells >= DYAD_COLS + 1) {
        e->n_cells = DYAD_COLS + 2; /* too many */
        return;
    }
    if (e->cells_len + len + 1 > e->cells_cap) {
        size_t nc = (e->cells_len + len + 1) * 2;
        char *nb = realloc(e->cells, nc);
        if (!nb) {
            e->cells_oom = 1;
            return;
        }
        e->cells = nb;
        e->cells_cap = nc;
    }
    e->cell_off[e->n_cells++] = e->cells_len;
    if (len)
        memcpy(e->cells + e->cells_len, s, len);
    e->cells[e->cells_len + len] = '\0';
    e->cells_len += len + 1;
}

struct dyad_ctx {
    ag_events *e; /* first: on_cell reads it */
    ev_row r;
    int header_done;
    int rows_ready;   /* a record ended */
};

static void on_record(int c, void *data)
{
    (void)c;
    ((dyad_ctx *)data)->rows_ready = 1;
}

static int read_signed(const char *s, long long *v)
{
    int neg = s[0] == '-';
    if (!read_count(s + neg, strlen(s + neg), v))
        return 0;
    if (neg)
        *v = -*v;
    return 1;
}

/* One record of the dyad CSV: checks it and stores it as a dyad. */
static ag_status dyad_record(dyad_ctx *c, ag_error *err)
{
    ag_events *e = c->e;
    const char *cell[DYAD_COLS];
    long long num[5];
    double tone = 0;
    ag_date ds, de;
    long a1, a2;
    int g, fresh, n = e->n_cells;
    ev_acc *a;
    e->n_cells = 0;
    e->cells_len = 0;
    if (n == 0)
        return AG_OK;
    if (!c->header_done) {
        c->header_done = 1;
        for (int k = 0; k < DYAD_COLS; k++)
            if (n != DYAD_COLS || strcmp(e->cells + e->cell_off[k], dyad_header[k]) != 0) {
                ag_error_set(err, AG_EPARSE,
                             "the dyad CSV needs the header source,target,grp,period_start,period_end,"
                             "events,g10_sum,mentions,sources,articles,tone_sum,url1,url2,"
                             "url3");
                snprintf(err->file, sizeof err->file, "%s", c->r.display);
                err->line = (int)c->r.line;
                return AG_EPARSE;
            }
        return AG_OK;
    }
    e->sum.rows++;
    if (n != DYAD_COLS)
        return bad_row(e, &c->r, AG_EV_BAD_COLUMNS, err, "%s%d columns, not 14 (dyads)",
                       n > DYAD_COLS ? "more than " : "", n > DYAD_COLS ? DYAD_COLS : n);
    for (int k = 0; k < DYAD_COLS; k++)
        cell[k] = e->cells + e->cell_off[k];
    if (!ag_id_valid(cell[0]) || !ag_id_valid(cell[1]))
        return bad_row(e, &c->r, AG_EV_BAD_OTHER, err, "bad actor id \"%s\"",
                       ag_id_valid(cell[0]) ? cell[1] : cell[0]);
    if (strcmp(cell[0], cell[1]) == 0)
        return bad_row(e, &c->r, AG_EV_BAD_OTHER, err, "source and target are both \"%s\"",
                       cell[0]);
    if ((g = group_parse(cell[2])) < 0)
        return bad_row(e, &c->r, AG_EV_BAD_OTHER, err,
                       "unknown group \"%s\" (cooperation, conflict, cameo01..cameo20 or a "
                       "relation type)",
                       cell[2]);
    if (strlen(cell[3]) > 10 || strlen(cell[4]) > 10 || !ag_date_parse(cell[3], &ds) ||
        !ag_date_parse(cell[4], &de) || ag_date_cmp(&de, &ds) < 0)
        return bad_row(e, &c->r, AG_EV_BAD_DATE, err, "bad start or end \"%s\", \"%s\"",
                       cell[3], cell[4]);
    for (int k = 0; k < 5; k++) {
        int ok = k == 1 ? read_signed(cell[5 + k], &num[k]) : read_count(cell[5 + k], strlen(cell[5 + k]), &num[k]);
        if (!ok || (k == 0 && num[k] < 1))
            return bad_row(e, &c->r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in %s",
                           cell[5 + k], dyad_header[5 + k]);
    }
    if (cell[10][0] && (strlen(cell[10]) > 64 || !ag__decimal(cell[10], &tone)))
        return bad_row(e, &c->r, AG_EV_BAD_NUMBER, err, "bad number \"%s\" in tone_sum",
                       cell[10]);
    if ((a1 = actor_intern(e, cell[0])) < 0 || (a2 = actor_intern(e, cell[1])) < 0)
        return oom(err);
    a = dyad_get(e, (uint32_t)a1, (uint32_t)a2, g,
                 (int32_t)(ds.year * 10000 + ds.month * 100 + ds.day), &fresh);
    if (!a)
        return oom(err);
    if (!fresh)
        return bad_row(e, &c->r, AG_EV_BAD_OTHER, err,
                       "a second dyad %s,%s,%s starting %s", cell[0], cell[1], cell[2], cell[3]);
    a->tone = tone;
    a->has_tone = cell[10][0] != '\0';
    snprintf(a->start, sizeof a->start, "%s", cell[3]);
    snprintf(a->end, sizeof a->end, "%s", cell[4]);
    a->events = num[0];
    a->g10 = num[1];
    a->mentions = num[2];
    a->sources = num[3];
    a->articles = num[4];
    for (int k = 0; k < 3; k++) {
        size_t ul = strlen(cell[11 + k]);
        a->top[k].used = 1;
        if (!(a->top[k].url = malloc(ul + 1)))
            return oom(err);
        memcpy(a->top[k].url, cell[11 + k], ul + 1);
        a->top[k].cap = ul + 1;
    }
    e->sum.used++;
    return AG_OK;
}

static ag_status read_dyads(ag_events *e, ag__evin *in, char *first, size_t first_len,
                            long first_no, const ev_row *r0, ag_error *err)
{
    struct csv_parser p;
    dyad_ctx c;
    ag_status st = AG_OK;
    char *line = first;
    size_t len = first_len;
    long no = first_no;
    memset(&c, 0, sizeof c);
    c.e = e;
    c.r = *r0;
    e->n_cells = 0;
    e->cells_len = 0;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return oom(err);
    while (line) {
        c.r.line = no;
        if (no == 1 && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
            line += 3;
            len -= 3;
        }
        if (csv_parse(&p, line, len, on_cell, on_record, &c) != len ||
            csv_parse(&p, "\n", 1, on_cell, on_record, &c) != 1) {
            ag_error_set(err, AG_EPARSE, "malformed quoting in the dyad CSV");
            snprintf(err->file, sizeof err->file, "%s", r0->display);
            err->line = (int)no;
            st = AG_EPARSE;
            goto cleanup;
        }
        if (e->cells_oom) {
            st = oom(err);
            goto cleanup;
        }
        if (c.rows_ready) {
            c.rows_ready = 0;
            if ((st = dyad_record(&c, err)) != AG_OK)
                goto cleanup;
        }
        if ((st = ag__evin_line(in, &line, &len, &no, err)) != AG_OK)
            goto cleanup;
    }
    if (csv_fini(&p, on_cell, on_record, &c) != 0) {
        ag_error_set(err, AG_EPARSE, "unterminated quoted field in the dyad CSV");
        snprintf(err->file, sizeof err->file, "%s", r0->display);
        err->line = (int)no;
        st = AG_EPARSE;
        goto cleanup;
    }
    if (!c.header_done) {
        ag_error_set(err, AG_EPARSE, "empty dyad CSV: no header row");
        snprintf(err->file, sizeof err->file, "%s", r0->display);
        st = AG_EPARSE;
    }
cleanup:
    csv_free(&p);
    return st;
}

/* ---- reading a file ---- */

/* The layout a first line shows: ICEWS's header, the dyad header, or the
 * GDELT column count; AG_EV_AUTO when none. */
static ag_ev_format detect(const char *line, size_t len)
{
    size_t tabs = 0;
    if (strncmp(line, "Event ID\t", 9) == 0)
        return AG_EV_ICEWS;
    if (strncmp(line, "source,target,grp,", 18) == 0 ||
        strncmp(line, "\xef\xbb\xbfsource,target,grp,", 21) == 0)
        return AG_EV_DYADS;
    for (const char *p = line; (p = memchr(p, '\t', len - (size_t)(p - line))); p++)
        tabs++;
    if (tabs == 60)
        return AG_EV_GDELT2;
    if (tabs == 56 || tabs == 57)
        return AG_EV_GDELT1;
    return AG_EV_AUTO;
}

ag_status ag_events_read(ag_events *e, const char *path, const char *display, ag_diags *diags,
                         char sha256[65], ag_ev_format *format, ag_error *err)
{
    ag__evin *in = NULL;
    ag_status st;
    char *line;
    size_t len;
    long no = 0;
    ag_ev_format fmt = e->o.format;
    ev_row r;

    free(e->out);
    e->out = NULL;
    r.display = display;
    r.diags = diags;
    r.line = 0;
    if ((st = ag__evin_open(path, display, &in, err)) != AG_OK)
        goto located;
    if ((st = ag__evin_line(in, &line, &len, &no, err)) != AG_OK)
        goto located;
    if (line && fmt == AG_EV_AUTO) {
        fmt = detect(line, len);
        if (fmt == AG_EV_AUTO) {
            st = ag_error_set(err, AG_EPARSE,
                              "cannot tell the layout from the first line (GDELT 2.0: 61 "
                              "tab-separated columns; GDELT 1.0: 57 or 58; ICEWS: a header "
                              "starting \"Event ID\"; dyads: a header \"source,target,grp,"
                              "...\"): use --format");
            err->line = 1;
            goto located;
        }
    }
    if (fmt == AG_EV_AUTO)
        fmt = AG_EV_GDELT2; /* an empty input: no rows either way */
    if (e->o.actors == AG_EV_ACTORS_CODE && (fmt == AG_EV_ICEWS)) {
        st = ag_error_set(err, AG_EARG, "--actors code needs GDELT input (ICEWS gives "
                                        "countries by name)");
        goto located;
    }
    *format = fmt;
    if (fmt == AG_EV_DYADS) {
        r.line = no;
        if (line && (st = read_dyads(e, in, line, len, no, &r, err)) != AG_OK)
            goto located;
    } else {
        if (fmt == AG_EV_ICEWS && line && strncmp(line, "Event ID\t", 9) == 0 &&
            (st = ag__evin_line(in, &line, &len, &no, err)) != AG_OK)
            goto located;
        while (line) {
            r.line = no;
            st = fmt == AG_EV_ICEWS ? icews_row(e, line, len, &r, err)
                                    : gdelt_row(e, fmt, line, len, &r, err);
            if (st != AG_OK)
                goto cleanup;
            if ((st = ag__evin_line(in, &line, &len, &no, err)) != AG_OK)
                goto located;
        }
    }
    if ((st = ag__evin_finish(in, sha256, err)) != AG_OK)
        goto located;
    unknown_top(e);
    st = AG_OK;
    goto cleanup;
located:
    if (err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", display);
cleanup:
    ag__evin_close(in);
    return st;
}

const ag_ev_dyad *ag_events_dyads(ag_events *e, size_t *n, ag_error *err)
{
    size_t k = 0;
    free(e->out);
    e->out = calloc(e->n_acc ? e->n_acc : 1, sizeof *e->out);
    *n = 0;
    if (!e->out) {
        oom(err);
        return NULL;
    }
    for (size_t i = 0; i < e->n_acc; i++) {
        const ev_acc *a = &e->acc[i];
        ag_ev_dyad *d = &e->out[k];
        if (a->events == 0)
            continue; /* a dyad CSV row refused after its key was taken */
        d->source = e->actor[a->a1];
        d->target = e->actor[a->a2];
        d->group = ag__ev_group_name(a->group);
        if (a->start[0]) {
            memcpy(d->start, a->start, sizeof d->start);
            memcpy(d->end, a->end, sizeof d->end);
        } else {
            period_dates(e->o.period, a, d->start, d->end);
        }
        d->events = a->events;
        d->g10_sum = a->g10;
        d->mentions = a->mentions;
        d->sources = a->sources;
        d->articles = a->articles;
        d->tone_sum = a->tone;
        d->has_tone = a->has_tone != 0;
        for (int t = 0; t < 3; t++)
            d->url[t] = a->top[t].used && a->top[t].url[0] ? a->top[t].url : NULL;
        k++;
    }
    e->sum.dyads = k;
    *n = k;
    return e->out;
}
