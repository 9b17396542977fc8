/**
 * Brings `src/ledger/*.ledger.json` in line with `models/` and the served operations: every input
 * member of every served operation gets a verdict. Existing verdicts are kept; a member new to the
 * ledger is `refused` unless the operation's schema reads it and a test names it (then `honoured`,
 * with that test). Members and operations the model no longer has are dropped. Run after
 * refreshing the models or adding an operation, then review the diff:
 *
 *   pnpm --filter @repo/emulator exec tsx scripts/ledger-sync.ts
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { inputMembers, type ServiceName } from "../src/aws-model/model";
import { operations as identityOperations } from "../src/cognito-identity/operations";
import { operations as idpOperations } from "../src/cognito-idp/operations";
import { type Ledger, type LedgerEntry, ledgerPath, readLedger } from "../src/ledger/ledger";
import { schemaKeys } from "../src/ledger/schema-keys";

const root = fileURLToPath(new URL("../", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === "node_modules" || name === "fixtures") return [];
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".test.ts") ? [full] : [];
  });
}
const tests = [...files(join(root, "test")), ...files(join(root, "src"))].map((f) => ({
  path: relative(root, f),
  text: readFileSync(f, "utf8"),
}));

/** A test that names the operation and the member, else one that names the member (helpers build the call). */
function testFor(operation: string, member: string): string | undefined {
  const mentions = (t: { text: string }) => new RegExp(`\\b${member}\\b`).test(t.text);
  const named = tests.filter(
    (t) => t.text.includes(`${operation}Command`) || t.text.includes(`"${operation}"`),
  );
  return (named.find(mentions) ?? tests.find(mentions))?.path;
}

const served: Record<ServiceName, Record<string, { schema: import("zod").ZodType }>> = {
  "cognito-idp": idpOperations,
  "cognito-identity": identityOperations,
};

for (const service of Object.keys(served) as ServiceName[]) {
  const old = readLedger(service) ?? {};
  const next: Ledger = {};
  for (const [operation, op] of Object.entries(served[service]).sort(([a], [b]) => a.localeCompare(b))) {
    const members = inputMembers(service, operation) ?? [];
    const declared = new Set(schemaKeys(op.schema) ?? []);
    const entries: Record<string, LedgerEntry> = {};
    for (const member of members) {
      const kept = old[operation]?.[member];
      if (kept) {
        entries[member] = kept;
        continue;
      }
      const test = declared.has(member) ? testFor(operation, member) : undefined;
      entries[member] = test
        ? { verdict: "honoured", test }
        : {
            verdict: "refused",
            ...(declared.has(member) ? { note: "REVIEW: read by the schema, no test found" } : {}),
          };
    }
    // Nested paths (`Policies.SignInPolicy`) are kept while their top-level member exists.
    for (const [path, entry] of Object.entries(old[operation] ?? {})) {
      if (path.includes(".") && members.includes(path.slice(0, path.indexOf(".")))) entries[path] = entry;
    }
    next[operation] = entries;
  }
  writeFileSync(ledgerPath(service), `${JSON.stringify(next, null, 2)}\n`);
  console.log(`${service}: ${Object.keys(next).length} operations`);
}
