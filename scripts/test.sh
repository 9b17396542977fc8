#!/usr/bin/env bash
# Runs every test of the repo from a fresh clone: lint, type checks, unit and conformance tests,
# builds, infra validation, then the Playwright end-to-end suites in Debian's Chromium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=bootstrap.sh
source scripts/bootstrap.sh --browser

echo "== lint (biome, duplicate code)"
pnpm exec biome ci . --colors=off
pnpm exec tsx scripts/lint-duplicates.ts
echo "== typecheck, unit and conformance tests, builds"
pnpm exec turbo run typecheck test build --concurrency=2 --output-logs=full
echo "== infra: terraform apply rehearsal of every stage (local, dev, prod) against moto_server"
pnpm --filter @repo/infra rehearse:all
echo "== end-to-end (Playwright, $CHROMIUM_PATH)"
pnpm exec turbo run e2e --output-logs=full
