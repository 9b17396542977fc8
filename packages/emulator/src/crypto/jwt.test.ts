import { createHash, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { atHash, generateSigningKey, JwtError, jwksOf, signJwt, verifyJwt } from "./jwt";

const key = generateSigningKey();
const otherKey = generateSigningKey();
const now = new Date("2026-01-01T00:00:00Z");
const epoch = now.getTime() / 1000;
const payload = { sub: "8c1e-user", token_use: "access", exp: epoch + 3600, iat: epoch };

function decodePart(token: string, index: number): unknown {
  return JSON.parse(Buffer.from(token.split(".")[index] ?? "", "base64url").toString("utf8"));
}

function expectJwtError(run: () => unknown, code: JwtError["code"]) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(JwtError);
    expect((error as JwtError).code).toBe(code);
    return;
  }
  expect.unreachable(`expected JwtError ${code}`);
}

describe("generateSigningKey", () => {
  it("creates an RSA-2048 key with a base64 kid and Cognito's JWK fields", () => {
    expect(key.kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(key.privateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(Object.keys(key.publicJwk)).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(key.publicJwk).toMatchObject({ alg: "RS256", e: "AQAB", kid: key.kid, kty: "RSA", use: "sig" });
    expect(Buffer.from(key.publicJwk.n, "base64url")).toHaveLength(256);
    expect(otherKey.kid).not.toBe(key.kid);
  });

  it("derives the kid from the public key the JWK and the PEM private key share", () => {
    const fromJwk = createPublicKey({ key: { ...key.publicJwk }, format: "jwk" });
    const fromPem = createPublicKey(key.privateKeyPem);
    const spki = fromJwk.export({ type: "spki", format: "der" });
    expect(fromPem.export({ type: "spki", format: "der" }).equals(spki)).toBe(true);
    expect(createHash("sha256").update(spki).digest("base64")).toBe(key.kid);
  });
});

describe("signJwt", () => {
  it("uses the header {kid, alg: RS256} and a signature the public JWK verifies", () => {
    const token = signJwt(payload, key);
    const [header, body, signature] = token.split(".") as [string, string, string];
    expect(Buffer.from(header, "base64url").toString()).toBe(`{"kid":"${key.kid}","alg":"RS256"}`);
    expect(decodePart(token, 1)).toEqual(payload);
    const publicKey = createPublicKey({ key: { ...key.publicJwk }, format: "jwk" });
    expect(
      verify("sha256", Buffer.from(`${header}.${body}`), publicKey, Buffer.from(signature, "base64url")),
    ).toBe(true);
  });

  it("signs after the key went through JSON (as the store keeps it)", () => {
    const restored = JSON.parse(JSON.stringify(otherKey)) as typeof otherKey;
    expect(verifyJwt(signJwt(payload, restored), [otherKey], now)).toEqual(payload);
  });
});

describe("jwksOf", () => {
  it("lists the public halves only", () => {
    const jwks = jwksOf([key, otherKey]);
    expect(jwks.keys.map((jwk) => jwk.kid)).toEqual([key.kid, otherKey.kid]);
    expect(JSON.stringify(jwks)).not.toContain("PRIVATE");
    expect(Object.keys(jwks.keys[0] ?? {})).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
  });
});

describe("verifyJwt", () => {
  it("returns the payload of a valid token", () => {
    expect(verifyJwt(signJwt(payload, key), [otherKey, key], now)).toEqual(payload);
  });

  it("refuses an expired token", () => {
    expectJwtError(() => verifyJwt(signJwt({ ...payload, exp: epoch }, key), [key], now), "expired");
    expectJwtError(() => verifyJwt(signJwt(payload, key), [key], new Date((epoch + 3601) * 1000)), "expired");
  });

  it("refuses a token signed by a key not in the list", () => {
    expectJwtError(() => verifyJwt(signJwt(payload, otherKey), [key], now), "unknown-kid");
  });

  it("refuses a tampered payload or a signature by another key under a known kid", () => {
    const token = signJwt(payload, key);
    const [header, , signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: "admin" })).toString("base64url");
    expectJwtError(() => verifyJwt(`${header}.${forged}.${signature}`, [key], now), "bad-signature");
    const impostor = { ...otherKey, kid: key.kid };
    expectJwtError(() => verifyJwt(signJwt(payload, impostor), [key], now), "bad-signature");
  });

  it("refuses malformed tokens, alg none and tokens without exp", () => {
    expectJwtError(() => verifyJwt("not-a-jwt", [key], now), "malformed");
    expectJwtError(() => verifyJwt("a.b.c.d", [key], now), "malformed");
    const none = `${Buffer.from(JSON.stringify({ kid: key.kid, alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.sig`;
    expectJwtError(() => verifyJwt(none, [key], now), "malformed");
    const { exp: _exp, ...withoutExp } = payload;
    expectJwtError(() => verifyJwt(signJwt(withoutExp, key), [key], now), "malformed");
  });
});

describe("atHash", () => {
  it("is base64url of the left half of SHA-256 (value computed with Python hashlib)", () => {
    expect(atHash("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln")).toBe("nwJArrV0mCuikCkDTDoLqg");
  });
});
