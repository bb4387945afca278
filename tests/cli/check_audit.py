#!/usr/bin/env python3
"""validate --audit: hand-counted values on tests/cli/audit/small.json, the
article graph against an independent count from its JSON, the text table,
and the usage and input errors.  check_audit.py BIN SRCDIR"""
import json
import subprocess
import sys

bin_, src = sys.argv[1], sys.argv[2]
small = src + "/tests/cli/audit/small.json"
article = src + "/graphs/dprk-russia.json"
failures = 0


def fail(msg):
    global failures
    print("FAIL:", msg, file=sys.stderr)
    failures += 1


def run(*args):
    p = subprocess.run([bin_, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def ids(lst):
    return [r["id"] for r in lst]


# The small graph, counted by hand (see the comments in the expectations).
rc, out, err = run("validate", "--audit", "--format", "json", small)
if rc != 0:
    fail("small: exit %d" % rc)
a = json.loads(out)
# r4 (self-loop) and r5 have no evidence; r1 cites a, r2 cites a twice;
# r3 cites a and b; r3 and r4 are speculative.
if a["counts"] != {"without_evidence": 2, "single_source": 2, "speculative": 2}:
    fail("small counts %r" % a["counts"])
if ids(a["without_evidence"]) != ["r4", "r5"]:
    fail("small without_evidence %r" % ids(a["without_evidence"]))
if ids(a["single_source"]) != ["r1", "r2"]:
    fail("small single_source %r" % ids(a["single_source"]))
if [r["cites"] for r in a["single_source"]] != [["a"], ["a"]]:
    fail("small cites %r" % a["single_source"])
if ids(a["speculative"]) != ["r3", "r4"]:
    fail("small speculative %r" % ids(a["speculative"]))
# X: r1 r2 r5; Y: r1 r3 r5; Z: r2 r3 r4 (the self-loop once); W: none.
want = [["X", 3, 1, 2, 0], ["Y", 3, 1, 1, 1], ["Z", 3, 1, 1, 2], ["W", 0, 0, 0, 0]]
got = [[x["id"], x["relations"], x["without_evidence"], x["single_source"], x["speculative"]]
       for x in a["actors"]]
if got != want:
    fail("small actors %r" % got)
if a["relations"] != 5 or a["file"] != small:
    fail("small header %r %r" % (a["relations"], a["file"]))

# The text form of the same audit.
rc, out, err = run("validate", "--audit", small)
expected = """%s: valid: 4 actors, 5 relations, 2 sources
evidence audit: 5 relations: 2 without evidence, 2 on a single source, 2 speculative
without evidence (2):
  r4  Z -> Z  purge   speculative
  r5  Y -> X  threat  reported
on a single source (2):
  r1  X <-> Y  alliance  reported     a
  r2  X -> Z   trade     confirmed    a
speculative (2):
  r3  Y <-> Z  hostility  speculative
  r4  Z -> Z   purge      speculative
per actor:
  actor  relations  no evidence  one source  speculative
  X              3            1           2            0
  Y              3            1           1            1
  Z              3            1           1            2
  W              0            0           0            0
""" % small
if rc != 0 or out != expected:
    fail("small text:\n" + out)
if err.count("self-loop") != 1:
    fail("small: the self-loop warning once: %r" % err)
rc, out, _ = run("validate", "-q", "--audit", small)
if rc != 0 or not out.startswith("evidence audit: 5 relations"):
    fail("-q --audit keeps the audit")

# The article graph against a count made here from the file itself.
g = json.load(open(article, encoding="utf-8"))
rc, out, err = run("validate", "--audit", "--format", "json", article)
if rc != 0:
    fail("article exit %d: %s" % (rc, err))
a = json.loads(out)
rels = g["relations"]
none = ["r%d" % (i + 1) for i, r in enumerate(rels) if not r.get("evidence")]
one = ["r%d" % (i + 1) for i, r in enumerate(rels)
       if len({e["source"] for e in r.get("evidence", [])}) == 1]
spec = ["r%d" % (i + 1) for i, r in enumerate(rels) if r.get("confidence") == "speculative"]
if ids(a["without_evidence"]) != none or ids(a["single_source"]) != one \
        or ids(a["speculative"]) != spec:
    fail("article lists differ: %r" % a["counts"])
for actor in a["actors"]:
    mine = [i for i, r in enumerate(rels) if actor["id"] in (r["source"], r["target"])]
    want = [len(mine), sum("r%d" % (i + 1) in none for i in mine),
            sum("r%d" % (i + 1) in one for i in mine), sum("r%d" % (i + 1) in spec for i in mine)]
    have = [actor["relations"], actor["without_evidence"], actor["single_source"],
            actor["speculative"]]
    if want != have:
        fail("article actor %s: %r != %r" % (actor["id"], have, want))
# What the article graph is today (checked above against the file): every
# relation has evidence, 22 rest on the article alone, 3 are speculative.
if a["counts"] != {"without_evidence": 0, "single_source": 22, "speculative": 3}:
    fail("article counts %r" % a["counts"])

# Two files in JSON: two objects, one after the other.
rc, out, _ = run("validate", "--audit", "--format", "json", small, article)
dec = json.JSONDecoder()
first, end = dec.raw_decode(out)
second, _ = dec.raw_decode(out[end:].lstrip())
if rc != 0 or first["file"] != small or second["file"] != article:
    fail("two files in JSON")

# Errors: --format without --audit, an unknown format, an invalid file.
rc, out, err = run("validate", "--format", "json", small)
if rc != 1 or "--format needs --audit" not in err or out:
    fail("--format without --audit: %d %r" % (rc, err))
rc, out, err = run("validate", "--audit", "--format", "xml", small)
if rc != 1 or "unknown format 'xml' (text, json)" not in err:
    fail("bad format: %d %r" % (rc, err))
bad = src + "/tests/cli/validate/evidence-unknown-source.json"
rc, out, err = run("validate", "--audit", bad)
if rc != 2 or out or "unknown source" not in err:
    fail("evidence citing an unknown source is refused by the check: %d %r %r" % (rc, out, err))

sys.exit(1 if failures else 0)
