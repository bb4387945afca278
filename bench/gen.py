#!/usr/bin/python3
"""Benchmark graphs, reproducible from a seed.

usage: gen.py N SEED > graph.json          a generated graph of N actors
       gen.py --cow FILE > graph.json      a Correlates of War window (source,target,sign)

Generated graphs have planted blocs (about 25 actors each), 10 relations
per actor (10 N relations in all, as in 1,000 actors / 10,000 relations), mixed
signs (cooperation mostly inside blocs, conflict mostly across them), some
mutual relations, and several relations on some pairs. Types and weights come
from actorgraph's vocabulary, so every default applies as it does to an
analyst's file, but for the weight: each relation's weight is its type's
default times a random factor in [0.85, 1), so that shortest paths are
unique and every peer counts the same paths for betweenness (with the
defaults alone many paths tie, and the peers that compare path lengths
exactly, networkx and graph-tool, split them differently from igraph and
actorgraph, which compare with a tolerance). The same N and SEED give the
same file, byte for byte.
"""

import csv
import json
import random
import sys

# (type, sign, weight, mutual) from `actorgraph help types`
POSITIVE = [("alliance", 1, 0.80, True), ("military_support", 1, 0.83, False),
            ("arms_transfer", 1, 0.83, False), ("training", 1, 0.74, False),
            ("economic_aid", 1, 0.74, False), ("trade", 1, 0.64, False),
            ("diplomatic_support", 1, 0.35, False), ("joint_exercise", 1, 0.74, True),
            ("tacit_support", 1, 0.34, False)]
NEGATIVE = [("sanctions", -1, 0.80, False), ("threat", -1, 0.70, False),
            ("hostility", -1, 0.72, True), ("armed_conflict", -1, 1.00, True)]


def key(u, v, typ, mutual):
    """Relations actorgraph would call duplicates share a key."""
    return (min(u, v), max(u, v), typ) if mutual else (u, v, typ)


def generated(n, seed):
    rng = random.Random(seed)
    bloc_size = 25
    blocs = max(2, (n + bloc_size - 1) // bloc_size)
    bloc = [i % blocs for i in range(n)]
    members = [[i for i in range(n) if bloc[i] == b] for b in range(blocs)]
    ids = [f"A{i:05d}" for i in range(n)]
    actors = [{"id": ids[i], "name": f"Actor {i}", "kind": "state",
               "group": f"planted {bloc[i] + 1}"} for i in range(n)]
    relations = []
    m = 10 * n
    seen = set()
    while len(relations) < m:
        u = rng.randrange(n)
        inside = rng.random() < 0.7
        if inside and len(members[bloc[u]]) > 1:
            v = rng.choice(members[bloc[u]])
        else:
            v = rng.randrange(n)
        if u == v:
            continue
        same = bloc[u] == bloc[v]
        positive = rng.random() < (0.9 if same else 0.2)
        typ, _, weight, mutual = rng.choice(POSITIVE if positive else NEGATIVE)
        if key(u, v, typ, mutual) in seen:
            continue
        seen.add(key(u, v, typ, mutual))
        relations.append({"source": ids[u], "target": ids[v], "type": typ,
                          "weight": round(weight * (0.85 + 0.15 * rng.random()), 12)})
        if rng.random() < 0.05 and len(relations) < m:
            # a second relation on the same pair, the same way round
            typ2, _, weight2, mutual2 = rng.choice(POSITIVE if positive else NEGATIVE)
            if key(u, v, typ2, mutual2) not in seen:
                seen.add(key(u, v, typ2, mutual2))
                relations.append({"source": ids[u], "target": ids[v], "type": typ2,
                                  "weight": round(weight2 * (0.85 + 0.15 * rng.random()), 12)})
    return {"actorgraph": 1,
            "title": f"Generated: {n} actors, {len(relations)} relations, seed {seed}",
            "description": f"bench/gen.py {n} {seed}: {blocs} planted blocs of about "
                           f"{bloc_size}; cooperation mostly inside, conflict mostly across.",
            "actors": actors, "relations": relations}


def cow(path):
    ids, relations = [], []
    seen = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for a in (row["source"], row["target"]):
                if a not in seen:
                    seen.add(a)
                    ids.append(a)
            sign = int(row["sign"])
            relations.append({"source": row["source"], "target": row["target"],
                              "type": "alliance" if sign > 0 else "hostility",
                              "weight": 1})
    ids.sort()
    return {"actorgraph": 1, "title": f"Correlates of War, {path.rsplit('/', 1)[-1][:-4]}",
            "description": "Doreian & Mrvar's signed international relations "
                           "(signnet's data): alliances and hostilities, each mutual.",
            "actors": [{"id": a, "name": a, "kind": "state"} for a in ids],
            "relations": relations}


def main(argv):
    if len(argv) == 3 and argv[1] == "--cow":
        doc = cow(argv[2])
    elif len(argv) == 3:
        doc = generated(int(argv[1]), int(argv[2]))
    else:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    json.dump(doc, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
