#!/usr/bin/env python3
"""Loads GDELT event files (1.0 or 2.0 layout, tab-separated, no header) into
a SQLite table named `events` with the GDELT Event codebook's column names and
types, as BigQuery's GDELT tables have them: empty fields become NULL.

usage: gdelt_to_sqlite.py DB FILE...
Standard library only; the test of `actorgraph events --print-sql` runs the
printed query over this table with Debian's sqlite3."""
import sqlite3
import sys

ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
         "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
EVENT = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
         "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
GEO2 = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID"]
GEO1 = [g for g in GEO2 if g != "ADM2Code"]

INTEGER = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
           "NumMentions", "NumSources", "NumArticles", "DATEADDED"}
REAL = {"FractionDate", "GoldsteinScale", "AvgTone"}


def columns(geo):
    cols = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    cols += ["Actor1" + a for a in ACTOR] + ["Actor2" + a for a in ACTOR] + EVENT
    for who in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        cols += [who + g for g in geo]
    return cols + ["DATEADDED", "SOURCEURL"]


V2 = columns(GEO2)          # 61 columns
V1 = columns(GEO1)          # 58 (daily); 57 without SOURCEURL (historical)


def sqltype(c):
    if c in INTEGER or c.endswith("_Type"):
        return "INTEGER"
    if c in REAL or c.endswith("_Lat") or c.endswith("_Long"):
        return "REAL"
    return "TEXT"


def main():
    db = sqlite3.connect(sys.argv[1])
    db.execute("CREATE TABLE events (%s)" % ", ".join(c + " " + sqltype(c) for c in V2))
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", newline="") as f:
            for line in f:
                fields = line.rstrip("\r\n").split("\t")
                if len(fields) == 61:
                    names = V2
                elif len(fields) in (57, 58):
                    names = V1[:len(fields)]
                else:
                    continue
                vals = [None if v == "" else v for v in fields]
                db.execute("INSERT INTO events (%s) VALUES (%s)" %
                           (", ".join(names), ", ".join("?" * len(names))), vals)
    db.commit()


if __name__ == "__main__":
    main()
