/**
 * The HTTP API's contract: the request and response shapes of every route as zod schemas, shared
 * by the Lambda handlers (which parse requests and build responses with them) and the web app
 * (which builds requests and parses every answer with them).
 *
 * @module
 */
export * from "./admin-users";
export * from "./dashboard";
export * from "./endpoints";
export * from "./errors";
export * from "./me";
export * from "./notes";
export * from "./service-health";
export * from "./wire";
