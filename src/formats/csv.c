/* CSV input through libcsv: a relations file whose header names relation
 * fields, and optionally an actors file (id,name,kind,group, other columns
 * becoming attributes). Positions are tracked by feeding libcsv one byte at
 * a time, so every cell is known by line and column. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "actorgraph/export.h"
#include "core/text.h"
#include "formats/formats.h"
#include "core/strmap.h"

typedef struct cell {
    char *text; /* UTF-8 (converted from ISO-8859-1 when it was not) */
    int line, column;
    int nul;    /* the cell held a NUL byte: text stops before it */
    int latin1; /* the cell was not UTF-8 */
} cell;

typedef struct row {
    cell *cells;
    size_t n, cap;
} row;

typedef struct table {
    row *rows;
    size_t n, cap;
    int line, column;          /* position of the byte being fed */
    int start_line, start_col; /* where the current cell began */
    int need_start;
    int row_open;              /* the last row still takes cells */
    int oom;
} table;

static void on_field(void *s, size_t len, void *data)
{
    table *t = data;
    row *r;
    if (t->oom)
        return;
    if (!t->row_open) {
        if (t->n == t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 64;
            row *p = realloc(t->rows, cap * sizeof *p);
            if (!p) {
                t->oom = 1;
                return;
            }
            t->rows = p;
            t->cap = cap;
        }
        memset(&t->rows[t->n++], 0, sizeof(row));
        t->row_open = 1;
    }
    r = &t->rows[t->n - 1];
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        cell *p = realloc(r->cells, cap * sizeof *p);
        if (!p) {
            t->oom = 1;
            return;
        }
        r->cells = p;
        r->cap = cap;
    }
    r->cells[r->n].nul = memchr(s, '\0', len) != NULL;
    r->cells[r->n].latin1 = !ag__utf8_valid(s, len);
    if (r->cells[r->n].latin1) {
        size_t n;
        r->cells[r->n].text = ag__latin1_to_utf8(s, len, &n);
    } else {
        r->cells[r->n].text = malloc(len + 1);
        if (r->cells[r->n].text) {
            memcpy(r->cells[r->n].text, s, len);
            r->cells[r->n].text[len] = '\0';
        }
    }
    if (!r->cells[r->n].text) {
        t->oom = 1;
        return;
    }
    r->cells[r->n].line = t->need_start ? t->line : t->start_line;
    r->cells[r->n].column = t->need_start ? t->column : t->start_col;
    r->n++;
    t->need_start = 1;
}

static void on_row(int c, void *data)
{
    table *t = data;
    (void)c;
    t->row_open = 0;
    t->need_start = 1;
}

static void free_table(table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        for (size_t k = 0; k < t->rows[i].n; k++)
            free(t->rows[i].cells[k].text);
        free(t->rows[i].cells);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}

/* Reports what the cells' bytes could not say: a NUL (an error: text
 * holds none) and text that is not UTF-8 (read as ISO-8859-1, one warning
 * per file, as GML and DOT do). */
static ag_status check_text(const table *t, const char *display, ag_diags *diags, ag_error *err)
{
    int warned = 0;
    for (size_t i = 0; i < t->n; i++)
        for (size_t k = 0; k < t->rows[i].n; k++) {
            const cell *c = &t->rows[i].cells[k];
            ag_status st = AG_OK;
            if (c->nul)
                st = ag__diag(diags, AG_SEV_ERROR, display, c->line, c->column, NULL,
                              "cell holds a NUL byte (text may hold none)");
            if (st == AG_OK && c->latin1 && !warned) {
                st = ag__diag(diags, AG_SEV_WARNING, display, c->line, c->column, NULL,
                              "cell is not UTF-8 (read as ISO-8859-1, as are any others)");
                warned = 1;
            }
            if (st != AG_OK)
                return ag_error_set(err, AG_ENOMEM, "out of memory");
        }
    return AG_OK;
}

/* Parses text into rows of cells with positions (columns count characters). */
static ag_status parse(const char *text, size_t len, const char *display, table *t,
                       ag_diags *diags, ag_error *err)
{
    struct csv_parser p;
    size_t i = 0;
    ag_status st = AG_OK;

    memset(t, 0, sizeof *t);
    t->line = 1;
    t->column = 1;
    t->need_start = 1;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        i = 3; /* byte-order mark */
    for (; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (t->need_start && c != '\n' && c != '\r') {
            t->start_line = t->line;
            t->start_col = t->column;
            t->need_start = 0;
        }
        if (csv_parse(&p, text + i, 1, on_field, on_row, t) != 1) {
            ag__diag(diags, AG_SEV_ERROR, display, t->line, t->column, NULL, "%s",
                     csv_error(&p) == CSV_EPARSE ? "malformed quoting" : csv_strerror(csv_error(&p)));
            st = AG_EPARSE;
            goto cleanup;
        }
        if (c == '\n') {
            t->line++;
            t->column = 1;
        } else if ((c & 0xC0) != 0x80) {
            t->column++;
        }
    }
    if (csv_fini(&p, on_field, on_row, t) != 0) {
        ag__diag(diags, AG_SEV_ERROR, display, t->line, t->column, NULL,
                 "unterminated quoted field");
        st = AG_EPARSE;
    }
cleanup:
    csv_free(&p);
    if (t->oom)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    if (st == AG_OK)
        st = check_text(t, display, diags, err);
    return st;
}

/* Parses a file that must have a header row; *col gets room for one
 * entry per header cell. */
static ag_status parse_with_header(const char *text, size_t len, const char *display, table *t,
                                   int **col, ag_diags *diags, ag_error *err)
{
    ag_status st = parse(text, len, display, t, diags, err);
    *col = NULL;
    if (st != AG_OK)
        return st;
    if (t->n == 0) {
        ag__diag(diags, AG_SEV_ERROR, display, 1, 1, NULL, "empty file: no header row");
        return AG_EPARSE;
    }
    *col = malloc((t->rows[0].n + 1) * sizeof **col);
    if (!*col)
        return ag_error_set(err, AG_ENOMEM, "out of memory");
    return AG_OK;
}

static const char *const relation_columns[] = {"source", "target", "type", "sign", "weight",
                                               "mutual", "confidence", "start", "end", "label",
                                               NULL};

static int lookup(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* Reads the header: col[k] = index of the field in names, or -1. Reports
 * unknown (warning), duplicate and missing required (errors) columns. */
static int header(const row *h, const char *const *names, const char *const *required,
                  const char *display, int *col, ag_diags *diags)
{
    int ok = 1;
    int seen[16] = {0};
    for (size_t k = 0; k < h->n; k++) {
        char *name = h->cells[k].text;
        int f;
        /* header cells are compared without surrounding blanks */
        while (*name == ' ')
            name++;
        for (size_t e = strlen(name); e > 0 && name[e - 1] == ' '; e--)
            name[e - 1] = '\0';
        f = lookup(names, name);
        col[k] = f;
        if (f < 0) {
            ag__diag(diags, AG_SEV_WARNING, display, h->cells[k].line, h->cells[k].column, NULL,
                     "unknown column \"%s\" (ignored)", name);
        } else if (seen[f]++) {
            ag__diag(diags, AG_SEV_ERROR, display, h->cells[k].line, h->cells[k].column, NULL,
                     "column \"%s\" appears twice", name);
            ok = 0;
        }
    }
    for (int r = 0; required[r]; r++)
        if (!seen[lookup(names, required[r])]) {
            ag__diag(diags, AG_SEV_ERROR, display, 1, 1, NULL, "missing column \"%s\"", required[r]);
            ok = 0;
        }
    return ok;
}

static int map_cell(ag_srcmap *map, const char *file, const char *pointer, const cell *c,
                    const char *column)
{
    char where[128];
    snprintf(where, sizeof where, "column \"%s\"", column);
    return ag_srcmap_add_in(map, file, pointer, c->line, c->column, where);
}

/* Converts one relation cell to its JSON value; NULL with a problem
 * reported when it cannot. */
static json_t *relation_value(int field, const cell *c, const char *display, ag_diags *diags)
{
    const char *s = c->text;
    char *end;
    switch (field) {
    case 3: { /* sign */
        long v = strtol(s, &end, 10);
        if (*s && !*end && s[strspn(s, "0123456789+-")] == '\0')
            return json_integer(v);
        ag__diag(diags, AG_SEV_ERROR, display, c->line, c->column, "column \"sign\"",
                 "sign must be +1 or -1, not \"%s\"", s);
        return NULL;
    }
    case 4: { /* weight */
        double v;
        if (ag__decimal(s, &v))
            return json_real(v);
        ag__diag(diags, AG_SEV_ERROR, display, c->line, c->column, "column \"weight\"",
                 "weight must be a number in (0, 1], not \"%s\"", s);
        return NULL;
    }
    case 5: { /* mutual */
        char low[8];
        size_t k = 0;
        for (; s[k] && k < sizeof low - 1; k++)
            low[k] = (char)tolower((unsigned char)s[k]);
        low[k] = '\0';
        if (!s[k] && (!strcmp(low, "true") || !strcmp(low, "yes") || !strcmp(low, "1")))
            return json_true();
        if (!s[k] && (!strcmp(low, "false") || !strcmp(low, "no") || !strcmp(low, "0")))
            return json_false();
        ag__diag(diags, AG_SEV_ERROR, display, c->line, c->column, "column \"mutual\"",
                 "mutual must be true or false, not \"%s\"", s);
        return NULL;
    }
    default:
        return json_string(s);
    }
}

static const char *const actor_columns[] = {"id", "name", "kind", "group", NULL};

/* Adds the actors file's rows to actors; ids of the known actors go to index. */
static ag_status read_actors(const char *text, size_t len, const char *display, json_t *actors,
                             ag_strmap *index, ag_srcmap *map, ag_diags *diags, ag_error *err)
{
    static const char *const required[] = {"id", NULL};
    table t;
    int *col = NULL;
    char pointer[64];
    ag_status st = parse_with_header(text, len, display, &t, &col, diags, err);

    if (st != AG_OK)
        goto cleanup;
    {
        /* columns outside id,name,kind,group are attributes, not unknown */
        const row *h = &t.rows[0];
        ag_diags quiet;
        ag_diags_init(&quiet);
        if (!header(h, actor_columns, required, display, col, &quiet)) {
            for (size_t k = 0; k < quiet.count; k++)
                if (quiet.items[k].severity == AG_SEV_ERROR)
                    ag_diags_push(diags, &quiet.items[k]);
            ag_diags_destroy(&quiet);
            st = AG_EPARSE;
            goto cleanup;
        }
        ag_diags_destroy(&quiet);
    }
    for (size_t r = 1; r < t.n; r++) {
        const row *rw = &t.rows[r];
        size_t i = json_array_size(actors);
        json_t *a = json_object(), *attrs = json_object();
        if (!a || !attrs || json_array_append_new(actors, a) != 0) {
            json_decref(attrs);
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        snprintf(pointer, sizeof pointer, "/actors/%zu", i);
        ag_srcmap_add_in(map, display, pointer, rw->cells[0].line, rw->cells[0].column, "row");
        for (size_t k = 0; k < rw->n && k < t.rows[0].n; k++) {
            const cell *c = &rw->cells[k];
            const char *name = t.rows[0].cells[k].text;
            char fp[128];
            if (!c->text[0])
                continue;
            if (col[k] < 0) {
                if (json_object_set_new(attrs, name, json_string(c->text)) != 0) {
                    json_decref(attrs);
                    st = ag_error_set(err, AG_ENOMEM, "out of memory");
                    goto cleanup;
                }
                continue;
            }
            snprintf(fp, sizeof fp, "%s/%s", pointer, actor_columns[col[k]]);
            if (json_object_set_new(a, actor_columns[col[k]], json_string(c->text)) != 0 ||
                map_cell(map, display, fp, c, name) != 0) {
                json_decref(attrs);
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
            /* the index borrows the id from the document; the checker
               reports duplicates, the index keeps the first */
            if (col[k] == 0 &&
                ag_strmap_put(index, json_string_value(json_object_get(a, "id")), i, NULL) < 0) {
                json_decref(attrs);
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
        }
        if (rw->n > t.rows[0].n)
            ag__diag(diags, AG_SEV_ERROR, display, rw->cells[t.rows[0].n].line,
                     rw->cells[t.rows[0].n].column, NULL, "row has %zu fields, the header %zu",
                     rw->n, t.rows[0].n);
        json_object_set_new(a, "attributes", attrs);
    }
cleanup:
    free(col);
    free_table(&t);
    return st;
}

ag_status ag__csv_document(const char *text, size_t len, const char *display,
                           const char *actors_text, size_t actors_len,
                           const char *actors_display, const char *title, json_t **doc,
                           ag_srcmap *map, ag_diags *diags, ag_error *err)
{
    static const char *const required[] = {"source", "target", "type", NULL};
    table t;
    int *col = NULL;
    json_t *root = NULL, *actors = NULL, *rels = NULL;
    ag_strmap *index = ag_strmap_new(64);
    size_t created = 0;
    ag_status st;

    *doc = NULL;
    memset(&t, 0, sizeof t);
    root = json_object();
    actors = json_array();
    rels = json_array();
    if (!index || !root || !actors || !rels) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (actors_text &&
        (st = read_actors(actors_text, actors_len, actors_display, actors, index, map, diags,
                          err)) != AG_OK)
        goto cleanup;
    if ((st = parse_with_header(text, len, display, &t, &col, diags, err)) != AG_OK)
        goto cleanup;
    if (!header(&t.rows[0], relation_columns, required, display, col, diags)) {
        st = AG_EPARSE;
        goto cleanup;
    }
    for (size_t r = 1; r < t.n; r++) {
        const row *rw = &t.rows[r];
        size_t j = json_array_size(rels);
        json_t *rel = json_object();
        char pointer[64], where[32];
        if (!rel || json_array_append_new(rels, rel) != 0) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        snprintf(pointer, sizeof pointer, "/relations/%zu", j);
        snprintf(where, sizeof where, "row %zu", r + 1);
        ag_srcmap_add(map, pointer, rw->cells[0].line, rw->cells[0].column, where);
        if (rw->n > t.rows[0].n)
            ag__diag(diags, AG_SEV_ERROR, display, rw->cells[t.rows[0].n].line,
                     rw->cells[t.rows[0].n].column, NULL, "row has %zu fields, the header %zu",
                     rw->n, t.rows[0].n);
        for (size_t k = 0; k < rw->n && k < t.rows[0].n; k++) {
            const cell *c = &rw->cells[k];
            char fp[96];
            json_t *v;
            if (col[k] < 0 || !c->text[0])
                continue;
            v = relation_value(col[k], c, display, diags);
            if (!v)
                continue;
            json_object_set_new(rel, relation_columns[col[k]], v);
            snprintf(fp, sizeof fp, "%s/%s", pointer, relation_columns[col[k]]);
            if (map_cell(map, NULL, fp, c, relation_columns[col[k]]) != 0) {
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
            /* an actor named here but listed nowhere is created */
            if ((col[k] == 0 || col[k] == 1) && !ag_strmap_get(index, c->text, NULL)) {
                json_t *a = json_object();
                size_t i = json_array_size(actors);
                if (!a || json_array_append_new(actors, a) != 0 ||
                    json_object_set_new(a, "id", json_string(c->text)) != 0 ||
                    ag_strmap_put(index, json_string_value(json_object_get(a, "id")), i, NULL) < 0) {
                    st = ag_error_set(err, AG_ENOMEM, "out of memory");
                    goto cleanup;
                }
                json_object_set_new(a, "kind", json_string("other"));
                snprintf(fp, sizeof fp, "/actors/%zu", i);
                map_cell(map, NULL, fp, c, relation_columns[col[k]]);
                snprintf(fp, sizeof fp, "/actors/%zu/id", i);
                map_cell(map, NULL, fp, c, relation_columns[col[k]]);
                created++;
                if (actors_text)
                    ag__diag(diags, AG_SEV_WARNING, display, c->line, c->column, NULL,
                             "actor \"%s\" is not in %s: created with kind \"other\"", c->text,
                             actors_display);
            }
        }
    }
    if (!actors_text && created)
        ag__diag(diags, AG_SEV_WARNING, display, 0, 0, NULL,
                 "no actors file (--actors): %zu actors created with kind \"other\"", created);
    /* cells that could not be read were left out and reported; the checker
       still runs over the rest, so that one pass reports every problem */
    json_object_set_new(root, "actorgraph", json_integer(1));
    json_object_set_new(root, "title", json_string(title));
    json_object_set_new(root, "actors", actors);
    json_object_set_new(root, "relations", rels);
    actors = rels = NULL;
    *doc = root;
    root = NULL;
    st = AG_OK;
cleanup:
    free(col);
    free_table(&t);
    ag_strmap_free(index);
    json_decref(root);
    json_decref(actors);
    json_decref(rels);
    return st;
}

/* ---- writing ------------------------------------------------------------------ */

/* One field: quoted (quotes doubled) when it holds a comma, a quote, a line
 * break, or blanks at either end that libcsv would trim. */
static void csv_field(ag_sbuf *b, const char *s, int first)
{
    size_t n = strlen(s);
    if (!first)
        ag__sb_add(b, ",", 1);
    if (!strpbrk(s, ",\"\r\n") &&
        !(n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'))) {
        ag__sb_add(b, s, n);
        return;
    }
    ag__sb_add(b, "\"", 1);
    for (; *s; s++) {
        ag__sb_add(b, s, 1);
        if (*s == '"')
            ag__sb_add(b, "\"", 1);
    }
    ag__sb_add(b, "\"", 1);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The attribute names any actor uses, sorted and distinct, borrowed from
 * the actors; NULL when out of memory. */
static const char **attribute_names(const ag_graph *g, size_t *n)
{
    size_t total = 0, k = 0;
    const char **names;
    for (size_t i = 0; i < g->n_actors; i++)
        total += json_object_size(g->actors[i].attributes);
    if (!(names = malloc((total + 1) * sizeof *names)))
        return NULL;
    for (size_t i = 0; i < g->n_actors; i++) {
        const char *key;
        json_t *v;
        json_object_foreach(g->actors[i].attributes, key, v)
            names[k++] = key;
    }
    qsort(names, k, sizeof *names, cmp_name);
    *n = 0;
    for (size_t i = 0; i < k; i++)
        if (*n == 0 || strcmp(names[*n - 1], names[i]) != 0)
            names[(*n)++] = names[i];
    return names;
}

ag_status ag_csv_write(const ag_graph *g, ag_blob *relations, ag_blob *actors, ag_error *err)
{
    ag_sbuf r = {0}, a = {0};
    const char **names = NULL;
    size_t n_names = 0;
    char buf[48];

    relations->data = actors->data = NULL;
    relations->len = actors->len = 0;
    if (!(names = attribute_names(g, &n_names)))
        goto oom;
    for (int k = 0; actor_columns[k]; k++)
        csv_field(&a, actor_columns[k], k == 0);
    for (size_t k = 0; k < n_names; k++)
        csv_field(&a, names[k], 0);
    ag__sb_add(&a, "\n", 1);
    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_actor *ac = &g->actors[i];
        csv_field(&a, ac->id, 1);
        csv_field(&a, ac->name, 0);
        csv_field(&a, ag_kind_name(ac->kind), 0);
        csv_field(&a, ac->group ? ac->group : "", 0);
        for (size_t k = 0; k < n_names; k++) {
            json_t *v = json_object_get(ac->attributes, names[k]);
            char *text = NULL;
            if (v && !json_is_string(v) && !(text = ag__json_dump(v, JSON_COMPACT)))
                goto oom;
            csv_field(&a, v ? (text ? text : json_string_value(v)) : "", 0);
            free(text);
        }
        ag__sb_add(&a, "\n", 1);
    }

    for (int k = 0; relation_columns[k]; k++)
        csv_field(&r, relation_columns[k], k == 0);
    ag__sb_add(&r, "\n", 1);
    for (size_t j = 0; j < g->n_relations; j++) {
        const ag_relation *rel = &g->relations[j];
        csv_field(&r, g->actors[rel->source].id, 1);
        csv_field(&r, g->actors[rel->target].id, 0);
        csv_field(&r, rel->type, 0);
        csv_field(&r, rel->sign > 0 ? "1" : "-1", 0);
        ag__real_shortest(buf, 40, rel->weight);
        csv_field(&r, buf, 0);
        csv_field(&r, rel->mutual ? "true" : "false", 0);
        csv_field(&r, ag_confidence_name(rel->confidence), 0);
        ag_date_format(&rel->start, buf, sizeof buf);
        csv_field(&r, buf, 0);
        ag_date_format(&rel->end, buf, sizeof buf);
        csv_field(&r, buf, 0);
        csv_field(&r, rel->label ? rel->label : "", 0);
        ag__sb_add(&r, "\n", 1);
    }
    if (r.oom || a.oom)
        goto oom;
    free(names);
    relations->data = r.s;
    relations->len = r.len;
    actors->data = a.s;
    actors->len = a.len;
    return AG_OK;
oom:
    free(names);
    free(r.s);
    free(a.s);
    return ag_error_set(err, AG_ENOMEM, "out of memory");
}
