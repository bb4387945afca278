#!/usr/bin/env python3
"""Checks the "Fragile conclusions" section of a page written by
`actorgraph brief` against `actorgraph report --sensitivity --top 3
--format json` run on the same graph and selection (report's answer is in
turn checked against networkx by tests/reference/check_sensitivity.py):
one row per conclusion that some single removal changes (the blocs, then
each metric in report's order), each naming the top actors before and
listing the relations whose removal changes it, in file order, at most 8
and then "and N more"; "!" exactly on the relations that are speculative
or rest on one piece of evidence or none (counted from the graph file);
the counts in the opening sentence; and the sentence naming the
conclusions no removal changes.
usage: check_brief_fragile.py PAGE.html GRAPH.json ACTORGRAPH [SELECTION...]"""
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

METRICS = ["in_degree", "out_degree", "in_strength", "out_strength", "pos_degree",
           "neg_degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
           "hub", "authority", "pn"]
SHOWN = 8


class Fragile(HTMLParser):
    """The rows of the table of class "fragile": (conclusion text, [item
    texts]); and the text of the section's paragraphs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_section = self.in_table = False
        self.rows, self.cell, self.item, self.paras, self.para = [], None, None, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h2":
            self.in_section = a.get("id") == "fragile"
        if not self.in_section:
            return
        if tag == "table" and a.get("class") == "fragile":
            self.in_table = True
        elif tag == "tr" and self.in_table:
            self.rows.append(["", []])
            self.cell = 0
        elif tag == "td" and self.in_table:
            self.cell += 1
        elif tag == "li" and self.in_table:
            self.rows[-1][1].append("")
            self.item = True
        elif tag == "p" and not self.in_table:
            self.para = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table = False
        elif tag == "li":
            self.item = None
        elif tag == "p" and self.para is not None:
            self.paras.append(self.para)
            self.para = None

    def handle_data(self, data):
        if not self.in_section:
            return
        if self.para is not None:
            self.para += data
        if self.in_table and self.rows and self.cell == 1:
            self.rows[-1][0] += data
        elif self.in_table and self.rows and self.cell == 2 and self.item:
            self.rows[-1][1][-1] += data


def main():
    page, graph_path, exe = sys.argv[1], sys.argv[2], sys.argv[3]
    sel = sys.argv[4:]
    p = Fragile()
    p.feed(open(page, encoding="utf-8").read())
    rows = [r for r in p.rows if r[1]]  # the header row has no items
    graph = json.load(open(graph_path, encoding="utf-8"))
    names = {a["id"]: a.get("name", a["id"]) for a in graph["actors"]}
    flagged = set()
    for i, r in enumerate(graph["relations"]):
        rid = r.get("id", "r%d" % (i + 1))
        if r.get("confidence") == "speculative" or len(r.get("evidence", [])) <= 1:
            flagged.add(rid)
    out = subprocess.run([exe, "report", graph_path, "--sensitivity", "--top", "3", "--format",
                          "json", "-q", *sel], capture_output=True, text=True, check=True).stdout
    s = json.loads(out)["sensitivity"]
    changes = s["changes"]
    want = []
    bloc_rel = [c["relation"] for c in changes if c["blocs"]]
    if bloc_rel:
        want.append(("the %d blocs" % s["blocs"], bloc_rel))
    robust = [] if bloc_rel else ["the blocs"]
    for m in METRICS:
        if m not in s["metrics"]:
            continue
        rel = [c["relation"] for c in changes if m in c["metrics"]]
        if not rel:
            robust.append("the top 3 by %s" % m)
            continue
        before = [c for c in changes if m in c["metrics"]][0]["metrics"][m]["before"]
        want.append(("top 3 by %s: %s" % (m, ", ".join(names[a] for a in before)), rel))
    fail = []
    if [w[0] for w in want] != [r[0] for r in rows]:
        fail.append("conclusions %s, want %s" % ([r[0] for r in rows], [w[0] for w in want]))
    for (head, rel), (got_head, items) in zip(want, rows):
        shown = rel[:SHOWN]
        got = []
        for it in items:
            m = re.match(r"(! )?(\S+) ", it)
            if it.startswith("and "):
                if it != "and %d more (actorgraph report --sensitivity lists them all)" % (
                        len(rel) - SHOWN):
                    fail.append("%s: bad tail %r" % (head, it))
                continue
            got.append(m.group(2))
            if bool(m.group(1)) != (m.group(2) in flagged):
                fail.append("%s: %s flagged wrongly" % (head, m.group(2)))
        if got != shown:
            fail.append("%s: relations %s, want %s" % (head, got, shown))
        if len(rel) > SHOWN and not items[-1].startswith("and "):
            fail.append("%s: no 'and N more'" % head)
    n_flag = sum(1 for c in changes if c["relation"] in flagged)
    opening = "Each of the %d relations was removed in turn" % s["relations"]
    counts = "%d relation%s alone change%s a conclusion, %d of them" % (
        len(changes), "" if len(changes) == 1 else "s", "s" if len(changes) == 1 else "",
        n_flag)
    text = " ".join(p.paras)
    if opening not in text or counts not in text:
        fail.append("opening sentence %r lacks %r or %r" % (text[:300], opening, counts))
    if robust and "No single relation changes %s." % ", ".join(robust) not in text:
        fail.append("robust sentence missing: %s" % ", ".join(robust))
    print("%d conclusions checked, %d relations change one" % (len(want), len(changes)))
    if fail:
        print("\n".join(fail))
        sys.exit(1)


if __name__ == "__main__":
    main()
