#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the console's browser tests (nothing downloads a browser).
# As root it installs it with apt; anyone else is told what to install. Silent when it is there.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi

if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "Chromium is not installed at /usr/bin/chromium. Install it with:" >&2
  echo "  sudo apt-get install chromium" >&2
  exit 1
fi

echo "Installing Chromium: apt-get install chromium"
export DEBIAN_FRONTEND=noninteractive
apt_quiet=(-qq -o Dpkg::Use-Pty=0)
apt-get "${apt_quiet[@]}" update
apt-get "${apt_quiet[@]}" install -y --no-install-recommends chromium fonts-noto-cjk

if [[ ! -x /usr/bin/chromium ]]; then
  echo "apt-get installed chromium, yet /usr/bin/chromium is still missing." >&2
  exit 1
fi
