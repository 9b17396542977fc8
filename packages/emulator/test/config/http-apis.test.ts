import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleDirResolver, httpApisOf, lambdaFunctionsOf, loadStack } from "../../src/stack";

// The real synthesized `local` stage and the real Lambda bundles (turbo builds both first).
const repo = join(fileURLToPath(new URL(".", import.meta.url)), "../../../..");
const apiDist = join(repo, "apps/api/dist");

// Table names resolve to the tables' own; the pool and clients to these.
const resolve = (type: string, name: string, attr: string): string | undefined => {
  if (type === "aws_cognito_user_pool" && attr === "id") return "us-east-1_LocalPool1";
  if (type === "aws_cognito_user_pool_client" && attr === "id") return `client-${name.split("_")[2]}`;
  return undefined;
};
const stack = loadStack(join(repo, "packages/infra/cdktf.out/stacks/local"), {
  region: "us-east-1",
  accountId: "123456789012",
  origin: "http://127.0.0.1:9229",
  secretSeed: "http-apis-test",
  overrides: resolve,
});

describe("httpApisFromTerraform (local stage)", () => {
  const apis = httpApisOf(stack);
  const functions = lambdaFunctionsOf(stack, bundleDirResolver(apiDist));

  it("reads the HTTP API with one route per entry of apps/api's route table", () => {
    expect(apis).toHaveLength(1);
    const routes = apis[0]?.routes.map(
      (r) => `${r.routeKey} ${r.authorizationType} ${r.authorizationScopes?.join(",")}`,
    );
    expect(routes?.sort()).toEqual(
      [
        "DELETE /notes/{noteId} JWT api/write",
        "DELETE /me JWT api/write",
        "GET /admin/users JWT api/read",
        "GET /dashboard JWT api/read",
        "GET /me JWT api/read",
        "GET /notes JWT api/read",
        "GET /notes/{noteId} JWT api/read",
        "GET /service/health JWT api/read",
        "POST /notes JWT api/write",
      ].sort(),
    );
  });

  it("resolves the JWT authorizer's issuer and audiences to the local pool and clients", () => {
    const [authorizer] = Object.values(apis[0]?.authorizers ?? {});
    expect(authorizer?.issuer).toBe("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalPool1");
    expect(authorizer?.audience).toHaveLength(3);
    expect(authorizer?.audience.every((a) => a.startsWith("client-"))).toBe(true);
  });

  it("keeps the API's CORS configuration", () => {
    expect(apis[0]?.cors?.allowOrigins).toContain("http://localhost:3000");
    expect(apis[0]?.cors?.allowCredentials).toBe(true);
  });

  it("finds every function's bundle and resolves its environment", () => {
    const routeFunctions = new Set(apis[0]?.routes.map((r) => r.functionName));
    for (const name of routeFunctions) {
      const fn = functions.find((f) => f.name === name);
      expect(fn, name).toBeDefined();
      expect(existsSync(join(fn?.codeDir ?? "", "index.js")), `${name} bundle`).toBe(true);
      expect(fn?.environment.COGNITO_USER_POOL_ID).toBe("us-east-1_LocalPool1");
      expect(fn?.environment.APP_TABLE).toMatch(/-app$/);
      expect(fn?.runtime).toBe("nodejs22.x");
    }
  });

  it("refuses a function whose runtime is not Node.js, naming it", () => {
    const [first] = stack.functions;
    if (!first) throw new Error("the local stage has functions");
    const python = { ...stack, functions: [{ ...first, args: { ...first.args, runtime: "python3.13" } }] };
    expect(() => lambdaFunctionsOf(python, bundleDirResolver(apiDist))).toThrow(
      `${first.address}: runtime: python3.13 is not supported by the local emulator: it runs Node.js functions only`,
    );
  });
});
