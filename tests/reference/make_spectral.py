#!/usr/bin/python3
"""Reference values for eigenvector, hub, authority and PN on the graphs where
igraph's ARPACK did not converge or the scores are not unique.

usage: make_spectral.py            write spectral/<name>.json, <name>.expected.csv
                                   and spectral/manifest.json next to this script
       make_spectral.py --search BIN SEED COUNT
                                   generate COUNT small random graphs from the
                                   vocabulary's default weights and print those
                                   on which `BIN report` fails (how the graphs
                                   below were found, with the binary before the
                                   dense fallback)

Expected values come from numpy's dense eigensolver: the eigenvectors of the
largest real eigenvalue, and when that eigenvalue is repeated the orthogonal
projection of the all-ones vector onto their span (docs/analysis.md); each is
checked against networkx's own power iterations (eigenvector_centrality,
_hits_python, both started from equal scores), which converge to the same
vector.  PN is solved directly, and for two actors with one negative tie taken
as the limit of (I - bA)^-1 1 as b -> 1/2 (checked at b = 1/2 - 1e-9).
Run with the Debian interpreter (/usr/bin/python3: python3-networkx 2.8,
python3-numpy).  The output is deterministic; exit 1 if a check fails.
"""

import csv
import json
import os
import random
import subprocess
import sys

import networkx as nx
import numpy as np
from networkx.algorithms.link_analysis.hits_alg import _hits_python

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spectral")

# The vocabulary's default weights (docs/format.md), sign and mutual.
VOCAB = {
    "alliance": (1, 0.80, True), "military_support": (1, 0.83, False),
    "troop_deployment": (1, 0.85, False), "arms_transfer": (1, 0.83, False),
    "training": (1, 0.74, False), "economic_aid": (1, 0.74, False),
    "patronage": (1, 0.70, False), "trade": (1, 0.64, False),
    "diplomatic_support": (1, 0.35, False), "joint_exercise": (1, 0.74, True),
    "tacit_support": (1, 0.34, False), "sanctions": (-1, 0.80, False),
    "threat": (-1, 0.70, False), "hostility": (-1, 0.72, True),
    "armed_conflict": (-1, 1.00, True),
}

# name: (actors, relations as (source, target, type), --ties, expected note cases)
GRAPHS = {
    # ARPACK: "No shifts could be applied" on the cooperative ties
    "arpack-eigen-1": (7, [(4, 2, "sanctions"), (0, 4, "joint_exercise"), (6, 4, "training"),
                           (4, 1, "armed_conflict"), (1, 2, "military_support"),
                           (2, 5, "joint_exercise"), (6, 0, "economic_aid")], "positive"),
    # ARPACK: "Maximum number of iterations reached", all ties
    "arpack-eigen-2": (7, [(3, 5, "sanctions"), (3, 0, "alliance"), (5, 1, "threat"),
                           (5, 2, "alliance"), (4, 6, "sanctions"), (5, 1, "economic_aid")], "all"),
    "arpack-eigen-3": (7, [(5, 2, "training"), (5, 0, "hostility"), (1, 3, "joint_exercise"),
                           (6, 2, "diplomatic_support"), (0, 6, "sanctions")], "all"),
    # the dense solver's own trap: rho = 0.74 is defective (the piece A0<->A5
    # feeds the piece A4<->A6) and LAPACK returns it as a complex pair
    # 0.74 +- ~1e-8 i
    "defective-complex": (7, [(0, 4, "training"), (6, 4, "joint_exercise"),
                              (0, 5, "joint_exercise")], "positive"),
    # two separate wars, each one actor against two: two identical pieces
    "two-wars": (6, [(0, 1, "armed_conflict"), (0, 2, "armed_conflict"),
                     (3, 4, "armed_conflict"), (3, 5, "armed_conflict")], "all"),
    # sixty such wars among 201 actors: above 200 actors ARPACK runs first,
    # fails ("No shifts could be applied"), and the dense solver takes over
    "sixty-wars": (201, [(3 * k, 3 * k + d, "armed_conflict") for k in range(60)
                         for d in (1, 2)], "all"),
    # a chain of support: acyclic
    "chain": (4, [(0, 1, "military_support"), (1, 2, "training"), (2, 3, "trade")], "positive"),
    # two actors at war: PN's system is singular
    "pn-two": (2, [(0, 1, "armed_conflict")], "positive"),
}


def doc_of(n, rels, title):
    return {"actorgraph": 1, "title": title,
            "actors": [{"id": f"A{i}", "name": f"Actor {i}", "kind": "state"} for i in range(n)],
            "relations": [{"source": f"A{u}", "target": f"A{v}", "type": t} for u, v, t in rels]}


def tie_matrix(n, rels, ties):
    """A[u, v] = strongest |weight| of the chosen ties u -> v (mutual both ways)."""
    A = np.zeros((n, n))
    for u, v, t in rels:
        sign, w, mutual = VOCAB[t]
        if ties != "all" and (sign > 0) != (ties == "positive"):
            continue
        for a, b in [(u, v)] + ([(v, u)] if mutual else []):
            A[a, b] = max(A[a, b], w)
    return A


def projection(M):
    """The eigenvectors of M's largest real eigenvalue rho, and the projection of
    the all-ones vector onto their span along M's other eigenvectors (the limit
    of the power iteration from equal scores): V (W^T V)^-1 W^T 1, with W the
    left eigenvectors (numpy's eig of M^T).  Max 1; and whether the span has
    more than one dimension (numerical rank of V by SVD)."""
    vals, vecs = np.linalg.eig(M)
    scale = np.max(np.abs(vals))
    # a defective rho comes out spread by ~eps^(1/k), possibly complex
    rho = np.max(vals.real[np.abs(vals.imag) <= TOL * scale])
    V = vecs[:, np.abs(vals - rho) <= TOL * rho].real
    S = np.linalg.svd(V, compute_uv=False)
    rank = int(np.sum(S > 1e-3 * S[0]))
    if rank == 1:
        x = V[:, np.argmax(np.linalg.norm(V, axis=0))]
    else:
        lvals, lvecs = np.linalg.eig(M.T)
        W = lvecs[:, np.abs(lvals - rho) <= TOL * rho].real
        x = V @ np.linalg.solve(W.T @ V, W.T @ np.ones(len(M)))
    x = x if x.sum() >= 0 else -x
    return x / np.max(np.abs(x)), rank > 1, rho


def null_vector(M, rho):
    """The kernel of M - rho I when it has one dimension (by SVD), max 1."""
    _, S, Vt = np.linalg.svd(M - rho * np.eye(len(M)))
    assert S[-2] > 1e-6, "kernel of more than one dimension"
    x = Vt[-1] if Vt[-1].sum() >= 0 else -Vt[-1]
    return x / x.max()


def scaled(d, n):
    x = np.array([d[i] for i in range(n)])
    return x / x.max()


# eigenvalues this close to the largest (relative) count as equal to it
TOL = 1e-5

failures = []


def check(what, a, b, tol=1e-7):
    diff = float(np.max(np.abs(np.asarray(a) - np.asarray(b))))
    print(f"  {'ok' if diff <= tol else 'FAIL':4} {what}: max |diff| = {diff:.3g}")
    if diff > tol:
        failures.append(what)


def compute(name, n, rels, ties):
    A = tie_matrix(n, rels, ties)
    g = nx.from_numpy_array(A, create_using=nx.DiGraph)
    cases = []
    if not A.any():
        ev = hub = auth = np.zeros(n)   # no tie: every score 0, nothing to note
    elif nx.is_directed_acyclic_graph(g):
        ev = np.zeros(n)
        cases.append("no_cycle")
    else:
        ev, rep, rho = projection(A.T)
        if rep:
            cases.append("not_unique")
        try:
            nxev = nx.eigenvector_centrality(g, max_iter=100000, tol=1e-13, weight="weight")
            check(f"{name} eigenvector vs nx.eigenvector_centrality", ev, scaled(nxev, n))
        except nx.PowerIterationFailedConvergence:
            # a defective eigenvalue: the power iteration crawls; the
            # eigenvector is unique, the kernel of A^T - rho I
            check(f"{name} eigenvector vs kernel of A^T - rho I", ev, null_vector(A.T, rho))
    if A.any():
        hub, rep, _ = projection(A @ A.T)
        auth = A.T @ hub
        auth /= auth.max()
        nh, na = _hits_python(g, max_iter=100000, tol=1e-14)
        check(f"{name} hub vs networkx HITS iteration", hub, scaled(nh, n))
        check(f"{name} authority vs networkx HITS iteration", auth, scaled(na, n))
        if rep:
            cases.append("not_unique")
    indeg, outdeg = (A > 0).sum(axis=0), (A > 0).sum(axis=1)
    zero = lambda x: np.abs(x) < 1e-9
    if (np.any((indeg > 0) & zero(ev)) and "no_cycle" not in cases) or \
            np.any((outdeg > 0) & zero(hub)) or np.any((indeg > 0) & zero(auth)):
        cases.append("outside")
    # PN on the signed pair graph
    # no tie where the relations cancel out up to rounding: |s| <= 1e-9 x the
    # sum of their |weight| (docs/analysis.md)
    s, mag = np.zeros((n, n)), np.zeros((n, n))
    for u, v, t in rels:
        sign, w, _ = VOCAB[t]
        s[min(u, v), max(u, v)] += sign * w
        mag[min(u, v), max(u, v)] += w
    s[np.abs(s) <= 1e-9 * mag] = 0.0
    S = np.sign(s + s.T)
    Apn = np.where(S > 0, 1.0, 0.0) - 2 * np.where(S < 0, 1.0, 0.0)
    b = 1 / (2 * n - 2)
    if abs(np.linalg.det(np.eye(n) - b * Apn)) < 1e-12:
        pn = np.full(n, 1 / (1 + 2 * b)) if n == 2 else None
        near = np.linalg.solve(np.eye(n) - (b - 1e-9) * Apn, np.ones(n))
        check(f"{name} pn limit vs b = 1/2 - 1e-9", pn, near, 1e-6)
        cases.append("pn_limit")
    else:
        pn = np.linalg.solve(np.eye(n) - b * Apn, np.ones(n))
    # the order in which `report` lists its notes
    order = ["missing", "no_cycle", "not_unique", "outside", "pn_limit"]
    return ev, hub, auth, pn, sorted(set(cases), key=order.index)


def write():
    os.makedirs(HERE, exist_ok=True)
    manifest = []
    for name, (n, rels, ties) in GRAPHS.items():
        print(f"{name}: {n} actors, --ties {ties}")
        ev, hub, auth, pn, cases = compute(name, n, rels, ties)
        with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc_of(n, rels, name), f, indent=1)
            f.write("\n")
        with open(os.path.join(HERE, name + ".expected.csv"), "w", encoding="utf-8",
                  newline="") as f:
            wr = csv.writer(f, lineterminator="\n")
            wr.writerow(["id", "eigenvector", "hub", "authority", "pn"])
            for i in range(n):
                # rounding noise below 1e-12 is 0, as in actorgraph's output
                wr.writerow([f"A{i}"] + [repr(float(x[i]) + 0.0 if abs(x[i]) >= 1e-12 else 0.0)
                                         for x in (ev, hub, auth, pn)])
        manifest.append({"name": name, "ties": ties, "notes": cases})
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


def search(binary, seed, count):
    rnd = random.Random(seed)
    for _ in range(count):
        n = rnd.randint(2, 7)
        rels = [tuple(rnd.sample(range(n), 2)) + (rnd.choice(list(VOCAB)),)
                for _ in range(rnd.randint(1, 10))]
        for ties in ("positive", "negative", "all"):
            p = subprocess.run([binary, "report", "-", "--ties", ties], capture_output=True,
                               text=True, input=json.dumps(doc_of(n, rels, "search")))
            if p.returncode != 0:
                print(n, ties, rels, p.stderr.strip().splitlines()[-1])
                break


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--search":
        search(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        sys.exit(0)
    write()
    print("FAILED: " + "; ".join(failures) if failures else "all checks passed")
    sys.exit(1 if failures else 0)
