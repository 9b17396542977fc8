import { z } from "zod";
import { featurePlans, featuresAboveTier } from "./feature-plans";
import {
  acmCertificateArn,
  awsRegion,
  bucketName,
  customSchemeUrl,
  EmailSchema,
  hostName,
  httpsOrLocalUrl,
  IdentityProvidersSchema,
  ProtectionSchema,
  StateSchema,
  sesIdentityArn,
  stageNames,
  TokensSchema,
} from "./stage-parts";

export const StageConfigSchema = z
  .object({
    stage: z.enum(stageNames),
    region: awsRegion,
    /** Prefix of every resource name: `<appName>-<stage>-...`. */
    appName: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/),
    /** Shown in messages sent by Cognito. */
    displayName: z.string().min(1),
    /** The web app's origin: CORS of the API and the bucket, and the base of its callback URLs. */
    webOrigin: httpsOrLocalUrl,
    webCallbackUrls: z.array(httpsOrLocalUrl).min(1),
    webLogoutUrls: z.array(httpsOrLocalUrl).min(1),
    mobileCallbackUrls: z.array(customSchemeUrl).min(1),
    mobileLogoutUrls: z.array(customSchemeUrl).min(1),
    /** Hosted UI domain prefix: `<prefix>.auth.<region>.amazoncognito.com`. */
    domainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
    /** Bucket names are global: set one your account owns. */
    filesBucketName: bucketName,
    state: StateSchema,
    guestAccess: z.boolean(),
    /**
     * The AWS account the stage deploys to: the provider's `allowed_account_ids`, so credentials
     * of any other account stop at plan time, before anything changes. Required for dev and prod.
     */
    accountId: z
      .string()
      .regex(/^\d{12}$/, "a 12-digit AWS account ID")
      .optional(),
    /** A role in that account the provider (and the S3 backend) assume to deploy (`assume_role`). */
    deployRoleArn: z
      .string()
      .regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/, "an IAM role ARN")
      .optional(),
    protection: ProtectionSchema,
    /**
     * The user pool's feature plan (`user_pool_tier`). AWS gives a new pool ESSENTIALS when none is
     * set; the stage names it so the plan is a decision, checked against the features below
     * (docs/deploy.md, "Feature plans").
     */
    featurePlan: z.enum(featurePlans),
    /** `AUDIT` logs risk only; `ENFORCED` acts on it; both need the PLUS plan. `OFF` disables it. */
    threatProtection: z.enum(["OFF", "AUDIT", "ENFORCED"]),
    /** CIDR ranges whose sign-ins threat protection always blocks (`risk_exception_configuration`). */
    blockedIpRanges: z.array(z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, "a CIDR range")).max(200),
    email: EmailSchema,
    /**
     * Threat-protection emails. With SES email they go out through the same identity; with
     * Cognito's default sender the stage names an SES identity that may send as `from`.
     */
    threatNotifications: z
      .object({
        from: z.email(),
        sesIdentityArn: sesIdentityArn.optional(),
      })
      .strict(),
    /** Token lifetimes and refresh-token rotation of the web and mobile clients. */
    tokens: TokensSchema.default({ accessTokenMinutes: 60, idTokenMinutes: 60, refreshTokenDays: 30 }),
    /** The HTTP API: throttling of every route, an optional custom domain. */
    api: z
      .object({
        throttling: z
          .object({
            /** Requests at once (token bucket size). */
            burstLimit: z.number().int().min(0).max(5000),
            /** Steady requests per second. */
            rateLimit: z.number().min(0).max(10000),
          })
          .strict(),
        customDomain: z
          .object({ domainName: hostName, certificateArn: acmCertificateArn })
          .strict()
          .optional(),
      })
      .strict()
      .default({ throttling: { burstLimit: 100, rateLimit: 50 } }),
    /** The hosted UI on your own domain instead of `<prefix>.auth.<region>.amazoncognito.com`. */
    hostedUiCustomDomain: z
      .object({ domainName: hostName, certificateArn: acmCertificateArn })
      .strict()
      .optional(),
    /**
     * The oldest TLS version the user-files bucket accepts (`s3:TlsVersion` in its policy). Left
     * out in `local`: the emulator's policy evaluator does not know NumericLessThan yet.
     */
    filesMinTlsVersion: z.enum(["1.2", "1.3"]).optional(),
    /** Days a replaced version of a user file is kept before S3 deletes it. */
    filesNoncurrentVersionDays: z.number().int().min(1).max(3650).default(30),
    logRetentionDays: z.union([
      z.literal(1),
      z.literal(3),
      z.literal(7),
      z.literal(14),
      z.literal(30),
      z.literal(90),
      z.literal(365),
    ]),
    /**
     * Passwordless first factors offered next to the password (`sign_in_policy`, choice-based
     * sign-in): email or SMS one-time codes, passkeys (`WEB_AUTHN`). ESSENTIALS or PLUS only.
     */
    passwordless: z
      .object({
        factors: z.array(z.enum(["EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"])).min(1),
        /** Passkey settings (`web_authn_configuration`); Cognito's defaults when left out. */
        passkeys: z
          .object({
            /** The relying party: the hosted UI's domain unless set. */
            relyingPartyId: z
              .string()
              .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "a host name")
              .optional(),
            userVerification: z.enum(["required", "preferred"]).default("preferred"),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** MFA codes by email (`email_mfa_configuration`). ESSENTIALS or PLUS only. */
    emailMfa: z
      .object({
        subject: z.string().min(1).max(140),
        /** Must contain `{####}`, where Cognito puts the code. */
        message: z.string().min(6).max(20_000).includes("{####}", { message: "must contain {####}" }),
      })
      .strict()
      .optional(),
    /**
     * The pre token generation trigger's event version. `V1_0` customizes the ID token only;
     * `V2_0` also the access token, `V3_0` also machine-to-machine tokens: both ESSENTIALS or PLUS.
     */
    preTokenGenerationVersion: z.enum(["V1_0", "V2_0", "V3_0"]).default("V1_0"),
    /** Previous passwords a user may not reuse (`password_history_size`), 0 = off. ESSENTIALS or PLUS. */
    passwordHistorySize: z.number().int().min(0).max(24).default(0),
    /** Alarms and tracing (docs/deploy.md, "Alarms"). */
    observability: z
      .object({
        /** Subscribed to the `<app>-<stage>-alarms` topic; each address confirms by email. */
        alarmEmails: z.array(z.email()).default([]),
        /** X-Ray active tracing of every function (the HTTP API itself cannot be traced). */
        tracing: z.boolean().default(false),
      })
      .strict()
      .default({ alarmEmails: [], tracing: false }),
    /** Extra email domains the pre-sign-up trigger refuses. */
    blockedEmailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)),
    identityProviders: IdentityProvidersSchema,
  })
  .strict()
  .superRefine((cfg, ctx) => {
    // What AWS refuses at CreateUserPool / UpdateUserPool for the pool's plan, with its message.
    const over = featuresAboveTier(cfg);
    if (over.length > 0) {
      const names = over.map((f) => f.name);
      const fixes = over.map((f) => `${f.setting} (needs ${f.minimum})`).join(", ");
      ctx.addIssue({
        code: "custom",
        path: ["featurePlan"],
        message:
          `AWS refuses this pool with FeatureUnavailableInTierException ("The following features need to be ` +
          `disabled for the ${cfg.featurePlan} pricing tier configured: ${names.join(", ")}"); raise featurePlan ` +
          `or turn off ${fixes}`,
      });
    }
    const ses = cfg.email.sender === "SES" ? cfg.email : undefined;
    const byEmail = [
      ...(cfg.emailMfa ? ["emailMfa"] : []),
      ...(cfg.passwordless?.factors.includes("EMAIL_OTP") ? ["passwordless EMAIL_OTP"] : []),
    ];
    if (!ses && byEmail.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message:
          `${byEmail.join(" and ")} need email through your own SES identity: AWS sends MFA and sign-in ` +
          `codes by email only with email_sending_account DEVELOPER (set email.sender to SES)`,
      });
    }
    if (ses) {
      const domain = ses.from.split("@")[1] ?? "";
      const name =
        "create" in ses.identity ? ses.identity.create : (ses.identity.arn.split(":identity/")[1] ?? "");
      const covered = name.includes("@") ? ses.from === name : domain === name || domain.endsWith(`.${name}`);
      if (!covered) {
        ctx.addIssue({
          code: "custom",
          path: ["email", "from"],
          message: `${ses.from} is not an address of the SES identity ${name}: SES refuses to send as it`,
        });
      }
      if (cfg.threatNotifications.sesIdentityArn) {
        ctx.addIssue({
          code: "custom",
          path: ["threatNotifications", "sesIdentityArn"],
          message: "with SES email, threat-protection notifications use the email identity; leave this out",
        });
      }
    } else if (cfg.threatProtection !== "OFF" && !cfg.threatNotifications.sesIdentityArn) {
      ctx.addIssue({
        code: "custom",
        path: ["threatNotifications", "sesIdentityArn"],
        message: "threat-protection notifications need an SES identity ARN (notify_configuration.source_arn)",
      });
    }
    const certRegion = (arn: string) => arn.split(":")[3];
    if (cfg.hostedUiCustomDomain && certRegion(cfg.hostedUiCustomDomain.certificateArn) !== "us-east-1") {
      ctx.addIssue({
        code: "custom",
        path: ["hostedUiCustomDomain", "certificateArn"],
        message:
          "Cognito serves custom domains through CloudFront and accepts only an ACM certificate in us-east-1",
      });
    }
    if (cfg.api.customDomain && certRegion(cfg.api.customDomain.certificateArn) !== cfg.region) {
      ctx.addIssue({
        code: "custom",
        path: ["api", "customDomain", "certificateArn"],
        message: `a regional API Gateway domain needs an ACM certificate in the API's region ${cfg.region}`,
      });
    }
    if (cfg.passwordless?.passkeys && !cfg.passwordless.factors.includes("WEB_AUTHN")) {
      ctx.addIssue({
        code: "custom",
        path: ["passwordless", "passkeys"],
        message: "passkey settings without WEB_AUTHN among passwordless.factors have no effect",
      });
    }
    if (cfg.state.backend === "s3" && cfg.state.bucket === cfg.filesBucketName) {
      ctx.addIssue({
        code: "custom",
        path: ["state", "bucket"],
        message: "the state bucket must not be the user-files bucket (users' identities may write there)",
      });
    }
    if (cfg.stage === "local") return;
    for (const [idp, settings] of Object.entries(cfg.identityProviders)) {
      for (const [key, value] of Object.entries(settings ?? {})) {
        if (value && typeof value === "object" && "local" in value) {
          ctx.addIssue({
            code: "custom",
            path: ["identityProviders", idp, key],
            message: "a `local` secret is only allowed in the local stage; use { env } or { ssm }",
          });
        }
      }
    }
    if (cfg.stage === "prod" && cfg.state.backend !== "s3") {
      ctx.addIssue({
        code: "custom",
        path: ["state"],
        message: "prod keeps its state in S3 (shared, versioned, locked), never in a local file",
      });
    }
    if (!cfg.filesMinTlsVersion) {
      ctx.addIssue({
        code: "custom",
        path: ["filesMinTlsVersion"],
        message: `${cfg.stage}'s user-files bucket names its oldest accepted TLS version (1.2 at least)`,
      });
    }
    if (cfg.email.sender !== "SES") {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message:
          `${cfg.stage} sends email through SES: Cognito's default sender allows 50 messages a day per ` +
          `account and sends from no-reply@verificationemail.com`,
      });
    }
    if (!cfg.accountId) {
      ctx.addIssue({
        code: "custom",
        path: ["accountId"],
        message: `${cfg.stage} names the AWS account it deploys to (allowed_account_ids)`,
      });
    }
    if (
      cfg.deployRoleArn &&
      cfg.accountId &&
      !cfg.deployRoleArn.startsWith(`arn:aws:iam::${cfg.accountId}:`)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["deployRoleArn"],
        message: `the deploy role must be in the stage's account ${cfg.accountId}`,
      });
    }
    if (cfg.stage === "prod") {
      for (const [key, on] of Object.entries(cfg.protection)) {
        const wanted = key !== "emptyBucketOnDestroy";
        if (on !== wanted) {
          ctx.addIssue({
            code: "custom",
            path: ["protection", key],
            message: `prod keeps ${key} ${wanted ? "on" : "off"}; tear prod down with INFRA_TEARDOWN=prod (docs/deploy.md)`,
          });
        }
      }
    }
  });

export type StageConfigInput = z.input<typeof StageConfigSchema>;
export type StageConfig = z.output<typeof StageConfigSchema>;
export type IdentityProvidersConfig = StageConfig["identityProviders"];
export type StateConfig = StageConfig["state"];
