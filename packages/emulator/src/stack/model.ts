/**
 * One typed model of a synthesized stack: every `cdk.tf.json` under a folder read once, the
 * resources the emulator builds parsed with zod, references resolved to local values. The
 * user-pool state, the identity pools, roles and buckets, the gateway's APIs, the Lambda
 * functions, the DynamoDB tables and the outputs are all built from it.
 *
 * @module
 */
import { z } from "zod";
import { refuseUnreadArguments } from "./api-refusals";
import { attributePath, StackError } from "./errors";
import { type LocalContext, ownValues } from "./local-values";
import { stackOutputs } from "./outputs";
import { fsStackReader, readStackDocument, type StackDocument, type StackReader } from "./reader";
import { ReferenceResolver, referencedName, unescapeLiteral } from "./references";
import {
  IdentityProviderArgs,
  ResourceServerArgs,
  RiskConfigurationArgs,
  UserGroupArgs,
  UserPoolArgs,
  UserPoolClientArgs,
  UserPoolDomainArgs,
} from "./schema-cognito";
import {
  AuthorizerArgs,
  BucketArgs,
  BucketCorsArgs,
  BucketPolicyArgs,
  DynamoDbTableArgs,
  HttpApiArgs,
  IamRoleArgs,
  IamRolePolicyArgs,
  IdentityPoolArgs,
  IdentityPoolRolesArgs,
  LambdaFunctionArgs,
  RouteArgs,
} from "./schema-services";

/** One resource of the stack: its name, its address (`type.name`) and its arguments, resolved. */
export interface Entry<A> {
  name: string;
  address: string;
  args: A;
}

export interface HttpApiModel extends Entry<HttpApiArgs> {
  /** The local API ID (`${aws_apigatewayv2_api.x.id}`). */
  id: string;
  authorizers: Entry<AuthorizerArgs>[];
  /** Routes whose target is a Lambda integration, with the function's name and the authorizer's resource name. */
  routes: (Entry<RouteArgs> & { functionName: string; authorizer?: string })[];
}

export interface StackModel {
  files: string[];
  region: string;
  accountId: string;
  origin: string;
  userPools: (Entry<UserPoolArgs> & { id: string; arn: string })[];
  userPoolClients: (Entry<UserPoolClientArgs> & { id: string; secret?: string })[];
  resourceServers: Entry<ResourceServerArgs>[];
  identityProviders: Entry<IdentityProviderArgs>[];
  userGroups: Entry<UserGroupArgs>[];
  userPoolDomains: Entry<UserPoolDomainArgs>[];
  riskConfigurations: Entry<RiskConfigurationArgs>[];
  identityPools: (Entry<IdentityPoolArgs> & { id: string })[];
  identityPoolRoles: Entry<IdentityPoolRolesArgs>[];
  /** IAM roles with their trust policy and the inline policies attached to them (JSON text). */
  iamRoles: (Entry<IamRoleArgs> & {
    roleName: string;
    arn: string;
    trustPolicy?: string;
    policies: string[];
  })[];
  /** S3 buckets with the CORS rules and the bucket policy attached to them. */
  buckets: (Entry<z.output<typeof BucketArgs>> & {
    bucket: string;
    cors: BucketCorsArgs["cors_rule"];
    policy?: string;
  })[];
  functions: (Entry<LambdaFunctionArgs> & { functionName: string; arn: string })[];
  tables: Entry<DynamoDbTableArgs>[];
  httpApis: HttpApiModel[];
  /** The stack's outputs under `cdktf output`'s names with local values; those the emulator cannot resolve are left out. */
  outputs: Record<string, string>;
  /** Every resource of the stack, modelled or not (the start command lists what nothing serves). */
  resources: { type: string; name: string; address: string }[];
}

/** Resource types the model reads; every other type is listed in `resources` and otherwise ignored. */
/**
 * The resources whose every argument the loader must read: the Cognito settings a developer
 * configures. (Other resources carry arguments that mean nothing locally, such as a function's
 * memory size or a bucket's tags.)
 */
const STRICT_TYPES = new Set([
  "aws_cognito_user_pool",
  "aws_cognito_user_pool_client",
  "aws_cognito_identity_pool",
]);

export const MODELLED_TYPES = [
  "aws_cognito_user_pool",
  "aws_cognito_user_pool_client",
  "aws_cognito_user_group",
  "aws_cognito_resource_server",
  "aws_cognito_user_pool_domain",
  "aws_cognito_identity_provider",
  "aws_cognito_risk_configuration",
  "aws_cognito_identity_pool",
  "aws_cognito_identity_pool_roles_attachment",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_s3_bucket",
  "aws_s3_bucket_cors_configuration",
  "aws_s3_bucket_policy",
  "aws_lambda_function",
  "aws_dynamodb_table",
  "aws_apigatewayv2_api",
  "aws_apigatewayv2_authorizer",
  "aws_apigatewayv2_integration",
  "aws_apigatewayv2_route",
  "aws_apigatewayv2_stage",
] as const;

/** Reads every `cdk.tf.json` under `dir` once (through `reader`) and parses it into the model. */
export function loadStack(
  dir: string,
  context: LocalContext,
  reader: StackReader = fsStackReader,
): StackModel {
  return parseStack(readStackDocument(dir, reader), context);
}

/** Parses a stack document (one or more merged `cdk.tf.json`) into the model. */
export function parseStack(doc: StackDocument, context: LocalContext): StackModel {
  const refs = new ReferenceResolver(doc.resources, ownValues(context), context.overrides);
  const names = (type: string) => Object.keys(doc.resources[type] ?? {});
  const parse = <S extends z.ZodType>(schema: S, type: string, name: string): Entry<z.output<S>> => {
    const address = `${type}.${name}`;
    const raw = refs.args(type, name);
    if (STRICT_TYPES.has(type) && schema instanceof z.ZodObject) refuseUnreadArguments(address, schema, raw);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const attribute = attributePath(issue?.path ?? []);
      throw new StackError(
        { resource: address, ...(attribute ? { attribute } : {}) },
        issue?.message ?? "invalid arguments",
      );
    }
    return { name, address, args: parsed.data };
  };
  const all = <S extends z.ZodType>(schema: S, type: string) =>
    names(type).map((n) => parse(schema, type, n));
  const value = (type: string, name: string, attr: string) => refs.value(type, name, attr) as string;

  const iamRoles = all(IamRoleArgs, "aws_iam_role").map((role) => {
    const roleName = role.args.name ?? role.name;
    const policies = names("aws_iam_role_policy")
      .filter((p) => {
        const raw = refs.raw("aws_iam_role_policy", p).role;
        return referencedName(raw, "aws_iam_role") === role.name || raw === roleName;
      })
      .map((p) => unescapeLiteral(parse(IamRolePolicyArgs, "aws_iam_role_policy", p).args.policy));
    return {
      ...role,
      roleName,
      arn: value("aws_iam_role", role.name, "arn"),
      ...(role.args.assume_role_policy !== undefined
        ? { trustPolicy: unescapeLiteral(role.args.assume_role_policy) }
        : {}),
      policies,
    };
  });

  const buckets = all(BucketArgs, "aws_s3_bucket").map((b) => {
    const bucket = b.args.bucket ?? b.name;
    const belongs = (type: string) => (n: string) => {
      const raw = refs.raw(type, n).bucket;
      return referencedName(raw, "aws_s3_bucket") === b.name || raw === bucket;
    };
    const cors = names("aws_s3_bucket_cors_configuration")
      .filter(belongs("aws_s3_bucket_cors_configuration"))
      .flatMap((n) => parse(BucketCorsArgs, "aws_s3_bucket_cors_configuration", n).args.cors_rule);
    const policy = names("aws_s3_bucket_policy").find(belongs("aws_s3_bucket_policy"));
    return {
      ...b,
      bucket,
      cors,
      ...(policy !== undefined
        ? { policy: unescapeLiteral(parse(BucketPolicyArgs, "aws_s3_bucket_policy", policy).args.policy) }
        : {}),
    };
  });

  const functions = all(LambdaFunctionArgs, "aws_lambda_function").map((fn) => ({
    ...fn,
    functionName: fn.args.function_name,
    arn: value("aws_lambda_function", fn.name, "arn"),
  }));

  return {
    files: doc.files,
    region: context.region,
    accountId: context.accountId,
    origin: context.origin,
    userPools: all(UserPoolArgs, "aws_cognito_user_pool").map((p) => ({
      ...p,
      id: value("aws_cognito_user_pool", p.name, "id"),
      arn: value("aws_cognito_user_pool", p.name, "arn"),
    })),
    userPoolClients: all(UserPoolClientArgs, "aws_cognito_user_pool_client").map((c) => {
      const secret = c.args.generate_secret
        ? value("aws_cognito_user_pool_client", c.name, "client_secret")
        : "";
      return { ...c, id: value("aws_cognito_user_pool_client", c.name, "id"), ...(secret ? { secret } : {}) };
    }),
    resourceServers: all(ResourceServerArgs, "aws_cognito_resource_server"),
    identityProviders: all(IdentityProviderArgs, "aws_cognito_identity_provider"),
    userGroups: all(UserGroupArgs, "aws_cognito_user_group"),
    userPoolDomains: all(UserPoolDomainArgs, "aws_cognito_user_pool_domain"),
    riskConfigurations: all(RiskConfigurationArgs, "aws_cognito_risk_configuration"),
    identityPools: all(IdentityPoolArgs, "aws_cognito_identity_pool").map((p) => ({
      ...p,
      id: value("aws_cognito_identity_pool", p.name, "id"),
    })),
    identityPoolRoles: all(IdentityPoolRolesArgs, "aws_cognito_identity_pool_roles_attachment"),
    iamRoles,
    buckets,
    functions,
    tables: all(DynamoDbTableArgs, "aws_dynamodb_table"),
    httpApis: httpApis(refs, names, parse, functions),
    outputs: stackOutputs(doc, refs, context.origin),
    resources: Object.entries(doc.resources).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => ({ type, name, address: `${type}.${name}` })),
    ),
  };
}

function httpApis(
  refs: ReferenceResolver,
  names: (type: string) => string[],
  parse: <S extends z.ZodType>(schema: S, type: string, name: string) => Entry<z.output<S>>,
  functions: StackModel["functions"],
): HttpApiModel[] {
  const apiOf = (type: string, name: string) =>
    referencedName(refs.raw(type, name).api_id, "aws_apigatewayv2_api");
  // integration resource name → the name of the function it proxies to
  const integrations = new Map<string, string>();
  for (const name of names("aws_apigatewayv2_integration")) {
    const uri = refs.raw("aws_apigatewayv2_integration", name).integration_uri;
    const ref = /\$\{aws_lambda_function\.([A-Za-z0-9_-]+)\.(invoke_arn|arn)\}/.exec(String(uri ?? ""));
    const fn = functions.find((f) => f.name === ref?.[1]);
    if (fn) integrations.set(name, fn.functionName);
  }
  return names("aws_apigatewayv2_api").map((apiName) => {
    const api = parse(HttpApiArgs, "aws_apigatewayv2_api", apiName);
    const authorizers = names("aws_apigatewayv2_authorizer")
      .filter((n) => apiOf("aws_apigatewayv2_authorizer", n) === apiName)
      .map((n) => {
        const authorizer = parse(AuthorizerArgs, "aws_apigatewayv2_authorizer", n);
        if (!authorizer.args.jwt_configuration) {
          throw new StackError(
            { resource: authorizer.address, attribute: "jwt_configuration" },
            "only JWT authorizers are served locally, and this one has no jwt_configuration",
          );
        }
        return authorizer;
      });
    const routes = names("aws_apigatewayv2_route")
      .filter((n) => apiOf("aws_apigatewayv2_route", n) === apiName)
      .flatMap((n) => {
        const raw = refs.raw("aws_apigatewayv2_route", n);
        const target = /integrations\/\$\{aws_apigatewayv2_integration\.([A-Za-z0-9_-]+)\.id\}/.exec(
          String(raw.target ?? ""),
        );
        const functionName = target?.[1] ? integrations.get(target[1]) : undefined;
        if (!functionName) return [];
        const authorizer = referencedName(raw.authorizer_id, "aws_apigatewayv2_authorizer");
        return [
          {
            ...parse(RouteArgs, "aws_apigatewayv2_route", n),
            functionName,
            ...(authorizer ? { authorizer } : {}),
          },
        ];
      });
    return {
      ...api,
      id: refs.value("aws_apigatewayv2_api", apiName, "id") as string,
      authorizers,
      routes,
    };
  });
}
