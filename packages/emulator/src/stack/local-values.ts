/**
 * The local values of what the emulator builds from a stack: stable IDs, ARNs and endpoints, the
 * same on every start.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { AttributeResolver, ReferenceResolver } from "./references";

/** What a stack is resolved against: where it runs locally. */
export interface LocalContext {
  region: string;
  accountId: string;
  /** The emulator's origin (`http://127.0.0.1:9229`): API endpoints live under it. */
  origin: string;
  /** The seed client secrets derive from (kept in the store, so secrets survive restarts). */
  secretSeed: string;
  /** Values that win over the stack's own (tests point a stack at pools made through the API). */
  overrides?: AttributeResolver;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic characters from a seed: the same resource gets the same local ID on every start. */
function stableString(seed: string, alphabet: string, length: number): string {
  let out = "";
  let counter = 0;
  while (out.length < length) {
    const digest = createHash("sha256").update(`${seed}:${counter++}`).digest();
    for (const byte of digest) {
      if (out.length === length) break;
      // Rejection sampling keeps the characters uniform.
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export const userPoolIdFor = (region: string, resourceName: string): string =>
  `${region}_${stableString(`pool:${resourceName}`, ALNUM, 9)}`;
export const clientIdFor = (resourceName: string): string =>
  stableString(`client:${resourceName}`, LOWER_ALNUM, 26);
export const clientSecretFor = (seed: string, resourceName: string): string =>
  stableString(`secret:${seed}:${resourceName}`, LOWER_ALNUM, 51);

/** A stable identity pool ID for a resource address: the same on every start. */
export function identityPoolIdFor(region: string, resourceName: string): string {
  const h = createHash("sha256").update(`identity-pool:${resourceName}`).digest("hex");
  return `${region}:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A stable 10-character API ID, as API Gateway's look. */
export function localApiId(name: string): string {
  let h = 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h.toString(36).padStart(10, "0").slice(-10);
}

export const lambdaArnOf = (ctx: LocalContext, functionName: string): string =>
  `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${functionName}`;

const truthy = (v: unknown) => v === true || v === "true";

/** The attributes the emulator gives local values to, per resource type. */
export function ownValues(ctx: LocalContext): (refs: ReferenceResolver) => AttributeResolver {
  const { region, accountId } = ctx;
  return (refs) => (type, name, attr) => {
    const lit = (a: string) => refs.literal(type, name, a);
    switch (type) {
      case "aws_cognito_user_pool": {
        const id = userPoolIdFor(region, name);
        if (attr === "id") return id;
        if (attr === "arn") return `arn:aws:cognito-idp:${region}:${accountId}:userpool/${id}`;
        if (attr === "endpoint") return `cognito-idp.${region}.amazonaws.com/${id}`;
        return undefined;
      }
      case "aws_cognito_user_pool_client":
        if (attr === "id") return clientIdFor(name);
        if (attr === "client_secret") {
          return truthy(refs.raw(type, name).generate_secret) ? clientSecretFor(ctx.secretSeed, name) : "";
        }
        return undefined;
      case "aws_cognito_identity_pool": {
        const id = identityPoolIdFor(region, name);
        if (attr === "id") return id;
        if (attr === "arn") return `arn:aws:cognito-identity:${region}:${accountId}:identitypool/${id}`;
        return undefined;
      }
      case "aws_iam_role": {
        const roleName = lit("name") ?? name;
        if (attr === "arn") return `arn:aws:iam::${accountId}:role/${roleName}`;
        if (attr === "id" || attr === "name") return roleName;
        return undefined;
      }
      case "aws_lambda_function": {
        const fnName = lit("function_name");
        if (fnName === undefined) return undefined;
        const arn = lambdaArnOf(ctx, fnName);
        if (attr === "function_name" || attr === "id") return fnName;
        if (attr === "arn" || attr === "qualified_arn") return arn;
        if (attr === "invoke_arn") {
          return `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
        }
        return undefined;
      }
      case "aws_dynamodb_table": {
        const tableName = lit("name");
        if (attr === "name" || attr === "id") return tableName;
        if (attr === "arn" && tableName) return `arn:aws:dynamodb:${region}:${accountId}:table/${tableName}`;
        return undefined;
      }
      case "aws_apigatewayv2_api": {
        const apiName = lit("name");
        if (apiName === undefined) return undefined;
        if (attr === "api_endpoint") return `${ctx.origin}/_api/${apiName}`;
        if (attr === "id") return localApiId(apiName);
        return undefined;
      }
      case "aws_apigatewayv2_stage": {
        if (attr !== "invoke_url") return undefined;
        const api = referencedNameIn(refs.raw(type, name).api_id, "aws_apigatewayv2_api");
        return api ? refs.value("aws_apigatewayv2_api", api, "api_endpoint") : undefined;
      }
      case "aws_s3_bucket": {
        const bucket = lit("bucket") ?? name;
        if (attr === "arn") return `arn:aws:s3:::${bucket}`;
        if (attr === "id" || attr === "bucket") return bucket;
        return undefined;
      }
      default:
        return undefined;
    }
  };
}

function referencedNameIn(value: unknown, type: string): string | undefined {
  const m = new RegExp(`\\$\\{${type}\\.([A-Za-z0-9_-]+)\\.id\\}`).exec(String(value ?? ""));
  return m?.[1];
}
