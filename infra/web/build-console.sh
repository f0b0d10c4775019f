#!/usr/bin/env bash
# Builds the web console (web/ → web/dist) that the service serves from /, when anything it is built from changed:
# `npm ci` when package-lock.json is newer than the installed packages, then `vite build` (type check included,
# printing the initial JavaScript's gzip size). Silent but for the build when nothing is stale. Never run by dotnet build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../web"

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

built=dist/index.html
if [[ -f $built ]] && [[ -z "$(find src index.html graphiql.html vite.config.ts tsconfig.json package-lock.json -newer "$built" -print -quit)" ]]; then
  exit 0
fi
npm run --silent build
