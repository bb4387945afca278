#!/usr/bin/env python3
"""A graph converted to FORMAT and back keeps every actor and relation with
all their fields: the normalized JSON before and after are equal (as JSON
values; attribute order may differ). CSV (relations and the actors file
beside them) has no place for the title, description, sources and
evidence, and its attribute values are text: those are compared as CSV can
carry them (title the file's name, attributes as text that reads back as
the same JSON value).
usage: check_roundtrip.py ACTORGRAPH GRAPH.json FORMAT"""
import json
import os
import subprocess
import sys
import tempfile

binary, graph, fmt = sys.argv[1:4]
with tempfile.TemporaryDirectory() as d:
    norm, mid, back = (os.path.join(d, n) for n in ("norm.json", "mid." + fmt, "back.json"))
    steps = [(graph, norm), (graph, mid), (mid, back)]
    if fmt == "csv":
        steps[2] = (mid, back, "--actors", os.path.join(d, "mid.actors.csv"))
    for args in steps:
        run = subprocess.run([binary, "convert", "-q", *args], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("convert %s failed: %s" % (" ".join(args), run.stderr))
        if run.stderr:
            sys.exit("convert %s warned: %s" % (" ".join(args), run.stderr))
    a, b = json.load(open(norm, encoding="utf-8")), json.load(open(back, encoding="utf-8"))
if fmt == "csv":
    a["title"] = "mid"
    a.pop("description", None)
    a["sources"] = []
    for r in a["relations"]:
        r["evidence"] = []
    for x in b["actors"]:
        for k, v in x["attributes"].items():
            orig = next(y for y in a["actors"] if y["id"] == x["id"])["attributes"].get(k)
            if not isinstance(orig, str) and orig is not None:
                x["attributes"][k] = json.loads(v)
if a != b:
    for key in a:
        if a[key] != b.get(key):
            if isinstance(a[key], list):
                for i, (x, y) in enumerate(zip(a[key], b.get(key, []))):
                    if x != y:
                        sys.exit("/%s/%d differs after %s:\n  %r\n  %r" % (key, i, fmt, x, y))
            sys.exit("/%s differs after %s:\n  %r\n  %r" % (key, fmt, a[key], b.get(key)))
    sys.exit("documents differ after %s" % fmt)
print("ok: %d actors, %d relations survive %s" % (len(a["actors"]), len(a["relations"]), fmt))
