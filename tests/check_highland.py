#!/usr/bin/env python3
"""Read's highland tribes against their published values (R package signnet):
triangle balance index 0.8676471 (59 of 68 triangles balanced), and a
3-bloc partition with frustration 2.
Exits 77 (skipped) when ../shared/datasets is absent.
usage: check_highland.py ACTORGRAPH DATASET_CSV"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from signed_csv import convert  # noqa: E402

binary, csv_path = sys.argv[1], sys.argv[2]
if not os.path.exists(csv_path):
    print("skipped: %s is absent" % csv_path)
    sys.exit(77)
graph = convert(csv_path, "Highland tribes")
assert len(graph["actors"]) == 16 and len(graph["relations"]) == 58
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(graph, f)
out = subprocess.run([binary, "report", f.name, "--format", "json"], check=True,
                     capture_output=True, text=True).stdout
bal = json.loads(out)["graph"]["balance"]
try:
    out = subprocess.run([binary, "clusters", f.name, "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
finally:
    os.unlink(f.name)
clusters = json.loads(out)
errors = []
if bal["triangles"] != 68:
    errors.append("triangles %d, published 68" % bal["triangles"])
if bal["balanced"] != 59:
    errors.append("balanced %d, published 59" % bal["balanced"])
if abs(bal["index"] - 0.8676471) > 1e-7:
    errors.append("index %.7f, published 0.8676471" % bal["index"])
# the published 3-bloc partition with frustration 2
if len(clusters["blocs"]) != 3:
    errors.append("%d blocs, expected 3" % len(clusters["blocs"]))
if clusters["frustration"]["count"] != 2:
    errors.append("frustration %d, published 2" % clusters["frustration"]["count"])
if errors:
    sys.exit("; ".join(errors))
print("ok: %d triangles, %d balanced, index %.7f; %d blocs, frustration %d"
      % (bal["triangles"], bal["balanced"], bal["index"], len(clusters["blocs"]),
         clusters["frustration"]["count"]))
