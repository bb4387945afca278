/* Atomic outputs: all or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actorgraph/actorgraph.h"
#include "test.h"

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    size_t n;
    if (!f)
        return NULL;
    n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int count_entries(const char *dir)
{
    char cmd[512];
    FILE *p;
    int n = -1;
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    p = popen(cmd, "r");
    if (p) {
        if (fscanf(p, "%d", &n) != 1)
            n = -1;
        pclose(p);
    }
    return n;
}

int main(void)
{
    char dir[] = "/tmp/ag-test-io-XXXXXX", a[256], b[256], bad[256], outdir[300];
    ag_output outs[2];
    ag_error err;
    struct stat stt;

    CHECK(mkdtemp(dir) != NULL);
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    snprintf(bad, sizeof bad, "%s/missing/c.txt", dir);

    outs[0] = (ag_output){a, "new a", 5};
    outs[1] = (ag_output){b, "new b", 5};
    CHECK_INT(ag_write_outputs(outs, 2, NULL, &err), AG_OK);
    CHECK_STR(slurp(a), "new a");
    CHECK_STR(slurp(b), "new b");
    CHECK(stat(a, &stt) == 0 && (stt.st_mode & 0777) == (0666 & ~umask(022)));

    /* the second output cannot be written: the first keeps its old bytes */
    outs[0] = (ag_output){a, "newer a", 7};
    outs[1] = (ag_output){bad, "c", 1};
    CHECK_INT(ag_write_outputs(outs, 2, NULL, &err), AG_EIO);
    CHECK_STR(slurp(a), "new a");
    CHECK(strstr(err.file, "missing/c.txt") != NULL);
    CHECK_INT(count_entries(dir), 2); /* no temporary left behind */

    /* mkdir_out creates the default output directory */
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    snprintf(bad, sizeof bad, "%s/out/x.txt", dir);
    outs[0] = (ag_output){bad, "x", 1};
    CHECK_INT(ag_write_outputs(outs, 1, outdir, &err), AG_OK);
    CHECK_STR(slurp(bad), "x");

    unlink(a);
    unlink(b);
    unlink(bad);
    rmdir(outdir);
    CHECK(rmdir(dir) == 0);
    TEST_END();
}
