import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../src/server";
import { sdkClient } from "../support/emulator";
import { decodeJwt } from "../support/pool";
import { Browser, signInThroughForm } from "./browser";

// The fixture stack's pool runs a pre-token-generation V2 function (test/fixtures/triggers) that
// adds an ID-token claim, an access-token claim and the scope api/read.
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

describe("hosted UI tokens and the pre-token-generation trigger", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-pretoken-"));
  let emulator: Emulator;
  let client: ReturnType<typeof sdkClient>;
  let poolId = "";
  let clientId = "";
  let clientSecret = "";
  /** The trigger source of every PreTokenGeneration the emulator invoked (the function still runs). */
  const preTokenSources: string[] = [];
  beforeAll(async () => {
    emulator = await createEmulator({
      port: 0,
      storePath: join(dir, "store.sqlite"),
      infraDir: join(fixtures, "infra"),
      lambdaDir: join(fixtures, "triggers"),
    });
    client = sdkClient(emulator.url);
    const runner = emulator.services.triggers;
    emulator.services.triggers = {
      invoke: (arn, event) => {
        if (event.triggerSource.startsWith("TokenGeneration_")) preTokenSources.push(event.triggerSource);
        return runner.invoke(arn, event);
      },
    };
    poolId = emulator.infra?.pools[0]?.id ?? "";
    clientId = emulator.infra?.clients.find((c) => c.name === "fixture-web")?.id ?? "";
    const described = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    clientSecret = described.UserPoolClient?.ClientSecret ?? "";
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "hosted@example.com",
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email", Value: "hosted@example.com" }],
      }),
    );
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: "hosted@example.com",
        Password: "Fixture-Pass1",
        Permanent: true,
      }),
    );
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const redirectUri = "http://localhost:3000/cb";
  const domainUrl = () => `${emulator.url}/_domain/fixture-auth`;
  const exchange = async (fields: Record<string, string>) => {
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
    const res = await fetch(`${domainUrl()}/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic },
      body: new URLSearchParams(fields),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { id_token: string; access_token: string; refresh_token?: string };
  };
  /** A hosted-UI sign-in with PKCE: the authorization code and its verifier. */
  const hostedSignIn = async () => {
    const verifier = randomBytes(32).toString("base64url");
    const callback = await signInThroughForm(
      new Browser(),
      domainUrl(),
      {
        response_type: "code",
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: "openid email",
        state: "s1",
        code_challenge: createHash("sha256").update(verifier).digest("base64url"),
        code_challenge_method: "S256",
      },
      { username: "hosted@example.com", password: "Fixture-Pass1" },
    );
    return { code: callback.searchParams.get("code") ?? "", verifier };
  };

  it("shapes the tokens of the code exchange and of a refresh with the trigger's overrides", async () => {
    const { code, verifier } = await hostedSignIn();
    const tokens = await exchange({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ tenant: "acme", version_seen: "2" });
    const access = decodeJwt(tokens.access_token);
    expect(access.tenant).toBe("acme");
    expect(String(access.scope).split(" ")).toEqual(expect.arrayContaining(["openid", "email", "api/read"]));

    const refreshed = await exchange({
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token ?? "",
    });
    expect(decodeJwt(refreshed.id_token)).toMatchObject({ tenant: "acme" });
    expect(decodeJwt(refreshed.access_token).tenant).toBe("acme");
  });

  it("runs PreTokenGeneration once per hosted sign-in, as TokenGeneration_HostedAuth", async () => {
    preTokenSources.length = 0;
    const { code, verifier } = await hostedSignIn();
    // The sign-in itself mints nothing: the trigger runs when the code is redeemed.
    expect(preTokenSources).toEqual([]);
    await exchange({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(preTokenSources).toEqual(["TokenGeneration_HostedAuth"]);
  });

  it("runs PreTokenGeneration once per API sign-in, as TokenGeneration_Authentication", async () => {
    const cliId = emulator.infra?.clients.find((c) => c.name === "fixture-cli")?.id ?? "";
    preTokenSources.length = 0;
    const res = await client.send(
      new InitiateAuthCommand({
        ClientId: cliId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "hosted@example.com", PASSWORD: "Fixture-Pass1" },
      }),
    );
    expect(res.AuthenticationResult?.IdToken).toBeDefined();
    expect(preTokenSources).toEqual(["TokenGeneration_Authentication"]);
  });
});
