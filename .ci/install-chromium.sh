#!/usr/bin/env bash
# Installs Debian's chromium for the headless check of report.html (idempotent, non-interactive).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
command -v chromium
