/* Fuzz target: the DOT (cgraph) reader and the checker behind it, through
 * ag_graph_load_ex() as `actorgraph validate --from dot` runs them. */
#include "fuzz.h"

static fuzz_file input;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init();
    fuzz_file_open(&input, "input.dot");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_set(&input, data, size);
    ag_graph_free(fuzz_load(&input, AG_IN_DOT, NULL));
    return 0;
}
