#!/usr/bin/env python3
"""On the article's graph the signed blocs read as an analyst reads the
article, whatever the seed: Russia and North Korea together; the US, Japan
and South Korea together; Russia and the US apart; and no tie frustrated.
China's bloc is deliberately not checked: the article puts China in neither
camp, and where the method places it is an effect of the encoding (see the
README's clusters section), not something the article says.
usage: check_article_blocs.py ACTORGRAPH GRAPH"""
import json
import subprocess
import sys

binary, path = sys.argv[1], sys.argv[2]
errors = []
for seed in range(1, 11):
    out = json.loads(subprocess.run([binary, "clusters", path, "--seed", str(seed), "--format",
                                     "json"], check=True, capture_output=True, text=True).stdout)
    m = out["membership"]
    if m["RUS"] != m["PRK"]:
        errors.append("seed %d: Russia and North Korea apart" % seed)
    if not m["USA"] == m["JPN"] == m["KOR"]:
        errors.append("seed %d: the US, Japan and South Korea split" % seed)
    if m["RUS"] == m["USA"]:
        errors.append("seed %d: Russia and the US together" % seed)
    if out["frustration"]["count"] != 0:
        errors.append("seed %d: frustration %d" % (seed, out["frustration"]["count"]))
if errors:
    sys.exit("\n".join(errors))
print("ok: 10 seeds")
