import { CreateIdentityProviderCommand } from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock";
import { LOCAL_IDP_ACCOUNTS } from "../../src/hosted-ui/federation/accounts";
import { startLocalIdp } from "../../src/hosted-ui/federation/local-idp";
import { createEmulator, type Emulator } from "../../src/server";
import type { TriggerEvent } from "../../src/triggers/runner";
import { sdkClient, useEmulator } from "../support/emulator";
import { decodeJwt } from "../support/pool";
import { Browser } from "./browser";
import { CALLBACK, createCodeClient, createHostedPool, type HostedPool } from "./setup";

const GOOGLE_CLIENT = { client_id: "local-google-client", client_secret: "local-google-secret" };
const OIDC_CLIENT = { client_id: "local-oidc-client", client_secret: "local-oidc-secret" };
const [googleUser] = LOCAL_IDP_ACCOUNTS.google;
const [employee] = LOCAL_IDP_ACCOUNTS.oidc;

/** The stand-in's sign-in form: its action, resolved against the page. */
function standInForm(html: string, pageUrl: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("the provider's page has no form");
  return new URL(action.replace(/&amp;/g, "&"), pageUrl).toString();
}

describe("federated sign-in through the emulator's local OpenID providers (/_idp/google, /_idp/oidc)", () => {
  const t = useEmulator();
  let pool: HostedPool;
  let client: { clientId: string; clientSecret: string | undefined };

  beforeAll(async () => {
    pool = await createHostedPool(t.client, t.emulator.url);
    // As the infra defines them: Google without oidc_issuer (https://accounts.google.com on AWS, the
    // /_idp/google stand-in here), the enterprise provider at the local stage's issuer (port 9229,
    // which the emulator maps onto its own origin).
    await t.client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: { ...GOOGLE_CLIENT, authorize_scopes: "openid email profile" },
        AttributeMapping: { email: "email", email_verified: "email_verified", name: "name", username: "sub" },
      }),
    );
    await t.client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "Corp",
        ProviderType: "OIDC",
        ProviderDetails: {
          ...OIDC_CLIENT,
          authorize_scopes: "openid email",
          oidc_issuer: "http://127.0.0.1:9229/_idp/oidc",
          attributes_request_method: "GET",
        },
        AttributeMapping: { email: "email", username: "sub" },
        IdpIdentifiers: ["corp.example"],
      }),
    );
    await t.client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "CorpSAML",
        ProviderType: "SAML",
        ProviderDetails: { MetadataURL: "http://127.0.0.1:9229/_idp/saml/metadata" },
        AttributeMapping: { email: "email" },
      }),
    );
    client = await createCodeClient(t.client, pool.poolId, {
      SupportedIdentityProviders: ["COGNITO", "Google", "Corp", "CorpSAML"],
    });
  });

  function authorizeUrl(extra: Record<string, string>): string {
    const params = new URLSearchParams({
      response_type: "code",
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      scope: "openid email profile",
      state: "fed-state",
      nonce: "fed-nonce",
      ...extra,
    });
    return `${pool.domainUrl}/oauth2/authorize?${params}`;
  }

  /** Authorize → the stand-in's sign-in form (a seeded account and its password) → back with a code. */
  async function federate(extra: Record<string, string>, login: string, password: string): Promise<URL> {
    const browser = new Browser();
    const atIdp = await browser.follow(authorizeUrl(extra), (u) => u.startsWith(CALLBACK));
    expect(new URL(atIdp.url).origin).toBe(t.emulator.url);
    expect(new URL(atIdp.url).pathname).toMatch(/^\/_idp\/(google|oidc)\/interaction\//);
    const html = await atIdp.response.text();
    const posted = await browser.post(standInForm(html, atIdp.url), { login, password });
    expect(posted.status).toBe(303);
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
    const back = await federate({ identity_provider: "Google" }, googleUser.email, googleUser.password);
    expect(back.searchParams.get("state")).toBe("fed-state");
    const tokens = await exchange(back.searchParams.get("code") ?? "");
    const id = decodeJwt(tokens.id_token);
    expect(id["cognito:username"]).toBe(`Google_${googleUser.sub}`);
    expect(id.email).toBe(googleUser.email);
    expect(id.name).toBe(googleUser.name);
    expect(id.nonce).toBe("fed-nonce");
    expect(id.identities).toEqual([
      expect.objectContaining({
        userId: googleUser.sub,
        providerName: "Google",
        providerType: "Google",
        primary: "true",
      }),
    ]);

    // The same provider account signs in as the same user the second time.
    const again = await exchange(
      (await federate({ identity_provider: "Google" }, googleUser.sub, googleUser.password)).searchParams.get(
        "code",
      ) ?? "",
    );
    expect(decodeJwt(again.id_token).sub).toBe(id.sub);
  });

  it("finds the enterprise OIDC provider by idp_identifier", async () => {
    const back = await federate({ idp_identifier: "corp.example" }, employee.email, employee.password);
    const tokens = await exchange(back.searchParams.get("code") ?? "");
    const id = decodeJwt(tokens.id_token);
    expect(id["cognito:username"]).toBe(`Corp_${employee.sub}`);
    expect(id.email).toBe(employee.email);
  });

  it("serves the stand-ins' discovery under the emulator's origin", async () => {
    const res = await fetch(`${t.emulator.url}/_idp/oidc/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as { issuer: string; authorization_endpoint: string };
    expect(meta.issuer).toBe(`${t.emulator.url}/_idp/oidc`);
    expect(meta.authorization_endpoint.startsWith(`${t.emulator.url}/_idp/oidc/`)).toBe(true);
    expect((await fetch(`${t.emulator.url}/_idp/nope/.well-known/openid-configuration`)).status).toBe(404);
  });

  it("refuses a wrong password on the stand-in's page, as an alert, and sends nobody back", async () => {
    const browser = new Browser();
    const atIdp = await browser.follow(authorizeUrl({ identity_provider: "Google" }), (u) =>
      u.startsWith(CALLBACK),
    );
    const html = await atIdp.response.text();
    expect(html).toMatch(/<label for="login">Email<\/label>/);
    const posted = await browser.post(standInForm(html, atIdp.url), {
      login: googleUser.email,
      password: "Not-the-password-1",
    });
    expect(posted.status).toBe(400);
    expect(posted.headers.get("location")).toBeNull();
    expect(await posted.text()).toMatch(/role="alert"[^>]*>Incorrect email or password\./);
  });

  it("answers a SAML provider with invalid_request: the local providers speak OpenID Connect only", async () => {
    const res = await fetch(authorizeUrl({ identity_provider: "CorpSAML" }), { redirect: "manual" });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get("location") ?? "");
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toMatch(/SAML .*not supported/);
    expect(back.searchParams.get("state")).toBe("fed-state");
  });

  it("refuses a forged or replayed provider response", async () => {
    const res = await fetch(`${pool.domainUrl}/oauth2/idpresponse?state=forged-state-123&code=x`, {
      redirect: "manual",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });
});

describe("pre-sign-up for federated users (a provider on a port of its own)", () => {
  const STANDALONE_CLIENT = { client_id: "standalone-idp-client", client_secret: "standalone-secret" };
  const PASSWORD = "Standalone-Passw0rd!";
  let emulator: Emulator;
  let idp: { issuer: string; close(): Promise<void> };
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
      accounts: [
        { sub: "ok", email: "ok@example.com", password: PASSWORD },
        { sub: "blocked", email: "blocked@example.com", password: PASSWORD },
      ],
      clients: [{ ...STANDALONE_CLIENT, redirect_uris: [`${pool.domainUrl}/oauth2/idpresponse`] }],
    });
    await sdk.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: { ...STANDALONE_CLIENT, authorize_scopes: "openid", oidc_issuer: idp.issuer },
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
    const posted = await browser.post(standInForm(await atIdp.response.text(), atIdp.url), {
      login,
      password: PASSWORD,
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
