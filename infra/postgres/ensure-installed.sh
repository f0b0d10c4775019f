#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries are there, looking where PrivatePostgres looks for them.
# As root it installs them with apt; anyone else is told what to install. Silent when nothing is missing.
set -euo pipefail

has_server_tools() {
  [[ $1 == /* && -x $1/initdb && -x $1/pg_ctl ]]
}

server_tools_installed() {
  local dir
  # Highest major version first.
  while IFS= read -r dir; do
    if has_server_tools "$dir"; then
      return 0
    fi
  done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V -r)
  # pg_config may come with the client library alone, so its answer is only a candidate.
  dir="$(pg_config --bindir 2>/dev/null || true)"
  if has_server_tools "$dir"; then
    return 0
  fi
  local -a path_dirs
  IFS=: read -ra path_dirs <<<"$PATH"
  for dir in "${path_dirs[@]}"; do
    if has_server_tools "$dir"; then
      return 0
    fi
  done
  return 1
}

if server_tools_installed; then
  exit 0
fi

if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "PostgreSQL server binaries (initdb, pg_ctl) are not installed. Install them with:" >&2
  echo "  sudo apt-get install postgresql" >&2
  exit 1
fi

echo "Installing PostgreSQL: apt-get install postgresql"
export DEBIAN_FRONTEND=noninteractive
apt_quiet=(-qq -o Dpkg::Use-Pty=0)
apt-get "${apt_quiet[@]}" update
# We run private clusters, so the distro must neither create nor start its own on port 5432:
# policy-rc.d keeps services from starting during the install, createcluster.conf keeps the cluster from existing.
policy_rc=/usr/sbin/policy-rc.d
if [[ ! -e $policy_rc ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy_rc"
  chmod 755 "$policy_rc"
  trap 'rm -f "$policy_rc"' EXIT
fi
apt-get "${apt_quiet[@]}" install -y --no-install-recommends postgresql-common
sed -i -E 's/^#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' \
  /etc/postgresql-common/createcluster.conf
apt-get "${apt_quiet[@]}" install -y --no-install-recommends postgresql

if ! server_tools_installed; then
  echo "apt-get installed postgresql, yet initdb and pg_ctl are still missing." >&2
  exit 1
fi
