import { AwsProvider, type AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { Sesv2EmailIdentity } from "@cdktf/provider-aws/lib/sesv2-email-identity";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { LocalBackend, TerraformResource, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { type SecretRef, SecretRefSchema, type StageConfig, sesIdentity } from "./config";

/**
 * The offline rehearsal: a real `terraform apply` of the `local` stage against moto_server.
 * moto does not serve everything; what it cannot serve is left out of the rehearsal by this list
 * (and printed when the rehearsal runs), never silently.
 */
export const rehearsalExclusions = [
  {
    type: "aws_cognito_identity_pool_roles_attachment",
    reason:
      "moto answers SetIdentityPoolRoles with HTTP 500 (not implemented); the provider would retry for 30+ minutes",
  },
  {
    type: "aws_cognito_risk_configuration",
    reason: "moto answers SetRiskConfiguration and DescribeRiskConfiguration with HTTP 500 (not implemented)",
  },
] as const satisfies readonly { type: string; reason: string }[];

/**
 * Settings moto accepts but does not read back: applied in the rehearsal, then ignored on the
 * re-plan (`lifecycle.ignore_changes` in the rehearsal's copy), or every plan would show them.
 */
export const rehearsalIgnoredDiffs = [
  {
    type: "aws_lambda_function",
    attributes: ["logging_config"],
    reason: "moto keeps no LoggingConfig (JSON logs): GetFunction answers without it",
  },
  {
    type: "aws_sesv2_email_identity",
    attributes: ["tags", "tags_all"],
    reason: "moto's SES v2 keeps no tags on an email identity",
  },
] as const satisfies readonly { type: string; attributes: readonly string[]; reason: string }[];

/** Left out of the state-bucket bootstrap when it is applied to moto. */
export const rehearsalBootstrapExclusions = [
  {
    type: "aws_s3_bucket_policy",
    reason:
      "moto applies a bucket policy's Deny without its conditions (HTTPS only, TLS 1.2+), which would deny the S3 backend every state object",
  },
] as const satisfies readonly { type: string; reason: string }[];

/**
 * Resources moto creates and reads but cannot delete: the rehearsal applies and re-plans them, then
 * drops them from the state (`terraform state rm`) before destroy; deleting the user pool deletes them.
 */
export const rehearsalForgottenBeforeDestroy = [
  {
    type: "aws_cognito_resource_server",
    reason: "moto answers DeleteResourceServer with HTTP 500 (not implemented)",
  },
] as const satisfies readonly { type: string; reason: string }[];

/**
 * Checks the stacks make that moto cannot pass, relaxed in the rehearsal's copy (and printed):
 * the real stack keeps them.
 */
export const rehearsalRelaxations = [
  {
    what: "postcondition of data.aws_sesv2_email_identity (prod's referenced SES identity)",
    reason: "moto never marks an SES identity verified (VerifiedForSendingStatus stays false)",
  },
] as const;

/** The AWS services the stack uses, all pointed at the one moto endpoint. */
export const rehearsalServices = [
  "apigatewayv2",
  "cloudwatch",
  "cloudwatchlogs",
  "cognitoidentity",
  "cognitoidp",
  "dynamodb",
  "iam",
  "lambda",
  "s3",
  "sesv2",
  "sns",
  "ssm",
  "sts",
] as const;

/**
 * Provider settings for moto: fake keys, every endpoint overridden, few retries so a 500 fails
 * fast. `checkAccount` keeps the account lookup (STS GetCallerIdentity, answered by moto with its
 * MOTO_ACCOUNT_ID), so the stage's `allowed_account_ids` is enforced as on AWS.
 */
export function rehearsalProvider(
  endpoint: string,
  opts: { checkAccount?: boolean } = {},
): Partial<AwsProviderConfig> {
  return {
    accessKey: "testing",
    secretKey: "testing",
    skipCredentialsValidation: true,
    skipRequestingAccountId: !opts.checkAccount,
    skipMetadataApiCheck: "true",
    s3UsePathStyle: true,
    maxRetries: 1,
    endpoints: [Object.fromEntries(rehearsalServices.map((s) => [s, endpoint]))],
  };
}

/** The S3 backend's settings for moto (`terraform init -backend-config=<file>`), as HCL. */
export function rehearsalBackendConfig(endpoint: string): string {
  return [
    `endpoints = { s3 = "${endpoint}", sts = "${endpoint}" }`,
    "use_path_style = true",
    "skip_credentials_validation = true",
    "skip_requesting_account_id = true",
    "skip_metadata_api_check = true",
    'access_key = "testing"',
    'secret_key = "testing"',
    "",
  ].join("\n");
}

/** The SSM parameters a stage reads at plan time (`{ ssm }` secrets of its identity providers). */
export function ssmParameterNames(config: StageConfig): string[] {
  const names: string[] = [];
  for (const settings of Object.values(config.identityProviders)) {
    for (const value of Object.values(settings ?? {})) {
      const ref = SecretRefSchema.safeParse(value);
      if (ref.success && "ssm" in (ref.data as SecretRef)) names.push((ref.data as { ssm: string }).ssm);
    }
  }
  return names.sort();
}

/**
 * What an operator creates before a stage's first deploy, made in moto with throwaway values:
 * the SSM parameters the stage reads and a referenced (not stack-created) SES identity.
 */
export class RehearsalSeedStack extends TerraformStack {
  constructor(
    scope: Construct,
    id: string,
    props: { config: StageConfig; provider: Partial<AwsProviderConfig> },
  ) {
    super(scope, id);
    new LocalBackend(this, { path: "terraform.tfstate" });
    new AwsProvider(this, "aws", { region: props.config.region, ...props.provider });
    ssmParameterNames(props.config).forEach((name, i) => {
      new SsmParameter(this, `secret-${i}`, {
        name,
        type: "SecureString",
        value: `rehearsal-throwaway-${i}`,
      });
    });
    const ses = sesIdentity(props.config);
    if (ses && !ses.create) new Sesv2EmailIdentity(this, "ses-identity", { emailIdentity: ses.name });
  }
}

interface TerraformJson {
  resource?: Record<string, Record<string, unknown>>;
  output?: Record<string, { value?: unknown }>;
  terraform?: { backend?: unknown };
  [key: string]: unknown;
}

export class RehearsalError extends Error {
  override name = "RehearsalError";
}

/**
 * Removes the excluded resource types from a synthesized stack, relaxes the checks moto cannot
 * pass, and (unless `keepBackend`, for a stage whose S3 backend the rehearsal exercises) points its
 * state at a local file. Throws if anything still refers to an excluded resource (the exclusion
 * would break the plan).
 */
export function prepareRehearsalStack(
  stack: TerraformJson,
  exclusions: readonly { type: string }[] = rehearsalExclusions,
  opts: { keepBackend?: boolean } = {},
): { stack: TerraformJson; removed: string[] } {
  const copy = structuredClone(stack);
  const removed: string[] = [];
  for (const { type } of exclusions) {
    const resources = copy.resource?.[type];
    if (!resources) continue;
    for (const name of Object.keys(resources)) removed.push(`${type}.${name}`);
    delete copy.resource?.[type];
  }
  const text = JSON.stringify(copy);
  for (const address of removed) {
    if (text.includes(`${address}.`) || text.includes(`"${address}"`)) {
      throw new RehearsalError(`${address} is excluded from the rehearsal but still referenced`);
    }
  }
  for (const { type, attributes } of rehearsalIgnoredDiffs) {
    for (const resource of Object.values(copy.resource?.[type] ?? {}) as {
      lifecycle?: { ignore_changes?: string[] };
    }[]) {
      resource.lifecycle = {
        ...resource.lifecycle,
        ignore_changes: [...(resource.lifecycle?.ignore_changes ?? []), ...attributes],
      };
    }
  }
  const identities = (copy.data as Record<string, Record<string, { lifecycle?: Record<string, unknown> }>>)
    ?.aws_sesv2_email_identity;
  for (const identity of Object.values(identities ?? {})) {
    if (identity.lifecycle) delete identity.lifecycle.postcondition;
  }
  if (!opts.keepBackend) {
    copy.terraform = { ...copy.terraform, backend: { local: { path: "terraform.tfstate" } } };
  }
  return { stack: copy, removed };
}

/**
 * The same exclusions applied to a stack in the construct tree (for `cdktf deploy` against moto):
 * ignores the diffs moto cannot read back ({@link rehearsalIgnoredDiffs}) and removes every
 * resource of an excluded type (the stack keeps its state in its own file through
 * `AppStack`'s `localStatePath`).
 */
export function excludeFromRehearsal(
  stack: TerraformStack,
  exclusions: readonly { type: string }[] = rehearsalExclusions,
): string[] {
  const removed: string[] = [];
  for (const c of stack.node.findAll()) {
    if (!(c instanceof TerraformResource)) continue;
    const ignored = rehearsalIgnoredDiffs.find((d) => d.type === c.terraformResourceType);
    if (ignored) {
      const existing = (c.lifecycle?.ignoreChanges as string[] | undefined) ?? [];
      c.addOverride("lifecycle.ignore_changes", [...existing, ...ignored.attributes]);
    }
    if (!exclusions.some((e) => e.type === c.terraformResourceType)) continue;
    if (c.node.scope?.node.tryRemoveChild(c.node.id))
      removed.push(`${c.terraformResourceType} ${c.node.path}`);
  }
  return removed;
}
