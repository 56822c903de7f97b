#!/usr/bin/env bash
# Soak run of the fuzz harness (docs/FUZZ.md): runs the seeded fuzz test of test/Corridors.Cli.Tests/Fuzz with many
# more cases, in chunks (a fresh test host and temp folder per chunk), and prints one closing line
# "fuzz soak: N cases, F failures, T s". Failures are listed in the report file with their case index and seed, so
# one can be replayed with CORRIDORS_FUZZ_SEED=S CORRIDORS_FUZZ_START=I CORRIDORS_FUZZ_CASES=1.
#
#   scripts/fuzz-soak.sh [CASES=100000] [SEED=20261201] [CHUNK=10000]
#
# The environment variables below are read only by the fuzz test; the test itself never sets them.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cases="${1:-100000}"
seed="${2:-20261201}"
chunk="${3:-10000}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$root/artifacts/fuzz"
mkdir -p "$out"
report="$out/soak-$seed.txt"
: > "$report"

dotnet build test/Corridors.Cli.Tests -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "build failed"; exit 1; }

start_time=$(date +%s)
done_cases=0
failures=0
status=0
while [ "$done_cases" -lt "$cases" ]; do
  n=$(( cases - done_cases < chunk ? cases - done_cases : chunk ))
  part="$out/soak-$seed-$done_cases.txt"
  rm -f "$part"
  CORRIDORS_FUZZ_CASES="$n" CORRIDORS_FUZZ_SEED="$seed" CORRIDORS_FUZZ_START="$done_cases" CORRIDORS_FUZZ_REPORT="$part" \
    dotnet test test/Corridors.Cli.Tests -c Release --no-build --filter "FullyQualifiedName~Fuzz.FuzzTests" > "$out/soak-$seed-$done_cases.log" 2>&1
  rc=$?
  if [ -f "$part" ]; then
    head -1 "$part"
    cat "$part" >> "$report"
    f=$(grep -c -e '^case ' -e '^after all cases' "$part")
  else
    echo "chunk from $done_cases: no report (test host failed, exit $rc); see $out/soak-$seed-$done_cases.log"
    f=1
  fi
  failures=$(( failures + f ))
  [ "$rc" -ne 0 ] && status=1
  done_cases=$(( done_cases + n ))
done

elapsed=$(( $(date +%s) - start_time ))
echo "fuzz soak: $done_cases cases (seed $seed), $failures failures, $elapsed s; report $report"
exit "$status"
