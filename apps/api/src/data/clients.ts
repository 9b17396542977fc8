import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AwsEndpoints } from "../config";

/**
 * AWS clients, one per cold start. Against AWS the region and credentials come from the Lambda
 * environment; locally the endpoints point at the emulator and the local DynamoDB store.
 */
const cache = new Map<string, unknown>();

function once<T>(key: string, create: () => T): T {
  if (!cache.has(key)) cache.set(key, create());
  return cache.get(key) as T;
}

const localCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export function documentClient(cfg: AwsEndpoints): DynamoDBDocumentClient {
  return once(`ddb:${cfg.dynamodbEndpoint ?? "aws"}:${cfg.region}`, () =>
    DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: cfg.region,
        maxAttempts: 2,
        ...(cfg.dynamodbEndpoint ? { endpoint: cfg.dynamodbEndpoint, credentials: localCredentials } : {}),
      }),
      { marshallOptions: { removeUndefinedValues: true } },
    ),
  );
}

export function cognitoClient(cfg: AwsEndpoints): CognitoIdentityProviderClient {
  return once(
    `idp:${cfg.cognitoEndpoint ?? "aws"}:${cfg.region}`,
    () =>
      new CognitoIdentityProviderClient({
        region: cfg.region,
        maxAttempts: 2,
        ...(cfg.cognitoEndpoint ? { endpoint: cfg.cognitoEndpoint, credentials: localCredentials } : {}),
      }),
  );
}
