/* Fuzz target: render (DOT, SVG and Graphviz JSON, engine by size) of
 * every graph the JSON reader accepts; Graphviz JSON is also what the
 * dot-json export writes (ag_export calls ag_render for it). The options
 * come from a hash of the input, so one input always renders the same way:
 * colour by group, bloc or kind, legend on or off, node size scaled or not,
 * edge labels auto, all or none. The DOT bytes must not depend on whether
 * SVG was asked for too (the same graph and options give the same DOT). */
#include "fuzz.h"

static fuzz_file input;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init();
    fuzz_file_open(&input, "input.json");
    return 0;
}

static uint32_t fnv1a(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const ag_format all[3] = {AG_FMT_DOT, AG_FMT_SVG, AG_FMT_GV_JSON};
    ag_blob out[3] = {{NULL, 0}, {NULL, 0}, {NULL, 0}}, dot_only = {NULL, 0};
    ag_render_opts ro;
    ag_graph *g;
    ag_error err;
    ag_status st;
    size_t *bloc = NULL;
    double *weight = NULL;
    uint32_t h = fnv1a(data, size);

    fuzz_file_set(&input, data, size);
    g = fuzz_load(&input, AG_IN_JSON, NULL);
    if (!g)
        return 0;
    ag_render_opts_init(&ro);
    ro.color_by = (ag_color_by)(h % 3);
    ro.legend = (h >> 2) & 1;
    ro.edge_labels = (ag_edge_labels)((h >> 6) % 3);
    bloc = calloc(g->n_actors + 1, sizeof *bloc);
    weight = calloc(g->n_actors + 1, sizeof *weight);
    FUZZ_CHECK(bloc && weight, "out of memory");
    for (size_t i = 0; i < g->n_actors; i++) {
        bloc[i] = i % (1 + (h >> 3) % 4);
        weight[i] = (double)((i * 7 + h) % 11) / 10.0;
    }
    if (ro.color_by == AG_COLOR_BY_BLOC) {
        ro.bloc = bloc;
        ro.bloc_note = "fuzz blocs";
    }
    if ((h >> 5) & 1) {
        ro.size = weight;
        ro.size_label = "fuzz size";
    }

    ag_error_clear(&err);
    st = ag_render(g, &ro, all, 3, out, &err);
    FUZZ_CHECK(st == AG_OK, "render failed: %s: %s", ag_status_str(st), err.message);
    FUZZ_CHECK(out[0].len > 0 && out[1].len > 0 && out[2].len > 0, "empty output");
    st = ag_render(g, &ro, all, 1, &dot_only, &err);
    FUZZ_CHECK(st == AG_OK, "DOT render failed: %s: %s", ag_status_str(st), err.message);
    FUZZ_CHECK(dot_only.len == out[0].len && memcmp(dot_only.data, out[0].data, out[0].len) == 0,
               "DOT differs between two renders");

    ag_blob_free(&dot_only);
    ag_blob_free(&out[0]);
    ag_blob_free(&out[1]);
    ag_blob_free(&out[2]);
    free(bloc);
    free(weight);
    ag_graph_free(g);
    return 0;
}
