#!/usr/bin/env bash
# Short loopback load run of POST /api/route with wrk (apt: wrk): with the run store and with --no-store.
# Usage: bench/api/run.sh [seconds=10] [connections=16]. Prints wrk's summary with latency percentiles.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
secs=${1:-10}; conns=${2:-16}; port=${PORT:-5091}
cli="$root/artifacts/bin/Corridors.Cli/release_linux-x64/corridors"
[ -x "$cli" ] || dotnet build "$root/src/Corridors.Cli" -c Release -nologo -v quiet
tmp=$(mktemp -d)
for mode in store no-store; do
  flags=(--store "$tmp/runs.db"); [ "$mode" = no-store ] && flags=(--no-store)
  "$cli" "${flags[@]}" serve --urls "http://127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/api/places?q=Baku" >/dev/null 2>&1 && break; sleep 0.5; done
  wrk -t2 -c"$conns" -d3s -s "$root/bench/api/route.lua" "http://127.0.0.1:$port/api/route" >/dev/null # warm-up (JIT)
  echo "== $mode: POST /api/route, ${secs}s, $conns connections"
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$root/bench/api/route.lua" "http://127.0.0.1:$port/api/route"
  kill -TERM "$pid"; wait "$pid" || true # (a background job ignores SIGINT)
done
rm -rf "$tmp"
