import { CreateIdentityProviderCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock";
import { type LocalIdp, startLocalIdp } from "../../src/hosted-ui/federation/local-idp";
import { createEmulator, type Emulator } from "../../src/server";
import type { TriggerEvent } from "../../src/triggers/runner";
import { sdkClient, useEmulator } from "../support/emulator";
import { decodeJwt } from "../support/pool";
import { Browser } from "./browser";
import { CALLBACK, createCodeClient, createHostedPool, type HostedPool } from "./setup";

const IDP_CLIENT = { client_id: "emulator-google", client_secret: "local-idp-secret" };

describe("federated sign-in through a local OpenID provider", () => {
  const t = useEmulator();
  let pool: HostedPool;
  let idp: LocalIdp;
  let client: { clientId: string; clientSecret: string | undefined };

  beforeAll(async () => {
    pool = await createHostedPool(t.client, t.emulator.url);
    idp = await startLocalIdp({
      accounts: [
        { sub: "g-1001", email: "fed.user@example.com", email_verified: true, name: "Fed User" },
        { sub: "corp-7", email: "emp@corp.example", email_verified: true, name: "Employee" },
      ],
      clients: [{ ...IDP_CLIENT, redirect_uris: [`${pool.domainUrl}/oauth2/idpresponse`] }],
    });
    // The Google provider of the infra, pointed at the local stand-in through oidc_issuer.
    await t.client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: { ...IDP_CLIENT, authorize_scopes: "openid email profile", oidc_issuer: idp.issuer },
        AttributeMapping: { email: "email", email_verified: "email_verified", name: "name", username: "sub" },
      }),
    );
    await t.client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "Corp",
        ProviderType: "OIDC",
        ProviderDetails: {
          ...IDP_CLIENT,
          authorize_scopes: "openid email",
          oidc_issuer: idp.issuer,
          attributes_request_method: "GET",
        },
        AttributeMapping: { email: "email", username: "sub" },
        IdpIdentifiers: ["corp.example"],
      }),
    );
    client = await createCodeClient(t.client, pool.poolId, {
      SupportedIdentityProviders: ["COGNITO", "Google", "Corp"],
    });
  });
  afterAll(async () => {
    await idp?.close();
  });

  /** Authorize → provider's login form (any password for a seeded account) → back with a code. */
  async function federate(extra: Record<string, string>, login: string): Promise<URL> {
    const browser = new Browser();
    const params = new URLSearchParams({
      response_type: "code",
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      scope: "openid email profile",
      state: "fed-state",
      nonce: "fed-nonce",
      ...extra,
    });
    const atIdp = await browser.follow(`${pool.domainUrl}/oauth2/authorize?${params}`, (u) =>
      u.startsWith(CALLBACK),
    );
    expect(atIdp.url.startsWith(idp.issuer)).toBe(true);
    const html = await atIdp.response.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1] ?? "";
    const posted = await browser.post(new URL(action, atIdp.url).toString(), {
      prompt: "login",
      login,
      password: "any",
    });
    const back = await browser.follow(
      new URL(posted.headers.get("location") ?? "", atIdp.url).toString(),
      (u) => u.startsWith(CALLBACK),
    );
    return new URL(back.url);
  }

  async function exchange(code: string) {
    const res = await fetch(`${pool.domainUrl}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: CALLBACK,
      }).toString(),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { id_token: string; access_token: string };
  }

  it("signs in with Google (the local stand-in): user Google_<sub>, mapped attributes, identities claim", async () => {
    const back = await federate({ identity_provider: "Google" }, "g-1001");
    expect(back.searchParams.get("state")).toBe("fed-state");
    const tokens = await exchange(back.searchParams.get("code") ?? "");
    const id = decodeJwt(tokens.id_token);
    expect(id["cognito:username"]).toBe("Google_g-1001");
    expect(id.email).toBe("fed.user@example.com");
    expect(id.name).toBe("Fed User");
    expect(id.nonce).toBe("fed-nonce");
    expect(id.identities).toEqual([
      expect.objectContaining({
        userId: "g-1001",
        providerName: "Google",
        providerType: "Google",
        primary: "true",
      }),
    ]);

    // The same provider account signs in as the same user the second time.
    const again = await exchange(
      (await federate({ identity_provider: "Google" }, "g-1001")).searchParams.get("code") ?? "",
    );
    expect(decodeJwt(again.id_token).sub).toBe(id.sub);
  });

  it("finds the enterprise OIDC provider by idp_identifier", async () => {
    const back = await federate({ idp_identifier: "corp.example" }, "corp-7");
    const tokens = await exchange(back.searchParams.get("code") ?? "");
    const id = decodeJwt(tokens.id_token);
    expect(id["cognito:username"]).toBe("Corp_corp-7");
    expect(id.email).toBe("emp@corp.example");
  });

  it("refuses a forged or replayed provider response", async () => {
    const res = await fetch(`${pool.domainUrl}/oauth2/idpresponse?state=forged-state-123&code=x`, {
      redirect: "manual",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });
});

describe("pre-sign-up for federated users", () => {
  let emulator: Emulator;
  let idp: LocalIdp;
  let pool: HostedPool;
  let clientId = "";
  const events: TriggerEvent[] = [];

  beforeAll(async () => {
    emulator = await createEmulator({
      port: 0,
      storePath: ":memory:",
      clock: new ManualClock(Date.now()),
      triggers: {
        invoke: async (_arn, event) => {
          events.push(event);
          if (event.userName.endsWith("_blocked")) throw new Error("Not on the allow list");
          return event;
        },
      },
    });
    const sdk = sdkClient(emulator.url);
    pool = await createHostedPool(sdk, emulator.url, undefined, {
      LambdaConfig: { PreSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up" },
    });
    idp = await startLocalIdp({
      accounts: [{ sub: "ok" }, { sub: "blocked" }],
      clients: [{ ...IDP_CLIENT, redirect_uris: [`${pool.domainUrl}/oauth2/idpresponse`] }],
    });
    await sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: { ...IDP_CLIENT, authorize_scopes: "openid", oidc_issuer: idp.issuer },
      }),
    );
    clientId = (await createCodeClient(sdk, pool.poolId, { SupportedIdentityProviders: ["Google"] }))
      .clientId;
    sdk.destroy();
  });
  afterAll(async () => {
    await idp?.close();
    await emulator?.close();
  });

  async function federate(login: string): Promise<URL> {
    const browser = new Browser();
    const params = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: CALLBACK,
      identity_provider: "Google",
      state: "s",
    });
    const atIdp = await browser.follow(`${pool.domainUrl}/oauth2/authorize?${params}`, (u) =>
      u.startsWith(CALLBACK),
    );
    const action =
      /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(await atIdp.response.text())?.[1] ?? "";
    const posted = await browser.post(new URL(action, atIdp.url).toString(), {
      prompt: "login",
      login,
      password: "x",
    });
    const back = await browser.follow(
      new URL(posted.headers.get("location") ?? "", atIdp.url).toString(),
      (u) => u.startsWith(CALLBACK),
    );
    return new URL(back.url);
  }

  it("runs PreSignUp_ExternalProvider once, when the federated user is created", async () => {
    const back = await federate("ok");
    expect(back.searchParams.get("code")).toBeTruthy();
    expect(events.map((e) => [e.triggerSource, e.userName])).toEqual([
      ["PreSignUp_ExternalProvider", "Google_ok"],
    ]);
    await federate("ok");
    expect(events).toHaveLength(1);
  });

  it("sends the trigger's refusal back to the client as an error", async () => {
    const back = await federate("blocked");
    expect(back.searchParams.get("code")).toBeNull();
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toBe(
      "PreSignUp failed with error Not on the allow list.",
    );
    expect(back.searchParams.get("state")).toBe("s");
  });
});
