/* Fuzz target: every export writer on every graph the JSON reader accepts,
 * with or without metrics, blocs and positions (made up from the input's
 * hash, so one input always exports the same way). dot-json is Graphviz's
 * output through ag_render, fuzzed by the render target, so this target
 * stays free of layouts (fast, and clear of Graphviz's own defects). What export writes, the
 * readers must take back: the json export parses to a graph whose json
 * export is the same bytes, and the gml export loads as GML. */
#include "fuzz.h"

static fuzz_file input, again;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init();
    fuzz_file_open(&input, "input.json");
    fuzz_file_open(&again, "export");
    return 0;
}

static uint32_t fnv1a(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

/* The export of the json export's graph is the json export itself. */
static void check_json_fixed_point(const ag_blob *b, const ag_export_opts *xo)
{
    ag_graph *g2;
    ag_blob b2 = {NULL, 0};
    ag_error err;
    ag_status st;

    fuzz_file_set(&again, (const uint8_t *)b->data, b->len);
    g2 = fuzz_load(&again, AG_IN_JSON, NULL);
    FUZZ_CHECK(g2 != NULL, "the json export does not load:\n%s", b->data);
    ag_error_clear(&err);
    st = ag_export(g2, xo, &b2, &err);
    FUZZ_CHECK(st == AG_OK, "export of the reloaded graph failed: %s", err.message);
    FUZZ_CHECK(b2.len == b->len && memcmp(b2.data, b->data, b->len) == 0,
               "json export changes when loaded and exported again");
    ag_blob_free(&b2);
    ag_graph_free(g2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ag_export_opts xo;
    ag_render_opts ro;
    ag_metrics metrics;
    ag_partition part;
    ag_graph *g;
    double *x = NULL, *y = NULL;
    uint32_t h = fnv1a(data, size);

    fuzz_file_set(&input, data, size);
    g = fuzz_load(&input, AG_IN_JSON, NULL);
    if (!g)
        return 0;

    memset(&metrics, 0, sizeof metrics);
    memset(&part, 0, sizeof part);
    x = calloc(g->n_actors + 1, sizeof *x);
    y = calloc(g->n_actors + 1, sizeof *y);
    part.bloc = calloc(g->n_actors + 1, sizeof *part.bloc);
    FUZZ_CHECK(x && y && part.bloc, "out of memory");
    metrics.n = part.n = g->n_actors;
    for (int m = 0; m < AG_METRIC_COUNT; m++) {
        metrics.v[m] = calloc(g->n_actors + 1, sizeof *metrics.v[m]);
        FUZZ_CHECK(metrics.v[m] != NULL, "out of memory");
        for (size_t i = 0; i < g->n_actors; i++)
            metrics.v[m][i] = ag_metric_is_count((ag_metric)m) ? (double)(i % 5)
                                                              : (double)(i + m) / 7.0;
    }
    for (size_t i = 0; i < g->n_actors; i++) {
        part.bloc[i] = i % 3;
        x[i] = 36.0 * (double)i + 0.5;
        y[i] = -18.25 * (double)(i % 4);
    }
    part.n_blocs = g->n_actors < 3 ? g->n_actors : 3;
    part.modularity = 0.25;
    part.seed = 1;

    ag_render_opts_init(&ro);
    ro.legend = (h >> 3) & 1;
    for (int f = 0; f < AG_EXPORT_COUNT; f++) {
        ag_blob b = {NULL, 0};
        ag_error err;
        ag_status st;

        if (f == AG_EXPORT_DOT_JSON)
            continue;
        ag_export_opts_init(&xo);
        xo.format = (ag_export_format)f;
        xo.links_key = (h & 1) ? "edges" : "links";
        xo.render = &ro;
        if ((h >> 1) & 1) {
            xo.metrics = &metrics;
            xo.partition = &part;
        }
        if ((h >> 2) & 1) {
            xo.x = x;
            xo.y = y;
        }
        ag_error_clear(&err);
        st = ag_export(g, &xo, &b, &err);
        FUZZ_CHECK(st == AG_OK, "export %s failed: %s: %s", ag_export_format_name(xo.format),
                   ag_status_str(st), err.message);
        FUZZ_CHECK(b.data && b.len > 0 && strlen(b.data) == b.len,
                   "export %s: empty or with a NUL byte", ag_export_format_name(xo.format));
        if (xo.format == AG_EXPORT_JSON) {
            check_json_fixed_point(&b, &xo);
        } else if (xo.format == AG_EXPORT_GML) {
            ag_graph *g2;
            fuzz_file_set(&again, (const uint8_t *)b.data, b.len);
            g2 = fuzz_load(&again, AG_IN_GML, NULL);
            FUZZ_CHECK(g2 != NULL, "the gml export does not load:\n%s", b.data);
            ag_graph_free(g2);
        }
        ag_blob_free(&b);
    }

    for (int m = 0; m < AG_METRIC_COUNT; m++)
        free(metrics.v[m]);
    free(part.bloc);
    free(x);
    free(y);
    ag_graph_free(g);
    return 0;
}
