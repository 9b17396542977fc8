import { type RouteHandlerName, routes } from "./routes";

/**
 * Every Lambda function of the API package, and what infra and the local gateway must give it.
 * Bundles land in `dist/<name>/index.js` with `export const handler` (`index.handler`).
 */

/** Cognito user-pool triggers: LambdaConfig key → function name (`src/triggers/<name>.ts`). */
export const triggers = {
  PreSignUp: "pre-sign-up",
  PostConfirmation: "post-confirmation",
  CustomMessage: "custom-message",
  PreTokenGeneration: "pre-token-generation",
} as const;

export type TriggerName = (typeof triggers)[keyof typeof triggers];
export type FunctionName = RouteHandlerName | TriggerName;

export const routeFunctions: readonly RouteHandlerName[] = routes.map((r) => r.handler);
export const triggerFunctions: readonly TriggerName[] = Object.values(triggers);

/**
 * Environment variables each kind of function reads (see `src/config.ts`).
 * Route handlers verify tokens and use the app table; triggers get the pool from the event
 * (wiring the pool ID into a trigger's environment would be a dependency cycle in Terraform).
 */
export const routeEnvironment = [
  "COGNITO_USER_POOL_ID",
  "COGNITO_CLIENT_IDS",
  "APP_TABLE",
  // Local only: where to fetch the pool's keys and reach the local services.
  "COGNITO_JWKS_URL",
  "COGNITO_ENDPOINT",
  "DYNAMODB_ENDPOINT",
] as const;

export const triggerEnvironment = [
  "APP_TABLE",
  "APP_NAME",
  "APP_URL",
  "BLOCKED_EMAIL_DOMAINS",
  "COGNITO_ENDPOINT",
  "DYNAMODB_ENDPOINT",
] as const;

/** The app table (notes and profiles): one table, `pk`/`sk` string keys. */
export const appTableKeySchema = { partitionKey: "pk", sortKey: "sk" } as const;
