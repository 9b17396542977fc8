import { CreateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { createHostedPool } from "./setup";

describe("OIDC discovery", () => {
  const t = useEmulator();

  it("publishes the AWS issuer and the pool domain's endpoints on the emulator origin", async () => {
    const { poolId, domain } = await createHostedPool(t.client, t.emulator.url);
    const res = await fetch(`${t.emulator.url}/${poolId}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    const base = `${t.emulator.url}/_domain/${domain}`;
    expect(doc).toMatchObject({
      issuer: `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      userinfo_endpoint: `${base}/oauth2/userInfo`,
      revocation_endpoint: `${base}/oauth2/revoke`,
      end_session_endpoint: `${base}/logout`,
      jwks_uri: `${t.emulator.url}/${poolId}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ["RS256"],
    });
    const jwks = (await (await fetch(String(doc.jwks_uri))).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(2);
  });

  it("follows the Host the caller used", async () => {
    const { poolId } = await createHostedPool(t.client, t.emulator.url);
    const localhostUrl = t.emulator.url.replace("127.0.0.1", "localhost");
    const doc = (await (
      await fetch(`${localhostUrl}/${poolId}/.well-known/openid-configuration`)
    ).json()) as {
      token_endpoint: string;
    };
    expect(doc.token_endpoint.startsWith(`${localhostUrl}/_domain/`)).toBe(true);
  });

  it("answers 404 for an unknown pool", async () => {
    const res = await fetch(`${t.emulator.url}/us-east-1_Nope/.well-known/openid-configuration`);
    expect(res.status).toBe(404);
  });

  it("points at placeholders under the pool when it has no domain", async () => {
    const pool = await t.client.send(new CreateUserPoolCommand({ PoolName: "no-domain" }));
    const poolId = pool.UserPool?.Id ?? "";
    const doc = (await (
      await fetch(`${t.emulator.url}/${poolId}/.well-known/openid-configuration`)
    ).json()) as {
      authorization_endpoint: string;
    };
    expect(doc.authorization_endpoint).toBe(`${t.emulator.url}/${poolId}/oauth2/authorize`);
  });
});
