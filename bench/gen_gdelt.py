#!/usr/bin/env python3
"""Writes N rows in the GDELT 2.0 Events layout (61 tab-separated columns,
no header) to standard output, from a fixed seed: the input of the events
benchmark (bench/run). The rows look like a real export: about half the
actor slots without a country (as in GDELT, where the coder often cannot
tell one), a few regional codes (EUR, AFR), countries drawn with a skewed
popularity, common CAMEO codes with their Goldstein values, a year of dates,
tone with 14 decimals, geography columns and a source URL.

usage: gen_gdelt.py N [SEED]
"""
import random
import sys

COUNTRIES = ("USA RUS CHN GBR FRA DEU UKR IRN ISR IND PAK TUR SYR PRK KOR JPN SAU "
             "AFG IRQ EGY BRA CAN AUS ITA ESP NGA ZAF MEX VEN POL BLR KAZ QAT ARE "
             "LBN JOR YEM LBY SDN ETH KEN SOM VNM PHL IDN MYS THA MMR BGD LKA NPL "
             "ARG CHL COL PER CUB NLD BEL SWE NOR FIN DNK AUT CHE GRC SRB HUN ROU "
             "CZE SVK BGR HRV GEO ARM AZE UZB TKM MNG NZL IRL PRT MAR DZA TUN MLI").split()
REGIONS = ["EUR", "AFR", "ASA", "MEA", "WST"]
CODES = [("010", 0.0), ("020", 3.0), ("036", 4.0), ("040", 1.0), ("042", 1.9),
         ("043", 2.8), ("046", 7.0), ("051", 3.4), ("057", 8.0), ("061", 6.4),
         ("071", 7.4), ("072", 8.3), ("0874", 10.0), ("111", -2.0), ("112", -2.0),
         ("120", -4.0), ("130", -4.4), ("138", -7.0), ("141", -6.5), ("163", -8.0),
         ("173", -5.0), ("180", -9.0), ("190", -10.0), ("193", -10.0)]
CODE_W = [10, 6, 5, 14, 8, 8, 3, 3, 2, 2, 2, 1, 1, 6, 5, 3, 4, 1, 2, 1, 3, 2, 3, 2]
ROLES = ["GOV", "MIL", "BUS", "MED", "OPP", "COP", "JUD", "LEG", ""]
CITIES = ["Moscow, Moskva, Russia", "Washington, District of Columbia, United States",
          "Beijing, Beijing, China", "Kyiv, Kyyiv, Misto, Ukraine", "London, London, City of, "
          "United Kingdom", "Paris, Ile-de-France, France", "Tehran, Tehran, Iran"]


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    weights = [1 / (k + 1) for k in range(len(COUNTRIES))]
    out = sys.stdout
    base_id = 880000000
    buf = []
    for i in range(n):
        f = [""] * 61
        day = rng.randrange(365)
        y, m, d = 2019, 1 + day // 31 % 12, 1 + day % 28
        date = f"{y}{m:02d}{d:02d}"
        f[0] = str(base_id + i)
        f[1] = date
        f[2] = date[:6]
        f[3] = date[:4]
        f[4] = f"{y}.{(m - 1) * 833 + d * 27:04d}"
        for a in (0, 1):
            o = 5 + 10 * a
            r = rng.random()
            if r < 0.45:
                continue  # no actor country
            ctry = rng.choice(REGIONS) if r < 0.5 else rng.choices(COUNTRIES, weights)[0]
            role = rng.choice(ROLES)
            f[o] = ctry + role
            f[o + 1] = ctry if not role else f"{ctry} {role}"
            f[o + 2] = ctry
            f[o + 5] = role
        code, gold = rng.choices(CODES, CODE_W)[0]
        f[25] = "1" if rng.random() < 0.6 else "0"
        f[26], f[27], f[28] = code, code[:3], code[:2]
        f[29] = str(1 + (gold < 0) * 2 + (abs(gold) > 5))
        f[30] = f"{gold:.1f}"
        mentions = 1 + int(rng.expovariate(0.2))
        sources = 1 + min(mentions - 1, int(rng.expovariate(0.7)))
        f[31], f[32], f[33] = str(mentions), str(sources), str(mentions)
        f[34] = repr(round(rng.gauss(-2, 3), 14))
        for g in range(3):
            o = 35 + 8 * g
            city = rng.choice(CITIES)
            f[o:o + 8] = ["4", city, city[-2:].upper(), city[-2:].upper() + "01", "1234",
                          f"{rng.uniform(-60, 60):.4f}", f"{rng.uniform(-180, 180):.4f}",
                          str(rng.randrange(-2000000, 2000000))]
        f[59] = date + "143000"
        f[60] = f"https://news{rng.randrange(500)}.example.com/{y}/{m:02d}/story-{rng.randrange(10**7)}.html"
        buf.append("\t".join(f))
        if len(buf) == 10000:
            out.write("\n".join(buf) + "\n")
            buf = []
    if buf:
        out.write("\n".join(buf) + "\n")


if __name__ == "__main__":
    main()
