/* Dyads to a graph (docs/events.md): the one function both routes of
 * `actorgraph events` end in, so that the same dyads give the same graph
 * byte for byte. The graph is built as a version-1 document and goes
 * through the one checker, like every other input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "actorgraph/events.h"
#include "actorgraph/limits.h"
#include "core/strmap.h"
#include "core/text.h"
#include "formats/formats.h"

/* The plural ending for a count. */
#define PL(n) ((n) == 1 ? "" : "s")

/* The plural ending for a count. */
#define PL(n) ((n) == 1 ? "" : "s")

/* s as valid UTF-8: each byte that does not belong to a valid sequence
 * written as %XX (as URLs escape bytes); NULL when out of memory. The
 * caller frees it. */
static char *clean_utf8(const char *s)
{
    size_t n = strlen(s), k = 0;
    char *out = malloc(3 * n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t q = ag__utf8_seq((const unsigned char *)s + i, n - i);
        if (q == 0) {
            snprintf(out + k, 4, "%%%02X", (unsigned char)s[i]);
            k += 3;
            i++;
        } else {
            memcpy(out + k, s + i, q);
            k += q;
            i += q;
        }
    }
    out[k] = '\0';
    return out;
}

/* json_string of s, any invalid UTF-8 escaped (clean_utf8). */
static json_t *json_text(const char *s)
{
    json_t *v;
    char *c;
    if (ag__utf8_valid(s, strlen(s)))
        return json_string(s);
    if (!(c = clean_utf8(s)))
        return NULL;
    v = json_string(c);
    free(c);
    return v;
}

static int cmp_dyad(const void *x, const void *y)
{
    const ag_ev_dyad *a = *(const ag_ev_dyad *const *)x, *b = *(const ag_ev_dyad *const *)y;
    int c = strcmp(a->source, b->source);
    if (!c)
        c = strcmp(a->target, b->target);
    if (!c)
        c = strcmp(a->group, b->group);
    if (!c)
        c = strcmp(a->start, b->start);
    return c;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* A real rounded to 2 decimals, "0.00" rather than "-0.00". */
static void fmt2(char *buf, size_t size, double v)
{
    double r = round(v * 100.0) / 100.0;
    if (r == 0)
        r = 0;
    snprintf(buf, size, "%.2f", r);
}

static const char *confidence_of(long long sources)
{
    return sources >= 10 ? "confirmed" : sources >= 3 ? "reported" : "speculative";
}

ag_status ag_events_build(ag_events *e, const ag_ev_dyad *d, size_t n, const ag_ev_opts *o,
                          const ag_ev_provenance *p, ag_graph **out, ag_ev_summary *sum,
                          ag_error *err)
{
    const ag_ev_dyad **keep = NULL;
    size_t n_keep = 0, n_act = 0, n_url = 0;
    const char **act = NULL;
    ag_strmap *seen = NULL, *urls = NULL;
    json_t *root = NULL, *sources, *actors, *rels, *src;
    long long maxev = 0;
    ag_diags diags;
    ag_status st;
    int bad = 0;
    char *title = NULL;
    size_t tlen = 0;

    *out = NULL;
    ag_diags_init(&diags);
    keep = malloc((n ? n : 1) * sizeof *keep);
    act = malloc((2 * n + 1) * sizeof *act);
    seen = ag_strmap_new(64);
    urls = ag_strmap_new(64);
    root = json_object();
    sources = json_array();
    actors = json_array();
    rels = json_array();
    if (!keep || !act || !seen || !urls || !root || !sources || !actors || !rels) {
        json_decref(sources);
        json_decref(actors);
        json_decref(rels);
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    ag__json_put(root, "actorgraph", json_integer(1), &bad);
    ag__json_put(root, "title", json_text(p->title), &bad);
    ag__json_put(root, "sources", sources, &bad);
    ag__json_put(root, "actors", actors, &bad);
    ag__json_put(root, "relations", rels, &bad);

    /* which dyads become relations */
    for (size_t i = 0; i < n; i++) {
        if (d[i].events < o->min_events) {
            if (sum)
                sum->thin++;
        } else if (d[i].g10_sum == 0) {
            if (sum)
                sum->neutral_dyads++;
        } else {
            keep[n_keep++] = &d[i];
            if (d[i].events > maxev)
                maxev = d[i].events;
        }
    }
    if (n_keep > AG_MAX_RELATIONS) {
        st = ag_error_set(err, AG_EINVALID,
                          "%zu relations, more than the limit of %u: use a longer --period "
                          "or a higher --min-events",
                          n_keep, (unsigned)AG_MAX_RELATIONS);
        goto cleanup;
    }
    qsort(keep, n_keep, sizeof *keep, cmp_dyad);

    /* the dataset's source: the dataset and the files */
    /* the files by name, up to about 4,000 bytes (the manifest lists all) */
    for (size_t f = 0; f < p->n_files; f++)
        tlen += strlen(p->files[f]) + 2;
    if (!(title = malloc(strlen(p->dataset) + tlen + 64))) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    strcpy(title, p->dataset);
    tlen = strlen(title);
    for (size_t f = 0; f < p->n_files; f++) {
        if (tlen > 4000) {
            sprintf(title + tlen, " and %zu more files", p->n_files - f);
            break;
        }
        tlen += (size_t)sprintf(title + tlen, "%s%s", f ? ", " : ": ", p->files[f]);
    }
    src = json_object();
    ag__json_put(src, "id", json_string("events"), &bad);
    ag__json_put(src, "title", json_text(title), &bad);
    if (p->author)
        ag__json_put(src, "author", json_string(p->author), &bad);
    if (p->url)
        ag__json_put(src, "url", json_string(p->url), &bad);
    if (!src || json_array_append_new(sources, src) != 0)
        bad = 1;

    for (size_t k = 0; k < n_keep && !bad; k++) {
        const ag_ev_dyad *y = keep[k];
        json_t *r = json_object(), *ev = json_array(), *item = json_object();
        double w = (double)llabs(y->g10_sum) / (100.0 * (double)y->events);
        char note[512], tone[32], gold[32], id[32];
        const char *label = ag__ev_group_label(y->group);
        if (!r || json_array_append_new(rels, r) != 0 || !ev || !item) {
            json_decref(ev);
            json_decref(item);
            bad = 1;
            break;
        }
        for (int s = 0; s < 2; s++) {
            const char *a = s ? y->target : y->source;
            if (ag_strmap_put(seen, a, n_act, NULL) == 1)
                act[n_act++] = a;
        }
        if (w > 1)
            w = 1;
        if (o->weight == AG_EV_WEIGHT_VOLUME && maxev > 0)
            w *= log1p((double)y->events) / log1p((double)maxev);
        if (w < AG_MIN_WEIGHT)
            w = AG_MIN_WEIGHT;
        ag__json_put(r, "source", json_string(y->source), &bad);
        ag__json_put(r, "target", json_string(y->target), &bad);
        ag__json_put(r, "type", json_string(y->group), &bad);
        ag__json_put(r, "sign", json_integer(y->g10_sum > 0 ? 1 : -1), &bad);
        ag__json_put(r, "weight", json_real(w), &bad);
        ag__json_put(r, "mutual", json_false(), &bad);
        ag__json_put(r, "confidence", json_string(confidence_of(y->sources)), &bad);
        ag__json_put(r, "start", json_string(y->start), &bad);
        ag__json_put(r, "end", json_string(y->end), &bad);
        if (label)
            ag__json_put(r, "label", json_string(label), &bad);
        fmt2(gold, sizeof gold, (double)y->g10_sum / (10.0 * (double)y->events));
        snprintf(note, sizeof note, "%lld event%s, %lld mention%s, %lld source%s, %lld article%s; "
                 "mean Goldstein %s", y->events, PL(y->events), y->mentions, PL(y->mentions),
                 y->sources, PL(y->sources), y->articles, PL(y->articles), gold);
        if (y->has_tone) {
            size_t used = strlen(note);
            fmt2(tone, sizeof tone, y->tone_sum / (double)y->events);
            snprintf(note + used, sizeof note - used, ", mean tone %s", tone);
        }
        ag__json_put(item, "source", json_string("events"), &bad);
        ag__json_put(item, "note", json_string(note), &bad);
        if (json_array_append_new(ev, item) != 0)
            bad = 1;
        for (int u = 0; u < 3; u++) {
            const char *url = y->url[u];
            size_t at;
            int dup = 0;
            if (!url)
                continue;
            for (int v = 0; v < u; v++)
                if (y->url[v] && strcmp(y->url[v], url) == 0)
                    dup = 1;
            if (dup)
                continue;
            if (!ag_strmap_get(urls, url, &at)) {
                json_t *s = json_object();
                at = n_url++;
                if (ag_strmap_put(urls, url, at, NULL) < 0 || !s ||
                    json_array_append_new(sources, s) != 0) {
                    bad = 1;
                    break;
                }
                snprintf(id, sizeof id, "u%zu", at + 1);
                ag__json_put(s, "id", json_string(id), &bad);
                ag__json_put(s, "title", json_text(url), &bad);
                ag__json_put(s, "url", json_text(url), &bad);
            }
            snprintf(id, sizeof id, "u%zu", at + 1);
            item = json_object();
            if (!item || json_array_append_new(ev, item) != 0) {
                bad = 1;
                break;
            }
            ag__json_put(item, "source", json_string(id), &bad);
        }
        ag__json_put(r, "evidence", ev, &bad);
    }
    if (bad) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }

    /* actors by id, named from iso-codes */
    qsort(act, n_act, sizeof *act, cmp_str);
    for (size_t i = 0; i < n_act && !bad; i++) {
        json_t *a = json_object();
        const char *name = ag__ev_actor_name(e, act[i]);
        if (!a || json_array_append_new(actors, a) != 0) {
            bad = 1;
            break;
        }
        ag__json_put(a, "id", json_string(act[i]), &bad);
        if (name)
            ag__json_put(a, "name", json_string(name), &bad);
        ag__json_put(a, "kind", json_string(name ? "state" : "other"), &bad);
    }
    if (bad) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    st = ag__graph_from_document(root, p->title, NULL, NULL, 0, NULL, out, &diags, err);
    if (st == AG_OK && sum)
        sum->relations = n_keep;
cleanup:
    ag_diags_destroy(&diags);
    json_decref(root);
    ag_strmap_free(seen);
    ag_strmap_free(urls);
    free(keep);
    free(act);
    free(title);
    return st;
}
