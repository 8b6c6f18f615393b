#!/usr/bin/env bash
# Installs Debian's chromium for the headless check of report.html (test/report/html-in-chromium.test.ts).
# Idempotent and non-interactive: does nothing when `chromium` is already on PATH. Needs root (or sudo).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
command -v chromium
