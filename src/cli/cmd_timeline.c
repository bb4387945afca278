/* actorgraph timeline: snapshots of a dated graph and what changed between
 * them (relations, blocs, ranks, balance). */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "actorgraph/io.h"
#include "actorgraph/render.h"
#include "actorgraph/timeline.h"
#include "cli.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph timeline [FILE] (--every year|quarter|month [--from D] [--to D]\n"
    "                           | --at D1,D2,...) [--metric M] [--top N]\n"
    "                           [--seed S] [--format text|json|csv]\n"
    "                           [--rows actors|changes] [-o FILE|DIR/] [-q]\n"
    "\n"
    "Take snapshots of a dated graph (the relations in force at each date, as\n"
    "--as-of selects them) and print what changed from one to the next:\n"
    "relations that began and ended, actors that changed bloc, the biggest\n"
    "moves in rank on a metric, and each snapshot's blocs, structural balance\n"
    "index and frustration. Blocs are found by the signed method (least\n"
    "frustration, seed S) in every snapshot and matched to the previous\n"
    "snapshot's blocs by shared members, so a bloc keeps its number while its\n"
    "coalition lasts; it is named by its most central member. An actor in a\n"
    "bloc of its own is 'alone'. An actor with no relation in force is absent\n"
    "from the snapshot: no bloc, no rank.\n"
    "\n"
    "Options:\n"
    "  -e, --every STEP  a snapshot every year, quarter or month, from --from\n"
    "                    to --to (default: the graph's first start to its last\n"
    "                    end); a year-long snapshot holds the relations in force\n"
    "                    at any time in that year\n"
    "      --from D, --to D\n"
    "                    the first and last snapshot (YYYY, YYYY-MM, YYYY-MM-DD)\n"
    "      --at D1,D2,...\n"
    "                    snapshots at these dates, in increasing order\n"
    "  -m, --metric M    the metric ranked (default pagerank; see report)\n"
    "  -n, --top N       the N biggest moves in rank per snapshot (default 5)\n"
    "  -s, --seed S      seed of the bloc search (default 1)\n"
    "  -f, --format FMT  text (default), json, or csv\n"
    "      --rows WHICH  with csv: actors (one row per actor and snapshot, the\n"
    "                    default) or changes (one row per change)\n"
    "  -o, --output PATH the snapshots drawn as well: PATH.svg, .png or .pdf the\n"
    "                    small multiples in one picture; DIR/ one SVG per\n"
    "                    snapshot (DIR/0001-DATE.svg, ...); every actor at the\n"
    "                    same place throughout (one layout of all relations),\n"
    "                    each bloc in one colour\n"
    "  -q, --quiet       no progress line, no 'wrote' lines\n"
    CLI_INPUT_OPTIONS_HELP
    "      --min-confidence LEVEL, --weigh-confidence, --confidence-weights C,R,S\n"
    "                    as for every command: which relations count, and how\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error (bad or unsorted dates, an empty\n"
    "range), 2 invalid input, 3 an output could not be written, 4 internal\n"
    "failure.\n";

enum { FMT_TEXT, FMT_JSON, FMT_CSV };
static const char *const change_kind[] = {"began", "ended", "bloc", "rank"};

typedef struct timeline {
    const ag_graph *g;
    const char *input;
    ag_timeline_opts o;  /* o.conf: the confidence part of the selection */
    ag_timeline tl;
    char **shown;
} timeline;

/* Actor i's name escaped for the terminal. */
static const char *actor(timeline *t, size_t i)
{
    if (!t->shown[i] && !(t->shown[i] = cli_escape(t->g->actors[i].name)))
        return "?";
    return t->shown[i];
}

/* ---- output ---- */

static void put_bloc_name(timeline *t, const ag_timeline_snapshot *s, long ident1, FILE *out)
{
    const ag_timeline_bloc *b;
    if (ident1 == 0) {
        fputs("alone", out);
        return;
    }
    b = ag_timeline_find_bloc(s, (size_t)ident1 - 1);
    fprintf(out, "bloc %ld (%s bloc)", ident1, b ? actor(t, b->leader) : "?");
}

static void print_text(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    char desc[512];

    cli_put_escaped(out, g->title ? g->title : g->name);
    fprintf(out, ": timeline, %zu snapshots from %s to %s", t->tl.n, t->tl.snap[0].label,
            t->tl.snap[t->tl.n - 1].label);
    ag_selection_describe(&t->o.conf, desc, sizeof desc);
    if (desc[0])
        fprintf(out, " (%s)", desc);
    fprintf(out, "\nblocs by the signed method (seed %lu), matched by shared members; "
                 "ranks by %s\n",
            t->o.seed, ag_metric_name(t->o.metric));
    for (size_t k = 0; k < t->tl.n; k++) {
        const ag_timeline_snapshot *s = &t->tl.snap[k];
        fprintf(out, "\n%s: %zu actors, %zu relations; balance index %.3f (%zu of %zu "
                     "triangles balanced); frustration %zu ties, weight %.3f\n",
                s->label, s->n_present, s->n_relations, s->balance_index, s->balanced,
                s->triangles, s->frustration_count, s->frustration_weight);
        fputs("  blocs:", out);
        for (size_t b = 0; b < s->n_blocs; b++) {
            fprintf(out, "%s %zu %s bloc (%zu)", b ? "," : "", s->blocs[b].ident + 1,
                    actor(t, s->blocs[b].leader), s->blocs[b].size);
        }
        fprintf(out, "%s%zu alone\n", s->n_blocs ? "; " : " ", s->n_alone);
        for (size_t i = 0; i < s->n_changes; i++) {
            const ag_timeline_change *c = &s->changes[i];
            switch (c->kind) {
            case AG_TIMELINE_BEGAN:
            case AG_TIMELINE_ENDED: {
                const ag_relation *r = &g->relations[c->relation];
                fprintf(out, "  %s: %s %s %s (", change_kind[c->kind], actor(t, c->actor),
                        r->sign > 0 ? "+" : "-", actor(t, c->other));
                cli_put_escaped(out, r->type);
                fputs(", ", out);
                cli_put_escaped(out, r->id);
                fputs(")\n", out);
                break;
            }
            case AG_TIMELINE_BLOC:
                fprintf(out, "  bloc: %s from ", actor(t, c->actor));
                put_bloc_name(t, &t->tl.snap[k - 1], c->before, out);
                fputs(" to ", out);
                put_bloc_name(t, s, c->after, out);
                fputc('\n', out);
                break;
            default:
                fprintf(out, "  rank: %s %ld -> %ld (%+ld)\n", actor(t, c->actor), c->before,
                        c->after, c->before - c->after);
            }
        }
    }
}

static void put_num(FILE *out, double v)
{
    if (isnan(v))
        return;
    fprintf(out, "%.12g", v);
}

static void print_csv_actors(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    fprintf(out, "snapshot,id,name,present,bloc,bloc_name,%s,rank\n", ag_metric_name(t->o.metric));
    for (size_t k = 0; k < t->tl.n; k++) {
        const ag_timeline_snapshot *s = &t->tl.snap[k];
        for (size_t v = 0; v < g->n_actors; v++) {
            const ag_timeline_bloc *b =
                s->bloc[v] == AG_NO_BLOC ? NULL : ag_timeline_find_bloc(s, s->bloc[v]);
            fprintf(out, "%s,", s->label);
            cli_put_csv_field(out, g->actors[v].id);
            fputc(',', out);
            cli_put_csv_field(out, g->actors[v].name);
            fprintf(out, ",%d,", s->present[v]);
            if (b) {
                fprintf(out, "%zu,", b->ident + 1);
                cli_put_csv_field(out, g->actors[b->leader].name);
            } else {
                fputc(',', out);
            }
            fputc(',', out);
            if (s->present[v])
                put_num(out, s->value[v]);
            fputc(',', out);
            if (s->rank[v])
                fprintf(out, "%ld", s->rank[v]);
            fputc('\n', out);
        }
    }
}

static void print_csv_changes(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    fputs("snapshot,kind,actor,other,relation,type,sign,before,after\n", out);
    for (size_t k = 1; k < t->tl.n; k++) {
        const ag_timeline_snapshot *s = &t->tl.snap[k];
        for (size_t i = 0; i < s->n_changes; i++) {
            const ag_timeline_change *c = &s->changes[i];
            fprintf(out, "%s,%s,", s->label, change_kind[c->kind]);
            cli_put_csv_field(out, g->actors[c->actor].id);
            fputc(',', out);
            if (c->kind <= AG_TIMELINE_ENDED) {
                const ag_relation *r = &g->relations[c->relation];
                cli_put_csv_field(out, g->actors[c->other].id);
                fputc(',', out);
                cli_put_csv_field(out, r->id);
                fputc(',', out);
                cli_put_csv_field(out, r->type);
                fprintf(out, ",%s,,\n", r->sign > 0 ? "+" : "-");
            } else if (c->kind == AG_TIMELINE_BLOC) {
                fputs(",,,,", out);
                if (c->before)
                    fprintf(out, "%ld", c->before);
                fputc(',', out);
                if (c->after)
                    fprintf(out, "%ld", c->after);
                fputc('\n', out);
            } else {
                fprintf(out, ",,,,%ld,%ld\n", c->before, c->after);
            }
        }
    }
}

static json_t *bloc_json(timeline *t, const ag_timeline_snapshot *s, long ident1)
{
    const ag_timeline_bloc *b = ident1 ? ag_timeline_find_bloc(s, (size_t)ident1 - 1) : NULL;
    (void)t;
    return b ? json_integer(ident1) : json_null();
}

static int print_json(timeline *t, FILE *out)
{
    const ag_graph *g = t->g;
    json_t *root = json_object(), *snaps = json_array(), *rows = json_array(),
           *changes = json_array(), *man = json_object(), *opts = json_object();
    int rc = -1;

    if (!root || !snaps || !rows || !changes || !man || !opts)
        goto cleanup;
    for (size_t k = 0; k < t->tl.n; k++) {
        const ag_timeline_snapshot *s = &t->tl.snap[k];
        json_t *o = json_object(), *blocs = json_array(), *bal = json_object(),
               *fr = json_object();
        char d[16];
        json_object_set_new(o, "snapshot", json_string(s->label));
        ag_date_format(&s->sel.from, d, sizeof d);
        json_object_set_new(o, "from", json_string(d));
        ag_date_format(&s->sel.to, d, sizeof d);
        json_object_set_new(o, "to", json_string(d));
        json_object_set_new(o, "actors", json_integer((json_int_t)s->n_present));
        json_object_set_new(o, "relations", json_integer((json_int_t)s->n_relations));
        for (size_t b = 0; b < s->n_blocs; b++) {
            json_t *bo = json_object(), *members = json_array();
            for (size_t v = 0; v < g->n_actors; v++)
                if (s->bloc[v] == s->blocs[b].ident)
                    json_array_append_new(members, json_string(g->actors[v].id));
            json_object_set_new(bo, "bloc", json_integer((json_int_t)s->blocs[b].ident + 1));
            json_object_set_new(bo, "name", json_string(g->actors[s->blocs[b].leader].name));
            json_object_set_new(bo, "leader", json_string(g->actors[s->blocs[b].leader].id));
            json_object_set_new(bo, "members", members);
            json_array_append_new(blocs, bo);
        }
        json_object_set_new(o, "blocs", blocs);
        json_object_set_new(o, "alone", json_integer((json_int_t)s->n_alone));
        json_object_set_new(bal, "triangles", json_integer((json_int_t)s->triangles));
        json_object_set_new(bal, "balanced", json_integer((json_int_t)s->balanced));
        json_object_set_new(bal, "index", json_real(s->balance_index));
        json_object_set_new(o, "balance", bal);
        json_object_set_new(fr, "count", json_integer((json_int_t)s->frustration_count));
        json_object_set_new(fr, "weight", json_real(s->frustration_weight));
        json_object_set_new(o, "frustration", fr);
        json_array_append_new(snaps, o);
        for (size_t v = 0; v < g->n_actors; v++) {
            json_t *r = json_object();
            json_object_set_new(r, "snapshot", json_string(s->label));
            json_object_set_new(r, "actor", json_string(g->actors[v].id));
            json_object_set_new(r, "present", json_boolean(s->present[v]));
            json_object_set_new(r, "bloc", s->bloc[v] == AG_NO_BLOC
                                               ? json_null()
                                               : json_integer((json_int_t)s->bloc[v] + 1));
            json_object_set_new(r, ag_metric_name(t->o.metric),
                                s->present[v] && !isnan(s->value[v]) ? json_real(s->value[v])
                                                                     : json_null());
            json_object_set_new(r, "rank", s->rank[v] ? json_integer(s->rank[v]) : json_null());
            json_array_append_new(rows, r);
        }
        for (size_t i = 0; i < s->n_changes; i++) {
            const ag_timeline_change *c = &s->changes[i];
            json_t *co = json_object();
            json_object_set_new(co, "snapshot", json_string(s->label));
            json_object_set_new(co, "kind", json_string(change_kind[c->kind]));
            json_object_set_new(co, "actor", json_string(g->actors[c->actor].id));
            if (c->kind <= AG_TIMELINE_ENDED) {
                const ag_relation *r = &g->relations[c->relation];
                json_object_set_new(co, "other", json_string(g->actors[c->other].id));
                json_object_set_new(co, "relation", json_string(r->id));
                json_object_set_new(co, "type", json_string(r->type));
                json_object_set_new(co, "sign", json_integer(r->sign));
            } else if (c->kind == AG_TIMELINE_BLOC) {
                json_object_set_new(co, "before", bloc_json(t, &t->tl.snap[k - 1], c->before));
                json_object_set_new(co, "after", bloc_json(t, s, c->after));
            } else {
                json_object_set_new(co, "before", json_integer(c->before));
                json_object_set_new(co, "after", json_integer(c->after));
            }
            json_array_append_new(changes, co);
        }
    }
    json_object_set_new(root, "snapshots", snaps);
    json_object_set_new(root, "actors", rows);
    json_object_set_new(root, "changes", changes);
    snaps = rows = changes = NULL;
    json_object_set_new(opts, "every", t->o.step != AG_TIMELINE_STEP_NONE
                                           ? json_string(ag_timeline_step_name(t->o.step))
                                           : json_null());
    json_object_set_new(opts, "metric", json_string(ag_metric_name(t->o.metric)));
    json_object_set_new(opts, "top", json_integer((json_int_t)t->o.top));
    json_object_set_new(opts, "method", json_string("signed"));
    cli_manifest_start(man, t->input, g, "timeline", opts);
    opts = NULL;
    if (!ag_selection_is_all(&t->o.conf))
        json_object_set_new(man, "selection", ag_selection_json(&t->o.conf, NULL));
    json_object_set_new(man, "seed", json_integer((json_int_t)t->o.seed));
    json_object_set_new(man, "actorgraph", json_string(ag_version()));
    json_object_set_new(root, "manifest", man);
    man = NULL;
    if (cli_print_json(out, root) == 0)
        rc = 0;
cleanup:
    json_decref(root);
    json_decref(snaps);
    json_decref(rows);
    json_decref(changes);
    json_decref(man);
    json_decref(opts);
    return rc;
}


/* ---- pictures ---- */

/* An actor and its number of relations: most first, then by actor. */
typedef struct counted {
    size_t count, actor;
} counted;

static int cmp_by_count(const void *x, const void *y)
{
    const counted *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return a->actor < b->actor ? -1 : a->actor > b->actor;
}

/* Draws the snapshots with every actor where one layout of the whole graph
 * puts it: one picture of small multiples at path, or with dir one SVG per
 * snapshot in it. Returns the exit code. */
static int draw(timeline *t, const char *path, int dir, int quiet)
{
    const ag_graph *g = t->g;
    size_t n = g->n_actors;
    double *x = NULL, *y = NULL;
    unsigned char *label = NULL;
    char **names = NULL, **paths = NULL;
    size_t *count = NULL;
    ag_panel *panels = NULL;
    ag_blob *blobs = NULL;
    ag_output *outs = NULL;
    ag_multiples_opts mo;
    ag_error err;
    ag_status st;
    ag_format fmt = AG_FMT_SVG;
    char title[1024], desc[512];
    int rc = AG_EXIT_INTERNAL;
    size_t n_out = dir ? t->tl.n : 1, top = 10;

    if (!dir && (!ag_format_from_path(path, &fmt) ||
                 (fmt != AG_FMT_SVG && fmt != AG_FMT_PNG && fmt != AG_FMT_PDF)))
        return cli_usage_error("timeline", "-o %s: draw to a .svg, .png or .pdf file, or a "
                                           "directory ending in /",
                               path);
    x = malloc((n + 1) * sizeof *x);
    y = malloc((n + 1) * sizeof *y);
    label = calloc(n + 1, 1);
    count = calloc(n + 1, sizeof *count);
    names = calloc(t->tl.n_idents + 1, sizeof *names);
    panels = calloc(t->tl.n, sizeof *panels);
    blobs = calloc(n_out, sizeof *blobs);
    outs = calloc(n_out, sizeof *outs);
    paths = calloc(n_out, sizeof *paths);
    if (!x || !y || !label || !count || !names || !panels || !blobs || !outs || !paths)
        goto oom;
    ag_error_clear(&err);
    if ((st = ag_layout_positions(g, NULL, x, y, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    /* names: a small graph's every actor; a large one's bloc leaders and
       the actors with the most relations */
    for (size_t i = 0; i < g->n_relations; i++)
        count[g->relations[i].source]++, count[g->relations[i].target]++;
    if (n <= AG_RENDER_SMALL_ACTORS) {
        memset(label, 1, n);
    } else {
        counted *order = malloc((n + 1) * sizeof *order);
        if (!order)
            goto oom;
        for (size_t v = 0; v < n; v++)
            order[v] = (counted){count[v], v};
        qsort(order, n, sizeof *order, cmp_by_count);
        for (size_t i = 0; i < top && i < n; i++)
            label[order[i].actor] = 1;
        free(order);
    }
    /* a bloc's legend: its leaders in the order they led it, "bloc 2:
       Soviet Union / Russia, then China" */
    for (size_t k = 0; k < t->tl.n; k++)
        for (size_t b = 0; b < t->tl.snap[k].n_blocs; b++) {
            const ag_timeline_bloc *bi = &t->tl.snap[k].blocs[b];
            const char *leader = g->actors[bi->leader].name;
            char *old = names[bi->ident], *s;
            size_t len;
            label[bi->leader] = 1;
            if (k > 0) {
                const ag_timeline_bloc *pb = ag_timeline_find_bloc(&t->tl.snap[k - 1], bi->ident);
                if (pb && pb->leader == bi->leader)
                    continue;
            }
            if (old && strlen(old) > 400)
                continue; /* long enough */
            len = (old ? strlen(old) : 0) + strlen(leader) + 40;
            if (!(s = malloc(len)))
                goto oom;
            if (old)
                snprintf(s, len, "%s, then %s", old, leader);
            else
                snprintf(s, len, "bloc %zu: %s", bi->ident + 1, leader);
            free(old);
            names[bi->ident] = s;
        }
    for (size_t k = 0; k < t->tl.n; k++) {
        panels[k].title = t->tl.snap[k].label;
        panels[k].present = t->tl.snap[k].present;
        panels[k].rel = t->tl.snap[k].in_force;
        panels[k].bloc = t->tl.snap[k].bloc;
    }
    ag_selection_describe(&t->o.conf, desc, sizeof desc);
    snprintf(title, sizeof title, "%s%s%s%s", g->title ? g->title : g->name,
             desc[0] ? " (" : "", desc, desc[0] ? ")" : "");
    mo.title = title;
    mo.x = x;
    mo.y = y;
    mo.label = label;
    mo.bloc_name = (const char *const *)names;
    mo.n_bloc_names = t->tl.n_idents;
    for (size_t k = 0; k < n_out; k++) {
        ag_error_clear(&err);
        if (dir) {
            mo.title = NULL;
            st = ag_render_multiples(g, &panels[k], 1, &mo, &fmt, 1, &blobs[k], &err);
        } else {
            st = ag_render_multiples(g, panels, t->tl.n, &mo, &fmt, 1, &blobs[k], &err);
        }
        if (st != AG_OK) {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
            goto cleanup;
        }
        if (dir) {
            size_t len = strlen(path) + strlen(t->tl.snap[k].label) + 16;
            if (!(paths[k] = malloc(len)))
                goto oom;
            snprintf(paths[k], len, "%s%04zu-%s.svg", path, k + 1, t->tl.snap[k].label);
        }
        outs[k].path = dir ? paths[k] : path;
        outs[k].data = blobs[k].data;
        outs[k].len = blobs[k].len;
    }
    {
        char *d = NULL;
        if (dir) {
            size_t len = strlen(path);
            if (!(d = malloc(len + 1)))
                goto oom;
            memcpy(d, path, len + 1);
            while (len > 1 && d[len - 1] == '/')
                d[--len] = '\0';
        }
        rc = cli_write_outputs(outs, n_out, d, t->input, NULL, quiet);
        free(d);
    }
    goto cleanup;
oom:
    fprintf(stderr, "actorgraph: out of memory\n");
    rc = AG_EXIT_INTERNAL;
cleanup:
    for (size_t k = 0; blobs && k < n_out; k++)
        ag_blob_free(&blobs[k]);
    for (size_t k = 0; paths && k < n_out; k++)
        free(paths[k]);
    for (size_t b = 0; names && b < t->tl.n_idents; b++)
        free(names[b]);
    free(x);
    free(y);
    free(label);
    free(count);
    free(names);
    free(panels);
    free(blobs);
    free(outs);
    free(paths);
    return rc;
}

/* ---- options ---- */

static void timeline_free(timeline *t)
{
    ag_timeline_destroy(&t->tl);
    if (t->shown && t->g)
        for (size_t i = 0; i < t->g->n_actors; i++)
            free(t->shown[i]);
    free(t->shown);
}

#define OPT_AT 0x200
#define OPT_ROWS 0x201

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"every", required_argument, NULL, 'e'}, {"at", required_argument, NULL, OPT_AT},
        {"metric", required_argument, NULL, 'm'}, {"top", required_argument, NULL, 'n'},
        {"seed", required_argument, NULL, 's'},   {"format", required_argument, NULL, 'f'},
        {"rows", required_argument, NULL, OPT_ROWS}, {"quiet", no_argument, NULL, 'q'},
        {"output", required_argument, NULL, 'o'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    timeline t;
    ag_graph *g = NULL;
    cli_input in;
    ag_error err;
    ag_status st;
    int c, fmt = FMT_TEXT, rc = AG_EXIT_OK, rows_changes = 0, rows_given = 0;
    long v;
    const char *input, *at = NULL, *output = NULL;
    int quiet = 0;
    ag_date *at_dates = NULL;

    memset(&t, 0, sizeof t);
    ag_timeline_opts_init(&t.o);
    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":e:m:n:s:f:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'e':
            if (!ag_timeline_step_parse(optarg, &t.o.step))
                return cli_usage_error("timeline", "--every: '%s' is not year, quarter or month",
                                       optarg);
            break;
        case OPT_AT:
            at = optarg;
            break;
        case 'm':
            if (!ag_metric_parse(optarg, &t.o.metric))
                return cli_usage_error("timeline", "unknown metric '%s' (%s)", optarg,
                                       cli_metric_list());
            break;
        case 'n':
            if (!cli_parse_long(optarg, 0, 1000000, &v))
                return cli_usage_error("timeline", "--top needs a whole number >= 0, not '%s'",
                                       optarg);
            t.o.top = (size_t)v;
            break;
        case 's':
            if (!cli_parse_long(optarg, 0, 2147483647L, &v))
                return cli_usage_error("timeline",
                                       "--seed needs a whole number from 0 to 2147483647, not "
                                       "'%s'",
                                       optarg);
            t.o.seed = (unsigned long)v;
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                fmt = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                fmt = FMT_JSON;
            else if (strcmp(optarg, "csv") == 0)
                fmt = FMT_CSV;
            else
                return cli_usage_error("timeline", "unknown format '%s' (text, json, csv)", optarg);
            break;
        case OPT_ROWS:
            if (strcmp(optarg, "actors") != 0 && strcmp(optarg, "changes") != 0)
                return cli_usage_error("timeline", "--rows: '%s' is not actors or changes", optarg);
            rows_changes = strcmp(optarg, "changes") == 0;
            rows_given = 1;
            break;
        case 'q':
            cli_progress_quiet();
            quiet = 1;
            break;
        case 'o':
            output = optarg;
            break;
        default:
            if (cli_other_option(&in, c, "timeline", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (argc - optind > 1)
        return cli_usage_error("timeline", "too many arguments: '%s'", argv[optind + 1]);
    if (in.dated == 1)
        return cli_usage_error("timeline", "--as-of selects one date; a timeline takes --every "
                                           "(with --from/--to) or --at");
    if (in.sel.drop_isolates)
        return cli_usage_error("timeline", "--drop-isolates does not apply: every snapshot keeps "
                                           "every actor, absent ones without a bloc");
    if (!t.o.step && !at)
        return cli_usage_error("timeline", "say when to take snapshots: --every "
                                           "year|quarter|month or --at D1,D2,...");
    if (t.o.step && at)
        return cli_usage_error("timeline", "--every and --at cannot be combined");
    if (at && in.dated == 2)
        return cli_usage_error("timeline", "--at takes no --from/--to");
    if (output && output[0] && output[strlen(output) - 1] != '/') {
        ag_format of;
        if (!ag_format_from_path(output, &of) ||
            (of != AG_FMT_SVG && of != AG_FMT_PNG && of != AG_FMT_PDF))
            return cli_usage_error("timeline", "-o %s: draw to a .svg, .png or .pdf file, or a "
                                               "directory ending in /",
                                   output);
    }
    if (rows_given && fmt != FMT_CSV)
        return cli_usage_error("timeline", "--rows applies to --format csv only");
    if (in.weights_given && !in.sel.weigh_confidence)
        fprintf(stderr, "actorgraph: warning: --confidence-weights has no effect without "
                        "--weigh-confidence\n");
    /* the confidence part applies to every snapshot; the dates make them */
    t.o.conf = in.sel;
    t.o.conf.from = t.o.conf.to = (ag_date){0, 0, 0};
    t.o.conf.as_of = false;
    ag_error_clear(&err);
    if (ag_selection_check(&t.o.conf, &err) != AG_OK)
        return cli_usage_error("timeline", "%s", err.message);
    if (in.sel.from.year && in.sel.to.year && ag_date_cmp(&in.sel.from, &in.sel.to) > 0)
        return cli_usage_error("timeline", "--from is after --to: no snapshot to take");
    if (at) {
        ag_error_clear(&err);
        if ((st = ag_timeline_parse_dates(at, &at_dates, &t.o.n_at, &err)) != AG_OK) {
            if (st == AG_EARG)
                return cli_usage_error("timeline", "%s", err.message);
            cli_print_error(&err);
            return cli_exit_code(st, 0);
        }
        t.o.at = at_dates;
    } else {
        t.o.from = in.sel.from;
        t.o.to = in.sel.to;
    }
    input = optind < argc ? argv[optind] : NULL;
    /* loaded whole: each snapshot selects from it */
    ag_selection_init(&in.sel);
    in.weights_given = 0;
    rc = cli_load_input(input, &in, &g);
    if (rc != AG_EXIT_OK)
        goto cleanup;
    t.g = g;
    t.input = input ? input : cli_default_graph();
    ag_error_clear(&err);
    if ((st = ag_timeline_compute(g, &t.o, &t.tl, &err)) != AG_OK) {
        /* the options name no snapshot: a usage error */
        if (st == AG_EARG) {
            rc = cli_usage_error("timeline", "%s", err.message);
        } else {
            cli_print_error(&err);
            rc = cli_exit_code(st, 0);
        }
        goto cleanup;
    }
    if (!(t.shown = calloc(g->n_actors + 1, sizeof *t.shown))) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    if (output) {
        size_t len = strlen(output);
        rc = draw(&t, output, len > 0 && output[len - 1] == '/', quiet);
        if (rc != AG_EXIT_OK)
            goto cleanup;
    }
    if (fmt == FMT_JSON) {
        if (print_json(&t, stdout) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
    } else if (fmt == FMT_CSV) {
        if (rows_changes)
            print_csv_changes(&t, stdout);
        else
            print_csv_actors(&t, stdout);
    } else {
        print_text(&t, stdout);
    }
cleanup:
    free(at_dates);
    timeline_free(&t);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_timeline = {
    .name = "timeline",
    .summary = "snapshots of a dated graph: what changed, blocs, ranks, balance",
    .usage = usage,
    .run = run,
};
