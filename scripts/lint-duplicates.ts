/**
 * The duplicate-code check in `pnpm lint`: jscpd (config in `.jscpd.json`) over every source
 * folder, then two rules on its report:
 *   - no copied block across two services of the emulator (e.g. `cognito-idp` and
 *     `cognito-identity`): shared protocol code belongs in a shared module such as `aws-json/`;
 *   - no copied block of MAX_LINES lines or more anywhere.
 * Smaller clones within one folder are listed, not failed: they are usually two operations of the
 * same shape.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";

const MAX_LINES = 12;
const root = join(import.meta.dirname, "..");
const roots = ["packages", "apps", "e2e", "scripts"];

const Side = z.object({ name: z.string(), start: z.number(), end: z.number() });
const Report = z.object({
  duplicates: z.array(z.object({ lines: z.number(), firstFile: Side, secondFile: Side })),
});

execFileSync(join(root, "node_modules/.bin/jscpd"), ["--config", ".jscpd.json", ...roots], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
});
const report = Report.parse(JSON.parse(readFileSync(join(root, ".local/jscpd/jscpd-report.json"), "utf8")));

/** `packages/emulator/src/<service>/...` → `<service>`; anything else has no service. */
function emulatorService(file: string): string | undefined {
  const m = /(?:^|\/)(?:packages\/)?emulator\/src\/([^/]+)\//.exec(file);
  return m?.[1];
}

const where = (s: z.infer<typeof Side>) => `${relative(root, join(root, s.name))}:${s.start}-${s.end}`;
const failures: string[] = [];
for (const d of report.duplicates) {
  const a = emulatorService(d.firstFile.name);
  const b = emulatorService(d.secondFile.name);
  const line = `${d.lines} lines: ${where(d.firstFile)} = ${where(d.secondFile)}`;
  if (a && b && a !== b) failures.push(`across services ${a} and ${b}, ${line}`);
  else if (d.lines >= MAX_LINES) failures.push(line);
  else console.log(`duplicates (allowed, under ${MAX_LINES} lines in one place): ${line}`);
}
if (failures.length > 0) {
  for (const f of failures) console.error(`duplicates: ${f}`);
  console.error(`duplicates: ${failures.length} copied block(s); move the shared code into one module.`);
  process.exit(1);
}
console.log(
  `duplicates: ${report.duplicates.length} small clone(s), none across services, none >= ${MAX_LINES} lines`,
);
