#!/usr/bin/env python3
"""Checks graphs/cow.json, the Correlates of War graph of 1946-1999 that
scripts/cow-graph makes (docs/cow.md):

- always: every relation is an alliance or hostility, mutual, of weight 1,
  confirmed, spanning whole windows (start 1946..1996, end - start >= 3),
  citing the three sources; same-sign runs of one pair are maximal (no two
  that the merge should have joined); the graph holds 178 states and 2,507
  relations covering 41,295 window ties in all (the 51 files' rows, counted
  with wc -l); Argentina-Uruguay reads as the files give it (alliance
  1946-68, hostility 1966-76, alliance 1974-99); the mapping table in
  docs/cow.md is the one `scripts/cow-graph --mapping` prints; render draws
  it (PNG and SVG) and clusters puts the United States and the Soviet
  Union / Russia in different blocs, the United Kingdom with the former;
  the script merges a fixture of our own (51 small windows written here)
  into the relations worked out by hand, and refuses bad windows (one
  missing, a bad sign, an unknown state, a pair turned round or twice in a
  window) with one line and exit 1, writing nothing;
- when ../shared/datasets/cow is there: the script regenerates the
  committed graph byte for byte, and each of the 51 windows rebuilt from the
  graph (the relations covering all of its four years, states back to the
  files' codes) equals that window's CSV row for row (order aside: the
  files' order is signnet's vertex order and is not kept).
usage: check_cow.py ACTORGRAPH ROOT DATASETS_DIR"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

binary, root, datasets = sys.argv[1:4]
graph_path = os.path.join(root, "graphs", "cow.json")
script = os.path.join(root, "scripts", "cow-graph")
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


with open(graph_path, encoding="utf-8") as f:
    text = f.read()
doc = json.loads(text)
actors, relations = doc["actors"], doc["relations"]
code = {a["id"]: a["attributes"]["cow_code"] for a in actors}
check(len(actors) == 178, "%d actors, 178 expected" % len(actors))
check(len(relations) == 2507, "%d relations, 2507 expected" % len(relations))
check(len(set(code.values())) == len(code), "two actors share a cow_code")
check({s["id"] for s in doc["sources"]} == {"doreian-mrvar-2015", "cow", "signnet"},
      "sources are not the paper, CoW and signnet")

ties = 0
runs = {}
for i, r in enumerate(relations):
    where = "relation %d (%s-%s %s-%s)" % (i, r["source"], r["target"], r["start"], r["end"])
    check(r["type"] in ("alliance", "hostility"), where + ": type " + r["type"])
    check(r.get("weight") == 1 and r.get("mutual") is True and r.get("confidence") == "confirmed",
          where + ": not weight 1, mutual, confirmed")
    start, end = int(r["start"]), int(r["end"])
    check(1946 <= start <= 1996 and end - start >= 3 and end <= 1999,
          where + ": not a run of whole windows")
    check([e["source"] for e in r["evidence"]] == ["doreian-mrvar-2015", "cow", "signnet"],
          where + ": evidence does not cite the three sources")
    ties += end - start - 2
    sign = 1 if r["type"] == "alliance" else -1
    runs.setdefault((r["source"], r["target"], sign), []).append((start, end))
check(ties == 41295, "%d window ties, 41295 expected" % ties)
for key, spans in runs.items():
    spans.sort()
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        # windows s1..e1-3, then s2..e2-3: the merge joins s2 == e1 - 2
        check(s2 > e1 - 2, "%s: runs %d-%d and %d-%d should be one" % (key, s1, e1, s2, e2))
argentina = [(r["type"], r["start"], r["end"]) for r in relations
             if (r["source"], r["target"]) == ("URY", "ARG")]
check(argentina == [("alliance", "1946", "1968"), ("hostility", "1966", "1976"),
                    ("alliance", "1974", "1999")],
      "Argentina-Uruguay: %s" % argentina)

# The mapping table in docs/cow.md is the script's.
table = subprocess.run([sys.executable, script, "--mapping"], check=True,
                       capture_output=True, text=True).stdout
with open(os.path.join(root, "docs", "cow.md"), encoding="utf-8") as f:
    check(table in f.read(), "docs/cow.md lacks the table of scripts/cow-graph --mapping")
table_codes = {line.split(" | ")[0][2:] for line in table.splitlines()[2:]}
check(table_codes == set(code.values()), "the mapping's codes are not the graph's states")


def cow_graph(windows, *args):
    """Runs scripts/cow-graph on windows {k: [rows]} written to a temporary
    directory (k None: the file is left out); returns (status, stderr, graph
    or None, whether the output file exists)."""
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(46, 97):
            if windows.get(k) is None:
                continue
            with open(os.path.join(tmp, "%02d-%02d.csv" % (k, k + 3)), "w") as f:
                f.write('"source","target","sign"\n' + "".join(r + "\n" for r in windows[k]))
        out = os.path.join(tmp, "out.json")
        p = subprocess.run([sys.executable, script, "--cow", tmp, "-o", out, *args],
                           capture_output=True, text=True)
        graph = None
        if os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                graph = json.load(f)
        return p.returncode, p.stderr, graph, os.path.exists(out)


# The merge on a fixture of our own: the United Kingdom and the United States
# allied in every window; Uruguay and Argentina allied in 46-49 to 50-53,
# hostile in 51-54 and 52-55, absent from 53-56, hostile again from 54-57;
# West and united Germany hostile in 60-63 only.
fixture = {k: ['"GBR","USA",1'] for k in range(46, 97)}
for k in range(46, 97):
    if k <= 50:
        fixture[k].append('"URU","ARG",1')
    elif k != 53:
        fixture[k].append('"URU","ARG",-1')
fixture[60].append('"GFR","GER",-1')
status, err, g, _ = cow_graph(fixture)
check(status == 0, "fixture: exit %d: %s" % (status, err))
if g:
    got = [(r["source"], r["target"], r["type"], r["start"], r["end"]) for r in g["relations"]]
    # ordered by start, end, source, target
    check(got == [("URY", "ARG", "alliance", "1946", "1953"),
                  ("GBR", "USA", "alliance", "1946", "1999"),
                  ("URY", "ARG", "hostility", "1951", "1955"),
                  ("URY", "ARG", "hostility", "1954", "1999"),
                  ("GFR", "DEU", "hostility", "1960", "1963")], "fixture: relations %s" % got)
    check([a["id"] for a in g["actors"]] == ["ARG", "DEU", "GBR", "GFR", "URY", "USA"],
          "fixture: actors %s" % [a["id"] for a in g["actors"]])
    check(g["relations"][0]["evidence"][0] == {
        "source": "doreian-mrvar-2015", "section": "windows 1946-49 to 1950-53",
        "note": "positive (alliance or similar cooperation) tie URU-ARG in 5 windows"},
        "fixture: evidence %s" % g["relations"][0]["evidence"][0])

# Bad input: one line on standard error, exit 1, nothing written.
for what, windows, message in (
        ("a missing window", {**fixture, 70: None}, "70-73.csv"),
        ("a bad sign", {**fixture, 48: ['"GBR","USA",2']}, "48-51.csv:2: expected"),
        ("an unknown state", {**fixture, 49: ['"XXX","USA",1']}, "state XXX is not in"),
        ("a pair turned round", {**fixture, 50: ['"USA","GBR",1']}, "other way round"),
        ("a pair twice", {**fixture, 51: ['"GBR","USA",1', '"USA","GBR",-1']},
         "51-54.csv:3: second tie")):
    status, err, _, written = cow_graph(windows)
    check(status == 1 and message in err and err.count("\n") == 1 and not written,
          "%s: exit %d, wrote %s, stderr %r" % (what, status, written, err))

with tempfile.TemporaryDirectory() as tmp:
    png, svg = os.path.join(tmp, "cow.png"), os.path.join(tmp, "cow.svg")
    subprocess.run([binary, "render", graph_path, "-q", "-o", png, "-o", svg], check=True)
    with open(png, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "render: not a PNG")
    ids = {e.get("id") for e in ET.parse(svg).iter()}
    check({"actor-USA", "actor-RUS", "actor-GFR"} <= ids,
          "render: the SVG lacks the United States, the Soviet Union or West Germany")
out = subprocess.run([binary, "clusters", graph_path, "--format", "json"], check=True,
                     capture_output=True, text=True).stdout
bloc = json.loads(out)["membership"]
check(bloc["USA"] != bloc["RUS"], "clusters: the United States and the Soviet Union in one bloc")
check(bloc["USA"] == bloc["GBR"], "clusters: the United States and the United Kingdom apart")

cow = os.path.join(datasets, "cow")
if os.path.isdir(cow):
    regenerated = subprocess.run([sys.executable, script, "--cow", cow, "-o", "-"], check=True,
                                 capture_output=True, text=True).stdout
    check(regenerated == text, "scripts/cow-graph does not regenerate graphs/cow.json")
    for k in range(46, 97):
        name = "%02d-%02d" % (k, k + 3)
        with open(os.path.join(cow, name + ".csv"), newline="", encoding="utf-8") as f:
            rows = sorted(tuple(row) for row in list(csv.reader(f))[1:])
        rebuilt = sorted((code[r["source"]], code[r["target"]],
                          "1" if r["type"] == "alliance" else "-1")
                         for r in relations
                         if int(r["start"]) <= 1900 + k and int(r["end"]) >= 1900 + k + 3)
        check(rebuilt == rows, "window %s: rebuilt %d ties, the file has %d%s" % (
            name, len(rebuilt), len(rows), "" if len(rebuilt) != len(rows) else ", not the same"))
    print("regenerated the graph and rebuilt the 51 windows from it")
else:
    print("skipped: %s is absent (regeneration and window checks)" % cow)

for e in errors:
    print("FAIL: " + e)
sys.exit(1 if errors else 0)
