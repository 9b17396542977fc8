import { fileURLToPath } from "node:url";
import { ConfigError, csv, type EnvSource, parseEnv } from "@repo/env";
import { z } from "zod";

/** The repo root, so the default store lands in `<repo>/.local/` wherever the command runs from. */
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const Schema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(9229),
  EMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  EMULATOR_STORE: z.string().min(1).default(`${repoRoot}.local/emulator.sqlite`),
  EMULATOR_INFRA: z.string().min(1).optional(),
  /** The Lambda bundles the infra's functions run (default `<repo>/apps/api/dist`). */
  EMULATOR_LAMBDA_DIR: z.string().min(1).optional(),
  /** With EMULATOR_INFRA: the DynamoDB-compatible store's port and data folder. */
  EMULATOR_DYNAMODB_PORT: z.coerce.number().int().min(0).max(65535).default(9230),
  EMULATOR_DYNAMODB_PATH: z.string().min(1).default(`${repoRoot}.local/dynamodb`),
  /** Checks stricter than AWS, comma-separated: `pkce` (PKCE required from clients without a secret). */
  EMULATOR_STRICT: csv().pipe(z.array(z.enum(["pkce"], { error: "EMULATOR_STRICT takes: pkce" }))),
  EMULATOR_REGION: z
    .string()
    .regex(/^[a-z]{2}-(gov-)?[a-z]+-\d$/)
    .default("us-east-1"),
});

export type EmulatorConfig = z.infer<typeof Schema>;

export { ConfigError };

/** The only reader of `process.env` in the emulator. An empty variable means "not set" (e.g. `EMULATOR_INFRA=` to start without infra). */
export function loadConfig(source: EnvSource = process.env): EmulatorConfig {
  return parseEnv(Schema, source, "emulator");
}
