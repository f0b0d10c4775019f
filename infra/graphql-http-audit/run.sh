#!/usr/bin/env bash
# Installs the pinned audit tooling and audits a running ComplaintCloud API.
# Usage: infra/graphql-http-audit/run.sh [url]   (default http://127.0.0.1:5080/graphql)
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
exec node audit.mjs "$@"
