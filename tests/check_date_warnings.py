#!/usr/bin/env python3
"""validate's date warnings against a brute-force reading of their
definition (docs/format.md, "What validate reports"), on seeded random
graphs: many relations on few pairs, dates of every precision, some
undated.

  check_date_warnings.py ACTORGRAPH

A relation is in force from the first day of its start to the last day of
its end (a missing side open). Warned:
- "ended": end's last day before the first day of the latest source date (one
  warning, at the first such relation, counting the others);
- "contradicts /relations/J": J earlier in the file, same two actors in
  either direction, opposite signs, periods overlapping, at least one of
  the two dated; J is, of those, the one whose period ends last (ties: the
  first), or for an undated relation the first dated one.
"""
import json
import random
import re
import subprocess
import sys
import tempfile

TYPES = [("alliance", 1), ("trade", 1), ("sanctions", -1), ("hostility", -1)]


def first_day(d):
    p = [int(x) for x in d.split("-")]
    return p[0] * 10000 + (p[1] if len(p) > 1 else 1) * 100 + (p[2] if len(p) > 2 else 1)


def last_day(d):
    p = [int(x) for x in d.split("-")]
    return p[0] * 10000 + (p[1] if len(p) > 1 else 12) * 100 + (p[2] if len(p) > 2 else 31)


def rand_date(rng, lo, hi):
    y = rng.randint(lo, hi)
    k = rng.randint(0, 2)
    if k == 0:
        return "%04d" % y
    m = rng.randint(1, 12)
    if k == 1:
        return "%04d-%02d" % (y, m)
    return "%04d-%02d-%02d" % (y, m, rng.randint(1, 28))


def make(rng, n_rel):
    actors = ["A", "B", "C", "D"]
    rels = []
    for _ in range(n_rel):
        s, t = rng.sample(actors, 2)
        typ, _ = rng.choice(TYPES)
        r = {"source": s, "target": t, "type": typ, "weight": round(rng.uniform(0.1, 1), 6)}
        k = rng.random()
        if k < 0.2:
            pass  # undated
        elif k < 0.4:
            r["start"] = rand_date(rng, 1990, 2020)
        elif k < 0.6:
            r["end"] = rand_date(rng, 1990, 2020)
        else:
            a, b = sorted([rand_date(rng, 1990, 2020), rand_date(rng, 1990, 2020)],
                          key=first_day)
            if last_day(b) < first_day(a) or a[:4] == b[:4]:
                b = a
            r["start"], r["end"] = a, b
        rels.append(r)
    return {"actorgraph": 1, "title": "random",
            "sources": [{"id": "s1", "title": "s", "published": "2005-06"},
                        {"id": "s2", "title": "t", "published": "2003"}],
            "actors": [{"id": a} for a in actors], "relations": rels}


def expected(doc):
    latest = max(first_day(s["published"]) for s in doc["sources"])
    sign = dict(TYPES)
    out = set()
    rels = doc["relations"]
    span = [(first_day(r["start"]) if "start" in r else -10**9,
             last_day(r["end"]) if "end" in r else 10**9) for r in rels]
    dated = ["start" in r or "end" in r for r in rels]
    ended = [i for i, r in enumerate(rels) if "end" in r and last_day(r["end"]) < latest]
    if ended:
        # one warning, at the first, counting the others
        out.add("/relations/%d/end: ended +%d" % (ended[0], len(ended) - 1))
    for i, r in enumerate(rels):
        pair = {r["source"], r["target"]}
        cands = [j for j in range(i)
                 if {rels[j]["source"], rels[j]["target"]} == pair
                 and sign[rels[j]["type"]] != sign[r["type"]]
                 and (dated[i] or dated[j])
                 and span[j][0] <= span[i][1] and span[j][1] >= span[i][0]]
        if cands:
            if dated[i]:
                best = max(cands, key=lambda j: (span[j][1], -j))
            else:
                best = cands[0]
            out.add("/relations/%d: contradicts /relations/%d" % (i, best))
    return out


def actual(binary, doc):
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        json.dump(doc, f)
        f.flush()
        p = subprocess.run([binary, "validate", f.name], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    got = set()
    for line in p.stderr.splitlines():
        m = re.search(r"warning: (/relations/\d+/end: ended)[^(]*\([^)]*\)"
                      r"(?:, as did (\d+) more relations?)?: (?:it counts|they count)", line)
        if m:
            got.add("%s +%d" % (m.group(1), int(m.group(2) or 0)))
            continue
        m = re.search(r"warning: (/relations/\d+: contradicts /relations/\d+)", line)
        assert m, line
        got.add(m.group(1))
    return got


def main():
    binary = sys.argv[1]
    rng = random.Random(11)
    for n in (2, 10, 60, 400):
        for _ in range(5):
            doc = make(rng, n)
            want, got = expected(doc), actual(binary, doc)
            if want != got:
                print("FAIL with %d relations:\n missing %s\n extra %s" %
                      (n, sorted(want - got), sorted(got - want)))
                return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
