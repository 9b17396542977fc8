import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { type IncomingRequest, Sha256, type SigningCredentials, SigV4Error, verifySigV4 } from "./verify";

const creds: SigningCredentials = {
  accessKeyId: "ASIAEXAMPLE0000001",
  secretAccessKey: "secret/key+value",
  sessionToken: "token-1",
  expiresAt: Date.UTC(2026, 0, 1, 13, 0, 0),
};
const lookup = (id: string) => (id === creds.accessKeyId ? creds : undefined);
const NOW = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
const signer = (secret = creds.secretAccessKey) =>
  new SignatureV4({
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: secret, sessionToken: "token-1" },
    region: "us-east-1",
    service: "s3",
    sha256: Sha256,
    uriEscapePath: false,
  });

const base = (): HttpRequest => ({
  method: "GET",
  protocol: "http:",
  hostname: "127.0.0.1",
  port: 9229,
  path: "/_s3/bucket/private/a%20b.txt",
  query: { "list-type": "2", prefix: "a b/" },
  headers: { host: "127.0.0.1:9229", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
});

function incoming(r: HttpRequest): IncomingRequest {
  const rawQuery = Object.entries(r.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method: r.method, rawPath: r.path, rawQuery, headers };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SigV4Error) return err.code;
    throw err;
  }
  return "none";
}

describe("verifySigV4", () => {
  it("accepts a request signed in the Authorization header by the SDK signer", async () => {
    const signed = await signer().sign(base(), { signingDate: NOW });
    const v = await verifySigV4(incoming(signed), lookup, NOW);
    expect(v).toMatchObject({
      region: "us-east-1",
      service: "s3",
      payloadHash: "UNSIGNED-PAYLOAD",
      presigned: false,
    });
  });

  it("refuses a tampered signature, a changed path and a wrong secret", async () => {
    const signed = incoming(await signer().sign(base(), { signingDate: NOW }));
    const tampered = {
      ...signed,
      headers: { ...signed.headers, authorization: `${signed.headers.authorization?.slice(0, -1)}0` },
    };
    expect(await codeOf(verifySigV4(tampered, lookup, NOW))).toBe("SignatureDoesNotMatch");
    expect(await codeOf(verifySigV4({ ...signed, rawPath: "/_s3/bucket/other" }, lookup, NOW))).toBe(
      "SignatureDoesNotMatch",
    );
    const wrong = incoming(await signer("other").sign(base(), { signingDate: NOW }));
    expect(await codeOf(verifySigV4(wrong, lookup, NOW))).toBe("SignatureDoesNotMatch");
  });

  it("refuses unknown keys, wrong tokens, expired credentials and skewed clocks", async () => {
    const signed = incoming(await signer().sign(base(), { signingDate: NOW }));
    expect(await codeOf(verifySigV4(signed, () => undefined, NOW))).toBe("InvalidAccessKeyId");
    expect(await codeOf(verifySigV4(signed, () => ({ ...creds, sessionToken: "token-2" }), NOW))).toBe(
      "InvalidToken",
    );
    const later = new Date(Date.UTC(2026, 0, 1, 13, 0, 0));
    const fresh = incoming(await signer().sign(base(), { signingDate: later }));
    expect(await codeOf(verifySigV4(fresh, lookup, later))).toBe("ExpiredToken");
    expect(await codeOf(verifySigV4(signed, lookup, new Date(NOW.getTime() + 16 * 60_000)))).toBe(
      "RequestTimeTooSkewed",
    );
  });

  it("accepts a presigned URL until it expires", async () => {
    const req = base();
    req.headers = { host: "127.0.0.1:9229", "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD" };
    const presigned = incoming(await signer().presign(req, { signingDate: NOW, expiresIn: 300 }));
    presigned.headers = { host: "127.0.0.1:9229" };
    expect((await verifySigV4(presigned, lookup, NOW)).presigned).toBe(true);
    expect(await codeOf(verifySigV4(presigned, lookup, new Date(NOW.getTime() + 301_000)))).toBe(
      "AccessDenied",
    );
    const tampered = { ...presigned, rawQuery: presigned.rawQuery.replace("prefix=a", "prefix=b") };
    expect(await codeOf(verifySigV4(tampered, lookup, NOW))).toBe("SignatureDoesNotMatch");
  });
});
