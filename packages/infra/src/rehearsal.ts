import type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { TerraformResource, type TerraformStack } from "cdktf";

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
 * Resources moto creates and reads but cannot delete: the rehearsal applies and re-plans them, then
 * drops them from the state (`terraform state rm`) before destroy; deleting the user pool deletes them.
 */
export const rehearsalForgottenBeforeDestroy = [
  {
    type: "aws_cognito_resource_server",
    reason: "moto answers DeleteResourceServer with HTTP 500 (not implemented)",
  },
] as const satisfies readonly { type: string; reason: string }[];

/** The AWS services the stack uses, all pointed at the one moto endpoint. */
export const rehearsalServices = [
  "apigatewayv2",
  "cloudwatchlogs",
  "cognitoidentity",
  "cognitoidp",
  "dynamodb",
  "iam",
  "lambda",
  "s3",
  "sns",
  "ssm",
  "sts",
] as const;

/** Provider settings for moto: fake keys, every endpoint overridden, few retries so a 500 fails fast. */
export function rehearsalProvider(endpoint: string): Partial<AwsProviderConfig> {
  return {
    accessKey: "testing",
    secretKey: "testing",
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: "true",
    s3UsePathStyle: true,
    maxRetries: 1,
    endpoints: [Object.fromEntries(rehearsalServices.map((s) => [s, endpoint]))],
  };
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
 * Removes the excluded resource types from a synthesized stack and points its state at a local
 * file. Throws if anything still refers to an excluded resource (the exclusion would break the plan).
 */
export function prepareRehearsalStack(
  stack: TerraformJson,
  exclusions: readonly { type: string }[] = rehearsalExclusions,
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
  copy.terraform = { ...copy.terraform, backend: { local: { path: "terraform.tfstate" } } };
  return { stack: copy, removed };
}

/**
 * The same exclusions applied to a stack in the construct tree (for `cdktf deploy` against moto):
 * removes every resource of an excluded type (the stack keeps its state in its own file through
 * `AppStack`'s `localStatePath`).
 */
export function excludeFromRehearsal(
  stack: TerraformStack,
  exclusions: readonly { type: string }[] = rehearsalExclusions,
): string[] {
  const removed: string[] = [];
  for (const c of stack.node.findAll()) {
    if (!(c instanceof TerraformResource)) continue;
    if (!exclusions.some((e) => e.type === c.terraformResourceType)) continue;
    if (c.node.scope?.node.tryRemoveChild(c.node.id))
      removed.push(`${c.terraformResourceType} ${c.node.path}`);
  }
  return removed;
}
