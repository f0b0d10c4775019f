#!/usr/bin/env bash
# Builds and runs the service. Without ConnectionStrings__ComplaintCloud the service keeps its own
# PostgreSQL cluster in .data/postgres, so the server binaries must be installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -z ${ConnectionStrings__ComplaintCloud:-} ]]; then
  infra/postgres/ensure-installed.sh
fi
# The web console the service serves from / (skipped when web/dist is up to date).
infra/web/build-console.sh
# The solution build also publishes the built-in policy plugins into artifacts/plugins.
dotnet build ComplaintCloud.sln -c Release
# exec, so that Ctrl-C reaches dotnet, which then stops the service and its PostgreSQL.
exec dotnet run --no-build -c Release --project src/ComplaintCloud.Api -- "$@"
