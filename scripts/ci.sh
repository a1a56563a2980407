#!/usr/bin/env bash
# The one CI recipe: .ci/run and .github/workflows/briefing.yml both call this script.
# Installs what is missing (Debian's chromium, poppler-utils, qpdf), then runs the README's
# test command and the default build.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ] || [ -n "${BRIEFWRIGHT_BROWSER:-}" ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ci: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    echo "ci: installing ${need[*]} with sudo"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "ci: missing ${need[*]} and cannot install them (need root and apt-get)" >&2
    exit 3
  fi
fi

node --version
npm test
npm run build
