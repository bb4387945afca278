#!/usr/bin/env python3
"""Checks a briefing page written by `actorgraph brief`: it parses as HTML
with every element closed in order, holds one <svg> with one node per actor
(class "node actor", id "actor-ID"), the blocs, metrics, balance and evidence
tables, every actor's name and the title as text, one evidence row per
evidence item (or per relation without any), and nothing that would be
fetched from the network (no script, link, img, iframe, object, @import or
url(...)).
usage: check_brief.py PAGE.html GRAPH.json [SELECTION-WORDS]"""
import json
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "area", "base", "wbr",
        "source", "embed", "track", "param"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.text = [], [], []
        self.svgs = 0
        self.nodes = set()
        self.tables = {}
        self.rows = {}
        self.fetching = []
        self.table = None
        self.in_svg = 0
        self.in_style = False
        self.style = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe", "object", "embed", "base"):
            self.fetching.append(tag)
        for k, v in attrs:
            if k in ("src", "srcset", "data", "poster") or (v or "").lower().startswith("javascript:"):
                self.fetching.append("%s %s=%r" % (tag, k, v))
            if k.lower().startswith("on"):
                self.fetching.append("%s %s (event handler)" % (tag, k))
        if tag == "svg":
            self.svgs += 1
            self.in_svg += 1
        if tag == "g" and "node" in (a.get("class") or "").split() and \
                "actor" in (a.get("class") or "").split():
            self.nodes.add(a.get("id"))
        if tag == "table":
            self.table = (a.get("class") or "")
            self.tables[self.table] = self.tables.get(self.table, 0) + 1
            self.rows[self.table] = 0
        if tag == "tr" and self.table is not None:
            self.rows[self.table] += 1
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append(tag)


    def handle_startendtag(self, tag, attrs):
        # <path .../> inside the SVG: opened and closed at once
        self.handle_starttag(tag, attrs)
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        if tag == "svg":
            self.in_svg -= 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1
        if tag == "table":
            self.table = None
        if tag == "style":
            self.in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes %r at %s" % (tag, self.stack[-1:] or None,
                                                          self.getpos()))
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.in_style:
            self.style += data
        else:
            self.text.append(data)


def main():
    page_path, graph_path = sys.argv[1], sys.argv[2]
    words = sys.argv[3] if len(sys.argv) > 3 else None
    html = open(page_path, encoding="utf-8").read()
    graph = json.load(open(graph_path, encoding="utf-8"))
    p = Page()
    p.feed(html)
    p.close()
    fail = []
    if not html.startswith("<!DOCTYPE html>"):
        fail.append("no doctype")
    if p.errors:
        fail.append("badly nested: %s" % p.errors[:3])
    if p.stack:
        fail.append("left open: %s" % p.stack)
    if p.svgs != 1:
        fail.append("%d <svg> elements, not 1" % p.svgs)
    want = {"actor-" + a["id"] for a in graph["actors"]}
    if p.nodes != want:
        fail.append("SVG actor nodes %s, not %s" % (sorted(p.nodes), sorted(want)))
    for t in ("blocs", "metrics", "evidence"):
        if p.tables.get(t) != 1:
            fail.append("no table of class %s" % t)
    rels = graph["relations"]
    rows = 1 + sum(max(1, len(r.get("evidence", []))) for r in rels)
    if p.rows.get("evidence") != rows:
        fail.append("evidence table has %s rows, not %d" % (p.rows.get("evidence"), rows))
    if p.rows.get("metrics") != 15:
        fail.append("metrics table has %s rows, not 15" % p.rows.get("metrics"))
    text = "".join(p.text)
    for a in graph["actors"]:
        if a.get("name", a["id"]) not in text:
            fail.append("actor %r not named in the page" % a.get("name", a["id"]))
    if graph["title"] not in text:
        fail.append("title missing")
    for s in graph.get("sources", []):
        if s["title"] not in text:
            fail.append("source %r missing" % s["title"])
    for r in rels:
        for e in r.get("evidence", []):
            if e.get("note") and e["note"] not in text:
                fail.append("evidence note %r missing" % e["note"])
    if words and words not in text:
        fail.append("selection %r not said" % words)
    if p.fetching:
        fail.append("fetches or runs something: %s" % p.fetching)
    low = html.lower()
    if "@import" in low or "url(" in p.style.lower():
        fail.append("the style fetches something")
    if "<?xml" in html or "<!doctype svg" in low:
        fail.append("the SVG's prolog or doctype left in")
    if fail:
        sys.exit("\n".join(fail))


main()
