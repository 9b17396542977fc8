import { type AuthConfig, loadAuthConfig } from "@repo/auth-shared/config";
import { ConfigError, csv, type EnvSource, parseEnv } from "@repo/env";
import { z } from "zod";

/**
 * The only reader of `process.env` in the API package. Route handlers and triggers read different
 * variables (see `functions.ts`): triggers get the pool from the event, not from their environment.
 */
const Common = z.object({
  APP_TABLE: z.string({ error: "APP_TABLE is required" }).min(3).max(255),
  AWS_REGION: z.string().min(1).optional(),
  /** Local only: the DynamoDB-compatible store's endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Local only: the Cognito emulator's endpoint for the user-pool API. */
  COGNITO_ENDPOINT: z.url().optional(),
});

const TriggerOnly = z.object({
  APP_NAME: z.string().min(1).default("Acme Notes"),
  APP_URL: z.url().default("http://localhost:3000"),
  /** Extra email domains refused at sign-up, comma-separated, on top of the disposable-domain list. */
  BLOCKED_EMAIL_DOMAINS: csv((d) => d.toLowerCase()),
});

export interface AwsEndpoints {
  region: string | undefined;
  dynamodbEndpoint: string | undefined;
  cognitoEndpoint: string | undefined;
}

export interface RouteConfig extends AwsEndpoints {
  auth: AuthConfig;
  appTable: string;
}

export interface TriggerConfig extends AwsEndpoints {
  appTable: string;
  appName: string;
  appUrl: string;
  blockedEmailDomains: string[];
}

export { ConfigError };

type Source = EnvSource;

function endpoints(env: z.output<typeof Common>): AwsEndpoints {
  return {
    region: env.AWS_REGION,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT,
    cognitoEndpoint: env.COGNITO_ENDPOINT,
  };
}

/** Config of an HTTP route handler; throws {@link ConfigError}. */
export function loadRouteConfig(source: Source = process.env): RouteConfig {
  const env = parseEnv(Common, source, "API route");
  let auth: AuthConfig;
  try {
    auth = loadAuthConfig(source);
  } catch (err) {
    throw new ConfigError((err as Error).message, { cause: err });
  }
  return {
    ...endpoints(env),
    region: env.AWS_REGION ?? auth.userPoolId.split("_")[0],
    auth,
    appTable: env.APP_TABLE,
  };
}

/** Config of a Cognito trigger; throws {@link ConfigError}. */
export function loadTriggerConfig(source: Source = process.env): TriggerConfig {
  const env = parseEnv(Common.extend(TriggerOnly.shape), source, "trigger");
  return {
    ...endpoints(env),
    appTable: env.APP_TABLE,
    appName: env.APP_NAME,
    appUrl: env.APP_URL,
    blockedEmailDomains: env.BLOCKED_EMAIL_DOMAINS,
  };
}
