import type { LambdaHandler } from "../http/route-handler";
import type { RouteHandlerName } from "../routes";

/** Every route handler module, loaded lazily (as Lambda does on a cold start). */
export const routeModules: Record<RouteHandlerName, () => Promise<{ handler: LambdaHandler }>> = {
  "get-me": () => import("../handlers/get-me"),
  "list-notes": () => import("../handlers/list-notes"),
  "create-note": () => import("../handlers/create-note"),
  "get-note": () => import("../handlers/get-note"),
  "delete-note": () => import("../handlers/delete-note"),
  "list-users": () => import("../handlers/list-users"),
  "get-service-health": () => import("../handlers/get-service-health"),
};
