#!/usr/bin/env python3
"""report --paths: auto computes the path measures on graphs of ordinary
size (the same values as exact), none leaves them out with the `skipped`
note in JSON, '-' in the table and empty CSV fields (brokerage with them);
other metrics are unchanged; a bad value lists the good ones. Run with
--blocs, whose brokerage follows --paths too.
usage: check_report_paths.py ACTORGRAPH"""
import csv
import io
import json
import subprocess
import sys

binary = sys.argv[1]
errors = []


def report(*args):
    p = subprocess.run([binary, "report", "--blocs", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


_, auto, _ = report("--format", "json")
_, exact, _ = report("--format", "json", "--paths", "exact")
rc, none, _ = report("--format", "json", "--paths", "none")
auto, exact, none = json.loads(auto), json.loads(exact), json.loads(none)
if auto["actors"] != exact["actors"]:
    errors.append("auto and exact differ on the default graph")
for a, b in zip(auto["actors"], none["actors"]):
    for k, v in a.items():
        if k in ("betweenness", "closeness", "harmonic", "brokerage"):
            if b[k] is not None:
                errors.append("--paths none: %s of %s is %r" % (k, a["id"], b[k]))
        elif b[k] != v:
            errors.append("--paths none changed %s of %s" % (k, a["id"]))
skipped = [n for n in none["graph"]["notes"] if n["case"] == "skipped"]
if not skipped or skipped[0]["metrics"] != ["betweenness", "closeness", "harmonic",
                                          "brokerage"]:
    errors.append("--paths none: no `skipped` note on the four path metrics")
if any(n["case"] == "skipped" for n in auto["graph"]["notes"]):
    errors.append("auto: `skipped` note on a small graph")
_, table, _ = report("--paths", "none")
if "harmonic, brokerage: not computed: a shortest-path" not in table:
    errors.append("table: the note is missing")
_, text, _ = report("--paths", "none", "--format", "csv")
rows = list(csv.DictReader(io.StringIO(text)))
if any(r["betweenness"] != "" or r["brokerage"] != "" for r in rows):
    errors.append("csv: betweenness or brokerage not empty")
rc, _, err = report("--paths", "some")
if rc != 1 or "(auto, exact, none)" not in err:
    errors.append("--paths some: exit %d, %r" % (rc, err))
if errors:
    sys.exit("\n".join(errors))
print("ok")
