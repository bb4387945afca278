#!/usr/bin/env python3
"""Compare `actorgraph report` CSV output with reference values.

usage: compare.py ACTUAL.csv EXPECTED.csv [TOL]

Every actor (matched by the `id` column) and every metric column of EXPECTED
must be in ACTUAL (which may have extra columns, e.g. `name`) and agree within
|actual - expected| <= TOL * max(1, |expected|); TOL defaults to 1e-6.
Exit status: 0 all agree, 1 mismatches (each listed as `id metric actual
expected`), 2 usage or unreadable/malformed input.  Standard library only.
"""

import csv
import math
import sys


def load(path):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except OSError as e:
        sys.exit(f"compare.py: {path}: {e.strerror}")
    rows = [r for r in rows if r]  # tolerate blank lines
    if not rows:
        sys.exit(f"compare.py: {path}: empty file")
    header = [h.strip() for h in rows[0]]
    if "id" not in header:
        sys.exit(f"compare.py: {path}: no `id` column in header")
    if len(set(header)) != len(header):
        sys.exit(f"compare.py: {path}: duplicate column names")
    table, order, problems = {}, [], []
    for lineno, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            problems.append(f"{path}:{lineno}: {len(r)} fields, header has {len(header)}")
            continue
        rec = dict(zip(header, (x.strip() for x in r)))
        key = rec["id"]
        if key in table:
            problems.append(f"{path}:{lineno}: duplicate id {key}")
            continue
        table[key] = rec
        order.append(key)
    return header, table, order, problems


def number(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    tol = 1e-6
    if len(argv) == 4:
        tol = number(argv[3])
        if tol is None or not tol >= 0 or math.isinf(tol):
            print(f"compare.py: bad tolerance {argv[3]!r}", file=sys.stderr)
            return 2
    a_head, actual, a_order, a_prob = load(argv[1])
    e_head, expected, e_order, e_prob = load(argv[2])
    if e_prob:
        print("\n".join(e_prob), file=sys.stderr)
        return 2

    metrics = [c for c in e_head if c != "id"]
    out = list(a_prob)
    missing_cols = [c for c in metrics if c not in a_head]
    for c in missing_cols:
        out.append(f"missing column {c} in {argv[1]}")
    for key in e_order:
        if key not in actual:
            out.append(f"missing actor {key}")
    for key in a_order:
        if key not in expected:
            out.append(f"extra actor {key}")
    if a_order and [k for k in a_order if k in expected] != [k for k in e_order if k in actual]:
        out.append("note: actors are in a different order than expected (not a failure)")
        note_only = True
    else:
        note_only = False

    mismatches = 0
    for key in e_order:
        if key not in actual:
            continue
        for c in metrics:
            if c in missing_cols:
                continue
            es, as_ = expected[key][c], actual[key][c]
            e, a = number(es), number(as_)
            if e is None:
                print(f"compare.py: {argv[2]}: {key} {c}: not a number: {es!r}",
                      file=sys.stderr)
                return 2
            if a is None or math.isnan(a) or math.isnan(e) \
                    or not abs(a - e) <= tol * max(1.0, abs(e)):
                out.append(f"{key} {c} {as_ if as_ != '' else '<empty>'} {es}")
                mismatches += 1

    failures = [l for l in out if not l.startswith("note:")]
    if failures:
        for line in out:
            print(line)
        print(f"FAIL: {len(failures)} problem(s) ({mismatches} value mismatches), "
              f"{len(e_order)} actors x {len(metrics)} metrics, tol {tol:g}")
        return 1
    if note_only:
        print(out[-1])
    print(f"ok: {len(e_order)} actors x {len(metrics)} metrics")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
