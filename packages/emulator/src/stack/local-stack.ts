import type { HttpApiDefinition } from "../api-gateway/types";
import type { Clock } from "../clock";
import { type LocalDynamoDb, startLocalDynamoDb } from "../dynamodb/local-dynamodb";
import { tablesOf } from "../dynamodb/tables";
import { LambdaRuntime } from "../lambda/runtime";
import { lambdaTriggerRunner } from "../triggers/lambda-runner";
import type { TriggerRunner } from "../triggers/runner";
import { bundleDirResolver, httpApisOf, lambdaFunctionsOf } from "./http-apis";
import type { StackModel } from "./model";

export interface LocalStackOptions {
  /** `apps/api/dist`: the bundles infra zips. */
  apiDist: string;
  clock: Clock;
  dynamodb?: { port?: number; path?: string };
}

/** Resource types the local stack serves (Cognito's are the user-pool builder's). */
const SERVED = new Set([
  "aws_apigatewayv2_api",
  "aws_apigatewayv2_authorizer",
  "aws_apigatewayv2_integration",
  "aws_apigatewayv2_route",
  "aws_apigatewayv2_stage",
  "aws_lambda_function",
  "aws_lambda_permission",
  "aws_dynamodb_table",
  // Served by the identity-pool and S3 services (src/cognito-identity/from-stack.ts).
  "aws_cognito_identity_pool",
  "aws_cognito_identity_pool_roles_attachment",
  "aws_iam_role",
  "aws_iam_role_policy",
  "aws_s3_bucket",
  "aws_s3_bucket_cors_configuration",
  "aws_s3_bucket_policy",
]);

export interface LocalStack {
  model: StackModel;
  apis: HttpApiDefinition[];
  /** The stack's one Lambda runtime: the gateway's routes and the pools' triggers run in it. */
  runtime: LambdaRuntime;
  dynamo: LocalDynamoDb;
  /** Runs the pool's Lambda triggers in `runtime`. */
  triggers: TriggerRunner;
  /** The stack's outputs under `cdktf output`'s names, with local values. */
  outputs(): Record<string, string>;
  /** Resource types in the stack that nothing in the emulator serves (listed at start). */
  notServed(cognitoTypes: ReadonlySet<string>): string[];
  close(): Promise<void>;
}

/**
 * Builds the non-Cognito half of the local stack from the model: the DynamoDB tables, the one
 * Lambda runtime with every function (the same bundles, their environment resolved to local
 * values plus the local endpoints), the HTTP APIs for the gateway.
 */
export async function startLocalStack(model: StackModel, opts: LocalStackOptions): Promise<LocalStack> {
  // Everything that can refuse the stack comes before anything starts.
  const apis = httpApisOf(model);
  const functions = lambdaFunctionsOf(model, bundleDirResolver(opts.apiDist));
  const dynamo = await startLocalDynamoDb({
    ...opts.dynamodb,
    tables: tablesOf(model.tables),
    clock: opts.clock,
    sweepEveryMs: 60_000,
  });
  // What only the local world needs: where DynamoDB, the user-pool API and the pool's keys are.
  const local = { DYNAMODB_ENDPOINT: dynamo.endpoint, COGNITO_ENDPOINT: model.origin };
  const runtime = new LambdaRuntime(model.region, local);
  for (const fn of functions) {
    const poolId = fn.environment.COGNITO_USER_POOL_ID;
    runtime.register({
      ...fn,
      environment: {
        ...fn.environment,
        ...local,
        ...(poolId ? { COGNITO_JWKS_URL: `${model.origin}/${poolId}/.well-known/jwks.json` } : {}),
      },
    });
  }
  return {
    model,
    apis,
    runtime,
    dynamo,
    triggers: lambdaTriggerRunner(runtime),
    outputs: () => model.outputs,
    notServed: (cognitoTypes) =>
      [...new Set(model.resources.map((r) => r.type))]
        .filter((t) => !SERVED.has(t) && !cognitoTypes.has(t))
        .sort(),
    close: async () => {
      await runtime.close();
      await dynamo.close();
    },
  };
}
