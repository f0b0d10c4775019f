#!/usr/bin/env bash
# Builds and runs the service: ./run.sh [--no-build] [service arguments such as --urls …].
# Without ConnectionStrings__ComplaintCloud the service keeps its own PostgreSQL cluster in .data/postgres, so the
# server binaries must be installed. ASPNETCORE_URLS, --urls and ASPNETCORE_ENVIRONMENT are honoured; the
# environment is Development when unset.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -z ${ConnectionStrings__ComplaintCloud:-} ]]; then
  infra/postgres/ensure-installed.sh
fi
if [[ -z ${ASPNETCORE_ENVIRONMENT:-} && -z ${DOTNET_ENVIRONMENT:-} ]]; then
  export ASPNETCORE_ENVIRONMENT=Development
fi
if [[ ${1:-} == --no-build ]]; then
  shift
else
  # The web console the service serves from / (skipped when web/dist is up to date).
  infra/web/build-console.sh
  # The solution build also publishes the built-in policy plugins into artifacts/plugins.
  dotnet build ComplaintCloud.sln -c Release
fi
# exec, so that Ctrl-C reaches dotnet, which then stops the service and its PostgreSQL. No launch profile: it would
# override the settings above.
exec dotnet run --no-build --no-launch-profile -c Release --project src/ComplaintCloud.Api -- "$@"
