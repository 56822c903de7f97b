#!/usr/bin/env bash
# Caspian DES benchmarks: kernel events/s, one simulated year at 300,000 TEU, and the same M/M/c model in SimPy 3
# side by side. Needs Debian's python3-simpy3 (apt-get install -y --no-install-recommends python3-simpy3).
# Writes bench/results/caspian/caspian-bench.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$root/bench/results/caspian"
dotnet run -c Release --project "$root/bench/Corridors.Benchmarks" -- caspian --data "$root/data" "$@" | tee "$root/bench/results/caspian/caspian-bench.md"
