import type { Services } from "../cognito-idp/services";
import { MalformedPolicyError } from "../iam/policy";
import { type IamRoleInput, iamRolesOf } from "../iam/roles";
import type { CorsRule, S3Store } from "../s3/store";
import { refuseAsApi } from "../stack/api-refusals";
import { StackError } from "../stack/errors";
import type { StackModel } from "../stack/model";
import {
  type IdentityPoolRecord,
  identityStoreOf,
  type PoolRolesRecord,
  type RoleMappingRecord,
} from "./store";

/** What the identity pools and the S3 endpoint need from a stack. */
export interface IdentityResources {
  identityPools: { pool: IdentityPoolRecord; roles: PoolRolesRecord }[];
  /** With the address of the `aws_iam_role` each comes from, for errors. */
  roles: (IamRoleInput & { resource?: string })[];
  buckets: { name: string; cors: CorsRule[]; policy?: string }[];
}

/**
 * The stack's `aws_cognito_identity_pool`s with their `aws_cognito_identity_pool_roles_attachment`,
 * its `aws_iam_role`s with their trust policies and `aws_iam_role_policy`s, and its `aws_s3_bucket`s
 * with their CORS rules and bucket policy. References the model has no value for (log groups in
 * the policies of Lambda roles) stay as written: inside a policy they then match nothing.
 */
export function identityResourcesOf(model: StackModel): IdentityResources {
  const roles: IdentityResources["roles"] = model.iamRoles.map((role) => ({
    resource: role.address,
    arn: role.arn,
    name: role.roleName,
    ...(role.trustPolicy !== undefined ? { trustPolicy: role.trustPolicy } : {}),
    policies: role.policies,
  }));

  const identityPools = model.identityPools.map(({ id, args, address }) => {
    const pool: IdentityPoolRecord = {
      IdentityPoolId: id,
      IdentityPoolName: args.identity_pool_name,
      AllowUnauthenticatedIdentities: args.allow_unauthenticated_identities === true,
      AllowClassicFlow: args.allow_classic_flow === true,
      CognitoIdentityProviders: args.cognito_identity_providers.map((p) => ({
        ProviderName: p.provider_name,
        ClientId: p.client_id,
        ServerSideTokenCheck: p.server_side_token_check === true,
      })),
      ...(args.supported_login_providers ? { SupportedLoginProviders: args.supported_login_providers } : {}),
      ...(args.developer_provider_name ? { DeveloperProviderName: args.developer_provider_name } : {}),
      ...(args.openid_connect_provider_arns?.length
        ? { OpenIdConnectProviderARNs: args.openid_connect_provider_arns }
        : {}),
      ...(args.saml_provider_arns?.length ? { SamlProviderARNs: args.saml_provider_arns } : {}),
      IdentityPoolTags: args.tags ?? {},
    };
    // The same front door as CreateIdentityPool (AllowClassicFlow is refused until the classic flow exists).
    const { IdentityPoolId: _id, ...input } = pool;
    refuseAsApi(address, "CreateIdentityPool", input, "cognito-identity");
    const attachment = model.identityPoolRoles.find((a) => a.args.identity_pool_id === id)?.args;
    const roleMappings: Record<string, RoleMappingRecord> = {};
    for (const m of attachment?.role_mapping ?? []) {
      const rules = m.mapping_rule.map((rule) => ({
        Claim: rule.claim,
        MatchType: rule.match_type as "Equals",
        Value: rule.value,
        RoleARN: rule.role_arn,
      }));
      roleMappings[m.identity_provider] = {
        Type: m.type === "Rules" ? "Rules" : "Token",
        ...(m.ambiguous_role_resolution
          ? { AmbiguousRoleResolution: m.ambiguous_role_resolution as "AuthenticatedRole" }
          : {}),
        ...(rules.length > 0 ? { RulesConfiguration: { Rules: rules } } : {}),
      };
    }
    return { pool, roles: { Roles: { ...(attachment?.roles ?? {}) }, RoleMappings: roleMappings } };
  });

  const buckets = model.buckets.map((b) => ({
    name: b.bucket,
    cors: b.cors.map(
      (rule): CorsRule => ({
        AllowedOrigins: rule.allowed_origins,
        AllowedMethods: rule.allowed_methods,
        AllowedHeaders: rule.allowed_headers,
        ExposeHeaders: rule.expose_headers,
        ...(rule.max_age_seconds !== undefined ? { MaxAgeSeconds: rule.max_age_seconds } : {}),
      }),
    ),
    ...(b.policy !== undefined ? { policy: b.policy } : {}),
  }));

  return { identityPools, roles, buckets };
}

/** Puts the resources into the store: identity pools (keeping their identities), roles, buckets. */
export function applyIdentityResources(services: Services, resources: IdentityResources, s3?: S3Store): void {
  const identities = identityStoreOf(services.store);
  const roles = iamRolesOf(services.store);
  for (const { resource, ...role } of resources.roles) {
    try {
      roles.putRole(role);
    } catch (err) {
      if (!(err instanceof MalformedPolicyError) || !resource) throw err;
      throw new StackError({ resource }, err.message, { cause: err });
    }
  }
  for (const { pool, roles: poolRoles } of resources.identityPools) identities.putPool(pool, poolRoles);
  for (const bucket of resources.buckets) s3?.putBucket(bucket);
}
