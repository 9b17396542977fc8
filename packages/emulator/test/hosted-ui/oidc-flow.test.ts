import { createHash } from "node:crypto";
import { CognitoJwtVerifier } from "aws-jwt-verify";
import type { Jwks } from "aws-jwt-verify/jwk";
import * as oidc from "openid-client";
import { beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { Browser, submit } from "./browser";
import { CALLBACK, createCodeClient, createHostedPool, createUser, SIGN_OUT } from "./setup";

const PASSWORD = "Correct-Horse-42";

/** OIDC Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
function expectedAtHash(accessToken: string): string {
  return createHash("sha256").update(accessToken).digest().subarray(0, 16).toString("base64url");
}

/** What openid-client's callback would receive: the redirect to the registered callback URL. */
function isCallback(url: string): boolean {
  return url.startsWith(CALLBACK);
}

describe("a relying party (openid-client 6) against the hosted UI", () => {
  const t = useEmulator();
  let config: oidc.Configuration;
  let poolId = "";
  let clientId = "";
  const email = "rp.user@example.com";

  beforeAll(async () => {
    const pool = await createHostedPool(t.client, t.emulator.url);
    poolId = pool.poolId;
    const client = await createCodeClient(t.client, poolId);
    clientId = client.clientId;
    await createUser(t.client, poolId, email, PASSWORD, [{ Name: "name", Value: "Ada Lovelace" }]);
    config = await oidc.discovery(
      new URL(`${t.emulator.url}/${poolId}/.well-known/openid-configuration`),
      clientId,
      undefined,
      oidc.ClientSecretBasic(client.clientSecret ?? ""),
      { execute: [oidc.allowInsecureRequests] },
    );
    // Verify the ID token's signature against the pool's JWKS, not only its claims.
    oidc.enableNonRepudiationChecks(config);
  });

  async function startAuthorization(scope = "openid email profile") {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url, verifier, state, nonce };
  }

  it("runs discovery, PKCE sign-in through the form, code exchange, userInfo, refresh, revoke and logout", async () => {
    expect(config.serverMetadata().issuer).toBe(`https://cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    const browser = new Browser();
    const auth = await startAuthorization();

    // Authorize sends the browser to the sign-in page, which shows the client's name.
    const login = await browser.follow(auth.url.toString(), isCallback);
    expect(login.response.status).toBe(200);
    const html = await login.response.text();
    expect(html).toContain("Web app");
    expect(html).toMatch(/<label for="username">Email<\/label>/);
    expect(browser.cookieNames()).toContain("cognito");

    // Posting the form (with its CSRF token) signs in and redirects back with a code and the state.
    const signedIn = await submit(browser, { html, url: login.url }, { username: email, password: PASSWORD });
    expect(signedIn.status).toBe(302);
    const callback = new URL(signedIn.headers.get("location") ?? "");
    expect(callback.searchParams.get("state")).toBe(auth.state);

    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedState: auth.state,
      expectedNonce: auth.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims?.aud).toBe(clientId);
    expect(claims?.nonce).toBe(auth.nonce);
    expect(claims?.email).toBe(email);
    expect(claims?.at_hash).toBe(expectedAtHash(tokens.access_token));
    const access = JSON.parse(
      Buffer.from(tokens.access_token.split(".")[1] ?? "", "base64url").toString(),
    ) as {
      scope: string;
      token_use: string;
    };
    expect(access.token_use).toBe("access");
    expect(access.scope.split(" ").sort()).toEqual(["email", "openid", "profile"]);
    expect(tokens.refresh_token).toBeTruthy();

    // aws-jwt-verify's Cognito verifier (AWS issuer, the pool's keys) accepts both tokens.
    const jwks = (await (await fetch(`${t.emulator.url}/${poolId}/.well-known/jwks.json`)).json()) as Jwks;
    const idVerifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: "id", clientId });
    idVerifier.cacheJwks(jwks);
    await expect(idVerifier.verify(tokens.id_token ?? "")).resolves.toMatchObject({ nonce: auth.nonce });
    const accessVerifier = CognitoJwtVerifier.create({
      userPoolId: poolId,
      tokenUse: "access",
      clientId,
      scope: "openid",
    });
    accessVerifier.cacheJwks(jwks);
    await expect(accessVerifier.verify(tokens.access_token)).resolves.toMatchObject({ client_id: clientId });

    const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims?.sub));
    expect(info).toMatchObject({ sub: claims?.sub, email, email_verified: "true", name: "Ada Lovelace" });

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? "");
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBeUndefined();
    expect(refreshed.claims()?.sub).toBe(claims?.sub);
    // The refreshed ID token is bound to the access token issued with it; no nonce was sent.
    expect(refreshed.claims()?.at_hash).toBe(expectedAtHash(refreshed.access_token));
    expect(refreshed.claims()?.nonce).toBeUndefined();

    await oidc.tokenRevocation(config, tokens.refresh_token ?? "");
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? "")).rejects.toMatchObject({
      error: "invalid_grant",
    });
    // Access tokens minted from a revoked refresh token stop working at userInfo.
    await expect(oidc.fetchUserInfo(config, refreshed.access_token, String(claims?.sub))).rejects.toThrow();

    // Within the hosted-UI session a second authorize skips the password.
    const again = await startAuthorization("openid");
    const second = await browser.follow(again.url.toString(), isCallback);
    expect(isCallback(second.url)).toBe(true);
    expect(new URL(second.url).searchParams.get("code")).toBeTruthy();

    // Logout ends the session and goes to the registered sign-out URL ...
    const logoutUrl = new URL(config.serverMetadata().end_session_endpoint ?? "");
    logoutUrl.searchParams.set("client_id", clientId);
    logoutUrl.searchParams.set("logout_uri", SIGN_OUT);
    const out = await browser.get(logoutUrl.toString());
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe(SIGN_OUT);

    // ... so the next authorize asks for the password again.
    const third = await startAuthorization("openid");
    const afterLogout = await browser.follow(third.url.toString(), isCallback);
    expect(afterLogout.response.status).toBe(200);
    expect(new URL(afterLogout.url).pathname.endsWith("/login")).toBe(true);
  });

  it("asks for the password again with prompt=login even within a session", async () => {
    const browser = new Browser();
    const first = await startAuthorization("openid");
    const login = await browser.follow(first.url.toString(), isCallback);
    const signedIn = await submit(
      browser,
      { html: await login.response.text(), url: login.url },
      { username: email, password: PASSWORD },
    );
    expect(signedIn.status).toBe(302);

    const forced = await startAuthorization("openid");
    forced.url.searchParams.set("prompt", "login");
    const page = await browser.follow(forced.url.toString(), isCallback);
    expect(page.response.status).toBe(200);
    expect(new URL(page.url).pathname.endsWith("/login")).toBe(true);
  });

  it("shows a wrong password on the form, announced as an alert", async () => {
    const browser = new Browser();
    const auth = await startAuthorization("openid");
    const login = await browser.follow(auth.url.toString(), isCallback);
    const res = await submit(
      browser,
      { html: await login.response.text(), url: login.url },
      { username: email, password: "Wrong-Password-1" },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/role="alert"[^>]*>Incorrect username or password\./);
  });

  it("leaves nonce out of the ID token when the authorize request had none", async () => {
    const browser = new Browser();
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: "openid",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
    });
    const login = await browser.follow(url.toString(), isCallback);
    const signedIn = await submit(
      browser,
      { html: await login.response.text(), url: login.url },
      { username: email, password: PASSWORD },
    );
    const tokens = await oidc.authorizationCodeGrant(
      config,
      new URL(signedIn.headers.get("location") ?? ""),
      { pkceCodeVerifier: verifier, expectedState: state, idTokenExpected: true },
    );
    expect(tokens.claims()?.nonce).toBeUndefined();
    expect(tokens.claims()?.at_hash).toBe(expectedAtHash(tokens.access_token));
  });
});
