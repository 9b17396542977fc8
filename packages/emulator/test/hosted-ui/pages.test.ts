import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  CreateIdentityProviderCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { generateSync } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { secretHash } from "../../src/crypto/secret-hash";
import { useEmulator } from "../support/emulator";
import { latestCode } from "../support/pool";
import { Browser, formAction, inputValue, submit } from "./browser";
import { CALLBACK, createCodeClient, createHostedPool, createUser, type HostedPool } from "./setup";

const PASSWORD = "Page-Tests-2024";
const SMS = { SnsCallerArn: "arn:aws:iam::123456789012:role/sms", ExternalId: "x" };
const SES = {
  EmailSendingAccount: "DEVELOPER" as const,
  SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
};

interface Page {
  html: string;
  url: string;
  status: number;
}

/** Every visible input has a `<label for>`; every page has exactly one `<h1>`. */
function expectAccessible(html: string): void {
  const inputs = [...html.matchAll(/<input ([^>]*)>/g)].map((m) => m[1] ?? "");
  for (const attrs of inputs) {
    if (/type="hidden"/.test(attrs)) continue;
    const id = /id="([^"]+)"/.exec(attrs)?.[1];
    expect(id, `input without id: ${attrs}`).toBeTruthy();
    expect(html).toContain(`<label for="${id}"`);
  }
  expect(html.match(/<h1>/g)).toHaveLength(1);
}

describe("hosted UI pages", () => {
  const t = useEmulator();
  let pool: HostedPool;
  let clientId = "";
  let clientSecret = "";

  beforeAll(async () => {
    pool = await createHostedPool(t.client, t.emulator.url, undefined, {
      SmsConfiguration: SMS,
      EmailConfiguration: SES,
    });
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: pool.poolId,
        MfaConfiguration: "OPTIONAL",
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: { SmsConfiguration: SMS },
        EmailMfaConfiguration: { Subject: "Your code", Message: "Your code is {####}" },
      }),
    );
    const created = await createCodeClient(t.client, pool.poolId, {
      SupportedIdentityProviders: ["COGNITO"],
    });
    clientId = created.clientId;
    clientSecret = created.clientSecret ?? "";
  });

  const query = () =>
    new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: CALLBACK,
      scope: "openid email",
      state: "page-state",
    }).toString();

  async function open(browser: Browser, path: string, extra = ""): Promise<Page> {
    const url = `${pool.domainUrl}/${path}?${query()}${extra}`;
    const res = await browser.get(url);
    return { html: await res.text(), url, status: res.status };
  }

  /** Submits and, on a redirect within the hosted UI, opens the next page. */
  async function send(browser: Browser, page: Page, fields: Record<string, string>): Promise<Page> {
    const res = await submit(browser, page, fields);
    const location = res.headers.get("location");
    if (res.status === 302 && location) {
      const next = new URL(location, page.url).toString();
      if (next.startsWith(CALLBACK)) return { html: "", url: next, status: 302 };
      const opened = await browser.get(next);
      return { html: await opened.text(), url: next, status: opened.status };
    }
    return { html: await res.text(), url: formAction(page.html, page.url), status: res.status };
  }

  const totp = (secret: string) =>
    generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

  it("sends every page with a policy that runs no script and forbids framing", async () => {
    for (const path of ["login", "signup", "forgotPassword"]) {
      const res = await new Browser().get(`${pool.domainUrl}/${path}?${query()}`);
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
    // Error pages too.
    const bad = await new Browser().get(`${pool.domainUrl}/login?client_id=nope`);
    expect(bad.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("signs up with the code from the outbox, then signs in", async () => {
    const browser = new Browser();
    const signUp = await open(browser, "signup");
    expect(signUp.status).toBe(200);
    expectAccessible(signUp.html);
    expect(signUp.html).toContain("Password must contain at least 10 characters");
    expect(signUp.html).toContain("Web app");

    const weak = await send(browser, signUp, { email: "new.user@example.com", password: "short" });
    expect(weak.status).toBe(400);
    expect(weak.html).toMatch(/role="alert"/);

    const confirm = await send(browser, signUp, { email: "new.user@example.com", password: PASSWORD });
    expect(new URL(confirm.url).pathname.endsWith("/confirm")).toBe(true);
    expectAccessible(confirm.html);
    expect(inputValue(confirm.html, "username")).toBe("new.user@example.com");

    const wrong = await send(browser, confirm, {
      action: "confirm",
      username: "new.user@example.com",
      code: "000000",
    });
    expect(wrong.status).toBe(400);

    const code = await latestCode(t.emulator.url, "new.user@example.com");
    const login = await send(browser, confirm, { action: "confirm", username: "new.user@example.com", code });
    expect(login.html).toContain("Your account is confirmed");

    const done = await send(browser, login, { username: "new.user@example.com", password: PASSWORD });
    expect(done.status).toBe(302);
    expect(new URL(done.url).searchParams.get("code")).toBeTruthy();
    expect(new URL(done.url).searchParams.get("state")).toBe("page-state");
  });

  it("resets a forgotten password with the code from the outbox", async () => {
    await createUser(t.client, pool.poolId, "forgetful@example.com", PASSWORD);
    const browser = new Browser();
    const forgot = await open(browser, "forgotPassword");
    expectAccessible(forgot.html);
    const reset = await send(browser, forgot, { username: "forgetful@example.com" });
    expect(new URL(reset.url).pathname.endsWith("/confirmForgotPassword")).toBe(true);
    expectAccessible(reset.html);
    expect(reset.html).toContain("Password must contain");

    const code = await latestCode(t.emulator.url, "forgetful@example.com");
    const mismatch = await send(browser, reset, {
      username: "forgetful@example.com",
      code,
      password: "Brand-New-Pass-1",
      confirm_password: "Other-Pass-1",
    });
    expect(mismatch.html).toContain("The passwords do not match.");
    const login = await send(browser, reset, {
      username: "forgetful@example.com",
      code,
      password: "Brand-New-Pass-1",
      confirm_password: "Brand-New-Pass-1",
    });
    expect(login.html).toContain("Your password has been reset");
    const old = await send(browser, login, { username: "forgetful@example.com", password: PASSWORD });
    expect(old.status).toBe(400);
    const done = await send(browser, login, {
      username: "forgetful@example.com",
      password: "Brand-New-Pass-1",
    });
    expect(new URL(done.url).searchParams.get("code")).toBeTruthy();
  });

  it("sets up TOTP with a QR code when MFA is required, then signs in with the app's code", async () => {
    const required = await createHostedPool(t.client, t.emulator.url, undefined, { SmsConfiguration: SMS });
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: required.poolId,
        MfaConfiguration: "ON",
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const client = await createCodeClient(t.client, required.poolId);
    await createUser(t.client, required.poolId, "totp.user@example.com", PASSWORD);
    const q = new URLSearchParams({
      response_type: "code",
      client_id: client.clientId,
      redirect_uri: CALLBACK,
      scope: "openid",
      code_challenge: "a".repeat(43),
      code_challenge_method: "S256",
    });
    const browser = new Browser();
    const loginUrl = `${required.domainUrl}/login?${q}`;
    const login = { html: await (await browser.get(loginUrl)).text(), url: loginUrl, status: 200 };
    const setup = await send(browser, login, { username: "totp.user@example.com", password: PASSWORD });
    expect(new URL(setup.url).pathname.endsWith("/mfaSetup")).toBe(true);
    expectAccessible(setup.html);
    expect(setup.html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+"[^>]*alt="QR code/);
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(setup.html)?.[1] ?? "";
    expect(secret.length).toBeGreaterThanOrEqual(16);

    const bad = await send(browser, setup, { code: "000000" });
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/role="alert"/);
    const done = await send(browser, setup, { code: totp(secret) });
    expect(done.status).toBe(302);
    expect(new URL(done.url).searchParams.get("code")).toBeTruthy();

    // Next sign-in (new browser, a later TOTP step) asks for the authenticator code.
    t.clock.advance(30_000);
    const other = new Browser();
    const login2 = { html: await (await other.get(loginUrl)).text(), url: loginUrl, status: 200 };
    const mfa = await send(other, login2, { username: "totp.user@example.com", password: PASSWORD });
    expect(new URL(mfa.url).pathname.endsWith("/mfa")).toBe(true);
    expect(mfa.html).toContain("Authenticator code");
    expectAccessible(mfa.html);
    const wrongCode = await send(other, mfa, { code: "123456" === totp(secret) ? "654321" : "123456" });
    expect(wrongCode.status).toBe(400);
    const signedIn = await send(other, mfa, { code: totp(secret) });
    expect(new URL(signedIn.url).searchParams.get("code")).toBeTruthy();
  });

  it("signs in with an SMS code from the outbox", async () => {
    await createUser(t.client, pool.poolId, "sms.user@example.com", PASSWORD, [
      { Name: "phone_number", Value: "+15550001111" },
      { Name: "phone_number_verified", Value: "true" },
    ]);
    await t.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: pool.poolId,
        Username: "sms.user@example.com",
        SMSMfaSettings: { Enabled: true },
      }),
    );
    const browser = new Browser();
    const login = await open(browser, "login");
    const mfa = await send(browser, login, { username: "sms.user@example.com", password: PASSWORD });
    expect(new URL(mfa.url).pathname.endsWith("/mfa")).toBe(true);
    expect(mfa.html).toContain("SMS code");
    const code = await latestCode(t.emulator.url, "+15550001111");
    const done = await send(browser, mfa, { code });
    expect(new URL(done.url).searchParams.get("code")).toBeTruthy();
  });

  it("signs in with an email code from the outbox", async () => {
    await createUser(t.client, pool.poolId, "email.mfa@example.com", PASSWORD);
    await t.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: pool.poolId,
        Username: "email.mfa@example.com",
        EmailMfaSettings: { Enabled: true },
      }),
    );
    const browser = new Browser();
    const login = await open(browser, "login");
    const mfa = await send(browser, login, { username: "email.mfa@example.com", password: PASSWORD });
    expect(new URL(mfa.url).pathname.endsWith("/mfa")).toBe(true);
    expect(mfa.html).toContain("We sent a code by email to e***@e***");
    expectAccessible(mfa.html);
    const code = await latestCode(t.emulator.url, "email.mfa@example.com");
    const done = await send(browser, mfa, { code });
    expect(new URL(done.url).searchParams.get("code")).toBeTruthy();
  });

  it("asks a user with a temporary password for a new one", async () => {
    await t.client.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.poolId,
        Username: "temp.user@example.com",
        TemporaryPassword: "Temp-Password-1",
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email", Value: "temp.user@example.com" }],
      }),
    );
    const browser = new Browser();
    const login = await open(browser, "login");
    const change = await send(browser, login, {
      username: "temp.user@example.com",
      password: "Temp-Password-1",
    });
    expect(new URL(change.url).pathname.endsWith("/newPassword")).toBe(true);
    expectAccessible(change.html);
    const weak = await send(browser, change, { new_password: "weak", confirm_password: "weak" });
    expect(weak.status).toBe(400);
    const done = await send(browser, change, {
      new_password: "Permanent-Pass-2",
      confirm_password: "Permanent-Pass-2",
    });
    expect(new URL(done.url).searchParams.get("code")).toBeTruthy();
  });

  it("sends an unconfirmed user from the sign-in form to the confirmation page", async () => {
    await t.client.send(
      new SignUpCommand({
        ClientId: clientId,
        SecretHash: secretHash("pending@example.com", clientId, clientSecret),
        Username: "pending@example.com",
        Password: PASSWORD,
        UserAttributes: [{ Name: "email", Value: "pending@example.com" }],
      }),
    );
    const browser = new Browser();
    const login = await open(browser, "login");
    const confirm = await send(browser, login, { username: "pending@example.com", password: PASSWORD });
    expect(new URL(confirm.url).pathname.endsWith("/confirm")).toBe(true);
    expect(inputValue(confirm.html, "username")).toBe("pending@example.com");
    const resent = await send(browser, confirm, { action: "resend", username: "pending@example.com" });
    expect(resent.html).toContain("We sent you a new code.");
  });

  it("answers prompt=none without a session with login_required, back to the client", async () => {
    const res = await new Browser().get(`${pool.domainUrl}/oauth2/authorize?${query()}&prompt=none`);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("login_required");
    expect(location.searchParams.get("state")).toBe("page-state");
  });

  it("sends a challenge page without a pending sign-in back to the sign-in page", async () => {
    const res = await new Browser().get(`${pool.domainUrl}/mfa?${query()}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/login\?/);
  });

  it("renders the sign-in page accessibly, with a button per identity provider of the client", async () => {
    await t.client.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: "Google",
        ProviderType: "Google",
        ProviderDetails: { client_id: "google-client", client_secret: "s", authorize_scopes: "openid email" },
        AttributeMapping: { email: "email" },
      }),
    );
    const withIdp = await createCodeClient(t.client, pool.poolId, {
      SupportedIdentityProviders: ["COGNITO", "Google"],
    });
    const browser = new Browser();
    const params = new URLSearchParams({
      response_type: "code",
      client_id: withIdp.clientId,
      redirect_uri: CALLBACK,
    });
    const html = await (await browser.get(`${pool.domainUrl}/login?${params}`)).text();
    expectAccessible(html);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toContain("autofocus");
    expect(html).toContain("Forgot your password?");
    const google = /<a href="([^"]+)">Continue with Google<\/a>/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(google).toContain("identity_provider=Google");

    // Google (no oidc_issuer, as on AWS) is the emulator's local stand-in, with PKCE and a nonce.
    const res = await browser.get(new URL(google ?? "", pool.domainUrl).toString());
    expect(res.status).toBe(302);
    const atGoogle = new URL(res.headers.get("location") ?? "");
    expect(`${atGoogle.origin}${atGoogle.pathname}`).toBe(`${t.emulator.url}/_idp/google/auth`);
    expect(atGoogle.searchParams.get("client_id")).toBe("google-client");
    expect(atGoogle.searchParams.get("redirect_uri")).toBe(`${pool.domainUrl}/oauth2/idpresponse`);
    expect(atGoogle.searchParams.get("code_challenge_method")).toBe("S256");
    expect(atGoogle.searchParams.get("nonce")).toBeTruthy();

    // A provider the client does not support is refused as well.
    params.set("identity_provider", "Facebook");
    const refused = await browser.get(`${pool.domainUrl}/oauth2/authorize?${params}`);
    expect(new URL(refused.headers.get("location") ?? "").searchParams.get("error_description")).toMatch(
      /not enabled/,
    );
  });
});
