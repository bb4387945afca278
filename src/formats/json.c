/* actorgraph's own JSON format: reading (the checker's rules are in
 * json_check.c; here problems get their places) and the normalised writer,
 * whose pieces the other JSON shapes reuse. */
#include "actorgraph/export.h"
#include "actorgraph/load.h"
#include "actorgraph/select.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "formats/formats.h"
#include "formats/jsonpos.h"

/* ---- reading ------------------------------------------------------------------ */

static void locate(const char *data, size_t len, ag_diags *diags, size_t from)
{
    size_t n = diags->count - from;
    ag_jsonpos_query *q = calloc(n + 1, sizeof *q);
    if (!q)
        return; /* positions are a courtesy: the pointers still say where */
    for (size_t k = 0; k < n; k++)
        q[k].pointer = diags->items[from + k].pointer;
    if (ag_jsonpos_locate(data, len, q, n) == 0)
        for (size_t k = 0; k < n; k++) {
            diags->items[from + k].line = q[k].line;
            diags->items[from + k].column = q[k].column;
        }
    free(q);
}

ag_status ag__graph_from_document(json_t *root, const char *display, const ag_srcmap *map,
                                  const char *text, size_t len, const ag_load_opts *opts,
                                  ag_graph **out, ag_diags *diags, ag_error *err)
{
    size_t first_diag = diags->count;
    ag_graph *g = NULL;
    int errors = 0;
    ag_status st;

    *out = NULL;
    if (ag__json_check(root, display, opts, diags, &g, &errors) != AG_OK) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (map)
        ag__srcmap_locate(map, diags, first_diag);
    else if (text)
        locate(text, len, diags, first_diag);
    ag_diags_sort(diags);
    if (errors) {
        st = AG_EINVALID;
        if (err) {
            for (size_t k = first_diag; k < diags->count; k++)
                if (diags->items[k].severity == AG_SEV_ERROR) {
                    *err = diags->items[k];
                    break;
                }
        }
        goto cleanup;
    }
    *out = g;
    g = NULL;
    st = AG_OK;
cleanup:
    ag_graph_free(g);
    return st;
}

/* True when jansson stopped at a '}' or ']' that follows a comma (only
 * blanks between): *comma gets the comma's offset. */
static int trailing_comma(const char *data, size_t len, const json_error_t *jerr, size_t *comma)
{
    size_t k = (size_t)jerr->position;
    if (k == 0 || k > len || (data[k - 1] != '}' && data[k - 1] != ']'))
        return 0;
    k--;
    while (k > 0 && strchr(" \t\r\n", data[k - 1]))
        k--;
    if (k == 0 || data[k - 1] != ',')
        return 0;
    *comma = k - 1;
    return 1;
}

/* The 1-based line and column (in characters) of byte offset off. */
static void place(const char *data, size_t off, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (size_t k = 0; k < off; k++) {
        unsigned char c = (unsigned char)data[k];
        if (c == '\n') {
            ++*line;
            *column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++*column;
        }
    }
}

ag_status ag_graph_parse_json(const char *data, size_t len, const char *display,
                              ag_graph **out, ag_diags *diags, ag_error *err)
{
    return ag__graph_parse_json(data, len, display, NULL, out, diags, err);
}

ag_status ag__graph_parse_json(const char *data, size_t len, const char *display,
                               const ag_load_opts *opts, ag_graph **out, ag_diags *diags,
                               ag_error *err)
{
    json_error_t jerr;
    json_t *root;
    ag_status st;

    *out = NULL;
    if (memchr(data, '\0', len)) {
        /* JSON text holds no NUL byte; jansson would take one for the end
           of a number and read on */
        ag_error e;
        memset(&e, 0, sizeof e);
        e.code = AG_EPARSE;
        snprintf(e.file, sizeof e.file, "%s", display);
        place(data, (size_t)((const char *)memchr(data, '\0', len) - data), &e.line, &e.column);
        snprintf(e.message, sizeof e.message, "NUL byte in the file (JSON text may hold none) %s",
                 AG__CHECKS_SKIPPED);
        if (err)
            *err = e;
        return ag_diags_push(diags, &e) == AG_OK ? AG_EPARSE : AG_ENOMEM;
    }
    root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        ag_error e;
        size_t comma;
        memset(&e, 0, sizeof e);
        e.code = AG_EPARSE;
        snprintf(e.file, sizeof e.file, "%s", display);
        e.line = jerr.line > 0 ? jerr.line : 0;
        e.column = jerr.line > 0 ? (jerr.column > 0 ? jerr.column : 1) : 0;
        if (trailing_comma(data, len, &jerr, &comma)) {
            place(data, comma, &e.line, &e.column);
            snprintf(e.message, sizeof e.message, "trailing comma before '%c' %s",
                     data[jerr.position - 1], AG__CHECKS_SKIPPED);
        } else {
            snprintf(e.message, sizeof e.message, "%s %s", jerr.text, AG__CHECKS_SKIPPED);
        }
        if (err)
            *err = e;
        return ag_diags_push(diags, &e) == AG_OK ? AG_EPARSE : AG_ENOMEM;
    }
    st = ag__graph_from_document(root, display, NULL, data, len, opts, out, diags, err);
    json_decref(root);
    return st;
}


/* ---- the normalised writer, and the pieces every JSON shape shares ------- */

/* json_object_set_new that tolerates NULL values (out of memory) by
 * recording the failure. */
void ag__json_put(json_t *o, const char *key, json_t *v, int *oom)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        *oom = 1;
}

void ag__json_put_date(json_t *o, const char *key, const ag_date *d, int *oom)
{
    char buf[16];
    if (!d->year)
        return;
    ag_date_format(d, buf, sizeof buf);
    ag__json_put(o, key, json_string(buf), oom);
}

json_t *ag__json_sources(const ag_graph *g, int *oom)
{
    json_t *a = json_array();
    if (!a) {
        *oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < g->n_sources; i++) {
        const ag_source *s = &g->sources[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o) != 0) {
            *oom = 1;
            continue;
        }
        ag__json_put(o, "id", json_string(s->id), oom);
        ag__json_put(o, "title", json_string(s->title), oom);
        if (s->author)
            ag__json_put(o, "author", json_string(s->author), oom);
        if (s->published)
            ag__json_put(o, "published", json_string(s->published), oom);
        if (s->url)
            ag__json_put(o, "url", json_string(s->url), oom);
    }
    return a;
}

json_t *ag__json_evidence(const ag_relation *r, int *oom)
{
    json_t *a = json_array();
    if (!a) {
        *oom = 1;
        return NULL;
    }
    for (size_t k = 0; k < r->n_evidence; k++) {
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o) != 0) {
            *oom = 1;
            continue;
        }
        ag__json_put(o, "source", json_string(r->evidence[k].source), oom);
        if (r->evidence[k].section)
            ag__json_put(o, "section", json_string(r->evidence[k].section), oom);
        if (r->evidence[k].note)
            ag__json_put(o, "note", json_string(r->evidence[k].note), oom);
    }
    return a;
}

/* The relation's fields (not its ends), defaults written out. */
void ag__json_relation_fields(json_t *o, const ag_relation *r, int *oom)
{
    ag__json_put(o, "type", json_string(r->type), oom);
    ag__json_put(o, "sign", json_integer(r->sign), oom);
    ag__json_put(o, "weight", json_real(r->weight), oom);
    ag__json_put(o, "mutual", json_boolean(r->mutual), oom);
    ag__json_put(o, "confidence", json_string(ag_confidence_name(r->confidence)), oom);
    ag__json_put_date(o, "start", &r->start, oom);
    ag__json_put_date(o, "end", &r->end, oom);
    if (r->label)
        ag__json_put(o, "label", json_string(r->label), oom);
    ag__json_put(o, "evidence", ag__json_evidence(r, oom), oom);
}

/* The actor's fields (not its id), plus metrics, bloc and position when
 * the options carry them. */
void ag__json_actor_fields(json_t *o, const ag_graph *g, size_t i, const ag_export_opts *x,
                         int *oom)
{
    const ag_actor *a = &g->actors[i];
    ag__json_put(o, "name", json_string(a->name), oom);
    ag__json_put(o, "kind", json_string(ag_kind_name(a->kind)), oom);
    if (a->group)
        ag__json_put(o, "group", json_string(a->group), oom);
    ag__json_put(o, "attributes", json_deep_copy(a->attributes), oom);
    if (x->metrics)
        for (int k = 0; k < AG_METRIC_COUNT; k++)
            ag__json_put(o, ag_metric_name((ag_metric)k),
                ag_metric_is_count((ag_metric)k) ? json_integer((json_int_t)x->metrics->v[k][i])
                                                 : json_real(x->metrics->v[k][i]),
                oom);
    if (x->partition)
        ag__json_put(o, "bloc", json_integer((json_int_t)x->partition->bloc[i] + 1), oom);
    if (x->x && x->y) {
        ag__json_put(o, "x", json_real(x->x[i]), oom);
        ag__json_put(o, "y", json_real(x->y[i]), oom);
    }
}

void ag__json_graph_fields(json_t *o, const ag_graph *g, int *oom)
{
    ag__json_put(o, "title", json_string(g->title ? g->title : g->name), oom);
    if (g->description)
        ag__json_put(o, "description", json_string(g->description), oom);
    ag__json_put(o, "sources", ag__json_sources(g, oom), oom);
    if (g->selection)
        ag__json_put(o, "selection", ag_selection_json(g->selection, g), oom);
}

json_t *ag_graph_to_json(const ag_graph *g)
{
    int oom = 0;
    json_t *root = json_object(), *actors = json_array(), *rels = json_array();
    if (!root || !actors || !rels)
        goto fail;
    ag__json_put(root, "actorgraph", json_integer(1), &oom);
    ag__json_put(root, "title", json_string(g->title ? g->title : g->name), &oom);
    if (g->description)
        ag__json_put(root, "description", json_string(g->description), &oom);
    ag__json_put(root, "sources", ag__json_sources(g, &oom), &oom);
    if (g->selection)
        ag__json_put(root, "selection", ag_selection_json(g->selection, g), &oom);
    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(actors, o) != 0)
            goto fail;
        ag__json_put(o, "id", json_string(a->id), &oom);
        ag__json_put(o, "name", json_string(a->name), &oom);
        ag__json_put(o, "kind", json_string(ag_kind_name(a->kind)), &oom);
        if (a->group)
            ag__json_put(o, "group", json_string(a->group), &oom);
        ag__json_put(o, "attributes", json_deep_copy(a->attributes), &oom);
    }
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(rels, o) != 0)
            goto fail;
        ag__json_put(o, "source", json_string(g->actors[r->source].id), &oom);
        ag__json_put(o, "target", json_string(g->actors[r->target].id), &oom);
        ag__json_relation_fields(o, r, &oom);
    }
    ag__json_put(root, "actors", actors, &oom);
    ag__json_put(root, "relations", rels, &oom);
    if (oom) {
        json_decref(root);
        return NULL;
    }
    return root;
fail:
    json_decref(root);
    json_decref(actors);
    json_decref(rels);
    return NULL;
}


/* ---- JSON text with the shortest reals --------------------------------- */

static void dump_indent(ag_sbuf *b, size_t flags, int depth, int space)
{
    int n = (int)(flags & JSON_MAX_INDENT);
    if (n > 0) {
        /* a newline and 64 spaces: whole runs, not one space at a time */
        static const char nl_spaces[] =
            "\n                                                                ";
        size_t k = (size_t)n * (size_t)depth, part = k < 64 ? k : 64;
        ag__sb_add(b, nl_spaces, part + 1);
        for (k -= part; k > 0; k -= part) {
            part = k < 64 ? k : 64;
            ag__sb_add(b, nl_spaces + 1, part);
        }
    } else if (space && !(flags & JSON_COMPACT)) {
        ag__sb_add(b, " ", 1);
    }
}

/* A string as jansson escapes it: quote, backslash and control characters;
 * the rest (valid UTF-8, as jansson keeps it) as it is, but for U+FFFE and
 * U+FFFF, escaped so that the text can sit in XML. */
static void dump_string(ag_sbuf *b, const char *s, size_t len, size_t flags)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t run = 0;
    ag__sb_add(b, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        /* U+FFFE and U+FFFF escaped: JSON text inside XML (GraphML) keeps them */
        int nonchar = c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
                      ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF);
        if (c >= 0x20 && c != '"' && c != '\\' && !nonchar)
            continue;
        if (nonchar) {
            ag__sb_add(b, s + run, i - run);
            ag__sb_puts(b, (unsigned char)s[i + 2] == 0xBE ? "\\uFFFE" : "\\uFFFF");
            i += 2;
            run = i + 1;
            continue;
        }
        ag__sb_add(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': esc = flags & AG_JSON_NO_BACKSLASH_PAIRS ? "\\u0022" : "\\\""; break;
        case '\\': esc = flags & AG_JSON_NO_BACKSLASH_PAIRS ? "\\u005C" : "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            memcpy(u, "\\u00", 4);
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = '\0';
            esc = u;
        }
        ag__sb_puts(b, esc);
    }
    ag__sb_add(b, s + run, len - run);
    ag__sb_add(b, "\"", 1);
}

/* A real as jansson writes it (a '.' or an exponent always; no '+' nor
 * leading zeros in the exponent), in the fewest digits. */
static int dump_real(ag_sbuf *b, double v)
{
    char buf[48], *e;
    if (!isfinite(v))
        return -1;
    ag__real_shortest(buf, 40, v);
    if (!strpbrk(buf, ".e"))
        strcat(buf, ".0");
    if ((e = strchr(buf, 'e')) != NULL) {
        char *d = e + 1, *from = e + 1;
        if (*from == '+')
            from++;
        else if (*from == '-')
            *d++ = *from++;
        while (*from == '0' && from[1])
            from++;
        memmove(d, from, strlen(from) + 1);
    }
    ag__sb_puts(b, buf);
    return 0;
}

/* x as "%lld" writes it, without printf: one per actor and relation */
static void dump_int(ag_sbuf *b, json_int_t x)
{
    char d[24];
    unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    size_t n = sizeof d;
    do
        d[--n] = (char)('0' + u % 10);
    while ((u /= 10) > 0);
    if (x < 0)
        d[--n] = '-';
    ag__sb_add(b, d + n, sizeof d - n);
}

/* What a dump carries besides its text: arrays to fill as they are
 * written (ag__json_dump_items). */
typedef struct dump_ctx {
    const ag_json_items *items;
    size_t n_items;
    const ag_graph *g;
    const ag_export_opts *x;
} dump_ctx;

static int dump_value(ag_sbuf *b, const json_t *v, size_t flags, int depth,
                      const dump_ctx *c);

/* Writes the array of items it as dump_value writes an array of them. */
static int dump_items(ag_sbuf *b, const ag_json_items *it, size_t flags, int depth,
                      const dump_ctx *c)
{
    if (it->n == 0) {
        ag__sb_puts(b, "[]");
        return 0;
    }
    ag__sb_add(b, "[", 1);
    for (size_t i = 0; i < it->n; i++) {
        int oom = 0, rc;
        json_t *item = NULL;
        if (!it->write && (!(item = it->make(c->g, c->x, i, &oom)) || oom)) {
            json_decref(item);
            return -1;
        }
        if (i)
            ag__sb_add(b, ",", 1);
        dump_indent(b, flags, depth + 1, i > 0);
        rc = it->write ? it->write(b, c->g, c->x, i, depth + 1)
                       : dump_value(b, item, flags, depth + 1, c);
        json_decref(item);
        if (rc != 0)
            return -1;
    }
    dump_indent(b, flags, depth, 0);
    ag__sb_add(b, "]", 1);
    return 0;
}

static int dump_value(ag_sbuf *b, const json_t *v, size_t flags, int depth,
                      const dump_ctx *c)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *item;
        int first = 1;
        if (json_object_size(v) == 0) {
            ag__sb_puts(b, "{}");
            return 0;
        }
        ag__sb_add(b, "{", 1);
        json_object_foreach((json_t *)v, key, item) {
            if (!first)
                ag__sb_add(b, ",", 1);
            dump_indent(b, flags, depth + 1, !first);
            first = 0;
            dump_string(b, key, strlen(key), flags);
            ag__sb_puts(b, flags & JSON_COMPACT ? ":" : ": ");
            if (dump_value(b, item, flags, depth + 1, c) != 0)
                return -1;
        }
        dump_indent(b, flags, depth, 0);
        ag__sb_add(b, "}", 1);
        return 0;
    }
    case JSON_ARRAY:
        for (size_t k = 0; c && k < c->n_items; k++)
            if (c->items[k].placeholder == v)
                return dump_items(b, &c->items[k], flags, depth, c);
        if (json_array_size(v) == 0) {
            ag__sb_puts(b, "[]");
            return 0;
        }
        ag__sb_add(b, "[", 1);
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                ag__sb_add(b, ",", 1);
            dump_indent(b, flags, depth + 1, i > 0);
            if (dump_value(b, json_array_get(v, i), flags, depth + 1, c) != 0)
                return -1;
        }
        dump_indent(b, flags, depth, 0);
        ag__sb_add(b, "]", 1);
        return 0;
    case JSON_STRING: dump_string(b, json_string_value(v), json_string_length(v), flags); return 0;
    case JSON_INTEGER: dump_int(b, json_integer_value(v)); return 0;
    case JSON_REAL: return dump_real(b, json_real_value(v));
    case JSON_TRUE: ag__sb_puts(b, "true"); return 0;
    case JSON_FALSE: ag__sb_puts(b, "false"); return 0;
    default: ag__sb_puts(b, "null"); return 0;
    }
}

char *ag__json_dump(const json_t *v, size_t flags)
{
    ag_sbuf b = {0};
    if (dump_value(&b, v, flags, 0, NULL) != 0 || b.oom || !b.s) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

/* ---- objects written straight from the model, as dump_value writes them - */

/* Starts member key of an object written at depth with JSON_INDENT(2);
 * *first: no member yet. */
static void put_key(ag_sbuf *b, int depth, int *first, const char *key)
{
    if (!*first)
        ag__sb_add(b, ",", 1);
    dump_indent(b, JSON_INDENT(2), depth + 1, !*first);
    *first = 0;
    dump_string(b, key, strlen(key), JSON_INDENT(2));
    ag__sb_add(b, ": ", 2);
}

static void put_text(ag_sbuf *b, int depth, int *first, const char *key, const char *s)
{
    put_key(b, depth, first, key);
    dump_string(b, s, strlen(s), JSON_INDENT(2));
}

int ag__json_write_link(ag_sbuf *b, const ag_graph *g, const ag_export_opts *x, size_t i,
                        int depth)
{
    const ag_relation *r = &g->relations[i];
    const size_t flags = JSON_INDENT(2);
    int first = 1, rc = 0;
    char date[16];
    (void)x;
    /* as ag__json_node_link's link and ag__json_relation_fields build it */
    ag__sb_add(b, "{", 1);
    put_text(b, depth, &first, "source", g->actors[r->source].id);
    put_text(b, depth, &first, "target", g->actors[r->target].id);
    put_text(b, depth, &first, "key", r->id);
    put_text(b, depth, &first, "type", r->type);
    put_key(b, depth, &first, "sign");
    dump_int(b, r->sign);
    put_key(b, depth, &first, "weight");
    if (dump_real(b, r->weight) != 0)
        return -1;
    put_key(b, depth, &first, "mutual");
    ag__sb_puts(b, r->mutual ? "true" : "false");
    put_text(b, depth, &first, "confidence", ag_confidence_name(r->confidence));
    if (r->start.year) {
        ag_date_format(&r->start, date, sizeof date);
        put_text(b, depth, &first, "start", date);
    }
    if (r->end.year) {
        ag_date_format(&r->end, date, sizeof date);
        put_text(b, depth, &first, "end", date);
    }
    if (r->label)
        put_text(b, depth, &first, "label", r->label);
    put_key(b, depth, &first, "evidence");
    if (r->n_evidence == 0) {
        ag__sb_puts(b, "[]");
    } else {
        int oom = 0;
        json_t *ev = ag__json_evidence(r, &oom);
        rc = !ev || oom ? -1 : dump_value(b, ev, flags, depth + 1, NULL);
        json_decref(ev);
    }
    dump_indent(b, flags, depth, 0);
    ag__sb_add(b, "}", 1);
    return rc;
}

char *ag__json_dump_items(const json_t *v, const ag_json_items *items, size_t n,
                          const ag_graph *g, const ag_export_opts *x)
{
    ag_sbuf b = {0};
    dump_ctx c = {items, n, g, x};
    if (dump_value(&b, v, JSON_INDENT(2), 0, &c) != 0 || b.oom || !b.s) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
