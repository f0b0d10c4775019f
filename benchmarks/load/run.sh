#!/usr/bin/env bash
# The load harness (issue 17): one command, so everyone measures the same way. Starts a private PostgreSQL and the
# service (Release, Production settings, rate limits raised) on it, signs tenants up, seeds complaints, then runs in
# one go, alternating each service figure with the raw PostgreSQL figure it is compared with:
#   pgbench single-row insert | wrk submitComplaint (1 and 20 tenants, 8 and 32 connections) | pgbench insert …
#   pgbench list select | wrk complaints(first: 20) | pgbench list select
#   and with BIG_TENANT, the same list pair again on the big tenant alone
# and prints each figure with p50/p99, errors, and the ratio to the mean of the pgbench runs either side, then the
# service's memory (RSS now and at its peak; the GC heap when dotnet-counters is installed).
#   benchmarks/load/run.sh                      # the figures in the README
#   DURATION=5 COMPLAINTS=2000 benchmarks/load/run.sh   # a quick check that the harness works
#   TENANTS=1000 COMPLAINTS=1000000 BIG_TENANT=200000 benchmarks/load/run.sh   # at scale (docs/load.md)
# Settings (environment): DURATION seconds a run (20), TENANTS (20), COMPLAINTS over them (240000), BIG_TENANT
# (none): how many of the complaints the last tenant signed up holds, the others sharing the rest, NO_BUILD=1,
# SIGNUP_JOBS sign-ups at once (8), HOLD=1 to keep the service and PostgreSQL running after the figures until the
# script is interrupted or terminated (to look into the service with dotnet-gcdump or dotnet-counters, or to run another
# build beside it on the same tenants: SIGNING_KEY sets the key their tokens are signed with), SERVICE_PORT (5097) and
# PG_PORT (55497): give each checkout running it at the same time its own pair. The PostgreSQL cluster, its socket
# and the logs live in a fresh mktemp directory per run, removed at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/benchmarks/load"
cd "$root"

duration="${DURATION:-20}"
tenants="${TENANTS:-20}"
complaints="${COMPLAINTS:-240000}"
big_tenant="${BIG_TENANT:-0}"
signup_jobs="${SIGNUP_JOBS:-8}"
service_port="${SERVICE_PORT:-5097}"
pg_port="${PG_PORT:-55497}"
url="http://127.0.0.1:$service_port"

infra/postgres/ensure-installed.sh
if ! command -v wrk >/dev/null; then
  # A fresh machine's package lists may not be there yet.
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
fi
if [[ ${NO_BUILD:-0} != 1 ]]; then
  dotnet build ComplaintCloud.sln -c Release -v quiet -nologo
fi

work="$(mktemp -d /tmp/complaintcloud-load.XXXXXX)"
chmod 755 "$work"
pg_bin="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin | sort -V | tail -1)"
# PostgreSQL refuses to run as root.
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) == 0 ]] && chown postgres "$work"
service_pid=""
stop() {
  [[ -n $service_pid ]] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

as_postgres "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres --no-sync >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start -o "-p $pg_port -k $work \
  -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB \
  -c shared_preload_libraries=pg_stat_statements" >/dev/null
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
sql -d postgres <<'SQL'
CREATE ROLE complaintcloud_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE complaintcloud_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
CREATE DATABASE complaintcloud OWNER complaintcloud_owner;
SQL
sql -d complaintcloud -c "CREATE EXTENSION pg_stat_statements"

database="Host=127.0.0.1;Port=$pg_port;Database=complaintcloud"
# Started in its own folder, as a deployment starts it, so that it reads its appsettings.json: elsewhere the log level
# falls back to Information and the service logs every SQL command and request, which cost it a sixth of its CPU.
# MALLOC_ARENA_MAX as the Dockerfile sets it.
ConnectionStrings__ComplaintCloud="$database;Username=complaintcloud_app" \
ConnectionStrings__ComplaintCloudMigrations="$database;Username=complaintcloud_owner" \
Auth__SigningKey="${SIGNING_KEY:-$(head -c 48 /dev/urandom | base64)}" ASPNETCORE_ENVIRONMENT=Production Tenants__ProvisionDemo=false \
MALLOC_ARENA_MAX=2 \
RateLimits__PerIpPerMinute=100000000 RateLimits__PerTenantPerMinute=100000000 \
  bash -c 'cd src/ComplaintCloud.Api/bin/Release/net10.0 && exec dotnet ComplaintCloud.Api.dll --urls "$0"' "$url" >"$work/service.log" 2>&1 &
service_pid=$!
until curl -sf "$url/readyz" >/dev/null; do
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.2
done

graphql() { curl -sf "$url/graphql" -H 'Content-Type: application/json' "$@"; }
submit_body='{"query":"mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }","variables":{"input":{"channel":"PHONE","kind":"COMPLAINT","category":"product/malfunction","description":"The kettle stopped heating after two days; the customer wants it replaced and asks for a call back this afternoon.","customer":{"name":"Load","contact":"13800138000"},"amountInvolved":100}}}'
echo "Signing up $tenants tenants, $signup_jobs at a time, each with one complaint made through the API..."
started=$SECONDS
sign_up() {
  local slug="load-$1"
  local token
  token="$(graphql -d "{\"query\":\"mutation { signUp(input: {companyName: \\\"Load $1\\\", slug: \\\"$slug\\\", adminEmail: \\\"admin@$slug.example\\\", adminPassword: \\\"a-long-password\\\"}) { token } }\"}" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
  [[ -n $token ]] || { echo "Signing up $slug failed" >&2; return 1; }
  graphql -H "Authorization: Bearer $token" -d "$submit_body" >/dev/null
  echo "$token" >"$work/signups/$1"
}
mkdir "$work/signups"
export -f sign_up graphql
export url work submit_body
seq 1 "$tenants" | xargs -P "$signup_jobs" -I{} bash -c 'sign_up {}'
for ((i = 1; i <= tenants; i++)); do cat "$work/signups/$i"; done >"$work/tokens"
head -1 "$work/tokens" >"$work/token-1"
tail -1 "$work/tokens" >"$work/token-big"
echo "Signed up in $((SECONDS - started)) s."

started=$SECONDS
if ((big_tenant > 0)); then
  per_tenant=$(((complaints - big_tenant) / (tenants - 1)))
  big_tenant_id="$(sql -d complaintcloud -tAc "SELECT id FROM tenants WHERE slug = 'load-$tenants'")"
  echo "Seeding $complaints complaints: $big_tenant on one tenant, $per_tenant on each of the others..."
else
  per_tenant=$((complaints / tenants))
  big_tenant_id=""
  echo "Seeding $complaints complaints over them..."
fi
sql -d complaintcloud -c "SET seed.per_tenant = $per_tenant" -c "SET seed.big_tenant = '$big_tenant_id'" \
  -c "SET seed.big_tenant_complaints = $big_tenant" -f "$here/seed.sql"
echo "Seeded in $((SECONDS - started)) s."
sql -d complaintcloud <<'SQL'
CREATE TABLE bench_intake (id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, received_at timestamptz NOT NULL, description text NOT NULL);
CREATE INDEX ON bench_intake (tenant_id, received_at);
CREATE TABLE bench_tenants AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM tenants;
ALTER TABLE bench_tenants ADD PRIMARY KEY (n);
SELECT pg_stat_statements_reset();
SQL
echo "$submit_body" >"$work/submit.json"
echo '{"query":"{ complaints(first: 20) { nodes { id number status receivedAt } pageInfo { hasNextPage endCursor } } }"}' >"$work/list.json"

# pgbench's per-transaction log gives its percentiles: the third field is the latency in microseconds.
pgbench_run() {
  rm -f "$work"/pgbench_log*
  local tps
  tps="$(pgbench -n -h 127.0.0.1 -p "$pg_port" -U postgres -c 8 -j 2 -T "$duration" \
    -D first_tenant="${2:-1}" -D last_tenant="${2:-$tenants}" \
    -l --log-prefix="$work/pgbench_log" -f "$here/$1" complaintcloud | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"
  local latencies="$work/latencies"
  cat "$work"/pgbench_log* | awk '{print $3}' | sort -n >"$latencies"
  local count
  count=$(wc -l <"$latencies")
  printf 'RESULT tps=%.0f p50_ms=%.2f p99_ms=%.2f errors=0 requests=%d\n' "$tps" \
    "$(echo "$(sed -n "$((count / 2 + 1))p" "$latencies") / 1000" | bc -l)" \
    "$(echo "$(sed -n "$((count * 99 / 100 + 1))p" "$latencies") / 1000" | bc -l)" "$count"
}

# The service's CPU per request (user and system time of its process over the run, in ms): other work on a shared
# machine moves it far less than it moves req/s.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$service_pid/stat"; }
wrk_run() {
  local before line
  before=$(cpu_ticks)
  line="$(BODY_FILE="$work/$1" TOKENS_FILE="$work/$2" wrk -t 2 -c "$3" -d "${duration}s" --timeout 10s -s "$here/graphql.lua" "$url/graphql" \
    | grep '^RESULT')"
  echo "$line cpu_ms_per_req=$(echo "scale=2; ($(cpu_ticks) - $before) * 1000 / $(getconf CLK_TCK) / $(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$line")" | bc)"
}

tps_of() { sed -n 's/.*tps=\([0-9]*\).*/\1/p' <<<"$1"; }
report() {
  local label="$1" figure="$2" before="${3:-}" after="${4:-}"
  local line="${figure#RESULT }"
  if [[ -n $before ]]; then
    local raw=$((($(tps_of "$before") + $(tps_of "$after")) / 2))
    line="$line ratio=$(echo "scale=3; $(tps_of "$figure") / $raw" | bc) of $raw raw tps"
  fi
  printf '%-42s %s\n' "$label" "$line"
}

echo "Measuring, $duration s a run..."
insert_1="$(pgbench_run insert.sql)"
submit_1_8="$(wrk_run submit.json token-1 8)"
insert_2="$(pgbench_run insert.sql)"
submit_20_8="$(wrk_run submit.json tokens 8)"
insert_3="$(pgbench_run insert.sql)"
submit_20_32="$(wrk_run submit.json tokens 32)"
insert_4="$(pgbench_run insert.sql)"
list_1="$(pgbench_run list.sql)"
list_8="$(wrk_run list.json tokens 8)"
list_2="$(pgbench_run list.sql)"
if ((big_tenant > 0)); then
  big_tenant_n="$(sql -d complaintcloud -tAc "SELECT n FROM bench_tenants WHERE id = '$big_tenant_id'")"
  big_list_1="$(pgbench_run list.sql "$big_tenant_n")"
  big_list_8="$(wrk_run list.json token-big 8)"
  big_list_2="$(pgbench_run list.sql "$big_tenant_n")"
fi

echo
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg); $tenants tenants, $(sql -d complaintcloud -tAc 'SELECT count(*) FROM complaints') complaints"
report "pgbench single-row insert, 8 conn" "$insert_1"
report "submitComplaint, 1 tenant, 8 conn" "$submit_1_8" "$insert_1" "$insert_2"
report "submitComplaint, $tenants tenants, 8 conn" "$submit_20_8" "$insert_2" "$insert_3"
report "submitComplaint, $tenants tenants, 32 conn" "$submit_20_32" "$insert_3" "$insert_4"
report "pgbench list select, 8 conn" "$list_1"
report "complaints(first: 20), 8 conn" "$list_8" "$list_1" "$list_2"
if ((big_tenant > 0)); then
  report "pgbench list select, big tenant, 8 conn" "$big_list_1"
  report "complaints(first: 20), big tenant, 8 conn" "$big_list_8" "$big_list_1" "$big_list_2"
fi
echo
echo "Statements by total time during the service runs (pg_stat_statements):"
sql -d complaintcloud -c "SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
  FROM pg_stat_statements WHERE query NOT LIKE '%bench_%' ORDER BY total_exec_time DESC LIMIT 15"

echo
echo "The service's memory after the runs (pid $service_pid):"
grep -E '^(VmRSS|VmHWM)' "/proc/$service_pid/status"
# The GC's own figures only when dotnet-counters is at hand (DOTNET_COUNTERS names it if it is not on the PATH).
counters="${DOTNET_COUNTERS:-$(command -v dotnet-counters || true)}"
if [[ -n $counters ]]; then
  "$counters" collect -p "$service_pid" --duration 00:00:00:03 --format csv -o "$work/counters.csv" \
    --counters 'EventCounters\System.Runtime[gc-heap-size,gc-committed,working-set]' >/dev/null
  awk -F, 'NR > 1 { last[$3] = $NF } END { for (name in last) printf "%s: %s\n", name, last[name] }' "$work/counters.csv"
fi
if [[ ${HOLD:-0} == 1 ]]; then
  echo "HOLD=1: the service (pid $service_pid) and PostgreSQL (port $pg_port) run on until this script is interrupted."
  # Trapped so that the EXIT trap stops them (a script started in the background ignores SIGINT: send it SIGTERM).
  trap 'exit 0' INT TERM
  wait "$service_pid"
fi
