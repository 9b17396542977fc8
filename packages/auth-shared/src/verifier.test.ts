import { createPublicKey } from "node:crypto";
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwtExpiredError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  KidNotFoundInJwksError,
  ParameterValidationError,
} from "aws-jwt-verify/error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InsufficientScopeError,
  InvalidTokenError,
  type InvalidTokenReason,
  KeysUnavailableError,
  MalformedAuthorizationError,
  MissingGroupError,
  MissingTokenError,
} from "./errors";
import {
  generateSigningKey,
  hs256Jwt,
  signJwt,
  startJwksServer,
  startTestPool,
  type TestPool,
  unsignedJwt,
} from "./testing";
import { accessTokenClaims } from "./testing/tokens";
import { bearerTokenFrom, createTokenVerifiers, type TokenVerifiers } from "./verifier";

let pool: TestPool;
let verifiers: TokenVerifiers;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  pool = await startTestPool();
  verifiers = createTokenVerifiers({
    userPoolId: pool.userPoolId,
    clientIds: [pool.clientId, "mobileclient123"],
    jwksUrl: pool.jwks.url,
  });
});
afterAll(() => pool.close());

async function expectInvalid(
  promise: Promise<unknown>,
  reason: InvalidTokenReason,
  causeClass: new (...a: never[]) => Error,
) {
  const err = await promise.then(
    () => expect.fail("token was accepted"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidTokenError);
  expect((err as InvalidTokenError).reason).toBe(reason);
  expect((err as InvalidTokenError).cause).toBeInstanceOf(causeClass);
  expect((err as InvalidTokenError).status).toBe(401);
  expect((err as InvalidTokenError).wwwAuthenticate()).toMatch(/^Bearer realm="api", error="invalid_token"/);
}

describe("createTokenVerifiers", () => {
  describe("accepts", () => {
    it("an access token of the pool and one of its clients, returning Cognito's claims", async () => {
      const token = pool.accessToken({ sub: "1111-2222", username: "alice", groups: ["users"] });
      const claims = await verifiers.verifyAccessToken(token);
      expect(claims).toMatchObject({
        sub: "1111-2222",
        username: "alice",
        token_use: "access",
        client_id: pool.clientId,
        iss: `https://cognito-idp.us-east-1.amazonaws.com/${pool.userPoolId}`,
        "cognito:groups": ["users"],
        scope: "aws.cognito.signin.user.admin",
        version: 2,
      });
    });

    it("an access token of a second configured client", async () => {
      const token = signJwt(
        accessTokenClaims({ userPoolId: pool.userPoolId, clientId: "mobileclient123" }),
        pool.accessKey,
      );
      await expect(verifiers.verifyAccessToken(token)).resolves.toMatchObject({
        client_id: "mobileclient123",
      });
    });

    it("an ID token, checking aud", async () => {
      const token = pool.idToken({ email: "a@example.com" });
      await expect(verifiers.verifyIdToken(token)).resolves.toMatchObject({
        aud: pool.clientId,
        token_use: "id",
      });
    });

    it("an access token with the required scope and group", async () => {
      const token = pool.accessToken({ groups: ["admins"] }, { scope: "openid api/read api/write" });
      const claims = await verifiers.verifyAccessToken(token, { scopes: ["api/read"], groups: ["admins"] });
      expect(claims["cognito:groups"]).toEqual(["admins"]);
    });

    it("a client_credentials token with its custom scope", async () => {
      const token = pool.clientCredentialsToken(["api/read"]);
      const claims = await verifiers.verifyAccessToken(token, { scopes: ["api/read"] });
      expect(claims.username).toBeUndefined();
      expect(claims.sub).toBe(pool.clientId);
    });
  });

  describe("rejects", () => {
    it("alg none with an empty signature", async () => {
      const token = unsignedJwt(
        accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId }),
        pool.accessKey.kid,
      );
      await expectInvalid(verifiers.verifyAccessToken(token), "malformed", JwtParseError);
    });

    it("alg none carrying a signature", async () => {
      const claims = accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId });
      const token = `${unsignedJwt(claims, pool.accessKey.kid)}c2lnbmF0dXJl`;
      await expectInvalid(
        verifiers.verifyAccessToken(token),
        "unsupported_algorithm",
        JwtInvalidSignatureAlgorithmError,
      );
    });

    it("HS256 signed with the pool's public key (key confusion)", async () => {
      const publicPem = createPublicKey(pool.accessKey.privateKey).export({ format: "pem", type: "spki" });
      const token = hs256Jwt(
        accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId }),
        pool.accessKey.kid,
        publicPem,
      );
      await expectInvalid(
        verifiers.verifyAccessToken(token),
        "unsupported_algorithm",
        JwtInvalidSignatureAlgorithmError,
      );
    });

    it("an unknown kid", async () => {
      const stranger = generateSigningKey("unknown-kid");
      const token = signJwt(
        accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId }),
        stranger,
      );
      await expectInvalid(verifiers.verifyAccessToken(token), "unknown_key", KidNotFoundInJwksError);
    });

    it("a token signed by another key under a known kid", async () => {
      const forger = generateSigningKey(pool.accessKey.kid);
      const token = signJwt(
        accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId }),
        forger,
      );
      await expectInvalid(verifiers.verifyAccessToken(token), "invalid_signature", JwtInvalidSignatureError);
    });

    it("an expired token", async () => {
      const token = pool.accessToken({}, { iat: now() - 7200, auth_time: now() - 7200, exp: now() - 3600 });
      await expectInvalid(verifiers.verifyAccessToken(token), "expired", JwtExpiredError);
    });

    it("a token whose nbf is in the future", async () => {
      const token = pool.accessToken({}, { nbf: now() + 600 } as never);
      await expectInvalid(verifiers.verifyAccessToken(token), "not_yet_valid", JwtNotBeforeError);
    });

    it("a token from another issuer", async () => {
      const token = pool.accessToken(
        {},
        { iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other" },
      );
      await expectInvalid(verifiers.verifyAccessToken(token), "invalid_issuer", ParameterValidationError);
    });

    it("a token whose issuer is the pool's under the other region", async () => {
      const token = pool.accessToken(
        {},
        { iss: `https://cognito-idp.eu-west-1.amazonaws.com/${pool.userPoolId}` },
      );
      await expectInvalid(verifiers.verifyAccessToken(token), "invalid_issuer", ParameterValidationError);
    });

    it("an access token of a client that is not configured", async () => {
      const token = pool.accessToken({}, { client_id: "someotherclient" });
      await expectInvalid(
        verifiers.verifyAccessToken(token),
        "invalid_client",
        CognitoJwtInvalidClientIdError,
      );
    });

    it("an ID token whose aud is not a configured client", async () => {
      const token = pool.idToken({}, { aud: "someotherclient" });
      await expectInvalid(verifiers.verifyIdToken(token), "invalid_client", CognitoJwtInvalidClientIdError);
    });

    it("an ID token used as an access token", async () => {
      const token = pool.idToken();
      await expectInvalid(
        verifiers.verifyAccessToken(token),
        "wrong_token_use",
        CognitoJwtInvalidTokenUseError,
      );
    });

    it("an access token used as an ID token", async () => {
      const token = pool.accessToken();
      await expectInvalid(verifiers.verifyIdToken(token), "wrong_token_use", CognitoJwtInvalidTokenUseError);
    });

    it("a tampered payload", async () => {
      const [header, , signature] = pool.accessToken({ groups: ["users"] }).split(".");
      const forged = Buffer.from(
        JSON.stringify(
          accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId }, { groups: ["admins"] }),
        ),
      ).toString("base64url");
      await expectInvalid(
        verifiers.verifyAccessToken(`${header}.${forged}.${signature}`),
        "invalid_signature",
        JwtInvalidSignatureError,
      );
    });

    it("a token without the required scope, with 403 insufficient_scope", async () => {
      const token = pool.accessToken({}, { scope: "openid api/read" });
      const err = await verifiers
        .verifyAccessToken(token, { scopes: ["api/write"] })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InsufficientScopeError);
      expect((err as InsufficientScopeError).status).toBe(403);
      expect((err as InsufficientScopeError).wwwAuthenticate()).toBe(
        'Bearer realm="api", error="insufficient_scope", error_description="Requires scope api/write", scope="api/write"',
      );
    });

    it("a user outside the required group, with 403", async () => {
      const token = pool.accessToken({ groups: ["users"] });
      const err = await verifiers.verifyAccessToken(token, { groups: ["admins"] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MissingGroupError);
      expect((err as MissingGroupError).status).toBe(403);
      expect((err as MissingGroupError).requiredGroups).toEqual(["admins"]);
    });

    it("anything when the JWKS server is down (fails closed with 503)", async () => {
      const key = generateSigningKey();
      const server = await startJwksServer([key]);
      const url = server.url;
      await server.close();
      const isolated = createTokenVerifiers({
        userPoolId: pool.userPoolId,
        clientIds: [pool.clientId],
        jwksUrl: url,
        jwksTimeoutMs: 500,
      });
      const token = signJwt(accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId }), key);
      const err = await isolated.verifyAccessToken(token).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KeysUnavailableError);
      expect((err as KeysUnavailableError).status).toBe(503);
      expect((err as KeysUnavailableError).cause).toBeInstanceOf(FetchError);
    });
  });

  it("fetches the JWKS once and reuses it across tokens", async () => {
    const server = await startJwksServer([pool.accessKey, pool.idKey]);
    const local = createTokenVerifiers({
      userPoolId: pool.userPoolId,
      clientIds: [pool.clientId],
      jwksUrl: server.url,
    });
    await local.verifyAccessToken(pool.accessToken());
    await local.verifyAccessToken(pool.accessToken());
    await local.verifyIdToken(pool.idToken());
    expect(server.hits).toBe(1);
    await server.close();
  });

  it("picks up a rotated key by refetching the JWKS", async () => {
    const server = await startJwksServer([pool.accessKey]);
    const local = createTokenVerifiers({
      userPoolId: pool.userPoolId,
      clientIds: [pool.clientId],
      jwksUrl: server.url,
    });
    await local.verifyAccessToken(pool.accessToken());
    const rotated = generateSigningKey("rotated");
    server.setKeys([pool.accessKey, rotated]);
    const token = signJwt(
      accessTokenClaims({ userPoolId: pool.userPoolId, clientId: pool.clientId }),
      rotated,
    );
    await expect(local.verifyAccessToken(token)).resolves.toMatchObject({ token_use: "access" });
    expect(server.hits).toBe(2);
    await server.close();
  });

  it("refuses an invalid config", () => {
    expect(() => createTokenVerifiers({ userPoolId: "not-a-pool", clientIds: [] })).toThrow(
      /Invalid auth config/,
    );
  });
});

describe("bearerTokenFrom", () => {
  it("returns the token of a Bearer header, whatever the scheme's case", () => {
    expect(bearerTokenFrom("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerTokenFrom("bearer abc.def.ghi")).toBe("abc.def.ghi");
  });
  it("throws MissingTokenError without a header or with another scheme", () => {
    expect(() => bearerTokenFrom(undefined)).toThrow(MissingTokenError);
    expect(() => bearerTokenFrom("Basic dXNlcjpwYXNz")).toThrow(MissingTokenError);
  });
  it("throws MalformedAuthorizationError for a broken bearer credential", () => {
    expect(() => bearerTokenFrom("Bearer ")).toThrow(MalformedAuthorizationError);
    expect(() => bearerTokenFrom("Bearer a b")).toThrow(MalformedAuthorizationError);
  });
});
