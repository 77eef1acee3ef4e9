#!/usr/bin/env bash
# Installs Debian's neovim for test/neovim (idempotent: seconds when it is there). Prints the
# path of nvim on its last line, or exits 3 with a reason when it cannot be installed.
set -euo pipefail
if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "cannot install neovim: not root and no sudo" >&2
    exit 3
  fi
  SUDO=""
  [ "$(id -u)" != 0 ] && SUDO="sudo -n"
  echo "[setup-neovim] installing Debian's neovim (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { $SUDO apt-get install -y -q --no-install-recommends neovim >&2 || { $SUDO apt-get update -q >&2 && $SUDO apt-get install -y -q --no-install-recommends neovim >&2; }; }; then
    echo "cannot install neovim: apt-get install neovim failed" >&2
    exit 3
  fi
fi
command -v nvim
