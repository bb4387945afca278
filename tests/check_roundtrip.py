#!/usr/bin/env python3
"""A graph converted to FORMAT and back keeps every actor and relation with
all their fields: the normalized JSON before and after are equal (as JSON
values; attribute order may differ).
usage: check_roundtrip.py ACTORGRAPH GRAPH.json FORMAT"""
import json
import os
import subprocess
import sys
import tempfile

binary, graph, fmt = sys.argv[1:4]
with tempfile.TemporaryDirectory() as d:
    norm, mid, back = (os.path.join(d, n) for n in ("norm.json", "mid." + fmt, "back.json"))
    for args in ((graph, norm), (graph, mid), (mid, back)):
        run = subprocess.run([binary, "convert", "-q", *args], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("convert %s %s failed: %s" % (*args, run.stderr))
        if run.stderr:
            sys.exit("convert %s %s warned: %s" % (*args, run.stderr))
    a, b = json.load(open(norm, encoding="utf-8")), json.load(open(back, encoding="utf-8"))
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
