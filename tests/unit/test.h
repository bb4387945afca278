/* A minimal test harness: CHECK records a failure and goes on; main()
 * returns non-zero when any check failed. */
#ifndef AG_TEST_H
#define AG_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int test_failures;

#define CHECK(cond)                                                              \
    do {                                                                         \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            test_failures++;                                                     \
        }                                                                        \
    } while (0)

#define CHECK_STR(a, b)                                                          \
    do {                                                                         \
        const char *a_ = (a), *b_ = (b);                                         \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                 \
            fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__,     \
                    a_ ? a_ : "(null)", b_ ? b_ : "(null)");                     \
            test_failures++;                                                     \
        }                                                                        \
    } while (0)

#define CHECK_INT(a, b)                                                          \
    do {                                                                         \
        long long a_ = (long long)(a), b_ = (long long)(b);                      \
        if (a_ != b_) {                                                          \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__,      \
                    __LINE__, #a, a_, b_);                                       \
            test_failures++;                                                     \
        }                                                                        \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                    \
    do {                                                                         \
        double a_ = (a), b_ = (b);                                               \
        if (!(fabs(a_ - b_) <= (tol))) {                                         \
            fprintf(stderr, "%s:%d: %s == %.12g, expected %.12g\n", __FILE__,    \
                    __LINE__, #a, a_, b_);                                       \
            test_failures++;                                                     \
        }                                                                        \
    } while (0)

#define TEST_END()                                                               \
    do {                                                                         \
        if (test_failures)                                                       \
            fprintf(stderr, "%d check(s) failed\n", test_failures);              \
        return test_failures ? 1 : 0;                                            \
    } while (0)

#endif
