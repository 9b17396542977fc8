/**
 * The parts of a stage's config (state, protection, email, tokens, identity providers) and the
 * value formats they share, as zod schemas; `config.ts` assembles them into the stage schema.
 */
import { z } from "zod";

/** The stages this app knows; `src/stages.ts` holds one config for each. */
export const stageNames = ["local", "dev", "prod"] as const;
export type StageName = (typeof stageNames)[number];

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Where a secret comes from. `local` is only accepted in the `local` stage (throwaway test IdPs). */
export const SecretRefSchema = z.union([
  z.object({ env: z.string().regex(/^[A-Z][A-Z0-9_]*$/, "an environment variable name") }).strict(),
  z.object({ ssm: z.string().regex(/^\/[\w./-]+$/, "an SSM parameter name starting with /") }).strict(),
  z.object({ local: z.string().min(1) }).strict(),
]);
export type SecretRef = z.infer<typeof SecretRefSchema>;

/** A secret after the environment was read: a value, or an SSM parameter Terraform reads. */
export type ResolvedSecret = { kind: "value"; value: string } | { kind: "ssm"; name: string };

export const awsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region such as eu-west-1");
export const bucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name");

/**
 * Where Terraform keeps the stage's state. `s3`: one bucket (made once by `pnpm --filter
 * @repo/infra bootstrap-state -- --stage <stage>`), key `<appName>/<stage>/terraform.tfstate`
 * unless set, server-side encryption, S3-native locking (`use_lockfile`, Terraform >= 1.10).
 * `local`: a file next to `cdktf.json`, `terraform.<stage>.tfstate` (git-ignored).
 */
export const StateSchema = z.discriminatedUnion("backend", [
  z.object({ backend: z.literal("local") }).strict(),
  z
    .object({
      backend: z.literal("s3"),
      bucket: bucketName,
      region: awsRegion,
      key: z
        .string()
        .regex(/^[\w.-]+(\/[\w.-]+)*\.tfstate$/, "a relative object key ending in .tfstate")
        .optional(),
    })
    .strict(),
]);

/**
 * What keeps a stage's data alive, one switch per mechanism (they protect against different
 * things and are undone differently; docs/deploy.md "Tear down").
 */
export const ProtectionSchema = z
  .object({
    /** Cognito's own `deletion_protection` on the user pool: AWS refuses DeleteUserPool while ACTIVE. */
    userPoolDeletionProtection: z.boolean(),
    /** DynamoDB `deletion_protection_enabled` on both tables: AWS refuses DeleteTable. */
    tableDeletionProtection: z.boolean(),
    /** DynamoDB point-in-time recovery (35 days of restorable history) on both tables. */
    pointInTimeRecovery: z.boolean(),
    /**
     * Terraform `lifecycle.prevent_destroy` on the user pool, the identity pool, both tables and the
     * bucket: a plan that would delete or replace one of them fails before anything changes.
     */
    preventDestroy: z.boolean(),
    /** The bucket's `force_destroy`: destroy deletes every object (and version) in it first. */
    emptyBucketOnDestroy: z.boolean(),
  })
  .strict();
export type Protection = z.infer<typeof ProtectionSchema>;

/** Every protection off: what `INFRA_TEARDOWN=<stage>` synthesizes before a deliberate destroy. */
export const teardownProtection: Protection = {
  userPoolDeletionProtection: false,
  tableDeletionProtection: false,
  pointInTimeRecovery: false,
  preventDestroy: false,
  emptyBucketOnDestroy: true,
};

export const sesIdentityArn = z
  .string()
  .regex(/^arn:aws:ses:[a-z0-9-]+:\d{12}:identity\/.+$/, "an SES identity ARN");
export const hostName = z.string().regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, "a domain name");

/**
 * How Cognito sends its email. `COGNITO_DEFAULT`: Cognito's own sender (50 messages a day per
 * account, no-reply@verificationemail.com; `local` only). `SES`: your SES identity
 * (`email_sending_account = "DEVELOPER"`), either created by the stack (`create`: a domain,
 * verified by publishing its DKIM records) or an existing verified one (`arn`, checked at plan time).
 */
export const EmailSchema = z.discriminatedUnion("sender", [
  z.object({ sender: z.literal("COGNITO_DEFAULT") }).strict(),
  z
    .object({
      sender: z.literal("SES"),
      /** The sender's address, at the identity's domain. */
      from: z.email(),
      /** Shown as the sender's name: `"Acme Notes" <no-reply@notes.example.com>`. */
      fromName: z
        .string()
        .regex(/^[^"<>\r\n]{1,64}$/, "a display name without quotes or angle brackets")
        .optional(),
      replyTo: z.email().optional(),
      identity: z.union([
        z.object({ create: hostName }).strict(),
        z.object({ arn: sesIdentityArn }).strict(),
      ]),
    })
    .strict(),
]);
export type EmailConfig = z.infer<typeof EmailSchema>;

export const acmCertificateArn = z
  .string()
  .regex(/^arn:aws:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/, "an ACM certificate ARN");

/**
 * Token lifetimes (Cognito: access and ID tokens 5 minutes to 1 day, refresh tokens 1 hour to
 * 10 years) and refresh-token rotation of the web and mobile clients (`refresh_token_rotation`:
 * each refresh returns a new refresh token and retires the old one after the grace period; clients
 * then refresh with GetTokensFromRefreshToken or the token endpoint, and the clients lose
 * ALLOW_REFRESH_TOKEN_AUTH). Left out, the block is not sent and AWS keeps rotation off.
 */
export const TokensSchema = z
  .object({
    accessTokenMinutes: z.number().int().min(5).max(1440),
    idTokenMinutes: z.number().int().min(5).max(1440),
    refreshTokenDays: z.number().int().min(1).max(3650),
    refreshTokenRotation: z
      .object({
        enabled: z.boolean(),
        /** How long the replaced refresh token still works (client retries), 0–60 s. */
        retryGracePeriodSeconds: z.number().int().min(0).max(60).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const httpsOrLocalUrl = z.url().refine((u) => {
  const url = new URL(u);
  return url.protocol === "https:" || ["localhost", "127.0.0.1"].includes(url.hostname);
}, "must be https (http only for localhost)");

/** Mobile callbacks use the app's custom URL scheme (`acmenotes://auth/callback`). */
export const customSchemeUrl = z
  .string()
  .regex(/^[a-z][a-z0-9+.-]*:\/\/[\w./-]*$/, "a custom-scheme URL such as myapp://callback")
  .refine((u) => !/^https?:/.test(u), "must use the app's own scheme, not http(s)");

export const ProviderName = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[^_\s][\w.-]*$/, "1–32 characters, no leading underscore");

export const IdentityProvidersSchema = z
  .object({
    google: z
      .object({ clientId: z.string().min(1), clientSecret: SecretRefSchema })
      .strict()
      .optional(),
    facebook: z
      .object({
        clientId: z.string().min(1),
        clientSecret: SecretRefSchema,
        apiVersion: z.string().regex(/^v\d+\.\d+$/),
      })
      .strict()
      .optional(),
    apple: z
      .object({
        servicesId: z.string().min(1),
        teamId: z.string().regex(/^[A-Z0-9]{10}$/),
        keyId: z.string().regex(/^[A-Z0-9]{10}$/),
        privateKey: SecretRefSchema,
      })
      .strict()
      .optional(),
    oidc: z
      .object({
        name: ProviderName,
        issuer: httpsOrLocalUrl,
        clientId: z.string().min(1),
        clientSecret: SecretRefSchema,
      })
      .strict()
      .optional(),
    saml: z.object({ name: ProviderName, metadataUrl: httpsOrLocalUrl }).strict().optional(),
  })
  .strict();
