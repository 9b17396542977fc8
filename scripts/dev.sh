#!/usr/bin/env bash
# Starts the whole local stack (installing what it needs first); Ctrl-C stops everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bootstrap.sh
source scripts/bootstrap.sh
exec pnpm exec tsx scripts/local-stack.ts
