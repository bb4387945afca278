#!/usr/bin/env python3
"""Checks `actorgraph report` on the graphs of spectral/ (make_spectral.py):
exit 0, eigenvector/hub/authority/pn within 1e-6 of the expected values, and
graph.notes naming exactly the expected cases.

usage: check_spectral.py BIN      (standard library only)
"""

import csv
import json
import os
import subprocess
import sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spectral")


def main(binary):
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    bad = []
    for case in manifest:
        name = case["name"]
        p = subprocess.run([binary, "report", os.path.join(HERE, name + ".json"),
                            "--ties", case["ties"], "--format", "json"],
                           capture_output=True, text=True)
        if p.returncode != 0:
            bad.append(f"{name}: exit {p.returncode}: {p.stderr.strip()}")
            continue
        out = json.loads(p.stdout)
        actual = {a["id"]: a for a in out["actors"]}
        with open(os.path.join(HERE, name + ".expected.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for metric, want in row.items():
                    if metric == "id":
                        continue
                    got = actual[row["id"]][metric]
                    if got is None or abs(got - float(want)) > 1e-6 * max(1.0, abs(float(want))):
                        bad.append(f"{name}: {row['id']} {metric} {got} expected {want}")
        cases = [n["case"] for n in out["graph"]["notes"]]
        if cases != case["notes"]:
            bad.append(f"{name}: notes {cases}, expected {case['notes']}")
    for line in bad:
        print(line)
    print(f"{'FAIL' if bad else 'ok'}: {len(manifest)} graphs, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip())
    sys.exit(main(sys.argv[1]))
