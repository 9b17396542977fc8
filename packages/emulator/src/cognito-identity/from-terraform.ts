import { createHash } from "node:crypto";
import type { Services } from "../cognito-idp/services";
import { type AttributeResolver, resolveReferences, type TerraformStack } from "../config/terraform";
import { type IamRoleInput, iamRolesOf } from "../iam/roles";
import type { CorsRule, S3Store } from "../s3/store";
import {
  type IdentityPoolRecord,
  identityStoreOf,
  type PoolRolesRecord,
  type RoleMappingRecord,
} from "./store";

type Args = Record<string, unknown>;

/** What the identity pools and the S3 endpoint need from a synthesized stack. */
export interface IdentityResources {
  identityPools: { pool: IdentityPoolRecord; roles: PoolRolesRecord }[];
  roles: IamRoleInput[];
  buckets: { name: string; cors: CorsRule[]; policy?: string }[];
  /** Resolves what these resources define (identity pool IDs, role and bucket ARNs) before `base`. */
  resolve: AttributeResolver;
}

/** A stable identity pool ID for a resource address: the same on every start. */
export function identityPoolIdFor(region: string, resourceName: string): string {
  const h = createHash("sha256").update(`identity-pool:${resourceName}`).digest("hex");
  return `${region}:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
/** Terraform writes a literal `${...}` (an IAM policy variable) as `$${...}`. */
const literal = (s: string) => s.replace(/\$\$\{/g, "${");

/**
 * Reads `aws_cognito_identity_pool`, `aws_cognito_identity_pool_roles_attachment`, `aws_iam_role`,
 * `aws_iam_role_policy`, `aws_s3_bucket`, `aws_s3_bucket_cors_configuration` and
 * `aws_s3_bucket_policy` with references resolved (user pools and clients through `base`, e.g. the
 * resolver of `loadCognitoFromTerraform`). References neither knows (log groups, tables in the
 * policies of Lambda roles) stay as written: inside a policy they then match nothing.
 */
export function identityResourcesFromTerraform(
  stack: TerraformStack,
  base: AttributeResolver,
  opts: { region: string; accountId: string },
): IdentityResources {
  const r = (type: string): Record<string, Args> => stack.resources[type] ?? {};
  const bucketName = (name: string) => String(r("aws_s3_bucket")[name]?.bucket ?? name);
  const roleName = (name: string) => String(r("aws_iam_role")[name]?.name ?? name);
  const resolve: AttributeResolver = (type, name, attr) => {
    if (type === "aws_cognito_identity_pool" && r(type)[name]) {
      const id = identityPoolIdFor(opts.region, name);
      if (attr === "id") return id;
      if (attr === "arn")
        return `arn:aws:cognito-identity:${opts.region}:${opts.accountId}:identitypool/${id}`;
    }
    if (type === "aws_iam_role" && r(type)[name]) {
      if (attr === "arn") return `arn:aws:iam::${opts.accountId}:role/${roleName(name)}`;
      if (attr === "id" || attr === "name") return roleName(name);
    }
    if (type === "aws_s3_bucket" && r(type)[name]) {
      if (attr === "arn") return `arn:aws:s3:::${bucketName(name)}`;
      if (attr === "id" || attr === "bucket") return bucketName(name);
    }
    return base(type, name, attr) ?? `\${${type}.${name}.${attr}}`;
  };

  const roleArnOf = (name: string) => `arn:aws:iam::${opts.accountId}:role/${roleName(name)}`;
  const roles: IamRoleInput[] = Object.entries(r("aws_iam_role")).map(([name, args]) => {
    const policies = Object.values(r("aws_iam_role_policy"))
      .filter((p) => String(p.role).includes(`aws_iam_role.${name}.`) || p.role === roleName(name))
      .map((p) => literal(resolveReferences(String(p.policy), resolve)));
    return {
      arn: roleArnOf(name),
      name: roleName(name),
      ...(args.assume_role_policy !== undefined
        ? { trustPolicy: literal(resolveReferences(String(args.assume_role_policy), resolve)) }
        : {}),
      policies,
    };
  });

  const attachments = Object.values(r("aws_cognito_identity_pool_roles_attachment")).map((a) =>
    resolveReferences(a, resolve),
  );
  const identityPools = Object.entries(r("aws_cognito_identity_pool")).map(([name, raw]) => {
    const args = resolveReferences(raw, resolve);
    const id = identityPoolIdFor(opts.region, name);
    const providers = (args.cognito_identity_providers as Args[] | undefined) ?? [];
    const pool: IdentityPoolRecord = {
      IdentityPoolId: id,
      IdentityPoolName: String(args.identity_pool_name),
      AllowUnauthenticatedIdentities: args.allow_unauthenticated_identities === true,
      AllowClassicFlow: args.allow_classic_flow === true,
      CognitoIdentityProviders: providers.map((p) => ({
        ProviderName: String(p.provider_name),
        ClientId: String(p.client_id),
        ServerSideTokenCheck: p.server_side_token_check === true,
      })),
      ...(args.supported_login_providers
        ? { SupportedLoginProviders: args.supported_login_providers as Record<string, string> }
        : {}),
      IdentityPoolTags: (args.tags as Record<string, string> | undefined) ?? {},
    };
    const attachment = attachments.find((a) => a.identity_pool_id === id);
    const roleMappings: Record<string, RoleMappingRecord> = {};
    for (const m of (attachment?.role_mapping as Args[] | undefined) ?? []) {
      const rules = ((m.mapping_rule as Args[] | undefined) ?? []).map((rule) => ({
        Claim: String(rule.claim),
        MatchType: String(rule.match_type) as "Equals",
        Value: String(rule.value),
        RoleARN: String(rule.role_arn),
      }));
      roleMappings[String(m.identity_provider)] = {
        Type: String(m.type) === "Rules" ? "Rules" : "Token",
        ...(m.ambiguous_role_resolution
          ? { AmbiguousRoleResolution: String(m.ambiguous_role_resolution) as "AuthenticatedRole" }
          : {}),
        ...(rules.length > 0 ? { RulesConfiguration: { Rules: rules } } : {}),
      };
    }
    const roleArns = (attachment?.roles as Record<string, string> | undefined) ?? {};
    return { pool, roles: { Roles: { ...roleArns }, RoleMappings: roleMappings } };
  });

  const buckets = Object.entries(r("aws_s3_bucket")).map(([name]) => {
    const bucket = bucketName(name);
    const belongs = (a: Args) => {
      const v = String(a.bucket ?? "");
      return v.includes(`aws_s3_bucket.${name}.`) || v === bucket;
    };
    const cors = Object.values(r("aws_s3_bucket_cors_configuration"))
      .filter(belongs)
      .flatMap((c) => (c.cors_rule as Args[] | undefined) ?? [])
      .map(
        (rule): CorsRule => ({
          AllowedOrigins: strs(rule.allowed_origins),
          AllowedMethods: strs(rule.allowed_methods),
          AllowedHeaders: strs(rule.allowed_headers),
          ExposeHeaders: strs(rule.expose_headers),
          ...(rule.max_age_seconds !== undefined ? { MaxAgeSeconds: Number(rule.max_age_seconds) } : {}),
        }),
      );
    const policy = Object.values(r("aws_s3_bucket_policy")).find(belongs)?.policy;
    return {
      name: bucket,
      cors,
      ...(policy !== undefined ? { policy: literal(resolveReferences(String(policy), resolve)) } : {}),
    };
  });

  return { identityPools, roles, buckets, resolve };
}

/** Puts the resources into the store: identity pools (keeping their identities), roles, buckets. */
export function applyIdentityResources(services: Services, resources: IdentityResources, s3?: S3Store): void {
  const identities = identityStoreOf(services.store);
  const roles = iamRolesOf(services.store);
  for (const role of resources.roles) roles.putRole(role);
  for (const { pool, roles: poolRoles } of resources.identityPools) identities.putPool(pool, poolRoles);
  for (const bucket of resources.buckets) s3?.putBucket(bucket);
}
