/* Fuzz target for one file reader and the checker behind it, through
 * ag_graph_load_ex() as `actorgraph validate --from FORMAT` runs them. The
 * build compiles it once per format, with FUZZ_FORMAT (AG_IN_CSV,
 * AG_IN_GRAPHML, AG_IN_GML, AG_IN_DOT) and FUZZ_EXT (".csv", ...). */
#include "fuzz.h"

static fuzz_file input;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init();
    fuzz_file_open(&input, "input" FUZZ_EXT);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_set(&input, data, size);
    ag_graph_free(fuzz_load(&input, FUZZ_FORMAT, NULL));
    return 0;
}
