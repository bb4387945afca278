#!/usr/bin/env python3
"""The signed method minimises frustration (positive ties between blocs plus
negative ties inside), as clusters reports it:

- on Correlates of War 1946-49 and 1960-63 it leaves no more frustrated ties
  than spinglass's best of 5 seeds, and on 1960-63 at most 36 (the value a
  plain move-one-actor-at-a-time search reaches; spinglass's best of 50
  seeds leaves 44); skipped when ../shared/datasets is absent;
- a connected part whose ties are all positive is one bloc, for every seed,
  and a frustration-free split (two hostile camps) is found exactly;
- its runs give the same blocs whatever the number of threads (the runs are
  seeded one by one);
- spinglass refuses a connected part past 1,000 actors in one line that
  points to the signed method, instead of running for hours.
Exits 77 (skipped) only when every dataset check is absent and nothing
else ran; the synthetic checks always run.
usage: check_signed_blocs.py ACTORGRAPH DATASETS_DIR"""
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from signed_csv import convert  # noqa: E402

binary, datasets = sys.argv[1], sys.argv[2]
errors = []


def clusters(graph, *args, env=None):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(graph, f)
    try:
        out = subprocess.run([binary, "clusters", f.name, "--format", "json", *args],
                             check=True, capture_output=True, text=True, env=env).stdout
    finally:
        os.unlink(f.name)
    return json.loads(out)


# Correlates of War windows
for window, bound in (("46-49", None), ("60-63", 36)):
    path = os.path.join(datasets, "cow", window + ".csv")
    if not os.path.exists(path):
        print("skipped: %s is absent" % path)
        continue
    g = convert(path, "CoW " + window)
    ours = clusters(g)["frustration"]["count"]
    theirs = clusters(g, "--method", "spinglass", "--runs", "5")["frustration"]["count"]
    print("CoW %s: signed %d frustrated ties, spinglass best of 5: %d" % (window, ours, theirs))
    if ours > theirs:
        errors.append("CoW %s: %d frustrated ties, spinglass %d" % (window, ours, theirs))
    if bound is not None and ours > bound:
        errors.append("CoW %s: %d frustrated ties, at most %d expected" % (window, ours, bound))


def rel(a, b, sign):
    return {"source": a, "target": b, "type": "tie", "sign": sign, "weight": 1, "mutual": True}


# An all-positive connected part (a random tree plus chords, 60 actors) and
# two hostile camps of 10 (dense inside, enemies across) beside it.
rng = random.Random(3)
ids = ["P%d" % i for i in range(60)] + ["C%d" % i for i in range(20)]
rels = []
for i in range(1, 60):
    rels.append(rel("P%d" % rng.randrange(i), "P%d" % i, 1))
for _ in range(40):
    a, b = rng.sample(range(60), 2)
    rels.append(rel("P%d" % a, "P%d" % b, 1))
for i in range(20):
    for j in range(i + 1, 20):
        if rng.random() < 0.5:
            rels.append(rel("C%d" % i, "C%d" % j, 1 if (i < 10) == (j < 10) else -1))
graph = {"actorgraph": 1, "title": "positive part and two camps",
         "actors": [{"id": a} for a in ids], "relations": rels}
for seed in range(1, 11):
    d = clusters(graph, "--seed", str(seed))
    memb = d["membership"]
    if len({memb["P%d" % i] for i in range(60)}) != 1:
        errors.append("seed %d: the all-positive part was split" % seed)
    camps = [{memb["C%d" % i] for i in range(10)}, {memb["C%d" % i] for i in range(10, 20)}]
    if len(camps[0]) != 1 or len(camps[1]) != 1 or camps[0] == camps[1]:
        errors.append("seed %d: the two camps were not found" % seed)
    if d["frustration"]["count"] != 0:
        errors.append("seed %d: frustration %d, expected 0" % (seed, d["frustration"]["count"]))

# runs on threads: the same result as on one thread
one = dict(os.environ, ACTORGRAPH_THREADS="1")
many = dict(os.environ, ACTORGRAPH_THREADS="4")
a = clusters(graph, "--runs", "6", "--seed", "4", env=one)
b = clusters(graph, "--runs", "6", "--seed", "4", env=many)
if a["membership"] != b["membership"] or a.get("stability") != b.get("stability"):
    errors.append("--runs 6 on 1 and on 4 threads gave different results")

# spinglass past its size: one clear line, exit 1, nothing on stdout
gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "gen.py")
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    subprocess.run([sys.executable, gen, "1100", "1"], stdout=f, check=True)
try:
    p = subprocess.run([binary, "clusters", f.name, "--method", "spinglass"],
                       capture_output=True, text=True)
finally:
    os.unlink(f.name)
if p.returncode != 1 or p.stdout or len(p.stderr.splitlines()) != 1 or \
        "use --method signed" not in p.stderr:
    errors.append("spinglass on 1,100 actors: exit %d, %r" % (p.returncode, p.stderr))

if errors:
    sys.exit("; ".join(errors))
print("ok")
