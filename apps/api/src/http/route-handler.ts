import type { AccessTokenClaims } from "@repo/auth-shared/claims";
import { isClientCredentialsToken } from "@repo/auth-shared/claims";
import { bearerTokenFrom, createTokenVerifiers, type TokenVerifiers } from "@repo/auth-shared/verifier";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { loadRouteConfig, type RouteConfig } from "../config";
import { type RouteHandlerName, routeByHandler } from "../routes";
import { ForbiddenError, toHttpResponse } from "./errors";
import { header } from "./request";

export interface RouteContext {
  event: APIGatewayProxyEventV2;
  claims: AccessTokenClaims;
  config: RouteConfig;
}

export type RouteImplementation = (ctx: RouteContext) => Promise<APIGatewayProxyStructuredResultV2>;
export type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Wraps a route implementation into a Lambda handler that verifies the bearer token again
 * (defense in depth behind API Gateway's JWT authorizer) with the route's scopes (one of, as API
 * Gateway), groups and principal from `routes.ts`, and turns every error into a JSON response.
 * Config and verifiers are built once per cold start, on first use.
 */
export function routeHandler(name: RouteHandlerName, implementation: RouteImplementation): LambdaHandler {
  const route = routeByHandler(name);
  let state: { config: RouteConfig; verifiers: TokenVerifiers } | undefined;
  return async (event) => {
    try {
      state ??= init();
      const token = bearerTokenFrom(header(event, "authorization"));
      const claims = await state.verifiers.verifyAccessToken(token, {
        scopes: route.scopes,
        scopeMatch: "any",
        groups: route.groups,
      });
      const machine = isClientCredentialsToken(claims);
      if (route.principal === "user" && machine) throw new ForbiddenError("This route needs a user's token");
      if (route.principal === "client" && !machine)
        throw new ForbiddenError("This route needs a client_credentials token");
      return await implementation({ event, claims, config: state.config });
    } catch (err) {
      return toHttpResponse(err, event.requestContext?.requestId);
    }
  };
}

function init() {
  const config = loadRouteConfig();
  return { config, verifiers: createTokenVerifiers(config.auth) };
}
