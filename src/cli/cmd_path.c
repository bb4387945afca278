/* actorgraph path: how two actors are connected, and through whom. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chains.h"
#include "table.h"

static const char usage[] =
    "usage: actorgraph path [FILE] A B [--max-length L] [--top N]\n"
    "                       [--format text|json]\n"
    "\n"
    "How are A and B connected, and through whom? Prints the shortest\n"
    "cooperative path from A to B (positive ties followed in their direction,\n"
    "distance 1/weight, as report's betweenness and closeness use them) with\n"
    "the relations behind each step, and the strongest signed chains between\n"
    "them (the signed pair graph, either direction, no actor twice), each with\n"
    "the sign it implies (the product of its steps' signs: the enemy of an\n"
    "enemy is a friend) and its weakest link. Strongest: the largest weakest\n"
    "link |s|, then fewer steps, then the larger product of |s|, then file\n"
    "order (docs/analysis.md, \"Paths and explanations\"). A and B are actor\n"
    "ids or names.\n"
    "\n"
    "Options:\n"
    "  -l, --max-length L  signed chains of at most L steps, 1 to 6 (default 3)\n"
    "  -n, --top N         the N strongest signed chains (default 5)\n"
    "  -f, --format FMT    text (default) or json\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error (an unknown actor, A the same as B),\n"
    "2 invalid input, 4 internal failure, 5 A and B not connected (no\n"
    "cooperative path and no signed chain of at most L steps; nothing printed\n"
    "on standard output).\n";

enum { FMT_TEXT, FMT_JSON };

long cli_find_actor(const ag_graph *g, const char *text, const char *cmd)
{
    long i = ag_actor_lookup(g, text);
    if (i < 0) {
        const char *near = ag_actor_nearest(g, text);
        if (near)
            fprintf(stderr, "actorgraph: %s: unknown actor \"%s\" (did you mean \"%s\"?)\n", cmd,
                    text, near);
        else
            fprintf(stderr, "actorgraph: %s: unknown actor \"%s\"\n", cmd, text);
    }
    return i;
}

static const cli_pairs *pairs_ctx;

static size_t lo_end(const ag_relation *r)
{
    return r->source < r->target ? r->source : r->target;
}

static size_t hi_end(const ag_relation *r)
{
    return r->source < r->target ? r->target : r->source;
}

static int by_pair(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const ag_relation *x = &pairs_ctx->g->relations[a], *y = &pairs_ctx->g->relations[b];
    if (lo_end(x) != lo_end(y))
        return lo_end(x) < lo_end(y) ? -1 : 1;
    if (hi_end(x) != hi_end(y))
        return hi_end(x) < hi_end(y) ? -1 : 1;
    return a < b ? -1 : a > b;
}

int cli_pairs_build(const ag_graph *g, cli_pairs *p)
{
    p->g = g;
    p->n = g->n_relations;
    p->rel = malloc((p->n + 1) * sizeof *p->rel);
    if (!p->rel)
        return -1;
    for (size_t i = 0; i < p->n; i++)
        p->rel[i] = i;
    pairs_ctx = p;
    qsort(p->rel, p->n, sizeof *p->rel, by_pair);
    return 0;
}

void cli_pairs_free(cli_pairs *p)
{
    free(p->rel);
    p->rel = NULL;
}

/* The first position in p->rel whose pair is not below (u, v). */
static size_t lower(const cli_pairs *p, size_t u, size_t v)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ag_relation *r = &p->g->relations[p->rel[mid]];
        if (lo_end(r) < u || (lo_end(r) == u && hi_end(r) < v))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void cli_pairs_range(const cli_pairs *p, size_t u, size_t v, size_t *lo, size_t *hi)
{
    size_t a = u < v ? u : v, b = u < v ? v : u;
    *lo = lower(p, a, b);
    *hi = lower(p, a, b + 1);
}

void cli_put_actor(FILE *out, const ag_graph *g, size_t a)
{
    if (strcmp(g->actors[a].name, g->actors[a].id) == 0)
        fputs(g->actors[a].id, out);
    else
        fprintf(out, "%s (%s)", g->actors[a].name, g->actors[a].id);
}

void cli_put_relation(FILE *out, const ag_graph *g, const ag_relation *r, int details)
{
    fprintf(out, "%c %s %s %s %s, weight %.4g", r->sign > 0 ? '+' : '-', r->type,
            g->actors[r->source].id, r->mutual ? "<->" : "->", g->actors[r->target].id,
            r->weight);
    if (details) {
        char s[16], e[16];
        ag_date_format(&r->start, s, sizeof s);
        ag_date_format(&r->end, e, sizeof e);
        fprintf(out, ", %s", ag_confidence_name(r->confidence));
        if (r->start.year || r->end.year)
            fprintf(out, ", %s to %s", r->start.year ? s : "always", r->end.year ? e : "now");
        fprintf(out, " [%s]", r->id);
    }
}

static json_t *date_json(const ag_date *d)
{
    char buf[16];
    if (!d->year)
        return json_null();
    ag_date_format(d, buf, sizeof buf);
    return json_string(buf);
}

json_t *cli_relation_json(const ag_graph *g, const ag_relation *r)
{
    json_t *o = json_object(), *ev = json_array();
    if (!o || !ev) {
        json_decref(o);
        json_decref(ev);
        return NULL;
    }
    json_object_set_new(o, "id", json_string(r->id));
    json_object_set_new(o, "source", json_string(g->actors[r->source].id));
    json_object_set_new(o, "target", json_string(g->actors[r->target].id));
    json_object_set_new(o, "type", json_string(r->type));
    json_object_set_new(o, "sign", json_integer(r->sign));
    json_object_set_new(o, "weight", json_real(r->weight));
    json_object_set_new(o, "mutual", json_boolean(r->mutual));
    json_object_set_new(o, "confidence", json_string(ag_confidence_name(r->confidence)));
    json_object_set_new(o, "start", date_json(&r->start));
    json_object_set_new(o, "end", date_json(&r->end));
    for (size_t i = 0; i < r->n_evidence; i++) {
        const ag_evidence *e = &r->evidence[i];
        long s = ag_graph_find_source(g, e->source);
        json_t *x = json_object();
        if (!x || json_array_append_new(ev, x) != 0) {
            json_decref(o);
            json_decref(ev);
            return NULL;
        }
        json_object_set_new(x, "source", json_string(e->source));
        json_object_set_new(x, "title", s >= 0 ? json_string(g->sources[s].title) : json_null());
        json_object_set_new(x, "section", e->section ? json_string(e->section) : json_null());
        json_object_set_new(x, "note", e->note ? json_string(e->note) : json_null());
    }
    json_object_set_new(o, "evidence", ev);
    return o;
}

/* Whether relation r forms the cooperative tie u -> v. */
static int forms_tie(const ag_relation *r, size_t u, size_t v)
{
    return r->sign > 0 && ((r->source == u && r->target == v) || r->mutual);
}

void cli_print_cooperative(FILE *out, const cli_pairs *p, const ag_chain *c, const char *indent)
{
    const ag_graph *g = p->g;
    fprintf(out, "%s", indent);
    for (size_t i = 0; i <= c->len; i++)
        fprintf(out, "%s%s", i ? " -> " : "", g->actors[c->actors[i]].id);
    fprintf(out, ": %zu step%s, distance %.4g\n", c->len, c->len == 1 ? "" : "s", c->distance);
    for (size_t i = 0; i < c->len; i++) {
        size_t u = c->actors[i], v = c->actors[i + 1], lo, hi;
        fprintf(out, "%s  ", indent);
        cli_put_actor(out, g, u);
        fputs(" -> ", out);
        cli_put_actor(out, g, v);
        fprintf(out, ": tie %.4g (distance %.4g)\n", c->w[i], 1.0 / c->w[i]);
        cli_pairs_range(p, u, v, &lo, &hi);
        for (size_t k = lo; k < hi; k++) {
            const ag_relation *r = &g->relations[p->rel[k]];
            if (!forms_tie(r, u, v))
                continue;
            fprintf(out, "%s    ", indent);
            cli_put_relation(out, g, r, 0);
            fputc('\n', out);
        }
    }
}

void cli_print_chain(FILE *out, const cli_pairs *p, const ag_chain *c, size_t k,
                     const char *indent)
{
    const ag_graph *g = p->g;
    size_t wu = c->actors[c->weakest_step], wv = c->actors[c->weakest_step + 1];
    fprintf(out, "%s", indent);
    if (k)
        fprintf(out, "%zu. ", k);
    fputs(g->actors[c->actors[0]].id, out);
    for (size_t i = 0; i < c->len; i++)
        fprintf(out, " (%+.4g) %s", c->w[i], g->actors[c->actors[i + 1]].id);
    fprintf(out, "\n%s   implies %s; weakest link %s-%s %.4g; %zu step%s, product %.4g\n",
            indent, c->sign > 0 ? "+ (friends)" : "- (enemies)", g->actors[wu].id,
            g->actors[wv].id, c->weakest, c->len, c->len == 1 ? "" : "s", c->product);
    for (size_t i = 0; i < c->len; i++) {
        size_t u = c->actors[i], v = c->actors[i + 1], lo, hi;
        cli_pairs_range(p, u, v, &lo, &hi);
        fprintf(out, "%s   %s-%s %+.4g:", indent, g->actors[u].id, g->actors[v].id, c->w[i]);
        for (size_t j = lo; j < hi; j++) {
            const ag_relation *r = &g->relations[p->rel[j]];
            fprintf(out, "%s %c%s %.4g", j > lo ? "," : "", r->sign > 0 ? '+' : '-', r->type,
                    r->weight);
        }
        fputc('\n', out);
    }
}

static json_t *ids_json(const ag_graph *g, const ag_chain *c)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i <= c->len; i++)
        if (json_array_append_new(a, json_string(g->actors[c->actors[i]].id)) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* The steps of c with their relations: all of the pair's (signed) or those
 * forming the cooperative tie. */
static json_t *steps_json(const cli_pairs *p, const ag_chain *c, int cooperative)
{
    const ag_graph *g = p->g;
    json_t *steps = json_array();
    for (size_t i = 0; steps && i < c->len; i++) {
        size_t u = c->actors[i], v = c->actors[i + 1], lo, hi;
        json_t *s = json_object(), *rels = json_array();
        if (!s || !rels || json_array_append_new(steps, s) != 0) {
            json_decref(s);
            json_decref(rels);
            json_decref(steps);
            return NULL;
        }
        json_object_set_new(s, "from", json_string(g->actors[u].id));
        json_object_set_new(s, "to", json_string(g->actors[v].id));
        json_object_set_new(s, cooperative ? "weight" : "s", json_real(c->w[i]));
        cli_pairs_range(p, u, v, &lo, &hi);
        for (size_t k = lo; k < hi; k++) {
            const ag_relation *r = &g->relations[p->rel[k]];
            if (cooperative && !forms_tie(r, u, v))
                continue;
            if (json_array_append_new(rels, cli_relation_json(g, r)) != 0) {
                json_decref(rels);
                json_decref(steps);
                return NULL;
            }
        }
        json_object_set_new(s, "relations", rels);
    }
    return steps;
}

json_t *cli_cooperative_json(const cli_pairs *p, const ag_chain *c)
{
    json_t *o = json_object(), *ids = ids_json(p->g, c), *steps = steps_json(p, c, 1);
    if (!o || !ids || !steps) {
        json_decref(o);
        json_decref(ids);
        json_decref(steps);
        return NULL;
    }
    json_object_set_new(o, "actors", ids);
    json_object_set_new(o, "length", json_integer((json_int_t)c->len));
    json_object_set_new(o, "distance", json_real(c->distance));
    json_object_set_new(o, "steps", steps);
    return o;
}

json_t *cli_chain_json(const cli_pairs *p, const ag_chain *c)
{
    const ag_graph *g = p->g;
    json_t *o = json_object(), *ids = ids_json(g, c), *steps = steps_json(p, c, 0),
           *weak = json_object();
    if (!o || !ids || !steps || !weak) {
        json_decref(o);
        json_decref(ids);
        json_decref(steps);
        json_decref(weak);
        return NULL;
    }
    json_object_set_new(weak, "from", json_string(g->actors[c->actors[c->weakest_step]].id));
    json_object_set_new(weak, "to", json_string(g->actors[c->actors[c->weakest_step + 1]].id));
    json_object_set_new(weak, "s", json_real(c->w[c->weakest_step]));
    json_object_set_new(o, "actors", ids);
    json_object_set_new(o, "length", json_integer((json_int_t)c->len));
    json_object_set_new(o, "sign", json_integer(c->sign));
    json_object_set_new(o, "weakest", weak);
    json_object_set_new(o, "product", json_real(c->product));
    json_object_set_new(o, "steps", steps);
    return o;
}

static json_t *actor_json(const ag_graph *g, size_t a)
{
    json_t *o = json_object();
    if (o) {
        json_object_set_new(o, "id", json_string(g->actors[a].id));
        json_object_set_new(o, "name", json_string(g->actors[a].name));
    }
    return o;
}

static int print_json(const cli_pairs *p, size_t a, size_t b, const ag_chain *coop, int found,
                      const ag_chain *chains, size_t n, int max_len, long top, const char *input)
{
    const ag_graph *g = p->g;
    json_t *root = json_object(), *arr = json_array(), *manifest = json_object(),
           *opts = json_object();
    int rc = -1;
    if (!root || !arr || !manifest || !opts)
        goto cleanup;
    json_object_set_new(root, "from", actor_json(g, a));
    json_object_set_new(root, "to", actor_json(g, b));
    if (found) {
        json_t *c = cli_cooperative_json(p, coop);
        if (!c)
            goto cleanup;
        json_object_set_new(root, "cooperative", c);
    } else {
        json_object_set_new(root, "cooperative", json_null());
    }
    for (size_t i = 0; i < n; i++) {
        json_t *c = cli_chain_json(p, &chains[i]);
        if (!c || json_array_append_new(arr, c) != 0)
            goto cleanup;
    }
    json_object_set_new(root, "signed", arr);
    arr = NULL;
    json_object_set_new(opts, "max_length", json_integer(max_len));
    json_object_set_new(opts, "top", json_integer(top));
    cli_manifest_start(manifest, input, g, "path", opts);
    opts = NULL;
    if (cli_manifest_selection(manifest, g) != 0)
        goto cleanup;
    json_object_set_new(manifest, "actorgraph", json_string(ag_version()));
    json_object_set_new(root, "manifest", manifest);
    manifest = NULL;
    if (cli_print_json(stdout, root) == 0)
        rc = 0;
cleanup:
    json_decref(root);
    json_decref(arr);
    json_decref(manifest);
    json_decref(opts);
    return rc;
}

static void print_text(const cli_pairs *p, size_t a, size_t b, const ag_chain *coop, int found,
                       const ag_chain *chains, size_t n, int max_len)
{
    const ag_graph *g = p->g;
    fputs("How ", stdout);
    cli_put_actor(stdout, g, a);
    fputs(" and ", stdout);
    cli_put_actor(stdout, g, b);
    fputs(" are connected", stdout);
    cli_put_selection(stdout, g);
    fputs("\n\nShortest cooperative path (positive ties, distance 1/weight):\n", stdout);
    if (found)
        cli_print_cooperative(stdout, p, coop, "  ");
    else
        printf("  none: %s cannot reach %s along positive ties\n", g->actors[a].id,
               g->actors[b].id);
    printf("\nStrongest signed chains of up to %d step%s (by weakest link):\n", max_len,
           max_len == 1 ? "" : "s");
    if (n == 0)
        printf("  none\n");
    for (size_t i = 0; i < n; i++)
        cli_print_chain(stdout, p, &chains[i], i + 1, "  ");
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"top", required_argument, NULL, 'n'},
        {"max-length", required_argument, NULL, 'l'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ag_graph *g = NULL;
    cli_input in;
    cli_pairs pairs = {0};
    ag_chain coop, *chains = NULL;
    size_t n_chains = 0;
    bool found = false;
    ag_error err;
    ag_status st;
    int c, fmt = FMT_TEXT, rc;
    long max_len = 3, top = 5, a, b;
    const char *input;

    memset(&coop, 0, sizeof coop);
    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:n:l:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "text") == 0)
                fmt = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                fmt = FMT_JSON;
            else
                return cli_usage_error("path", "unknown format '%s' (text, json)", optarg);
            break;
        case 'n':
            if (!cli_parse_long(optarg, 1, 1000000, &top))
                return cli_usage_error("path", "--top needs a whole number from 1 to 1000000, "
                                               "not '%s'", optarg);
            break;
        case 'l':
            if (!cli_parse_long(optarg, 1, AG_CHAIN_MAX_LENGTH, &max_len))
                return cli_usage_error("path", "--max-length needs a whole number from 1 to %d, "
                                               "not '%s'", AG_CHAIN_MAX_LENGTH, optarg);
            break;
        default:
            if (cli_other_option(&in, c, "path", usage, argv, &rc))
                return rc;
            break;
        }
    }
    if (argc - optind < 2)
        return cli_usage_error("path", "needs two actors, A and B");
    if (argc - optind > 3)
        return cli_usage_error("path", "too many arguments: '%s'", argv[optind + 3]);
    input = argc - optind == 3 ? argv[optind++] : NULL;
    rc = cli_load_input(input, &in, &g);
    if (rc != AG_EXIT_OK)
        return rc;
    if (!input)
        input = cli_default_graph();
    rc = AG_EXIT_USAGE;
    if ((a = cli_find_actor(g, argv[optind], "path")) < 0 ||
        (b = cli_find_actor(g, argv[optind + 1], "path")) < 0)
        goto cleanup;
    if (a == b) {
        fprintf(stderr, "actorgraph: path: A and B are the same actor (%s)\n", g->actors[a].id);
        goto cleanup;
    }
    ag_error_clear(&err);
    if ((st = ag_path_cooperative(g, (size_t)a, (size_t)b, &coop, &found, &err)) != AG_OK ||
        (st = ag_path_signed(g, (size_t)a, (size_t)b, (int)max_len, (size_t)top, &chains,
                             &n_chains, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = st == AG_EARG ? AG_EXIT_USAGE : cli_exit_code(st, 0);
        goto cleanup;
    }
    if (!found && n_chains == 0) {
        fprintf(stderr,
                "actorgraph: path: %s and %s are not connected: no cooperative path from %s, "
                "no signed chain of up to %ld steps\n",
                g->actors[a].id, g->actors[b].id, g->actors[a].id, max_len);
        rc = 5;
        goto cleanup;
    }
    if (cli_pairs_build(g, &pairs) != 0) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    rc = AG_EXIT_OK;
    if (fmt == FMT_JSON) {
        if (print_json(&pairs, (size_t)a, (size_t)b, &coop, found, chains, n_chains,
                       (int)max_len, top, input) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
    } else {
        print_text(&pairs, (size_t)a, (size_t)b, &coop, found, chains, n_chains, (int)max_len);
    }
cleanup:
    cli_pairs_free(&pairs);
    ag_chain_destroy(&coop);
    ag_chains_free(chains, n_chains);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_path = {
    .name = "path",
    .summary = "how two actors are connected, and through whom",
    .usage = usage,
    .run = run,
};
