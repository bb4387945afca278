#!/usr/bin/env python3
"""The real samples of ../shared/datasets/events/ through actorgraph events,
checked against an independent computation with the standard library only:
for the GDELT 2.0 export, every dyad's event count, Goldstein sum (through
the weight), mentions, sources, articles, sign, dates and URLs; for both
samples, that render draws the graph. Exits 77 (skipped) when the folder or
iso-codes' table is absent.

usage: check_events_samples.py ACTORGRAPH DATASETS_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile

BIN, DATA = sys.argv[1], sys.argv[2]
GDELT = os.path.join(DATA, "20191024143000.export.CSV")
ICEWS = os.path.join(DATA, "events.2018.sample.tab")
ISO = os.environ.get("ACTORGRAPH_ISO_3166", "/usr/share/iso-codes/json/iso_3166-1.json")
if not (os.path.exists(GDELT) and os.path.exists(ICEWS) and os.path.exists(ISO)):
    print("skipped: the samples or iso-codes are absent")
    sys.exit(77)


def fail(msg):
    print("FAIL:", msg, file=sys.stderr)
    sys.exit(1)


with open(ISO, encoding="utf-8") as f:
    alpha3 = {c["alpha_3"] for c in json.load(f)["3166-1"]}

# the dyads, computed from the rows (docs/events.md: country actors, by sign,
# period all)
dyads = {}
counts = {"rows": 0, "unplaced": 0, "internal": 0, "neutral": 0}
with open(GDELT, encoding="utf-8", newline="") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        counts["rows"] += 1
        assert len(c) == 61, "the sample has 61 columns in every row"
        a1, a2 = c[7], c[17]
        if a1 not in alpha3 or a2 not in alpha3:
            counts["unplaced"] += 1
            continue
        if a1 == a2:
            counts["internal"] += 1
            continue
        g10 = int(round(float(c[30]) * 10))
        if g10 == 0:
            counts["neutral"] += 1
            continue
        key = (a1, a2, "cooperation" if g10 > 0 else "conflict")
        d = dyads.setdefault(key, {"events": 0, "g10": 0, "mentions": 0, "sources": 0,
                                   "articles": 0, "dates": [], "top": []})
        d["events"] += 1
        d["g10"] += g10
        d["mentions"] += int(c[31])
        d["sources"] += int(c[32])
        d["articles"] += int(c[33])
        d["dates"].append(c[1])
        d["top"].append((-int(c[31]), int(c[0]), c[60]))

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "gdelt.json")
    p = subprocess.run([BIN, "events", GDELT, "-o", out], capture_output=True, text=True)
    if p.returncode != 0:
        fail(p.stderr)
    used = sum(d["events"] for d in dyads.values())
    want = (f"{counts['rows']} rows: {used} used, 0 skipped, {counts['unplaced']} unplaced, "
            f"{counts['internal']} internal, {counts['neutral']} neutral")
    if want not in p.stderr:
        fail(f"summary: want {want!r} in {p.stderr!r}")
    with open(out, encoding="utf-8") as f:
        g = json.load(f)
    urls = {s["id"]: s.get("url") for s in g["sources"]}
    got = {}
    for r in g["relations"]:
        m = re.match(r"(\d+) events?, (\d+) mentions?, (\d+) sources?, (\d+) articles?; ",
                     r["evidence"][0]["note"])
        got[(r["source"], r["target"], r["type"])] = (r, [int(x) for x in m.groups()])
    if set(got) != set(dyads):
        fail(f"dyads differ: {sorted(set(got) ^ set(dyads))[:10]}")
    keys = [(r["source"], r["target"], r["type"]) for r in g["relations"]]
    if keys != sorted(keys):
        fail("relations not in (source, target, group) order")
    for key, d in dyads.items():
        r, (ev, men, src, art) = got[key]
        if (ev, men, src, art) != (d["events"], d["mentions"], d["sources"], d["articles"]):
            fail(f"{key}: counts {(ev, men, src, art)} != {d}")
        if r["sign"] != (1 if d["g10"] > 0 else -1):
            fail(f"{key}: sign")
        w = min(1.0, abs(d["g10"]) / (100 * d["events"]))
        if abs(r["weight"] - w) > 1e-12:
            fail(f"{key}: weight {r['weight']} != {w}")
        ds = sorted(d["dates"])
        if (r["start"], r["end"]) != (f"{ds[0][:4]}-{ds[0][4:6]}-{ds[0][6:]}",
                                      f"{ds[-1][:4]}-{ds[-1][4:6]}-{ds[-1][6:]}"):
            fail(f"{key}: dates {r['start']} {r['end']}")
        conf = "confirmed" if d["sources"] >= 10 else "reported" if d["sources"] >= 3 \
            else "speculative"
        if r["confidence"] != conf:
            fail(f"{key}: confidence")
        top = []
        for _, _, u in sorted(d["top"])[:3]:
            if u and u not in top:
                top.append(u)
        if [urls[e["source"]] for e in r["evidence"][1:]] != top:
            fail(f"{key}: URLs")
    print(f"{len(dyads)} dyads of {counts['rows']} rows agree")

    # both samples render
    for name, path in (("gdelt", GDELT), ("icews", ICEWS)):
        js, png = os.path.join(tmp, name + ".json"), os.path.join(tmp, name + ".png")
        p = subprocess.run([BIN, "events", "-q", path, "-o", js], capture_output=True,
                           text=True)
        if p.returncode != 0:
            fail(f"{name}: {p.stderr}")
        p = subprocess.run([BIN, "render", "-q", js, "-o", png], capture_output=True,
                           text=True)
        if p.returncode != 0 or open(png, "rb").read(8) != b"\x89PNG\r\n\x1a\n":
            fail(f"render {name}: {p.stderr}")
