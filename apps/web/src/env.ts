import { csv, type EnvSource, parseEnv as parseEnvWith } from "@repo/env";
import { z } from "zod";

/**
 * The web app's server-side configuration, the only reader of `process.env` in apps/web.
 * Parsed once when the module loads. Defaults are the local stack's; against AWS every Cognito
 * value comes from the infra outputs (`pnpm --filter @repo/infra outputs`).
 */

const Schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Base URL of the HTTP API (API Gateway, or the local gateway). */
  API_URL: z.url().default("http://127.0.0.1:3001"),
  /** The public URL of this site (next-auth's NEXTAUTH_URL). */
  SITE_URL: z.url().default("http://localhost:3000"),
  /** Signs and encrypts next-auth's cookies and CSRF tokens; required outside development. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** The pool's issuer: `https://cognito-idp.{region}.amazonaws.com/{poolId}`. */
  COGNITO_ISSUER: z.url().default("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalPool1"),
  COGNITO_CLIENT_ID: z.string().default("localweb"),
  COGNITO_CLIENT_SECRET: z.string().default(""),
  /** Local only: the emulator's discovery document (the issuer's own is on AWS). */
  COGNITO_WELL_KNOWN: z.url().optional(),
  /** The hosted UI's base URL (`https://<prefix>.auth.<region>.amazoncognito.com`), for `/logout`. */
  COGNITO_DOMAIN_URL: z.url().default("http://127.0.0.1:9229/_domain/local"),
  /** Local only: the emulator's user-pool API endpoint. */
  COGNITO_ENDPOINT: z.url().optional(),
  COGNITO_SCOPES: z
    .string()
    .default("openid email profile phone aws.cognito.signin.user.admin api/read api/write"),
  /** Identity providers offered as buttons that go straight to them (Cognito provider names). */
  IDENTITY_PROVIDERS: csv(),
  /** The identity pool (`{region}:{uuid}`) that exchanges ID tokens for the Files page's credentials. */
  COGNITO_IDENTITY_POOL_ID: z
    .string()
    .regex(/^[a-z]{2}-(gov-)?[a-z]+-\d:[0-9a-f-]{36}$/, "an identity pool ID such as us-east-1:<uuid>")
    .optional(),
  /** Local only: the emulator's cognito-identity endpoint. */
  COGNITO_IDENTITY_ENDPOINT: z.url().optional(),
  /** The user-files bucket the browser uploads to (the `files_bucket` output). */
  FILES_BUCKET: z.string().min(3).max(63).optional(),
  /** Local only: a path-style S3 endpoint (the emulator's `/_s3`); AWS's regional endpoint otherwise. */
  S3_ENDPOINT: z.url().optional(),
  SESSIONS_TABLE: z.string().min(3).default("local-sessions"),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default("us-east-1"),
  /** How long a session lives without activity, in seconds (default 7 days). */
  SESSION_MAX_AGE: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600),
});

export type WebEnv = z.output<typeof Schema>;

/** Throws `ConfigError` naming each invalid setting; an empty variable counts as not set. */
export function parseEnv(source: EnvSource): WebEnv {
  return parseEnvWith(Schema, source, "web");
}

export const env = parseEnv(process.env);
