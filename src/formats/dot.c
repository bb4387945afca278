/* Reading DOT through Graphviz's cgraph. Node names become actor ids; the
 * attributes named after the format's fields become its values: on the
 * graph title (or a plain label), description and sources (JSON); on nodes
 * name (else a plain label), kind, group (else the label of the cluster
 * holding the node), attributes (JSON) and attr_<k>; on edges the relation
 * fields, evidence as JSON. What render writes reads back whole: it marks
 * the graph `actorgraph`, writes ag_name, ag_group, ag_weight and ag_label
 * for the fields whose names Graphviz uses, ag_index for the order, and text that cgraph cannot
 * carry as it is as JSON in <field>_json; its labels are then drawing, not
 * data. Graphviz's own attributes (styling, layout) are ignored; any other
 * node attribute becomes an actor attribute (text), any other edge or graph
 * attribute is reported and ignored. cgraph keeps no positions, so the
 * source map names nodes and edges without lines. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cgraph.h>

#include "actorgraph/limits.h"
#include "core/internal.h"
#include "formats/formats.h"
#include "core/text.h"
#include "core/strmap.h"

/* The node our renderer adds for its legend; not an actor. */
#define LEGEND "ag:legend"

#define S(x) ((char *)(x))

typedef struct builder {
    const char *display;
    ag_srcmap *map;
    ag_diags *diags;
    int oom, latin1_warned;
    int refused; /* the last NULL value was reported, not out of memory */
    int ours;    /* written by render: labels are drawing, not data */
} builder;

static void report(builder *b, ag_severity sev, int line, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void report(builder *b, ag_severity sev, int line, const char *where, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (ag__diag(b->diags, sev, b->display, line, 0, where, "%s", msg) != AG_OK)
        b->oom = 1;
}

static void map_add(builder *b, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void map_add(builder *b, const char *where, const char *fmt, ...)
{
    char pointer[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pointer, sizeof pointer, fmt, ap);
    va_end(ap);
    if (ag_srcmap_add(b->map, pointer, 0, 0, where) != 0)
        b->oom = 1;
}

/* Sets o[key] = v (stealing v); a NULL v means out of memory, unless it
 * was refused (and reported) by the function that made it. */
static void put(builder *b, json_t *o, const char *key, json_t *v)
{
    if (!v && b->refused) {
        b->refused = 0;
        return;
    }
    if (!v || json_object_set_new(o, key, v) != 0)
        b->oom = 1;
}

/* ---- text --------------------------------------------------------------------- */

/* Warns, once per file, that text was read as ISO-8859-1. */
static void latin1_warning(builder *b)
{
    if (!b->latin1_warned) {
        report(b, AG_SEV_WARNING, 0, NULL, "text is not UTF-8 (read as ISO-8859-1)");
        b->latin1_warned = 1;
    }
}

/* s as a JSON string; text that is not UTF-8 is read as ISO-8859-1 (DOT's
 * other charset), with one warning per file. NULL when out of memory. */
static json_t *text_json(builder *b, const char *s)
{
    char *latin;
    size_t n = strlen(s);
    json_t *v;
    if (ag__utf8_valid(s, n))
        return json_string(s);
    latin1_warning(b);
    if (!(latin = ag__latin1_to_utf8(s, n, &n)))
        return NULL;
    v = json_string(latin);
    free(latin);
    return v;
}

/* True for a label worth reading: set, not the default "\N", not an
 * HTML-like label. */
static int plain_label(char *s)
{
    return s && *s && strcmp(s, "\\N") != 0 && !aghtmlstr(s);
}

/* The text an escString label shows: "\\" a backslash, "\n", "\l" and
 * "\r" line breaks, "\N" the node's name (when node is not NULL); other
 * escapes stay as written. NULL when out of memory, or (b->refused set,
 * reported at where) when the text would be longer than
 * AG_MAX_STRING_BYTES. */
static json_t *label_json(builder *b, const char *s, const char *node, const char *where)
{
    size_t cap = strlen(s) + 1, names = 0;
    char *out, *o;
    json_t *v;
    if (node)
        for (const char *p = s; *p; p++)
            if (p[0] == '\\' && p[1]) {
                names += p[1] == 'N';
                p++;
            }
    if (names > 0 && (cap - 1 + names * strlen(node)) > AG_MAX_STRING_BYTES) {
        report(b, AG_SEV_ERROR, 0, where,
               "label too long once \\N is replaced by the node's name (more than %u bytes)",
               (unsigned)AG_MAX_STRING_BYTES);
        b->refused = 1;
        return NULL;
    }
    cap += names * strlen(node ? node : "");
    out = malloc(cap);
    o = out;
    if (!out)
        return NULL;
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            *o++ = *s;
            continue;
        }
        s++;
        if (*s == '\\' || *s == '"') {
            *o++ = *s;
        } else if (*s == 'n' || *s == 'l' || *s == 'r') {
            *o++ = '\n';
        } else if (*s == 'N' && node) {
            memcpy(o, node, strlen(node));
            o += strlen(node);
        } else {
            *o++ = '\\';
            *o++ = *s;
        }
    }
    *o = '\0';
    v = text_json(b, out);
    free(out);
    return v;
}

/* s as a JSON integer (when integer is set) or real when it is entirely
 * one, else as a string for the checker to refuse. */
static json_t *number_json(builder *b, const char *s, int integer)
{
    char *end;
    double d;
    if (integer) {
        long long v;
        errno = 0;
        v = strtoll(s, &end, 10);
        if (end != s && *end == '\0' && errno != ERANGE)
            return json_integer((json_int_t)v);
    }
    d = strtod(s, &end);
    if (end != s && *end == '\0' && isfinite(d))
        return json_real(d);
    return text_json(b, s);
}

/* s as a JSON boolean when it is one of Graphviz's spellings, else as a
 * string. */
static json_t *boolean_json(builder *b, const char *s)
{
    static const char *const yes[] = {"true", "yes", "1"}, *const no[] = {"false", "no", "0"};
    for (size_t k = 0; k < 3; k++) {
        if (strcasecmp(s, yes[k]) == 0)
            return json_true();
        if (strcasecmp(s, no[k]) == 0)
            return json_false();
    }
    return text_json(b, s);
}

/* Graphviz's own attributes (drawing and layout), sorted. */
static const char *const graphviz_attrs[] = {
    "Damping", "K", "URL", "area", "arrowhead", "arrowsize", "arrowtail", "bb", "bgcolor",
    "center", "charset", "class", "clusterrank", "color", "colorscheme", "comment", "compound",
    "concentrate", "constraint", "decorate", "defaultdist", "dim", "dimen", "dir",
    "diredgeconstraints", "distortion", "dpi", "edgeURL", "edgehref", "edgetarget",
    "edgetooltip", "epsilon", "esep", "fillcolor", "fixedsize", "fontcolor", "fontname",
    "fontnames", "fontpath", "fontsize", "forcelabels", "gradientangle", "group", "headURL",
    "head_lp", "headclip", "headhref", "headlabel", "headport", "headtarget", "headtooltip",
    "height", "href", "id", "image", "imagepath", "imagepos", "imagescale", "inputscale",
    "label", "labelURL", "label_scheme", "labelangle", "labeldistance", "labelfloat",
    "labelfontcolor", "labelfontname", "labelfontsize", "labelhref", "labeljust", "labelloc",
    "labeltarget", "labeltooltip", "landscape", "layer", "layerlistsep", "layers",
    "layerselect", "layersep", "layout", "len", "levels", "levelsgap", "lhead", "lheight", "lp",
    "ltail", "lwidth", "margin", "maxiter", "mclimit", "mindist", "minlen", "mode", "model",
    "mosek", "newrank", "nodesep", "nojustify", "normalize", "notranslate", "nslimit",
    "nslimit1", "ordering", "orientation", "outputorder", "overlap", "overlap_scaling",
    "overlap_shrink", "pack", "packmode", "pad", "page", "pagedir", "pencolor", "penwidth",
    "peripheries", "pin", "pos", "quadtree", "quantum", "rank", "rankdir", "ranksep", "ratio",
    "rects", "regular", "remincross", "repulsiveforce", "resolution", "root", "rotate",
    "rotation", "samehead", "sametail", "samplepoints", "scale", "searchsize", "sep", "shape",
    "shapefile", "showboxes", "sides", "size", "skew", "smoothing", "sortv", "splines", "start",
    "style", "stylesheet", "tailURL", "tail_lp", "tailclip", "tailhref", "taillabel",
    "tailport", "tailtarget", "tailtooltip", "target", "tooltip", "truecolor", "vertices",
    "viewport", "voro_margin", "weight", "width", "xdotversion", "xlabel", "xlp", "z"};

static int cmp_attr(const void *key, const void *item)
{
    return strcmp(key, *(const char *const *)item);
}

/* True for an attribute Graphviz draws or lays out with (xdot's _draw_
 * and friends included). */
static int graphviz_attr(const char *name)
{
    return name[0] == '_' ||
           bsearch(name, graphviz_attrs, sizeof graphviz_attrs / sizeof *graphviz_attrs,
                   sizeof *graphviz_attrs, cmp_attr) != NULL;
}

/* True when name is one of the given ones. */
static int one_of(const char *name, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(name, *names) == 0)
            return 1;
    return 0;
}

/* The attributes the reader takes on edges and on the graph, beside
 * Graphviz's own. */
static const char *const edge_fields[] = {"type",      "sign",     "mutual",       "confidence",
                                          "start",     "end",      "evidence",     "ag_weight",
                                          "ag_label",  "ag_label_json", "ag_index", NULL};
static const char *const graph_fields[] = {"actorgraph",  "title",            "title_json",
                                           "description", "description_json", "sources", NULL};

/* Reports each attribute of the given kind that is neither Graphviz's nor
 * one the reader takes, once per file: it is not dropped silently. */
static void report_unread(builder *b, Agraph_t *g, int kind, const char *const *fields)
{
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym; sym = agnxtattr(g, kind, sym))
        if (!graphviz_attr(sym->name) && !one_of(sym->name, fields))
            report(b, AG_SEV_WARNING, 0, NULL, "%s attribute \"%s\" is not a %s field (ignored)",
                   kind == AGEDGE ? "edge" : "graph", sym->name,
                   kind == AGEDGE ? "relation" : "graph");
}

/* The text data attribute `name` of obj: its value as it is, or the JSON
 * string in `name`_json (render writes text there that cgraph cannot
 * carry). NULL when the object has neither; *bad set when the JSON is not
 * a string (reported). */
static json_t *data_text(builder *b, void *obj, const char *name, const char *where, int *bad)
{
    char key[64], *v;
    snprintf(key, sizeof key, "%s_json", name);
    if ((v = agget(obj, key)) && *v) {
        json_error_t jerr;
        json_t *j = json_loads(v, JSON_DECODE_ANY, &jerr);
        if (json_is_string(j))
            return j;
        json_decref(j);
        report(b, AG_SEV_ERROR, 0, where, "%s is not a JSON string", key);
        *bad = 1;
        return NULL;
    }
    if ((v = agget(obj, S(name))) && *v) {
        json_t *j = text_json(b, v);
        if (!j)
            b->oom = 1;
        return j;
    }
    return NULL;
}

/* ---- graph pieces ------------------------------------------------------------ */

/* Reports why cgraph read no graph, from the message it left: the line
 * from "in line N", the text without it. */
static void read_failed(builder *b)
{
    const char *m = ag__graphviz_message();
    char msg[512], *hit;
    size_t n;
    int line = 0;

    if (!*m) {
        report(b, AG_SEV_ERROR, 0, NULL, "no graph in the file");
        return;
    }
    n = strcspn(m, "\n");
    snprintf(msg, sizeof msg, "%.*s", (int)n, m);
    if ((hit = strstr(msg, " in line ")) != NULL) {
        char *end;
        long v = strtol(hit + 9, &end, 10);
        if (end != hit + 9) {
            line = v > 0 && v < 1000000000 ? (int)v : 0;
            memmove(hit, end, strlen(end) + 1);
        }
    }
    if ((hit = strstr(msg, "syntax error")) != NULL)
        memmove(msg, hit, strlen(hit) + 1);
    else if (strncmp(msg, "Error: ", 7) == 0)
        memmove(msg, msg + 7, strlen(msg + 7) + 1);
    n = strlen(msg);
    while (n > 0 && (msg[n - 1] == ' ' || msg[n - 1] == '.'))
        msg[--n] = '\0';
    if (strstr(msg, "memory exhausted"))
        /* bison's stack, not the machine's memory */
        report(b, AG_SEV_ERROR, line, NULL,
               "too deep for cgraph's parser (an edge chain or nesting too long): %s", msg);
    else
        report(b, AG_SEV_ERROR, line, NULL, "%s", n ? msg : "not a DOT graph");
}

/* cgraph's lexer keeps what follows the graph it read on the same line,
 * and the next read would start there; reads on from an empty text until
 * it is spent. Returns how many more graphs it held. */
static int drain_lexer(void)
{
    Agraph_t *extra;
    int n = 0;
    while ((extra = agmemread("")) != NULL) {
        agclose(extra);
        n++;
    }
    ag__graphviz_message_clear();
    return n;
}

/* Records in groups[i] the label of the innermost labelled cluster under
 * sg holding actor i (label: the one sg's nodes inherit). */
static void cluster_labels(Agraph_t *sg, char *label, const ag_strmap *index, char **groups)
{
    for (Agraph_t *s = agfstsubg(sg); s; s = agnxtsubg(s)) {
        char *own = label, *l = agget(s, S("label")), *pl = agget(sg, S("label"));
        if (strncmp(agnameof(s), "cluster", 7) == 0 && plain_label(l) &&
            !(pl && strcmp(l, pl) == 0))
            own = l;
        if (own)
            for (Agnode_t *n = agfstnode(s); n; n = agnxtnode(s, n)) {
                size_t i;
                if (ag_strmap_get(index, agnameof(n), &i))
                    groups[i] = own;
            }
        cluster_labels(s, own, index, groups);
    }
}

/* Sets field `name` of the object o from the text data attribute of obj
 * (or its fallback attribute `alt`), mapping it to pointer/name. Returns 1
 * when set. */
static int text_field(builder *b, void *obj, json_t *o, const char *field, const char *attr,
                      const char *where, const char *pointer)
{
    char wfield[400];
    int bad = 0;
    json_t *v = data_text(b, obj, attr, where, &bad);
    if (!v)
        return bad;
    put(b, o, field, v);
    snprintf(wfield, sizeof wfield, "%s, %s", where, attr);
    map_add(b, wfield, "%s/%s", pointer, field);
    return 1;
}

static void read_node(builder *b, Agraph_t *g, Agnode_t *n, size_t i, const char *cluster,
                      json_t *actors)
{
    static const char *const own[] = {"name",     "name_json",     "ag_name",
                                      "ag_name_json", "kind",      "ag_group",
                                      "ag_group_json", "attributes", "ag_index", NULL};
    const char *id = agnameof(n);
    char where[320], wfield[400], pointer[64], *v;
    json_t *actor = json_object(), *attrs = NULL;

    if (!actor || json_array_append_new(actors, actor) != 0) {
        json_decref(actor);
        b->oom = 1;
        return;
    }
    snprintf(where, sizeof where, "node \"%s\"", id);
    snprintf(pointer, sizeof pointer, "/actors/%zu", i);
    put(b, actor, "id", text_json(b, id));
    map_add(b, where, "/actors/%zu", i);
    map_add(b, where, "/actors/%zu/id", i);
    if (!text_field(b, n, actor, "name", "ag_name", where, pointer) &&
        !text_field(b, n, actor, "name", "name", where, pointer) && !b->ours &&
        plain_label(v = agget(n, S("label")))) {
        snprintf(wfield, sizeof wfield, "%s, label", where);
        put(b, actor, "name", label_json(b, v, id, wfield));
        snprintf(wfield, sizeof wfield, "%s, label", where);
        map_add(b, wfield, "/actors/%zu/name", i);
    }
    if ((v = agget(n, S("kind"))) && *v) {
        put(b, actor, "kind", text_json(b, v));
        snprintf(wfield, sizeof wfield, "%s, kind", where);
        map_add(b, wfield, "/actors/%zu/kind", i);
    }
    if (text_field(b, n, actor, "group", "ag_group", where, pointer) ||
        text_field(b, n, actor, "group", "group", where, pointer)) {
        /* given on the node */
    } else if (cluster && !b->ours) {
        put(b, actor, "group", label_json(b, cluster, NULL, where));
        snprintf(wfield, sizeof wfield, "%s, cluster label", where);
        map_add(b, wfield, "/actors/%zu/group", i);
    }
    if ((v = agget(n, S("attributes"))) && *v) {
        json_error_t jerr;
        snprintf(wfield, sizeof wfield, "%s, attributes", where);
        attrs = json_loads(v, JSON_REJECT_DUPLICATES, &jerr);
        if (!attrs)
            report(b, AG_SEV_ERROR, 0, wfield, "bad JSON: %s", jerr.text);
        else
            put(b, actor, "attributes", attrs);
        map_add(b, wfield, "/actors/%zu/attributes", i);
    }
    for (Agsym_t *sym = agnxtattr(g, AGNODE, NULL); sym; sym = agnxtattr(g, AGNODE, sym)) {
        const char *key = sym->name;
        if (one_of(key, own) || graphviz_attr(key) || !*(v = agxget(n, sym)))
            continue;
        if (strncmp(key, "attr_", 5) == 0 && key[5])
            key += 5;
        if (!attrs) {
            if (!(attrs = json_object())) {
                b->oom = 1;
                return;
            }
            put(b, actor, "attributes", attrs);
            snprintf(wfield, sizeof wfield, "%s, attributes", where);
            map_add(b, wfield, "/actors/%zu/attributes", i);
        }
        if (!json_is_object(attrs))
            break;
        if (ag__utf8_valid(key, strlen(key))) {
            put(b, attrs, key, text_json(b, v));
        } else {
            /* an attribute name, read as ISO-8859-1 as text is */
            size_t nlen;
            char *name = ag__latin1_to_utf8(key, strlen(key), &nlen);
            latin1_warning(b);
            if (!name)
                b->oom = 1;
            else
                put(b, attrs, name, text_json(b, v));
            free(name);
        }
    }
}

static void read_edge(builder *b, Agedge_t *e, size_t j, int directed, json_t *relations)
{
    enum { F_STRING, F_INT, F_REAL, F_BOOL, F_LABEL, F_JSON };
    static const struct {
        const char *name;
        int kind;
    } fields[] = {{"type", F_STRING},  {"sign", F_INT},          {"weight", F_REAL},
                  {"mutual", F_BOOL},  {"confidence", F_STRING}, {"start", F_STRING},
                  {"end", F_STRING},   {"label", F_LABEL},       {"evidence", F_JSON}};
    const char *src = agnameof(agtail(e)), *tgt = agnameof(aghead(e));
    char where[320], wfield[400], pointer[64];
    json_t *rel = json_object();

    if (!rel || json_array_append_new(relations, rel) != 0) {
        json_decref(rel);
        b->oom = 1;
        return;
    }
    snprintf(where, sizeof where, "edge %zu (%s -> %s)", j + 1, src, tgt);
    snprintf(pointer, sizeof pointer, "/relations/%zu", j);
    map_add(b, where, "/relations/%zu", j);
    put(b, rel, "source", text_json(b, src));
    put(b, rel, "target", text_json(b, tgt));
    map_add(b, where, "/relations/%zu/source", j);
    map_add(b, where, "/relations/%zu/target", j);
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
        const char *attr = fields[k].name;
        char *v;
        json_t *val = NULL;
        json_error_t jerr;
        /* render writes the weight as ag_weight: Graphviz lays out by weight */
        if (strcmp(attr, "weight") == 0 && (v = agget(e, S("ag_weight"))) && *v)
            attr = "ag_weight";
        /* and the label as ag_label: its label is drawing, not data */
        if (strcmp(attr, "label") == 0 &&
            (text_field(b, e, rel, "label", "ag_label", where, pointer) || b->ours))
            continue;
        if (!(v = agget(e, S(attr))) || !*v)
            continue;
        snprintf(wfield, sizeof wfield, "%s, %s", where, attr);
        switch (fields[k].kind) {
        case F_INT: val = number_json(b, v, 1); break;
        case F_REAL: val = number_json(b, v, 0); break;
        case F_BOOL: val = boolean_json(b, v); break;
        case F_LABEL:
            if (aghtmlstr(v))
                continue;
            val = label_json(b, v, NULL, wfield);
            break;
        case F_JSON:
            val = json_loads(v, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
            if (!val) {
                report(b, AG_SEV_ERROR, 0, wfield, "bad JSON: %s", jerr.text);
                continue;
            }
            break;
        default: val = text_json(b, v); break;
        }
        put(b, rel, fields[k].name, val);
        map_add(b, wfield, "/relations/%zu/%s", j, fields[k].name);
    }
    if (!directed && !json_object_get(rel, "mutual")) {
        put(b, rel, "mutual", json_true());
        snprintf(wfield, sizeof wfield, "%s, mutual", where);
        map_add(b, wfield, "/relations/%zu/mutual", j);
    }
}

/* A node or edge with the place it takes among actors or relations: its
 * ag_index (render writes it, as cgraph's writer reorders nodes into their
 * clusters and edges by tail), else after all those, in file order. */
typedef struct placed {
    void *obj;
    unsigned long index, seq;
} placed;

static placed place(void *obj)
{
    placed p = {obj, ULONG_MAX, (unsigned long)AGSEQ(obj)};
    char *v = agget(obj, S("ag_index")), *end;
    if (v && *v) {
        unsigned long k;
        errno = 0;
        k = strtoul(v, &end, 10);
        if (*end == '\0' && errno == 0 && *v != '-')
            p.index = k;
    }
    return p;
}

static int cmp_placed(const void *x, const void *y)
{
    const placed *a = x, *c = y;
    if (a->index != c->index)
        return a->index < c->index ? -1 : 1;
    return a->seq < c->seq ? -1 : a->seq > c->seq;
}

/* Builds the document from the graph g. */
static json_t *read_graph(builder *b, Agraph_t *g, const char *title)
{
    json_t *doc = json_object(), *actors = json_array(), *relations = json_array();
    ag_strmap *index = NULL;
    placed *nodes = NULL, *edges = NULL;
    char **groups = NULL, *v;
    size_t n_nodes = 0, n_edges = 0, total = (size_t)agnnodes(g);

    index = ag_strmap_new(total);
    nodes = calloc(total + 1, sizeof *nodes);
    groups = calloc(total + 1, sizeof *groups);
    edges = calloc((size_t)agnedges(g) + 1, sizeof *edges);
    if (!doc || !actors || !relations || !index || !nodes || !groups || !edges) {
        b->oom = 1;
        goto cleanup;
    }
    put(b, doc, "actorgraph", json_integer(1));
    b->ours = (v = agget(g, S("actorgraph"))) && *v;
    if (text_field(b, g, doc, "title", "title", "graph", "")) {
        /* given */
    } else if (!b->ours && plain_label(v = agget(g, S("label")))) {
        put(b, doc, "title", label_json(b, v, NULL, "graph, label"));
        map_add(b, "graph, label", "/title");
    } else {
        put(b, doc, "title", text_json(b, title));
    }
    text_field(b, g, doc, "description", "description", "graph", "");
    if ((v = agget(g, S("sources"))) && *v) {
        json_error_t jerr;
        json_t *src = json_loads(v, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
        if (src)
            put(b, doc, "sources", src);
        else
            report(b, AG_SEV_ERROR, 0, "graph, sources", "bad JSON: %s", jerr.text);
        map_add(b, NULL, "/sources");
    }

    for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
        if (strcmp(agnameof(n), LEGEND) != 0)
            nodes[n_nodes++] = place(n);
    qsort(nodes, n_nodes, sizeof *nodes, cmp_placed);
    for (size_t i = 0; i < n_nodes; i++)
        if (ag_strmap_put(index, agnameof(nodes[i].obj), i, NULL) < 0)
            b->oom = 1;
    if (!b->ours)
        cluster_labels(g, NULL, index, groups);
    report_unread(b, g, AGEDGE, edge_fields);
    report_unread(b, g, AGRAPH, graph_fields);
    for (size_t i = 0; i < n_nodes && !b->oom; i++)
        read_node(b, g, nodes[i].obj, i, groups[i], actors);

    for (size_t i = 0; i < n_nodes; i++)
        for (Agedge_t *e = agfstout(g, nodes[i].obj); e; e = agnxtout(g, e))
            if (strcmp(agnameof(aghead(e)), LEGEND) != 0)
                edges[n_edges++] = place(e);
    qsort(edges, n_edges, sizeof *edges, cmp_placed);
    for (size_t j = 0; j < n_edges && !b->oom; j++)
        read_edge(b, edges[j].obj, j, agisdirected(g), relations);

    put(b, doc, "actors", actors);
    put(b, doc, "relations", relations);
    actors = relations = NULL;
cleanup:
    json_decref(actors);
    json_decref(relations);
    ag_strmap_free(index);
    free(nodes);
    free(groups);
    free(edges);
    return doc;
}

/* Scans the text once, as cgraph's lexer would split it (strings, HTML
 * strings, comments), for what cgraph would take badly: a NUL byte (its
 * reader stops there without a word) and braces nested deeper than
 * AG_MAX_NESTING (its parser runs out of stack past a few thousand and
 * keeps a partial graph). Reports the first and returns 0 then; 1 when
 * the text is fine. */
static int prescan(builder *b, const char *text, size_t len)
{
    int line = 1, depth = 0, at_line_start = 1;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\0') {
            report(b, AG_SEV_ERROR, line, NULL, "NUL byte in the file (text may hold none)");
            return 0;
        }
        if (c == '\n') {
            line++;
            at_line_start = 1;
            continue;
        }
        if (at_line_start && c == '#') { /* a preprocessor line */
            while (i + 1 < len && text[i + 1] != '\n' && text[i + 1] != '\0')
                i++;
            continue;
        }
        at_line_start = 0;
        if (c == '"') {
            for (i++; i < len && text[i] != '"' && text[i] != '\0'; i++) {
                if (text[i] == '\\' && i + 1 < len && text[i + 1] != '\0')
                    i++;
                if (text[i] == '\n')
                    line++;
            }
            if (i < len && text[i] == '\0')
                i--;
        } else if (c == '<') {
            int html = 1;
            for (i++; i < len && html > 0 && text[i] != '\0'; i++) {
                html += text[i] == '<';
                html -= text[i] == '>';
                line += text[i] == '\n';
            }
            i--;
        } else if (c == '/' && i + 1 < len && text[i + 1] == '/') {
            while (i + 1 < len && text[i + 1] != '\n' && text[i + 1] != '\0')
                i++;
        } else if (c == '/' && i + 1 < len && text[i + 1] == '*') {
            for (i += 2; i < len && !(text[i] == '*' && i + 1 < len && text[i + 1] == '/') &&
                         text[i] != '\0';
                 i++)
                line += text[i] == '\n';
            if (i < len && text[i] == '\0')
                i--;
            else
                i++;
        } else if (c == '{' && ++depth > AG_MAX_NESTING) {
            report(b, AG_SEV_ERROR, line, NULL,
                   "graphs and subgraphs nested too deeply (more than %d levels)",
                   AG_MAX_NESTING);
            return 0;
        } else if (c == '}' && depth > 0) {
            depth--;
        }
    }
    return 1;
}

ag_status ag__dot_document(const char *text, size_t len, const char *display, const char *title,
                           json_t **doc, ag_srcmap *map, ag_diags *diags, ag_error *err)
{
    builder b = {display, map, diags, 0, 0, 0, 0};
    char *copy = NULL;
    Agraph_t *g = NULL;
    json_t *out = NULL;
    size_t skip = 0;
    ag_status st = AG_OK;

    *doc = NULL;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        skip = 3;
    if (!(copy = malloc(len - skip + 1))) {
        st = AG_ENOMEM;
        goto cleanup;
    }
    memcpy(copy, text + skip, len - skip);
    copy[len - skip] = '\0';

    if (!prescan(&b, text + skip, len - skip)) {
        st = b.oom ? AG_ENOMEM : AG_EPARSE;
        goto cleanup;
    }
    ag__graphviz_message_clear();
    g = agmemread(copy);
    if (g && *ag__graphviz_message()) {
        /* cgraph reported an error yet kept what it had read: refuse the
           partial graph */
        agclose(g);
        g = NULL;
    }
    if (!g)
        read_failed(&b);
    if (drain_lexer() > 0)
        report(&b, AG_SEV_WARNING, 0, NULL, "only the first graph in the file is read");
    if (g)
        out = read_graph(&b, g, title);
    if (b.oom || (g && !out)) {
        st = AG_ENOMEM;
        goto cleanup;
    }
    if (!g) {
        st = AG_EPARSE;
        goto cleanup;
    }
    /* values that could not be read were reported and left out: the
       checker still runs over the rest */
    *doc = out;
    out = NULL;
cleanup:
    /* load.c copies the first problem into err for the other failures */
    if (st == AG_ENOMEM)
        ag_error_set(err, AG_ENOMEM, "out of memory");
    json_decref(out);
    if (g)
        agclose(g);
    free(copy);
    return st;
}
