import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { routeFunctions, triggerFunctions } from "@repo/api/functions";
import { Testing } from "cdktf";
import { expect } from "vitest";
import { resolveStage, type StageConfigInput } from "./config";
import { Platform } from "./constructs/platform";
import { type StageName, stages } from "./stages";

let bundlesDir: string | undefined;

/**
 * Stand-in bundle folders, one per apps/api function, so synth tests do not need `@repo/api`
 * built: they assert how the bundles are wired, not what they do (the apply rehearsal and the
 * API's own tests cover that). Made once per test file.
 */
export function placeholderBundles(): string {
  if (bundlesDir) return bundlesDir;
  const dir = mkdtempSync(join(tmpdir(), "infra-bundles-"));
  bundlesDir = dir;
  for (const name of [...routeFunctions, ...triggerFunctions]) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "index.js"), `export const handler = async (event) => event; // ${name}\n`);
  }
  return dir;
}

export interface Synthesized {
  json: string;
  parsed: {
    resource: Record<string, Record<string, Record<string, unknown>>>;
    data?: Record<string, unknown>;
  };
  platform: Platform;
}

/** `Testing.synthScope` of one stage's {@link Platform}, with the stage's committed config. */
export function synthStage(
  name: StageName,
  env: Record<string, string | undefined> = {},
  overrides: Partial<StageConfigInput> = {},
): Synthesized {
  const bundles = placeholderBundles();
  let platform: Platform | undefined;
  const json = Testing.synthScope((scope) => {
    platform = new Platform(scope, "platform", {
      stage: resolveStage({ ...stages[name], ...overrides }, env),
      apiDistDir: bundles,
    });
  });
  if (!platform) throw new TypeError("synthScope did not run");
  return { json, parsed: JSON.parse(json), platform };
}

/** Asserts that a resource of the type has (at least) the properties, showing those found if not. */
export function expectResource(
  synth: Synthesized,
  type: { tfResourceType: string },
  properties: Record<string, unknown>,
): void {
  const found = synth.parsed.resource[type.tfResourceType] ?? {};
  expect(
    Testing.toHaveResourceWithProperties(synth.json, type.tfResourceType, properties),
    `no ${type.tfResourceType} with ${JSON.stringify(properties)}; found ${JSON.stringify(Object.values(found), null, 1)}`,
  ).toBe(true);
}

/** All resources of a type, by logical name. */
export function resourcesOf(
  synth: Synthesized,
  type: { tfResourceType: string },
): Record<string, Record<string, unknown>> {
  return synth.parsed.resource[type.tfResourceType] ?? {};
}

/** The one resource of the type whose properties match `where`. */
export function resourceWhere(
  synth: Synthesized,
  type: { tfResourceType: string },
  where: Record<string, unknown>,
): Record<string, unknown> {
  const matches = Object.values(resourcesOf(synth, type)).filter((r) =>
    Object.entries(where).every(([k, v]) => JSON.stringify(r[k]) === JSON.stringify(v)),
  );
  expect(matches, `${type.tfResourceType} where ${JSON.stringify(where)}`).toHaveLength(1);
  return matches[0] as Record<string, unknown>;
}

/** The logical name of the one resource of the type whose properties match `where`. */
export function nameWhere(
  synth: Synthesized,
  type: { tfResourceType: string },
  where: Record<string, unknown> = {},
): string {
  const matches = Object.entries(resourcesOf(synth, type)).filter(([, r]) =>
    Object.entries(where).every(([k, v]) => JSON.stringify(r[k]) === JSON.stringify(v)),
  );
  expect(matches, `${type.tfResourceType} where ${JSON.stringify(where)}`).toHaveLength(1);
  return (matches[0] as [string, unknown])[0];
}

/** `${aws_x.name.attr}` of the one resource of the type matching `where`. */
export function ref(
  synth: Synthesized,
  type: { tfResourceType: string },
  where: Record<string, unknown>,
  attr: string,
): string {
  return `\${${type.tfResourceType}.${nameWhere(synth, type, where)}.${attr}}`;
}

/** Options every stage leaves off, switched on (test/terraform-validate validates dev with all of them and the Essentials features). */
export const everyKnob = {
  api: {
    throttling: { burstLimit: 20, rateLimit: 10 },
    customDomain: {
      domainName: "api.dev.notes.example.com",
      certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-1111-2222-3333-444455556666",
    },
  },
  hostedUiCustomDomain: {
    domainName: "auth.dev.notes.example.com",
    certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/9f8e7d6c-1111-2222-3333-444455556666",
  },
  tokens: {
    accessTokenMinutes: 15,
    idTokenMinutes: 30,
    refreshTokenDays: 7,
    refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 10 },
  },
} satisfies Partial<StageConfigInput>;

/** The Essentials features, switched on (dev is on PLUS and sends email through SES). */
export const essentialsFeatures = {
  passwordless: {
    factors: ["EMAIL_OTP", "WEB_AUTHN"],
    passkeys: { relyingPartyId: "dev.notes.example.com" },
  },
  emailMfa: { subject: "Your sign-in code", message: "Your code is {####}" },
  preTokenGenerationVersion: "V2_0",
  passwordHistorySize: 5,
} satisfies Partial<StageConfigInput>;
