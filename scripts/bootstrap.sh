#!/usr/bin/env bash
# Installs what the repo needs on a fresh machine that has Node 20+ and npm: pnpm (the pinned
# version), the workspace's dependencies from the lockfile, and — with --browser — Debian's
# Chromium for Playwright. Safe to run again: each step is skipped when already done.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

PNPM_VERSION="$(node -p "require('./package.json').packageManager.split('@')[1]")"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "bootstrap: Node 20 or newer is required (found $(node --version))" >&2
  exit 1
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # No permission for the global prefix: install under the user's home instead.
    npm install -g --prefix "$HOME/.local" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$HOME/.local/bin:$PATH"
  fi
fi

echo "bootstrap: installing dependencies (pnpm install --frozen-lockfile)"
pnpm install --frozen-lockfile --reporter=append-only | grep -vE '^(Progress|Packages:|\+)' || true
test -d node_modules/.pnpm || { echo "bootstrap: pnpm install failed" >&2; exit 1; }

if [ "${1:-}" = "--browser" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
    :
  elif [ -x /usr/bin/chromium ]; then
    export CHROMIUM_PATH=/usr/bin/chromium
  else
    echo "bootstrap: installing Debian's chromium for Playwright"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
    export CHROMIUM_PATH=/usr/bin/chromium
  fi
fi
