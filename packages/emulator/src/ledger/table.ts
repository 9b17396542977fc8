/**
 * The emulator's coverage table (`docs/emulator-coverage.md`), generated from the settings ledger:
 * per service and operation, the members honoured (and the test that proves each) and those refused.
 *
 * @module
 */

import type { ServiceName } from "../aws-model/model";
import { readLedger } from "./ledger";

const SERVICES: ServiceName[] = ["cognito-idp", "cognito-identity"];

export function coverageTable(): string {
  const lines = [
    "# Emulator coverage: every input member of every served operation",
    "",
    "Generated from `packages/emulator/src/ledger/*.ledger.json` by",
    "`pnpm --filter @repo/emulator exec tsx scripts/ledger-table.ts`; `src/ledger/ledger.test.ts` fails",
    "when this file is stale. **Honoured** members behave as on AWS (the test named proves it);",
    "**refused** members are answered with `InvalidParameterException` naming them, before the operation",
    "runs, so a setting the emulator does not honour is never accepted silently. A refused member with",
    "allowed values accepts those values only. The members come from the AWS API models in",
    "`packages/emulator/models/`.",
    "",
  ];
  for (const service of SERVICES) {
    const ledger = readLedger(service) ?? {};
    const entries = Object.values(ledger).flatMap((ops) => Object.values(ops));
    const honoured = entries.filter((e) => e.verdict === "honoured").length;
    lines.push(
      `## ${service}`,
      "",
      `${Object.keys(ledger).length} operations, ${honoured} members honoured, ${entries.length - honoured} refused.`,
      "",
      "| operation | member | verdict | proof or reason |",
      "|---|---|---|---|",
    );
    for (const [operation, members] of Object.entries(ledger)) {
      for (const [member, entry] of Object.entries(members)) {
        const detail =
          entry.verdict === "honoured"
            ? `\`${entry.test}\`${entry.note ? ` (${entry.note})` : ""}`
            : [
                entry.note ?? "not supported locally yet",
                entry.allowed
                  ? `allowed: ${entry.allowed.map((v) => `\`${JSON.stringify(v)}\``).join(", ")}`
                  : "",
              ]
                .filter(Boolean)
                .join("; ");
        lines.push(`| ${operation} | \`${member}\` | ${entry.verdict} | ${detail.replaceAll("|", "\\|")} |`);
      }
    }
    lines.push("");
  }
  return lines.join("\n");
}
