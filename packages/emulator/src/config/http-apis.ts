import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { HttpApiDefinition, HttpRouteDefinition } from "../api-gateway/types";
import type { LambdaFunctionDefinition } from "../lambda/runtime";
import { type AttributeResolver, resolveReferences, type TerraformStack } from "./terraform";

type Resource = Record<string, unknown>;

export interface HttpApisFromTerraform {
  apis: HttpApiDefinition[];
  functions: LambdaFunctionDefinition[];
}

/**
 * The HTTP APIs (routes, JWT authorizers, CORS, Lambda proxy integrations) and Lambda functions
 * of a synthesized stack, with references resolved to local values. A function's code is the
 * folder its `TerraformAsset` was built from (`assetDirs`: asset hash → folder), else the
 * folder of its `filename` archive named like the function.
 */
export function httpApisFromTerraform(
  stack: TerraformStack,
  resolve: AttributeResolver,
  opts: {
    region: string;
    accountId: string;
    codeDirFor: (fn: { name: string; filename?: string }) => string;
  },
): HttpApisFromTerraform {
  const r = (type: string) => stack.resources[type] ?? {};
  const functions: LambdaFunctionDefinition[] = [];
  const functionByResource = new Map<string, string>();
  for (const [name, raw] of Object.entries(r("aws_lambda_function"))) {
    const fn = resolveReferences(raw, resolveLenient(resolve)) as Resource;
    const fnName = String(fn.function_name);
    functionByResource.set(name, fnName);
    const env = ((fn.environment as { variables?: Record<string, string> } | undefined)?.variables ??
      {}) as Record<string, string>;
    functions.push({
      name: fnName,
      codeDir: opts.codeDirFor({ name: fnName, filename: fn.filename as string | undefined }),
      handler: String(fn.handler ?? "index.handler"),
      environment: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])),
      timeoutSeconds: Number(fn.timeout ?? 3),
      memoryMb: Number(fn.memory_size ?? 128),
      arn: `arn:aws:lambda:${opts.region}:${opts.accountId}:function:${fnName}`,
    });
  }

  const integrations = new Map<string, string>(); // integration resource name → function name
  for (const [name, raw] of Object.entries(r("aws_apigatewayv2_integration"))) {
    const uri = String(raw.integration_uri ?? "");
    const ref = /\$\{aws_lambda_function\.([A-Za-z0-9_-]+)\.(invoke_arn|arn)\}/.exec(uri);
    const fnName = ref?.[1] ? functionByResource.get(ref[1]) : undefined;
    if (fnName) integrations.set(name, fnName);
  }

  const apis: HttpApiDefinition[] = [];
  for (const [apiResource, rawApi] of Object.entries(r("aws_apigatewayv2_api"))) {
    const api = resolveReferences(rawApi, resolveLenient(resolve)) as Resource;
    const belongs = (res: Resource) =>
      String(res.api_id ?? "").includes(`aws_apigatewayv2_api.${apiResource}.`);
    const authorizers: HttpApiDefinition["authorizers"] = {};
    for (const [authName, raw] of Object.entries(r("aws_apigatewayv2_authorizer")).filter(([, v]) =>
      belongs(v),
    )) {
      const a = raw as Resource;
      // The issuer and audiences must resolve to the local pool and clients, or nothing verifies.
      const jwt = resolveReferences(a.jwt_configuration, resolve) as { issuer: string; audience: string[] };
      authorizers[authName] = {
        name: String(a.name),
        identitySource: ((a.identity_sources as string[] | undefined) ?? [
          "$request.header.Authorization",
        ])[0] as string,
        issuer: jwt.issuer,
        audience: jwt.audience,
      };
    }
    const routes: HttpRouteDefinition[] = [];
    for (const raw of Object.values(r("aws_apigatewayv2_route")).filter(belongs)) {
      const target = /integrations\/\$\{aws_apigatewayv2_integration\.([A-Za-z0-9_-]+)\.id\}/.exec(
        String(raw.target ?? ""),
      );
      const functionName = target?.[1] ? integrations.get(target[1]) : undefined;
      if (!functionName) continue;
      const authorizer = /\$\{aws_apigatewayv2_authorizer\.([A-Za-z0-9_-]+)\.id\}/.exec(
        String(raw.authorizer_id ?? ""),
      );
      routes.push({
        routeKey: String(raw.route_key),
        authorizationType: raw.authorization_type === "JWT" ? "JWT" : "NONE",
        ...(authorizer?.[1] ? { authorizerId: authorizer[1] } : {}),
        ...(Array.isArray(raw.authorization_scopes)
          ? { authorizationScopes: raw.authorization_scopes as string[] }
          : {}),
        functionName,
      });
    }
    const cors = api.cors_configuration as
      | {
          allow_origins?: string[];
          allow_methods?: string[];
          allow_headers?: string[];
          expose_headers?: string[];
          allow_credentials?: boolean;
          max_age?: number;
        }
      | undefined;
    apis.push({
      name: String(api.name),
      id: localApiId(String(api.name)),
      routes,
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
    });
  }
  return { apis, functions };
}

/** A stable 10-character API ID, as API Gateway's look. */
function localApiId(name: string): string {
  let h = 0;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h.toString(36).padStart(10, "0").slice(-10);
}

/** Leaves references the emulator does not model (roles, log groups) as they are. */
function resolveLenient(resolve: AttributeResolver): AttributeResolver {
  return (type, name, attr) => resolve(type, name, attr) ?? `\${${type}.${name}.${attr}}`;
}

/**
 * Finds a function's bundle in `apps/api/dist/`: the folder whose name ends the function's name
 * (`acme-notes-local-create-note` → `dist/create-note/`), longest match first.
 */
export function bundleDirResolver(apiDist: string) {
  const bundles = existsSync(apiDist)
    ? readdirSync(apiDist)
        .filter((d) => existsSync(join(apiDist, d, "index.js")))
        .sort((a, b) => b.length - a.length)
    : [];
  return ({ name }: { name: string }): string => {
    const match = bundles.find((b) => name === b || name.endsWith(`-${b}`));
    return join(apiDist, match ?? name);
  };
}
