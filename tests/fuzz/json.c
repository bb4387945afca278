/* Fuzz target: actorgraph's JSON reader and the checker, through
 * ag_graph_load_ex() as `actorgraph validate` runs them, and through
 * ag_graph_parse_json() on a buffer of exactly the input's length (no NUL
 * after it): both must come to the same verdict. */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ag_graph *loaded, *parsed = NULL;
    char *copy = malloc(size ? size : 1);
    ag_diags diags;
    ag_error err;
    ag_status st;

    FUZZ_CHECK(copy != NULL, "out of memory");
    memcpy(copy, data, size);
    fuzz_file_set(&input, data, size);
    loaded = fuzz_load(&input, AG_IN_JSON, NULL);

    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_graph_parse_json(copy, size, "input.json", &parsed, &diags, &err);
    fuzz_check_load(st, parsed, &diags, &err);
    FUZZ_CHECK((loaded != NULL) == (parsed != NULL), "load and parse disagree: %s",
               ag_status_str(st));
    ag_diags_destroy(&diags);
    ag_graph_free(parsed);
    ag_graph_free(loaded);
    free(copy);
    return 0;
}
