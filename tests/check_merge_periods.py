#!/usr/bin/env python3
"""actorgraph merge's decisions against a brute-force reading of the rules
of docs/merge.md, on seeded random graphs: few actors and types, many
relations per pair, dates of every precision, open-ended and undated
periods, two to six files.

  check_merge_periods.py ACTORGRAPH

For each relation of each file, in order: it is merged into the first
relation of the merged graph (in output order) with the same source and
target (either order when mutual), type, sign and mutuality, of an earlier
file, not yet merged with a relation of this file, whose period shares a
day with its own; otherwise it is a new relation, and it contradicts the
first relation of the merged graph on the same pair (either direction) of
an earlier file with the opposite sign whose period shares a day with its
own. Every comparison is made against every earlier relation: O(n^2).
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

TYPES = ["alliance", "trade", "sanctions", "hostility", "military_support"]


def first_day(d):
    if not d:
        return -1
    p = [int(x) for x in d.split("-")]
    return p[0] * 10000 + (p[1] if len(p) > 1 else 1) * 100 + (p[2] if len(p) > 2 else 1)


def last_day(d):
    if not d:
        return 10 ** 9
    p = [int(x) for x in d.split("-")]
    return p[0] * 10000 + (p[1] if len(p) > 1 else 12) * 100 + (p[2] if len(p) > 2 else 31)


def rand_date(rng):
    y = rng.randint(2000, 2005)
    k = rng.randint(0, 2)
    if k == 0:
        return "%d" % y
    m = rng.randint(1, 12)
    if k == 1:
        return "%d-%02d" % (y, m)
    return "%d-%02d-%02d" % (y, m, rng.randint(1, 28))


def make(rng, f):
    acts = ["A", "B", "C"]
    rels, seen = [], set()
    for _ in range(rng.randint(5, 40)):
        s, t = rng.sample(acts, 2)
        r = {"source": s, "target": t, "type": rng.choice(TYPES), "weight": rng.choice([0.5, 0.8])}
        a, b = sorted([rand_date(rng), rand_date(rng)], key=first_day)
        if first_day(b) < first_day(a) or last_day(b) < last_day(a):
            b = a
        u = rng.random()
        if u < 0.6:
            r["start"], r["end"] = a, b
        elif u < 0.75:
            r["start"] = a
        elif u < 0.9:
            r["end"] = b
        r["evidence"] = [{"source": "s"}]
        k = json.dumps(r, sort_keys=True)
        if k not in seen:
            seen.add(k)
            rels.append(r)
    return {"actorgraph": 1, "title": "g%d" % f, "sources": [{"id": "s", "title": "S"}],
            "actors": [{"id": a, "kind": "state"} for a in acts], "relations": rels}


def expected(files, graphs):
    out, lines = [], []
    for f, (name, g) in enumerate(zip(files, graphs)):
        for i, r in enumerate(g["relations"]):
            lo, hi = first_day(r.get("start")), last_day(r.get("end"))
            a, b = r["source"], r["target"]
            same = (min(a, b), max(a, b)) if r["mutual"] else (a, b)
            same = same + (r["type"], r["sign"], r["mutual"])
            pair = (min(a, b), max(a, b))
            rid = "r%d" % (i + 1)
            o = next((k for k, c in enumerate(out) if c["same"] == same and c["file"] != f and
                      c["absorbed"] != f and c["lo"] <= hi and lo <= c["hi"]), None)
            if o is not None:
                out[o]["absorbed"] = f
                lines.append("merged %s %s into %s %s output r%d" %
                             (name, rid, files[out[o]["file"]], out[o]["id"], o + 1))
                continue
            c = next((k for k, c in enumerate(out) if c["pair"] == pair and c["file"] != f and
                      c["sign"] != r["sign"] and c["lo"] <= hi and lo <= c["hi"]), None)
            if c is not None:
                lines.append("contradiction %s %s with %s %s output r%d r%d" %
                             (name, rid, files[out[c]["file"]], out[c]["id"], len(out) + 1, c + 1))
            out.append({"same": same, "pair": pair, "sign": r["sign"], "file": f, "id": rid,
                        "lo": lo, "hi": hi, "absorbed": None})
    return lines, len(out)


def decisions(err):
    lines = []
    for line in err.splitlines():
        m = re.match(r"actorgraph: merge: relation merged: relation (r\d+) of (\w+)\.json \(.*\) "
                     r"is relation (r\d+) of (\w+)\.json: one relation \(output (r\d+)\)", line)
        if m:
            lines.append("merged %s %s into %s %s output %s" % (m[2], m[1], m[4], m[3], m[5]))
        m = re.match(r"actorgraph: merge: contradiction: relation (r\d+) of (\w+)\.json \(.*\) "
                     r"contradicts relation (r\d+) of (\w+)\.json \(.*\): opposite signs at the "
                     r"same time, both kept \(output (r\d+), (r\d+)\)$", line)
        if m:
            lines.append("contradiction %s %s with %s %s output %s %s" %
                         (m[2], m[1], m[4], m[3], m[5], m[6]))
    return lines


def main():
    ag = os.path.abspath(sys.argv[1])
    merged = contradictions = 0
    with tempfile.TemporaryDirectory() as tmp:
        # each type's sign and mutuality, as the vocabulary gives them (the
        # export writes every default out)
        path = os.path.join(tmp, "types.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"actorgraph": 1, "title": "types",
                       "actors": [{"id": "A", "kind": "state"}, {"id": "B", "kind": "state"}],
                       "relations": [{"source": "A", "target": "B", "type": t} for t in TYPES]},
                      fh)
        p = subprocess.run([ag, "export", path, "--format", "json", "-o", "-"],
                           capture_output=True, text=True, check=True)
        vocab = {r["type"]: (r["sign"], r["mutual"]) for r in json.loads(p.stdout)["relations"]}
        for seed in range(60):
            rng = random.Random(seed)
            n = 2 + seed % 5
            files, graphs = [], []
            for f in range(n):
                name = "g%d" % f
                path = os.path.join(tmp, name + ".json")
                g = make(rng, f)
                with open(path, "w", encoding="utf-8") as fh:
                    json.dump(g, fh)
                for r in g["relations"]:
                    r["sign"], r["mutual"] = vocab[r["type"]]
                files.append(name)
                graphs.append(g)
            p = subprocess.run([ag, "merge"] + [x + ".json" for x in files] + ["-o", "m.json"],
                               capture_output=True, text=True, cwd=tmp)
            if p.returncode != 0:
                sys.exit("seed %d: merge exit %d: %s" % (seed, p.returncode, p.stderr))
            want, n_out = expected(files, graphs)
            got = decisions(p.stderr)
            if got != want:
                for a, b in zip(want + ["-"] * len(got), got + ["-"] * len(want)):
                    if a != b:
                        sys.exit("seed %d: expected %s, got %s" % (seed, a, b))
            with open(os.path.join(tmp, "m.json"), encoding="utf-8") as fh:
                if len(json.load(fh)["relations"]) != n_out:
                    sys.exit("seed %d: merged relations" % seed)
            merged += sum(x.startswith("merged") for x in want)
            contradictions += sum(x.startswith("contradiction") for x in want)
    # the cases are not trivial
    assert merged > 300 and contradictions > 100, (merged, contradictions)
    print("merge periods: %d merged, %d contradictions as the rules say" % (merged, contradictions))


main()
