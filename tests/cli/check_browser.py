#!/usr/bin/env python3
"""Checks what headless Chromium made of a briefing page: the DOM it dumped
holds the <svg> with one node per actor and the blocs, metrics and evidence
tables; the screenshot is a PNG of the given width with more than MIN_COLOURS
distinct colours (a blank or unstyled page has a handful), decoded here with
zlib (8-bit RGB or RGBA, the PNG filters undone).
usage: check_browser.py DOM.html SHOT.png GRAPH.json WIDTH MIN_COLOURS"""
import json
import struct
import sys
import zlib
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svgs, self.nodes, self.tables = 0, set(), set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "svg":
            self.svgs += 1
        if tag == "g" and "node" in cls and "actor" in cls:
            self.nodes.add(a.get("id"))
        if tag == "table":
            self.tables.update(cls)


def png_colours(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("screenshot is not a PNG")
    pos, idat, hdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = hdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        sys.exit("unexpected PNG layout %r" % (hdr,))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = set()
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 255
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return w, colours


def main():
    dom_path, shot, graph_path, width, least = sys.argv[1:6]
    graph = json.load(open(graph_path, encoding="utf-8"))
    d = Dom()
    d.feed(open(dom_path, encoding="utf-8").read())
    fail = []
    if d.svgs != 1:
        fail.append("the rendered DOM has %d <svg>, not 1" % d.svgs)
    want = {"actor-" + a["id"] for a in graph["actors"]}
    if d.nodes != want:
        fail.append("rendered actor nodes %s, not %s" % (sorted(d.nodes), sorted(want)))
    for t in ("blocs", "metrics", "evidence"):
        if t not in d.tables:
            fail.append("the rendered DOM has no %s table" % t)
    w, colours = png_colours(shot)
    if w != int(width):
        fail.append("screenshot %d wide, not %s" % (w, width))
    if len(colours) <= int(least):
        fail.append("screenshot has %d colours: blank?" % len(colours))
    if fail:
        sys.exit("\n".join(fail))


main()
