import type { TestPool } from "@repo/auth-shared/testing";

/** The environment a route handler gets from infra, pointed at the test pool and local store. */
export function routeEnv(pool: TestPool, dynamoEndpoint: string, table: string): Record<string, string> {
  return {
    COGNITO_USER_POOL_ID: pool.userPoolId,
    COGNITO_CLIENT_IDS: `${pool.clientId},serverclient000000000000000`,
    COGNITO_JWKS_URL: pool.jwks.url,
    APP_TABLE: table,
    AWS_REGION: "us-east-1",
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    COGNITO_ENDPOINT: "http://127.0.0.1:9",
  };
}
