import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { HttpApiDefinition } from "../api-gateway/types";
import type { LambdaFunctionDefinition } from "../lambda/runtime";
import { StackError } from "./errors";
import type { StackModel } from "./model";
import { isUnresolved } from "./references";

/** Where a function's code is: the folder holding its bundle's `index.js`. */
export type CodeDirResolver = (fn: { name: string; filename?: string }) => string;

/**
 * The stack's Lambda functions as the runtime runs them: the bundle folder `codeDirFor` finds for
 * each, its handler, limits and environment (references resolved to local values).
 */
export function lambdaFunctionsOf(
  model: StackModel,
  codeDirFor: CodeDirResolver,
): LambdaFunctionDefinition[] {
  return model.functions.map(({ functionName, arn, args, address }) => ({
    ...runtimeOf(address, args.runtime),
    name: functionName,
    codeDir: codeDirFor({ name: functionName, ...(args.filename ? { filename: args.filename } : {}) }),
    handler: args.handler ?? "index.handler",
    environment: args.environment?.variables ?? {},
    timeoutSeconds: args.timeout ?? 3,
    memoryMb: args.memory_size ?? 128,
    arn,
  }));
}

/** Only Node.js functions run here (in worker threads); any other runtime is refused by name. */
function runtimeOf(address: string, runtime: string | undefined): { runtime?: string } {
  if (runtime === undefined) return {};
  if (!/^nodejs\d+\.x$/.test(runtime)) {
    throw new StackError(
      { resource: address, attribute: "runtime" },
      `${runtime} is not supported by the local emulator: it runs Node.js functions only`,
    );
  }
  return { runtime };
}

/**
 * The HTTP APIs for the gateway: routes with a Lambda proxy integration, JWT authorizers, CORS.
 * An authorizer's issuer and audiences must resolve to local values, or nothing would verify.
 */
export function httpApisOf(model: StackModel): HttpApiDefinition[] {
  return model.httpApis.map((api) => {
    const authorizers: HttpApiDefinition["authorizers"] = {};
    for (const a of api.authorizers) {
      const jwt = a.args.jwt_configuration as NonNullable<typeof a.args.jwt_configuration>;
      for (const [attribute, value] of [
        ["jwt_configuration.issuer", jwt.issuer],
        ["jwt_configuration.audience", jwt.audience],
      ] as const) {
        if (isUnresolved(value)) {
          throw new StackError(
            { resource: a.address, attribute },
            `${JSON.stringify(value)} refers to something the emulator has no local value for`,
          );
        }
      }
      authorizers[a.name] = {
        name: a.args.name,
        identitySource: a.args.identity_sources?.[0] ?? "$request.header.Authorization",
        issuer: jwt.issuer,
        audience: jwt.audience ?? [],
      };
    }
    const cors = api.args.cors_configuration;
    // API Gateway refuses credentials with the wildcard origin: the browser would send cookies
    // and Authorization headers to any site that asks.
    if (cors?.allow_credentials && (cors.allow_origins ?? []).includes("*")) {
      throw new StackError(
        { resource: api.address, attribute: "cors_configuration" },
        'allow_credentials cannot be true when allow_origins is "*" (API Gateway refuses this CORS configuration)',
      );
    }
    return {
      name: api.args.name,
      id: api.id,
      routes: api.routes.map((r) => ({
        routeKey: r.args.route_key,
        authorizationType: r.args.authorization_type === "JWT" ? "JWT" : "NONE",
        ...(r.authorizer ? { authorizerId: r.authorizer } : {}),
        ...(r.args.authorization_scopes ? { authorizationScopes: r.args.authorization_scopes } : {}),
        functionName: r.functionName,
      })),
      authorizers,
      ...(cors
        ? {
            cors: {
              allowOrigins: cors.allow_origins ?? [],
              allowMethods: (cors.allow_methods ?? []).map((m) => m.toUpperCase()),
              allowHeaders: (cors.allow_headers ?? []).map((h) => h.toLowerCase()),
              exposeHeaders: cors.expose_headers ?? [],
              allowCredentials: cors.allow_credentials ?? false,
              ...(cors.max_age !== undefined ? { maxAge: cors.max_age } : {}),
            },
          }
        : {}),
    };
  });
}

/**
 * Finds a function's bundle in `apps/api/dist/`: the folder whose name ends the function's name
 * (`acme-notes-local-create-note` → `dist/create-note/`), longest match first.
 */
export function bundleDirResolver(apiDist: string): CodeDirResolver {
  const bundles = existsSync(apiDist)
    ? readdirSync(apiDist)
        .filter((d) => existsSync(join(apiDist, d, "index.js")))
        .sort((a, b) => b.length - a.length)
    : [];
  return ({ name }) => {
    const match = bundles.find((b) => name === b || name.endsWith(`-${b}`));
    return join(apiDist, match ?? name);
  };
}
