#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; install it when missing (never download a browser).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Chromium non trovato in $chromium: installarlo con 'sudo apt-get install chromium'" >&2
  exit 1
fi
echo "Installo Chromium da Debian per i test nel browser..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
