import { describe, expect, it } from "vitest";
import { basic, CALLBACK, newVerifier, SIGN_OUT, s256, useSecurityFixture } from "./security-fixture";
import { createCodeClient } from "./setup";

describe("hosted UI security: authorize and token", () => {
  const f = useSecurityFixture();

  describe("authorize", () => {
    it("shows an error page and never redirects when redirect_uri is not registered", async () => {
      const res = await fetch(
        f.authorizeUrl({
          response_type: "code",
          client_id: f.secretClient.clientId,
          redirect_uri: "https://attacker.example/cb",
          state: "x",
        }),
        { redirect: "manual" },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toContain("redirect_mismatch");
    });

    it("refuses a redirect_uri that only starts like a registered one", async () => {
      const res = await fetch(
        f.authorizeUrl({
          response_type: "code",
          client_id: f.secretClient.clientId,
          redirect_uri: `${CALLBACK}/../x`,
        }),
        { redirect: "manual" },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
    });

    it("shows an error page for a client_id of no client of the f.pool", async () => {
      const res = await fetch(
        f.authorizeUrl({ response_type: "code", client_id: "nope", redirect_uri: CALLBACK }),
        {
          redirect: "manual",
        },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
    });

    it("answers 404 for an unknown domain", async () => {
      const res = await fetch(`${f.t.emulator.url}/_domain/no-such-domain/oauth2/authorize`, {
        redirect: "manual",
      });
      expect(res.status).toBe(404);
    });

    it("sends invalid_scope back to the client, with the state, for a scope the client may not ask for", async () => {
      const res = await fetch(
        f.authorizeUrl({
          response_type: "code",
          client_id: f.secretClient.clientId,
          redirect_uri: CALLBACK,
          scope: "openid api/write",
          state: "s-42",
        }),
        { redirect: "manual" },
      );
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get("location") ?? "");
      expect(location.origin + location.pathname).toBe(CALLBACK);
      expect(location.searchParams.get("error")).toBe("invalid_scope");
      expect(location.searchParams.get("state")).toBe("s-42");
    });

    it("lets a client without a secret leave PKCE out, as Cognito does", async () => {
      // Cognito makes PKCE optional for every app client (strict mode below requires it).
      const { code, url } = await f.codeFor(f.publicClient.clientId, {}, { pkce: false });
      expect(url.searchParams.get("error")).toBeNull();
      const res = await f.tokenRequest({
        grant_type: "authorization_code",
        client_id: f.publicClient.clientId,
        code,
        redirect_uri: CALLBACK,
      });
      expect(res.status).toBe(200);
      expect(res.body.access_token).toBeTruthy();
    });

    it("refuses code_challenge_method=plain: Cognito supports S256 only", async () => {
      const res = await fetch(
        f.authorizeUrl({
          response_type: "code",
          client_id: f.publicClient.clientId,
          redirect_uri: CALLBACK,
          code_challenge: newVerifier(),
          code_challenge_method: "plain",
        }),
        { redirect: "manual" },
      );
      const location = new URL(res.headers.get("location") ?? "");
      expect(location.searchParams.get("error")).toBe("invalid_request");
      expect(location.searchParams.get("error_description")).toBe("code_challenge_method must be S256.");
    });

    it("refuses an unknown code_challenge_method and an unsupported response_type", async () => {
      const bad = await fetch(
        f.authorizeUrl({
          response_type: "code",
          client_id: f.publicClient.clientId,
          redirect_uri: CALLBACK,
          code_challenge: s256(newVerifier()),
          code_challenge_method: "S512",
        }),
        { redirect: "manual" },
      );
      expect(new URL(bad.headers.get("location") ?? "").searchParams.get("error")).toBe("invalid_request");
      const implicit = await fetch(
        f.authorizeUrl({
          response_type: "id_token",
          client_id: f.secretClient.clientId,
          redirect_uri: CALLBACK,
        }),
        { redirect: "manual" },
      );
      expect(new URL(implicit.headers.get("location") ?? "").searchParams.get("error")).toBe(
        "unsupported_response_type",
      );
    });

    it("refuses the code flow for a client that does not allow it", async () => {
      const res = await fetch(
        f.authorizeUrl({
          response_type: "code",
          client_id: f.machineClient.clientId,
          redirect_uri: CALLBACK,
        }),
        { redirect: "manual" },
      );
      // The machine client registers no callback URL, so nothing may be redirected to.
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
    });
  });

  describe("token", () => {
    it("exchanges a public client's code with its PKCE verifier", async () => {
      const { code, verifier } = await f.codeFor(f.publicClient.clientId);
      const res = await f.tokenRequest({
        grant_type: "authorization_code",
        client_id: f.publicClient.clientId,
        code,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
      });
      expect(res.status).toBe(200);
      expect(res.body.id_token).toBeTruthy();
    });

    it("refuses a wrong PKCE verifier", async () => {
      const { code } = await f.codeFor(f.publicClient.clientId);
      const res = await f.tokenRequest({
        grant_type: "authorization_code",
        client_id: f.publicClient.clientId,
        code,
        redirect_uri: CALLBACK,
        code_verifier: newVerifier(),
      });
      expect(res).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    });

    it("refuses a missing PKCE verifier when the code was bound to a challenge", async () => {
      const { code } = await f.codeFor(f.secretClient.clientId);
      const res = await f.tokenRequest(
        { grant_type: "authorization_code", code, redirect_uri: CALLBACK },
        basic(f.secretClient.clientId, f.secretClient.clientSecret ?? ""),
      );
      expect(res).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    });

    it("rotates the refresh token at the refresh_token grant when the client rotates them", async () => {
      const rotating = await createCodeClient(f.t.client, f.pool.poolId, {
        ClientName: "Rotating",
        RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 0 },
      });
      const { code, verifier } = await f.codeFor(rotating.clientId);
      const auth = basic(rotating.clientId, rotating.clientSecret ?? "");
      const first = await f.tokenRequest(
        { grant_type: "authorization_code", code, redirect_uri: CALLBACK, code_verifier: verifier },
        auth,
      );
      const old = first.body.refresh_token ?? "";
      const rotated = await f.tokenRequest({ grant_type: "refresh_token", refresh_token: old }, auth);
      expect(rotated.status).toBe(200);
      expect(rotated.body.refresh_token).toBeTruthy();
      expect(rotated.body.refresh_token).not.toBe(old);
      expect(await f.tokenRequest({ grant_type: "refresh_token", refresh_token: old }, auth)).toMatchObject({
        status: 400,
        body: { error: "invalid_grant" },
      });
      const again = await f.tokenRequest(
        { grant_type: "refresh_token", refresh_token: rotated.body.refresh_token ?? "" },
        auth,
      );
      expect(again.status).toBe(200);
    });

    it("refuses a replayed code and revokes the tokens the first exchange issued", async () => {
      const { code, verifier } = await f.codeFor(f.secretClient.clientId);
      const auth = basic(f.secretClient.clientId, f.secretClient.clientSecret ?? "");
      const fields = {
        grant_type: "authorization_code",
        code,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
      };
      const first = await f.tokenRequest(fields, auth);
      expect(first.status).toBe(200);
      const replay = await f.tokenRequest(fields, auth);
      expect(replay).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
      const refresh = await f.tokenRequest(
        { grant_type: "refresh_token", refresh_token: first.body.refresh_token ?? "" },
        auth,
      );
      expect(refresh).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    });

    it("lets one of two simultaneous exchanges of a code win, and revokes the winner's tokens", async () => {
      const { code, verifier } = await f.codeFor(f.secretClient.clientId);
      const auth = basic(f.secretClient.clientId, f.secretClient.clientSecret ?? "");
      const fields = {
        grant_type: "authorization_code",
        code,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
      };
      const results = await Promise.all([f.tokenRequest(fields, auth), f.tokenRequest(fields, auth)]);
      const winners = results.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.status === 400).map((r) => r.body.error)).toEqual(["invalid_grant"]);
      const winner = winners[0]?.body ?? {};
      const refresh = await f.tokenRequest(
        { grant_type: "refresh_token", refresh_token: winner.refresh_token ?? "" },
        auth,
      );
      expect(refresh).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
      const info = await fetch(`${f.pool.domainUrl}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${winner.access_token}` },
      });
      expect(info.status).toBe(401);
    });

    it("refuses a code at another client, with another redirect_uri, or after five minutes", async () => {
      const auth = basic(f.secretClient.clientId, f.secretClient.clientSecret ?? "");
      const a = await f.codeFor(f.publicClient.clientId);
      const otherClient = await f.tokenRequest(
        { grant_type: "authorization_code", code: a.code, redirect_uri: CALLBACK, code_verifier: a.verifier },
        auth,
      );
      expect(otherClient.body.error).toBe("invalid_grant");

      const b = await f.codeFor(f.secretClient.clientId);
      const otherRedirect = await f.tokenRequest(
        { grant_type: "authorization_code", code: b.code, redirect_uri: SIGN_OUT, code_verifier: b.verifier },
        auth,
      );
      expect(otherRedirect.body.error).toBe("invalid_grant");

      const c = await f.codeFor(f.secretClient.clientId);
      f.t.clock.advance(5 * 60_000 + 1000);
      const expired = await f.tokenRequest(
        { grant_type: "authorization_code", code: c.code, redirect_uri: CALLBACK, code_verifier: c.verifier },
        auth,
      );
      expect(expired.body.error).toBe("invalid_grant");
    });

    it("answers invalid_client with 401 for a wrong or missing secret", async () => {
      const wrong = await f.tokenRequest(
        { grant_type: "client_credentials" },
        basic(f.machineClient.clientId, "not-the-secret"),
      );
      expect(wrong).toMatchObject({ status: 401, body: { error: "invalid_client" } });
      const missing = await f.tokenRequest({
        grant_type: "client_credentials",
        client_id: f.machineClient.clientId,
      });
      expect(missing).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    });

    it("issues an access token only for client_credentials, with resource-server scopes", async () => {
      const res = await f.tokenRequest({
        grant_type: "client_credentials",
        client_id: f.machineClient.clientId,
        client_secret: f.machineClient.clientSecret ?? "",
      });
      expect(res.status).toBe(200);
      expect(res.body.id_token).toBeUndefined();
      expect(res.body.refresh_token).toBeUndefined();
      const claims = JSON.parse(
        Buffer.from(res.body.access_token?.split(".")[1] ?? "", "base64url").toString(),
      );
      expect(claims).toMatchObject({
        sub: f.machineClient.clientId,
        client_id: f.machineClient.clientId,
        scope: "api/read",
      });
    });

    it("refuses client_credentials for a client without that grant, and scopes it may not have", async () => {
      const auth = basic(f.secretClient.clientId, f.secretClient.clientSecret ?? "");
      const noGrant = await f.tokenRequest({ grant_type: "client_credentials" }, auth);
      expect(noGrant).toMatchObject({ status: 400, body: { error: "unauthorized_client" } });
      const badScope = await f.tokenRequest(
        { grant_type: "client_credentials", scope: "api/write" },
        basic(f.machineClient.clientId, f.machineClient.clientSecret ?? ""),
      );
      expect(badScope).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    });

    it("answers unsupported_grant_type and invalid_request", async () => {
      const auth = basic(f.secretClient.clientId, f.secretClient.clientSecret ?? "");
      expect((await f.tokenRequest({ grant_type: "password" }, auth)).body.error).toBe(
        "unsupported_grant_type",
      );
      expect((await f.tokenRequest({}, auth)).body.error).toBe("invalid_request");
      const json = await fetch(`${f.pool.domainUrl}/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(json.status).toBe(400);
    });
  });
});
