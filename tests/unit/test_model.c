/* The model's small pieces: dates, ids, the vocabulary, the hash map. */
#include <stdlib.h>

#include "actorgraph/actorgraph.h"
#include "core/strmap.h"
#include "test.h"

static void test_dates(void)
{
    ag_date d, e;
    char buf[16];
    CHECK(ag_date_parse("2024", &d) && d.year == 2024 && d.month == 0 && d.day == 0);
    CHECK(ag_date_parse("2024-10", &d) && d.month == 10 && d.day == 0);
    CHECK(ag_date_parse("2024-02-29", &d) && d.day == 29);     /* leap year */
    CHECK(!ag_date_parse("2023-02-29", &d));                   /* not one */
    CHECK(ag_date_parse("2000-02-29", &d));                    /* 400 rule */
    CHECK(!ag_date_parse("1900-02-29", &d));                   /* 100 rule */
    CHECK(!ag_date_parse("2024-13", &d));
    CHECK(!ag_date_parse("2024-00", &d));
    CHECK(!ag_date_parse("2024-04-31", &d));
    CHECK(!ag_date_parse("24", &d));
    CHECK(!ag_date_parse("2024/10/01", &d));
    CHECK(!ag_date_parse("2024-1-01", &d));
    CHECK(!ag_date_parse("0000", &d));
    CHECK(!ag_date_parse("", &d));
    CHECK(!ag_date_parse("2024-10-01T00:00", &d));

    ag_date_parse("2024-06", &d);
    ag_date_parse("2024-05-31", &e);
    CHECK(ag_date_cmp(&e, &d) < 0);
    ag_date_parse("2024", &e);
    CHECK(ag_date_cmp(&e, &d) == 0); /* compared on the shared precision */
    ag_date_parse("2023-12-31", &e);
    CHECK(ag_date_cmp(&e, &d) < 0);
    ag_date_parse("2024-06-15", &e);
    CHECK(ag_date_cmp(&e, &d) == 0);

    ag_date_parse("2024-06-05", &d);
    ag_date_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "2024-06-05");
    ag_date_parse("0999-06", &d);
    ag_date_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "0999-06");
}

static void test_ids(void)
{
    char long_id[66];
    CHECK(ag_id_valid("PRK"));
    CHECK(ag_id_valid("kim_jong-un.2"));
    CHECK(!ag_id_valid(""));
    CHECK(!ag_id_valid("North Korea"));
    CHECK(!ag_id_valid("PRK/RUS"));
    CHECK(!ag_id_valid("\xec\xa1\xb0\xec\x84\xa0")); /* Hangul: not allowed in ids */
    memset(long_id, 'a', 65);
    long_id[65] = '\0';
    CHECK(!ag_id_valid(long_id));
    long_id[64] = '\0';
    CHECK(ag_id_valid(long_id));
}

static void test_vocab(void)
{
    size_t n;
    const ag_reltype *t = ag_reltypes(&n);
    const char *required[] = {"alliance", "military_support", "troop_deployment",
                              "arms_transfer", "training", "economic_aid", "patronage",
                              "trade", "diplomatic_support", "joint_exercise",
                              "tacit_support", "sanctions", "threat", "hostility",
                              "armed_conflict"};
    const char *mutual[] = {"alliance", "joint_exercise", "hostility", "armed_conflict"};
    ag_kind k;
    ag_confidence c;
    CHECK(n >= 15);
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        CHECK(ag_reltype_find(required[i]) != NULL);
    for (size_t i = 0; i < n; i++) {
        int is_mutual = 0;
        /* weight is |Goldstein| / 10, sign its sign */
        CHECK_NEAR(t[i].weight, fabs(t[i].goldstein) / 10.0, 1e-12);
        CHECK_INT(t[i].sign, t[i].goldstein > 0 ? 1 : -1);
        CHECK(t[i].weight > 0 && t[i].weight <= 1);
        for (size_t m = 0; m < sizeof mutual / sizeof *mutual; m++)
            is_mutual |= strcmp(t[i].name, mutual[m]) == 0;
        CHECK_INT(t[i].mutual, is_mutual);
    }
    CHECK_INT(ag_reltype_find("sanctions")->sign, -1);
    CHECK_INT(ag_reltype_find("patronage")->sign, 1);
    CHECK(ag_reltype_find("frenemy") == NULL);
    CHECK(ag_kind_parse("organization", &k) && k == AG_KIND_ORGANIZATION);
    CHECK(!ag_kind_parse("State", &k));
    CHECK(ag_confidence_parse("speculative", &c) && c == AG_CONF_SPECULATIVE);
    CHECK(!ag_confidence_parse("likely", &c));
    CHECK_STR(ag_kind_name(AG_KIND_PERSON), "person");
    CHECK_STR(ag_confidence_name(AG_CONF_REPORTED), "reported");
}

static void test_strmap(void)
{
    enum { N = 5000 };
    static char keys[N][16];
    ag_strmap *m = ag_strmap_new(0);
    size_t v, existing = 99;
    CHECK(m != NULL);
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        CHECK_INT(ag_strmap_put(m, keys[i], (size_t)i, NULL), 1);
    }
    CHECK_INT(ag_strmap_put(m, "k42", 7, &existing), 0);
    CHECK_INT(existing, 42);
    for (int i = 0; i < N; i++)
        CHECK(ag_strmap_get(m, keys[i], &v) && v == (size_t)i);
    CHECK(!ag_strmap_get(m, "k5000", &v));
    CHECK(!ag_strmap_get(m, "", &v));
    ag_strmap_free(m);
    ag_strmap_free(NULL);
}

int main(void)
{
    test_dates();
    test_ids();
    test_vocab();
    test_strmap();
    TEST_END();
}
