#!/usr/bin/env python3
"""Checks the article's extraction against the default graph: every claim is
well-formed and cites a real section heading of the article; every relation
of the default graph cites at least one existing claim as evidence, from the
claim's own section, and at least one of its claims names both its actors
(so no relation puts words in the article's mouth, as sanctions attributed
to states the article does not name did). Every number in a relation's label
is in one of its claims. Weights follow the article's confidence: a less
certain relation never outweighs a more certain one of the same type, and a
speculative one never outweighs a reported or confirmed one of the same sign
on the same ordered pair (types there differ, and so do their defaults).
Every custom type (one not in docs/format.md's vocabulary) is documented in
seeds/README.md. Every date (start, end) of a relation is backed by an
evidence item from a source other than the article (which gives no dates)
whose note begins with "start DATE:" or "end DATE:", and that source's id
is in seeds/README.md's table of dates from the public record.
usage: check_seeds.py PROJECT_ROOT"""
import itertools
import json
import os
import re
import sys

root = sys.argv[1]
claims = json.load(open(os.path.join(root, "seeds/claims.json"), encoding="utf-8"))
graph = json.load(open(os.path.join(root, "graphs/dprk-russia.json"), encoding="utf-8"))
SECTIONS = {
    "Introduction",
    "An Unparalleled Deployment: North Korean Forces in Russia",
    "Strategic Motives: Kim Jong Un's Calculated Risk",
    "Impact on Regional and Global Stability?",
    "Risk of Escalation: A Proxy to a Larger Conflict?",
    "The Beginning of an Axis in Multipolarity?",
}
VOCAB = {}
for line in open(os.path.join(root, "docs/format.md"), encoding="utf-8"):
    m = re.match(r"^\| `([a-z_]+)` \| ([+-]1) \| ([0-9.]+) \| (yes|no) \|", line)
    if m:
        VOCAB[m.group(1)] = (int(m.group(2)), float(m.group(3)))
seeds_readme = open(os.path.join(root, "seeds/README.md"), encoding="utf-8").read()
RANK = {"speculative": 0, "reported": 1, "confirmed": 2}
errors = []
by_id = {}
actor_ids = {a["id"] for a in graph["actors"]}
for c in claims["claims"]:
    if c["id"] in by_id:
        errors.append("duplicate claim %s" % c["id"])
    by_id[c["id"]] = c
    if c["section"] not in SECTIONS:
        errors.append("claim %s: unknown section %r" % (c["id"], c["section"]))
    if c["confidence"] not in ("confirmed", "reported", "speculative"):
        errors.append("claim %s: bad confidence" % c["id"])
    if not c["claim"].strip():
        errors.append("claim %s: empty paraphrase" % c["id"])
    for a in c.get("actors", []):
        if a not in actor_ids:
            errors.append("claim %s: actor %s not in the graph" % (c["id"], a))
for i, r in enumerate(graph["relations"]):
    cited = []
    for ev in r.get("evidence", []):
        ids = re.findall(r"\bC\d{2}\b", ev.get("note", ""))
        for cid in ids:
            if cid not in by_id:
                errors.append("/relations/%d cites unknown claim %s" % (i, cid))
            elif by_id[cid]["section"] != ev.get("section"):
                errors.append("/relations/%d: claim %s is from %r, cited as %r"
                              % (i, cid, by_id[cid]["section"], ev.get("section")))
        cited += ids
    what = "/relations/%d (%s %s %s)" % (i, r["source"], r["type"], r["target"])
    if not cited:
        errors.append("%s cites no claim" % what)
    known = [by_id[c] for c in cited if c in by_id]
    if known and not any(r["source"] in c.get("actors", []) and r["target"] in c.get("actors", [])
                         for c in known):
        errors.append("%s: none of its claims names both %s and %s"
                      % (what, r["source"], r["target"]))
    text = " ".join(c["claim"] for c in known)
    for num in re.findall(r"\d[\d,.]*\d|\d", r.get("label", "")):
        if num not in text:
            errors.append("%s: label figure %s is in none of its claims" % (what, num))
    for side in ("start", "end"):
        if side in r and not any(
                ev["source"] != claims["source"]["id"]
                and ev.get("note", "").startswith("%s %s:" % (side, r[side]))
                and "(`%s`" % ev["source"] in seeds_readme
                for ev in r.get("evidence", [])):
            errors.append("%s: %s %s is backed by no public-record evidence ('%s %s: ...')"
                          % (what, side, r[side], side, r[side]))
    if r["type"] not in VOCAB and "`%s`" % r["type"] not in seeds_readme:
        errors.append("%s: custom type %s not documented in seeds/README.md" % (what, r["type"]))


def weight(r):
    """The relation's weight, or its type's default (0.5 for a custom type)."""
    return r.get("weight", VOCAB.get(r["type"], (0, 0.5))[1])


def sign(r):
    return r.get("sign", VOCAB.get(r["type"], (0, 0))[0])


rels = graph["relations"]
for (i, a), (j, b) in itertools.combinations(enumerate(rels), 2):
    ra, rb = RANK[a.get("confidence", "reported")], RANK[b.get("confidence", "reported")]
    same_type = a["type"] == b["type"]
    same_pair = (a["source"], a["target"], sign(a)) == (b["source"], b["target"], sign(b))
    if not (same_type or same_pair and 0 in (ra, rb)):
        continue
    if ra < rb and weight(a) > weight(b) or rb < ra and weight(b) > weight(a):
        errors.append("/relations/%d (%s, %s, %.2f) and /relations/%d (%s, %s, %.2f): the less "
                      "certain outweighs the more certain"
                      % (i, a["type"], a.get("confidence", "reported"), weight(a),
                         j, b["type"], b.get("confidence", "reported"), weight(b)))
if errors:
    sys.exit("\n".join(errors))
print("ok: %d claims, %d relations, all cited" % (len(by_id), len(graph["relations"])))
