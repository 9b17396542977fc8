#!/usr/bin/env bash
# Regenerates src/cognito-idp/operations/index.ts from the operation files (one export each).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/src/cognito-idp/operations"
{
  echo 'import type { Operation } from "../operation";'
  for f in $(ls *.ts | grep -v -e '^index.ts$' -e '\.test\.ts$' | sort); do
    name=$(grep -oP '^export const \K\w+(?= = operation\()' "$f")
    echo "import { ${name} } from \"./${f%.ts}\";"
  done
  echo
  echo '/** Every supported cognito-idp operation by wire name; `keyof` is the supported list. */'
  echo 'export const operations = {'
  for f in $(ls *.ts | grep -v -e '^index.ts$' -e '\.test\.ts$'); do
    grep -oP '^export const \K\w+(?= = operation\()' "$f"
  done | sort | sed 's/.*/  &,/'
  echo '} satisfies Record<string, Operation>;'
  echo
  echo 'export type OperationName = keyof typeof operations;'
  echo
  echo 'export function findOperation(name: string): Operation | undefined {'
  echo '  return Object.hasOwn(operations, name) ? operations[name as OperationName] : undefined;'
  echo '}'
} > index.ts
cd "$root" && pnpm exec biome check --write src/cognito-idp/operations/index.ts > /dev/null
