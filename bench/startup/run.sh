#!/usr/bin/env bash
# Whole-process start-up benchmark (issue 16): the published CLI (./corridors builds it) against the searoute-js node
# process for the same sea query, side by side in one hyperfine run, plus `compare` and `--help`.
# Writes bench/results/startup.hyperfine.md. Needs hyperfine (Debian package), node and bench/searoute's npm ci.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./corridors --help > /dev/null                       # build once, outside the timing
(cd bench/searoute && npm ci --no-audit --no-fund --loglevel=error)
export CORRIDORS_DATA="$root/data"
app="$root/artifacts/cli/corridors"
# Shanghai (121.4737, 31.23042) → Rotterdam (4.5, 51.92), coordinates from data/sea/ports.csv (CNSGH, NLRTM).
hyperfine --warmup 2 --runs "${RUNS:-15}" -N --export-markdown bench/results/startup.hyperfine.md \
  "node $root/bench/startup/one.js 121.4737 31.23042 4.5 51.92" \
  "$app sea --from 121.4737,31.23042 --to 4.5,51.92 --json" \
  "$app compare --from Xian --to Duisburg --depart 2026-03-03 --no-store --json" \
  "$app --help"
