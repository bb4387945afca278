/* Fuzz target: the CSV reader with an actors file (`actorgraph validate
 * --from csv RELATIONS --actors ACTORS`). The input is the actors file, a
 * NUL byte, then the relations file; without a NUL byte it is all actors
 * file and the relations file is empty. */
#include "fuzz.h"

static fuzz_file relations, actors;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init();
    fuzz_file_open(&relations, "relations.csv");
    fuzz_file_open(&actors, "actors.csv");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, '\0', size);
    size_t n_actors = nul ? (size_t)(nul - data) : size;

    fuzz_file_set(&actors, data, n_actors);
    fuzz_file_set(&relations, data + n_actors + (nul ? 1 : 0),
                  size - n_actors - (nul ? 1 : 0));
    ag_graph_free(fuzz_load(&relations, AG_IN_CSV, &actors));
    return 0;
}
