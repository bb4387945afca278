#!/usr/bin/env python3
"""Checks the article's extraction against the default graph: every claim is
well-formed and cites a real section heading of the article; every relation
of the default graph cites at least one existing claim as evidence, from the
claim's own section.
usage: check_seeds.py PROJECT_ROOT"""
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
    if not cited:
        errors.append("/relations/%d (%s %s %s) cites no claim"
                      % (i, r["source"], r["type"], r["target"]))
if errors:
    sys.exit("\n".join(errors))
print("ok: %d claims, %d relations, all cited" % (len(by_id), len(graph["relations"])))
