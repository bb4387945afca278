#!/usr/bin/env python3
"""The SQL route of `actorgraph events` gives the graph the C route gives.

For each input and each combination of --by, --period and --actors, the test
1. reads the rows with `actorgraph events FILE` (the C route);
2. prints the query with `actorgraph events --print-sql`, loads the rows into
   a SQLite table with the GDELT codebook's columns (gdelt_to_sqlite.py), runs
   the query with Debian's sqlite3 command-line shell, and reads its CSV back
   with `actorgraph events --format dyads` (the SQL route);
and checks that both graphs have the same actors, the same relations (with
their evidence) and the same URL sources. Only the source naming the input
file differs.

usage: check_events_sql.py ACTORGRAPH PROJECT_DIR DATASETS_DIR
The hand-written fixtures always run; the real GDELT sample runs when
DATASETS_DIR/events is present."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN, ROOT, DATA = sys.argv[1], sys.argv[2], sys.argv[3]
LOADER = os.path.join(ROOT, "tests", "events", "gdelt_to_sqlite.py")
TMP = tempfile.mkdtemp(prefix="ag-sql-")
FAILS = []


def run(args, **kw):
    p = subprocess.run([BIN] + args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise SystemExit("FAIL: actorgraph %s: exit %d\n%s" % (" ".join(args), p.returncode,
                                                               p.stderr))
    return p.stdout


def comparable(path):
    g = json.load(open(path, encoding="utf-8"))
    sources = {s["id"]: s for s in g["sources"] if s["id"] != "events"}
    return g["actors"], g["relations"], sources


def check(name, data, opts):
    a = os.path.join(TMP, "c.json")
    b = os.path.join(TMP, "s.json")
    run(["events", data] + opts + ["-q", "-o", a])
    query = run(["events", "--print-sql"] + opts)
    db = os.path.join(TMP, "g.db")
    if os.path.exists(db):
        os.remove(db)
    subprocess.run([sys.executable, LOADER, db, data], check=True)
    csv = os.path.join(TMP, "dyads.csv")
    with open(csv, "w", encoding="utf-8") as out:
        p = subprocess.run(["sqlite3", "-bail", "-csv", "-header", db], input=query,
                           stdout=out, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise SystemExit("FAIL: sqlite3 on the query for %s %s:\n%s" % (name, opts, p.stderr))
    run(["events", "--format", "dyads", csv, "-q", "-o", b])
    ca, cs = comparable(a), comparable(b)
    if ca != cs:
        what = [k for k, x, y in zip(("actors", "relations", "sources"), ca, cs) if x != y]
        FAILS.append("%s %s: the routes differ in %s" % (name, " ".join(opts), ", ".join(what)))
    return len(ca[1])


def errors():
    """Each misuse of --print-sql is one line and exit 1, with nothing on stdout."""
    cases = [
        (["--period", "week"], "--period week has no portable SQL form"),
        (["x.tsv"], "--print-sql reads no FILE"),
        (["-o", "q.sql"], "--print-sql writes to standard output"),
        (["--format", "icews"], "not --format icews"),
        (["--sql-table", "events; DROP TABLE x"], "is not a table name"),
        (["--strict"], "--strict has no meaning"),
    ]
    for args, want in cases:
        p = subprocess.run([BIN, "events", "--print-sql"] + args, capture_output=True,
                           text=True)
        first = p.stderr.splitlines()[0] if p.stderr else ""
        if p.returncode != 1 or p.stdout or want not in first or \
                not first.startswith("actorgraph: events: "):
            FAILS.append("--print-sql %s: exit %d, stderr %r" % (args, p.returncode, p.stderr))
    p = subprocess.run([BIN, "events", "--sql-table", "t", "x.tsv"], capture_output=True,
                       text=True)
    if p.returncode != 1 or "--sql-table goes with --print-sql" not in p.stderr:
        FAILS.append("--sql-table without --print-sql: %r" % p.stderr)
    # BigQuery's quoted table name is kept as given
    q = run(["events", "--print-sql", "--sql-table", "`gdelt-bq.gdeltv2.events`"])
    if "FROM `gdelt-bq.gdeltv2.events`\n" not in q:
        FAILS.append("--sql-table with backquotes not kept")


def main():
    errors()
    if not shutil.which("sqlite3"):
        print("SKIP: no sqlite3 (scripts/install-deps.sh --test installs it)")
        return 77
    inputs = [("fixture gdelt2", os.path.join(ROOT, "tests", "events", "gdelt2.tsv")),
              ("fixture gdelt1", os.path.join(ROOT, "tests", "events", "gdelt1.tsv"))]
    real = os.path.join(DATA, "events", "20191024143000.export.CSV")
    if os.path.exists(real):
        inputs.append(("GDELT sample", real))
    else:
        print("note: %s absent; fixtures only" % real)
    fmt = {"fixture gdelt2": "gdelt2", "fixture gdelt1": "gdelt1", "GDELT sample": "gdelt2"}
    for name, data in inputs:
        total = 0
        for by in ("sign", "root", "type"):
            for period in ("day", "month", "quarter", "year", "all"):
                total += check(name, data, ["--format", fmt[name], "--by", by, "--period", period])
        total += check(name, data, ["--format", fmt[name], "--actors", "code", "--by", "sign",
                                    "--period", "all", "--min-events", "2"])
        if total == 0:
            FAILS.append("%s: no relation in any combination: the check proves nothing" % name)
        print("%s: %d relations compared" % (name, total))
    shutil.rmtree(TMP)
    for f in FAILS:
        print("FAIL: " + f)
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
