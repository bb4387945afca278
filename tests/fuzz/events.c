/* Fuzz target for `actorgraph events`: the event-file reader (plain, gzip
 * or zip, each layout recognised from the first line), the dyad table and
 * the builder that turns dyads into a checked graph. The input's first byte
 * chooses the options (--by, --period, --actors, --strict); the rest is the
 * file, written to an in-memory file the library opens by path as the CLI's
 * files are. */
#include "fuzz.h"

static fuzz_file input;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ag_init();
    fuzz_file_open(&input, "input.events");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ag_ev_opts o;
    ag_events *ev = NULL;
    ag_graph *g = NULL;
    ag_diags diags;
    ag_error err;
    ag_status st;
    ag_ev_format fmt;
    char sha[65];
    const ag_ev_dyad *dy;
    size_t n = 0;
    const char *files[] = {"input.events"};
    ag_ev_provenance prov = {"fuzz", "Events", NULL, NULL, files, 1};

    if (size == 0)
        return 0;
    ag_ev_opts_init(&o);
    o.by = (ag_ev_by)(data[0] % 3);
    o.period = (ag_ev_period)((data[0] / 3) % 6);
    o.actors = (data[0] / 18) % 2 ? AG_EV_ACTORS_CODE : AG_EV_ACTORS_COUNTRY;
    o.strict = (data[0] / 36) % 2;
    o.weight = (data[0] / 72) % 2 ? AG_EV_WEIGHT_VOLUME : AG_EV_WEIGHT_GOLDSTEIN;
    fuzz_file_set(&input, data + 1, size - 1);
    ag_diags_init(&diags);
    ag_error_clear(&err);
    st = ag_events_new(&o, &ev, &err);
    FUZZ_CHECK(st == AG_OK, "ag_events_new: %s", err.message);
    st = ag_events_read(ev, input.path, "input", &diags, sha, &fmt, &err);
    /* AG_EARG: options the layout found cannot take (--actors code on
       ICEWS), as the CLI reports them */
    FUZZ_CHECK(st == AG_OK || st == AG_EPARSE || st == AG_EINVALID || st == AG_EIO ||
                   st == AG_EARG,
               "ag_events_read: %s: %s", ag_status_str(st), err.message);
    if (st != AG_OK)
        FUZZ_CHECK(err.message[0] != '\0', "read failure without a message");
    for (size_t i = 0; i < diags.count; i++)
        FUZZ_CHECK(diags.items[i].message[0] != '\0', "problem %zu without a message", i);
    if (st == AG_OK) {
        ag_error_clear(&err);
        dy = ag_events_dyads(ev, &n, &err);
        FUZZ_CHECK(dy != NULL || n == 0, "no dyads: %s", err.message);
        if (dy) {
            st = ag_events_build(ev, dy, n, &o, &prov, &g, NULL, &err);
            /* the builder's graph goes through the one checker: a refusal
               (a limit) is allowed, a malformed graph is not */
            FUZZ_CHECK(st == AG_OK || st == AG_EINVALID || st == AG_EPARSE,
                       "ag_events_build: %s: %s", ag_status_str(st), err.message);
            FUZZ_CHECK((st == AG_OK) == (g != NULL), "build status %d with graph %p", (int)st,
                       (void *)g);
        }
    }
    ag_graph_free(g);
    ag_events_free(ev);
    ag_diags_destroy(&diags);
    return 0;
}
