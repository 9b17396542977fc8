import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountApiGateway } from "../../src/api-gateway";
import { issuerOf } from "../../src/cognito-idp/pools";
import { poolJwks } from "../../src/cognito-idp/tokens";
import { type LocalStack, loadStack, startLocalStack } from "../../src/stack";
import { useEmulator } from "../support/emulator";

// The real synthesized `local` stage and the real Lambda bundles, behind the local gateway, with
// an access token issued by the emulator's token endpoint (client_credentials).
const repo = join(fileURLToPath(new URL(".", import.meta.url)), "../../../..");
describe("local stack from the synthesized infra", () => {
  const ctx = useEmulator();
  let stack: LocalStack;
  let gatewayUrl: string;
  let closeGateway: () => void;
  let poolId: string;
  let clientId: string;
  let clientSecret: string;

  beforeAll(async () => {
    const pool = await ctx.client.send(new CreateUserPoolCommand({ PoolName: "acme-notes-local-users" }));
    poolId = pool.UserPool?.Id as string;
    await ctx.client.send(
      new CreateResourceServerCommand({
        UserPoolId: poolId,
        Identifier: "api",
        Name: "API",
        Scopes: [
          { ScopeName: "read", ScopeDescription: "read" },
          { ScopeName: "write", ScopeDescription: "write" },
        ],
      }),
    );
    const client = await ctx.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: "server",
        GenerateSecret: true,
        AllowedOAuthFlows: ["client_credentials"],
        AllowedOAuthScopes: ["api/read", "api/write"],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    clientId = client.UserPoolClient?.ClientId as string;
    clientSecret = client.UserPoolClient?.ClientSecret as string;
    await ctx.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: "acme-notes-test" }));

    const app = new Hono();
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    closeGateway = () => server.close();
    const model = loadStack(join(repo, "packages/infra/cdktf.out/stacks/local"), {
      origin: ctx.emulator.url,
      region: "us-east-1",
      accountId: "123456789012",
      secretSeed: "local-stack-test",
      overrides: (type, _name, attr) => {
        if (type === "aws_cognito_user_pool" && attr === "id") return poolId;
        if (type === "aws_cognito_user_pool_client" && attr === "id") return clientId;
        if (type === "aws_cognito_user_pool_domain" && attr === "domain") return "acme-notes-test";
        return undefined;
      },
    });
    stack = await startLocalStack(model, { apiDist: join(repo, "apps/api/dist"), clock: ctx.clock });
    mountApiGateway(app, {
      apis: () => stack.apis,
      runtime: stack.runtime,
      jwks: (issuer) =>
        issuer === issuerOf(ctx.emulator.services, poolId)
          ? poolJwks(ctx.emulator.services, poolId)
          : undefined,
      clock: ctx.clock,
      accountId: "123456789012",
    });
    gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_api/${stack.apis[0]?.name}`;
  });
  afterAll(async () => {
    closeGateway?.();
    await stack?.close();
  });

  async function clientCredentialsToken(scope: string): Promise<string> {
    const res = await fetch(`${ctx.emulator.url}/_domain/acme-notes-test/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "client_credentials", scope }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  it("publishes the stack outputs with local endpoints", () => {
    const outputs = stack.outputs();
    expect(outputs.user_pool_id).toBe(poolId);
    expect(outputs.issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    expect(outputs.api_url).toBe(`${ctx.emulator.url}/_api/${stack.apis[0]?.name}`);
    expect(outputs.hosted_ui_url).toBe(`${ctx.emulator.url}/_domain/acme-notes-test`);
    expect(outputs.sessions_table).toMatch(/-sessions$/);
  });

  it("serves GET /service/health through the gateway, the real bundle and the local table", async () => {
    const token = await clientCredentialsToken("api/read");
    const res = await fetch(`${gatewayUrl}/service/health`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", client: clientId, checks: { table: "ok" } });
  });

  it("lets the Lambda refuse what the gateway let through (a machine token on a user route)", async () => {
    const token = await clientCredentialsToken("api/read");
    const res = await fetch(`${gatewayUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden", message: "This route needs a user's token" });
  });

  it("refuses at the gateway a token without the route's scope", async () => {
    const token = await clientCredentialsToken("api/read");
    const res = await fetch(`${gatewayUrl}/notes`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: "Forbidden" });
  });

  it("lists what the emulator does not serve instead of dropping it silently", () => {
    const cognitoTypes = new Set(
      stack.model.resources.map((r) => r.type).filter((t) => t.startsWith("aws_cognito_user_pool")),
    );
    expect(stack.notServed(cognitoTypes)).toContain("aws_cloudwatch_log_group");
    expect(stack.notServed(cognitoTypes)).not.toContain("aws_s3_bucket");
  });
});
