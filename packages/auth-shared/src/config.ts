import { ConfigError, parseEnv, splitList } from "@repo/env";
import { z } from "zod";

/** A Cognito user pool ID as AWS issues it (`<region>_<id>`), which aws-jwt-verify also requires. */
export const UserPoolIdSchema = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d_[a-zA-Z0-9]+$/, "must look like us-east-1_AbC123");

/**
 * What `createTokenVerifiers` needs. `jwksUrl` is set only against the local emulator: tokens keep
 * the AWS issuer, only the place the pool's keys are fetched from changes.
 */
export const AuthConfigSchema = z.object({
  userPoolId: UserPoolIdSchema,
  clientIds: z.array(z.string().min(1)).min(1, "at least one app client ID is required"),
  jwksUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Seconds of clock skew tolerated on `exp`, `nbf` and `iat`. */
  graceSeconds: z.number().int().min(0).max(300).default(0),
  /** How long a JWKS fetch may take before the request fails closed. */
  jwksTimeoutMs: z.number().int().positive().max(30_000).default(3_000),
});
export type AuthConfigInput = z.input<typeof AuthConfigSchema>;
export type AuthConfig = z.output<typeof AuthConfigSchema>;

/** Environment variables read by {@link loadAuthConfig}. */
const AuthEnvSchema = z.object({
  COGNITO_USER_POOL_ID: z.string({ error: "COGNITO_USER_POOL_ID is required" }),
  COGNITO_CLIENT_IDS: z
    .string({ error: "COGNITO_CLIENT_IDS is required (comma-separated)" })
    .transform((s) => splitList(s)),
  COGNITO_JWKS_URL: z.string().optional(),
  COGNITO_GRACE_SECONDS: z.coerce.number().optional(),
});

export { ConfigError };

/** Validates a config object and returns it with defaults applied; throws {@link ConfigError}. */
export function parseAuthConfig(input: AuthConfigInput): AuthConfig {
  const parsed = AuthConfigSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(`Invalid auth config:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Reads the auth config from environment variables (`COGNITO_USER_POOL_ID`, `COGNITO_CLIENT_IDS`,
 * optional `COGNITO_JWKS_URL` and `COGNITO_GRACE_SECONDS`).
 *
 * @example
 * const config = loadAuthConfig({ COGNITO_USER_POOL_ID: "us-east-1_AbC123", COGNITO_CLIENT_IDS: "web,mobile" });
 */
export function loadAuthConfig(source: Record<string, string | undefined>): AuthConfig {
  const { COGNITO_USER_POOL_ID, COGNITO_CLIENT_IDS, COGNITO_JWKS_URL, COGNITO_GRACE_SECONDS } = parseEnv(
    AuthEnvSchema,
    source,
    "auth environment",
  );
  return parseAuthConfig({
    userPoolId: COGNITO_USER_POOL_ID,
    clientIds: COGNITO_CLIENT_IDS,
    jwksUrl: COGNITO_JWKS_URL || undefined,
    graceSeconds: COGNITO_GRACE_SECONDS,
  });
}

/** The region part of a user pool ID (`us-east-1_AbC` → `us-east-1`). */
export function regionOfUserPool(userPoolId: string): string {
  return userPoolId.slice(0, userPoolId.indexOf("_"));
}

/** The issuer Cognito writes into every token of the pool (the original issuer format). */
export function issuerOf(userPoolId: string): string {
  return `https://cognito-idp.${regionOfUserPool(userPoolId)}.amazonaws.com/${userPoolId}`;
}
