/**
 * Bundles every Lambda function with esbuild into `dist/<function>/index.js` (CommonJS, Node 20,
 * `exports.handler`): what infra zips and the local gateway runs. One bundle per function keeps
 * each deployment package to what the function imports.
 */
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { routeFunctions, triggerFunctions } from "../src/functions";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

const entries = [
  ...routeFunctions.map((name) => ({ name, entry: join(root, "src/handlers", `${name}.ts`) })),
  ...triggerFunctions.map((name) => ({ name, entry: join(root, "src/triggers", `${name}.ts`) })),
];

await rm(dist, { recursive: true, force: true });
const started = Date.now();
const manifest: Record<string, { bytes: number }> = {};
for (const { name, entry } of entries) {
  const outfile = join(dist, name, "index.js");
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
  });
  // The package is ESM ("type": "module"); this marks the bundle as CommonJS for Node and Lambda.
  await writeFile(join(dist, name, "package.json"), '{ "type": "commonjs" }\n');
  manifest[name] = { bytes: (await stat(outfile)).size };
}
await writeFile(join(dist, "manifest.json"), `${JSON.stringify({ functions: manifest }, null, 2)}\n`);
console.log(`bundled ${entries.length} functions into dist/ in ${Date.now() - started} ms`);
for (const [name, { bytes }] of Object.entries(manifest))
  console.log(`  ${name.padEnd(22)} ${(bytes / 1024).toFixed(0)} KiB`);
