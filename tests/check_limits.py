#!/usr/bin/env python3
"""The documented limits (docs/format.md, "Limits"; include/actorgraph/limits.h)
hold: each input just past a limit is refused with the exact message and exit
status 2, and the input just at the limit is accepted.
usage: check_limits.py ACTORGRAPH CASE
CASE: input-size, diagnostics, string-length, actors, json-depth, gml-depth"""
import json
import os
import subprocess
import sys
import tempfile

binary, case = sys.argv[1:3]
MIB = 1024 * 1024


def run(path, stdin=None):
    """validate PATH: (standard error, exit status)."""
    r = subprocess.run([binary, "validate", "-q", path], stdin=stdin, capture_output=True,
                       env=dict(os.environ, LC_ALL="C"))
    return r.stderr.decode("utf-8", "replace"), r.returncode


def expect(got, want):
    if got != want:
        sys.exit("%s: got\n%r\nexpected\n%r" % (case, got, want))


def graph(actors, relations, **extra):
    g = {"actorgraph": 1, "title": "limits", "actors": actors, "relations": relations}
    g.update(extra)
    return json.dumps(g)


with tempfile.TemporaryDirectory() as d:
    def write(name, text, mode="w"):
        path = os.path.join(d, name)
        with open(path, mode) as f:
            f.write(text)
        return path

    if case == "input-size":
        # 256 MiB + 1 byte of blanks on standard input: refused before any
        # parsing; the same file minus one byte is read (and is not JSON).
        path = write("big.json", b"", "wb")
        with open(path, "wb") as f:
            f.truncate(256 * MIB + 1)
        with open(path, "rb") as f:
            expect(run("-", stdin=f),
                   ("actorgraph: <stdin>: input too large: more than 256 MiB (the limit)\n", 2))
        with open(path, "r+b") as f:
            f.truncate(256 * MIB)
        err, rc = run(path)
        expect(("too large" in err, rc), (False, 2))
    elif case == "diagnostics":
        # 1,500 errors (weight) and 1,500 warnings (unknown field "x"),
        # found in pairs: the first 1,000 are listed, in file order, then one
        # line counts the 1,000 errors and 1,000 warnings left out.
        rels = [{"source": "A", "target": "A", "type": "trade", "weight": 2, "x": 1}
                for _ in range(1500)]
        text = graph([{"id": "A"}], rels)
        path = write("many.json", text)
        err, rc = run(path)
        lines = err.splitlines()
        expect((len(lines), rc), (1001, 2))
        col = text.index('"weight": 2') + len('"weight": ') + 1
        expect(lines[0], "actorgraph: %s:1:%d: /relations/0/weight: weight must be a number "
                         "in (0, 1], not 2" % (path, col))
        expect(lines[-1], "actorgraph: %s: 2000 more problems not shown (1000 errors, 1000 "
                          "warnings; only the first 1000 are listed)" % path)
    elif case == "string-length":
        ok = graph([{"id": "A", "name": "n" * 65536}], [])
        expect(run(write("ok.json", ok)), ("", 0))
        bad = graph([{"id": "A", "name": "n" * 65537}], [])
        path = write("bad.json", bad)
        col = bad.index('"name": ') + len('"name": ') + 1
        expect(run(path), ("actorgraph: %s:1:%d: /actors/0/name: \"name\" is too long: 65537 "
                           "bytes (the limit is 65536)\n" % (path, col), 2))
    elif case == "actors":
        ids = [{"id": "a%d" % i} for i in range(1000001)]
        path = write("many.json", graph(ids, []))
        expect(run(path), ("actorgraph: %s:1:48: /actors: too many actors: 1000001 (the "
                           "limit is 1000000)\n" % path, 2))
    elif case == "json-depth":
        # jansson's own limit: 2048 levels
        # the document is 1 level, actors 2, the actor 3, attributes 4, x 5..2048
        ok = graph([{"id": "A", "attributes": {"x": "@"}}], []).replace(
            '"@"', "[" * 2044 + "]" * 2044)
        expect(run(write("ok.json", ok)), ("", 0))
        bad = "[" * 2049 + "]" * 2049
        path = write("bad.json", bad)
        expect(run(path), ("actorgraph: %s:1:2049: maximum parsing depth reached near '[' "
                           "(rule checks skipped)\n" % path, 2))
    elif case == "gml-depth":
        ok = "graph [ node [ id 1 label \"A\" x " + "[ y " * 197 + "1" + " ]" * 197 + " ] ]\n"
        expect(run(write("ok.gml", ok))[1], 0)
        bad = "graph [ node [ id 1 label \"A\" x " + "[ y " * 198 + "1" + " ]" * 198 + " ] ]\n"
        path = write("bad.gml", bad)
        err, rc = run(path)
        # the graph is level 1: the 200th '[' opens level 200, one too many
        col = [i for i, c in enumerate(bad) if c == "["][199] + 1
        expect((err, rc), ("actorgraph: %s:1:%d: lists nested too deeply (more than 200 levels) "
                           "(rule checks skipped)\n" % (path, col), 2))
    else:
        sys.exit("unknown case " + case)
