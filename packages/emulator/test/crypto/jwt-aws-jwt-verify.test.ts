/** Tokens from `src/crypto/jwt.ts` with Cognito's claims, checked by aws-jwt-verify's CognitoJwtVerifier. */
import { CognitoJwtVerifier } from "aws-jwt-verify";
import { describe, expect, it } from "vitest";
import { generateUserPoolId, generateUuid } from "../../src/crypto/codes";
import { atHash, generateSigningKey, jwksOf, signJwt } from "../../src/crypto/jwt";

const region = "us-east-1";
const userPoolId = generateUserPoolId(region);
const clientId = "1example23456789abcdefghij";
const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
const idKey = generateSigningKey();
const accessKey = generateSigningKey();
const jwks = jwksOf([idKey, accessKey]);
const sub = generateUuid();
const now = Math.floor(Date.now() / 1000);
const origin = generateUuid();

const accessClaims = {
  sub,
  "cognito:groups": ["admins"],
  iss: issuer,
  client_id: clientId,
  origin_jti: origin,
  event_id: generateUuid(),
  token_use: "access",
  scope: "aws.cognito.signin.user.admin",
  auth_time: now,
  exp: now + 3600,
  iat: now,
  jti: generateUuid(),
  username: sub,
  version: 2,
};
const accessToken = signJwt(accessClaims, accessKey);
const idClaims = {
  sub,
  "cognito:groups": ["admins"],
  email_verified: true,
  iss: issuer,
  "cognito:username": sub,
  origin_jti: origin,
  aud: clientId,
  event_id: accessClaims.event_id,
  token_use: "id",
  auth_time: now,
  exp: now + 3600,
  iat: now,
  jti: generateUuid(),
  email: "alice@example.com",
  at_hash: atHash(accessToken),
};

function verifier(tokenUse: "id" | "access", groups?: string) {
  const created = CognitoJwtVerifier.create({
    userPoolId,
    tokenUse,
    clientId,
    ...(groups ? { groups } : {}),
  });
  created.cacheJwks(jwks);
  return created;
}

describe("aws-jwt-verify CognitoJwtVerifier", () => {
  it("accepts an access token signed with the access key", async () => {
    const payload = await verifier("access", "admins").verify(accessToken);
    expect(payload).toMatchObject({ sub, client_id: clientId, token_use: "access" });
  });

  it("accepts an ID token signed with the ID key", async () => {
    const payload = await verifier("id").verify(signJwt(idClaims, idKey));
    expect(payload).toMatchObject({ sub, aud: clientId, email: "alice@example.com" });
  });

  it("refuses a token for another client, an expired one and one signed by an unknown key", async () => {
    await expect(
      verifier("access").verify(signJwt({ ...accessClaims, client_id: "other" }, accessKey)),
    ).rejects.toThrow(/client id/i);
    await expect(
      verifier("access").verify(signJwt({ ...accessClaims, exp: now - 10 }, accessKey)),
    ).rejects.toThrow(/expired/i);
    await expect(verifier("access").verify(signJwt(accessClaims, generateSigningKey()))).rejects.toThrow();
  });
});
