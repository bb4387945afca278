/* actorgraph explain: why an actor is where it is, or what lies between
 * two actors. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actorgraph/analyze.h"
#include "actorgraph/cluster.h"
#include "chains.h"

static const char usage[] =
    "usage: actorgraph explain [FILE] ACTOR [OTHER] [--format text|json]\n"
    "\n"
    "Why is this actor where it is? For one ACTOR: its relations grouped by\n"
    "partner and sign, each with type, direction, weight, confidence, dates\n"
    "and evidence (source title, section, note); its net tie with each partner\n"
    "(the signed pair value); its bloc as 'clusters' finds it (signed method,\n"
    "default options, seed 1) and why: its positive ties inside, its negative\n"
    "ties across, and any tie that goes against its bloc; its rank on each\n"
    "metric of 'report' (cooperative ties) out of the actors.\n"
    "With OTHER: every relation between the two, their net tie and how it is\n"
    "formed, their shortest cooperative path and strongest signed chain (as\n"
    "'actorgraph path' finds them, up to 3 steps).\n"
    "ACTOR and OTHER are actor ids or names. With two arguments, the first is\n"
    "FILE when a file of that name exists (or it is '-'), else they are ACTOR\n"
    "and OTHER on the default graph.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT    text (default) or json\n"
    CLI_INPUT_OPTIONS_HELP
    CLI_SELECT_OPTIONS_HELP
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 success, 1 usage error (an unknown actor, ACTOR the same\n"
    "as OTHER), 2 invalid input, 4 internal failure.\n";

enum { FMT_TEXT, FMT_JSON };

typedef struct brief {
    const ag_graph *g;
    cli_pairs pairs;
    size_t v;
    size_t *rels, n_rels;   /* v's relations by (partner, sign, file order) */
    double *tie;            /* s with each actor, NaN when no tie */
    ag_partition part;
    size_t *leader;
    ag_metrics m;
    const char *input;
} brief;

static const brief *brief_ctx;

static size_t partner(const ag_relation *r, size_t v)
{
    return r->source == v ? r->target : r->source;
}

static int by_partner(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const ag_relation *x = &brief_ctx->g->relations[a], *y = &brief_ctx->g->relations[b];
    size_t px = partner(x, brief_ctx->v), py = partner(y, brief_ctx->v);
    if (px != py)
        return px < py ? -1 : 1;
    if (x->sign != y->sign)
        return x->sign > y->sign ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* 1 + the actors whose value is larger, values equal within a relative 1e-9
 * sharing a rank; 0 when the value is missing. */
static size_t rank_of(const ag_metrics *m, int k, size_t v)
{
    double x = m->v[k][v];
    size_t r = 1;
    if (isnan(x))
        return 0;
    for (size_t i = 0; i < m->n; i++) {
        double y = m->v[k][i];
        if (y > x && fabs(y - x) > 1e-9 * fmax(fabs(x), fabs(y)))
            r++;
    }
    return r;
}

static void put_bloc(FILE *out, const brief *B, size_t bloc)
{
    fprintf(out, "bloc %zu, %s bloc", bloc + 1, B->g->actors[B->leader[bloc]].name);
}

static void put_evidence(FILE *out, const ag_graph *g, const ag_relation *r, const char *indent)
{
    for (size_t i = 0; i < r->n_evidence; i++) {
        const ag_evidence *e = &r->evidence[i];
        long s = ag_graph_find_source(g, e->source);
        fprintf(out, "%sevidence: %s", indent, s >= 0 ? g->sources[s].title : e->source);
        if (e->section)
            fprintf(out, ", %s", e->section);
        if (e->note)
            fprintf(out, ": %s", e->note);
        fputc('\n', out);
    }
    if (r->n_evidence == 0)
        fprintf(out, "%sevidence: none given\n", indent);
}

/* What ties an actor's bloc on: inside (positive with bloc-mates), across
 * (negative with others), against (positive across, negative inside). */
enum { TIE_INSIDE, TIE_ACROSS, TIE_AGAINST };

static int tie_kind(const brief *B, size_t u)
{
    int same = B->part.bloc[u] == B->part.bloc[B->v];
    double s = B->tie[u];
    if (same)
        return s > 0 ? TIE_INSIDE : TIE_AGAINST;
    return s < 0 ? TIE_ACROSS : TIE_AGAINST;
}

static void print_actor_text(const brief *B, FILE *out)
{
    const ag_graph *g = B->g;
    size_t v = B->v, bloc = B->part.bloc[v], members = 0;
    static const char *const kind_head[] = {"positive ties inside", "negative ties across",
                                            "against its bloc"};

    cli_put_actor(out, g, v);
    fprintf(out, ": %s%s%s", ag_kind_name(g->actors[v].kind), g->actors[v].group ? ", " : "",
            g->actors[v].group ? g->actors[v].group : "");
    cli_put_selection(out, g);
    fprintf(out, "\n\nRelations (%zu), by partner and sign:\n", B->n_rels);
    if (B->n_rels == 0)
        fputs("  none\n", out);
    for (size_t i = 0; i < B->n_rels; i++) {
        const ag_relation *r = &g->relations[B->rels[i]];
        size_t p = partner(r, v);
        if (i == 0 || partner(&g->relations[B->rels[i - 1]], v) != p) {
            fputs("  ", out);
            cli_put_actor(out, g, p);
            if (p == v)
                fputs(": itself (no tie)\n", out);
            else if (isnan(B->tie[p]))
                fputs(": no net tie (the relations cancel out)\n", out);
            else
                fprintf(out, ": net tie %+.4g\n", B->tie[p]);
        }
        fputs("    ", out);
        cli_put_relation(out, g, r, 1);
        fputc('\n', out);
        put_evidence(out, g, r, "      ");
    }

    for (size_t u = 0; u < g->n_actors; u++)
        members += B->part.bloc[u] == bloc;
    fputs("\nBloc: ", out);
    put_bloc(out, B, bloc);
    fprintf(out, ", %zu member%s:", members, members == 1 ? "" : "s");
    for (size_t u = 0; u < g->n_actors; u++)
        if (B->part.bloc[u] == bloc)
            fprintf(out, " %s", g->actors[u].id);
    fprintf(out, "\n  (clusters' signed method, seed %lu; %zu of %zu blocs)\n", B->part.seed,
            bloc + 1, B->part.n_blocs);
    for (int k = TIE_INSIDE; k <= TIE_AGAINST; k++) {
        int any = 0;
        fprintf(out, "  %s:", kind_head[k]);
        for (size_t u = 0; u < g->n_actors; u++) {
            if (u == v || isnan(B->tie[u]) || tie_kind(B, u) != k)
                continue;
            fprintf(out, "%s %s %+.4g", any ? "," : "", g->actors[u].id, B->tie[u]);
            if (B->part.bloc[u] != bloc) {
                fputs(" (", out);
                put_bloc(out, B, B->part.bloc[u]);
                fputc(')', out);
            }
            any = 1;
        }
        fputs(any ? "\n" : " none\n", out);
    }

    fprintf(out, "\nRanks among %zu actors (cooperative ties as 'report' computes them; 1 is "
                 "the highest,\nequal values share a rank):\n",
            g->n_actors);
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        size_t r = rank_of(&B->m, k, v);
        fprintf(out, "  %-13s ", ag_metric_name((ag_metric)k));
        if (r == 0)
            fputs("-  (not computed)\n", out);
        else
            fprintf(out, "%zu of %zu  (%.6g)\n", r, g->n_actors, B->m.v[k][v]);
    }
}

static json_t *manifest_json(const brief *B, int pair)
{
    json_t *m = json_object();
    if (!m)
        return NULL;
    cli_manifest_start(m, B->input, B->g, "explain", NULL);
    if (cli_manifest_selection(m, B->g) != 0) {
        json_decref(m);
        return NULL;
    }
    json_object_set_new(m, "seed", pair ? json_null() : json_integer((json_int_t)B->part.seed));
    json_object_set_new(m, "actorgraph", json_string(ag_version()));
    return m;
}

static json_t *bloc_json(const brief *B, size_t bloc)
{
    json_t *o = json_object();
    if (o) {
        json_object_set_new(o, "bloc", json_integer((json_int_t)bloc + 1));
        json_object_set_new(o, "name",
                            json_sprintf("%s bloc", B->g->actors[B->leader[bloc]].name));
        json_object_set_new(o, "leader", json_string(B->g->actors[B->leader[bloc]].id));
    }
    return o;
}

static int print_actor_json(const brief *B, FILE *out)
{
    const ag_graph *g = B->g;
    size_t v = B->v, bloc = B->part.bloc[v];
    json_t *root = json_object(), *rels = json_array(), *ties = json_array(),
           *b = bloc_json(B, bloc), *members = json_array(), *ranks = json_object(),
           *kinds[3] = {json_array(), json_array(), json_array()}, *actor = json_object();
    int rc = -1;
    if (!root || !rels || !ties || !b || !members || !ranks || !kinds[0] || !kinds[1] ||
        !kinds[2] || !actor)
        goto cleanup;
    json_object_set_new(actor, "id", json_string(g->actors[v].id));
    json_object_set_new(actor, "name", json_string(g->actors[v].name));
    json_object_set_new(actor, "kind", json_string(ag_kind_name(g->actors[v].kind)));
    json_object_set_new(actor, "group",
                        g->actors[v].group ? json_string(g->actors[v].group) : json_null());
    for (size_t i = 0; i < B->n_rels; i++) {
        const ag_relation *r = &g->relations[B->rels[i]];
        json_t *o = cli_relation_json(g, r);
        if (!o || json_array_append_new(rels, o) != 0)
            goto cleanup;
        json_object_set_new(o, "partner", json_string(g->actors[partner(r, v)].id));
        json_object_set_new(o, "direction",
                            json_string(r->mutual ? "mutual" : r->source == v ? "out" : "in"));
    }
    for (size_t u = 0; u < g->n_actors; u++) {
        json_t *t;
        if (u == v || isnan(B->tie[u]))
            continue;
        if (!(t = json_object()) || json_array_append_new(ties, t) != 0)
            goto cleanup;
        json_object_set_new(t, "partner", json_string(g->actors[u].id));
        json_object_set_new(t, "s", json_real(B->tie[u]));
        json_object_set_new(t, "bloc", json_integer((json_int_t)B->part.bloc[u] + 1));
        json_object_set_new(t, "kind", json_string(tie_kind(B, u) == TIE_INSIDE   ? "inside"
                                                   : tie_kind(B, u) == TIE_ACROSS ? "across"
                                                                                  : "against"));
        if (json_array_append_new(kinds[tie_kind(B, u)], json_string(g->actors[u].id)) != 0)
            goto cleanup;
    }
    for (size_t u = 0; u < g->n_actors; u++)
        if (B->part.bloc[u] == bloc && json_array_append_new(members, json_string(g->actors[u].id)))
            goto cleanup;
    json_object_set_new(b, "members", members);
    json_object_set_new(b, "positive_inside", kinds[0]);
    json_object_set_new(b, "negative_across", kinds[1]);
    json_object_set_new(b, "against", kinds[2]);
    members = kinds[0] = kinds[1] = kinds[2] = NULL;
    json_object_set_new(b, "blocs", json_integer((json_int_t)B->part.n_blocs));
    for (int k = 0; k < AG_METRIC_COUNT; k++) {
        size_t r = rank_of(&B->m, k, v);
        json_t *o = json_object();
        if (!o || json_object_set_new(ranks, ag_metric_name((ag_metric)k), o) != 0)
            goto cleanup;
        json_object_set_new(o, "rank", r ? json_integer((json_int_t)r) : json_null());
        json_object_set_new(o, "of", json_integer((json_int_t)g->n_actors));
        json_object_set_new(o, "value", r ? json_real(B->m.v[k][v]) : json_null());
    }
    json_object_set_new(root, "actor", actor);
    json_object_set_new(root, "relations", rels);
    json_object_set_new(root, "ties", ties);
    json_object_set_new(root, "bloc", b);
    json_object_set_new(root, "ranks", ranks);
    actor = rels = ties = b = ranks = NULL;
    {
        json_t *m = manifest_json(B, 0);
        if (!m)
            goto cleanup;
        json_object_set_new(root, "manifest", m);
    }
    if (cli_print_json(out, root) == 0)
        rc = 0;
cleanup:
    json_decref(root);
    json_decref(rels);
    json_decref(ties);
    json_decref(b);
    json_decref(members);
    json_decref(ranks);
    json_decref(actor);
    for (int k = 0; k < 3; k++)
        json_decref(kinds[k]);
    return rc;
}

/* explain ACTOR */
static int explain_actor(brief *B, int fmt)
{
    const ag_graph *g = B->g;
    ag_pair_tie *ties = NULL;
    size_t n_ties = 0;
    ag_cluster_opts co;
    ag_error err;
    ag_status st;
    int rc = AG_EXIT_INTERNAL;

    ag_error_clear(&err);
    B->rels = malloc((g->n_relations + 1) * sizeof *B->rels);
    B->tie = malloc((g->n_actors + 1) * sizeof *B->tie);
    if (!B->rels || !B->tie) {
        fprintf(stderr, "actorgraph: out of memory\n");
        goto cleanup;
    }
    for (size_t i = 0; i < g->n_relations; i++)
        if (g->relations[i].source == B->v || g->relations[i].target == B->v)
            B->rels[B->n_rels++] = i;
    brief_ctx = B;
    qsort(B->rels, B->n_rels, sizeof *B->rels, by_partner);
    for (size_t u = 0; u < g->n_actors; u++)
        B->tie[u] = NAN;
    ag_cluster_opts_init(&co);
    if ((st = ag_actor_ties(g, B->v, &ties, &n_ties, &err)) != AG_OK ||
        (st = ag_cluster(g, &co, &B->part, &err)) != AG_OK ||
        (st = ag_metrics_compute(g, AG_TIES_POSITIVE, &B->m, &err)) != AG_OK)
        goto failed;
    for (size_t i = 0; i < n_ties; i++)
        B->tie[ties[i].b] = ties[i].s;
    B->leader = malloc((B->part.n_blocs + 1) * sizeof *B->leader);
    if (!B->leader) {
        fprintf(stderr, "actorgraph: out of memory\n");
        goto cleanup;
    }
    if ((st = ag_bloc_leaders(g, B->part.bloc, B->part.n_blocs, B->leader, &err)) != AG_OK)
        goto failed;
    rc = AG_EXIT_OK;
    if (fmt == FMT_JSON) {
        if (print_actor_json(B, stdout) != 0) {
            fprintf(stderr, "actorgraph: out of memory\n");
            rc = AG_EXIT_INTERNAL;
        }
    } else {
        print_actor_text(B, stdout);
    }
    goto cleanup;
failed:
    cli_print_error(&err);
    rc = cli_exit_code(st, 0);
cleanup:
    free(ties);
    return rc;
}

/* explain ACTOR OTHER */
static int explain_pair(brief *B, size_t w, int fmt)
{
    const ag_graph *g = B->g;
    size_t v = B->v, lo, hi;
    ag_pair_tie *ties = NULL;
    size_t n_ties = 0, n_chains = 0;
    double s = NAN, sum_abs = 0;
    ag_chain coop, *chains = NULL;
    bool found = false;
    ag_error err;
    ag_status st;
    int rc = AG_EXIT_INTERNAL;
    json_t *root = NULL;

    memset(&coop, 0, sizeof coop);
    ag_error_clear(&err);
    if ((st = ag_actor_ties(g, v, &ties, &n_ties, &err)) != AG_OK ||
        (st = ag_path_cooperative(g, v, w, &coop, &found, &err)) != AG_OK ||
        (st = ag_path_signed(g, v, w, 3, 1, &chains, &n_chains, &err)) != AG_OK) {
        cli_print_error(&err);
        rc = cli_exit_code(st, 0);
        goto cleanup;
    }
    for (size_t i = 0; i < n_ties; i++)
        if (ties[i].b == w)
            s = ties[i].s;
    cli_pairs_range(&B->pairs, v, w, &lo, &hi);
    for (size_t k = lo; k < hi; k++)
        sum_abs += g->relations[B->pairs.rel[k]].weight;
    if (fmt == FMT_JSON) {
        json_t *rels = json_array(), *net = json_object(), *m;
        root = json_object();
        if (!root || !rels || !net) {
            json_decref(rels);
            json_decref(net);
            goto oom;
        }
        json_object_set_new(root, "actors", json_pack("[ss]", g->actors[v].id, g->actors[w].id));
        json_object_set_new(root, "relations", rels);
        json_object_set_new(root, "net_tie", net);
        for (size_t k = lo; k < hi; k++)
            if (json_array_append_new(rels, cli_relation_json(g, &g->relations[B->pairs.rel[k]])))
                goto oom;
        json_object_set_new(net, "s", isnan(s) ? json_real(0) : json_real(s));
        json_object_set_new(net, "tie", json_string(isnan(s) ? "none" : s > 0 ? "positive"
                                                                              : "negative"));
        json_object_set_new(net, "sum_abs_weight", json_real(sum_abs));
        json_object_set_new(root, "cooperative",
                            found ? cli_cooperative_json(&B->pairs, &coop) : json_null());
        json_object_set_new(root, "signed",
                            n_chains ? cli_chain_json(&B->pairs, &chains[0]) : json_null());
        if (!(m = manifest_json(B, 1)))
            goto oom;
        json_object_set_new(root, "manifest", m);
        if (cli_print_json(stdout, root) != 0)
            goto oom;
    } else {
        cli_put_actor(stdout, g, v);
        fputs(" and ", stdout);
        cli_put_actor(stdout, g, w);
        cli_put_selection(stdout, g);
        printf("\n\nRelations between them (%zu):\n", hi - lo);
        if (hi == lo)
            fputs("  none\n", stdout);
        for (size_t k = lo; k < hi; k++) {
            const ag_relation *r = &g->relations[B->pairs.rel[k]];
            fputs("  ", stdout);
            cli_put_relation(stdout, g, r, 1);
            fputc('\n', stdout);
            put_evidence(stdout, g, r, "    ");
        }
        fputs("\nNet tie (the sum of sign x weight over their relations, each once):\n  ",
              stdout);
        if (hi == lo) {
            fputs("none: no relation\n", stdout);
        } else {
            for (size_t k = lo; k < hi; k++) {
                const ag_relation *r = &g->relations[B->pairs.rel[k]];
                printf("%s%.4g (%s)",
                       k == lo ? (r->sign > 0 ? "" : "-") : (r->sign > 0 ? " + " : " - "),
                       r->weight, r->type);
            }
            if (isnan(s))
                fputs(" = 0: no tie (the relations cancel out)\n", stdout);
            else
                printf(" = %+.4g: a %s tie\n", s, s > 0 ? "positive" : "negative");
        }
        printf("\nShortest cooperative path from %s to %s:\n", g->actors[v].id, g->actors[w].id);
        if (found)
            cli_print_cooperative(stdout, &B->pairs, &coop, "  ");
        else
            printf("  none: %s cannot reach %s along positive ties\n", g->actors[v].id,
                   g->actors[w].id);
        fputs("\nStrongest signed chain (up to 3 steps, by weakest link):\n", stdout);
        if (n_chains)
            cli_print_chain(stdout, &B->pairs, &chains[0], 0, "  ");
        else
            fputs("  none\n", stdout);
    }
    rc = AG_EXIT_OK;
    goto cleanup;
oom:
    fprintf(stderr, "actorgraph: out of memory\n");
    rc = AG_EXIT_INTERNAL;
cleanup:
    json_decref(root);
    free(ties);
    ag_chain_destroy(&coop);
    ag_chains_free(chains, n_chains);
    return rc;
}

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        CLI_INPUT_LONGOPTS, CLI_SELECT_LONGOPTS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ag_graph *g = NULL;
    cli_input in;
    brief B;
    int c, fmt = FMT_TEXT, rc, npos;
    long a, b = -1;
    const char *input = NULL, *other = NULL;

    memset(&B, 0, sizeof B);
    cli_select_init(&in);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "text") == 0)
                fmt = FMT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                fmt = FMT_JSON;
            else
                return cli_usage_error("explain", "unknown format '%s' (text, json)", optarg);
            break;
        default:
            if (cli_other_option(&in, c, "explain", usage, argv, &rc))
                return rc;
            break;
        }
    }
    npos = argc - optind;
    if (npos < 1)
        return cli_usage_error("explain", "needs an actor");
    if (npos > 3)
        return cli_usage_error("explain", "too many arguments: '%s'", argv[optind + 3]);
    if (npos == 3 ||
        (npos == 2 && (strcmp(argv[optind], "-") == 0 || access(argv[optind], F_OK) == 0)))
        input = argv[optind++];
    if (argc - optind == 2)
        other = argv[optind + 1];
    rc = cli_load_input(input, &in, &g);
    if (rc != AG_EXIT_OK)
        return rc;
    B.g = g;
    B.input = input ? input : cli_default_graph();
    rc = AG_EXIT_USAGE;
    if ((a = cli_find_actor(g, argv[optind], "explain")) < 0 ||
        (other && (b = cli_find_actor(g, other, "explain")) < 0))
        goto cleanup;
    if (a == b) {
        fprintf(stderr, "actorgraph: explain: ACTOR and OTHER are the same actor (%s)\n",
                g->actors[a].id);
        goto cleanup;
    }
    B.v = (size_t)a;
    if (cli_pairs_build(g, &B.pairs) != 0) {
        fprintf(stderr, "actorgraph: out of memory\n");
        rc = AG_EXIT_INTERNAL;
        goto cleanup;
    }
    rc = other ? explain_pair(&B, (size_t)b, fmt) : explain_actor(&B, fmt);
cleanup:
    cli_pairs_free(&B.pairs);
    free(B.rels);
    free(B.tie);
    free(B.leader);
    ag_partition_destroy(&B.part);
    ag_metrics_destroy(&B.m);
    ag_graph_free(g);
    return rc;
}

const ag_command ag_cmd_explain = {
    .name = "explain",
    .summary = "why an actor is where it is, or what lies between two actors",
    .usage = usage,
    .run = run,
};
