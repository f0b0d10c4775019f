#!/usr/bin/env bash
# Builds and runs every test of the solution, then sums all test assemblies up in one line:
# "N passed, N failed, N skipped". Exits with dotnet test's exit code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

infra/postgres/ensure-installed.sh

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

status=0
# A test that hangs has its host killed (its PostgreSQL watchdog then stops the server) long before CI's limit.
dotnet test ComplaintCloud.sln -c Release --logger trx --results-directory "$results" \
  --blame-hang-timeout 15m --blame-hang-dump-type none || status=$?

# Sums the named attributes of every TRX's <Counters total="7" executed="7" passed="7" failed="0" ... /> element.
count() {
  local counters
  counters="$(find "$results" -name '*.trx' -exec grep -ho '<Counters [^>]*' {} + || true)"
  local sum=0 attribute value
  for attribute in "$@"; do
    while IFS= read -r value; do
      sum=$((sum + value))
    done < <(grep -o " $attribute=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9][0-9]*' || true)
  done
  echo "$sum"
}

passed="$(count passed)"
failed="$(count failed error timeout aborted)"
# Skipped tests count as not executed, not as notExecuted.
skipped="$(($(count total) - $(count executed)))"
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  echo "dotnet test exited with $status although no test failed: see the build or test host errors above." >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
