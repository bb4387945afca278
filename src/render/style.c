/* The diagram's styling: actors as shapes by kind and fills by group, bloc
 * or kind, relations as edges coloured by sign and family, groups as
 * clusters, a title, a legend and tooltips carrying the evidence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "actorgraph/select.h"
#include "core/internal.h"
#include "core/text.h"
#include "formats/formats.h"
#include "render/style.h"

/* The grey of a relation a what-if scenario drops. */
#define MARK_DROPPED_COLOR "#a0a0a0"

#define FONT "DejaVu Sans"

/* Whether the character at s (len bytes) cannot appear in XML 1.0, even
 * escaped: control characters other than tab and line breaks, and the
 * noncharacters U+FFFE and U+FFFF. SVG is XML, so these become U+FFFD. */
static int xml_forbidden(const char *s, size_t len)
{
    unsigned char c = (unsigned char)s[0];
    if (len == 1)
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    return len == 3 && c == 0xEF && (unsigned char)s[1] == 0xBF &&
           ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF);
}

/* The length of the character at s (1 for a byte that is not UTF-8). */
static size_t char_len(const char *s)
{
    size_t n = ag__utf8_seq((const unsigned char *)s, strnlen(s, 4));
    return n ? n : 1;
}

#define REPLACEMENT "\xef\xbf\xbd"

/* How many backslashes stand for one in an escString attribute: labels
 * unescape once, SVG tooltips twice (and then expand \N, \G... again). */
enum { LABEL = 2, TOOLTIP = 4 };

/* Text for an escString attribute (label, tooltip), drawn as written: each
 * backslash as `how` backslashes so names cannot call Graphviz escapes
 * (\N, \G...), line breaks as \n, '&' as "&amp;" (Graphviz reads character
 * references in these, and would pass "&#1;" through to SVG), characters
 * XML cannot hold as U+FFFD. Set the result with set_esc. */
static void sb_esc(ag_sbuf *b, const char *s, int how)
{
    while (*s) {
        size_t n = char_len(s);
        if (*s == '\\')
            ag__sb_add(b, "\\\\\\\\", (size_t)how);
        else if (*s == '\n')
            ag__sb_puts(b, "\\n");
        else if (*s == '\r')
            ag__sb_puts(b, s[1] == '\n' ? "" : "\\n");
        else if (*s == '&')
            ag__sb_puts(b, "&amp;");
        else if (xml_forbidden(s, n))
            ag__sb_puts(b, REPLACEMENT);
        else
            ag__sb_add(b, s, n);
        s += n;
    }
}

/* Text for an HTML-like label: markup characters as entities, backslashes
 * doubled (Graphviz expands \G, \N... in these too), line breaks as <br/>,
 * characters XML cannot hold as U+FFFD (Graphviz parses these labels as
 * XML and drops the whole label when they do not parse). */
static void sb_html(ag_sbuf *b, const char *s)
{
    while (*s) {
        size_t n = char_len(s);
        switch (*s) {
        case '&': ag__sb_puts(b, "&amp;"); break;
        case '<': ag__sb_puts(b, "&lt;"); break;
        case '>': ag__sb_puts(b, "&gt;"); break;
        case '"': ag__sb_puts(b, "&quot;"); break;
        case '\\': ag__sb_puts(b, "\\\\"); break;
        case '\n': ag__sb_puts(b, "<br/>"); break;
        case '\r':
            if (s[1] != '\n')
                ag__sb_puts(b, "<br/>");
            break;
        default:
            if (xml_forbidden(s, n))
                ag__sb_puts(b, REPLACEMENT);
            else
                ag__sb_add(b, s, n);
        }
        s += n;
    }
}

/* ---- styling ---------------------------------------------------------- */

/* Cooperation in blues, conflict in reds (ColorBrewer Blues and Reds). */
static const struct {
    const char *color, *text;
} families[] = {
    [AG_FAM_MILITARY] = {"#08519c", "military cooperation"},
    [AG_FAM_ECONOMIC] = {"#3182bd", "economic cooperation"},
    [AG_FAM_DIPLOMATIC] = {"#6baed6", "political support"},
    [AG_FAM_COERCION] = {"#ef3b2c", "hostility, threats, sanctions"},
    [AG_FAM_VIOLENCE] = {"#99000d", "armed conflict"},
    [AG_FAM_OTHER] = {"#9ecae1", "other cooperation (custom type)"},
    [AG_FAM_OTHER + 1] = {"#fc9272", "other conflict (custom type)"},
};
#define N_FAMILIES (AG_FAM_OTHER + 2)

/* Group fills (ColorBrewer Pastel1) and their cluster backgrounds. */
static const char *const group_fill[] = {"#fbb4ae", "#b3cde3", "#ccebc5", "#decbe4",
                                         "#fed9a6", "#ffffcc", "#e5d8bd", "#fddaec"};
static const char *const group_bg[] = {"#fef0ef", "#eef4f9", "#f0faee", "#f7f1f9",
                                       "#fff6ea", "#fffff2", "#f9f6ef", "#fff5fa"};
#define N_GROUP_COLORS (sizeof group_fill / sizeof group_fill[0])
#define NO_GROUP_FILL "#f0f0f0"

static const char *const kind_shape[AG_KIND_COUNT] = {"box", "hexagon", "ellipse",
                                                      "octagon", "ellipse"};
static const char *const kind_style[AG_KIND_COUNT] = {"rounded,filled", "filled", "filled",
                                                      "filled", "filled,dashed"};
static const char *const kind_text[AG_KIND_COUNT] = {"rounded box", "hexagon", "ellipse",
                                                     "octagon", "dashed ellipse"};

/* Index into families[]: the type's family, or for a custom type the
 * "other" entry of its sign. */
static int family_of(const ag_relation *r)
{
    if (r->reltype)
        return (int)r->reltype->family;
    return r->sign > 0 ? AG_FAM_OTHER : AG_FAM_OTHER + 1;
}

/* The type's name for people: underscores become spaces. */
static void sb_type(ag_sbuf *b, const char *type)
{
    for (const char *p = type; *p; p++)
        ag__sb_add(b, *p == '_' ? " " : p, 1);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* How actors are filled and boxed: each actor in one class (a group, a
 * bloc or a kind) or in none. */
typedef struct colouring {
    long *cls;          /* each actor's class, -1 for none */
    char **labels;      /* each class's name, owned */
    size_t n;
    int boxes;          /* classes are drawn as clusters */
    int unclassed;      /* some actor has no class */
} colouring;

static void colouring_free(colouring *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->labels[i]);
    free(c->labels);
    free(c->cls);
    memset(c, 0, sizeof *c);
}

/* The distinct groups of g's actors, sorted by name (not copied): the
 * classes of --color-by group, whose order gives each group its colour. */
static const char **sorted_groups(const ag_graph *g, size_t *n)
{
    const char **all = malloc((g->n_actors + 1) * sizeof *all);
    size_t k = 0;
    *n = 0;
    if (!all)
        return NULL;
    for (size_t i = 0; i < g->n_actors; i++)
        if (g->actors[i].group)
            all[k++] = g->actors[i].group;
    qsort(all, k, sizeof *all, cmp_str);
    for (size_t i = 0; i < k; i++)
        if (*n == 0 || strcmp(all[*n - 1], all[i]) != 0)
            all[(*n)++] = all[i];
    return all;
}

/* Classes for --color-by bloc. Each bloc is labelled "<leader> bloc" after
 * its most central member (ag_bloc_leaders). So that a coalition keeps its
 * colour between --color-by group and bloc, a bloc takes the class (and so
 * the colour) of the group most of its grouped members share, when that is
 * unambiguous: one group has more of its members than any other, and no
 * other bloc has more (or as many) members of that group. The other blocs
 * take the free classes in order; a class no bloc takes stays empty (label
 * "", never drawn nor listed). */
static int bloc_classes(const ag_graph *g, const size_t *bloc, colouring *c)
{
    size_t na = g->n_actors, nb = 0, ng = 0, *leader = NULL, *count = NULL, *want = NULL,
           *cls_of = NULL, next = 0;
    const char **groups = NULL;
    char *taken = NULL;
    ag_error err;
    int rc = -1;

    for (size_t i = 0; i < na; i++)
        if (bloc[i] + 1 > nb)
            nb = bloc[i] + 1;
    groups = sorted_groups(g, &ng);
    leader = malloc((nb + 1) * sizeof *leader);
    want = malloc((nb + 1) * sizeof *want);
    cls_of = malloc((nb + 1) * sizeof *cls_of);
    count = calloc(nb * ng + 1, sizeof *count);
    taken = calloc(nb + ng + 1, 1);
    if (!groups || !leader || !want || !cls_of || !count || !taken ||
        ag_bloc_leaders(g, bloc, nb, leader, &err) != AG_OK)
        goto cleanup;
    for (size_t i = 0; i < na; i++) {
        const char *grp = g->actors[i].group;
        const char **hit = grp ? bsearch(&grp, groups, ng, sizeof *groups, cmp_str) : NULL;
        if (hit)
            count[bloc[i] * ng + (size_t)(hit - groups)]++;
    }
    /* each bloc's group: the one with strictly the most members */
    for (size_t b = 0; b < nb; b++) {
        size_t best = 0, second = 0;
        want[b] = (size_t)-1;
        for (size_t k = 0; k < ng; k++) {
            size_t x = count[b * ng + k];
            if (x > best) {
                second = best;
                best = x;
                want[b] = k;
            } else if (x > second) {
                second = x;
            }
        }
        if (best == 0 || best == second)
            want[b] = (size_t)-1;
    }
    /* a group claimed by several blocs goes to the one with strictly the
     * most of its members, else to none */
    for (size_t b = 0; b < nb; b++) {
        size_t k = want[b];
        int keep = k != (size_t)-1;
        for (size_t o = 0; keep && o < nb; o++)
            if (o != b && want[o] == k && count[o * ng + k] >= count[b * ng + k])
                keep = 0;
        cls_of[b] = keep ? k : (size_t)-1;
        if (keep)
            taken[k] = 1;
    }
    for (size_t b = 0; b < nb; b++)
        if (cls_of[b] == (size_t)-1) {
            while (taken[next])
                next++;
            cls_of[b] = next;
            taken[next] = 1;
        }
    for (size_t b = 0; b < nb; b++)
        if (cls_of[b] + 1 > c->n)
            c->n = cls_of[b] + 1;
    c->labels = calloc(c->n + 1, sizeof *c->labels);
    if (!c->labels)
        goto cleanup;
    for (size_t k = 0; k < c->n; k++)
        if (!(c->labels[k] = strdup("")))
            goto cleanup;
    for (size_t b = 0; b < nb; b++) {
        const char *name = g->actors[leader[b]].name;
        char *label = malloc(strlen(name) + sizeof " bloc");
        if (!label)
            goto cleanup;
        sprintf(label, "%s bloc", name);
        free(c->labels[cls_of[b]]);
        c->labels[cls_of[b]] = label;
    }
    for (size_t i = 0; i < na; i++)
        c->cls[i] = (long)cls_of[bloc[i]];
    c->boxes = 1;
    rc = 0;
cleanup:
    free(groups);
    free(leader);
    free(want);
    free(cls_of);
    free(count);
    free(taken);
    return rc;
}

static int colouring_make(const ag_graph *g, const ag_render_opts *o, colouring *c)
{
    size_t na = g->n_actors;
    memset(c, 0, sizeof *c);
    c->cls = malloc((na + 1) * sizeof *c->cls);
    if (!c->cls)
        return -1;
    if (o->color_by == AG_COLOR_BY_BLOC && o->bloc) {
        if (bloc_classes(g, o->bloc, c) != 0)
            return -1;
    } else if (o->color_by == AG_COLOR_BY_KIND) {
        c->labels = calloc(AG_KIND_COUNT + 1, sizeof *c->labels);
        if (!c->labels)
            return -1;
        c->n = AG_KIND_COUNT;
        for (int k = 0; k < AG_KIND_COUNT; k++)
            if (!(c->labels[k] = strdup(ag_kind_name((ag_kind)k))))
                return -1;
        for (size_t i = 0; i < na; i++)
            c->cls[i] = (long)g->actors[i].kind;
    } else {
        /* the distinct groups, sorted by name */
        const char **all = malloc((na + 1) * sizeof *all);
        size_t k = 0;
        if (!all)
            return -1;
        for (size_t i = 0; i < na; i++)
            if (g->actors[i].group)
                all[k++] = g->actors[i].group;
        qsort(all, k, sizeof *all, cmp_str);
        c->labels = calloc(k + 1, sizeof *c->labels);
        if (!c->labels) {
            free(all);
            return -1;
        }
        for (size_t i = 0; i < k; i++)
            if (c->n == 0 || strcmp(c->labels[c->n - 1], all[i]) != 0)
                if (!(c->labels[c->n++] = strdup(all[i]))) {
                    free(all);
                    return -1;
                }
        free(all);
        for (size_t i = 0; i < na; i++) {
            const char *grp = g->actors[i].group;
            char **hit = grp ? bsearch(&grp, c->labels, c->n, sizeof *c->labels, cmp_str) : NULL;
            c->cls[i] = hit ? (long)(hit - c->labels) : -1;
        }
        c->boxes = 1;
    }
    for (size_t i = 0; i < na; i++)
        c->unclassed |= c->cls[i] < 0;
    return 0;
}

static const char *class_fill(long k)
{
    return k < 0 ? NO_GROUP_FILL : group_fill[(size_t)k % N_GROUP_COLORS];
}


static void set(void *obj, const char *name, const char *value)
{
    agset(obj, S(name), S(value));
}

/* Sets an escString value built with sb_esc(..., how). A value ending in
 * a backslash ends in as many "&#92;" instead (Graphviz reads them as
 * backslashes): cgraph's writer would put the backslash before the closing
 * quote, where it escapes the quote. */
static void set_esc(void *obj, const char *name, ag_sbuf *b, int how)
{
    if (b->len >= (size_t)how && b->s[b->len - 1] == '\\') {
        b->len -= (size_t)how;
        for (int k = 0; k < how; k++)
            ag__sb_puts(b, "&#92;");
    }
    if (!b->oom)
        set(obj, name, b->s ? b->s : "");
}

static int declare_attrs(Agraph_t *g)
{
    static const char *const graph_attrs[][2] = {
        {"label", ""}, {"labelloc", "t"}, {"fontname", FONT}, {"fontsize", "14"},
        {"bgcolor", "white"}, {"pad", "0.3"}, {"style", ""}, {"color", ""},
        {"fillcolor", ""}, {"penwidth", "1"}};
    static const char *const node_attrs[][2] = {
        {"shape", "box"}, {"style", "filled"}, {"fillcolor", NO_GROUP_FILL},
        {"color", "#404040"}, {"fontname", FONT}, {"fontsize", "12"}, {"label", "\\N"},
        {"tooltip", ""}, {"id", ""}, {"class", ""}, {"margin", "0.12,0.06"},
        {"penwidth", "1"}};
    static const char *const edge_attrs[][2] = {
        {"color", "black"}, {"fontcolor", "black"}, {"penwidth", "1"}, {"style", "solid"},
        {"dir", "forward"}, {"label", ""}, {"tooltip", ""}, {"id", ""}, {"class", ""},
        {"arrowsize", "0.8"}, {"fontname", FONT}, {"fontsize", "9"}};
    for (size_t i = 0; i < sizeof graph_attrs / sizeof graph_attrs[0]; i++)
        if (!agattr(g, AGRAPH, S(graph_attrs[i][0]), S(graph_attrs[i][1])))
            return -1;
    for (size_t i = 0; i < sizeof node_attrs / sizeof node_attrs[0]; i++)
        if (!agattr(g, AGNODE, S(node_attrs[i][0]), S(node_attrs[i][1])))
            return -1;
    for (size_t i = 0; i < sizeof edge_attrs / sizeof edge_attrs[0]; i++)
        if (!agattr(g, AGEDGE, S(edge_attrs[i][0]), S(edge_attrs[i][1])))
            return -1;
    return 0;
}

static int engine_draws_clusters(const char *engine)
{
    return strcmp(engine, "dot") == 0 || strcmp(engine, "fdp") == 0 ||
           strcmp(engine, "neato") == 0;
}

/* Small graphs get spline edges routed around the actors; large ones
 * straight lines, which Graphviz draws in linear time where routing splines
 * around every actor grows much faster (AG_RENDER_SMALL_*). */
static const char *splines_for(const ag_graph *g, const ag_render_opts *o, const char *engine)
{
    if (o->splines)
        return o->splines;
    if (g->n_actors <= AG_RENDER_SMALL_ACTORS && g->n_relations <= AG_RENDER_SMALL_RELATIONS)
        return strcmp(engine, "dot") == 0 ? NULL : "true";
    return "line";
}

static void set_layout_attrs(Agraph_t *g, const char *engine, const char *splines)
{
    if (strcmp(engine, "dot") == 0) {
        agattr(g, AGRAPH, S("rankdir"), S("LR"));
        agattr(g, AGRAPH, S("nodesep"), S("0.35"));
        agattr(g, AGRAPH, S("ranksep"), S("1.1"));
        agattr(g, AGRAPH, S("newrank"), S("true"));
    } else {
        /* prism: Graphviz's fast overlap removal */
        agattr(g, AGRAPH, S("overlap"), S("prism"));
        agattr(g, AGRAPH, S("sep"), S("+14"));
        if (strcmp(engine, "circo") != 0)
            agattr(g, AGRAPH, S("K"), S("1.2"));
    }
    if (splines)
        agattr(g, AGRAPH, S("splines"), S(splines));
    agattr(g, AGRAPH, S("outputorder"), S("edgesfirst"));
}

/* Whether relation r carries a text label under the options. */
static int labelled(const ag_graph *g, const ag_render_opts *o, const ag_relation *r)
{
    switch (o->edge_labels) {
    case AG_LABELS_ALL: return 1;
    case AG_LABELS_NONE: return 0;
    default: return g->n_relations <= AG_RENDER_SMALL_RELATIONS || r->label != NULL;
    }
}

#define AG_TITLE_SOURCES 3

static void add_title(Agraph_t *root, const ag_graph *g, ag_sbuf *b)
{
    char *html;
    b->len = 0;
    ag__sb_puts(b, "<<font point-size=\"20\"><b>");
    sb_html(b, g->title ? g->title : g->name);
    ag__sb_puts(b, "</b></font>");
    if (g->n_sources > 0) {
        ag__sb_puts(b, "<br/><font point-size=\"10\" color=\"#555555\">Source");
        ag__sb_puts(b, g->n_sources > 1 ? "s: " : ": ");
        /* at most AG_TITLE_SOURCES, so that a graph citing hundreds of
           sources (event data's URLs) keeps a title of readable width */
        for (size_t i = 0; i < g->n_sources; i++) {
            const ag_source *s = &g->sources[i];
            if (i == AG_TITLE_SOURCES) {
                ag__sb_printf(b, "<br/>and %zu more", g->n_sources - i);
                break;
            }
            if (i) /* one source a line: a diagram as wide as its graph */
                ag__sb_puts(b, "<br/>");
            if (s->author) {
                sb_html(b, s->author);
                ag__sb_puts(b, ", ");
            }
            ag__sb_puts(b, "\xe2\x80\x9c"); /* curly quotes */
            sb_html(b, s->title);
            ag__sb_puts(b, "\xe2\x80\x9d");
            if (s->published) {
                ag__sb_puts(b, " (");
                sb_html(b, s->published);
                ag__sb_puts(b, ")");
            }
        }
        ag__sb_puts(b, "</font>");
    }
    if (g->selection) {
        char sel[512];
        ag_selection_describe(g->selection, sel, sizeof sel);
        if (sel[0]) {
            ag__sb_puts(b, "<br/><font point-size=\"12\">");
            sb_html(b, sel);
            ag__sb_puts(b, "</font>");
        }
    }
    ag__sb_printf(b, "<br/><font point-size=\"10\" color=\"#555555\">%zu actors, %zu relations</font>>",
              g->n_actors, g->n_relations);
    if (b->oom)
        return;
    /* agstrdup_html wants the text without the outer angle brackets */
    b->s[b->len - 1] = '\0';
    html = agstrdup_html(root, b->s + 1);
    agset(root, S("label"), html);
    agstrfree(root, html);
}

/* Legend rows for the fill colours in use, at most a dozen. */
static void add_fill_legend(ag_sbuf *b, const ag_graph *g, const ag_render_opts *o,
                            const colouring *col)
{
    enum { MAX_ROWS = 12 };
    size_t shown = 0, used = 0;
    char *in_use = calloc(col->n + 1, 1);
    if (!in_use) {
        b->oom = 1;
        return;
    }
    for (size_t i = 0; i < g->n_actors; i++)
        if (col->cls[i] >= 0)
            in_use[col->cls[i]] = 1;
    ag__sb_puts(b, "<tr><td colspan=\"2\" align=\"left\">fill colour: ");
    if (o->color_by == AG_COLOR_BY_BLOC && o->bloc) {
        ag__sb_puts(b, "bloc");
        if (o->bloc_note) {
            ag__sb_puts(b, " (");
            sb_html(b, o->bloc_note);
            ag__sb_puts(b, ")");
        }
    } else {
        ag__sb_puts(b, o->color_by == AG_COLOR_BY_KIND ? "kind" : "group");
    }
    ag__sb_puts(b, "</td></tr>");
    for (size_t k = 0; k < col->n; k++) {
        if (!in_use[k])
            continue;
        used++;
        if (shown == MAX_ROWS)
            continue;
        shown++;
        ag__sb_printf(b, "<tr><td width=\"28\" height=\"12\" fixedsize=\"true\" border=\"1\" "
                     "color=\"#404040\" bgcolor=\"%s\"></td><td align=\"left\">",
                  class_fill((long)k));
        sb_html(b, col->labels[k]);
        ag__sb_puts(b, "</td></tr>");
    }
    if (used > shown)
        ag__sb_printf(b, "<tr><td></td><td align=\"left\">and %zu more</td></tr>", used - shown);
    if (col->unclassed)
        ag__sb_printf(b, "<tr><td width=\"28\" height=\"12\" fixedsize=\"true\" border=\"1\" "
                     "color=\"#404040\" bgcolor=\"%s\"></td><td align=\"left\">no group</td></tr>",
                  NO_GROUP_FILL);
    free(in_use);
}

static void add_legend(Agraph_t *root, const ag_graph *g, const ag_render_opts *o,
                       const colouring *col, int clusters, ag_sbuf *b)
{
    int used[N_FAMILIES] = {0}, kinds[AG_KIND_COUNT] = {0}, dashed = 0, mutual = 0,
        oneway = 0;
    Agraph_t *parent = root;
    Agnode_t *n;
    char *html;
    int marks[3] = {0, 0, 0};
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        if (o->relation_mark && o->relation_mark[i] <= AG_MARK_ADDED)
            marks[o->relation_mark[i]] = 1;
        used[family_of(r)] = 1;
        dashed |= r->confidence == AG_CONF_SPECULATIVE;
        mutual |= r->mutual;
        oneway |= !r->mutual;
    }
    for (size_t i = 0; i < g->n_actors; i++)
        kinds[g->actors[i].kind] = 1;

    b->len = 0;
    ag__sb_puts(b, "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"2\">");
    ag__sb_puts(b, "<tr><td colspan=\"2\" align=\"left\"><b>Legend</b></td></tr>");
    for (int f = 0; f < N_FAMILIES; f++)
        if (used[f])
            ag__sb_printf(b,
                      "<tr><td width=\"28\" height=\"4\" fixedsize=\"true\" bgcolor=\"%s\"></td>"
                      "<td align=\"left\">%s</td></tr>",
                      families[f].color, families[f].text);
    ag__sb_puts(b, "<tr><td colspan=\"2\" align=\"left\">line width: strength of the tie</td></tr>");
    if (oneway)
        ag__sb_puts(b, "<tr><td>\xe2\x86\x92</td><td align=\"left\">arrow: one-way, source to target</td></tr>");
    if (mutual)
        ag__sb_puts(b, "<tr><td>\xe2\x80\x94</td><td align=\"left\">no arrow: mutual</td></tr>");
    if (dashed)
        ag__sb_puts(b, "<tr><td>- - -</td><td align=\"left\">dashed: speculative</td></tr>");
    if (marks[AG_MARK_DROPPED])
        ag__sb_printf(b, "<tr><td><font color=\"%s\">- - -</font></td><td align=\"left\">grey "
                         "dashed: dropped in the scenario</td></tr>", MARK_DROPPED_COLOR);
    if (marks[AG_MARK_ADDED])
        ag__sb_puts(b, "<tr><td>\xe2\x94\x81</td><td align=\"left\">thick: added in the "
                       "scenario</td></tr>");
    for (int k = 0; k < AG_KIND_COUNT; k++)
        if (kinds[k])
            ag__sb_printf(b, "<tr><td colspan=\"2\" align=\"left\">%s: %s</td></tr>", kind_text[k],
                      ag_kind_name((ag_kind)k));
    add_fill_legend(b, g, o, col);
    if (o->size)
        ag__sb_printf(b, "<tr><td colspan=\"2\" align=\"left\">node size: %s</td></tr>",
                  o->size_label ? o->size_label : "size");
    ag__sb_puts(b, "</table>");
    if (b->oom)
        return;
    if (clusters) {
        parent = agsubg(root, S("cluster_legend"), 1);
        agset(parent, S("label"), S(""));
        agset(parent, S("style"), S("rounded"));
        agset(parent, S("color"), S("#bbbbbb"));
    }
    n = agnode(parent, S("ag:legend"), 1);
    html = agstrdup_html(root, b->s);
    agset(n, S("label"), html);
    agstrfree(root, html);
    set(n, "shape", "plain");
    set(n, "style", "");
    set(n, "fontsize", "10");
    set(n, "id", "legend");
    set(n, "tooltip", "Legend");
}

static void evidence_text(ag_sbuf *b, const ag_graph *g, const ag_relation *r)
{
    if (r->n_evidence == 0) {
        ag__sb_puts(b, "\\nno evidence given");
        return;
    }
    for (size_t k = 0; k < r->n_evidence; k++) {
        const ag_evidence *ev = &r->evidence[k];
        long s = ag_graph_find_source(g, ev->source);
        ag__sb_puts(b, "\\nevidence: ");
        sb_esc(b, s >= 0 && g->sources[s].author ? g->sources[s].author : ev->source, TOOLTIP);
        if (ev->section) {
            ag__sb_puts(b, ", \xc2\xa7 ");
            sb_esc(b, ev->section, TOOLTIP);
        }
        if (ev->note) {
            ag__sb_puts(b, ": ");
            sb_esc(b, ev->note, TOOLTIP);
        }
    }
}

/* Scales node sizes by o->size: the largest value gets the biggest node. */
static void size_nodes(Agraph_t *root, Agnode_t **nodes, size_t n, const double *size)
{
    double mx = 0;
    char buf[32];
    agattr(root, AGNODE, S("width"), S("0.75"));
    agattr(root, AGNODE, S("height"), S("0.5"));
    for (size_t i = 0; i < n; i++)
        if (size[i] > mx)
            mx = size[i];
    for (size_t i = 0; i < n; i++) {
        double t = mx > 0 && size[i] > 0 ? size[i] / mx : 0;
        snprintf(buf, sizeof buf, "%.2f", 0.9 + 1.6 * t);
        set(nodes[i], "width", buf);
        snprintf(buf, sizeof buf, "%.2f", 0.45 + 0.75 * t);
        set(nodes[i], "height", buf);
        snprintf(buf, sizeof buf, "%.1f", 11.0 + 7.0 * t);
        set(nodes[i], "fontsize", buf);
    }
}

/* ---- parallel relations ------------------------------------------------- */

/* A relation by its unordered pair, for sorting: parallel relations (in
 * either direction) side by side, in file order. */
typedef struct pair_key {
    size_t lo, hi, index;
} pair_key;

static int cmp_pair(const void *x, const void *y)
{
    const pair_key *a = x, *c = y;
    if (a->lo != c->lo)
        return a->lo < c->lo ? -1 : 1;
    if (a->hi != c->hi)
        return a->hi < c->hi ? -1 : 1;
    return a->index < c->index ? -1 : a->index > c->index;
}

/* Engines other than dot place the labels of several edges between one
 * pair on top of each other (dot makes each label a node of its own): with
 * them the first relation of each pair (either direction) carries one
 * label listing every relation's, each line in its relation's colour, and
 * the others none. Returns -1 when out of memory. */
static int combine_parallel_labels(Agraph_t *root, const ag_graph *g, const ag_render_opts *o,
                                   Agedge_t **edges, ag_sbuf *b)
{
    size_t n = g->n_relations;
    pair_key *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const ag_relation *r = &g->relations[i];
        order[i].lo = r->source < r->target ? r->source : r->target;
        order[i].hi = r->source < r->target ? r->target : r->source;
        order[i].index = i;
    }
    qsort(order, n, sizeof *order, cmp_pair);
    for (size_t i = 0, j; i < n; i = j) {
        char *html;
        size_t shown = 0;
        for (j = i + 1; j < n && order[j].lo == order[i].lo && order[j].hi == order[i].hi; j++)
            ;
        if (j - i < 2)
            continue;
        b->len = 0;
        for (size_t k = i; k < j; k++) {
            const ag_relation *r = &g->relations[order[k].index];
            if (k > i)
                set(edges[order[k].index], "label", "");
            if (!labelled(g, o, r))
                continue;
            ag__sb_printf(b, "%s<font color=\"%s\">", shown++ ? "<br/>" : "",
                          families[family_of(r)].color);
            if (r->label)
                sb_html(b, r->label);
            else
                sb_type(b, r->type);
            ag__sb_puts(b, "</font>");
        }
        if (b->oom) {
            free(order);
            return -1;
        }
        if (shown == 0) {
            set(edges[order[i].index], "label", "");
            continue;
        }
        html = agstrdup_html(root, b->s);
        agset(edges[order[i].index], S("label"), html);
        agstrfree(root, html);
    }
    free(order);
    return 0;
}

/* ---- the graph's data, for reading the DOT back ------------------------ */

/* Sets the data attribute `name` (declared on first use, default "") to
 * text as it is. cgraph's writer cannot quote every text (a backslash
 * before a quote or at the end breaks it), nor write an empty one (the
 * default): text that is empty or holds a backslash goes as JSON in
 * `name`_json instead, with no backslash pairs. -1 when out of memory. */
static int data_text(void *obj, const char *name, const char *text)
{
    char key[64];
    char *json = NULL;
    json_t *v;
    int rc;
    if (*text && !strchr(text, '\\'))
        return agsafeset(obj, S(name), S(text), S("")) == 0 ? 0 : -1;
    snprintf(key, sizeof key, "%s_json", name);
    v = json_string(text);
    json = v ? ag__json_dump(v, JSON_COMPACT | AG_JSON_NO_BACKSLASH_PAIRS) : NULL;
    json_decref(v);
    if (!json)
        return -1;
    rc = agsafeset(obj, key, json, S("")) == 0 ? 0 : -1;
    free(json);
    return rc;
}

/* Sets the data attribute `name` to v's compact JSON text (v stolen),
 * written with no backslash pairs (see data_text). */
static int data_json(void *obj, const char *name, json_t *v)
{
    char *json = v ? ag__json_dump(v, JSON_COMPACT | AG_JSON_NO_BACKSLASH_PAIRS) : NULL;
    int rc = json && agsafeset(obj, S(name), json, S("")) == 0 ? 0 : -1;
    json_decref(v);
    free(json);
    return rc;
}

/* Every field of the graph, its actors and relations as DOT attributes the
 * DOT reader (formats/dot.c) reads back: `actorgraph` on the graph says the
 * drawing attributes (label, cluster labels) are not data; ag_index gives
 * each actor's and relation's place (cgraph writes nodes by cluster and
 * edges by tail). Fields whose
 * names Graphviz uses (a node's name in its JSON, group, an edge's weight
 * and label) are written as ag_name, ag_group, ag_weight and ag_label. */
static int add_data(Agraph_t *root, const ag_graph *g, Agnode_t **nodes, Agedge_t **edges)
{
    char buf[48];
    int oom = 0;
    if (agsafeset(root, S("actorgraph"), S("1"), S("")) != 0 ||
        data_text(root, "title", g->title ? g->title : g->name) != 0 ||
        (g->description && data_text(root, "description", g->description) != 0) ||
        (g->n_sources && data_json(root, "sources", ag__json_sources(g, &oom)) != 0) || oom)
        return -1;
    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        void *n = nodes[i];
        snprintf(buf, sizeof buf, "%zu", i);
        if (agsafeset(n, S("ag_index"), buf, S("")) != 0 ||
            data_text(n, "ag_name", a->name) != 0 ||
            agsafeset(n, S("kind"), S(ag_kind_name(a->kind)), S("")) != 0 ||
            (a->group && data_text(n, "ag_group", a->group) != 0) ||
            (json_object_size(a->attributes) &&
             data_json(n, "attributes", json_incref(a->attributes)) != 0))
            return -1;
    }
    for (size_t j = 0; j < g->n_relations; j++) {
        const ag_relation *r = &g->relations[j];
        void *e = edges[j];
        snprintf(buf, sizeof buf, "%zu", j);
        if (agsafeset(e, S("ag_index"), buf, S("")) != 0 ||
            agsafeset(e, S("type"), r->type, S("")) != 0 ||
            agsafeset(e, S("sign"), S(r->sign > 0 ? "1" : "-1"), S("")) != 0)
            return -1;
        ag__real_shortest(buf, 40, r->weight);
        if (agsafeset(e, S("ag_weight"), buf, S("")) != 0 ||
            agsafeset(e, S("mutual"), S(r->mutual ? "true" : "false"), S("")) != 0 ||
            agsafeset(e, S("confidence"), S(ag_confidence_name(r->confidence)), S("")) != 0)
            return -1;
        if (r->start.year) {
            ag_date_format(&r->start, buf, sizeof buf);
            if (agsafeset(e, S("start"), buf, S("")) != 0)
                return -1;
        }
        if (r->end.year) {
            ag_date_format(&r->end, buf, sizeof buf);
            if (agsafeset(e, S("end"), buf, S("")) != 0)
                return -1;
        }
        if (r->label && data_text(e, "ag_label", r->label) != 0)
            return -1;
        if (r->n_evidence && (data_json(e, "evidence", ag__json_evidence(r, &oom)) != 0 || oom))
            return -1;
    }
    return 0;
}

Agraph_t *ag__render_build(const ag_graph *g, const ag_render_opts *o, Agdisc_t *disc)
{
    const char *engine = ag_render_engine(g, o);
    colouring col;
    int boxes;
    Agraph_t *root = NULL, **subs = NULL;
    Agnode_t **nodes = NULL;
    Agedge_t **edges = NULL;
    ag_sbuf b = {0};
    char buf[64];

    if (colouring_make(g, o, &col) != 0)
        goto fail;
    boxes = col.boxes && engine_draws_clusters(engine);
    /* the graph's name (the input's file stem) in SVG comments and DOT:
       letters, digits, '_', '-' and '.' only, like an id */
    for (const char *p = g->name; *p; p++)
        ag__sb_add(&b, ag_id_valid((char[]){*p, '\0'}) ? p : "_", 1);
    if (b.oom)
        goto fail;
    root = agopen(b.s ? b.s : S("graph"), Agdirected, disc);
    subs = calloc(col.n + 1, sizeof *subs);
    nodes = calloc(g->n_actors + 1, sizeof *nodes);
    edges = calloc(g->n_relations + 1, sizeof *edges);
    if (!root || !subs || !nodes || !edges || declare_attrs(root) != 0)
        goto fail;
    set_layout_attrs(root, engine, splines_for(g, o, engine));
    add_title(root, g, &b);

    for (size_t i = 0; i < col.n; i++) {
        if (!boxes) {
            subs[i] = root;
            continue;
        }
        snprintf(buf, sizeof buf, "cluster_%zu", i);
        subs[i] = agsubg(root, buf, 1);
        if (!subs[i])
            goto fail;
        b.len = 0;
        sb_esc(&b, col.labels[i], LABEL);
        set_esc(subs[i], "label", &b, LABEL);
        set(subs[i], "style", "rounded,filled");
        set(subs[i], "fillcolor", group_bg[i % N_GROUP_COLORS]);
        set(subs[i], "color", "#999999");
        set(subs[i], "fontsize", "12");
    }
    for (size_t i = 0; i < g->n_actors; i++) {
        const ag_actor *a = &g->actors[i];
        long k = col.cls[i];
        Agnode_t *n = agnode(k >= 0 ? subs[k] : root, a->id, 1);
        if (!n)
            goto fail;
        nodes[i] = n;
        b.len = 0;
        sb_esc(&b, a->name, LABEL);
        set_esc(n, "label", &b, LABEL);
        set(n, "shape", kind_shape[a->kind]);
        set(n, "style", kind_style[a->kind]);
        set(n, "fillcolor", class_fill(k));
        b.len = 0;
        sb_esc(&b, a->name, TOOLTIP);
        ag__sb_puts(&b, " (");
        sb_esc(&b, a->id, TOOLTIP);
        ag__sb_printf(&b, ")\\n%s", ag_kind_name(a->kind));
        if (a->group) {
            ag__sb_puts(&b, ", group: ");
            sb_esc(&b, a->group, TOOLTIP);
        }
        if (o->color_by == AG_COLOR_BY_BLOC && o->bloc)
            ag__sb_printf(&b, ", bloc %zu", o->bloc[i] + 1);
        if (o->size)
            ag__sb_printf(&b, "\\n%s: %.3g", o->size_label ? o->size_label : "size", o->size[i]);
        set_esc(n, "tooltip", &b, TOOLTIP);
        b.len = 0;
        ag__sb_printf(&b, "actor-%s", a->id);
        set(n, "id", b.s);
        b.len = 0;
        ag__sb_printf(&b, "actor %s", ag_kind_name(a->kind));
        set(n, "class", b.s);
    }
    if (o->size)
        size_nodes(root, nodes, g->n_actors, o->size);
    for (size_t i = 0; i < g->n_relations; i++) {
        const ag_relation *r = &g->relations[i];
        int fam = family_of(r);
        Agedge_t *e = agedge(root, nodes[r->source], nodes[r->target], r->id, 1);
        if (!e)
            goto fail;
        edges[i] = e;
        set(e, "color", families[fam].color);
        set(e, "fontcolor", families[fam].color);
        /* thinner lines where many cross */
        snprintf(buf, sizeof buf, "%.2f",
                 g->n_relations <= AG_RENDER_SMALL_RELATIONS ? 0.75 + 3.25 * r->weight
                                                             : 0.4 + 1.6 * r->weight);
        set(e, "penwidth", buf);
        if (r->confidence == AG_CONF_SPECULATIVE)
            set(e, "style", "dashed");
        if (o->relation_mark && o->relation_mark[i] == AG_MARK_DROPPED) {
            set(e, "color", MARK_DROPPED_COLOR);
            set(e, "fontcolor", MARK_DROPPED_COLOR);
            set(e, "style", "dashed");
        } else if (o->relation_mark && o->relation_mark[i] == AG_MARK_ADDED) {
            set(e, "penwidth", "5");
        }
        if (r->mutual)
            set(e, "dir", "none");
        if (labelled(g, o, r)) {
            b.len = 0;
            if (r->label)
                sb_esc(&b, r->label, LABEL);
            else
                sb_type(&b, r->type);
            set_esc(e, "label", &b, LABEL);
        }
        b.len = 0;
        sb_esc(&b, g->actors[r->source].name, TOOLTIP);
        ag__sb_puts(&b, r->mutual ? " \xe2\x86\x94 " : " \xe2\x86\x92 ");
        sb_esc(&b, g->actors[r->target].name, TOOLTIP);
        ag__sb_puts(&b, ": ");
        sb_type(&b, r->type);
        ag__sb_printf(&b, "\\n%s, weight %.2f, %s%s", r->sign > 0 ? "cooperation" : "conflict",
                  r->weight, ag_confidence_name(r->confidence), r->mutual ? ", mutual" : "");
        if (r->start.year || r->end.year) {
            char d1[16], d2[16];
            ag_date_format(&r->start, d1, sizeof d1);
            ag_date_format(&r->end, d2, sizeof d2);
            ag__sb_printf(&b, "\\n%s \xe2\x80\x93 %s", d1[0] ? d1 : "?", d2[0] ? d2 : "");
        }
        evidence_text(&b, g, r);
        if (o->relation_mark && o->relation_mark[i] != AG_MARK_NONE)
            ag__sb_puts(&b, o->relation_mark[i] == AG_MARK_DROPPED ? "\\n(dropped in the scenario)"
                                                                   : "\\n(added in the scenario)");
        set_esc(e, "tooltip", &b, TOOLTIP);
        b.len = 0;
        ag__sb_printf(&b, "relation-%s", r->id);
        set(e, "id", b.s);
        b.len = 0;
        ag__sb_printf(&b, "relation %s %s", r->sign > 0 ? "cooperation" : "conflict",
                  ag_confidence_name(r->confidence));
        if (o->relation_mark && o->relation_mark[i] != AG_MARK_NONE)
            ag__sb_puts(&b, o->relation_mark[i] == AG_MARK_DROPPED ? " dropped" : " added");
        set(e, "class", b.s);
    }
    if (strcmp(engine, "dot") != 0 && o->edge_labels != AG_LABELS_NONE &&
        combine_parallel_labels(root, g, o, edges, &b) != 0)
        goto fail;
    if (o->legend)
        add_legend(root, g, o, &col, engine_draws_clusters(engine), &b);
    if (b.oom || add_data(root, g, nodes, edges) != 0)
        goto fail;
    free(b.s);
    colouring_free(&col);
    free(subs);
    free(nodes);
    free(edges);
    return root;
fail:
    free(b.s);
    colouring_free(&col);
    free(subs);
    free(nodes);
    free(edges);
    if (root)
        agclose(root);
    return NULL;
}

