#!/usr/bin/env python3
"""Planted-partition signed graphs: blocs whose members cooperate and whose
members fight members of other blocs. `actorgraph clusters` must recover the
planted blocs exactly (up to numbering) with frustration 0, and, after a few
signs are flipped, still recover them with frustration equal to the number of
flipped ties. Graphs come from Python's seeded random generator.
usage: check_planted.py ACTORGRAPH"""
import json
import os
import random
import subprocess
import sys
import tempfile

binary = sys.argv[1]


def planted(sizes, p_in, p_out, flips, seed):
    rng = random.Random(seed)
    actors, bloc = [], {}
    for b, size in enumerate(sizes):
        for i in range(size):
            ident = "b%d_%d" % (b, i)
            actors.append({"id": ident})
            bloc[ident] = b
    relations = []
    ids = [a["id"] for a in actors]
    for i, u in enumerate(ids):
        for v in ids[i + 1:]:
            same = bloc[u] == bloc[v]
            if rng.random() < (p_in if same else p_out):
                relations.append({"source": u, "target": v, "type": "tie",
                                  "sign": 1 if same else -1,
                                  "weight": round(rng.uniform(0.3, 1.0), 2), "mutual": True})
    rng.shuffle(actors)  # the file order must not matter
    flipped = rng.sample(range(len(relations)), flips)
    for k in flipped:
        relations[k]["sign"] = -relations[k]["sign"]
        relations[k]["weight"] = 0.1  # weak noise: the planted blocs stay optimal
    graph = {"actorgraph": 1, "title": "planted", "actors": actors, "relations": relations}
    return graph, bloc


def run(graph, *args):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(graph, f)
    try:
        return json.loads(subprocess.run([binary, "clusters", f.name, "--format", "json"] + list(args),
                                         check=True, capture_output=True, text=True).stdout)
    finally:
        os.unlink(f.name)


def same_partition(membership, bloc):
    pairs = {}
    for ident, b in membership.items():
        pairs.setdefault(b, set()).add(bloc[ident])
    found = {frozenset(i for i in membership if membership[i] == b) for b in pairs}
    want = {frozenset(i for i in bloc if bloc[i] == b) for b in set(bloc.values())}
    return found == want


errors = []
cases = [([8, 8, 8], 0.8, 0.6, 0, 11), ([10, 6, 5, 4], 0.7, 0.5, 0, 12),
         ([8, 8, 8], 0.8, 0.6, 3, 13), ([12, 12], 0.6, 0.4, 2, 14)]
for sizes, p_in, p_out, flips, seed in cases:
    graph, bloc = planted(sizes, p_in, p_out, flips, seed)
    result = run(graph, "--runs", "3")
    name = "sizes %s, %d flipped" % (sizes, flips)
    if not same_partition(result["membership"], bloc):
        errors.append("%s: blocs %s not the planted ones" % (name, result["blocs"]))
    if result["frustration"]["count"] != flips:
        errors.append("%s: frustration %d, expected %d"
                      % (name, result["frustration"]["count"], flips))
    # same seed, same output (the manifest names a different temporary file)
    again = run(graph, "--runs", "3")
    again.pop("manifest")
    result.pop("manifest")
    if again != result:
        errors.append("%s: output differs between identical runs" % name)
if errors:
    sys.exit("\n".join(errors))
print("ok: %d planted graphs recovered" % len(cases))
