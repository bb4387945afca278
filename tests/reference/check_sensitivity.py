#!/usr/bin/python3
"""Checks `actorgraph report --sensitivity` against networkx: for every
relation of GRAPH, removed in turn, the set of the top K actors of every
metric of `report` (the values of check_graph.py's expected_report, on the
positive tie graph of make_reference.py; ranked as ag_metric_top does:
largest first, values within a relative 1e-9 (1e-12 near zero) of the
largest of their run equal and then by id, actors scoring 0 left out) is compared with the whole graph's, and for each metric the
relations whose removal changes it must be exactly those actorgraph lists
with a change of that metric (docs/analysis.md, "Which conclusions hang on
one relation"). A metric whose dominant eigenvalue is not simple on some
graph (eigenvector, hub, authority) is left unchecked there. The bloc part
is checked by hand in docs/analysis.md.

With selection options after K (`--as-of 1946`, ...; check_graph.py's
select), both sides see the selected relations only; relations are named by
their id, or r<N> by their place in the file.

With `--every N` before the selection, only every Nth relation (the 1st,
the N+1st, ...) is removed by this script and compared, to keep a large
graph's check short; actorgraph still removes them all.

usage: check_sensitivity.py ACTORGRAPH GRAPH.json FORMAT.md K [--every N] [SELECTION...]
Run with the Debian interpreter (/usr/bin/python3); exits 1 on a mismatch.
"""

import contextlib
import io
import json
import os
import subprocess
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_graph import expected_report, resolve, select, vocabulary  # noqa: E402


METRICS = ["in_degree", "out_degree", "in_strength", "out_strength", "pos_degree",
           "neg_degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
           "hub", "authority", "pn"]


def tops(doc, k):
    """Per metric, the set of the first k actors; and the metrics skipped."""
    with contextlib.redirect_stdout(io.StringIO()):
        m, _, skip = expected_report(doc, "positive")
    out = {}
    for metric in METRICS:
        vals = [(m[a][metric], a) for a in m if abs(m[a][metric]) > 1e-12]
        vals.sort(key=lambda x: (-x[0], x[1]))
        ranked, i = [], 0
        while i < len(vals) and len(ranked) < k:
            j, tol = i + 1, max(1e-9 * abs(vals[i][0]), 1e-12)
            while j < len(vals) and vals[i][0] - vals[j][0] <= tol:
                j += 1
            ranked += sorted(a for _, a in vals[i:j])
            i = j
        out[metric] = set(ranked[:k])
    return out, skip


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    exe, path, fmt, k = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    sel, every = sys.argv[5:], 1
    if sel[:1] == ["--every"]:
        every, sel = int(sel[1]), sel[2:]
    with open(path, encoding="utf-8") as f:
        doc = resolve(json.load(f), vocabulary(fmt))
    for i, r in enumerate(doc["relations"]):
        r["_id"] = r.get("id", "r%d" % (i + 1))
    doc = select(doc, sel)
    base, skip = tops(doc, k)
    expected = {metric: [] for metric in METRICS}
    checked = set()
    for i in range(0, len(doc["relations"]), every):
        checked.add(doc["relations"][i]["_id"])
        rest = dict(doc, relations=doc["relations"][:i] + doc["relations"][i + 1:])
        after, skip_after = tops(rest, k)
        skip |= skip_after
        for metric in METRICS:
            if after[metric] != base[metric]:
                expected[metric].append(doc["relations"][i]["_id"])
    out = subprocess.run([exe, "report", path, "--sensitivity", "--top", str(k), "--format",
                          "json", "-q", *sel], capture_output=True, text=True, check=True).stdout
    changes = json.loads(out)["sensitivity"]["changes"]
    bad = 0
    for metric in METRICS:
        got = [c["relation"] for c in changes
               if metric in c["metrics"] and c["relation"] in checked]
        if metric in skip:
            print("%s: unchecked (dominant eigenvalue not simple)" % metric)
            continue
        print("%s: networkx %s, actorgraph %s" % (metric, expected[metric], got))
        bad += got != expected[metric]
    checked = [m for m in METRICS if m not in skip]
    if "pagerank" not in checked or len(checked) < 11:
        print("too few metrics checked: %s" % checked)
        bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
