import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { Browser, submit } from "./browser";
import { basic, CALLBACK, EMAIL, PASSWORD, useSecurityFixture } from "./security-fixture";
import { createCodeClient, createHostedPool } from "./setup";

describe("hosted UI security: userInfo, logout, CSRF", () => {
  const f = useSecurityFixture();

  describe("userInfo", () => {
    it("refuses an access token without the openid scope", async () => {
      const cc = await f.tokenRequest(
        { grant_type: "client_credentials" },
        basic(f.machineClient.clientId, f.machineClient.clientSecret ?? ""),
      );
      const res = await fetch(`${f.pool.domainUrl}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${cc.body.access_token}` },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        error_description: "Access token does not contain openid scope",
      });
    });

    it("refuses a missing or forged token", async () => {
      const missing = await fetch(`${f.pool.domainUrl}/oauth2/userInfo`);
      expect(missing.status).toBe(400);
      const forged = await fetch(`${f.pool.domainUrl}/oauth2/userInfo`, {
        headers: { authorization: "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln" },
      });
      expect(forged.status).toBe(401);
      expect(forged.headers.get("www-authenticate")).toMatch(/invalid_token/);
    });
  });

  // The client's LogoutURLs (setup.ts registers SIGN_OUT) decide where /logout may send the browser.
  describe("logout", () => {
    it("shows an error page and does not redirect to an unregistered logout_uri", async () => {
      const res = await fetch(
        `${f.pool.domainUrl}/logout?client_id=${f.secretClient.clientId}&logout_uri=${encodeURIComponent("https://evil.example/")}`,
        { redirect: "manual" },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
    });

    it("with redirect_uri and response_type shows the sign-in page again", async () => {
      const res = await fetch(
        `${f.pool.domainUrl}/logout?${new URLSearchParams({ client_id: f.secretClient.clientId, redirect_uri: CALLBACK, response_type: "code", state: "z" })}`,
        { redirect: "manual" },
      );
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/\/login\?.*state=z/);
    });
  });

  describe("CSRF", () => {
    async function loginPage(browser: Browser) {
      const url = f.authorizeUrl({
        response_type: "code",
        client_id: f.secretClient.clientId,
        redirect_uri: CALLBACK,
        scope: "openid",
      });
      const page = await browser.follow(url, (u) => u.startsWith(CALLBACK));
      return { html: await page.response.text(), url: page.url };
    }

    it("refuses a form post without a CSRF token", async () => {
      const browser = new Browser();
      const page = await loginPage(browser);
      const res = await browser.post(page.url, { username: EMAIL, password: PASSWORD });
      expect(res.status).toBe(403);
      expect(res.headers.get("location")).toBeNull();
    });

    it("refuses a form post with a wrong CSRF token, or one from another browser's session", async () => {
      const browser = new Browser();
      const page = await loginPage(browser);
      const wrong = await browser.post(page.url, { _csrf: "forged", username: EMAIL, password: PASSWORD });
      expect(wrong.status).toBe(403);

      const other = new Browser();
      const otherPage = await loginPage(other);
      const crossed = await submit(
        browser,
        { html: otherPage.html, url: page.url },
        { username: EMAIL, password: PASSWORD },
      );
      expect(crossed.status).toBe(403);
    });

    it("sets the session cookie httpOnly, SameSite=Lax, on the domain's path", async () => {
      const res = await fetch(
        `${f.pool.domainUrl}/login?${new URLSearchParams({ response_type: "code", client_id: f.secretClient.clientId, redirect_uri: CALLBACK })}`,
      );
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("cognito=")) ?? "";
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toContain(`Path=/_domain/${f.pool.domain}`);
    });
  });
});

describe("hosted UI strict mode (EMULATOR_STRICT=pkce)", () => {
  const t = useEmulator({ strict: { pkce: true } });

  it("requires PKCE from a client without a secret, and only from it", async () => {
    const pool = await createHostedPool(t.client, t.emulator.url);
    const publicClient = await createCodeClient(t.client, pool.poolId, {
      GenerateSecret: false,
      ClientName: "Mobile",
    });
    const secretClient = await createCodeClient(t.client, pool.poolId);
    const authorize = (clientId: string) =>
      fetch(
        `${pool.domainUrl}/oauth2/authorize?${new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: CALLBACK, state: "p" })}`,
        { redirect: "manual" },
      );
    const refused = new URL((await authorize(publicClient.clientId)).headers.get("location") ?? "");
    expect(refused.searchParams.get("error")).toBe("invalid_request");
    expect(refused.searchParams.get("error_description")).toMatch(/PKCE .*strict mode: EMULATOR_STRICT=pkce/);
    expect(refused.searchParams.get("state")).toBe("p");
    const allowed = await authorize(secretClient.clientId);
    expect(
      new URL(allowed.headers.get("location") ?? "", pool.domainUrl).searchParams.get("error"),
    ).toBeNull();
  });
});
