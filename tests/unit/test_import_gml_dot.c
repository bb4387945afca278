/* The GML and DOT importers: what they read, where they place problems,
 * and GML export read back without loss. Run from the source tree or give
 * its path as the first argument. */
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "actorgraph/export.h"
#include "formats/formats.h"
#include "test.h"

typedef ag_status (*importer)(const char *text, size_t len, const char *display,
                              const char *title, json_t **doc, ag_srcmap *map, ag_diags *diags,
                              ag_error *err);

static const char *srcdir = ".";

/* The file at srcdir/rel, NUL-terminated; NULL (a failed check) when it
 * cannot be read. */
static char *slurp(const char *rel, size_t *len)
{
    char path[1024];
    ag_error err;
    char *data = NULL;
    snprintf(path, sizeof path, "%s/%s", srcdir, rel);
    if (ag_read_input(path, path, &data, len, &err) != AG_OK) {
        fprintf(stderr, "cannot read %s: %s\n", path, err.message);
        test_failures++;
        return NULL;
    }
    return data;
}

/* Imports text as the loader does: importer, then the checker. *doc (when
 * doc is not NULL) gets the document, *g the graph when it is valid. */
static ag_status import(importer fn, const char *text, size_t len, const char *display,
                        json_t **doc, ag_graph **g, ag_diags *d)
{
    ag_srcmap *map = ag_srcmap_new();
    json_t *document = NULL;
    ag_graph *graph = NULL;
    ag_error err;
    ag_status st;

    size_t errors_before = d->errors;

    ag_error_clear(&err);
    CHECK(map != NULL);
    st = fn(text, len, display, "stem", &document, map, d, &err);
    if (st == AG_OK) {
        CHECK(document != NULL);
        st = ag__graph_from_document(document, display, map, NULL, 0, NULL, &graph, d, &err);
        /* as load.c: what the importer left out makes the input invalid */
        if (st == AG_OK && d->errors > errors_before) {
            ag_graph_free(graph);
            graph = NULL;
            st = AG_EINVALID;
        }
    } else {
        CHECK(document == NULL);
        CHECK(st != AG_EPARSE || d->errors > 0); /* the problem is in diags */
    }
    if (doc)
        *doc = document;
    else
        json_decref(document);
    if (g)
        *g = graph;
    else
        ag_graph_free(graph);
    ag_srcmap_free(map);
    return st;
}

static ag_status import_str(importer fn, const char *text, json_t **doc, ag_graph **g,
                            ag_diags *d)
{
    return import(fn, text, strlen(text), "t", doc, g, d);
}

/* The index of the first problem whose message contains s; -1 if none. */
static long find_diag(const ag_diags *d, const char *s)
{
    for (size_t k = 0; k < d->count; k++)
        if (strstr(d->items[k].message, s))
            return (long)k;
    return -1;
}

/* Checks that a problem containing msg is at line:col (col -1: any). */
static void check_at(const ag_diags *d, const char *msg, int line, int col, int line_no)
{
    long k = find_diag(d, msg);
    if (k < 0) {
        fprintf(stderr, "%s:%d: no problem \"%s\"\n", __FILE__, line_no, msg);
        for (size_t i = 0; i < d->count; i++)
            fprintf(stderr, "  have %d:%d %s: %s\n", d->items[i].line, d->items[i].column,
                    d->items[i].pointer, d->items[i].message);
        test_failures++;
        return;
    }
    if (d->items[k].line != line || (col >= 0 && d->items[k].column != col)) {
        fprintf(stderr, "%s:%d: \"%s\" at %d:%d, expected %d:%d\n", __FILE__, line_no, msg,
                d->items[k].line, d->items[k].column, line, col);
        test_failures++;
    }
}
#define CHECK_AT(d, msg, line, col) check_at((d), (msg), (line), (col), __LINE__)

/* The value at a slash-separated path of keys and indexes; NULL if none. */
static json_t *at(json_t *doc, const char *path)
{
    json_t *v = doc;
    char buf[256], *save = NULL;
    snprintf(buf, sizeof buf, "%s", path);
    for (char *tok = strtok_r(buf, "/", &save); tok && v; tok = strtok_r(NULL, "/", &save)) {
        char *end;
        unsigned long i = strtoul(tok, &end, 10);
        v = *end == '\0' && json_is_array(v) ? json_array_get(v, i) : json_object_get(v, tok);
    }
    return v;
}

static const char *str_at(json_t *doc, const char *path)
{
    return json_string_value(at(doc, path));
}

/* ---- GML -------------------------------------------------------------------- */

/* JSON -> GML (the export) -> JSON keeps everything. */
static void test_gml_round_trip(const char *rel)
{
    char path[1024];
    ag_graph *g1 = NULL, *g2 = NULL;
    ag_export_opts xo;
    ag_blob blob = {NULL, 0};
    ag_diags d;
    ag_error err;
    json_t *j1 = NULL, *j2 = NULL;

    ag_diags_init(&d);
    snprintf(path, sizeof path, "%s/%s", srcdir, rel);
    CHECK_INT(ag_graph_load(path, &g1, &d, &err), AG_OK);
    if (!g1)
        goto cleanup;
    ag_export_opts_init(&xo);
    xo.format = AG_EXPORT_GML;
    CHECK_INT(ag_export(g1, &xo, &blob, &err), AG_OK);
    CHECK_INT(import(ag__gml_document, blob.data, blob.len, "rt.gml", NULL, &g2, &d), AG_OK);
    if (!g2)
        goto cleanup;
    j1 = ag_graph_to_json(g1);
    j2 = ag_graph_to_json(g2);
    CHECK(j1 && j2 && json_equal(j1, j2));
    CHECK_STR(g2->title, g1->title);
    if (j1 && j2 && !json_equal(j1, j2)) {
        char *a = json_dumps(j1, JSON_SORT_KEYS), *b = json_dumps(j2, JSON_SORT_KEYS);
        fprintf(stderr, "round trip of %s differs:\n%s\n%s\n", rel, a, b);
        free(a);
        free(b);
    }
cleanup:
    json_decref(j1);
    json_decref(j2);
    ag_blob_free(&blob);
    ag_graph_free(g1);
    ag_graph_free(g2);
    ag_diags_destroy(&d);
}

static void test_gml_hand(void)
{
    size_t len = 0;
    char *text = slurp("tests/import/gml-hand.gml", &len);
    json_t *doc = NULL, *v;
    ag_graph *g = NULL;
    ag_diags d;

    ag_diags_init(&d);
    if (!text)
        return;
    CHECK_INT(import(ag__gml_document, text, len, "gml-hand.gml", &doc, &g, &d), AG_OK);
    CHECK_STR(str_at(doc, "title"), "Hand & \"GML\" <test>");
    CHECK_STR(str_at(doc, "description"), "two lines\nof text");
    CHECK_STR(str_at(doc, "sources/0/title"), "An article");
    CHECK_INT(json_array_size(json_object_get(doc, "actors")), 3);
    CHECK_STR(str_at(doc, "actors/0/id"), "PRK");
    CHECK_STR(str_at(doc, "actors/0/name"), "\xec\xa1\xb0\xec\x84\xa0 \xf0\x9f\x98\x80");
    CHECK_STR(str_at(doc, "actors/0/group"), "Axis");
    CHECK_STR(str_at(doc, "actors/0/attributes/capital"), "Pyongyang");
    v = at(doc, "actors/0/attributes/pop");
    CHECK(json_is_integer(v) && json_integer_value(v) == 26);
    v = at(doc, "actors/0/attributes/degree");
    CHECK(json_is_integer(v) && json_integer_value(v) == 3);
    v = at(doc, "actors/0/attributes/tags");
    CHECK(json_is_array(v) && json_array_size(v) == 3 && json_is_true(json_array_get(v, 2)));
    CHECK_STR(str_at(doc, "actors/0/attributes/iso-code"), "KP");
    CHECK_STR(str_at(doc, "actors/0/attributes/native_name"), "x");
    CHECK_STR(str_at(doc, "actors/0/attributes/a_BC"), "kept");
    CHECK(at(doc, "actors/0/attributes/graphics") == NULL);
    CHECK(at(doc, "actors/0/attributes/x") == NULL);
    v = at(doc, "actors/1/attributes/area");
    CHECK(json_is_real(v) && json_real_value(v) == 1.7e7);
    CHECK_STR(str_at(doc, "actors/1/name"),
              "\xd0\xa0\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd1\x8f");
    CHECK_STR(str_at(doc, "actors/2/id"), "n30");
    CHECK_STR(str_at(doc, "actors/2/name"), "It's a node");
    /* undirected: mutual unless the edge says otherwise */
    CHECK_STR(str_at(doc, "relations/0/source"), "PRK");
    CHECK_STR(str_at(doc, "relations/0/target"), "RUS");
    CHECK(json_is_true(at(doc, "relations/0/mutual")));
    CHECK_STR(str_at(doc, "relations/0/start"), "2024");
    CHECK_STR(str_at(doc, "relations/0/evidence/0/note"), "C1");
    CHECK(at(doc, "relations/0/key") == NULL);
    CHECK(json_is_false(at(doc, "relations/1/mutual")));
    CHECK(json_is_integer(at(doc, "relations/1/sign")));
    CHECK(json_is_real(at(doc, "relations/1/weight")));
    CHECK_STR(str_at(doc, "relations/1/label"), "one way");
    CHECK(at(doc, "relations/1/colour") == NULL);
    CHECK_AT(&d, "edge key \"colour\" ignored", 52, 5);
    CHECK_INT(d.errors, 0);
    if (g) {
        CHECK_INT(g->n_actors, 3);
        CHECK_INT(g->n_relations, 2);
        CHECK(g->relations[0].mutual);
        CHECK(!g->relations[1].mutual);
    }
    json_decref(doc);
    ag_graph_free(g);
    ag_diags_destroy(&d);
    free(text);
}

/* The checker's problems land on the GML keys that hold the values. */
static void test_gml_checker_positions(void)
{
    size_t len = 0;
    char *text = slurp("tests/import/gml-errors.gml", &len);
    ag_diags d;
    long k;

    ag_diags_init(&d);
    if (!text)
        return;
    CHECK_INT(import(ag__gml_document, text, len, "gml-errors.gml", NULL, NULL, &d), AG_EINVALID);
    CHECK_AT(&d, "unknown actor kind \"empire\"", 4, 25);
    CHECK_AT(&d, "weight must be a number in (0, 1], not 1.5", 5, 44);
    CHECK_AT(&d, "custom relation type \"rivalry\" needs a \"sign\"", 9, 5);
    if ((k = find_diag(&d, "empire")) >= 0)
        CHECK_STR(d.items[k].pointer, "node \"B\", kind");
    if ((k = find_diag(&d, "1.5")) >= 0)
        CHECK_STR(d.items[k].pointer, "edge 1 (A -> B), weight");
    if ((k = find_diag(&d, "rivalry")) >= 0)
        CHECK_STR(d.items[k].pointer, "edge 2 (B -> A), type");
    ag_diags_destroy(&d);
    free(text);
}

/* networkx's GML: no types, so every relation is refused at its edge. */
static void test_gml_networkx(void)
{
    size_t len = 0, missing = 0;
    char *text = slurp("tests/import/gml-karate.gml", &len);
    json_t *doc = NULL;
    ag_diags d;

    ag_diags_init(&d);
    if (!text)
        return;
    CHECK_INT(import(ag__gml_document, text, len, "gml-karate.gml", &doc, NULL, &d), AG_EINVALID);
    for (size_t k = 0; k < d.count; k++) {
        const ag_error *e = &d.items[k];
        const char *line = text;
        if (!strstr(e->message, "missing required field \"type\""))
            continue;
        missing++;
        for (int n = 1; n < e->line && line; n++)
            line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL;
        CHECK(line && strncmp(line, "  edge [", 8) == 0);
        CHECK_INT(e->column, 3);
        CHECK(strncmp(e->pointer, "edge ", 5) == 0);
    }
    CHECK_INT(missing, 78);
    CHECK_AT(&d, "graph key \"name\" ignored", 2, 3);
    CHECK_INT(json_array_size(json_object_get(doc, "actors")), 34);
    CHECK_STR(str_at(doc, "actors/0/id"), "0");
    CHECK_STR(str_at(doc, "actors/0/attributes/club"), "Mr. Hi");
    /* no `directed`: GML's default, undirected */
    CHECK(json_is_true(at(doc, "relations/0/mutual")));
    CHECK(json_is_integer(at(doc, "relations/0/weight")));
    json_decref(doc);
    ag_diags_destroy(&d);
    free(text);
}

static void gml_error(const char *text, const char *msg, int line, int col, int line_no)
{
    ag_diags d;
    ag_diags_init(&d);
    ag_status st = import_str(ag__gml_document, text, NULL, NULL, &d);
    if (st != AG_EPARSE && st != AG_EINVALID) {
        fprintf(stderr, "%s:%d: accepted\n", __FILE__, line_no);
        test_failures++;
    }
    check_at(&d, msg, line, col, line_no);
    ag_diags_destroy(&d);
}
#define GML_ERROR(text, msg, line, col) gml_error((text), (msg), (line), (col), __LINE__)

static void test_gml_syntax(void)
{
    size_t len = 0;
    char *text = slurp("tests/import/gml-syntax.gml", &len);
    char deep[3 * 300 + 64];
    ag_diags d;

    if (text) {
        ag_diags_init(&d);
        CHECK_INT(import(ag__gml_document, text, len, "gml-syntax.gml", NULL, NULL, &d),
                  AG_EPARSE);
        CHECK_AT(&d, "unterminated string", 3, 21);
        CHECK_INT(d.count, 1);
        ag_diags_destroy(&d);
        free(text);
    }
    GML_ERROR("graph [\n  node [ id 1 ]\n", "unbalanced brackets: '[' is never closed", 1, 7);
    GML_ERROR("graph [\n]\n]\n", "unbalanced brackets: ']' without a matching '['", 3, 1);
    GML_ERROR("graph [\n  node [ id ]\n]", "missing value for key \"id\"", 2, 10);
    GML_ERROR("graph [ node [ id 1 label\n", "missing value for key \"label\"", 1, 21);
    GML_ERROR("graph [ node [ id 1 kind \"a\" name title 3 ] ]", "missing value for key \"name\"",
              1, 30);
    GML_ERROR("graph [\n  node [ id 1 label @ ]\n]", "unexpected character '@'", 2, 21);
    GML_ERROR("graph [\n  \xc3\xa9t\xc3\xa9 1\n]", "unexpected character '\xc3\xa9'", 2, 3);
    GML_ERROR("graph [ node [ id 12x ] ]", "bad number \"12x\"", 1, 19);
    GML_ERROR("graph [ node [ id 1 label \"a\" ] edge [ source 1 target 9 ] ]",
              "edge target: unknown node id 9", 1, 49);
    GML_ERROR("graph [ node [ id 1 label \"a\" ] edge [ source \"a\" target 1 ] ]",
              "edge source must be a node id", 1, 40);
    GML_ERROR("graph [ node [ id 1 label \"a\" ] node [ id 1 label \"b\" ] ]",
              "duplicate node id 1 (first at line 1)", 1, 40);
    GML_ERROR("graph [ node [ kind \"state\" ] ]", "node has neither an id nor a label", 1, 9);
    GML_ERROR("graph [ node [ id \"x\" label \"a\" ] ]", "node id must be an integer", 1, 16);
    GML_ERROR("graph [\n  sources \"[{bad\"\n]", "bad JSON in sources", 2, 3);
    GML_ERROR("graph [ node [ id 1 label \"a\" attrjson_k \"{\" ] ]", "bad JSON in attrjson_k", 1,
              31);
    GML_ERROR("graph [ node [ id 1 label \"a\" ] edge [ source 1 target 1 evidence \"[\" ] ]",
              "bad JSON in evidence", 1, 58);
    GML_ERROR("# nothing\n", "no graph [ ... ] in the file", 0, 0);
    GML_ERROR("graph 1", "no graph [ ... ] in the file", 0, 0);
    GML_ERROR("graph [ directed 2 ]", "directed must be 0 or 1", 1, 9);

    /* deep nesting is refused, not followed down the stack */
    memset(deep, 0, sizeof deep);
    strcpy(deep, "graph ");
    for (int k = 0; k < 300; k++)
        strcat(deep, "[a ");
    GML_ERROR(deep, "lists nested too deeply", 1, -1);
}

static void test_gml_strings(void)
{
    json_t *doc = NULL;
    ag_diags d;

    ag_diags_init(&d);
    /* references: named, decimal, hex; unknown and malformed kept; a
     * comment sign inside a string; Latin-1 text (with one warning) */
    CHECK_INT(import_str(ag__gml_document,
                         "graph [\n"
                         "  title \"a &amp;amp; &#65;&#x42;&#X43; &bogus; &#xD800; &#0; & b # c\"\n"
                         "  node [ id 1 label \"A\" name \"caf\xe9\" kind \"state\" ]\n"
                         "  node [ id 2 label \"B\" name \"\xe9t\xe9\" w INF z -nan big 1e999 ]\n"
                         "]\n",
                         &doc, NULL, &d),
              AG_OK);
    CHECK_STR(str_at(doc, "title"), "a &amp; ABC &bogus; &#xD800; &#0; & b # c");
    CHECK_STR(str_at(doc, "actors/0/name"), "caf\xc3\xa9");
    CHECK_STR(str_at(doc, "actors/1/name"), "\xc3\xa9t\xc3\xa9");
    CHECK_STR(str_at(doc, "actors/1/attributes/w"), "INF");
    CHECK_STR(str_at(doc, "actors/1/attributes/z"), "-nan");
    CHECK_STR(str_at(doc, "actors/1/attributes/big"), "1e999");
    CHECK_INT(d.warnings, 1);
    CHECK_AT(&d, "not UTF-8", 3, 30);
    json_decref(doc);
    ag_diags_destroy(&d);

    /* the title parameter when the file names none; repeated keys warned */
    ag_diags_init(&d);
    CHECK_INT(import_str(ag__gml_document,
                         "graph [ directed 1 node [ id 1 label \"A\" kind \"state\" "
                         "kind \"person\" foo [ a 1 ] ] edge [ source 1 target 1 "
                         "type \"trade\" type \"x\" id 3 graphics [ ] ] ]",
                         &doc, NULL, &d),
              AG_OK);
    CHECK_STR(str_at(doc, "title"), "stem");
    CHECK_STR(str_at(doc, "actors/0/kind"), "state");
    CHECK_STR(str_at(doc, "relations/0/type"), "trade");
    CHECK(at(doc, "relations/0/mutual") == NULL);
    CHECK(find_diag(&d, "node key \"kind\" repeated") >= 0);
    CHECK(find_diag(&d, "node key \"foo\" ignored (a list)") >= 0);
    CHECK(find_diag(&d, "edge key \"type\" repeated") >= 0);
    CHECK(find_diag(&d, "edge key \"id\" ignored") >= 0);
    CHECK(find_diag(&d, "graphics") < 0);
    json_decref(doc);
    ag_diags_destroy(&d);
}

/* ---- DOT -------------------------------------------------------------------- */

static void test_dot_hand(void)
{
    size_t len = 0;
    char *text = slurp("tests/import/dot-hand.dot", &len);
    json_t *doc = NULL, *v;
    ag_graph *g = NULL;
    ag_diags d;

    ag_diags_init(&d);
    if (!text)
        return;
    CHECK_INT(import(ag__dot_document, text, len, "dot-hand.dot", &doc, &g, &d), AG_OK);
    CHECK_INT(d.count, 0);
    CHECK_STR(str_at(doc, "title"), "Hand-written \"DOT\"");
    CHECK_STR(str_at(doc, "sources/0/id"), "s1");
    CHECK_INT(json_array_size(json_object_get(doc, "actors")), 3);
    CHECK_STR(str_at(doc, "actors/0/id"), "PRK");
    CHECK_STR(str_at(doc, "actors/0/name"), "North Korea");
    CHECK_STR(str_at(doc, "actors/0/kind"), "state");
    CHECK_STR(str_at(doc, "actors/0/group"), "Axis");
    CHECK_STR(str_at(doc, "actors/0/attributes/capital"), "Pyongyang");
    CHECK_STR(str_at(doc, "actors/1/group"), "Big powers");
    CHECK_STR(str_at(doc, "actors/2/id"), "UKR");
    CHECK(at(doc, "actors/2/name") == NULL);
    CHECK(at(doc, "actors/2/group") == NULL);
    CHECK(at(doc, "actors/2/attributes") == NULL);
    CHECK_INT(json_array_size(json_object_get(doc, "relations")), 4);
    CHECK_STR(str_at(doc, "relations/0/type"), "troop_deployment");
    v = at(doc, "relations/0/weight");
    CHECK(json_is_real(v) && json_real_value(v) == 0.85);
    CHECK_STR(str_at(doc, "relations/0/label"), "troops\nKursk");
    CHECK_STR(str_at(doc, "relations/0/evidence/0/source"), "s1");
    CHECK(at(doc, "relations/0/mutual") == NULL);
    CHECK(json_is_true(at(doc, "relations/1/mutual")));
    CHECK_STR(str_at(doc, "relations/1/confidence"), "confirmed");
    CHECK_STR(str_at(doc, "relations/1/start"), "2024-06");
    v = at(doc, "relations/2/sign");
    CHECK(json_is_integer(v) && json_integer_value(v) == -1);
    CHECK(json_is_real(at(doc, "relations/2/weight")));
    CHECK(json_is_false(at(doc, "relations/3/mutual")));
    CHECK(at(doc, "relations/3/color") == NULL);
    if (g) {
        CHECK_INT(g->n_relations, 4);
        CHECK_INT(g->relations[2].sign, -1);
        CHECK(g->relations[1].mutual);
    }
    json_decref(doc);
    ag_graph_free(g);
    ag_diags_destroy(&d);
    free(text);
}

static void test_dot_undirected(void)
{
    size_t len = 0;
    char *text = slurp("tests/import/dot-undirected.dot", &len);
    json_t *doc = NULL;
    ag_diags d;

    ag_diags_init(&d);
    if (!text)
        return;
    CHECK_INT(import(ag__dot_document, text, len, "dot-undirected.dot", &doc, NULL, &d), AG_OK);
    CHECK_STR(str_at(doc, "title"), "Undirected");
    CHECK_STR(str_at(doc, "relations/0/source"), "a");
    CHECK_STR(str_at(doc, "relations/0/target"), "b");
    CHECK(json_is_true(at(doc, "relations/0/mutual")));
    CHECK(json_is_false(at(doc, "relations/1/mutual")));
    CHECK(json_is_true(at(doc, "relations/2/mutual")));
    CHECK_STR(str_at(doc, "relations/2/source"), "c");
    json_decref(doc);
    ag_diags_destroy(&d);
    free(text);
}

static void test_dot_errors(void)
{
    size_t len = 0;
    char *text = slurp("tests/import/dot-syntax.dot", &len);
    json_t *doc = NULL;
    ag_diags d;
    long k;

    ag_diags_init(&d);
    if (text) {
        CHECK_INT(import(ag__dot_document, text, len, "dot-syntax.dot", NULL, NULL, &d),
                  AG_EPARSE);
        CHECK_AT(&d, "syntax error near ';'", 4, 0);
        if (d.count > 0)
            CHECK_STR(d.items[0].message, "syntax error near ';'");
        free(text);
    }
    ag_diags_destroy(&d);

    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document, "digraph {\n a [label=\"x]\n}\n", NULL, NULL, &d),
              AG_EPARSE);
    CHECK_AT(&d, "syntax error scanning a quoted string", 2, 0);
    ag_diags_destroy(&d);

    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document, "/* nothing */\n", NULL, NULL, &d), AG_EPARSE);
    CHECK_AT(&d, "no graph in the file", 0, 0);
    ag_diags_destroy(&d);

    /* values that do not parse stay strings for the checker to refuse */
    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document,
                         "digraph { a -> b [type=trade, weight=heavy, sign=2, mutual=maybe] "
                         "b [kind=empire] }",
                         &doc, NULL, &d),
              AG_EINVALID);
    CHECK_STR(str_at(doc, "relations/0/weight"), "heavy");
    CHECK_STR(str_at(doc, "relations/0/mutual"), "maybe");
    CHECK(json_is_integer(at(doc, "relations/0/sign")));
    if ((k = find_diag(&d, "weight must be")) >= 0) {
        CHECK_STR(d.items[k].pointer, "edge 1 (a -> b), weight");
        CHECK_INT(d.items[k].line, 0);
    }
    if ((k = find_diag(&d, "unknown actor kind")) >= 0)
        CHECK_STR(d.items[k].pointer, "node \"b\", kind");
    CHECK(find_diag(&d, "mutual must be true or false") >= 0);
    CHECK(find_diag(&d, "sign must be +1 or -1") >= 0);
    json_decref(doc);
    ag_diags_destroy(&d);

    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document, "digraph { a -> b [type=trade, evidence=\"[{\"] }",
                         NULL, NULL, &d),
              AG_EINVALID);
    if ((k = find_diag(&d, "bad JSON")) >= 0)
        CHECK_STR(d.items[k].pointer, "edge 1 (a -> b), evidence");
    ag_diags_destroy(&d);
}

/* What follows the first graph on its line is read no further, and does
 * not leak into the next file read. */
static void test_dot_clean_lexer(void)
{
    json_t *doc = NULL;
    ag_diags d;

    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document, "digraph { a } digraph { b } junk", &doc, NULL, &d),
              AG_OK);
    CHECK_INT(json_array_size(json_object_get(doc, "actors")), 1);
    CHECK(find_diag(&d, "only the first graph") >= 0);
    json_decref(doc);
    ag_diags_destroy(&d);

    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document, "digraph { x -> y [type=trade] }", &doc, NULL, &d),
              AG_OK);
    CHECK_STR(str_at(doc, "actors/0/id"), "x");
    CHECK_INT(d.count, 0);
    json_decref(doc);
    ag_diags_destroy(&d);

    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document, "digraph { a -> ; } digraph { c }", NULL, NULL, &d),
              AG_EPARSE);
    ag_diags_destroy(&d);
    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document, "digraph { z }", &doc, NULL, &d), AG_OK);
    CHECK_STR(str_at(doc, "actors/0/id"), "z");
    json_decref(doc);
    ag_diags_destroy(&d);
}

/* The renderer's DOT reads back: names, groups, every relation with its
 * type, no legend; the checker accepts it. */
static void test_dot_rendered(void)
{
    size_t len = 0;
    char *text = slurp("tests/cli/render/small.dot", &len);
    json_t *doc = NULL;
    ag_diags d;
    size_t missing = 0;

    ag_diags_init(&d);
    if (!text)
        return;
    CHECK_INT(import(ag__dot_document, text, len, "small.dot", &doc, NULL, &d), AG_OK);
    CHECK_STR(str_at(doc, "title"), "Small test graph <&>");
    CHECK_INT(json_array_size(json_object_get(doc, "actors")), 7);
    CHECK_INT(json_array_size(json_object_get(doc, "relations")), 8);
    CHECK_STR(str_at(doc, "actors/0/id"), "PRK");
    CHECK_STR(str_at(doc, "actors/0/name"), "\xec\xa1\xb0\xec\x84\xa0");
    CHECK_STR(str_at(doc, "actors/0/group"), "Axis");
    for (size_t i = 0; i < 7; i++) {
        char p[32];
        snprintf(p, sizeof p, "actors/%zu/id", i);
        CHECK(str_at(doc, p) && strcmp(str_at(doc, p), "ag:legend") != 0);
        if (str_at(doc, p) && strcmp(str_at(doc, p), "NATO") == 0) {
            snprintf(p, sizeof p, "actors/%zu/name", i);
            CHECK_STR(str_at(doc, p), "NATO & partners");
            snprintf(p, sizeof p, "actors/%zu/group", i);
            CHECK_STR(str_at(doc, p), "West");
        }
        if (str_at(doc, p) && strcmp(str_at(doc, p), "KJU") == 0) {
            snprintf(p, sizeof p, "actors/%zu/name", i);
            CHECK_STR(str_at(doc, p), "Kim \"Jong\" Un");
        }
        if (str_at(doc, p) && strcmp(str_at(doc, p), "X") == 0) {
            snprintf(p, sizeof p, "actors/%zu/name", i);
            CHECK_STR(str_at(doc, p), "Back\\slash");
        }
    }
    CHECK_STR(str_at(doc, "relations/0/label"), "troops");
    CHECK_STR(str_at(doc, "relations/0/type"), "troop_deployment");
    CHECK_STR(str_at(doc, "relations/7/type"), "rhetoric");
    CHECK(!json_object_get(json_array_get(json_object_get(doc, "relations"), 1), "label"));
    for (size_t k = 0; k < d.count; k++)
        missing++;
    CHECK_INT(missing, 0);
    json_decref(doc);
    ag_diags_destroy(&d);
    free(text);
}

/* Attributes of hand-written DOT that are neither Graphviz's nor fields:
 * kept as actor attributes on nodes, reported on edges and the graph. */
static void test_dot_extra_attributes(void)
{
    json_t *doc = NULL;
    ag_diags d;
    int edge_warned = 0, graph_warned = 0;

    ag_diags_init(&d);
    CHECK_INT(import_str(ag__dot_document,
                         "digraph { owner=me; a [capital=\"Kyiv\", color=red, attr_iso=UKR]; "
                         "a -> b [type=trade, source_note=\"x\", color=blue] }",
                         &doc, NULL, &d),
              AG_OK);
    CHECK_STR(str_at(doc, "actors/0/attributes/capital"), "Kyiv");
    CHECK_STR(str_at(doc, "actors/0/attributes/iso"), "UKR");
    CHECK(!str_at(doc, "actors/0/attributes/color"));
    for (size_t k = 0; k < d.count; k++) {
        edge_warned += strstr(d.items[k].message, "edge attribute \"source_note\"") != NULL;
        graph_warned += strstr(d.items[k].message, "graph attribute \"owner\"") != NULL;
    }
    CHECK_INT(edge_warned, 1);
    CHECK_INT(graph_warned, 1);
    CHECK_INT(d.count, 2);
    json_decref(doc);
    ag_diags_destroy(&d);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        srcdir = argv[1];
    ag_init();
    test_gml_round_trip("graphs/dprk-russia.json");
    test_gml_round_trip("tests/cli/render/small.json");
    test_gml_round_trip("tests/import/gml-roundtrip.json");
    test_gml_hand();
    test_dot_extra_attributes();
    test_gml_checker_positions();
    test_gml_networkx();
    test_gml_syntax();
    test_gml_strings();
    test_dot_hand();
    test_dot_undirected();
    test_dot_errors();
    test_dot_clean_lexer();
    test_dot_rendered();
    TEST_END();
}
