import {
  type ResolvedStage,
  type ResolveOptions,
  resolveStage,
  type StageConfigInput,
  type StageName,
} from "./config";

export { type StageName, stageNames } from "./config";

/**
 * The three stages. `local` is what the emulator loads and what the offline rehearsal applies; its
 * identity providers point at the local test IdPs, so their "secrets" are throwaway values.
 * `dev` and `prod` read every secret from SSM (SecureString) at plan time; create the parameters
 * before the first deploy (docs/deploy.md).
 */
export const stages: Record<StageName, StageConfigInput> = {
  local: {
    stage: "local",
    region: "us-east-1",
    appName: "acme-notes",
    displayName: "Acme Notes (local)",
    webOrigin: "http://localhost:3000",
    webCallbackUrls: ["http://localhost:3000/api/auth/callback/cognito"],
    webLogoutUrls: ["http://localhost:3000/"],
    mobileCallbackUrls: ["acmenotes://auth/callback"],
    mobileLogoutUrls: ["acmenotes://auth/signout"],
    domainPrefix: "acme-notes-local",
    filesBucketName: "acme-notes-local-user-files",
    state: { backend: "local" },
    guestAccess: true,
    protection: {
      userPoolDeletionProtection: false,
      tableDeletionProtection: false,
      pointInTimeRecovery: false,
      preventDestroy: false,
      emptyBucketOnDestroy: true,
    },
    featurePlan: "PLUS",
    threatProtection: "ENFORCED",
    // RFC 5737's TEST-NET-1: local sign-ins "from" 192.0.2.x (X-Forwarded-For) show a blocked attempt.
    blockedIpRanges: ["192.0.2.0/24"],
    // Short-lived access tokens locally, so the web server's server-side refresh is exercised.
    tokens: { accessTokenMinutes: 5, idTokenMinutes: 60, refreshTokenDays: 30 },
    api: { throttling: { burstLimit: 100, rateLimit: 50 } },
    filesNoncurrentVersionDays: 1,
    // No filesMinTlsVersion: the emulator (which serves this stage) does not evaluate NumericLessThan.
    // Cognito's default sender; the emulator keeps every message in its outbox.
    email: { sender: "COGNITO_DEFAULT" },
    threatNotifications: {
      from: "no-reply@localhost.example",
      sesIdentityArn: "arn:aws:ses:us-east-1:123456789012:identity/localhost.example",
    },
    logRetentionDays: 1,
    blockedEmailDomains: ["blocked.example"],
    identityProviders: {
      google: { clientId: "local-google-client", clientSecret: { local: "local-google-secret" } },
      oidc: {
        name: "LocalOIDC",
        issuer: "http://127.0.0.1:9229/_idp/oidc",
        clientId: "local-oidc-client",
        clientSecret: { local: "local-oidc-secret" },
      },
      saml: { name: "LocalSAML", metadataUrl: "http://127.0.0.1:9229/_idp/saml/metadata" },
    },
  },
  dev: {
    stage: "dev",
    region: "eu-west-1",
    appName: "acme-notes",
    displayName: "Acme Notes (dev)",
    webOrigin: "https://dev.notes.example.com",
    webCallbackUrls: ["https://dev.notes.example.com/api/auth/callback/cognito"],
    webLogoutUrls: ["https://dev.notes.example.com/"],
    mobileCallbackUrls: ["acmenotes-dev://auth/callback"],
    mobileLogoutUrls: ["acmenotes-dev://auth/signout"],
    domainPrefix: "acme-notes-dev",
    filesBucketName: "acme-notes-dev-user-files",
    // Made once per account: pnpm --filter @repo/infra bootstrap-state -- --stage dev
    state: { backend: "s3", bucket: "acme-notes-tfstate-111111111111", region: "eu-west-1" },
    guestAccess: true,
    accountId: "111111111111",
    // Dev may be torn down and rebuilt at will; switch any of these on to keep its data.
    protection: {
      userPoolDeletionProtection: false,
      tableDeletionProtection: false,
      pointInTimeRecovery: false,
      preventDestroy: false,
      emptyBucketOnDestroy: true,
    },
    featurePlan: "PLUS",
    threatProtection: "AUDIT",
    blockedIpRanges: [],
    // The stack creates the domain identity; publish its DKIM records (output ses_dkim_tokens).
    email: {
      sender: "SES",
      from: "no-reply@dev.notes.example.com",
      fromName: "Acme Notes (dev)",
      identity: { create: "dev.notes.example.com" },
    },
    threatNotifications: { from: "security@dev.notes.example.com" },
    tokens: { accessTokenMinutes: 60, idTokenMinutes: 60, refreshTokenDays: 30 },
    api: { throttling: { burstLimit: 50, rateLimit: 20 } },
    filesNoncurrentVersionDays: 7,
    filesMinTlsVersion: "1.2",
    logRetentionDays: 14,
    blockedEmailDomains: [],
    identityProviders: {
      google: {
        clientId: "replace-me.apps.googleusercontent.com",
        clientSecret: { ssm: "/acme-notes/dev/idp/google/client-secret" },
      },
      oidc: {
        name: "CorporateOIDC",
        issuer: "https://login.example.com",
        clientId: "acme-notes-dev",
        clientSecret: { ssm: "/acme-notes/dev/idp/oidc/client-secret" },
      },
    },
  },
  prod: {
    stage: "prod",
    region: "eu-west-1",
    appName: "acme-notes",
    displayName: "Acme Notes",
    webOrigin: "https://notes.example.com",
    webCallbackUrls: ["https://notes.example.com/api/auth/callback/cognito"],
    webLogoutUrls: ["https://notes.example.com/"],
    mobileCallbackUrls: ["acmenotes://auth/callback"],
    mobileLogoutUrls: ["acmenotes://auth/signout"],
    domainPrefix: "acme-notes",
    filesBucketName: "acme-notes-prod-user-files",
    state: { backend: "s3", bucket: "acme-notes-tfstate-222222222222", region: "eu-west-1" },
    guestAccess: false,
    accountId: "222222222222",
    protection: {
      userPoolDeletionProtection: true,
      tableDeletionProtection: true,
      pointInTimeRecovery: true,
      preventDestroy: true,
      emptyBucketOnDestroy: false,
    },
    featurePlan: "PLUS",
    threatProtection: "ENFORCED",
    blockedIpRanges: [],
    // An identity verified beforehand (docs/deploy.md, "SES"); plan fails if it is not verified.
    email: {
      sender: "SES",
      from: "no-reply@notes.example.com",
      fromName: "Acme Notes",
      replyTo: "support@notes.example.com",
      identity: { arn: "arn:aws:ses:eu-west-1:222222222222:identity/notes.example.com" },
    },
    threatNotifications: { from: "security@notes.example.com" },
    tokens: { accessTokenMinutes: 60, idTokenMinutes: 60, refreshTokenDays: 30 },
    // Custom domains are optional: api.customDomain and hostedUiCustomDomain (docs/deploy.md).
    api: { throttling: { burstLimit: 500, rateLimit: 200 } },
    filesNoncurrentVersionDays: 30,
    filesMinTlsVersion: "1.2",
    observability: { alarmEmails: ["ops@notes.example.com"], tracing: true },
    logRetentionDays: 90,
    blockedEmailDomains: [],
    identityProviders: {
      google: {
        clientId: "replace-me.apps.googleusercontent.com",
        clientSecret: { ssm: "/acme-notes/prod/idp/google/client-secret" },
      },
      facebook: {
        clientId: "000000000000000",
        clientSecret: { ssm: "/acme-notes/prod/idp/facebook/client-secret" },
        apiVersion: "v19.0",
      },
      apple: {
        servicesId: "com.example.notes.signin",
        teamId: "ABCDE12345",
        keyId: "KEY1234567",
        privateKey: { ssm: "/acme-notes/prod/idp/apple/private-key" },
      },
      oidc: {
        name: "CorporateOIDC",
        issuer: "https://login.example.com",
        clientId: "acme-notes",
        clientSecret: { ssm: "/acme-notes/prod/idp/oidc/client-secret" },
      },
      saml: { name: "CorporateSAML", metadataUrl: "https://idp.example.com/saml/metadata" },
    },
  },
};

/** The stage's validated config, resolved against `source` (the process environment by default). */
export function loadStage(
  name: StageName,
  source?: Record<string, string | undefined>,
  options?: ResolveOptions,
): ResolvedStage {
  return resolveStage(stages[name], source, options);
}
