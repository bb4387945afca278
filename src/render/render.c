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

/* ---- small multiples ---------------------------------------------------- */

static const char *const panel_palette[] = {
    "#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2",
    "#edc948", "#ff9da7", "#9c755f", "#6b6ecf", "#d37295", "#bcbd22"};
#define PANEL_COLOURS (sizeof panel_palette / sizeof panel_palette[0])
#define NO_BLOC ((size_t)-1)

static int set_attr(void *obj, const char *k, const char *v)
{
    return agsafeset(obj, S(k), S(v), S("")) == 0 ? 0 : -1;
}

static Agnode_t *fixed_node(Agraph_t *root, const char *name, double x, double y)
{
    char pos[64];
    Agnode_t *n = agnode(root, S(name), 1);
    if (!n)
        return NULL;
    snprintf(pos, sizeof pos, "%.2f,%.2f", x, y);
    return set_attr(n, "pos", pos) == 0 ? n : NULL;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The number of characters (not bytes) of UTF-8 text. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* A label's box on a panel, in points. */
typedef struct {
    double x0, y0, x1, y1;
} lbox;

static int lbox_overlap(const lbox *a, const lbox *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* Writes the names of panel k's labelled actors as text nodes beside their
 * dots, each at the first of right, left, above and below where it overlaps
 * no name already placed and stays inside the frame; a name that fits
 * nowhere is left out (the dot's tooltip keeps it). Names are placed in
 * actor order, so the same input gives the same picture. Widths are
 * estimated from the character count (DejaVu Sans averages 0.6 em).
 * Returns -1 when out of memory. */
static int place_labels(Agraph_t *root, const ag_graph *g, const ag_panel *p,
                        const ag_multiples_opts *o, size_t k, double ox, double oy, double side,
                        double tall, double minx, double miny, double scale, int big)
{
    double fs = big ? 9 : 11, r = (big ? 0.12 : 0.22) * 72 / 2 + 2, h = fs * 1.25;
    lbox *placed = malloc((g->n_actors + 1) * sizeof *placed);
    size_t n_placed = 0;
    char name[64];
    int rc = 0;
    if (!placed)
        return -1;
    for (size_t i = 0; i < g->n_actors && rc == 0; i++) {
        double x, y, w;
        if (!p->present[i] || (o->label && !o->label[i]))
            continue;
        x = ox + 10 + (o->x[i] - minx) * scale;
        y = oy - 10 - (o->y[i] - miny) * scale;
        w = 0.6 * fs * (double)utf8_chars(g->actors[i].name) + 2;
        for (int side_i = 0; side_i < 4; side_i++) {
            double cx = side_i == 0 ? x + r + w / 2 : side_i == 1 ? x - r - w / 2 : x;
            double cy = side_i == 2 ? y + r + h / 2 : side_i == 3 ? y - r - h / 2 : y;
            lbox b = {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
            size_t j;
            Agnode_t *t;
            char fsz[16];
            if (b.x0 < ox + 2 || b.x1 > ox + side - 2 || b.y1 > oy - 2 || b.y0 < oy - tall + 2)
                continue;
            for (j = 0; j < n_placed; j++)
                if (lbox_overlap(&b, &placed[j]))
                    break;
            if (j < n_placed)
                continue;
            placed[n_placed++] = b;
            snprintf(name, sizeof name, "n%zu_%zu", k, i);
            snprintf(fsz, sizeof fsz, "%g", fs);
            if (!(t = fixed_node(root, name, cx, cy)) || set_attr(t, "shape", "plaintext") ||
                set_attr(t, "label", g->actors[i].name) || set_attr(t, "fontsize", fsz) ||
                set_attr(t, "fontname", "DejaVu Sans") || set_attr(t, "margin", "0") ||
                set_attr(t, "width", "0") || set_attr(t, "height", "0"))
                rc = -1;
            break;
        }
    }
    free(placed);
    return rc;
}

/* Builds the small-multiples graph with every node pinned (points, y up). */
static Agraph_t *build_multiples(const ag_graph *g, const ag_panel *panels, size_t n_panels,
                                 const ag_multiples_opts *o, Agdisc_t *disc)
{
    Agraph_t *root = agopen(S("multiples"), Agundirected, disc);
    size_t *used = NULL, n_used = 0, cols;
    double minx = 0, maxx = 0, miny = 0, maxy = 0, scale, side, tall, gap = 30, head = 26;
    int big = g->n_actors > AG_RENDER_SMALL_ACTORS, ok = 0;
    char name[64], buf[64];

    if (!root)
        return NULL;
    for (size_t i = 0; i < g->n_actors; i++) {
        if (i == 0 || o->x[i] < minx)
            minx = o->x[i];
        if (i == 0 || o->x[i] > maxx)
            maxx = o->x[i];
        if (i == 0 || o->y[i] < miny)
            miny = o->y[i];
        if (i == 0 || o->y[i] > maxy)
            maxy = o->y[i];
    }
    /* panels side points wide, as tall as the layout's shape asks (at
       least 40% of the width) */
    side = big ? 420 : 240;
    scale = (maxx - minx > maxy - miny ? maxx - minx : maxy - miny);
    scale = scale > 0 ? (side - 20) / scale : 1;
    tall = (maxy - miny) * scale + 20;
    if (tall < 0.4 * side)
        tall = 0.4 * side;
    cols = 1;
    while (cols * cols < n_panels)
        cols++;
    if (n_panels <= 3)
        cols = n_panels;
    /* the bloc numbers drawn, in increasing order: their colours */
    used = malloc((g->n_actors * n_panels + 1) * sizeof *used);
    if (!used)
        goto cleanup;
    for (size_t k = 0; k < n_panels; k++)
        for (size_t i = 0; i < g->n_actors; i++)
            if (panels[k].present[i] && panels[k].bloc[i] != NO_BLOC)
                used[n_used++] = panels[k].bloc[i];
    qsort(used, n_used, sizeof *used, cmp_size);
    {
        size_t m = 0;
        for (size_t i = 0; i < n_used; i++)
            if (m == 0 || used[m - 1] != used[i])
                used[m++] = used[i];
        n_used = m;
    }
    if (set_attr(root, "outputorder", "edgesfirst") || set_attr(root, "splines", "line") ||
        set_attr(root, "fontname", "DejaVu Sans") || set_attr(root, "bgcolor", "white") ||
        set_attr(root, "pad", "0.3") || set_attr(root, "forcelabels", "true"))
        goto cleanup;
    if (o->title && (set_attr(root, "label", o->title) || set_attr(root, "labelloc", "t") ||
                     set_attr(root, "fontsize", "20")))
        goto cleanup;
    for (size_t k = 0; k < n_panels; k++) {
        const ag_panel *p = &panels[k];
        double ox = (double)(k % cols) * (side + gap), oy = -(double)(k / cols) * (tall + gap + head);
        Agnode_t *t, *frame, **nodes = NULL;
        snprintf(name, sizeof name, "title%zu", k);
        if (!(t = fixed_node(root, name, ox + side / 2, oy + head / 2)) ||
            set_attr(t, "shape", "plaintext") || set_attr(t, "label", p->title) ||
            set_attr(t, "fontsize", "18") || set_attr(t, "fontname", "DejaVu Sans Bold"))
            goto cleanup;
        snprintf(name, sizeof name, "frame%zu", k);
        snprintf(buf, sizeof buf, "%.4f", side / 72.0);
        if (!(frame = fixed_node(root, name, ox + side / 2, oy - tall / 2)) ||
            set_attr(frame, "shape", "box") || set_attr(frame, "style", "rounded") ||
            set_attr(frame, "color", "#c8c8c8") || set_attr(frame, "label", "") ||
            set_attr(frame, "fixedsize", "true") || set_attr(frame, "width", buf))
            goto cleanup;
        snprintf(buf, sizeof buf, "%.4f", tall / 72.0);
        if (set_attr(frame, "height", buf))
            goto cleanup;
        nodes = calloc(g->n_actors + 1, sizeof *nodes);
        if (!nodes)
            goto cleanup;
        for (size_t i = 0; i < g->n_actors; i++) {
            const char *fill = "white";
            Agnode_t *v;
            if (!p->present[i])
                continue;
            if (p->bloc[i] != NO_BLOC) {
                size_t lo = 0, hi = n_used;
                while (lo < hi) {
                    size_t mid = (lo + hi) / 2;
                    if (used[mid] < p->bloc[i])
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                fill = panel_palette[lo % PANEL_COLOURS];
            }
            snprintf(name, sizeof name, "p%zu_%zu", k, i);
            v = fixed_node(root, name, ox + 10 + (o->x[i] - minx) * scale,
                           oy - 10 - (o->y[i] - miny) * scale);
            if (!v || set_attr(v, "shape", "circle") || set_attr(v, "style", "filled") ||
                set_attr(v, "fillcolor", fill) || set_attr(v, "color", "#505050") ||
                set_attr(v, "fixedsize", "true") || set_attr(v, "width", big ? "0.12" : "0.22") ||
                set_attr(v, "penwidth", "0.6") || set_attr(v, "label", "") ||
                set_attr(v, "tooltip", g->actors[i].name)) {
                free(nodes);
                goto cleanup;
            }
            nodes[i] = v;
        }
        if (place_labels(root, g, p, o, k, ox, oy, side, tall, minx, miny, scale, big) != 0) {
            free(nodes);
            goto cleanup;
        }
        for (size_t r = 0; r < g->n_relations; r++) {
            const ag_relation *rel = &g->relations[r];
            Agedge_t *e;
            if (!p->rel[r] || !nodes[rel->source] || !nodes[rel->target])
                continue;
            e = agedge(root, nodes[rel->source], nodes[rel->target], NULL, 1);
            if (!e || set_attr(e, "color", rel->sign > 0 ? "#2b6cb070" : "#d62d2090") ||
                set_attr(e, "penwidth", big ? "0.5" : "1.2")) {
                free(nodes);
                goto cleanup;
            }
        }
        free(nodes);
    }
    /* the legend: one entry per bloc number drawn that has a name */
    {
        size_t rows = (n_panels + cols - 1) / cols, shown = 0;
        double top = -(double)rows * (tall + gap + head) + gap / 2;
        for (size_t b = 0; b < n_used; b++) {
            Agnode_t *dot, *text;
            double lx, ly;
            if (used[b] >= o->n_bloc_names || !o->bloc_name[used[b]])
                continue;
            lx = (double)(shown % 2) * 390;
            ly = top - (double)(shown / 2) * 20;
            snprintf(name, sizeof name, "legend%zu", b);
            if (!(dot = fixed_node(root, name, lx + 6, ly)) || set_attr(dot, "shape", "circle") ||
                set_attr(dot, "style", "filled") || set_attr(dot, "label", "") ||
                set_attr(dot, "fillcolor", panel_palette[b % PANEL_COLOURS]) ||
                set_attr(dot, "fixedsize", "true") || set_attr(dot, "width", "0.16"))
                goto cleanup;
            snprintf(name, sizeof name, "legendtext%zu", b);
            if (!(text = fixed_node(root, name, lx + 16 + 180, ly)) ||
                set_attr(text, "shape", "plaintext") || set_attr(text, "fontsize", "12") ||
                set_attr(text, "fontname", "DejaVu Sans") || set_attr(text, "width", "5") ||
                set_attr(text, "fixedsize", "true"))
                goto cleanup;
            {
                /* "\l" ends a left-justified line */
                size_t len = strlen(o->bloc_name[used[b]]);
                char *l = malloc(len + 3);
                int bad;
                if (!l)
                    goto cleanup;
                memcpy(l, o->bloc_name[used[b]], len);
                memcpy(l + len, "\\l", 3);
                bad = set_attr(text, "label", l);
                free(l);
                if (bad)
                    goto cleanup;
            }
            shown++;
        }
    }
    ok = 1;
cleanup:
    free(used);
    if (!ok) {
        agclose(root);
        return NULL;
    }
    return root;
}

ag_status ag_render_multiples(const ag_graph *g, const ag_panel *panels, size_t n_panels,
                              const ag_multiples_opts *o, const ag_format *formats, size_t n,
                              ag_blob *out, ag_error *err)
{
    Agdisc_t disc;
    Agraph_t *root = NULL;
    GVC_t *gvc = NULL;
    int laid_out = 0;
    ag_status st = AG_OK;

    for (size_t i = 0; i < n; i++) {
        out[i].data = NULL, out[i].len = 0;
        if (formats[i] != AG_FMT_SVG && formats[i] != AG_FMT_PNG && formats[i] != AG_FMT_PDF)
            return ag_error_set(err, AG_EARG, "small multiples are drawn as svg, png or pdf, "
                                              "not %s",
                                ag_format_name(formats[i]));
    }
    if (n_panels == 0)
        return ag_error_set(err, AG_EARG, "no panel to draw");
    disc.mem = AgDefaultDisc.mem;
    disc.id = &ordered_ids;
    disc.io = AgDefaultDisc.io;
    ag__graphviz_message_clear();
    gvc = gvc_get();
    if (!gvc) {
        st = ag_error_set(err, AG_ERENDER, "cannot start Graphviz");
        goto cleanup;
    }
    root = build_multiples(g, panels, n_panels, o, &disc);
    if (!root) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory while building the diagram");
        goto cleanup;
    }
    if (gvLayout(gvc, root, "nop2") != 0) {
        st = ag_error_set(err, AG_ERENDER, "layout failed: %s",
                          ag__graphviz_message()[0] ? ag__graphviz_message() : "unknown error");
        goto cleanup;
    }
    laid_out = 1;
    for (size_t i = 0; i < n; i++) {
        char *data = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, root, S(ag_format_name(formats[i])), &data, &len) != 0 || !data ||
            len == 0 || ag__graphviz_message()[0]) {
            if (data)
                gvFreeRenderData(data);
            st = ag_error_set(err, AG_ERENDER, "cannot render %s: %s", ag_format_name(formats[i]),
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
    if (root && laid_out)
        gvFreeLayout(gvc, root);
    if (root)
        agclose(root);
    if (st != AG_OK)
        for (size_t i = 0; i < n; i++)
            ag_blob_free(&out[i]);
    return st;
}
