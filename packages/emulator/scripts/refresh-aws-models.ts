/**
 * Refreshes `models/`: the AWS API models of cognito-idp and cognito-identity, taken from a
 * botocore checkout (`botocore/data/<service>/<version>/service-2.json`, Apache-2.0), with the
 * documentation strings removed (they are most of the size and nothing here reads them).
 *
 *   pnpm --filter @repo/emulator exec tsx scripts/refresh-aws-models.ts <path-to-botocore-checkout>
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const MODELS = [
  { service: "cognito-idp", version: "2016-04-18" },
  { service: "cognito-identity", version: "2014-06-30" },
];

const root = process.argv[2];
if (!root) {
  console.error("usage: refresh-aws-models.ts <path-to-botocore-checkout>");
  process.exit(2);
}
const outDir = fileURLToPath(new URL("../models/", import.meta.url));

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "documentation" && k !== "documentationUrl")
        .map(([k, v]) => [k, strip(v)]),
    );
  }
  return value;
}

const botocoreVersion = /__version__ = '([^']+)'/.exec(
  readFileSync(join(root, "botocore/__init__.py"), "utf8"),
)?.[1];
let commit = "unknown";
try {
  commit = execFileSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
} catch {
  // Not a git checkout (an unpacked release): the version is enough.
}
for (const { service, version } of MODELS) {
  const model = JSON.parse(
    readFileSync(join(root, "botocore/data", service, version, "service-2.json"), "utf8"),
  );
  writeFileSync(join(outDir, `${service}.json`), `${JSON.stringify(strip(model), null, 1)}\n`);
}
writeFileSync(
  join(outDir, "SOURCE.json"),
  `${JSON.stringify({ source: "https://github.com/boto/botocore", botocoreVersion, commit, licence: "Apache-2.0", models: MODELS }, null, 2)}\n`,
);
console.log(`models from botocore ${botocoreVersion} (${commit})`);
