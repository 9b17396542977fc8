import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { BUNDLE_TARGET, type BundleManifest, LAMBDA_RUNTIME } from "@repo/api/bundles";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureApiBundles, functionNames } from "../scripts/lib/api-bundles";
import { childEnv } from "../scripts/lib/child-env";
import { bundleProblem } from "./bundles";
import { defaultApiDistDir } from "./config";
import { resourcesOf, synthStage } from "./test-support";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** Runs the cdktf app (`cdktf.json`'s `npx tsx src/main.ts`) as `cdktf synth` does. */
function runApp(apiDistDir: string, stages = "local") {
  return spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: packageDir,
    env: childEnv({
      API_DIST_DIR: apiDistDir,
      INFRA_STAGES: stages,
      CDKTF_OUTDIR: mkdtempSync(join(tmpdir(), "infra-app-")),
    }),
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("Lambda runtime", () => {
  it.each(["local", "dev", "prod"] as const)("%s: every function runs on nodejs22.x", (stage) => {
    const functions = Object.values(resourcesOf(synthStage(stage), LambdaFunction));
    expect(functions).toHaveLength(functionNames.length);
    for (const fn of functions) expect(fn.runtime).toBe("nodejs22.x");
    expect(LAMBDA_RUNTIME).toBe("nodejs22.x");
    expect(BUNDLE_TARGET).toBe("node22");
  });
});

describe("apps/api's bundles", () => {
  beforeAll(() => ensureApiBundles(defaultApiDistDir), 240_000);

  it("are current: built for node22 from the sources as they are", () => {
    expect(bundleProblem(defaultApiDistDir)).toBeUndefined();
    const manifest = JSON.parse(
      readFileSync(join(defaultApiDistDir, "manifest.json"), "utf8"),
    ) as BundleManifest;
    expect(manifest).toMatchObject({ target: "node22", runtime: "nodejs22.x" });
    expect(Object.keys(manifest.functions).sort()).toEqual([...functionNames].sort());
  });

  it("load under this machine's Node (what the emulator runs them on), each exporting its handler", () => {
    const script = `
      const out = { node: process.versions.node, handlers: {} };
      for (const name of JSON.parse(process.argv[1])) {
        out.handlers[name] = typeof require(${JSON.stringify(defaultApiDistDir)} + "/" + name + "/index.js").handler;
      }
      console.log(JSON.stringify(out));`;
    const res = spawnSync(process.execPath, ["-e", script, JSON.stringify(functionNames)], {
      encoding: "utf8",
      env: childEnv({ AWS_REGION: "us-east-1" }),
      timeout: 60_000,
    });
    expect(res.stderr).toBe("");
    const out = JSON.parse(res.stdout) as { node: string; handlers: Record<string, string> };
    expect(out.node).toBe(process.versions.node);
    expect(Object.values(out.handlers)).toEqual(functionNames.map(() => "function"));
  });
});

describe("cdktf synth / deploy with unusable bundles", () => {
  it("refuses missing bundles with one line naming the build command, not a stack trace", () => {
    const res = runApp(mkdtempSync(join(tmpdir(), "no-bundles-")));
    expect(res.status).toBe(1);
    const lines = res.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Lambda bundles in .+ are missing \(get-me, .+\): run `pnpm --filter @repo\/api build` first$/,
    );
    expect(res.stderr).not.toMatch(/ENOENT|at .+:\d+:\d+/);
  });

  it("refuses stale bundles: a source changed, another target, another lockfile", () => {
    const copy = (edit: (m: BundleManifest) => void) => {
      const dir = mkdtempSync(join(tmpdir(), "stale-bundles-"));
      cpSync(defaultApiDistDir, dir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as BundleManifest;
      edit(manifest);
      writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
      return dir;
    };
    ensureApiBundles(defaultApiDistDir);
    const changed = copy((m) => {
      const inputs = m.functions["pre-sign-up"]?.inputs ?? {};
      const first = Object.keys(inputs).find((p) => p.startsWith("src/triggers/pre-sign-up")) as string;
      inputs[first] = "0".repeat(64);
    });
    expect(bundleProblem(changed)).toMatch(
      /are stale \(pre-sign-up: src\/triggers\/pre-sign-up\.ts changed\): run `pnpm --filter @repo\/api build` first$/,
    );
    expect(bundleProblem(copy((m) => Object.assign(m, { target: "node20", runtime: "nodejs20.x" })))).toMatch(
      /stale \(built for node20 \/ nodejs20\.x, not node22 \/ nodejs22\.x\)/,
    );
    expect(bundleProblem(copy((m) => Object.assign(m, { lockfile: "old" })))).toMatch(
      /stale \(pnpm-lock\.yaml changed\)/,
    );
    const res = runApp(changed);
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("synthesizes with current bundles", { timeout: 120_000 }, () => {
    ensureApiBundles(defaultApiDistDir);
    const res = runApp(defaultApiDistDir);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
  });
});
