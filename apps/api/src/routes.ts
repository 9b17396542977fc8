/**
 * The one route table of the HTTP API. Infra builds the API Gateway routes, their JWT authorizer
 * scopes and one Lambda per handler from it; the local gateway serves the same table offline.
 *
 * - `path` uses API Gateway's syntax (`/notes/{noteId}`).
 * - `scopes`: the route's authorization scopes. As in API Gateway, a token needs **one** of them;
 *   the gateway checks them before the Lambda runs, and the Lambda checks them again.
 * - `groups`: Cognito groups the caller must belong to (one of), checked in the Lambda (API Gateway
 *   JWT authorizers cannot check groups).
 * - `principal`: `"user"` routes refuse client_credentials tokens; `"client"` routes accept only them.
 * - `handler`: the file `src/handlers/<handler>.ts`, bundled to `dist/<handler>/index.js`.
 */
export const routes = [
  { method: "GET", path: "/me", handler: "get-me", scopes: ["api/read"], groups: [], principal: "user" },
  {
    method: "DELETE",
    path: "/me",
    handler: "delete-me",
    scopes: ["api/write"],
    groups: [],
    principal: "user",
  },
  {
    method: "GET",
    path: "/dashboard",
    handler: "get-dashboard",
    scopes: ["api/read"],
    groups: [],
    principal: "user",
  },
  {
    method: "GET",
    path: "/notes",
    handler: "list-notes",
    scopes: ["api/read"],
    groups: [],
    principal: "user",
  },
  {
    method: "POST",
    path: "/notes",
    handler: "create-note",
    scopes: ["api/write"],
    groups: [],
    principal: "user",
  },
  {
    method: "GET",
    path: "/notes/{noteId}",
    handler: "get-note",
    scopes: ["api/read"],
    groups: [],
    principal: "user",
  },
  {
    method: "DELETE",
    path: "/notes/{noteId}",
    handler: "delete-note",
    scopes: ["api/write"],
    groups: [],
    principal: "user",
  },
  {
    method: "GET",
    path: "/admin/users",
    handler: "list-users",
    scopes: ["api/read"],
    groups: ["admins"],
    principal: "user",
  },
  {
    method: "GET",
    path: "/service/health",
    handler: "get-service-health",
    scopes: ["api/read"],
    groups: [],
    principal: "client",
  },
] as const satisfies readonly RouteDefinition[];

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteDefinition {
  method: HttpMethod;
  path: `/${string}`;
  handler: string;
  scopes: readonly string[];
  groups: readonly string[];
  principal: "user" | "client";
}

export type Route = (typeof routes)[number];
export type RouteHandlerName = Route["handler"];

/** `"GET /notes/{noteId}"`: API Gateway's route key. */
export function routeKey(route: Pick<RouteDefinition, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}

/** The route whose key is given, for handlers that check their own route's requirements. */
export function routeByHandler(handler: RouteHandlerName): Route {
  const route = routes.find((r) => r.handler === handler);
  if (!route) throw new TypeError(`No route for handler ${handler}`);
  return route;
}
