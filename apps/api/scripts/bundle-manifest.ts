/**
 * What `pnpm --filter @repo/api build` records about the bundles it writes (`dist/manifest.json`),
 * and the check that tells whether a `dist/` still matches the sources: infra's cdktf app refuses
 * to synthesize missing or stale bundles with one line naming the build command.
 *
 * A bundle is stale when it was built for another Node target, when any of this workspace's
 * source files it was built from changed or disappeared (content hashes, not timestamps, so a
 * fresh clone or a CI cache restore is not "stale"), or when the lockfile changed (dependencies).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The Lambda runtime the bundles are built for, and esbuild's target for it. */
export const LAMBDA_RUNTIME = "nodejs22.x";
export const BUNDLE_TARGET = "node22";
/** The command that (re)builds every bundle. */
export const BUILD_COMMAND = "pnpm --filter @repo/api build";

/** apps/api's folder; manifest paths are relative to it. */
export const apiRoot = fileURLToPath(new URL("..", import.meta.url));
const lockfile = join(apiRoot, "../../pnpm-lock.yaml");

export interface BundleManifest {
  target: string;
  runtime: string;
  /** sha256 of pnpm-lock.yaml at build time. */
  lockfile: string;
  functions: Record<string, { bytes: number; inputs: Record<string, string> }>;
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * The workspace sources of one esbuild metafile (not node_modules: the lockfile stands for
 * those), by path relative to apps/api, with their hashes.
 */
export function inputHashes(metafileInputs: Record<string, unknown>, absWorkingDir: string) {
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(metafileInputs).sort()) {
    if (input.includes("node_modules/") || input.startsWith("<")) continue;
    const abs = join(absWorkingDir, input);
    inputs[relative(apiRoot, abs)] = sha256(abs);
  }
  return inputs;
}

export function lockfileHash(): string {
  return existsSync(lockfile) ? sha256(lockfile) : "none";
}

export type BundleStatus = { ok: true } | { ok: false; problem: string };

/**
 * Whether `distDir` holds a bundle for every function, built for {@link BUNDLE_TARGET} from the
 * sources as they are now.
 */
export function bundleStatus(distDir: string, functions: readonly string[]): BundleStatus {
  const missing = functions.filter((f) => !existsSync(join(distDir, f, "index.js")));
  if (missing.length > 0) return { ok: false, problem: `missing (${missing.join(", ")})` };
  const manifestPath = join(distDir, "manifest.json");
  if (!existsSync(manifestPath)) return { ok: false, problem: "stale (no manifest.json)" };
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as BundleManifest;
  } catch {
    return { ok: false, problem: "stale (manifest.json does not parse)" };
  }
  if (manifest.target !== BUNDLE_TARGET || manifest.runtime !== LAMBDA_RUNTIME) {
    return {
      ok: false,
      problem: `stale (built for ${manifest.target ?? "?"} / ${manifest.runtime ?? "?"}, not ${BUNDLE_TARGET} / ${LAMBDA_RUNTIME})`,
    };
  }
  if (manifest.lockfile !== lockfileHash()) return { ok: false, problem: "stale (pnpm-lock.yaml changed)" };
  for (const name of functions) {
    const entry = manifest.functions?.[name];
    if (!entry?.inputs) return { ok: false, problem: `stale (${name} is not in manifest.json)` };
    for (const [path, hash] of Object.entries(entry.inputs)) {
      const abs = join(apiRoot, path);
      if (!existsSync(abs)) return { ok: false, problem: `stale (${name}: ${path} is gone)` };
      if (sha256(abs) !== hash) return { ok: false, problem: `stale (${name}: ${path} changed)` };
    }
  }
  return { ok: true };
}
