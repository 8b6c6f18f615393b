#!/usr/bin/env bash
# Installs Mesa's software Vulkan driver (lavapipe) and the Vulkan loader, so that Dawn (the `webgpu`
# npm package) finds an adapter and the matntm webgpu tests run without a GPU.
# Debian 12: mesa-vulkan-drivers from bookworm-backports (bookworm's own 22.3 is too old for Dawn).
# Debian 13 and later: the stock package. Idempotent, quiet, no TTY needed; exits 0 when already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

. /etc/os-release
codename="${VERSION_CODENAME:-}"
have_version="$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || true)"
have_loader="$(dpkg-query -W -f='${Status}' libvulkan1 2>/dev/null || true)"

needs_backports=0
if [ "$codename" = "bookworm" ]; then needs_backports=1; fi

ok_version() {
  # lavapipe from Mesa ≥ 23 works with Dawn; bookworm's 22.3 does not
  [ -n "$have_version" ] && dpkg --compare-versions "$have_version" ge 23 && [ "${have_loader#*ok installed}" != "$have_loader" ]
}

if ok_version; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if [ "$needs_backports" = 1 ]; then
  list=/etc/apt/sources.list.d/bookworm-backports.list
  if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee "$list" >/dev/null
  fi
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq -t bookworm-backports mesa-vulkan-drivers libvulkan1 >/dev/null
else
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq mesa-vulkan-drivers libvulkan1 >/dev/null
fi

have_version="$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null || true)"
have_loader="$(dpkg-query -W -f='${Status}' libvulkan1 2>/dev/null || true)"
if ! ok_version; then
  echo "install-lavapipe: mesa-vulkan-drivers ${have_version:-missing} is too old for Dawn (need ≥ 23)" >&2
  exit 1
fi
