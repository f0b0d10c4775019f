#!/usr/bin/env bash
# Measures one node: the time from process start to /readyz answering 200, and its resident memory (VmRSS) at rest
# 30 s later, and the CPU time the start took. With TENANTS=n it first signs n tenants up (through the API, 4 at a
# time), then restarts the node and measures with them loaded (each tenant with one complaint, so its SLA trigger is
# armed at start); on a database that has them already, TENANTS=0 measures that start alone.
#   NO_BUILD=1 TENANTS=1000 [READY_TO_RUN=1] infra/nodes/measure-start.sh [PORT=5090]
# Needs the same connection strings as run-nodes.sh. Prints one line per measurement.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

port="${1:-5090}"
url="http://127.0.0.1:$port"
: "${ConnectionStrings__ComplaintCloud:?set ConnectionStrings__ComplaintCloud}"
: "${ConnectionStrings__ComplaintCloudMigrations:?set ConnectionStrings__ComplaintCloudMigrations}"
export Auth__SigningKey="${Auth__SigningKey:-$(head -c 48 /dev/urandom | base64)}"
export ASPNETCORE_ENVIRONMENT=Production Tenants__ProvisionDemo=false
export RateLimits__PerIpPerMinute=1000000 RateLimits__PerTenantPerMinute=1000000
if [[ ${NO_BUILD:-0} != 1 ]]; then
  dotnet build ComplaintCloud.sln -c Release
fi
service=src/ComplaintCloud.Api/bin/Release/net10.0/ComplaintCloud.Api.dll
# READY_TO_RUN=1 measures the service as the Dockerfile publishes it, compiled ahead of time.
if [[ ${READY_TO_RUN:-0} == 1 ]]; then
  dotnet publish src/ComplaintCloud.Api -c Release -r linux-x64 --self-contained false -o .data/ready-to-run
  service=.data/ready-to-run/ComplaintCloud.Api.dll
  export Plugins__Path="$PWD/artifacts/plugins"
fi

pid=""
stop() { if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT

start_and_measure() {
  local started ready cpu
  started=$(date +%s.%N)
  dotnet "$service" --urls "$url" >/tmp/measure-start.log 2>&1 &
  pid=$!
  until curl -sf "$url/readyz" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat /tmp/measure-start.log >&2; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s.%N)
  # CPU the start cost (user + system, in clock ticks): what a busy machine cannot inflate, unlike the wall time.
  cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep 30
  printf '%s: ready in %.2f s (%.2f s of CPU), RSS at rest %d MB, load average %s\n' "$1" "$(echo "$ready - $started" | bc)" \
    "$(echo "$cpu / $(getconf CLK_TCK)" | bc -l)" "$(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# Fails (and so stops xargs and the script) when the service refuses the sign-up or the complaint.
sign_up() {
  local slug="m-$1-$RANDOM$RANDOM" token
  token=$(curl -sf "$url/graphql" -H 'Content-Type: application/json' -d "{\"query\":\"mutation { signUp(input: {companyName: \\\"Measure $1\\\", slug: \\\"$slug\\\", adminEmail: \\\"admin@$slug.example\\\", adminPassword: \\\"a-long-password\\\", policyId: \\\"winery\\\"}) { token } }\"}" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [[ -n $token ]] || { echo "sign-up $1 refused" >&2; return 1; }
  curl -sf "$url/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d '{"query":"mutation { submitComplaint(input: {channel: PHONE, kind: COMPLAINT, category: \"product/quality\", description: \"measure\", customer: {name: \"M\"}, amountInvolved: 100}) { id } }"}' \
    | grep -q '"submitComplaint":{"id"' || { echo "complaint of tenant $1 refused" >&2; return 1; }
}

start_and_measure "start (the tenants already in the database)"
if [[ ${TENANTS:-0} -gt 0 ]]; then
  export -f sign_up
  export url
  seq 1 "$TENANTS" | xargs -P 4 -I{} bash -c 'sign_up {}'
  stop
  start_and_measure "$TENANTS more tenants"
fi
