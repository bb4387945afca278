/* The loader: defaults, multiplicity, attributes, problems and positions;
 * and the shortest exact reals every writer uses. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/actorgraph.h"
#include "formats/formats.h"
#include "test.h"

static ag_graph *load(const char *text, ag_diags *d, ag_status *st)
{
    ag_graph *g = NULL;
    ag_error err;
    ag_diags_init(d);
    ag_error_clear(&err);
    *st = ag_graph_parse_json(text, strlen(text), "t.json", &g, d, &err);
    return g;
}

static const char good[] =
    "{\n"
    "  \"actorgraph\": 1,\n"
    "  \"title\": \"Test\",\n"
    "  \"description\": \"d\",\n"
    "  \"sources\": [{\"id\": \"s1\", \"title\": \"T\", \"author\": \"A\", \"published\": \"2024-11\"}],\n"
    "  \"actors\": [\n"
    "    {\"id\": \"PRK\", \"name\": \"North Korea\", \"kind\": \"state\", \"group\": \"axis\",\n"
    "     \"attributes\": {\"native_name\": \"\xec\xa1\xb0\xec\x84\xa0\", \"nested\": {\"x\": [1, 2]}}},\n"
    "    {\"id\": \"RUS\"},\n"
    "    {\"id\": \"NATO\", \"kind\": \"organization\"}\n"
    "  ],\n"
    "  \"relations\": [\n"
    "    {\"source\": \"PRK\", \"target\": \"RUS\", \"type\": \"troop_deployment\",\n"
    "     \"evidence\": [{\"source\": \"s1\", \"section\": \"S\", \"note\": \"C1\"}]},\n"
    "    {\"source\": \"PRK\", \"target\": \"RUS\", \"type\": \"alliance\", \"confidence\": \"confirmed\",\n"
    "     \"start\": \"2024-06-19\"},\n"
    "    {\"source\": \"RUS\", \"target\": \"PRK\", \"type\": \"sanctions\", \"weight\": 0.25,\n"
    "     \"mutual\": true, \"label\": \"hypothetical\"},\n"
    "    {\"source\": \"NATO\", \"target\": \"RUS\", \"type\": \"rivalry\", \"sign\": -1,\n"
    "     \"confidence\": \"speculative\", \"end\": \"2030\"}\n"
    "  ]\n"
    "}\n";

static void test_good(void)
{
    ag_diags d;
    ag_status st;
    ag_graph *g = load(good, &d, &st);
    const ag_relation *r;
    CHECK_INT(st, AG_OK);
    /* the one warning: the hypothetical sanctions (undated) contradict the
       alliance in force from 2024-06-19 */
    CHECK_INT(d.count, 1);
    CHECK_INT(d.errors, 0);
    if (d.count == 1) {
        CHECK_STR(d.items[0].pointer, "/relations/2");
        CHECK_STR(d.items[0].message,
                  "contradicts /relations/1: PRK and RUS are in conflict (sanctions, undated) "
                  "and cooperating (alliance, from 2024-06-19) at the same time");
    }
    if (!g) {
        ag_diags_destroy(&d);
        return;
    }
    CHECK_STR(g->title, "Test");
    CHECK_STR(g->description, "d");
    CHECK_INT(g->n_sources, 1);
    CHECK_STR(g->sources[0].published, "2024-11");
    CHECK(g->sources[0].url == NULL);
    CHECK_INT(g->n_actors, 3);
    CHECK_STR(g->actors[0].name, "North Korea");
    CHECK_STR(g->actors[0].group, "axis");
    CHECK_STR(g->actors[1].name, "RUS");          /* name defaults to id */
    CHECK_INT(g->actors[1].kind, AG_KIND_OTHER);  /* kind defaults to other */
    CHECK(g->actors[1].group == NULL);
    CHECK_INT(g->actors[2].kind, AG_KIND_ORGANIZATION);
    CHECK_STR(json_string_value(json_object_get(g->actors[0].attributes, "native_name")),
              "\xec\xa1\xb0\xec\x84\xa0");
    CHECK_INT(json_array_size(json_object_get(
                  json_object_get(g->actors[0].attributes, "nested"), "x")), 2);
    CHECK(json_is_object(g->actors[1].attributes) && json_object_size(g->actors[1].attributes) == 0);
    CHECK_INT(ag_graph_find_actor(g, "NATO"), 2);
    CHECK_INT(ag_graph_find_actor(g, "USA"), -1);
    CHECK_INT(ag_graph_find_source(g, "s1"), 0);

    CHECK_INT(g->n_relations, 4); /* several relations on one pair are kept */
    r = &g->relations[0];
    CHECK_STR(r->id, "r1");
    CHECK_INT(r->source, 0);
    CHECK_INT(r->target, 1);
    CHECK_INT(r->sign, 1);
    CHECK_NEAR(r->weight, 0.85, 0);
    CHECK_INT(r->mutual, 0);
    CHECK_INT(r->confidence, AG_CONF_REPORTED);
    CHECK_INT(r->n_evidence, 1);
    CHECK_STR(r->evidence[0].source, "s1");
    CHECK_STR(r->evidence[0].section, "S");
    CHECK_STR(r->evidence[0].note, "C1");
    CHECK(r->reltype == ag_reltype_find("troop_deployment"));

    r = &g->relations[1];
    CHECK_INT(r->mutual, 1); /* alliance is mutual by default */
    CHECK_NEAR(r->weight, 0.80, 0);
    CHECK_INT(r->confidence, AG_CONF_CONFIRMED);
    CHECK_INT(r->start.year, 2024);
    CHECK_INT(r->start.month, 6);
    CHECK_INT(r->start.day, 19);
    CHECK_INT(r->end.year, 0);

    r = &g->relations[2];
    CHECK_INT(r->sign, -1);
    CHECK_NEAR(r->weight, 0.25, 0); /* explicit values win */
    CHECK_INT(r->mutual, 1);
    CHECK_STR(r->label, "hypothetical");
    CHECK_INT(r->n_evidence, 0);

    r = &g->relations[3];
    CHECK(r->reltype == NULL); /* custom type with a sign */
    CHECK_STR(r->type, "rivalry");
    CHECK_INT(r->sign, -1);
    CHECK_NEAR(r->weight, 0.5, 0);
    CHECK_INT(r->mutual, 0);
    CHECK_INT(r->end.year, 2030);
    CHECK_STR(r->id, "r4");

    ag_graph_free(g);
    ag_diags_destroy(&d);
}

static void test_problems_all_reported_in_order(void)
{
    static const char text[] =
        "{\"actorgraph\": 1, \"title\": \"x\",\n"
        " \"actors\": [{\"id\": \"A\"}, {\"id\": \"A\"}],\n"
        " \"relations\": [{\"source\": \"A\", \"target\": \"B\", \"type\": \"alliance\",\n"
        "                \"weight\": 0}, {\"source\": \"A\", \"target\": \"A\", \"type\": \"threat\"}],\n"
        " \"extra\": 1}\n";
    ag_diags d;
    ag_status st;
    ag_graph *g = load(text, &d, &st);
    CHECK(g == NULL);
    CHECK_INT(st, AG_EINVALID);
    CHECK_INT(d.errors, 3);
    CHECK_INT(d.warnings, 2);
    if (d.count == 5) {
        CHECK_STR(d.items[0].pointer, "/actors/1/id");
        CHECK_INT(d.items[0].line, 2);
        CHECK_INT(d.items[0].column, 33);
        CHECK_STR(d.items[1].pointer, "/relations/0/target");
        CHECK_INT(d.items[1].line, 3);
        CHECK_STR(d.items[2].pointer, "/relations/0/weight");
        CHECK_INT(d.items[2].line, 4);
        CHECK_INT(d.items[2].column, 27);
        CHECK_STR(d.items[3].pointer, "/relations/1");
        CHECK_INT(d.items[3].severity, AG_SEV_WARNING);
        CHECK_STR(d.items[4].pointer, "/extra");
        CHECK_INT(d.items[4].line, 5);
        CHECK_STR(d.items[4].file, "t.json");
    }
    ag_diags_destroy(&d);
}

static void test_syntax_error(void)
{
    ag_diags d;
    ag_status st;
    ag_graph *g = load("{\"actorgraph\": 1,\n \"title\": }", &d, &st);
    CHECK(g == NULL);
    CHECK_INT(st, AG_EPARSE);
    CHECK_INT(d.count, 1);
    if (d.count == 1) {
        CHECK_INT(d.items[0].line, 2);
        CHECK_INT(d.items[0].column, 11);
        CHECK_INT(d.items[0].code, AG_EPARSE);
    }
    ag_diags_destroy(&d);
}

static void test_load_file(const char *path)
{
    ag_graph *g = NULL;
    ag_diags d;
    ag_error err;
    ag_diags_init(&d);
    CHECK_INT(ag_graph_load(path, &g, &d, &err), AG_OK);
    if (g) {
        CHECK_STR(g->name, "dprk-russia");
        CHECK(g->n_actors >= 8);
        CHECK(g->n_relations >= 20);
        CHECK(ag_graph_find_actor(g, "PRK") >= 0);
    }
    ag_graph_free(g);
    ag_diags_destroy(&d);
    g = NULL;
    ag_diags_init(&d);
    CHECK_INT(ag_graph_load("/nonexistent/x.json", &g, &d, &err), AG_EIO);
    CHECK_STR(err.file, "/nonexistent/x.json");
    ag_diags_destroy(&d);
}

/* Past AG_MAX_DIAGNOSTICS problems are counted, not kept; the sort is by
 * line and column, ties and unlocated problems in insertion order; the
 * summary line says how many were dropped. */
static void test_diags_cap_sort_summary(void)
{
    ag_diags d;
    ag_error e;
    size_t n = AG_MAX_DIAGNOSTICS + 500;
    ag_diags_init(&d);
    for (size_t k = 0; k < n; k++) {
        memset(&e, 0, sizeof e);
        e.severity = k % 2 ? AG_SEV_WARNING : AG_SEV_ERROR;
        /* lines 400, 399, ..., 1, then unlocated, each line twice */
        e.line = k < 800 ? (int)(400 - k / 2) : 0;
        e.column = 7;
        snprintf(e.message, sizeof e.message, "%zu", k);
        CHECK_INT(ag_diags_push(&d, &e), AG_OK);
    }
    CHECK_INT(d.count, AG_MAX_DIAGNOSTICS);
    CHECK_INT(d.errors, n / 2);
    CHECK_INT(d.warnings, n / 2);
    CHECK_INT(d.dropped, 500);
    ag_diags_sort(&d);
    CHECK_INT(d.items[0].line, 1);
    CHECK_STR(d.items[0].message, "798");
    CHECK_STR(d.items[1].message, "799");
    CHECK_INT(d.items[799].line, 400);
    CHECK_STR(d.items[799].message, "1");
    CHECK_INT(d.items[800].line, 0);
    CHECK_STR(d.items[800].message, "800");
    CHECK_STR(d.items[AG_MAX_DIAGNOSTICS - 1].message, "999");
    CHECK_INT(ag_diags_summarize(&d, "t.json"), AG_OK);
    CHECK_INT(d.count, AG_MAX_DIAGNOSTICS + 1);
    CHECK_STR(d.items[AG_MAX_DIAGNOSTICS].message,
              "500 more problems not shown (250 errors, 250 warnings; only the first 1000 are "
              "listed)");
    CHECK_INT(d.items[AG_MAX_DIAGNOSTICS].severity, AG_SEV_ERROR);
    CHECK_INT(d.dropped, 0);
    ag_diags_destroy(&d);
}

/* The checker refuses a NUL in any text, attributes included (a document
 * built by an importer can hold one; JSON text cannot say it). */
static void test_nul_in_text(void)
{
    ag_diags d;
    ag_error err;
    ag_graph *g = NULL;
    json_t *doc = json_pack("{s:i, s:s, s:[{s:s, s:{s:o}}, {s:s}], s:[{s:s, s:s, s:s, s:o}]}",
                            "actorgraph", 1, "title", "t", "actors", "id", "A", "attributes",
                            "note", json_stringn("p\0q", 3), "id", "B", "relations", "source",
                            "A", "target", "B", "type", "trade", "label",
                            json_stringn("l\0m", 3));
    CHECK(doc != NULL);
    ag_diags_init(&d);
    CHECK_INT(ag__graph_from_document(doc, "t", NULL, NULL, 0, NULL, &g, &d, &err), AG_EINVALID);
    CHECK(g == NULL);
    CHECK_INT(d.count, 2);
    if (d.count == 2) {
        CHECK_STR(d.items[0].pointer, "/actors/0/attributes/note");
        CHECK_STR(d.items[0].message, "\"attributes\" holds a NUL character (text may hold none)");
        CHECK_STR(d.items[1].pointer, "/relations/0/label");
        CHECK_STR(d.items[1].message, "\"label\" holds a NUL character (text may hold none)");
    }
    ag_diags_destroy(&d);
    json_decref(doc);
}

/* ag__real_shortest against the plain definition: the first precision p
 * (1 to 17) whose "%.*g" reads back, written with it; whole numbers below
 * 1e17 without an exponent. */
static void shortest_by_definition(char *buf, size_t size, double v)
{
    const char *e;
    int p = 1;
    for (; p < 17; p++) {
        snprintf(buf, size, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    snprintf(buf, size, "%.*g", p, v);
    if ((e = strchr(buf, 'e')) != NULL && e[1] == '+' && atoi(e + 2) < 17)
        snprintf(buf, size, "%.*g", atoi(e + 2) + 1, v);
}

static void test_real_shortest(void)
{
    static const struct {
        double v;
        const char *text;
    } known[] = {
        {0.0, "0"},      {-0.0, "-0"},           {0.1, "0.1"},
        {0.5, "0.5"},    {100.0, "100"},         {1e17, "1e+17"},
        {1e-05, "1e-05"}, {0.30000000000000004, "0.30000000000000004"},
        {1.0 / 3.0, "0.3333333333333333"},       {2.0 / 3.0, "0.6666666666666666"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {5e-324, "5e-324"}, /* subnormal: the fewest digits, not 15 */
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {0.767181668343, "0.767181668343"},
    };
    char got[40], want[40];
    uint64_t x = 88172645463325252ULL;
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
        ag__real_shortest(got, sizeof got, known[k].v);
        CHECK_STR(got, known[k].text);
    }
    /* random bit patterns, fractions in [0, 1), short decimals, and
       decimals of 1 to 15 digits from 1e-10 to 1e15 */
    for (int k = 0; k < 40000; k++) {
        double v;
        char t[40];
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if (k % 4 == 0)
            memcpy(&v, &x, sizeof v);
        else if (k % 4 == 1)
            v = (double)(x >> 11) / 9007199254740992.0;
        else if (k % 4 == 2)
            v = (double)(x % 1000000) / 1000.0;
        else {
            snprintf(t, sizeof t, "%.*g", (int)(1 + x % 15),
                     (double)(x >> 11) / 9007199254740992.0 * pow(10, (int)((x >> 3) % 26) - 10));
            v = strtod(t, NULL);
        }
        if (!isfinite(v))
            continue;
        ag__real_shortest(got, sizeof got, v);
        shortest_by_definition(want, sizeof want, v);
        if (strcmp(got, want) != 0) {
            CHECK_STR(got, want);
            break;
        }
    }
}

int main(int argc, char **argv)
{
    ag_init();
    test_good();
    test_problems_all_reported_in_order();
    test_syntax_error();
    test_diags_cap_sort_summary();
    test_nul_in_text();
    test_real_shortest();
    if (argc > 1) {
        /* argv[1]: the source tree, holding the default graph */
        char path[4096];
        snprintf(path, sizeof path, "%s/graphs/dprk-russia.json", argv[1]);
        test_load_file(path);
    }
    TEST_END();
}
