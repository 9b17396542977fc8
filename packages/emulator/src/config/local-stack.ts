import type { HttpApiDefinition } from "../api-gateway/types";
import type { Clock } from "../clock";
import { type LocalDynamoDb, startLocalDynamoDb } from "../dynamodb/local-dynamodb";
import { tablesFromTerraform } from "../dynamodb/tables";
import { LambdaFunctionError, LambdaInvocationError, LambdaRuntime } from "../lambda/runtime";
import { TriggerInvocationError, type TriggerRunner } from "../triggers/runner";
import { bundleDirResolver, httpApisFromTerraform } from "./http-apis";
import { localResolver, stackOutputs } from "./outputs";
import { type AttributeResolver, loadTerraform, resolveReferences, type TerraformStack } from "./terraform";

export interface LocalStackOptions {
  /** A synthesized stack folder (or a `cdktf.out`). */
  infraDir: string;
  /** `apps/api/dist`: the bundles infra zips. */
  apiDist: string;
  /** The emulator's origin, e.g. `http://127.0.0.1:9229` (known once it listens). */
  origin: () => string;
  region: string;
  accountId: string;
  clock: Clock;
  /** Resolves the attributes of Cognito resources to the local pool, clients and domain. */
  cognito: AttributeResolver;
  dynamodb?: { port?: number; path?: string };
}

/** Resource types the local stack serves (Cognito's are the user-pool loader's). */
const SERVED = new Set([
  "aws_apigatewayv2_api",
  "aws_apigatewayv2_authorizer",
  "aws_apigatewayv2_integration",
  "aws_apigatewayv2_route",
  "aws_apigatewayv2_stage",
  "aws_lambda_function",
  "aws_lambda_permission",
  "aws_dynamodb_table",
  // Served by the identity-pool and S3 services (src/cognito-identity/from-terraform.ts).
  "aws_cognito_identity_pool",
  "aws_cognito_identity_pool_roles_attachment",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_s3_bucket",
  "aws_s3_bucket_cors_configuration",
  "aws_s3_bucket_policy",
]);

export interface LocalStack {
  stack: TerraformStack;
  apis: HttpApiDefinition[];
  runtime: LambdaRuntime;
  dynamo: LocalDynamoDb;
  /** Runs the pool's Lambda triggers with the same bundles. */
  triggers: TriggerRunner;
  outputs(): Record<string, string>;
  /** Resource types in the stack that nothing in the emulator serves (listed at start). */
  notServed(cognitoTypes: ReadonlySet<string>): string[];
  close(): Promise<void>;
}

/**
 * Builds the non-Cognito half of the local stack from the synthesized infra: the DynamoDB
 * tables, the Lambda functions (the same bundles) with their environment resolved to local
 * values, the HTTP APIs for the gateway, the stack outputs.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const stack = loadTerraform(opts.infraDir);
  const resolve = (): AttributeResolver =>
    localResolver(stack, opts.origin(), {
      region: opts.region,
      accountId: opts.accountId,
      cognito: opts.cognito,
    });

  const tables = tablesFromTerraform(
    resolveReferences(stack.resources.aws_dynamodb_table ?? {}, resolve()) as unknown as Parameters<
      typeof tablesFromTerraform
    >[0],
  );
  const dynamo = await startLocalDynamoDb({
    ...opts.dynamodb,
    tables,
    clock: opts.clock,
    sweepEveryMs: 60_000,
  });

  const { apis, functions } = httpApisFromTerraform(stack, resolve(), {
    region: opts.region,
    accountId: opts.accountId,
    codeDirFor: bundleDirResolver(opts.apiDist),
  });
  // What only the local world needs: where DynamoDB, the user-pool API and the pool's keys are.
  const runtime = new LambdaRuntime(opts.region, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    COGNITO_ENDPOINT: opts.origin(),
  });
  for (const fn of functions) {
    const poolId = fn.environment.COGNITO_USER_POOL_ID;
    runtime.register({
      ...fn,
      environment: {
        ...fn.environment,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        COGNITO_ENDPOINT: opts.origin(),
        ...(poolId ? { COGNITO_JWKS_URL: `${opts.origin()}/${poolId}/.well-known/jwks.json` } : {}),
      },
    });
  }

  const triggers: TriggerRunner = {
    async invoke(lambdaArn, event) {
      try {
        return await runtime.invoke(lambdaArn, event);
      } catch (err) {
        if (err instanceof LambdaFunctionError) throw new Error(err.errorMessage, { cause: err });
        if (err instanceof LambdaInvocationError) throw new TriggerInvocationError(err.message);
        throw err;
      }
    },
  };

  return {
    stack,
    apis,
    runtime,
    dynamo,
    triggers,
    outputs: () => stackOutputs(stack, resolve(), opts.origin()),
    notServed: (cognitoTypes) =>
      Object.keys(stack.resources)
        .filter((t) => !SERVED.has(t) && !cognitoTypes.has(t))
        .sort(),
    close: async () => {
      await runtime.close();
      await dynamo.close();
    },
  };
}
