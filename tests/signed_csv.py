#!/usr/bin/env python3
"""Converts a signed edge list (source,target,sign CSV, one undirected tie per
row, as in ../shared/datasets) to an actorgraph graph: each tie a mutual
relation of custom type "tie" with weight 1.
usage: signed_csv.py CSV TITLE > graph.json"""
import csv
import json
import re
import sys


def convert(path, title):
    actors, relations = [], []
    seen = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for end in (row["source"], row["target"]):
                ident = re.sub(r"[^A-Za-z0-9_.-]", "_", end)
                if ident not in seen:
                    seen.add(ident)
                    actors.append({"id": ident, "name": end, "kind": "group"})
            relations.append({
                "source": re.sub(r"[^A-Za-z0-9_.-]", "_", row["source"]),
                "target": re.sub(r"[^A-Za-z0-9_.-]", "_", row["target"]),
                "type": "tie", "sign": int(row["sign"]), "weight": 1, "mutual": True})
    return {"actorgraph": 1, "title": title, "actors": actors, "relations": relations}


if __name__ == "__main__":
    json.dump(convert(sys.argv[1], sys.argv[2]), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
