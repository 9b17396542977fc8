/**
 * Bundles every Lambda function with esbuild into `dist/<function>/index.js` (CommonJS, Node 22
 * for Lambda's `nodejs22.x`, `exports.handler`): what infra zips and the local gateway runs. One
 * bundle per function keeps each deployment package to what the function imports.
 * `dist/manifest.json` records the target and the hash of every source file a bundle was built
 * from (./bundle-manifest.ts), so infra can refuse stale bundles.
 */
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { routeFunctions, triggerFunctions } from "../src/functions";
import {
  BUNDLE_TARGET,
  type BundleManifest,
  inputHashes,
  LAMBDA_RUNTIME,
  lockfileHash,
} from "./bundle-manifest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

const entries = [
  ...routeFunctions.map((name) => ({ name, entry: join(root, "src/handlers", `${name}.ts`) })),
  ...triggerFunctions.map((name) => ({ name, entry: join(root, "src/triggers", `${name}.ts`) })),
];

await rm(dist, { recursive: true, force: true });
const started = Date.now();
const manifest: BundleManifest = {
  target: BUNDLE_TARGET,
  runtime: LAMBDA_RUNTIME,
  lockfile: lockfileHash(),
  functions: {},
};
for (const { name, entry } of entries) {
  const outfile = join(dist, name, "index.js");
  await mkdir(dirname(outfile), { recursive: true });
  const result = await build({
    absWorkingDir: root,
    metafile: true,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    // Lambda runs Node 22; the emulator runs the same bundle on the machine's Node (>= 20.19), so
    // nothing here may need a Node 22-only API at load time (infra's bundle test loads each one).
    target: BUNDLE_TARGET,
    format: "cjs",
    minify: true,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
  });
  // The package is ESM ("type": "module"); this marks the bundle as CommonJS for Node and Lambda.
  await writeFile(join(dist, name, "package.json"), '{ "type": "commonjs" }\n');
  manifest.functions[name] = {
    bytes: (await stat(outfile)).size,
    inputs: inputHashes(result.metafile.inputs, root),
  };
}
await writeFile(join(dist, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`bundled ${entries.length} functions into dist/ in ${Date.now() - started} ms`);
for (const [name, { bytes }] of Object.entries(manifest.functions))
  console.log(`  ${name.padEnd(22)} ${(bytes / 1024).toFixed(0)} KiB`);
