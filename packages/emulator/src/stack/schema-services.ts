/**
 * The arguments of the identity, IAM, S3, Lambda, DynamoDB and API Gateway resources the emulator
 * serves, as zod schemas.
 *
 * @module
 */
import { z } from "zod";
import { block, blocks, boolean, number, required, stringMap, strings, text } from "./tf";

export const IdentityPoolArgs = z.object({
  identity_pool_name: required,
  allow_unauthenticated_identities: boolean,
  allow_classic_flow: boolean,
  cognito_identity_providers: blocks(
    z.object({ provider_name: required, client_id: required, server_side_token_check: boolean }),
  ),
  supported_login_providers: stringMap,
  developer_provider_name: text,
  openid_connect_provider_arns: strings,
  saml_provider_arns: strings,
  tags: stringMap,
});
export type IdentityPoolArgs = z.output<typeof IdentityPoolArgs>;

export const IdentityPoolRolesArgs = z.object({
  identity_pool_id: required,
  roles: stringMap,
  role_mapping: blocks(
    z.object({
      identity_provider: required,
      type: required,
      ambiguous_role_resolution: text,
      mapping_rule: blocks(
        z.object({ claim: required, match_type: required, value: required, role_arn: required }),
      ),
    }),
  ),
});
export type IdentityPoolRolesArgs = z.output<typeof IdentityPoolRolesArgs>;

/** A policy document: JSON text as Terraform has it (an object is taken as its JSON). */
const policyDocument = z
  .union([z.string(), z.record(z.string(), z.unknown())], { error: "expected a policy document" })
  .transform((v) => (typeof v === "string" ? v : JSON.stringify(v)));

export const IamRoleArgs = z.object({ name: text, assume_role_policy: policyDocument.optional() });
export type IamRoleArgs = z.output<typeof IamRoleArgs>;

export const IamRolePolicyArgs = z.object({ role: required, policy: policyDocument });
export type IamRolePolicyArgs = z.output<typeof IamRolePolicyArgs>;

export const BucketArgs = z.object({ bucket: text });

/** S3 CORS lists also come as a single string. */
const stringOrList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()], {
    error: "expected a list of strings",
  })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]));

export const BucketCorsArgs = z.object({
  bucket: required,
  cors_rule: blocks(
    z.object({
      allowed_origins: stringOrList,
      allowed_methods: stringOrList,
      allowed_headers: stringOrList,
      expose_headers: stringOrList,
      max_age_seconds: number,
    }),
  ),
});
export type BucketCorsArgs = z.output<typeof BucketCorsArgs>;

export const BucketPolicyArgs = z.object({ bucket: required, policy: policyDocument });

export const LambdaFunctionArgs = z.object({
  function_name: required,
  handler: text,
  runtime: text,
  filename: text,
  timeout: number,
  memory_size: number,
  environment: block(z.object({ variables: stringMap })),
});
export type LambdaFunctionArgs = z.output<typeof LambdaFunctionArgs>;

export const DynamoDbTableArgs = z.object({
  name: required,
  hash_key: required,
  range_key: text,
  attribute: blocks(z.object({ name: required, type: z.enum(["S", "N", "B"]) })),
  global_secondary_index: blocks(
    z.object({ name: required, hash_key: required, range_key: text, projection_type: text }),
  ),
  ttl: block(z.object({ attribute_name: text, enabled: boolean })),
});
export type DynamoDbTableArgs = z.output<typeof DynamoDbTableArgs>;

export const HttpApiArgs = z.object({
  name: required,
  cors_configuration: block(
    z.object({
      allow_origins: strings,
      allow_methods: strings,
      allow_headers: strings,
      expose_headers: strings,
      allow_credentials: boolean,
      max_age: number,
    }),
  ),
});
export type HttpApiArgs = z.output<typeof HttpApiArgs>;

export const AuthorizerArgs = z.object({
  name: required,
  identity_sources: strings,
  jwt_configuration: block(z.object({ issuer: required, audience: strings })),
});
export type AuthorizerArgs = z.output<typeof AuthorizerArgs>;

export const RouteArgs = z.object({
  route_key: required,
  authorization_type: text,
  authorization_scopes: strings,
});
export type RouteArgs = z.output<typeof RouteArgs>;
