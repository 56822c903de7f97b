#!/usr/bin/env python3
"""Writes bench/searoute/pairs.csv: every pair of 41 ports (40 major container ports on all oceans + Baku on the
Caspian) with coordinates from data/sea/ports.csv. Deterministic: no sampling."""
import csv, itertools, os
root = os.path.dirname(os.path.abspath(__file__))
ports = ["CNSHA", "CNNGB", "CNTAO", "KRPUS", "JPYOK", "HKHKG", "SGSIN", "MYPKG", "THLCH", "VNSGN", "IDJKT", "LKCMB", "INNSA",
         "PKKHI", "AEJEA", "OMSLL", "DJJIB", "EGPSD", "KEMBA", "ZADUR", "ZACPT", "NGLOS", "MAPTM", "ESALG", "ITGOA", "GRPIR",
         "TRMER", "ROCND", "GEPTI", "UAODS", "NLRTM", "BEANR", "DEHAM", "GBFXT", "PLGDN", "FIHEL", "USNYC", "USLAX", "BRSSZ",
         "AUSYD", "AZBAK"]
rows = {}
with open(os.path.join(root, "..", "..", "data", "sea", "ports.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(l for l in f if not l.startswith("#")):
        rows[r["id"]] = r
with open(os.path.join(root, "pairs.csv"), "w", encoding="utf-8", newline="\n") as out:
    out.write("from_lon,from_lat,to_lon,to_lat,from,to\n")
    for a, b in itertools.combinations(ports, 2):
        pa, pb = rows[a], rows[b]
        out.write(f"{pa['lon']},{pa['lat']},{pb['lon']},{pb['lat']},{a},{b}\n")
