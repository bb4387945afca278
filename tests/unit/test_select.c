/* Selecting relations (actorgraph/select.h): what a date means as a start,
 * an end and a bound; confidence; weights; isolates; the description. The
 * expected sets are worked out by hand from the dates below. */
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "test.h"

/* r1 2010 -           r2 2014-02 - 2015     r3 2016-06-15 -
 * r4 (always) - 2019-03   r5 2020 - 2021-06-30   r6 2022-02-24 -
 * (the same as tests/cli/select/dated.json) */
static const char doc[] =
    "{\"actorgraph\": 1, \"title\": \"t\","
    " \"actors\": [{\"id\": \"A\"}, {\"id\": \"B\"}, {\"id\": \"C\"}, {\"id\": \"D\"},"
    "              {\"id\": \"E\"}],"
    " \"relations\": ["
    "  {\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\", \"confidence\": \"confirmed\","
    "   \"start\": \"2010\"},"
    "  {\"source\": \"A\", \"target\": \"C\", \"type\": \"armed_conflict\","
    "   \"confidence\": \"confirmed\", \"start\": \"2014-02\", \"end\": \"2015\"},"
    "  {\"source\": \"B\", \"target\": \"C\", \"type\": \"trade\", \"confidence\": \"reported\","
    "   \"start\": \"2016-06-15\"},"
    "  {\"source\": \"C\", \"target\": \"D\", \"type\": \"alliance\","
    "   \"confidence\": \"speculative\", \"end\": \"2019-03\"},"
    "  {\"source\": \"D\", \"target\": \"E\", \"type\": \"hostility\", \"confidence\": \"reported\","
    "   \"start\": \"2020\", \"end\": \"2021-06-30\"},"
    "  {\"source\": \"A\", \"target\": \"D\", \"type\": \"military_support\","
    "   \"confidence\": \"confirmed\", \"start\": \"2022-02-24\"}]}";

static ag_graph *load(void)
{
    ag_graph *g = NULL;
    ag_diags d;
    ag_error e;
    ag_diags_init(&d);
    ag_error_clear(&e);
    if (ag_graph_parse_json(doc, sizeof doc - 1, "t.json", &g, &d, &e) != AG_OK)
        fprintf(stderr, "test graph does not load: %s\n", e.message);
    ag_diags_destroy(&d);
    return g;
}

static ag_date date(const char *s)
{
    ag_date d = {0, 0, 0};
    if (s && !ag_date_parse(s, &d))
        fprintf(stderr, "bad date in test: %s\n", s);
    return d;
}

/* The ids of the relations sel keeps, space-separated ("" for none). */
static const char *kept(const ag_graph *g, const ag_selection *sel)
{
    static char buf[128];
    ag_graph *s = NULL;
    ag_error e;
    buf[0] = '\0';
    if (ag_select(g, sel, &s, &e) != AG_OK)
        return "(error)";
    for (size_t i = 0; i < s->n_relations; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? " " : "",
                 s->relations[i].id);
    ag_graph_free(s);
    return buf;
}

static const char *as_of(const ag_graph *g, const char *d)
{
    ag_selection sel;
    ag_selection_init(&sel);
    sel.from = sel.to = date(d);
    sel.as_of = true;
    return kept(g, &sel);
}

static const char *period(const ag_graph *g, const char *from, const char *to)
{
    ag_selection sel;
    ag_selection_init(&sel);
    sel.from = date(from);
    sel.to = date(to);
    return kept(g, &sel);
}

static void test_dates(const ag_graph *g)
{
    /* an end of "2015" runs through 2015-12-31 */
    CHECK_STR(as_of(g, "2015-12-31"), "r1 r2 r4");
    CHECK_STR(as_of(g, "2016-01-01"), "r1 r4");
    /* a start of "2014-02" begins on 2014-02-01; "2010" on 2010-01-01 */
    CHECK_STR(as_of(g, "2014-01-31"), "r1 r4");
    CHECK_STR(as_of(g, "2014-02-01"), "r1 r2 r4");
    CHECK_STR(as_of(g, "2009-12-31"), "r4");
    CHECK_STR(as_of(g, "2010-01-01"), "r1 r4");
    /* a missing start: since always; a missing end: still in force */
    CHECK_STR(as_of(g, "0001-01-01"), "r4");
    CHECK_STR(as_of(g, "9999-12-31"), "r1 r3 r6");
    /* --as-of a year or a month: in force at any time in it */
    CHECK_STR(as_of(g, "2016"), "r1 r3 r4");
    CHECK_STR(as_of(g, "2016-06"), "r1 r3 r4");
    CHECK_STR(as_of(g, "2016-05"), "r1 r4");
    /* an end of "2019-03" runs through 2019-03-31 */
    CHECK_STR(as_of(g, "2019-03-31"), "r1 r3 r4");
    CHECK_STR(as_of(g, "2019-04-01"), "r1 r3");
    CHECK_STR(as_of(g, "2021-06-30"), "r1 r3 r5");
    CHECK_STR(as_of(g, "2021-07"), "r1 r3");
    CHECK_STR(as_of(g, "2022-02-23"), "r1 r3");
    CHECK_STR(as_of(g, "2022-02-24"), "r1 r3 r6");
    CHECK_STR(as_of(g, "2022-02"), "r1 r3 r6");

    /* periods: from the first day of --from to the last of --to */
    CHECK_STR(period(g, "2021-07", "2022-02-23"), "r1 r3");
    CHECK_STR(period(g, "2021-07", "2022-02"), "r1 r3 r6");
    CHECK_STR(period(g, "2015", "2016-06-14"), "r1 r2 r4");
    CHECK_STR(period(g, "2016", "2016"), "r1 r3 r4");
    /* one side open */
    CHECK_STR(period(g, NULL, "2009"), "r4");
    CHECK_STR(period(g, NULL, "2010"), "r1 r4");
    CHECK_STR(period(g, "2022", NULL), "r1 r3 r6");
    CHECK_STR(period(g, "2021-06-30", NULL), "r1 r3 r5 r6");
    /* no period: every relation, whatever today is */
    CHECK_STR(period(g, NULL, NULL), "r1 r2 r3 r4 r5 r6");
}

static void test_confidence(const ag_graph *g)
{
    ag_selection sel;
    ag_selection_init(&sel);
    sel.min_confidence = AG_CONF_CONFIRMED;
    CHECK_STR(kept(g, &sel), "r1 r2 r6");
    sel.min_confidence = AG_CONF_REPORTED;
    CHECK_STR(kept(g, &sel), "r1 r2 r3 r5 r6");
    sel.min_confidence = AG_CONF_SPECULATIVE;
    CHECK_STR(kept(g, &sel), "r1 r2 r3 r4 r5 r6");
    /* with a date */
    sel.min_confidence = AG_CONF_REPORTED;
    sel.from = sel.to = date("2016");
    sel.as_of = true;
    CHECK_STR(kept(g, &sel), "r1 r3");
}

static void test_weights(const ag_graph *g)
{
    ag_selection sel;
    ag_graph *s = NULL;
    ag_error e;
    double w[3];

    ag_selection_init(&sel);
    sel.weigh_confidence = true;
    CHECK(ag_select(g, &sel, &s, &e) == AG_OK);
    if (s) {
        CHECK_INT(s->n_relations, 6);
        CHECK(s->relations[0].weight == 0.8);         /* alliance, confirmed: x1 */
        CHECK(s->relations[2].weight == 0.64 * 0.7);  /* trade, reported */
        CHECK(s->relations[3].weight == 0.8 * 0.4);   /* alliance, speculative */
        CHECK(s->relations[4].weight == 0.72 * 0.7);  /* hostility, reported */
        CHECK(g->relations[2].weight == 0.64);        /* the base is unchanged */
    }
    ag_graph_free(s);

    CHECK(ag_confidence_weights_parse("1,0.5,0.25", w) && w[0] == 1 && w[1] == 0.5 &&
          w[2] == 0.25);
    CHECK(ag_confidence_weights_parse("1e-3,1,.5", w) && w[0] == 1e-3 && w[2] == 0.5);
    CHECK(!ag_confidence_weights_parse("1,0.5", w));
    CHECK(!ag_confidence_weights_parse("1,0.5,0.25,0.1", w));
    CHECK(!ag_confidence_weights_parse("1,0,0.25", w));
    CHECK(!ag_confidence_weights_parse("1,0.5,1.5", w));
    CHECK(!ag_confidence_weights_parse("1,-0.5,0.25", w));
    CHECK(!ag_confidence_weights_parse("1,nan,0.25", w));
    CHECK(!ag_confidence_weights_parse("1,inf,0.25", w));
    CHECK(!ag_confidence_weights_parse("1,0x1p-1,0.25", w));
    CHECK(!ag_confidence_weights_parse("1, 0.5,0.25", w));
    CHECK(!ag_confidence_weights_parse("1,0.5,0.25,", w));
    CHECK(!ag_confidence_weights_parse("", w));

    /* never below the weight floor */
    ag_selection_init(&sel);
    sel.weigh_confidence = true;
    sel.confidence_weights[AG_CONF_SPECULATIVE] = 1e-9;
    CHECK(ag_select(g, &sel, &s, &e) == AG_OK);
    if (s)
        CHECK(s->relations[3].weight == AG_MIN_WEIGHT);
    ag_graph_free(s);
}

static void test_isolates(const ag_graph *g)
{
    ag_selection sel;
    ag_graph *s = NULL;
    ag_error e;

    ag_selection_init(&sel);
    sel.from = sel.to = date("2016-01-01");
    sel.as_of = true;
    CHECK(ag_select(g, &sel, &s, &e) == AG_OK); /* kept: r1 A-B, r4 C-D */
    if (s)
        CHECK_INT(s->n_actors, 5); /* E stays, as an isolate */
    ag_graph_free(s);
    sel.drop_isolates = true;
    sel.from = sel.to = date("2023");
    CHECK(ag_select(g, &sel, &s, &e) == AG_OK); /* kept: r1 A-B, r3 B-C, r6 A-D */
    if (s) {
        CHECK_INT(s->n_actors, 4);
        CHECK_STR(s->actors[3].id, "D");
        CHECK_INT(ag_graph_find_actor(s, "E"), -1);
        CHECK_INT(ag_graph_find_actor(s, "D"), 3);
        CHECK_INT(s->relations[2].source, 0);
        CHECK_INT(s->relations[2].target, 3);
        CHECK_INT(s->relations[1].source, 1);
        CHECK_INT(s->relations[1].target, 2);
        CHECK_INT(ag_graph_find_actor(g, "E"), 4); /* the base keeps its own */
    }
    ag_graph_free(s);
}

static void test_describe(void)
{
    ag_selection sel;
    char buf[512];
    json_t *j;
    char *text;

    ag_selection_init(&sel);
    CHECK(ag_selection_is_all(&sel));
    ag_selection_describe(&sel, buf, sizeof buf);
    CHECK_STR(buf, "");
    sel.from = sel.to = date("2024-11-01");
    sel.as_of = true;
    sel.min_confidence = AG_CONF_REPORTED;
    CHECK(!ag_selection_is_all(&sel));
    ag_selection_describe(&sel, buf, sizeof buf);
    CHECK_STR(buf, "as of 2024-11-01; confirmed and reported only");
    ag_selection_init(&sel);
    sel.from = date("2022");
    sel.min_confidence = AG_CONF_CONFIRMED;
    sel.weigh_confidence = true;
    sel.drop_isolates = true;
    ag_selection_describe(&sel, buf, sizeof buf);
    CHECK_STR(buf, "from 2022 on; confirmed only; weights scaled by confidence: confirmed 1, "
                   "reported 0.7, speculative 0.4; isolates dropped");
    ag_selection_init(&sel);
    sel.to = date("2021-06");
    ag_selection_describe(&sel, buf, sizeof buf);
    CHECK_STR(buf, "through 2021-06");
    sel.from = date("1946");
    ag_selection_describe(&sel, buf, sizeof buf);
    CHECK_STR(buf, "from 1946 through 2021-06");
    ag_selection_describe(&sel, buf, 8); /* truncated, terminated */
    CHECK_STR(buf, "from 19");

    j = ag_selection_json(&sel, NULL);
    text = j ? json_dumps(j, JSON_SORT_KEYS | JSON_COMPACT) : NULL;
    CHECK_STR(text, "{\"description\":\"from 1946 through 2021-06\",\"drop_isolates\":false,"
                    "\"from\":\"1946\",\"min_confidence\":\"speculative\",\"to\":\"2021-06\"}");
    free(text);
    json_decref(j);
}

static void test_check(const ag_graph *g)
{
    ag_selection sel;
    ag_graph *s = NULL;
    ag_error e;
    ag_selection_init(&sel);
    sel.from = date("2023");
    sel.to = date("2022-12");
    ag_error_clear(&e);
    CHECK(ag_select(g, &sel, &s, &e) == AG_EARG && s == NULL);
    CHECK_STR(e.message, "the period ends (2022-12) before it starts (2023)");
    sel.to = date("2023"); /* one year: fine */
    CHECK(ag_selection_check(&sel, &e) == AG_OK);
    ag_selection_init(&sel);
    sel.confidence_weights[1] = 0;
    CHECK(ag_selection_check(&sel, &e) == AG_EARG);
}

/* Many selections of one loaded graph (what timeline does), and one that
 * takes ownership of its base. */
static void test_views(void)
{
    ag_graph *g = load(), *s[3] = {NULL, NULL, NULL};
    ag_selection sel;
    ag_error e;
    if (!g)
        return;
    ag_selection_init(&sel);
    CHECK(ag_select_take(&g, &sel, &e) == AG_OK); /* keeps all: unchanged */
    CHECK(g->base == NULL && g->selection == NULL);
    for (int k = 0; k < 3; k++) {
        sel.from = sel.to = date(k == 0 ? "2012" : k == 1 ? "2018" : "2024");
        sel.as_of = true;
        sel.drop_isolates = k == 2;
        CHECK(ag_select(g, &sel, &s[k], &e) == AG_OK);
    }
    CHECK(s[0] && s[1] && s[2] && s[0]->n_relations == 2 && s[1]->n_relations == 3 &&
          s[2]->n_relations == 3 && s[2]->n_actors == 4);
    CHECK(s[0] && s[0]->title == g->title && s[0]->selection && s[0]->base == g);
    for (int k = 0; k < 3; k++)
        ag_graph_free(s[k]);
    sel.drop_isolates = false;
    CHECK(ag_select_take(&g, &sel, &e) == AG_OK);
    CHECK(g->base != NULL && g->owned_base != NULL && g->n_relations == 3);
    ag_graph_free(g); /* frees the base too (LSan checks) */
}

int main(void)
{
    ag_graph *g = load();
    if (!g)
        return 1;
    test_dates(g);
    test_confidence(g);
    test_weights(g);
    test_isolates(g);
    test_describe();
    test_check(g);
    test_views();
    ag_graph_free(g);
    TEST_END();
}
