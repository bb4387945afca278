#!/usr/bin/env python3
"""actorgraph events on the fixtures of tests/events/ (rows written for the
tests, none copied from a dataset). Every expected value is worked by hand
from the rows (docs/events.md has the rules); the comments show the sums.

usage: check_events.py ACTORGRAPH TESTS_DIR CASE
"""
import gzip
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

BIN, TESTS, CASE = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
FIX = os.path.abspath(os.path.join(TESTS, "events"))
TMP = tempfile.mkdtemp(prefix="ag-events-")


def fail(msg):
    print("FAIL:", msg, file=sys.stderr)
    sys.exit(1)


def run(*args, stdin=None, env=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    p = subprocess.run([BIN, "events", *args], input=stdin, capture_output=True, env=e)
    return p.returncode, p.stdout, p.stderr.decode()


def graph(*args, stdin=None, name="g.json"):
    out = os.path.join(TMP, name)
    rc, _, err = run(*args, "-o", out, stdin=stdin)
    if rc != 0:
        fail(f"exit {rc} for {args}: {err}")
    with open(out, encoding="utf-8") as f:
        return json.load(f), err


def rels(g):
    """(source, target, type, sign, weight, confidence, start, end, note, urls)."""
    src = {s["id"]: s for s in g["sources"]}
    out = []
    for r in g["relations"]:
        ev = r["evidence"]
        if ev[0]["source"] != "events":
            fail(f"first evidence cites {ev[0]['source']}")
        urls = [src[e["source"]]["url"] for e in ev[1:]]
        out.append((r["source"], r["target"], r["type"], r["sign"], r["weight"],
                    r["confidence"], r["start"], r["end"], ev[0]["note"], urls))
    return out


def expect(got, want, what):
    if got != want:
        fail(f"{what}:\n  got  {got!r}\n  want {want!r}")


def near(a, b):
    return abs(a - b) <= 1e-12


def check_weights(g, want):
    got = [r["weight"] for r in g["relations"]]
    if len(got) != len(want) or not all(near(a, b) for a, b in zip(got, want)):
        fail(f"weights {got} != {want}")


# gdelt2.tsv, country actors, by sign, period all, worked by hand:
#  RUS->CHN cooperation: rows 101 (042, +1.9), 102 (057, +8.0), 104 (036, +4.0):
#    events 3, g10 19+80+40 = 139, weight 139/300; mentions 10+30+5 = 45,
#    sources 2+5+1 = 8 (reported), articles 10+28+5 = 43, tone 1.5+3.25+0.5 = 5.25
#    (mean 1.75), mean Goldstein 13.9/3 = 4.63; most mentioned: 102 (30), 101 (10),
#    104 (5) -> a/2, a/1, a/2 -> a/2, a/1.
#  RUS->CHN conflict: row 103 (190, -10.0): weight 1, sources 4 (reported).
#  USA->RUS conflict: rows 105 (-8.0) and 106 (-5.0): g10 -130, weight 130/200 =
#    0.65, sources 15 (confirmed), tone -6 (mean -3.00); mentions tie at 12, so the
#    smaller id first: 105 (b/1), 106 (b/2).
#  PRK->RUS cooperation: row 111 (074, +8.5): weight 0.85, 1 source (speculative).
#  107 (EUR) and 108 (no country) unplaced, 109 RUS->RUS internal, 110 neutral.
GDELT2 = [
    ("PRK", "RUS", "cooperation", 1, 0.85, "speculative", "2023-12-31", "2023-12-31",
     "1 event, 3 mentions, 1 source, 3 articles; mean Goldstein 8.50, mean tone 2.00",
     ["http://c.example/1"]),
    ("RUS", "CHN", "conflict", -1, 1.0, "reported", "2024-01-07", "2024-01-07",
     "1 event, 30 mentions, 4 sources, 30 articles; mean Goldstein -10.00, mean tone -6.00",
     ["http://a.example/3"]),
    ("RUS", "CHN", "cooperation", 1, 139 / 300, "reported", "2024-01-05", "2024-01-07",
     "3 events, 45 mentions, 8 sources, 43 articles; mean Goldstein 4.63, mean tone 1.75",
     ["http://a.example/2", "http://a.example/1"]),
    ("USA", "RUS", "conflict", -1, 0.65, "confirmed", "2024-01-10", "2024-01-10",
     "2 events, 24 mentions, 15 sources, 24 articles; mean Goldstein -6.50, mean tone -3.00",
     ["http://b.example/1", "http://b.example/2"]),
]


def case_gdelt2():
    g, err = graph(os.path.join(FIX, "gdelt2.tsv"))
    expect(rels(g), GDELT2, "relations")
    expect([(a["id"], a["name"], a["kind"]) for a in g["actors"]],
           [("CHN", "China", "state"), ("PRK", "North Korea", "state"),
            ("RUS", "Russian Federation", "state"), ("USA", "United States", "state")],
           "actors")
    expect([s["id"] for s in g["sources"]], ["events", "u1", "u2", "u3", "u4", "u5", "u6"],
           "sources")
    expect(g["sources"][0]["title"], "GDELT 2.0 Events: gdelt2.tsv", "dataset source")
    expect([r["mutual"] for r in g["relations"]], [False] * 4, "mutual")
    if "11 rows: 7 used, 0 skipped, 2 unplaced, 1 internal, 1 neutral" not in err:
        fail("summary: " + err)
    if "4 dyads: 4 relations, 0 below --min-events, 0 neutral" not in err:
        fail("dyad summary: " + err)
    # the manifest: the input's SHA-256, the options, the summary
    with open(os.path.join(TMP, "g.manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    with open(os.path.join(FIX, "gdelt2.tsv"), "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    expect(m["inputs"][0]["sha256"], sha, "manifest sha256")
    expect(m["inputs"][0]["format"], "gdelt2", "manifest format")
    expect(m["summary"]["unplaced"], 2, "manifest unplaced")
    expect(m["options"]["by"], "sign", "manifest options")
    # -q: nothing on standard error
    rc, _, err = run("-q", os.path.join(FIX, "gdelt2.tsv"), "-o", os.path.join(TMP, "q.json"))
    expect((rc, err), (0, ""), "-q")
    # the same input, the same bytes
    a = open(os.path.join(TMP, "g.json"), "rb").read()
    b = open(os.path.join(TMP, "q.json"), "rb").read()
    expect(a, b, "deterministic output")
    rc, _, err = run(os.path.join(FIX, "gdelt2.tsv"), "--format", "gdelt2", "-o",
                     os.path.join(TMP, "f.json"))
    expect(open(os.path.join(TMP, "f.json"), "rb").read(), a, "--format gdelt2 = auto")
    # validate accepts it; its only warnings say that RUS and CHN cooperate
    # and fight in the same days, which is what events record
    p = subprocess.run([BIN, "validate", os.path.join(TMP, "g.json")], capture_output=True,
                       text=True)
    expect(p.returncode, 0, "validate")
    for line in p.stderr.splitlines():
        if ": warning: " not in line or "contradicts" not in line:
            fail("validate: " + line)


def case_options():
    f = os.path.join(FIX, "gdelt2.tsv")
    # --by type: 057 alliance, 042 cameo04, 036 cameo03, 190 armed_conflict,
    # 163 sanctions, 172 cameo17, 074 troop_deployment; 010 (UKR->RUS, 0.0) is a
    # dyad whose g10_sum is 0: dropped as neutral.
    g, err = graph(f, "--by", "type")
    expect([(r["source"], r["target"], r["type"], r["sign"]) for r in g["relations"]],
           [("PRK", "RUS", "troop_deployment", 1), ("RUS", "CHN", "alliance", 1),
            ("RUS", "CHN", "armed_conflict", -1), ("RUS", "CHN", "cameo03", 1),
            ("RUS", "CHN", "cameo04", 1), ("USA", "RUS", "cameo17", -1),
            ("USA", "RUS", "sanctions", -1)], "--by type")
    expect([r.get("label") for r in g["relations"]],
           [None, None, None, "express intent to cooperate", "consult", "coerce", None],
           "--by type labels")
    check_weights(g, [0.85, 0.8, 1.0, 0.4, 0.19, 0.5, 0.8])
    if "8 dyads: 7 relations, 0 below --min-events, 1 neutral" not in err:
        fail("--by type summary: " + err)
    # --by root: 111 and 102 differ in root (07, 05)
    g, _ = graph(f, "--by", "root")
    expect([(r["source"], r["target"], r["type"]) for r in g["relations"]],
           [("PRK", "RUS", "cameo07"), ("RUS", "CHN", "cameo03"), ("RUS", "CHN", "cameo04"),
            ("RUS", "CHN", "cameo05"), ("RUS", "CHN", "cameo19"), ("USA", "RUS", "cameo16"),
            ("USA", "RUS", "cameo17")], "--by root")
    # --period week: 2023-12-31 is a Sunday (week of Monday 2023-12-25);
    # 2024-01-05..07 fall in the week of Monday 2024-01-01; 2024-01-10 in 01-08's.
    g, _ = graph(f, "--period", "week")
    expect([(r["source"], r["start"], r["end"]) for r in g["relations"]],
           [("PRK", "2023-12-25", "2023-12-31"), ("RUS", "2024-01-01", "2024-01-07"),
            ("RUS", "2024-01-01", "2024-01-07"), ("USA", "2024-01-08", "2024-01-14")],
           "--period week")
    for period, want in (("day", [("2023-12-31", "2023-12-31"), ("2024-01-07", "2024-01-07"),
                                   ("2024-01-05", "2024-01-05"), ("2024-01-06", "2024-01-06"),
                                   ("2024-01-07", "2024-01-07"), ("2024-01-10", "2024-01-10")]),
                         ("month", [("2023-12", "2023-12"), ("2024-01", "2024-01"),
                                    ("2024-01", "2024-01"), ("2024-01", "2024-01")]),
                         ("quarter", [("2023-10", "2023-12"), ("2024-01", "2024-03"),
                                      ("2024-01", "2024-03"), ("2024-01", "2024-03")]),
                         ("year", [("2023", "2023"), ("2024", "2024"), ("2024", "2024"),
                                   ("2024", "2024")])):
        g, _ = graph(f, "--period", period)
        expect([(r["start"], r["end"]) for r in g["relations"]], want, "--period " + period)
    # --min-events 2: only RUS->CHN cooperation (3) and USA->RUS (2) stay
    g, err = graph(f, "--min-events", "2")
    expect([(r["source"], r["target"], r["type"]) for r in g["relations"]],
           [("RUS", "CHN", "cooperation"), ("USA", "RUS", "conflict")], "--min-events")
    if "4 dyads: 2 relations, 2 below --min-events, 0 neutral" not in err:
        fail("--min-events summary: " + err)
    # --weight volume: times log(1+events)/log(1+3)
    g, _ = graph(f, "--weight", "volume")
    check_weights(g, [0.85 * math.log(2) / math.log(4), 1.0 * math.log(2) / math.log(4),
                      139 / 300, 0.65 * math.log(3) / math.log(4)])
    # --actors code: GDELT's codes; 107 (EUR) is placed, 108 (no code) is not,
    # 109 RUSGOV->RUSMIL is a relation
    g, _ = graph(f, "--actors", "code")
    expect([(r["source"], r["target"], r["type"]) for r in g["relations"]],
           [("EUR", "RUS", "cooperation"), ("PRK", "RUS", "cooperation"),
            ("RUS", "CHN", "conflict"), ("RUS", "CHN", "cooperation"),
            ("RUSGOV", "CHNGOV", "cooperation"), ("RUSGOV", "RUSMIL", "cooperation"),
            ("RUSMIL", "CHN", "cooperation"), ("USA", "RUS", "conflict"),
            ("USAGOV", "RUSGOV", "conflict")], "--actors code")
    expect([(a["id"], a["kind"]) for a in g["actors"]][:3],
           [("CHN", "state"), ("CHNGOV", "other"), ("EUR", "other")], "--actors code kinds")
    # usage errors
    for args in (["--by", "x"], ["--period", "decade"], ["--min-events", "0"],
                 ["--weight", "w"], ["--format", "x"], ["--actors", "x"], []):
        rc, _, err = run(*args, *([] if not args else [f]))
        expect(rc, 1, f"usage error {args}")
    rc, _, err = run(os.path.join(FIX, "icews.tab"), "--actors", "code",
                     "-o", os.path.join(TMP, "x.json"))
    expect(rc, 1, "--actors code with ICEWS")


def case_bad_rows():
    f = os.path.join(FIX, "gdelt2_bad.tsv")
    g, err = graph(f)
    lines = [l for l in err.splitlines() if "warning" in l]
    expect(lines, [
        f"actorgraph: {f}:2: warning: 60 columns, not 61 (GDELT 2.0)",
        f"actorgraph: {f}:3: warning: bad date \"20240230\" in SQLDATE (YYYYMMDD)",
        f"actorgraph: {f}:4: warning: unknown CAMEO code \"21\" in EventCode",
        f"actorgraph: {f}:5: warning: unknown CAMEO code \"04a\" in EventCode",
        f"actorgraph: {f}:6: warning: bad number \"x\" in GoldsteinScale",
        f"actorgraph: {f}:7: warning: bad number \"-1\" in NumMentions",
        f"actorgraph: {f}:8: warning: bad number \"nan\" in AvgTone"], "bad rows")
    if ("8 rows: 1 used, 7 skipped" not in err or
            "skipped: 1 wrong column count, 1 bad date, 2 unknown CAMEO code, 3 bad number"
            not in err):
        fail("bad-row summary: " + err)
    expect(len(g["relations"]), 1, "the good row")
    # --strict: the first bad row is an error, nothing written
    out = os.path.join(TMP, "strict.json")
    rc, _, err = run(f, "--strict", "-o", out)
    expect(rc, 2, "--strict exit")
    expect(err.strip(), f"actorgraph: {f}:2: 60 columns, not 61 (GDELT 2.0)", "--strict message")
    expect(os.path.exists(out), False, "--strict wrote nothing")
    # a file whose layout cannot be told
    junk = os.path.join(TMP, "junk.txt")
    open(junk, "w").write("hello\tworld\n")
    rc, _, err = run(junk, "-o", out)
    expect(rc, 2, "unknown layout exit")
    if "cannot tell the layout" not in err:
        fail("unknown layout message: " + err)
    # wrong column count against an explicit --format
    rc, _, err = run(os.path.join(FIX, "gdelt2.tsv"), "--format", "gdelt1", "--strict",
                     "-o", out)
    expect(rc, 2, "gdelt2 rows as gdelt1")
    if "61 columns" not in err and "more than" not in err:
        fail("gdelt2 as gdelt1 message: " + err)


def case_gdelt1():
    # 301 (58 columns, 2013-04-02, 043 +2.8, 4 mentions, 2 sources, tone 1.0, d/1)
    # 302 (57 columns, 1979-01-01, 0431 +2.8, 6 mentions, 1 source, tone -1.0, no URL):
    # IRN->IRQ cooperation: 2 events, g10 56, weight 0.28, 3 sources (reported),
    # tone 0 (mean 0.00), most mentioned 302 (no URL) then 301 (d/1).
    g, _ = graph(os.path.join(FIX, "gdelt1.tsv"))
    expect(rels(g), [("IRN", "IRQ", "cooperation", 1, 0.28, "reported", "1979-01-01",
                      "2013-04-02", "2 events, 10 mentions, 3 sources, 10 articles; mean "
                      "Goldstein 2.80, mean tone 0.00", ["http://d.example/1"])], "gdelt1")
    expect(g["sources"][0]["title"], "GDELT 1.0 Events: gdelt1.tsv", "gdelt1 source")


def case_icews():
    # 401 (-2.0) and 402 (-5): Kosovo->Serbia conflict, g10 -70, weight 0.35,
    # 2 sources (speculative); 403 Russian Federation->Ukraine (-10) weight 1;
    # 404 Turkey->Vietnam (3.4) weight 0.34; 405 NA, 406-408 unknown names
    # (Atlantis twice, Lemuria) unplaced; 409 internal; 410 neutral.
    g, err = graph(os.path.join(FIX, "icews.tab"))
    expect(rels(g), [
        ("RUS", "UKR", "conflict", -1, 1.0, "speculative", "2018-06-01", "2018-06-01",
         "1 event, 1 mention, 1 source, 1 article; mean Goldstein -10.00", []),
        ("TUR", "VNM", "cooperation", 1, 0.34, "speculative", "2018-06-01", "2018-06-01",
         "1 event, 1 mention, 1 source, 1 article; mean Goldstein 3.40", []),
        ("XKX", "SRB", "conflict", -1, 0.35, "speculative", "2018-06-01", "2018-06-02",
         "2 events, 2 mentions, 2 sources, 2 articles; mean Goldstein -3.50", [])], "icews")
    names = {a["id"]: a["name"] for a in g["actors"]}
    expect(names["XKX"], "Kosovo", "Kosovo's name")
    expect(names["VNM"], "Vietnam", "Vietnam's name")
    if "10 rows: 4 used, 0 skipped, 4 unplaced, 1 internal, 1 neutral" not in err:
        fail("icews summary: " + err)
    if 'unplaced country names: "Atlantis" (2), "Lemuria" (1)' not in err:
        fail("unknown names: " + err)
    # the ISO table's path can be overridden; a missing one is an input error
    rc, _, err = run(os.path.join(FIX, "icews.tab"), "-o", os.path.join(TMP, "x.json"),
                     env={"ACTORGRAPH_ISO_3166": os.path.join(TMP, "none.json")})
    expect(rc, 2, "missing ISO table")
    if "cannot read the ISO 3166-1 table" not in err:
        fail("missing ISO table message: " + err)


def case_dyads():
    # the dyads of gdelt2.tsv written by hand (in another order): the same graph
    a, _ = graph(os.path.join(FIX, "gdelt2.tsv"), name="a.json")
    b, err = graph(os.path.join(FIX, "dyads.csv"), name="b.json")
    expect(b["relations"], a["relations"], "dyads relations")
    expect(b["actors"], a["actors"], "dyads actors")
    expect(b["sources"][1:], a["sources"][1:], "dyads URL sources")
    expect(b["sources"][0]["title"], "Event dyads: dyads.csv", "dyads source")
    f = os.path.join(FIX, "dyads_bad.csv")
    g, err = graph(f)
    lines = [l for l in err.splitlines() if "warning" in l]
    expect(lines, [
        f"actorgraph: {f}:3: warning: a second dyad USA,RUS,conflict starting 2024-01-10",
        f"actorgraph: {f}:4: warning: unknown group \"friendship\" (cooperation, conflict, "
        "cameo01..cameo20 or a relation type)",
        f"actorgraph: {f}:5: warning: bad start or end \"2024-01-11\", \"2024-01-10\"",
        f"actorgraph: {f}:6: warning: bad number \"0\" in events",
        f"actorgraph: {f}:7: warning: 9 columns, not 14 (dyads)"], "bad dyads")
    # CHN->USA cameo19 over the year 2024: 4 events, g10 -200: weight 0.5
    expect(rels(g)[0], ("CHN", "USA", "cameo19", -1, 0.5, "reported", "2024", "2024",
                        "4 events, 4 mentions, 4 sources, 4 articles; mean Goldstein -5.00",
                        []), "cameo19 dyad")
    # a header that is not the dyad header
    h = os.path.join(TMP, "h.csv")
    open(h, "w").write("source,target,group,start\nA,B,conflict,2024\n")
    rc, _, err = run(h, "--format", "dyads", "-o", os.path.join(TMP, "x.json"))
    expect(rc, 2, "bad dyad header")
    if "needs the header" not in err:
        fail("bad dyad header message: " + err)


def case_compressed():
    src = open(os.path.join(FIX, "gdelt2.tsv"), "rb").read()
    want = rels(graph(os.path.join(FIX, "gdelt2.tsv"))[0])
    gz = os.path.join(TMP, "e.tsv.gz")
    open(gz, "wb").write(gzip.compress(src))
    expect(rels(graph(gz)[0]), want, ".gz")
    # two gzip members, as `cat a.gz b.gz` makes: the rows of both
    half = src.index(b"\n", len(src) // 2) + 1
    gz2 = os.path.join(TMP, "two.gz")
    open(gz2, "wb").write(gzip.compress(src[:half]) + gzip.compress(src[half:]))
    expect(rels(graph(gz2)[0]), want, "two gzip members")
    for method in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        z = os.path.join(TMP, f"e{method}.zip")
        with zipfile.ZipFile(z, "w", method) as zf:
            zf.writestr("e.CSV", src)
        expect(rels(graph(z)[0]), want, f"zip method {method}")
    # zip written to a pipe: sizes in a data descriptor after the data
    z = os.path.join(TMP, "stream.zip")
    with open(z, "wb") as raw:
        class Pipe:  # a stream that cannot seek, so zipfile writes descriptors
            def write(self, b):
                return raw.write(b)
            def flush(self):
                raw.flush()
            def tell(self):
                return raw.tell()
        with zipfile.ZipFile(Pipe(), "w", zipfile.ZIP_DEFLATED) as zf:
            with zf.open("e.CSV", "w") as w:
                w.write(src)
    expect(rels(graph(z)[0]), want, "zip with data descriptor")
    # standard input, plain and compressed
    expect(rels(graph("-", stdin=src)[0]), want, "stdin")
    expect(rels(graph("-", stdin=gzip.compress(src))[0]), want, "gzip on stdin")
    # several files are read in turn: gdelt2 then ICEWS rows
    g, err = graph(os.path.join(FIX, "gdelt2.tsv"), os.path.join(FIX, "icews.tab"))
    expect(len(g["relations"]), 7, "two files")
    if "21 rows: 11 used" not in err:
        fail("two files summary: " + err)
    # truncated and corrupt: an error, nothing written
    out = os.path.join(TMP, "bad.json")
    data = gzip.compress(src * 20)
    cases = {
        "truncated.gz": data[: len(data) // 2],
        "corrupt.gz": data[:30] + bytes(b ^ 0x55 for b in data[30:60]) + data[60:],
        "crc.gz": data[:-8] + bytes([data[-8] ^ 1]) + data[-7:],
        "trailing.gz": data + b"garbage",
    }
    zb = open(os.path.join(TMP, f"e{zipfile.ZIP_DEFLATED}.zip"), "rb").read()
    cases["truncated.zip"] = zb[: len(zb) // 2]
    cases["nodirectory.zip"] = zb[: zb.index(b"PK\x01\x02")]
    i = zb.index(b"e.CSV") + 5 + 10
    cases["corrupt.zip"] = zb[:i] + bytes(b ^ 0x55 for b in zb[i:i + 20]) + zb[i + 20:]
    zs = open(os.path.join(TMP, f"e{zipfile.ZIP_STORED}.zip"), "rb").read()
    i = zs.index(b"e.CSV") + 5 + 100
    cases["crc.zip"] = zs[:i] + bytes([zs[i] ^ 1]) + zs[i + 1:]
    for name, blob in cases.items():
        p = os.path.join(TMP, name)
        open(p, "wb").write(blob)
        rc, _, err = run(p, "-o", out)
        if rc != 2:
            fail(f"{name}: exit {rc}: {err}")
        if not err.startswith(f"actorgraph: {p}: "):
            fail(f"{name}: message {err}")
        if os.path.exists(out) or os.path.exists(os.path.join(TMP, "bad.manifest.json")):
            fail(f"{name}: wrote output")


def case_outputs():
    f = os.path.join(FIX, "gdelt2.tsv")
    # default output path under out/ (in the working directory)
    rc, _, err = subprocess.run([BIN, "events", f], cwd=TMP, capture_output=True,
                                text=True).returncode, None, None
    expect(rc, 0, "default output")
    for p in ("out/gdelt2.json", "out/gdelt2.manifest.json"):
        if not os.path.exists(os.path.join(TMP, p)):
            fail("missing " + p)
    # other formats, by extension
    for ext in ("graphml", "gml", "csv", "dot", "cyjs"):
        out = os.path.join(TMP, "g." + ext)
        rc, _, err = run(f, "-o", out)
        expect(rc, 0, "format " + ext + " " + err)
        p = subprocess.run([BIN, "validate", out], capture_output=True)
        if ext != "cyjs" and p.returncode != 0:
            fail(f"{ext} does not read back: {p.stderr}")
    # standard output: no manifest
    rc, out, err = run(f, "-q", "-o", "-")
    expect(rc, 0, "stdout")
    expect(json.loads(out)["relations"][0]["source"], "PRK", "stdout graph")
    # render's title names the first three sources and counts the rest
    dot = subprocess.run([BIN, "render", os.path.join(TMP, "out", "gdelt2.json"), "-o", "-"],
                         capture_output=True, text=True).stdout
    title = [l for l in dot.splitlines() if "Sources: " in l]
    if len(title) != 1 or "http://a.example/3" not in title[0] or \
            "<br/>and 4 more" not in title[0] or "http://a.example/2" in title[0]:
        fail("render title: " + repr(title))
    # a URL that is not UTF-8 keeps its bytes as %XX; a file name too
    row = open(f, "rb").read().split(b"\n")[0].split(b"\t")
    row[60] = b"http://e.example/caf\xe9"
    odd = os.path.join(TMP, "caf\xe9.tsv".encode("latin-1").decode("utf-8", "surrogateescape"))
    open(odd, "wb").write(b"\t".join(row) + b"\n")
    rc, out, err = run(odd, "-q", "-o", "-")
    expect(rc, 0, "non-UTF-8 URL: " + err)
    g = json.loads(out)
    expect([s.get("url") for s in g["sources"]][1:], ["http://e.example/caf%E9"],
           "non-UTF-8 URL")
    expect(g["title"], "GDELT 2.0 Events, caf%E9: relations by sign", "non-UTF-8 file name")
    # the output may not be an input
    same = os.path.join(TMP, "rows.json")
    shutil.copy(f, same)
    rc, _, err = run(same, "-o", same)
    expect(rc, 3, "output names an input")
    expect(open(same, "rb").read(), open(f, "rb").read(), "input untouched")


CASES = {n[5:]: fn for n, fn in globals().items() if n.startswith("case_")}
try:
    CASES[CASE]()
finally:
    shutil.rmtree(TMP, ignore_errors=True)
