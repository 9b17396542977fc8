import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from "node:crypto";

/** One RSA signing key as a user pool holds it: private key for signing, public JWK for the JWKS. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The JWKS entry, in Cognito's shape: `{alg, e, kid, kty, n, use}`. */
  jwk: { alg: "RS256"; e: string; kid: string; kty: "RSA"; n: string; use: "sig" };
}

/** Generates an RSA-2048 key with a Cognito-like `kid` (base64 of random bytes). */
export function generateSigningKey(kid: string = Buffer.from(randomUUID()).toString("base64")): SigningKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return fromPrivateKey(privateKey, kid);
}

/** Rebuilds a signing key from a PEM private key. */
export function signingKeyFromPem(pem: string, kid: string): SigningKey {
  return fromPrivateKey(createPrivateKey(pem), kid);
}

function fromPrivateKey(privateKey: KeyObject, kid: string): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const { n, e } = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  return { kid, privateKey, publicKey, jwk: { alg: "RS256", e, kid, kty: "RSA", n, use: "sig" } };
}
