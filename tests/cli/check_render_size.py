#!/usr/bin/env python3
"""render chooses engine, edges and labels by the graph's size
(AG_RENDER_SMALL_ACTORS 40, AG_RENDER_SMALL_RELATIONS 150), says so on
standard error, and lets --engine, --splines and --edge-labels override it.
usage: check_render_size.py ACTORGRAPH SOURCE_DIR"""
import json
import os
import re
import subprocess
import sys
import tempfile

binary, src = sys.argv[1], sys.argv[2]
errors = []


def render(path, *args):
    p = subprocess.run([binary, "render", path, "--format", "dot", "-o", "-", *args],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def edge_labels(dot):
    """How many edges carry a label, of how many edges."""
    edges = re.findall(r"->[^\[]*\[(.*?)\];", dot, re.S)
    return sum(1 for e in edges if re.search(r"(^|[\s,])label=", e)), len(edges)


tmp = tempfile.mkdtemp()
big = os.path.join(tmp, "big.json")
with open(big, "w") as f:
    subprocess.run([sys.executable, os.path.join(src, "bench", "gen.py"), "50", "2"], stdout=f,
                   check=True)
doc = json.load(open(big))
doc["relations"][0]["label"] = "the analyst's own"
json.dump(doc, open(big, "w"))
n_rel = len(doc["relations"])

# past the sizes: sfdp, straight lines, prism, only the analyst's label
rc, dot, err = render(big)
if rc != 0:
    errors.append("big: exit %d: %s" % (rc, err))
if "splines=line" not in dot or "overlap=prism" not in dot or "rankdir" in dot:
    errors.append("big: not drawn for overview (splines=line, overlap=prism, no rankdir)")
labelled, edges = edge_labels(dot)
if edges != n_rel or labelled != 1:
    errors.append("big: %d of %d edges labelled, expected 1 of %d" % (labelled, edges, n_rel))
if "the analyst" not in dot:
    errors.append("big: the analyst's label is missing")
if not re.search(r"50 actors, %d relations: drawn with sfdp, straight edges, the analyst's "
                 r"labels only" % n_rel, err):
    errors.append("big: stderr does not say how it was drawn: %r" % err)
rc, _, err = render(big, "-q")
if err:
    errors.append("big -q: stderr not empty: %r" % err)

# overrides
rc, dot, err = render(big, "--engine", "dot", "--edge-labels", "all", "--splines", "polyline")
labelled, edges = edge_labels(dot)
if rc != 0 or "rankdir=LR" not in dot or "splines=polyline" not in dot or labelled != edges:
    errors.append("big with overrides: rc %d, %d of %d labelled" % (rc, labelled, edges))
if "drawn with" in err:
    errors.append("big --engine dot: the choice was the user's, nothing to say")

# small: as before, dot, every label, no note
small = os.path.join(src, "graphs", "dprk-russia.json")
rc, dot, err = render(small)
labelled, edges = edge_labels(dot)
if rc != 0 or "rankdir=LR" not in dot or "splines=" in dot.split("node [")[0] or "drawn with" in err:
    errors.append("small: not the briefing diagram (rc %d)" % rc)
if labelled != edges:
    errors.append("small: %d of %d edges labelled" % (labelled, edges))
rc, dot, _ = render(small, "--edge-labels", "none")
if edge_labels(dot)[0] != 0:
    errors.append("small --edge-labels none: labels left")

# bad values list the good ones
for opt, val, listed in (("--splines", "wiggly", "true, spline, curved, line, polyline, ortho, none"),
                         ("--edge-labels", "some", "auto, all, none"),
                         ("--engine", "twopi", "auto, dot, neato, fdp, sfdp, circo")):
    rc, _, err = render(small, opt, val)
    if rc != 1 or listed not in err:
        errors.append("%s %s: exit %d, %r" % (opt, val, rc, err))

if errors:
    sys.exit("\n".join(errors))
print("ok")
