import { z } from "zod";
import { type AppEnv, parseAppEnv } from "./app-env";
import {
  ConfigError,
  type ResolvedSecret,
  type SecretRef,
  SecretRefSchema,
  teardownProtection,
} from "./stage-parts";
import { type StageConfig, StageConfigSchema } from "./stage-schema";

export * from "./app-env";
export * from "./stage-parts";
export * from "./stage-schema";

/**
 * The infra package's stage config: the schema (`stage-schema.ts`, from the parts in
 * `stage-parts.ts`), resolving a stage against the environment, and the app's environment
 * (`app-env.ts`). The stage table (`src/stages.ts`) depends on this module, never the
 * reverse. The only reader of `process.env` in this package besides `scripts/`.
 *
 * Secrets (identity-provider client secrets, Apple's private key) never live in the repo: a stage
 * names where each comes from, either an environment variable read at synth time or an SSM
 * parameter read by Terraform at plan time (`data.aws_ssm_parameter`, SecureString).
 */

/** The stage's SES identity: its name, its ARN (known at synth time), and whether the stack creates it. */
export function sesIdentity(
  config: Pick<StageConfig, "email" | "region" | "accountId">,
): { name: string; arn: string; create: boolean } | undefined {
  if (config.email.sender !== "SES") return undefined;
  const { identity } = config.email;
  if ("arn" in identity) {
    return { name: identity.arn.split(":identity/")[1] as string, arn: identity.arn, create: false };
  }
  // Deployed stages always name their account (the schema makes sure).
  const arn = `arn:aws:ses:${config.region}:${config.accountId ?? "000000000000"}:identity/${identity.create}`;
  return { name: identity.create, arn, create: true };
}

/** The state object's key: the stage's own, or `<appName>/<stage>/terraform.tfstate`. */
export function stateKey(config: Pick<StageConfig, "appName" | "stage" | "state">): string | undefined {
  if (config.state.backend !== "s3") return undefined;
  return config.state.key ?? `${config.appName}/${config.stage}/terraform.tfstate`;
}

/** A validated stage with every `{ env }` secret already read. */
export interface ResolvedStage {
  config: StageConfig;
  resolveSecret(ref: SecretRef): ResolvedSecret;
}

type Source = Record<string, string | undefined>;

export function parseStageConfig(input: unknown): StageConfig {
  const parsed = StageConfigSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(`Invalid stage config:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads a secret reference: env → value (must be set), ssm → left for Terraform, local → value. */
export function secretResolver(source: Source): (ref: SecretRef) => ResolvedSecret {
  return (ref) => {
    if ("ssm" in ref) return { kind: "ssm", name: ref.ssm };
    if ("local" in ref) return { kind: "value", value: ref.local };
    const value = source[ref.env];
    if (!value) throw new ConfigError(`Secret ${ref.env} is not set in the environment`);
    return { kind: "value", value };
  };
}

export interface ResolveOptions {
  /**
   * Synthesize the stage with every protection off (teardownProtection), past the schema's prod
   * rule: the reviewed first step of tearing a stage down (`INFRA_TEARDOWN=<stage>`).
   */
  teardown?: boolean;
}

/** Validates a stage config and binds secret resolution to an environment. */
export function resolveStage(
  input: unknown,
  source: Source = process.env,
  options: ResolveOptions = {},
): ResolvedStage {
  const parsed = parseStageConfig(input);
  const config = options.teardown ? { ...parsed, protection: teardownProtection } : parsed;
  const resolve = secretResolver(source);
  // Fail at synth time, not halfway through a deploy, when an env secret is missing.
  for (const settings of Object.values(config.identityProviders)) {
    for (const value of Object.values(settings ?? {})) {
      if (value && typeof value === "object") resolve(SecretRefSchema.parse(value));
    }
  }
  return { config, resolveSecret: resolve };
}

/** The app's environment (`src/main.ts`); throws {@link ConfigError}. */
export function loadAppEnv(source: Source = process.env): AppEnv {
  return parseAppEnv(source);
}
