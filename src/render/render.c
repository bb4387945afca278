/* Alliance diagrams: the styled graph (style.c) written as DOT through
 * cgraph, or laid out and rendered in-process through gvc. */
#include "actorgraph/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "core/internal.h"
#include "core/strmap.h"
#include "core/text.h"
#include "render/style.h"

static const char *const format_names[AG_FMT_COUNT] = {"dot", "svg", "png", "pdf", "json"};
static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", NULL};

void ag_render_opts_init(ag_render_opts *o)
{
    memset(o, 0, sizeof *o);
    o->legend = 1;
    o->color_by = AG_COLOR_BY_GROUP;
}

int ag_format_parse(const char *name, ag_format *out)
{
    for (int i = 0; i < AG_FMT_COUNT; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *out = (ag_format)i;
            return 1;
        }
    return 0;
}

const char *ag_format_name(ag_format f)
{
    return (unsigned)f < AG_FMT_COUNT ? format_names[f] : "?";
}

int ag_format_from_path(const char *path, ag_format *out)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash) || dot[1] == '\0')
        return 0;
    if (strcmp(dot + 1, "gv") == 0) {
        *out = AG_FMT_DOT;
        return 1;
    }
    /* a .json diagram would be confused with graph files: no extension
       implies Graphviz JSON, only `export --format dot-json` does */
    return ag_format_parse(dot + 1, out) && *out != AG_FMT_GV_JSON;
}

static int small(const ag_graph *g)
{
    return g->n_actors <= AG_RENDER_SMALL_ACTORS && g->n_relations <= AG_RENDER_SMALL_RELATIONS;
}

const char *ag_render_engine(const ag_graph *g, const ag_render_opts *o)
{
    if (o && o->engine)
        return o->engine;
    return small(g) ? "dot" : "sfdp";
}

int ag_splines_valid(const char *name)
{
    static const char *const values[] = {"true", "spline", "curved", "line", "polyline",
                                         "ortho", "none", NULL};
    for (int i = 0; values[i]; i++)
        if (strcmp(values[i], name) == 0)
            return 1;
    return 0;
}

bool ag_edge_labels_parse(const char *s, ag_edge_labels *out)
{
    static const char *const names[] = {"auto", "all", "none"};
    for (int i = 0; i < 3; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (ag_edge_labels)i;
            return true;
        }
    return false;
}

int ag_engine_valid(const char *name)
{
    for (int i = 0; engines[i]; i++)
        if (strcmp(engines[i], name) == 0)
            return 1;
    return 0;
}

void ag_blob_free(ag_blob *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

/* ---- one Graphviz context per process ---------------------------------- */

/* Graphviz's pango plugin keeps pointers into the first context that loads
 * it, so a second context after freeing the first reads freed memory: every
 * layout in the process goes through this one, made on first use. */
static GVC_t *the_gvc;

static GVC_t *gvc_get(void)
{
    if (!the_gvc)
        the_gvc = gvContext();
    return the_gvc;
}

void ag_render_shutdown(void)
{
    if (the_gvc)
        gvFreeContext(the_gvc);
    the_gvc = NULL;
}

/* ---- object ids in creation order ------------------------------------- */

/* cgraph's default id discipline makes a named object's id the address of
 * its interned name, and keeps subgraphs ordered by id: clusters came out
 * (in DOT, and so in the layout) in an order that depended on what the
 * process had allocated before. This discipline numbers names in the order
 * they are first seen (even ids) and anonymous objects by a counter (odd
 * ids), so the same graph always gets the same ids. */
typedef struct id_state {
    Agraph_t *root;
    ag_strmap *index; /* name -> position in names */
    char **names;     /* interned in root (writers test them for HTML) */
    size_t n, cap;
    IDTYPE anon;
} id_state;

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    id_state *s = calloc(1, sizeof *s);
    (void)disc;
    if (s && !(s->index = ag_strmap_new(64))) {
        free(s);
        return NULL;
    }
    if (s) {
        s->root = g;
        s->anon = 1;
    }
    return s;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    id_state *s = state;
    size_t k;
    (void)objtype;
    if (!s)
        return 0;
    if (!str) {
        *id = s->anon;
        s->anon += 2;
        return 1;
    }
    if (ag_strmap_get(s->index, str, &k)) {
        *id = 2 * ((IDTYPE)k + 1);
        return 1;
    }
    if (!createflag)
        return 0;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? 2 * s->cap : 64;
        char **nn = realloc(s->names, ncap * sizeof *nn);
        if (!nn)
            return 0;
        s->names = nn;
        s->cap = ncap;
    }
    if (!(s->names[s->n] = agstrdup(s->root, str)))
        return 0;
    if (ag_strmap_put(s->index, s->names[s->n], s->n, NULL) != 1) {
        agstrfree(s->root, s->names[s->n]);
        return 0;
    }
    *id = 2 * ((IDTYPE)s->n + 1);
    s->n++;
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE request)
{
    (void)state;
    (void)objtype;
    (void)request;
    return 0;
}

/* Names live until the graph is closed: an id is never reused for another. */
static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    id_state *s = state;
    (void)objtype;
    if (!s || id % 2 != 0 || id == 0 || id / 2 > s->n)
        return NULL;
    return s->names[id / 2 - 1];
}

static void ids_close(void *state)
{
    id_state *s = state;
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        agstrfree(s->root, s->names[i]);
    free(s->names);
    ag_strmap_free(s->index);
    free(s);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t ordered_ids = {ids_open, ids_map, ids_alloc, ids_free,
                                 ids_print, ids_close, ids_register};

/* ---- DOT text through cgraph's writer --------------------------------- */

static int put_sbuf(void *chan, const char *str)
{
    ag_sbuf *b = chan;
    ag__sb_puts(b, str);
    return b->oom ? EOF : 0;
}

static int flush_sbuf(void *chan)
{
    (void)chan;
    return 0;
}

/* AG_OK when the options name a known engine and splines. */
static ag_status check_opts(const ag_render_opts *o, ag_error *err)
{
    if (o->engine && !ag_engine_valid(o->engine))
        return ag_error_set(err, AG_EARG, "unknown layout engine \"%s\"", o->engine);
    if (o->splines && !ag_splines_valid(o->splines))
        return ag_error_set(err, AG_EARG, "unknown splines \"%s\"", o->splines);
    return AG_OK;
}

ag_status ag_layout_positions(const ag_graph *g, const ag_render_opts *opts, double *x,
                              double *y, ag_error *err)
{
    ag_render_opts defaults;
    Agdisc_t disc;
    Agraph_t *root = NULL;
    GVC_t *gvc = NULL;
    int laid_out = 0, rc_layout;
    ag_status st = AG_OK;

    disc.mem = AgDefaultDisc.mem;
    disc.id = &ordered_ids;
    disc.io = AgDefaultDisc.io;
    if (!opts) {
        ag_render_opts_init(&defaults);
        opts = &defaults;
    }
    if ((st = check_opts(opts, err)) != AG_OK)
        return st;
    ag__graphviz_message_clear();
    gvc = gvc_get();
    if (!gvc) {
        st = ag_error_set(err, AG_ERENDER, "cannot start Graphviz");
        goto cleanup;
    }
    root = ag__render_build(g, opts, &disc);
    if (!root) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory while building the diagram");
        goto cleanup;
    }
    ag__progress("laying out", 0, 1);
    rc_layout = gvLayout(gvc, root, ag_render_engine(g, opts));
    ag__progress("laying out", 1, 1);
    if (rc_layout != 0) {
        st = ag_error_set(err, AG_ERENDER, "layout failed: %s",
                          ag__graphviz_message()[0] ? ag__graphviz_message() : "unknown error");
        goto cleanup;
    }
    laid_out = 1;
    for (size_t i = 0; i < g->n_actors; i++) {
        Agnode_t *n = agnode(root, g->actors[i].id, 0);
        x[i] = n ? ND_coord(n).x : 0.0;
        y[i] = n ? GD_bb(root).UR.y - ND_coord(n).y : 0.0;
    }
cleanup:
    if (root && laid_out)
        gvFreeLayout(gvc, root);
    if (root)
        agclose(root);
    return st;
}

ag_status ag_render(const ag_graph *g, const ag_render_opts *opts, const ag_format *formats,
                    size_t n, ag_blob *out, ag_error *err)
{
    ag_render_opts defaults;
    Agiodisc_t io;
    Agdisc_t disc;
    Agraph_t *root = NULL;
    GVC_t *gvc = NULL;
    int laid_out = 0, rc_layout;
    ag_status st = AG_OK;

    for (size_t i = 0; i < n; i++)
        out[i].data = NULL, out[i].len = 0;
    if (!opts) {
        ag_render_opts_init(&defaults);
        opts = &defaults;
    }
    if ((st = check_opts(opts, err)) != AG_OK)
        return st;

    io = AgIoDisc;
    io.putstr = put_sbuf;
    io.flush = flush_sbuf;
    disc.mem = AgDefaultDisc.mem;
    disc.id = &ordered_ids;
    disc.io = &io;

    ag__graphviz_message_clear();
    gvc = gvc_get();
    if (!gvc) {
        st = ag_error_set(err, AG_ERENDER, "cannot start Graphviz");
        goto cleanup;
    }
    root = ag__render_build(g, opts, &disc);
    if (!root) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory while building the diagram");
        goto cleanup;
    }
    /* DOT first: it is the graph as built, before layout adds positions */
    for (size_t i = 0; i < n; i++) {
        ag_sbuf b = {0};
        if (formats[i] != AG_FMT_DOT)
            continue;
        if (agwrite(root, &b) != 0 || b.oom) {
            free(b.s);
            st = ag_error_set(err, AG_ERENDER, "cannot write DOT");
            goto cleanup;
        }
        out[i].data = b.s;
        out[i].len = b.len;
    }
    for (size_t i = 0; i < n; i++) {
        char *data = NULL;
        unsigned int len = 0;
        if (formats[i] == AG_FMT_DOT)
            continue;
        if (!laid_out) {
            ag__progress("laying out", 0, 1);
            rc_layout = gvLayout(gvc, root, ag_render_engine(g, opts));
            ag__progress("laying out", 1, 1);
            if (rc_layout != 0) {
                st = ag_error_set(err, AG_ERENDER, "layout failed: %s",
                                  ag__graphviz_message()[0] ? ag__graphviz_message()
                                                            : "unknown error");
                goto cleanup;
            }
            laid_out = 1;
        }
        ag__progress("rendering", i, n);
        if (gvRenderData(gvc, root, S(ag_format_name(formats[i])), &data, &len) != 0 || !data) {
            if (data)
                gvFreeRenderData(data);
            st = ag_error_set(err, AG_ERENDER, "cannot render %s: %s",
                              ag_format_name(formats[i]),
                              ag__graphviz_message()[0] ? ag__graphviz_message()
                                                        : "unknown error");
            goto cleanup;
        }
        /* no bytes, or an error on the way (Pango giving up on a huge
           label), is a failure, never an empty or broken file */
        if (len == 0 || ag__graphviz_message()[0]) {
            gvFreeRenderData(data);
            st = ag_error_set(err, AG_ERENDER, "cannot render %s: %s",
                              ag_format_name(formats[i]),
                              ag__graphviz_message()[0] ? ag__graphviz_message()
                                                        : "Graphviz produced no output");
            goto cleanup;
        }
        out[i].data = malloc(len + 1);
        if (!out[i].data) {
            gvFreeRenderData(data);
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        memcpy(out[i].data, data, len);
        out[i].data[len] = '\0';
        out[i].len = len;
        gvFreeRenderData(data);
    }
cleanup:
    ag__progress("rendering", n, n);
    if (root && laid_out)
        gvFreeLayout(gvc, root);
    if (root)
        agclose(root);
    if (st != AG_OK)
        for (size_t i = 0; i < n; i++)
            ag_blob_free(&out[i]);
    return st;
}
