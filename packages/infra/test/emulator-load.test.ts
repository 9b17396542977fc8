import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmulator } from "@repo/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureApiBundles, functionNames } from "../scripts/lib/api-bundles";
import { defaultApiDistDir } from "../src/config";
import { stageNames } from "../src/stages";
import { synthStages } from "../src/synth";
import { placeholderBundles } from "../src/test-support";

const customMessageEvent = JSON.parse(
  readFileSync(
    new URL("../../../apps/api/test/events/cognito/custom-message-admin-create-user.json", import.meta.url),
    "utf8",
  ),
);

/**
 * Every stage's synthesized stack loads into the emulator (packages/emulator) the way
 * `EMULATOR_INFRA` loads `local`: the pool with its feature plan and settings, the clients, the
 * functions, the tables. The emulator checks a pool's settings against its `user_pool_tier`, so a
 * plan mistake in a stage fails here. The functions run on this machine's Node with the real
 * apps/api bundles (built for node22).
 */
describe("stacks in the emulator", () => {
  let dirs: Record<string, string>;
  beforeAll(() => {
    ensureApiBundles(defaultApiDistDir);
    const outdir = mkdtempSync(join(tmpdir(), "infra-emulator-"));
    // Loaded as synthesized: nothing is adapted for the emulator.
    dirs = synthStages({ outdir, stages: stageNames, apiDistDir: placeholderBundles(), env: {} });
  }, 240_000);

  const emulators: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const e of emulators) await e.close();
  });

  it.each(stageNames)("%s loads, and its functions run there", { timeout: 120_000 }, async (stage) => {
    const emulator = await createEmulator({
      port: 0,
      infraDir: dirs[stage] as string,
      lambdaDir: defaultApiDistDir,
      localIdps: false,
    });
    emulators.push(emulator);
    expect(emulator.infra?.pools).toHaveLength(1);
    expect([...(emulator.infra?.functions ?? [])].sort()).toEqual(
      functionNames.map((f) => `acme-notes-${stage}-${f}`).sort(),
    );
    const runtime = emulator.localStack?.runtime;
    expect(runtime).toBeDefined();
    const answer = (await runtime?.invoke(`acme-notes-${stage}-custom-message`, customMessageEvent)) as {
      response: { emailSubject: string; emailMessage: string };
    };
    expect(answer.response.emailSubject).toMatch(/invited/i);
    expect(answer.response.emailMessage).toContain("{####}");
  });
});
