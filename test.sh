#!/usr/bin/env bash
# Builds the web console and runs every test of the solution and the console's Vitest tests, then sums them all up in
# one line: "N passed, N failed, N skipped". Exits non-zero when either runner failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

infra/postgres/ensure-installed.sh
infra/chromium/ensure-installed.sh
# The browser tests drive the console the service serves from web/dist.
infra/web/build-console.sh

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

status=0
# A test that hangs has its host killed (its PostgreSQL watchdog then stops the server) long before CI's limit.
dotnet test ComplaintCloud.sln -c Release --logger trx --results-directory "$results" \
  --blame-hang-timeout 15m --blame-hang-dump-type none || status=$?

# The console's component tests; their JUnit report's <testsuites tests= failures= errors= skipped=> joins the sum.
(cd web && npx vitest run --reporter=default --reporter=junit --outputFile="$results/vitest.xml") || status=$?
vitest_count() {
  grep -o -m1 "<testsuites [^>]*" "$results/vitest.xml" 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || echo 0
}

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

vitest_failed=$(($(vitest_count failures) + $(vitest_count errors)))
vitest_skipped="$(vitest_count skipped)"
passed="$(($(count passed) + $(vitest_count tests) - vitest_failed - vitest_skipped))"
failed="$(($(count failed error timeout aborted) + vitest_failed))"
# Skipped tests count as not executed, not as notExecuted.
skipped="$(($(count total) - $(count executed) + vitest_skipped))"
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  echo "dotnet test exited with $status although no test failed: see the build or test host errors above." >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
