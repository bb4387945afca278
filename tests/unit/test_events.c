/* ag_events_build, the one function both routes of `actorgraph events`
 * end in, called directly on dyads written here; every value by hand
 * (docs/events.md, "From a dyad to a relation"). */
#include <math.h>
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "test.h"

static ag_ev_dyad dyad(const char *s, const char *t, const char *g, const char *start,
                       const char *end, long long events, long long g10, long long sources)
{
    ag_ev_dyad d;
    memset(&d, 0, sizeof d);
    d.source = s;
    d.target = t;
    d.group = g;
    snprintf(d.start, sizeof d.start, "%s", start);
    snprintf(d.end, sizeof d.end, "%s", end);
    d.events = events;
    d.g10_sum = g10;
    d.mentions = events;
    d.sources = sources;
    d.articles = events;
    return d;
}

static const char *const files[] = {"a.CSV", "b.CSV"};

static ag_graph *build(ag_events *e, const ag_ev_dyad *d, size_t n, const ag_ev_opts *o,
                       ag_ev_summary *sum)
{
    ag_ev_provenance p = {"T", "GDELT 2.0 Events", "The GDELT Project", NULL, files, 2};
    ag_graph *g = NULL;
    ag_error err;
    ag_error_clear(&err);
    memset(sum, 0, sizeof *sum);
    CHECK_INT(ag_events_build(e, d, n, o, &p, &g, sum, &err), AG_OK);
    return g;
}

static void test_build(ag_events *e)
{
    ag_ev_opts o;
    ag_ev_summary sum;
    ag_ev_dyad d[6];
    ag_graph *g;
    ag_ev_opts_init(&o);
    /* given out of order; the graph orders by source, target, group, start */
    d[0] = dyad("USA", "RUS", "conflict", "2024-01-08", "2024-01-14", 4, -130, 10);
    d[1] = dyad("RUS", "CHN", "cooperation", "2024-01-01", "2024-01-07", 3, 139, 3);
    d[2] = dyad("RUS", "CHN", "alliance", "2024", "2024", 2, -40, 2); /* sign from g10 */
    d[3] = dyad("CHN", "RUS", "cameo04", "2024-01", "2024-01", 1, 0, 9);  /* neutral */
    d[4] = dyad("CHN", "USA", "cameo19", "2024-01", "2024-01", 1000000000, -1, 20);
    d[5] = dyad("AAA", "RUS", "conflict", "2024", "2024", 1, -250, 1);     /* weight cut at 1 */
    d[0].url[0] = "http://x/1";
    d[0].url[1] = "http://x/2";
    d[0].url[2] = "http://x/1";
    d[1].url[1] = "http://x/2"; /* a URL cited by two relations is one source */
    d[1].has_tone = true;
    d[1].tone_sum = -0.004; /* a mean tone of -0.0013: "0.00", not "-0.00" */

    g = build(e, d, 6, &o, &sum);
    if (!g)
        return;
    CHECK_INT(sum.relations, 5);
    CHECK_INT(sum.neutral_dyads, 1);
    CHECK_INT(sum.thin, 0);
    CHECK_INT(g->n_relations, 5);
    CHECK_INT(g->n_actors, 4); /* CHN->RUS, dropped, adds none */
    CHECK_STR(g->actors[0].id, "AAA");
    CHECK_STR(g->actors[0].name, "AAA"); /* not an ISO code: its id, kind other */
    CHECK_INT(g->actors[0].kind, AG_KIND_OTHER);
    CHECK_STR(g->actors[1].name, "China");
    CHECK_INT(g->actors[1].kind, AG_KIND_STATE);
    /* AAA->RUS conflict: min(1, 250 / 100) = 1; 1 source: speculative */
    CHECK_STR(g->actors[g->relations[0].source].id, "AAA");
    CHECK(g->relations[0].weight == 1.0);
    CHECK_INT(g->relations[0].confidence, AG_CONF_SPECULATIVE);
    /* CHN->USA cameo19: 1 / (100 x 1e9) = 1e-11, floored at 1e-9; 20 sources */
    CHECK_STR(g->relations[1].type, "cameo19");
    CHECK_STR(g->relations[1].label, "fight");
    CHECK(g->relations[1].weight == 1e-9);
    CHECK_INT(g->relations[1].sign, -1);
    CHECK_INT(g->relations[1].confidence, AG_CONF_CONFIRMED);
    /* RUS->CHN alliance: a vocabulary type, its sign from g10 (-1), weight 0.2,
       one-way although alliances default to mutual */
    CHECK_STR(g->relations[2].type, "alliance");
    CHECK_INT(g->relations[2].sign, -1);
    CHECK(g->relations[2].weight == 40.0 / 200.0);
    CHECK(!g->relations[2].mutual);
    CHECK(g->relations[2].reltype != NULL);
    /* RUS->CHN cooperation: 139 / 300; 3 sources: reported; week dates */
    CHECK(g->relations[3].weight == 139.0 / 300.0);
    CHECK_INT(g->relations[3].confidence, AG_CONF_REPORTED);
    CHECK_INT(g->relations[3].start.day, 1);
    CHECK_INT(g->relations[3].end.day, 7);
    CHECK_INT(g->relations[3].n_evidence, 2);
    CHECK_STR(g->relations[3].evidence[0].note,
              "3 events, 3 mentions, 3 sources, 3 articles; mean Goldstein 4.63, "
              "mean tone 0.00");
    /* USA->RUS conflict: 130 / 400; URLs x/1, x/2 (the repeat dropped) */
    CHECK(g->relations[4].weight == 130.0 / 400.0);
    CHECK_INT(g->relations[4].n_evidence, 3);
    CHECK_STR(g->relations[4].evidence[0].note,
              "4 events, 4 mentions, 10 sources, 4 articles; mean Goldstein -3.25");
    /* sources: events, then URLs by first use: x/2 (RUS->CHN) then x/1 */
    CHECK_INT(g->n_sources, 3);
    CHECK_STR(g->sources[0].title, "GDELT 2.0 Events: a.CSV, b.CSV");
    CHECK_STR(g->sources[0].author, "The GDELT Project");
    CHECK_STR(g->sources[1].url, "http://x/2");
    CHECK_STR(g->sources[2].url, "http://x/1");
    CHECK_STR(g->relations[3].evidence[1].source, "u1");
    CHECK_STR(g->relations[4].evidence[1].source, "u2");
    CHECK_STR(g->relations[4].evidence[2].source, "u1");
    ag_graph_free(g);

    /* --min-events 3 keeps RUS->CHN cooperation (3) and USA->RUS (4), and
       the 1e9-event dyad; --weight volume scales by log(1+n)/log(1+1e9) */
    o.min_events = 3;
    o.weight = AG_EV_WEIGHT_VOLUME;
    g = build(e, d, 6, &o, &sum);
    if (!g)
        return;
    CHECK_INT(g->n_relations, 3);
    CHECK_INT(sum.thin, 3);
    CHECK_INT(sum.neutral_dyads, 0); /* the neutral dyad has 1 event: thin first */
    CHECK(g->relations[0].weight == 1e-9);
    CHECK_NEAR(g->relations[1].weight, 139.0 / 300.0 * log(4.0) / log(1e9 + 1), 1e-15);
    CHECK_NEAR(g->relations[2].weight, 130.0 / 400.0 * log(5.0) / log(1e9 + 1), 1e-15);
    ag_graph_free(g);
}

int main(void)
{
    ag_ev_opts o;
    ag_events *e = NULL;
    ag_error err;
    ag_ev_opts_init(&o);
    ag_error_clear(&err);
    if (ag_events_new(&o, &e, &err) != AG_OK) {
        fprintf(stderr, "skipped: %s\n", err.message); /* no iso-codes */
        return 77;
    }
    test_build(e);
    ag_events_free(e);
    return test_failures != 0;
}
