#!/usr/bin/env bash
# Builds the solution and runs every test project; prints one closing line "N passed, N failed[, N skipped]"
# summed over all test assemblies (from their TRX files) and exits non-zero when any test fails or none ran.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/artifacts/TestResults"
rm -rf "$results"

dotnet build Corridors.slnx -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
# The Native AOT program ./corridors runs, checked against the in-process one by NativeAotParityTests.
aot="$root/artifacts/aot"
rm -rf "$aot"
dotnet publish src/Corridors.Cli/Corridors.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$aot" -nologo -v quiet -clp:ErrorsOnly \
  || { echo "native AOT publish failed"; echo "0 passed, 1 failed"; exit 1; }
export CORRIDORS_AOT_EXE="$aot/corridors"

dotnet test Corridors.slnx -c Release --no-build --logger "trx;LogFilePrefix=tests" --results-directory "$results" "$@"
test_rc=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); t=$(get total); e=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done

echo "test assemblies: $files"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$test_rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
