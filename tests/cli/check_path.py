#!/usr/bin/env python3
"""actorgraph path and explain (docs/analysis.md, "Paths and explanations").

Values on tests/cli/path/small.json are worked by hand (below). Cooperative
path lengths are checked against networkx's shortest_path_length with
weight 1/w on the tie graph built here from the file and `help types`
(positive relations, mutual ones both ways, the strongest per ordered
pair), for every ordered pair of the small graph and the article graph.
Signed chains are checked against every simple path networkx enumerates
(all_simple_paths on the signed pair graph, s = the sum of sign x weight),
ordered as documented. Every error path has its exit code and line.
usage: check_path.py ACTORGRAPH SOURCE_DIR"""
import json
import os
import subprocess
import sys

import networkx as nx

binary, src = sys.argv[1], sys.argv[2]
small = os.path.join(src, "tests", "cli", "path", "small.json")
article = os.path.join(src, "graphs", "dprk-russia.json")
errors = []


def run(*args):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(cond, what):
    if not cond:
        errors.append(what)


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def jpath(*args):
    rc, out, err = run("path", *args, "--format", "json")
    check(rc == 0, "path %s: exit %d: %s" % (args, rc, err))
    return json.loads(out) if rc == 0 else None


# --- hand-worked values on the small graph --------------------------------
# Cooperative ties: A->B 0.4, A<->C 1 (alliance is mutual), C->B max(0.8,
# 0.5) = 0.8 (the sanctions are negative), B->D 0.5, C->E 0.2. A to D:
# A-C-B-D = 1 + 1.25 + 2 = 4.25 beats A-B-D = 2.5 + 2 = 4.5.
# Pair values s: A-B 0.4, A-C 1, C-B 0.8 + 0.5 - 0.3 = 1, B-D 0.5,
# A-E -1, E-D -0.6, C-E 0.2. Chains A to D of at most 3 steps, strongest
# (largest weakest |s|) first: A-E-D (0.6, sign +: the enemy of my enemy),
# A-C-B-D (0.5, +), A-B-D (0.4, +), A-C-E-D (0.2, -). With 4 steps too:
# then A-E-C-B-D (0.2, 4 steps, product 0.1) before A-B-C-E-D (0.048).
d = jpath(small, "A", "D")
if d:
    c = d["cooperative"]
    check(c["actors"] == ["A", "C", "B", "D"], "A-D cooperative path %s" % c["actors"])
    check(close(c["distance"], 4.25), "A-D distance %s" % c["distance"])
    check([[r["id"] for r in s["relations"]] for s in c["steps"]] == [["r2"], ["r3", "r4"], ["r6"]],
          "A-D step relations %s" % [[r["id"] for r in s["relations"]] for s in c["steps"]])
    got = [(x["actors"], x["sign"], round(x["weakest"]["s"], 9), round(x["product"], 9))
           for x in d["signed"]]
    want = [(["A", "E", "D"], 1, -0.6, 0.6), (["A", "C", "B", "D"], 1, 0.5, 0.5),
            (["A", "B", "D"], 1, 0.4, 0.2), (["A", "C", "E", "D"], -1, 0.2, 0.12)]
    check(got == want, "A-D signed chains %s" % got)
d = jpath(small, "A", "D", "--max-length", "4", "--top", "6")
if d:
    check([x["actors"] for x in d["signed"][4:]] ==
          [["A", "E", "C", "B", "D"], ["A", "B", "C", "E", "D"]],
          "A-D chains of 4 steps %s" % [x["actors"] for x in d["signed"]])
d = jpath(small, "A", "D", "--max-length", "2", "--top", "1")
if d:
    check([x["actors"] for x in d["signed"]] == [["A", "E", "D"]], "--max-length 2 --top 1")
# Directions count for cooperation: D has no positive tie out.
d = jpath(small, "D", "A")
if d:
    check(d["cooperative"] is None, "D reaches A cooperatively")
    check(d["signed"][0]["actors"] == ["D", "E", "A"], "D-A chains reversed")
# Names work as well as ids; the selection applies: the A-C alliance ends
# 2022-06, so in 2023 the way is A-B-D (4.5).
d = jpath(small, "Alpha", "delta", "--as-of", "2023")
if d:
    check(d["cooperative"]["actors"] == ["A", "B", "D"], "--as-of 2023 path")
    check(close(d["cooperative"]["distance"], 4.5), "--as-of 2023 distance")
    check("selection" in d["manifest"], "--as-of not in the manifest")
rc, out, err = run("path", small, "A", "D")
check(rc == 0 and "A -> C -> B -> D: 3 steps, distance 4.25" in out, "path text: %s" % out)
check("1. A (-1) E (-0.6) D\n     implies + (friends); weakest link E-D 0.6" in out,
      "path text chains")

# --- against networkx -----------------------------------------------------
rc, types, _ = run("help", "types")
vocab = {}
for line in types.splitlines()[2:]:
    f = [x.strip() for x in line.strip("|").split("|")]
    vocab[f[0].strip("`")] = (int(f[1]), float(f[2]), f[3] == "yes")


def relations(path):
    g = json.load(open(path))
    out = []
    for r in g["relations"]:
        sign, w, mutual = vocab.get(r["type"], (None, None, False))
        out.append((r["source"], r["target"], r.get("sign", sign), r.get("weight", w),
                    r.get("mutual", mutual)))
    return [a["id"] for a in g["actors"]], out


def graphs(path):
    ids, rels = relations(path)
    tie = nx.DiGraph()
    tie.add_nodes_from(ids)
    s, total = {}, {}
    for u, v, sign, w, mutual in rels:
        if u != v:
            key = tuple(sorted((u, v)))
            s[key] = s.get(key, 0.0) + sign * w
            total[key] = total.get(key, 0.0) + w
        if sign < 0 or u == v:
            continue
        for a, b in ((u, v), (v, u)) if mutual else ((u, v),):
            if not tie.has_edge(a, b) or tie[a][b]["w"] < w:
                tie.add_edge(a, b, w=w, d=1.0 / w)
    signed = nx.Graph()
    signed.add_nodes_from(ids)
    for (u, v), x in s.items():
        if abs(x) > 1e-9 * total[(u, v)]:
            signed.add_edge(u, v, s=x)
    return ids, tie, signed


def order(ids, chain, signed):
    w = [signed[a][b]["s"] for a, b in zip(chain, chain[1:])]
    prod = 1.0
    for x in w:
        prod *= abs(x)
    return (-min(abs(x) for x in w), len(w), -prod, [ids.index(a) for a in chain])


compared = 0
for path in (small, article):
    ids, tie, signed = graphs(path)
    for a in ids:
        for b in ids:
            if a == b:
                continue
            rc, out, err = run("path", path, a, b, "--format", "json", "--top", "1000")
            compared += 1
            want_c = nx.has_path(tie, a, b)
            want_s = sorted((order(ids, p, signed), p)
                            for p in nx.all_simple_paths(signed, a, b, cutoff=3))
            if not want_c and not want_s:
                check(rc == 5 and out == "", "%s %s-%s: exit %d, not 5" % (path, a, b, rc))
                check(err == "actorgraph: path: %s and %s are not connected: no cooperative "
                      "path from %s, no signed chain of up to 3 steps\n" % (a, b, a),
                      "not connected message: %s" % err)
                continue
            if rc != 0:
                errors.append("%s %s-%s: exit %d %s" % (path, a, b, rc, err))
                continue
            d = json.loads(out)
            if want_c:
                want = nx.shortest_path_length(tie, a, b, weight="d")
                got = d["cooperative"]
                if got is None or not close(got["distance"], want):
                    errors.append("%s %s-%s: distance %s, networkx %s" % (path, a, b, got, want))
                else:
                    p = got["actors"]
                    walk = sum(tie[x][y]["d"] for x, y in zip(p, p[1:]))
                    check(close(walk, want), "%s %s-%s: path %s is not a shortest" % (path, a, b, p))
            else:
                check(d["cooperative"] is None, "%s %s-%s: a path networkx lacks" % (path, a, b))
            got = [x["actors"] for x in d["signed"]]
            check(got == [p for _, p in want_s],
                  "%s %s-%s: chains %s, networkx %s" % (path, a, b, got, [p for _, p in want_s]))
            for x in d["signed"]:
                sign = 1
                for u, v in zip(x["actors"], x["actors"][1:]):
                    sign *= 1 if signed[u][v]["s"] > 0 else -1
                check(x["sign"] == sign, "%s %s sign" % (path, x["actors"]))

check(compared == 8 * 7 + 8 * 7, "compared %d pairs" % compared)

# --- errors ---------------------------------------------------------------
def fails(args, code, line):
    rc, out, err = run(*args)
    check(rc == code, "%s: exit %d, not %d" % (args, rc, code))
    check(out == "", "%s: wrote to stdout" % (args,))
    if line is not None:
        check(err.splitlines()[:1] == [line], "%s: said %r" % (args, err))
    else:
        check(len(err.splitlines()) >= 1, "%s: said nothing" % (args,))


fails(["path", "PRK", "PRKK"], 1, 'actorgraph: path: unknown actor "PRKK" (did you mean "PRK"?)')
fails(["path", "PRK", "Atlantis"], 1, 'actorgraph: path: unknown actor "Atlantis"')
fails(["path", "PRK", "north korea"], 1, "actorgraph: path: A and B are the same actor (PRK)")
fails(["path", "PRK"], 1, "actorgraph: path: needs two actors, A and B")
fails(["path", small, "A", "B", "C"], 1, "actorgraph: path: too many arguments: 'C'")
fails(["path", "PRK", "RUS", "--max-length", "7"], 1,
      "actorgraph: path: --max-length needs a whole number from 1 to 6, not '7'")
fails(["path", "PRK", "RUS", "--top", "0"], 1,
      "actorgraph: path: --top needs a whole number from 1 to 1000000, not '0'")
fails(["path", "PRK", "RUS", "--format", "svg"], 1,
      "actorgraph: path: unknown format 'svg' (text, json)")
fails(["path", "PRK", "RUS", "--as-of", "2022-13"], 1, None)  # line checked by select tests
fails(["path", os.path.join(src, "no-such.json"), "A", "B"], 2, None)
fails(["path", small, "A", "F"], 5, "actorgraph: path: A and F are not connected: no "
      "cooperative path from A, no signed chain of up to 3 steps")
fails(["explain", "PRKK"], 1, 'actorgraph: explain: unknown actor "PRKK" (did you mean "PRK"?)')
fails(["explain", "PRK", "North Korea"], 1,
      "actorgraph: explain: ACTOR and OTHER are the same actor (PRK)")
fails(["explain"], 1, "actorgraph: explain: needs an actor")
fails(["explain", small, "A", "B", "C"], 1, "actorgraph: explain: too many arguments: 'C'")
fails(["explain", "PRK", "--format", "md"], 1,
      "actorgraph: explain: unknown format 'md' (text, json)")
fails(["explain", os.path.join(src, "no-such.json"), "A", "B"], 2, None)

# --- explain ACTOR --------------------------------------------------------
rc, out, err = run("explain", small, "C", "--format", "json")
check(rc == 0, "explain C exit %d %s" % (rc, err))
if rc == 0:
    d = json.loads(out)
    # C's relations: A (alliance), B (trade, training, sanctions), E
    # (trade), grouped by partner in file order, positive before negative.
    check([r["id"] for r in d["relations"]] == ["r2", "r3", "r4", "r5", "r9"],
          "explain C relations %s" % [r["id"] for r in d["relations"]])
    check([r["direction"] for r in d["relations"]] == ["mutual", "out", "out", "out", "out"],
          "explain C directions")
    check(d["relations"][0]["start"] == "2020" and d["relations"][0]["end"] == "2022-06",
          "explain C dates")
    check([(t["partner"], round(t["s"], 9), t["kind"]) for t in d["ties"]] ==
          [("A", 1.0, "inside"), ("B", 1.0, "inside"), ("E", 0.2, "against")],
          "explain C ties %s" % d["ties"])
    # Blocs: A, B, C, D (positive, connected); E alone (its two negative
    # ties to A and D outweigh C's 0.2); F, G and H alone (G and H's
    # relations cancel out: no tie).
    b = d["bloc"]
    check(b["members"] == ["A", "B", "C", "D"] and b["blocs"] == 5, "explain C bloc %s" % b)
    check(b["against"] == ["E"] and b["positive_inside"] == ["A", "B"]
          and b["negative_across"] == [], "explain C bloc reasons %s" % b)
    # out_degree (cooperative): C->A, C->B, C->E = 3, the most; neg_degree:
    # E 2, A 1, D 1, C 0: rank 4; pos_degree: C 3 (A, B, E), B 3 (A, C, D).
    r = d["ranks"]
    check((r["out_degree"]["rank"], r["out_degree"]["value"]) == (1, 3), "rank out_degree")
    check((r["neg_degree"]["rank"], r["neg_degree"]["of"]) == (4, 8), "rank neg_degree")
    check(r["pos_degree"]["rank"] == 1, "rank pos_degree")
rc, out, err = run("explain", small, "C")
check(rc == 0 and "  against its bloc: E +0.2 (bloc 2, Epsilon bloc)\n" in out,
      "explain C text: %s" % out)
check("  Beta (B): net tie +1\n    + trade C -> B, weight 0.8, reported [r3]\n" in out,
      "explain C text relations")

# On the article graph: the bloc is clusters' and the ranks are report's.
_, cl, _ = run("clusters", "--format", "json")
_, rep, _ = run("report", "--format", "json")
cl, rep = json.loads(cl), json.loads(rep)
for actor in ("PRK", "CHN", "NATO"):
    rc, out, err = run("explain", actor, "--format", "json")
    check(rc == 0, "explain %s exit %d" % (actor, rc))
    if rc != 0:
        continue
    d = json.loads(out)
    bloc = cl["membership"][actor]
    check(d["bloc"]["bloc"] == bloc and d["bloc"]["members"] ==
          [k for k, v in cl["membership"].items() if v == bloc], "explain %s bloc" % actor)
    me = [a for a in rep["actors"] if a["id"] == actor][0]
    for k, v in d["ranks"].items():
        x = me[k]
        want = 1 + sum(1 for a in rep["actors"]
                       if a[k] > x and abs(a[k] - x) > 1e-9 * max(abs(x), abs(a[k])))
        check(v["rank"] == want and v["of"] == 8, "explain %s rank %s %s, want %d" %
              (actor, k, v, want))

# --- explain ACTOR OTHER --------------------------------------------------
rc, out, err = run("explain", small, "C", "B", "--format", "json")
check(rc == 0, "explain C B exit %d" % rc)
if rc == 0:
    d = json.loads(out)
    check([r["id"] for r in d["relations"]] == ["r3", "r4", "r5"], "explain C B relations")
    check(close(d["net_tie"]["s"], 1.0) and d["net_tie"]["tie"] == "positive", "C B net tie")
    check(d["cooperative"]["actors"] == ["C", "B"], "C B cooperative")
    check(d["signed"]["actors"] == ["C", "B"], "C B signed")
rc, out, err = run("explain", small, "C", "B")
check("  0.8 (trade) + 0.5 (training) - 0.3 (sanctions) = +1: a positive tie\n" in out,
      "explain C B formation: %s" % out)
# G and H: trade 0.5 one way, sanctions 0.5 the other: s = 0, no tie, so
# no signed chain, but the trade is a cooperative tie G -> H.
rc, out, err = run("explain", small, "G", "H")
check(rc == 0 and "  0.5 (trade) - 0.5 (sanctions) = 0: no tie (the relations cancel out)\n"
      in out, "explain G H: %s" % out)
check("Strongest signed chain (up to 3 steps, by weakest link):\n  none\n" in out,
      "explain G H chain")
d = jpath(small, "G", "H")
if d:
    check(d["cooperative"]["actors"] == ["G", "H"] and d["signed"] == [], "path G H %s" % d)
rc, out, err = run("explain", small, "G", "--format", "json")
check(rc == 0 and json.loads(out)["ties"] == [] and len(json.loads(out)["relations"]) == 2,
      "explain G: %s" % out)
fails(["path", small, "H", "G"], 5, "actorgraph: path: H and G are not connected: no "
      "cooperative path from H, no signed chain of up to 3 steps")

# Two arguments: FILE ACTOR when the file exists, else ACTOR OTHER.
rc, out, err = run("explain", "PRK", "KOR")
check(rc == 0 and "= -2.14: a negative tie" in out, "explain PRK KOR: %s" % out)
rc, out, err = run("explain", "E", "F")
check(rc == 1, "explain E F on the default graph")
rc, out, err = run("explain", small, "F", "--format", "json")
check(rc == 0 and json.loads(out)["relations"] == [], "explain F (no relation)")

if errors:
    print("\n".join(errors))
    sys.exit(1)
print("ok")
