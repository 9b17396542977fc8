/**
 * The SDK's own SigV4 signer (`@smithy/signature-v4`) set up to recompute a request's signature
 * as the client did, with Node's crypto as its hash, and the constant-time comparison of the result.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Hash, SourceData } from "@smithy/types";
import type { Credential } from "./parse";
import type { SigningCredentials } from "./verify";

/** SHA-256 / HMAC-SHA256 over Node's crypto, in the shape the SDK signer takes. */
export class Sha256 implements Hash {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === "string") return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export const signatureMessage =
  "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function signerFor(
  creds: SigningCredentials,
  token: string | undefined,
  credential: Credential,
): SignatureV4 {
  return new SignatureV4({
    credentials: {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      ...(token !== undefined ? { sessionToken: token } : {}),
    },
    region: credential.region,
    service: credential.service,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
}

/** Hex SHA-256 of a body, to compare with a signed `x-amz-content-sha256`. */
export function sha256Hex(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}
