#!/usr/bin/env python3
"""`render --color-by bloc` keeps each coalition's `--color-by group` colour
and names blocs after their most central member (docs/analysis.md).

The graph lists the West first, so its bloc is bloc 1 while its group sorts
second ("Axis" < "West"): before blocs took their group's colour, bloc 1
got the first colour, which --color-by group gives the Axis.

usage: check_bloc_colours.py BIN
"""

import json
import os
import re
import subprocess
import sys
import tempfile

ACTORS = [("W1", "West"), ("W2", "West"), ("W3", "West"), ("A1", "Axis"), ("A2", "Axis"),
          ("N1", None)]
RELATIONS = [("W1", "W2", "alliance"), ("W2", "W3", "alliance"), ("W1", "W3", "alliance"),
             ("W2", "W3", "training"),   # W2 and W3 are the strongest inside their bloc
             ("A1", "A2", "alliance"), ("W1", "A1", "armed_conflict"),
             ("N1", "A2", "trade"), ("N1", "W3", "sanctions")]


def fills(binary, path, how):
    dot = subprocess.run([binary, "render", path, "--color-by", how, "-o", "-", "--format", "dot"],
                         check=True, capture_output=True, text=True).stdout
    nodes = dict(re.findall(r'^\s*(\w+)\s*\[[^\]]*?fillcolor="([^"]+)"', dot, re.M | re.S))
    return nodes, dot


def main(binary):
    doc = {"actorgraph": 1, "title": "colours",
           "actors": [dict({"id": i, "name": f"Actor {i}"}, **({"group": g} if g else {}))
                      for i, g in ACTORS],
           "relations": [{"source": s, "target": t, "type": ty} for s, t, ty in RELATIONS]}
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "g.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        blocs = json.loads(subprocess.run([binary, "clusters", path, "--format", "json"],
                                          check=True, capture_output=True,
                                          text=True).stdout)["blocs"]
        members = [b["members"] for b in blocs]
        if sorted(map(sorted, members)) != sorted([["A1", "A2", "N1"], ["W1", "W2", "W3"]]) and \
                sorted(map(sorted, members)) != sorted([["A1", "A2"], ["N1"], ["W1", "W2", "W3"]]):
            problems.append(f"unexpected blocs {members}")
        names = {b["id"]: b.get("name") for b in blocs}
        # W2 and W3 both have alliance + alliance + training ties: 0.8 + (0.8 + 0.74); W2 < W3
        if names.get(1) != "Actor W2":
            problems.append(f"bloc 1 named {names.get(1)!r}, expected 'Actor W2'")
        group, _ = fills(binary, path, "group")
        bloc, dot = fills(binary, path, "bloc")
        for a in ["W1", "W2", "W3", "A1", "A2"]:
            if group.get(a) != bloc.get(a):
                problems.append(f"{a}: fill {group.get(a)} by group, {bloc.get(a)} by bloc")
        if "Actor W2 bloc" not in dot:
            problems.append("legend and box do not name the bloc 'Actor W2 bloc'")
    for p in problems:
        print(p)
    print("FAIL" if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
