/* Loading graphs in any input format: read once, convert to a version-1
 * document, check with the one checker. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "actorgraph/limits.h"
#include "actorgraph/load.h"
#include "formats/formats.h"

static const char *const in_names[] = {"auto", "json", "csv", "graphml", "gml", "dot"};

bool ag_input_format_parse(const char *s, ag_input_format *out)
{
    for (int i = 1; i < 6; i++)
        if (strcmp(s, in_names[i]) == 0) {
            *out = (ag_input_format)i;
            return true;
        }
    return false;
}

const char *ag_input_format_name(ag_input_format f)
{
    return (unsigned)f < 6 ? in_names[f] : "?";
}

ag_input_format ag_input_format_from_path(const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash))
        return AG_IN_JSON;
    dot++;
    if (strcmp(dot, "csv") == 0)
        return AG_IN_CSV;
    if (strcmp(dot, "graphml") == 0 || strcmp(dot, "xml") == 0)
        return AG_IN_GRAPHML;
    if (strcmp(dot, "gml") == 0)
        return AG_IN_GML;
    if (strcmp(dot, "dot") == 0 || strcmp(dot, "gv") == 0)
        return AG_IN_DOT;
    return AG_IN_JSON;
}

static char *file_stem(const char *path)
{
    const char *base = strrchr(path, '/'), *dot;
    size_t n;
    char *stem;
    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (n == 0)
        return strdup("graph");
    stem = malloc(n + 1);
    if (stem) {
        memcpy(stem, base, n);
        stem[n] = '\0';
    }
    return stem;
}

static void sha256_hex(const char *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, (const uint8_t *)data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

ag_status ag_graph_load_ex(const char *path, const ag_load_opts *opts, ag_graph **out,
                           ag_diags *diags, ag_error *err)
{
    const char *display = strcmp(path, "-") == 0 ? "<stdin>" : path;
    ag_input_format fmt = opts && opts->format != AG_IN_AUTO ? opts->format
                                                             : ag_input_format_from_path(path);
    char *data = NULL, *actors = NULL, *stem = NULL;
    size_t len = 0, actors_len = 0;
    json_t *doc = NULL;
    ag_srcmap *map = NULL;
    size_t errors_at_start = diags->errors, first_diag = diags->count;
    ag_status st;

    *out = NULL;
    stem = strcmp(path, "-") == 0 ? strdup("stdin") : file_stem(path);
    if (!stem) {
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((st = ag_read_input(path, display, &data, &len, err)) != AG_OK)
        goto cleanup;
    if (opts && opts->actors_csv &&
        (st = ag_read_input(opts->actors_csv, opts->actors_csv, &actors, &actors_len, err)) !=
            AG_OK)
        goto cleanup;

    if (fmt == AG_IN_JSON) {
        st = ag__graph_parse_json(data, len, display, opts, out, diags, err);
    } else {
        map = ag_srcmap_new();
        if (!map) {
            st = ag_error_set(err, AG_ENOMEM, "out of memory");
            goto cleanup;
        }
        switch (fmt) {
        case AG_IN_CSV:
            st = ag__csv_document(data, len, display, actors, actors_len,
                                  opts ? opts->actors_csv : NULL, stem, &doc, map, diags, err);
            break;
        case AG_IN_GRAPHML:
            st = ag__graphml_document(data, len, display, stem, &doc, map, diags, err);
            break;
        case AG_IN_GML:
            st = ag__gml_document(data, len, display, stem, &doc, map, diags, err);
            break;
        default:
            st = ag__dot_document(data, len, display, stem, &doc, map, diags, err);
            break;
        }
        if (st == AG_EPARSE)
            ag__diags_mark_skipped(diags, first_diag);
        if (st == AG_OK) {
            st = ag__graph_from_document(doc, display, map, NULL, 0, opts, out, diags, err);
            /* the importer may have left out values it could not read */
            if (st == AG_OK && diags->errors > errors_at_start) {
                ag_graph_free(*out);
                *out = NULL;
                st = AG_EINVALID;
            }
        }
        if (st != AG_OK && err && diags->errors)
            for (size_t k = 0; k < diags->count; k++)
                if (diags->items[k].severity == AG_SEV_ERROR) {
                    *err = diags->items[k];
                    break;
                }
    }
    if (st != AG_OK)
        goto cleanup;
    sha256_hex(data, len, (*out)->sha256);
    free((*out)->name);
    (*out)->name = stem;
    stem = NULL;
cleanup:
    if (ag_diags_summarize(diags, display) != AG_OK && st == AG_OK) {
        ag_graph_free(*out);
        *out = NULL;
        st = ag_error_set(err, AG_ENOMEM, "out of memory");
    }
    json_decref(doc);
    ag_srcmap_free(map);
    free(stem);
    free(data);
    free(actors);
    return st;
}

ag_status ag_graph_load(const char *path, ag_graph **out, ag_diags *diags, ag_error *err)
{
    return ag_graph_load_ex(path, NULL, out, diags, err);
}

ag_status ag_read_input(const char *path, const char *display, char **data, size_t *len,
                        ag_error *err)
{
    FILE *f = NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    ag_status st = AG_OK;
    int is_stdin = strcmp(path, "-") == 0;

    *data = NULL;
    *len = 0;
    if (err)
        snprintf(err->file, sizeof err->file, "%s", display);
    f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        st = ag_error_set(err, AG_EIO, "cannot open: %s", strerror(errno));
        goto cleanup;
    }
    for (;;) {
        size_t got;
        if (cap - n < 65536) {
            size_t ncap = cap ? cap * 2 : 65536 + 1;
            /* room for one read past the limit, to see it is passed */
            if (ncap > (size_t)AG_MAX_INPUT_BYTES + 65536 + 2)
                ncap = (size_t)AG_MAX_INPUT_BYTES + 65536 + 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                st = ag_error_set(err, AG_ENOMEM, "out of memory");
                goto cleanup;
            }
            buf = nb;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n > AG_MAX_INPUT_BYTES) {
            st = ag_error_set(err, AG_EINVALID, "input too large: more than %u MiB (the limit)",
                              (unsigned)(AG_MAX_INPUT_BYTES >> 20));
            goto cleanup;
        }
    }
    if (ferror(f)) {
        st = ag_error_set(err, AG_EIO, "cannot read: %s", strerror(errno));
        goto cleanup;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    buf = NULL;
cleanup:
    if (f && !is_stdin)
        fclose(f);
    free(buf);
    return st;
}

