#!/usr/bin/env python3
"""actorgraph whatif.

- On tests/cli/whatif/small.json, values worked by hand (see the comments):
  dropping A-C's hostility turns triangle A B C balanced and merges the two
  blocs; adding a custom negative tie C-E makes a new unbalanced triangle;
  dropping actor D changes no bloc.
- On the article graph, the issue's question (--drop CHN:PRK) is checked
  against report and clusters run on a copy of the file from which this
  script removed the relations between China and North Korea: every rank
  change, value, bloc and balance count, and the triangles recomputed here
  from the relations.
- Every error path: exact message and exit code.
usage: check_whatif.py ACTORGRAPH SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

binary, src = sys.argv[1], sys.argv[2]
small = os.path.join(src, "tests", "cli", "whatif", "small.json")
article = os.path.join(src, "graphs", "dprk-russia.json")
errors = []


def run(*args):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def whatif(*args):
    rc, out, err = run("whatif", *args, "--format", "json", "--top", "1000")
    if rc != 0:
        errors.append(f"whatif {args}: exit {rc}: {err}")
        return None
    return json.loads(out)


def check(cond, what):
    if not cond:
        errors.append(what)


# ---- the small graph, by hand ----
# A-B, A-E, B-E alliance 1; B-C trade 0.2; A-C trade 0.3 and hostility 0.8
# (net -0.5); C-D alliance 1.
# Blocs: {A,B,E} {C,D} leave only B-C (+0.2) across: frustration 0.2;
# one bloc would hold A-C (-0.5). Triangles ABC (++-, unbalanced) and ABE
# (+++): index 1/2.
# Without the hostility A-C is +0.3: one bloc, frustration 0, ABC +++
# (weight 1 + 0.2 + 0.3 = 1.5), index 1. The one scenario bloc shares 3
# actors with {A,B,E} and 2 with {C,D}, so it is A's bloc (A leads: 2 of
# positive strength inside, tied with B and E, the smaller id); C and D move
# from C's bloc (C and D tie at 1; C is the smaller id).
w = whatif(small, "--drop", "A:C:hostility")
if w:
    check(w["changes"]["dropped_relations"] == ["r6"], "small: dropped r6")
    b, a = w["before"], w["after"]
    check((b["triangles"], b["balanced"], b["balance_index"]) == (2, 1, 0.5), "small: balance before")
    check((a["triangles"], a["balanced"], a["balance_index"]) == (2, 2, 1.0), "small: balance after")
    check((b["frustration_count"], b["frustration_weight"]) == (1, 0.2), "small: frustration before")
    check((a["frustration_count"], a["frustration_weight"]) == (0, 0.0), "small: frustration after")
    check(b["blocs"] == [{"name": "A", "members": ["A", "B", "E"]},
                         {"name": "C", "members": ["C", "D"]}], f"small: blocs before {b['blocs']}")
    check(a["blocs"] == [{"name": "A", "members": ["A", "B", "C", "D", "E"]}], "small: blocs after")
    check(w["bloc_changes"] == [{"id": "C", "from": "C", "to": "A", "new_bloc": False},
                                {"id": "D", "from": "C", "to": "A", "new_bloc": False}],
          f"small: bloc changes {w['bloc_changes']}")
    check(w["triangle_changes"] == [{"actors": ["A", "B", "C"], "before": "unbalanced",
                                     "after": "balanced", "weight": 1.5}],
          f"small: triangles {w['triangle_changes']}")
    check(w["triangle_counts"] == {"became_unbalanced": 0, "became_balanced": 1, "dissolved": 0},
          "small: triangle counts")
    # pos_degree (pairs with a positive net tie): A 2 -> 3, B 3, C 2 -> 3,
    # D 1, E 2; ranks B 1, A C E 2, D 5 -> A B C 1, E 4, D 5.
    check(w["rank_changes"]["pos_degree"] == [
        {"id": "E", "rank_before": 2, "rank_after": 4, "value_before": 2, "value_after": 2},
        {"id": "A", "rank_before": 2, "rank_after": 1, "value_before": 2, "value_after": 3},
        {"id": "C", "rank_before": 2, "rank_after": 1, "value_before": 2, "value_after": 3}],
        f"small: pos_degree movers {w['rank_changes']['pos_degree']}")
    # the cooperative ties are unchanged: no unsigned metric moves
    for k in ("in_degree", "pagerank", "betweenness", "closeness", "eigenvector"):
        check(w["rank_changes"][k] == [], f"small: {k} moved")
    # the same relation by id, or with the pair reversed
    for sel in ("r6", "C:A:hostility"):
        o = whatif(small, "--drop", sel)
        check(o and o["manifest"]["options"]["drop"] == [sel], f"small: --drop {sel} manifest")
        check(o and {k: v for k, v in o.items() if k != "manifest"} ==
              {k: v for k, v in w.items() if k != "manifest"}, f"small: --drop {sel} differs")

# The table says the same, with the triangle's signs.
rc, out, err = run("whatif", small, "--drop", "A:C:hostility")
for line in ("Blocs: 2 -> 1; frustration 1 ties (weight 0.200) -> 0 (0.000)",
             "  C          C                      bloc of C -> bloc of A",
             "  D          D                      bloc of C -> bloc of A",
             "Balance: 2 triangles, 1 balanced, index 0.500 -> 2 triangles, 2 balanced, index 1.000",
             "  after: bloc of A: A, B, C, D, E",
             "Triangles that became balanced (1):",
             "  A B C  +++  weight 1.500; was unbalanced"):
    check(line in out.split("\n"), f"small table lacks {line!r}:\n{out}")

# Adding C-E rivalry (-0.5): triangle A C E (A-C -0.5, A-E +1, C-E -0.5)
# is balanced; B C E (B-C +0.2, B-E +1, C-E -0.5) is a new unbalanced one,
# weight 1.7.
w = whatif(small, "--add", "C:E:rivalry=-1,0.5")
if w:
    check(w["changes"]["added_relations"] == [{"id": "add1", "source": "C", "target": "E",
                                               "type": "rivalry", "sign": -1, "weight": 0.5,
                                               "mutual": False}], "small: added relation")
    check((w["after"]["triangles"], w["after"]["balanced"]) == (4, 2), "small: triangles after add")
    check(w["triangle_changes"] == [{"actors": ["B", "C", "E"], "before": "no triangle",
                                     "after": "unbalanced", "weight": 1.7}],
          f"small: add triangles {w['triangle_changes']}")
# A built-in type takes its defaults: hostility is -1, 0.72, mutual.
w = whatif(small, "--add", "D:E:hostility")
if w:
    check(w["changes"]["added_relations"][0]["sign"] == -1 and
          w["changes"]["added_relations"][0]["weight"] == 0.72 and
          w["changes"]["added_relations"][0]["mutual"] is True, "small: built-in defaults")

# Dropping D (and C-D with it): blocs {A,B,E} {C}, C still in C's bloc,
# which lost D; A's bloc is as before.
rc, out, err = run("whatif", small, "--drop-actor", "D")
check(out.split("\n")[4:8] == ["Blocs: 2 -> 2; frustration 1 ties (weight 0.200) -> 1 (0.200)",
                                "  after: bloc of C: C", "  1 other bloc as before",
                                "  no actor changed bloc"], f"small: drop D table\n{out}")
w = whatif(small, "--drop-actor", "D")
if w:
    check(w["changes"]["dropped_relations"] == ["r7"], "small: D's relation dropped")
    check(w["changes"]["dropped_actors"] == ["D"], "small: dropped actors")
    check(w["after"]["actors"] == 4, "small: 4 actors after")
    check(w["bloc_changes"] == [], f"small: drop D moved {w['bloc_changes']}")
    check(w["after"]["blocs"] == [{"name": "A", "members": ["A", "B", "E"]},
                                  {"name": "C", "members": ["C"]}], "small: blocs without D")

# ---- the article: China cuts its ties with North Korea ----
doc = json.load(open(article))
ids = [a["id"] for a in doc["actors"]]
cut = [i for i, r in enumerate(doc["relations"]) if {r["source"], r["target"]} == {"CHN", "PRK"}]
w = whatif(article, "--drop", "CHN:PRK")
with tempfile.TemporaryDirectory() as tmp:
    scen = dict(doc)
    scen["relations"] = [r for i, r in enumerate(doc["relations"]) if i not in cut]
    path = os.path.join(tmp, "scenario.json")
    json.dump(scen, open(path, "w"))
    reps = [json.loads(run("report", p, "--format", "json")[1]) for p in (article, path)]
    clus = [json.loads(run("clusters", p, "--format", "json")[1]) for p in (article, path)]

if w:
    check(w["changes"]["dropped_relations"] == [f"r{i + 1}" for i in cut], "article: dropped ids")
    check(len(cut) == 4, "article: CHN-PRK has 4 relations")
    for side, rep, cl in (("before", reps[0], clus[0]), ("after", reps[1], clus[1])):
        s = w[side]
        check((s["triangles"], s["balanced"], s["balance_index"]) ==
              (rep["graph"]["balance"]["triangles"], rep["graph"]["balance"]["balanced"],
               rep["graph"]["balance"]["index"]), f"article: balance {side}")
        check([sorted(b["members"]) for b in s["blocs"]] ==
              [sorted(b["members"]) for b in cl["blocs"]], f"article: blocs {side}")
    check([b["name"] for b in w["before"]["blocs"]] == [b["leader"] for b in clus[0]["blocs"]],
          "article: bloc names are the leaders")

    # bloc identities: greedy matching by overlap (cluster.h, ag_bloc_match)
    before = {a: b["leader"] for b in clus[0]["blocs"] for a in b["members"]}
    pairs = []
    for j, bl in enumerate(clus[1]["blocs"]):
        for p in {before[a] for a in bl["members"]}:
            pidx = [b["leader"] for b in clus[0]["blocs"]].index(p)
            ov = sum(1 for a in bl["members"] if before[a] == p)
            pairs.append((-ov, -len(bl["members"]), pidx, j, p))
    used_b, used_p, name = set(), set(), {}
    for _, _, _, j, p in sorted(pairs):
        if j not in used_b and p not in used_p:
            used_b.add(j), used_p.add(p)
            name[j] = p
    for j, bl in enumerate(clus[1]["blocs"]):
        name.setdefault(j, bl["leader"])
    after = {a: name[j] for j, bl in enumerate(clus[1]["blocs"]) for a in bl["members"]}
    moved = [{"id": a, "from": before[a], "to": after[a]} for a in ids if before[a] != after[a]]
    check([{k: m[k] for k in ("id", "from", "to")} for m in w["bloc_changes"]] == moved,
          f"article: bloc changes {w['bloc_changes']} != {moved}")

    # ranks: 1 + the number of actors with a larger value
    def rank(values):
        out = {}
        for a, v in values.items():
            out[a] = 1 + sum(1 for u in values.values() if u - v > 1e-9 * max(1.0, abs(v)))
        return out

    metrics = [k for k in reps[0]["actors"][0] if k not in ("id", "name")]
    for k in metrics:
        v0 = {r["id"]: r[k] for r in reps[0]["actors"]}
        v1 = {r["id"]: r[k] for r in reps[1]["actors"]}
        if any(v is None for v in v0.values()):
            continue
        r0, r1 = rank(v0), rank(v1)
        exp = sorted(((r0[a] - r1[a], a) for a in ids if r0[a] != r1[a]),
                     key=lambda t: (-abs(t[0]), ids.index(t[1])))
        got = w["rank_changes"][k]
        check([(g["rank_before"] - g["rank_after"], g["id"]) for g in got] == exp,
              f"article: {k} movers {got} != {exp}")
        for g in got:
            check(abs(g["value_before"] - v0[g["id"]]) <= 1e-9 * max(1, abs(v0[g["id"]])) and
                  abs(g["value_after"] - v1[g["id"]]) <= 1e-9 * max(1, abs(v1[g["id"]])),
                  f"article: {k} values of {g['id']}")

    # triangles recomputed from the relations
    def pair_graph(rels):
        s = {}
        for r in rels:
            key = tuple(sorted((ids.index(r["source"]), ids.index(r["target"]))))
            sign = r.get("sign")
            if sign is None:
                sign = -1 if r["type"] in NEG else 1
            s[key] = s.get(key, 0) + sign * r.get("weight", WEIGHT.get(r["type"], 0.5))
        return {k: v for k, v in s.items() if v != 0}

    types = run("help", "types")[1]
    NEG, WEIGHT = set(), {}
    for line in types.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 4 and cells[1].startswith("`"):
            t = cells[1].strip("`")
            WEIGHT[t] = float(cells[3])
            if cells[2] == "-1":
                NEG.add(t)

    def state(s, a, b, c):
        t = [s.get((a, b)), s.get((a, c)), s.get((b, c))]
        if None in t:
            return "no triangle"
        return "balanced" if sum(x < 0 for x in t) % 2 == 0 else "unbalanced"

    s0, s1 = pair_graph(doc["relations"]), pair_graph(scen["relations"])
    exp = []
    n = len(ids)
    for a in range(n):
        for b in range(a + 1, n):
            for c in range(b + 1, n):
                x, y = state(s0, a, b, c), state(s1, a, b, c)
                if x != y and "unbalanced" in (x, y):
                    exp.append(([ids[a], ids[b], ids[c]], x, y))
    got = [(t["actors"], t["before"], t["after"]) for t in w["triangle_changes"]]
    check(sorted(got) == sorted(exp), f"article: triangles {got} != {exp}")

# deterministic, and the table fits the answer
a1, a2 = run("whatif", article, "--drop", "CHN:PRK"), run("whatif", article, "--drop", "CHN:PRK")
check(a1 == a2 and a1[0] == 0, "article: table not deterministic")
lead = [b["leader"] for b in clus[1]["blocs"] if "PRK" in b["members"]][0]
check(f"  after: bloc of PRK (now led by {lead}): PRK, RUS, CHN" in a1[1].split("\n"),
      f"article: bloc line\n{a1[1]}")
check("  drop CHN:PRK" in a1[1] and "relations 26 -> 22 (4 dropped, 0 added)" in a1[1],
      f"article: table header\n{a1[1]}")

# the selection options apply to the base graph and are in the manifest
w = whatif(article, "--drop", "CHN:PRK", "--min-confidence", "confirmed")
if w:
    rep = json.loads(run("report", article, "--format", "json", "--min-confidence", "confirmed")[1])
    check(w["before"]["relations"] == rep["graph"]["relations"], "selection: base relations")
    check(w["manifest"]["selection"]["min_confidence"] == "confirmed", "selection: manifest")
    check(w["manifest"]["command"] == "whatif" and w["manifest"]["seed"] == 1, "manifest")

# ---- -o: the scenario drawn, dropped relations grey and dashed, added thick ----
import re
with tempfile.TemporaryDirectory() as tmp:
    svg = os.path.join(tmp, "d.svg")
    rc, out, err = run("whatif", article, "--drop", "CHN:PRK", "--add", "CHN:RUS:arms_transfer",
                       "-o", svg)
    check(rc == 0 and err == f"actorgraph: wrote {svg}\n", f"-o: exit {rc}: {err}")
    text = open(svg).read() if os.path.exists(svg) else ""
    groups = re.findall(r'<g id="relation&#45;([^"]+)" class="([^"]+)">(.*?)(?=<!--|</svg>)',
                        text, re.S)
    marked = {i: c.split()[-1] for i, c, _ in groups if c.split()[-1] in ("dropped", "added")}
    check(marked == {**{f"r{i + 1}": "dropped" for i in cut}, "add1": "added"},
          f"-o: marked relations {marked}")
    for i, c, body in groups:
        if i in marked and marked[i] == "dropped":
            check('stroke="#a0a0a0"' in body and "stroke-dasharray" in body and
                  "(dropped in the scenario)" in body, f"-o: {i} not grey and dashed")
        if i == "add1":
            check('stroke-width="5"' in body and "(added in the scenario)" in body,
                  f"-o: add1 not thick")
    check("grey dashed: dropped in the scenario" in text and "thick: added in the scenario" in text,
          "-o: legend")
    check(len(groups) == len(doc["relations"]) + 1, f"-o: {len(groups)} relations drawn")
    # nothing written on an error
    bad = os.path.join(tmp, "bad.svg")
    rc, _, _ = run("whatif", article, "--drop", "CHN:USA", "-o", bad)
    check(rc == 1 and not os.path.exists(bad), "-o: written despite an error")

# ---- errors: one line, exit code ----
cases = [
    (["--drop", "CHN:USA"], 1, "--drop CHN:USA matches no relation: CHN and USA have none"),
    (["--drop", "CHN:PRK:trade"], 1,
     "--drop CHN:PRK:trade matches no relation; CHN and PRK have: r8 alliance CHN<->PRK, "
     "r9 patronage CHN->PRK, r10 economic_aid CHN->PRK, r11 strain CHN->PRK"),
    (["--drop", "CHN:PRKK"], 1, '--drop CHN:PRKK: unknown actor "PRKK" (did you mean "PRK"?)'),
    (["--drop", "CHN:XYZQW"], 1, '--drop CHN:XYZQW: unknown actor "XYZQW"'),
    (["--drop", "r99"], 1,
     "--drop r99: no relation has this id (give a relation id such as r1, or "
     "SOURCE:TARGET[:TYPE])"),
    (["--drop", "CHN:PRK:a:b"], 1,
     "--drop CHN:PRK:a:b: expected SOURCE:TARGET, SOURCE:TARGET:TYPE or a relation id"),
    (["--drop", "CHN:"], 1,
     "--drop CHN:: expected SOURCE:TARGET, SOURCE:TARGET:TYPE or a relation id"),
    (["--add", "CHN:RUS"], 1, "--add CHN:RUS: expected SOURCE:TARGET:TYPE[=SIGN[,WEIGHT]]"),
    (["--add", "CHN:PRK:feud"], 1,
     '--add CHN:PRK:feud: "feud" is not a built-in type; a custom type needs its sign '
     "(CHN:PRK:feud=1 or CHN:PRK:feud=-1)"),
    (["--add", "CHN:PRK:feud=2"], 1, "--add CHN:PRK:feud=2: the sign must be 1 or -1"),
    (["--add", "CHN:PRK:hostility=1"], 1, "--add CHN:PRK:hostility=1: hostility has sign -1"),
    (["--add", "CHN:PRK:hostility=-1,0"], 1,
     "--add CHN:PRK:hostility=-1,0: the weight must be a number in (0, 1]"),
    (["--add", "CHN:PRK:hostility=-1,1.5"], 1,
     "--add CHN:PRK:hostility=-1,1.5: the weight must be a number in (0, 1]"),
    (["--add", "CHN:PRK:hostility=-1x"], 1,
     "--add CHN:PRK:hostility=-1x: expected SOURCE:TARGET:TYPE[=SIGN[,WEIGHT]]"),
    (["--add", "CHN:PRK:bad type"], 1,
     '--add CHN:PRK:bad type: type "bad type" is not a name (letters, digits, _ - .)'),
    (["--add", "CHN:CHN:alliance"], 1,
     "--add CHN:CHN:alliance: a relation needs two different actors"),
    (["--add", "chn:PRK:alliance"], 1,
     '--add chn:PRK:alliance: unknown actor "chn" (did you mean "CHN"?)'),
    (["--drop-actor", "RUSS"], 1, '--drop-actor RUSS: unknown actor "RUSS" (did you mean "RUS"?)'),
    (["--drop-actor", "CHN", "--add", "CHN:RUS:trade"], 1,
     '--add CHN:RUS:trade: actor "CHN" is dropped (--drop-actor)'),
    ([], 1, "nothing to change: give --drop, --add or --drop-actor"),
    (["--drop", "CHN:PRK", "--top", "0"], 1, "--top needs a positive whole number, not '0'"),
    (["--drop", "CHN:PRK", "--format", "xml"], 1, "unknown format 'xml' (table, json)"),
    (["--drop", "CHN:PRK", "--bogus"], 1, "unknown option '--bogus'"),
    (["--drop"], 1, "option '--drop' needs a value"),
    (["--drop", "CHN:PRK", "-o", "d.txt"], 1,
     "cannot tell the format of 'd.txt': use an extension .svg, .png, .pdf or .dot"),
    (["--drop", "CHN:PRK", "-o", "a.svg", "-o", "b.svg"], 1, "one -o only"),
]
for args, code, msg in cases:
    rc, out, err = run("whatif", article, *args)
    first = err.split("\n")[0]
    check(rc == code, f"{args}: exit {rc}, expected {code}")
    check(first == "actorgraph: whatif: " + msg, f"{args}: {first!r}")
    check(out == "", f"{args}: wrote output")
# a relation the selection leaves out: a speculative one
spec = [i + 1 for i, r in enumerate(doc["relations"]) if r.get("confidence") == "speculative"]
rc, out, err = run("whatif", article, "--min-confidence", "reported", "--drop", f"r{spec[0]}")
check(rc == 1 and err == f"actorgraph: whatif: --drop r{spec[0]}: the relation is not selected "
      "(--as-of, --from, --to, --min-confidence)\n", f"unselected id: {rc} {err!r}")
rc, out, err = run("whatif", os.path.join(src, "no-such-file.json"), "--drop", "A:B")
check(rc == 2 and out == "", f"missing input: exit {rc}")

for e in errors:
    print("FAIL:", e)
sys.exit(1 if errors else 0)
