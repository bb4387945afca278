/* JSON pointers back to lines and columns. */
#include "formats/jsonpos.h"
#include "test.h"

static void locate1(const char *text, const char *ptr, int line, int col)
{
    ag_jsonpos_query q = {ptr, -1, -1};
    CHECK_INT(ag_jsonpos_locate(text, strlen(text), &q, 1), 0);
    if (q.line != line || q.column != col) {
        fprintf(stderr, "  pointer \"%s\": got %d:%d, expected %d:%d\n", ptr, q.line,
                q.column, line, col);
        test_failures++;
    }
}

int main(void)
{
    const char *doc = "{\n"
                      "  \"a\": [10, {\"b\": true}],\n"
                      "  \"t/x\": {\"m~n\": null},\n"
                      "  \"\\u00e9t\\u00e9\": \"\xc3\xa9\xc3\xa9\", \"z\": 1,\n"
                      "  \"esc\\\"q\": [[], [ \"x\" ]]\n"
                      "}";
    locate1(doc, "", 1, 1);
    locate1(doc, "/a", 2, 8);
    locate1(doc, "/a/0", 2, 9);
    locate1(doc, "/a/1", 2, 13);
    locate1(doc, "/a/1/b", 2, 19);
    locate1(doc, "/t~1x", 3, 10);          /* '/' in a key is ~1 */
    locate1(doc, "/t~1x/m~0n", 3, 18);     /* '~' in a key is ~0 */
    locate1(doc, "/\xc3\xa9t\xc3\xa9", 4, 20); /* escaped key decoded */
    locate1(doc, "/z", 4, 31);             /* columns count characters */
    locate1(doc, "/esc\"q/1/0", 5, 20);
    locate1(doc, "/missing", 0, 0);
    locate1(doc, "/a/2", 0, 0);

    {
        /* many queries, repeated pointers, one scan */
        ag_jsonpos_query q[3] = {{"/z", 0, 0}, {"/a/0", 0, 0}, {"/z", 0, 0}};
        CHECK_INT(ag_jsonpos_locate(doc, strlen(doc), q, 3), 0);
        CHECK_INT(q[0].line, 4);
        CHECK_INT(q[2].line, 4);
        CHECK_INT(q[2].column, 31);
        CHECK_INT(q[1].column, 9);
    }
    {
        /* a NUL byte after a number, which jansson takes for the number's
           end: the scan passes over it (it stalled there for ever in an
           array; found by the json fuzz target) */
        static const char nul[] = "[1, 2\0\t, 3]\n";
        ag_jsonpos_query q[2] = {{"/1", 0, 0}, {"/2", 0, 0}};
        CHECK_INT(ag_jsonpos_locate(nul, sizeof nul - 1, q, 2), 0);
        CHECK_INT(q[0].line, 1);
        CHECK_INT(q[0].column, 5);
        CHECK_INT(q[1].line, 1);
        CHECK_INT(q[1].column, 10);
    }
    TEST_END();
}
