import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createTokenVerifiers } from "@repo/auth-shared";
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from "amazon-cognito-identity-js";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

/**
 * USER_SRP_AUTH through amazon-cognito-identity-js (its own AuthenticationHelper and
 * CognitoUser.authenticateUser) against the emulator over HTTP, and the tokens through
 * aws-jwt-verify's CognitoJwtVerifier with the emulator's JWKS.
 */
describe("SRP sign-in with amazon-cognito-identity-js", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client, { UsernameAttributes: ["email"] });
    ({ clientId } = await createClient(t.client, poolId));
    await createConfirmedUser(t.client, poolId, "srp@example.com", { email_verified: "true" });
  });

  function signIn(username: string, password: string, appClientId = clientId): Promise<CognitoUserSession> {
    const pool = new CognitoUserPool({
      UserPoolId: poolId,
      ClientId: appClientId,
      endpoint: `${t.emulator.url}/`,
    });
    const user = new CognitoUser({ Username: username, Pool: pool });
    return new Promise((resolve, reject) => {
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: resolve,
        onFailure: reject,
      });
    });
  }

  it("signs in with the right password; aws-jwt-verify accepts both tokens", async () => {
    const session = await signIn("srp@example.com", PASSWORD);
    expect(session.isValid()).toBe(true);
    const verifiers = createTokenVerifiers({
      userPoolId: poolId,
      clientIds: [clientId],
      jwksUrl: `${t.emulator.url}/${poolId}/.well-known/jwks.json`,
    });
    const access = await verifiers.verifyAccessToken(session.getAccessToken().getJwtToken());
    const id = await verifiers.verifyIdToken(session.getIdToken().getJwtToken());
    expect(access.sub).toBe(id.sub);
    expect(id.email).toBe("srp@example.com");
  });

  it("refuses a wrong password with NotAuthorizedException", async () => {
    const err = (await errorOf(signIn("srp@example.com", "Wrong-Password-9"))) as unknown as {
      code: string;
      message: string;
    };
    expect(err.code).toBe("NotAuthorizedException");
    expect(err.message).toBe("Incorrect username or password.");
  });

  it("refuses an unknown user", async () => {
    const err = (await errorOf(signIn("nobody@example.com", PASSWORD))) as unknown as { code: string };
    expect(err.code).toBe("UserNotFoundException");
  });

  it("serves the pool's two signing keys as JWKS", async () => {
    const res = await fetch(`${t.emulator.url}/${poolId}/.well-known/jwks.json`);
    const jwks = (await res.json()) as { keys: { kid: string; alg: string; kty: string; use: string }[] };
    expect(jwks.keys).toHaveLength(2);
    expect(new Set(jwks.keys.map((k) => k.kid)).size).toBe(2);
    for (const key of jwks.keys) expect(key).toMatchObject({ alg: "RS256", kty: "RSA", use: "sig" });
  });

  // Before the ALLOW_ values, SRP and refresh were always on and CUSTOM_AUTH_FLOW_ONLY turned SRP
  // off; a client that still has only legacy values signs in as it did then.
  it("lets a client with only legacy ExplicitAuthFlows use SRP and refresh, unless it is CUSTOM_AUTH_FLOW_ONLY", async () => {
    const legacy = await createClient(t.client, poolId, { ExplicitAuthFlows: ["ADMIN_NO_SRP_AUTH"] });
    const session = await signIn("srp@example.com", PASSWORD, legacy.clientId);
    expect(session.isValid()).toBe(true);
    const refreshed = await t.client.send(
      new InitiateAuthCommand({
        ClientId: legacy.clientId,
        AuthFlow: "REFRESH_TOKEN_AUTH",
        AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
    const custom = await createClient(t.client, poolId, { ExplicitAuthFlows: ["CUSTOM_AUTH_FLOW_ONLY"] });
    const err = (await errorOf(signIn("srp@example.com", PASSWORD, custom.clientId))) as unknown as {
      code: string;
      message: string;
    };
    expect(err).toMatchObject({
      code: "InvalidParameterException",
      message: "USER_SRP_AUTH flow not enabled for this client",
    });
    const mixed = await errorOf(
      createClient(t.client, poolId, { ExplicitAuthFlows: ["ADMIN_NO_SRP_AUTH", "ALLOW_USER_SRP_AUTH"] }),
    );
    expect(mixed.name).toBe("InvalidParameterException");
  });
});
