/* The bare parse actorgraph's loading is measured against: reads FILE and
 * parses it with jansson (json_loadb, duplicate keys rejected, as
 * actorgraph does), nothing else. bench/run builds it with cc.
 *   usage: jansson_parse FILE */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *f;
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    json_error_t e;
    json_t *j;
    if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
        fprintf(stderr, "usage: jansson_parse FILE\n");
        return 2;
    }
    do {
        if (cap - len < 65536) {
            char *nb = realloc(buf, cap = cap ? 2 * cap : 1 << 20);
            if (!nb)
                return 3;
            buf = nb;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    j = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
    if (!j) {
        fprintf(stderr, "%s:%d: %s\n", argv[1], e.line, e.text);
        return 1;
    }
    json_decref(j);
    free(buf);
    return 0;
}
