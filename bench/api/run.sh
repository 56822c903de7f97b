#!/usr/bin/env bash
# Loopback load runs of POST /api/route with wrk (apt: wrk), bounded in time: with the SQLite run store, with
# --no-store, and an overload run at twice the connections for 60 s that must show no 5xx (429 allowed).
# Usage: bench/api/run.sh [seconds=10] [connections=16] [overload_seconds=60]
# Prints uptime (the machine is shared) before and after, and wrk's summary with latency percentiles and status counts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
secs=${1:-10}; conns=${2:-16}; over=${3:-60}; port=${PORT:-5091}
cli="$root/artifacts/bin/Corridors.Cli/release_linux-x64/corridors"
[ -x "$cli" ] || dotnet build "$root/src/Corridors.Cli" -c Release -nologo -v quiet
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
echo "== machine: $(nproc) cores; $(uptime)"
start() {
  "$cli" "$@" serve --urls "http://127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/api/places?q=Baku" >/dev/null 2>&1 && break; sleep 0.5; done
  timeout 10 wrk -t2 -c"$conns" -d3s -s "$root/bench/api/route.lua" "http://127.0.0.1:$port/api/route" >/dev/null # warm-up (JIT)
}
stop() { kill -TERM "$pid"; wait "$pid" || true; pid=""; }
for mode in store no-store; do
  if [ "$mode" = store ]; then start --store "$tmp/runs.db"; else start --no-store; fi
  echo "== $mode: POST /api/route, ${secs}s, $conns connections"
  timeout $((secs + 10)) wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$root/bench/api/route.lua" "http://127.0.0.1:$port/api/route"
  if [ "$mode" = store ]; then
    echo "runs stored: $("$cli" --store "$tmp/runs.db" runs list --limit 1 --json | grep -o '"id": [0-9]*' | head -1)"
    echo "== overload with the store: $((conns * 2)) connections, ${over}s"
    timeout $((over + 10)) wrk -t2 -c$((conns * 2)) -d"${over}s" --latency -s "$root/bench/api/route.lua" "http://127.0.0.1:$port/api/route"
  fi
  stop
done
echo "== machine after: $(uptime)"
