#!/usr/bin/env bash
# Runs N service nodes from the checkout on one PostgreSQL database, node i listening on 127.0.0.1:(BASE_PORT + i).
#   infra/nodes/run-nodes.sh [N=2] [BASE_PORT=5080]
# Needs ConnectionStrings__ComplaintCloud (the service's role) and ConnectionStrings__ComplaintCloudMigrations (the
# owner) — a private cluster belongs to one process, so nodes need a real database — and uses one Auth__SigningKey
# for all (a token from one node is good on every node). Builds first unless NO_BUILD=1. Each node is one process
# (the built assembly, not `dotnet run`), so `kill -9 $(cat .data/nodes/node1.pid)` kills exactly that node.
# Logs and pids are in .data/nodes/. Ctrl-C stops every node. Node i's database sessions are named node<i>
# (application_name in pg_stat_activity). Sla__Cluster__CheckinInterval and Sla__Cluster__CheckinMisfireThreshold
# (e.g. 00:00:01) shorten how soon the others take over a node that died, as the test TwoNodesShould does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

nodes="${1:-2}"
base_port="${2:-5080}"
: "${ConnectionStrings__ComplaintCloud:?set ConnectionStrings__ComplaintCloud (the runtime role)}"
: "${ConnectionStrings__ComplaintCloudMigrations:?set ConnectionStrings__ComplaintCloudMigrations (the owner)}"
export Auth__SigningKey="${Auth__SigningKey:-$(head -c 48 /dev/urandom | base64)}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Tenants__ProvisionDemo="${Tenants__ProvisionDemo:-false}"

if [[ ${NO_BUILD:-0} != 1 ]]; then
  dotnet build ComplaintCloud.sln -c Release
fi

state=.data/nodes
mkdir -p "$state"
pids=()
stop_all() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait
}
trap stop_all EXIT INT TERM

for ((i = 1; i <= nodes; i++)); do
  port=$((base_port + i))
  ConnectionStrings__ComplaintCloud="$ConnectionStrings__ComplaintCloud;Application Name=node$i" \
    dotnet src/ComplaintCloud.Api/bin/Release/net10.0/ComplaintCloud.Api.dll --urls "http://127.0.0.1:$port" \
    >"$state/node$i.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$state/node$i.pid"
  echo "node$i: pid $! on http://127.0.0.1:$port (log $state/node$i.log)"
done

for ((i = 1; i <= nodes; i++)); do
  port=$((base_port + i))
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    if ! kill -0 "${pids[i - 1]}" 2>/dev/null; then
      echo "node$i exited before it was ready; see $state/node$i.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "node$i ready"
done
wait
