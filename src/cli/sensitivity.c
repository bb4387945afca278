/* report/clusters --sensitivity output: the relations whose removal
 * changes the top actors of a metric or the blocs, flagged when they are
 * speculative or rest on at most one piece of evidence. */
#include "sensitivity.h"

#include <stdlib.h>
#include <string.h>

#include "actorgraph/analyze.h"
#include "actorgraph/vocab.h"
#include "cli.h"
#include "table.h"

int cli_sensitivity_flags(const ag_relation *r, const char *out[2])
{
    int k = 0;
    if (r->confidence == AG_CONF_SPECULATIVE)
        out[k++] = "speculative";
    if (r->n_evidence == 0)
        out[k++] = "no evidence";
    else if (r->n_evidence == 1)
        out[k++] = "one piece of evidence";
    return k;
}

int cli_sensitivity_moved(size_t n, const size_t *before, size_t n_before, const size_t *after,
                          size_t n_after, unsigned char *moved)
{
    size_t next = n_before, *ident = malloc((n_after + 1) * sizeof *ident);
    ag_error err;
    if (!ident)
        return -1;
    if (ag_bloc_match(n, before, after, n_after, &next, ident, &err) != AG_OK) {
        free(ident);
        return -1;
    }
    for (size_t v = 0; v < n; v++)
        moved[v] = ident[after[v]] != before[v];
    free(ident);
    return 0;
}

/* Whether actor a is among the first k of list. */
static int in_top(const size_t *list, size_t k, size_t a)
{
    for (size_t i = 0; i < k; i++)
        if (list[i] == a)
            return 1;
    return 0;
}

void cli_sensitivity_put_diff(FILE *out, const ag_graph *g, const size_t *x, const size_t *y,
                              size_t k, void (*put)(FILE *, const char *))
{
    int first = 1;
    for (size_t i = 0; i < k; i++)
        if (x[i] != AG_NO_BLOC && !in_top(y, k, x[i])) {
            fputs(first ? "" : ", ", out);
            put(out, g->actors[x[i]].name);
            first = 0;
        }
    if (first)
        fputs("none", out);
}

static void put_relation(FILE *out, const ag_graph *g, const ag_relation *r)
{
    cli_put_escaped(out, r->id);
    fputc(' ', out);
    cli_put_escaped(out, g->actors[r->source].name);
    fputs(r->mutual ? " <-> " : " -> ", out);
    cli_put_escaped(out, g->actors[r->target].name);
    fputc(' ', out);
    cli_put_escaped(out, r->type);
    fprintf(out, " (%+.2f, %s, %zu evidence)", r->sign * r->weight,
            ag_confidence_name(r->confidence), r->n_evidence);
}

size_t cli_sensitivity_flagged(const ag_graph *g, const ag_sensitivity *s)
{
    size_t k = 0;
    const char *f[2];
    for (size_t i = 0; i < s->n_items; i++)
        k += cli_sensitivity_flags(&g->relations[s->items[i].relation], f) > 0;
    return k;
}

static int print_text(FILE *out, const ag_graph *g, const ag_sensitivity *s,
                      const ag_sensitivity_opts *o, int md)
{
    size_t k = s->k < s->n ? s->k : s->n;
    unsigned char *moved = calloc(s->n + 1, 1);
    const char *li = md ? "- " : "  ", *sub = md ? "  - " : "      ";
    if (!moved)
        return -1;
    fputs(md ? "## " : "", out);
    cli_put_escaped(out, g->title ? g->title : g->name);
    cli_put_selection(out, g);
    fputs("\n\n", out);
    fprintf(out, "Sensitivity: each of the %zu relations removed in turn; compared:", s->checked);
    if (o->metrics) {
        fprintf(out, " the top %zu actors by", s->k);
        for (int m = 0, first = 1; m < AG_METRIC_COUNT; m++)
            if (o->metrics & (1u << m)) {
                fprintf(out, "%s%s", first ? " " : ", ", ag_metric_name((ag_metric)m));
                first = 0;
            }
        fprintf(out, " (%s ties)%s", ag_ties_name(o->ties), o->blocs ? " and" : "");
    }
    if (o->blocs)
        fprintf(out, " the blocs (%s, seed %lu: %zu)", ag_cluster_method_name(o->cluster.method),
                o->cluster.seed, s->n_blocs);
    fprintf(out, ".\n%zu relation%s change%s a conclusion; %zu of them speculative or on at most "
                 "one piece of evidence (marked !).\n",
            s->n_items, s->n_items == 1 ? "" : "s", s->n_items == 1 ? "s" : "", cli_sensitivity_flagged(g, s));
    if (s->n_items)
        fputc('\n', out);
    for (size_t i = 0; i < s->n_items; i++) {
        const ag_sensitivity_item *it = &s->items[i];
        const ag_relation *r = &g->relations[it->relation];
        const char *f[2];
        int nf = cli_sensitivity_flags(r, f);
        fputs(md ? "- " : nf ? "! " : li, out);
        if (md && nf)
            fputs("**!** ", out);
        put_relation(out, g, r);
        for (int j = 0; j < nf; j++)
            fprintf(out, "%s%s", j ? ", " : "; ", f[j]);
        fputc('\n', out);
        for (int m = 0; m < AG_METRIC_COUNT; m++) {
            const size_t *x, *y;
            if (!(it->metrics & (1u << m)))
                continue;
            x = s->top + (size_t)m * s->k;
            y = it->top + (size_t)m * s->k;
            fprintf(out, "%stop %zu of %s: out ", sub, s->k, ag_metric_name((ag_metric)m));
            cli_sensitivity_put_diff(out, g, x, y, k, cli_put_escaped);
            fputs("; in ", out);
            cli_sensitivity_put_diff(out, g, y, x, k, cli_put_escaped);
            fputc('\n', out);
        }
        if (it->bloc) {
            int first = 1;
            if (cli_sensitivity_moved(s->n, s->bloc, s->n_blocs, it->bloc, it->n_blocs, moved) != 0) {
                free(moved);
                return -1;
            }
            fprintf(out, "%sblocs: %zu -> %zu; moved: ", sub, s->n_blocs, it->n_blocs);
            for (size_t v = 0; v < s->n; v++)
                if (moved[v]) {
                    fputs(first ? "" : ", ", out);
                    cli_put_escaped(out, g->actors[v].name);
                    first = 0;
                }
            fputc('\n', out);
        }
    }
    free(moved);
    return 0;
}

static void print_csv(FILE *out, const ag_graph *g, const ag_sensitivity *s)
{
    fputs("relation,source,target,type,sign,weight,confidence,evidence,flags,changes\n", out);
    for (size_t i = 0; i < s->n_items; i++) {
        const ag_sensitivity_item *it = &s->items[i];
        const ag_relation *r = &g->relations[it->relation];
        const char *f[2];
        int nf = cli_sensitivity_flags(r, f), first = 1;
        cli_put_csv_field(out, r->id);
        fputc(',', out);
        cli_put_csv_field(out, g->actors[r->source].id);
        fputc(',', out);
        cli_put_csv_field(out, g->actors[r->target].id);
        fputc(',', out);
        cli_put_csv_field(out, r->type);
        fprintf(out, ",%d,%.12g,%s,%zu,", r->sign, r->weight, ag_confidence_name(r->confidence),
                r->n_evidence);
        for (int j = 0; j < nf; j++)
            fprintf(out, "%s%s", j ? ";" : "", f[j]);
        fputc(',', out);
        for (int m = 0; m < AG_METRIC_COUNT; m++)
            if (it->metrics & (1u << m)) {
                fprintf(out, "%s%s", first ? "" : ";", ag_metric_name((ag_metric)m));
                first = 0;
            }
        if (it->bloc)
            fprintf(out, "%sblocs", first ? "" : ";");
        fputc('\n', out);
    }
}

static json_t *ids(const ag_graph *g, const size_t *list, size_t k)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < k; i++)
        if (list[i] != AG_NO_BLOC)
            json_array_append_new(a, json_string(g->actors[list[i]].id));
    return a;
}

static int print_json(FILE *out, const ag_graph *g, const ag_sensitivity *s,
                      const ag_sensitivity_opts *o, const char *command, const char *input)
{
    json_t *root = json_object(), *sens = json_object(), *changes = json_array(),
           *man = json_object(), *opts = json_object(), *compared = json_array();
    unsigned char *moved = calloc(s->n + 1, 1);
    size_t k = s->k < s->n ? s->k : s->n;
    int rc = -1;
    if (!root || !sens || !changes || !man || !opts || !compared || !moved)
        goto cleanup;
    for (int m = 0; o->metrics && m < AG_METRIC_COUNT; m++)
        if (!(s->skipped & (1u << m)))
            json_array_append_new(compared, json_string(ag_metric_name((ag_metric)m)));
    for (size_t i = 0; i < s->n_items; i++) {
        const ag_sensitivity_item *it = &s->items[i];
        const ag_relation *r = &g->relations[it->relation];
        const char *f[2];
        int nf = cli_sensitivity_flags(r, f);
        json_t *c = json_object(), *fl = json_array(), *mets = json_object();
        if (!c || !fl || !mets || json_array_append_new(changes, c) != 0) {
            json_decref(fl);
            json_decref(mets);
            goto cleanup;
        }
        json_object_set_new(c, "relation", json_string(r->id));
        json_object_set_new(c, "source", json_string(g->actors[r->source].id));
        json_object_set_new(c, "target", json_string(g->actors[r->target].id));
        json_object_set_new(c, "type", json_string(r->type));
        json_object_set_new(c, "sign", json_integer(r->sign));
        json_object_set_new(c, "weight", json_real(r->weight));
        json_object_set_new(c, "mutual", json_boolean(r->mutual));
        json_object_set_new(c, "confidence", json_string(ag_confidence_name(r->confidence)));
        json_object_set_new(c, "evidence", json_integer((json_int_t)r->n_evidence));
        for (int j = 0; j < nf; j++)
            json_array_append_new(fl, json_string(f[j]));
        json_object_set_new(c, "flags", fl);
        for (int m = 0; m < AG_METRIC_COUNT; m++)
            if (it->metrics & (1u << m)) {
                json_t *d = json_object();
                json_object_set_new(d, "before", ids(g, s->top + (size_t)m * s->k, k));
                json_object_set_new(d, "after", ids(g, it->top + (size_t)m * s->k, k));
                json_object_set_new(mets, ag_metric_name((ag_metric)m), d);
            }
        json_object_set_new(c, "metrics", mets);
        if (it->bloc) {
            json_t *b = json_object(), *mv = json_array();
            if (cli_sensitivity_moved(s->n, s->bloc, s->n_blocs, it->bloc, it->n_blocs, moved) != 0) {
                json_decref(b);
                json_decref(mv);
                goto cleanup;
            }
            for (size_t v = 0; v < s->n; v++)
                if (moved[v])
                    json_array_append_new(mv, json_string(g->actors[v].id));
            json_object_set_new(b, "before", json_integer((json_int_t)s->n_blocs));
            json_object_set_new(b, "after", json_integer((json_int_t)it->n_blocs));
            json_object_set_new(b, "moved", mv);
            json_object_set_new(c, "blocs", b);
        } else {
            json_object_set_new(c, "blocs", json_null());
        }
    }
    json_object_set_new(sens, "relations", json_integer((json_int_t)s->checked));
    json_object_set_new(sens, "top", json_integer((json_int_t)s->k));
    json_object_set_new(sens, "metrics", compared);
    compared = NULL;
    json_object_set_new(sens, "blocs", o->blocs ? json_integer((json_int_t)s->n_blocs)
                                                : json_null());
    json_object_set_new(sens, "flagged", json_integer((json_int_t)cli_sensitivity_flagged(g, s)));
    json_object_set_new(sens, "changes", changes);
    changes = NULL;
    json_object_set_new(root, "sensitivity", sens);
    sens = NULL;
    if (o->metrics)
        json_object_set_new(opts, "ties", json_string(ag_ties_name(o->ties)));
    if (o->blocs) {
        json_object_set_new(opts, "method", json_string(ag_cluster_method_name(o->cluster.method)));
        json_object_set_new(opts, "runs", json_integer(o->cluster.runs));
    }
    json_object_set_new(opts, "top", json_integer((json_int_t)s->k));
    json_object_set_new(opts, "sensitivity", json_true());
    cli_manifest_start(man, input, g, command, opts);
    opts = NULL;
    if (cli_manifest_selection(man, g) != 0)
        goto cleanup;
    json_object_set_new(man, "seed", o->blocs ? json_integer((json_int_t)o->cluster.seed)
                                              : json_null());
    json_object_set_new(man, "actorgraph", json_string(ag_version()));
    json_object_set_new(root, "manifest", man);
    man = NULL;
    if (cli_print_json(out, root) == 0)
        rc = 0;
cleanup:
    json_decref(root);
    json_decref(sens);
    json_decref(changes);
    json_decref(man);
    json_decref(opts);
    json_decref(compared);
    free(moved);
    return rc;
}

int cli_sens_format_parse(const char *name, int *fmt)
{
    if (strcmp(name, "table") == 0)
        *fmt = CLI_SENS_TABLE;
    else if (strcmp(name, "csv") == 0)
        *fmt = CLI_SENS_CSV;
    else if (strcmp(name, "json") == 0)
        *fmt = CLI_SENS_JSON;
    else if (strcmp(name, "md") == 0)
        *fmt = CLI_SENS_MD;
    else
        return 0;
    return 1;
}

int cli_print_sensitivity(FILE *out, const ag_graph *g, const ag_sensitivity *s,
                          const ag_sensitivity_opts *o, int fmt, const char *command,
                          const char *input)
{
    switch (fmt) {
    case CLI_SENS_CSV: print_csv(out, g, s); return 0;
    case CLI_SENS_JSON: return print_json(out, g, s, o, command, input);
    case CLI_SENS_MD: return print_text(out, g, s, o, 1);
    default: return print_text(out, g, s, o, 0);
    }
}
