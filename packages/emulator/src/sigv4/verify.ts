/**
 * Verifies AWS Signature Version 4 on incoming requests (S3 flavour: the path is signed as sent,
 * not re-escaped), in an `Authorization` header or in a presigned URL's query. The signature is
 * recomputed with the AWS SDK's own signer (`@smithy/signature-v4`), so canonicalisation is exactly
 * what the SDK clients do; this module only takes the request apart and compares.
 *
 * @module
 */
import type { HttpRequest } from "@smithy/types";
import { SigV4Error } from "./errors";
import { type Credential, parseAmzDate, parseCredential, parseQuery, signedHeaderValues } from "./parse";
import { sameHex, signatureMessage, signerFor } from "./signer";

export { SigV4Error, type SigV4ErrorCode } from "./errors";
export { EMPTY_SHA256, Sha256, sha256Hex } from "./signer";

/** A secret the verifier looks up by access key ID. */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Required on the request when set (temporary credentials). */
  sessionToken?: string;
  /** Epoch ms; requests after it fail with `ExpiredToken`. */
  expiresAt?: number;
}

/** The request as it came off the wire. */
export interface IncomingRequest {
  method: string;
  /** The path exactly as sent (still percent-encoded). */
  rawPath: string;
  /** The query string without `?`, as sent. */
  rawQuery: string;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string>>;
}

export interface VerifiedRequest {
  credentials: SigningCredentials;
  region: string;
  service: string;
  /** The `x-amz-content-sha256` the signature covers (a hex digest, `UNSIGNED-PAYLOAD`, `STREAMING-…`). */
  payloadHash: string;
  presigned: boolean;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
/** How far the signing time may be from the server's clock (S3: 15 minutes). */
const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 3600;

/** Is the request signed at all (header or query)? */
export function isSigned(req: IncomingRequest): boolean {
  return req.headers.authorization !== undefined || /(^|&)X-Amz-Signature=/i.test(req.rawQuery);
}

/**
 * Verifies the request's SigV4 signature.
 *
 * @param lookup finds the credentials of an access key ID (undefined: unknown key)
 * @throws SigV4Error with the S3 error code to answer
 */
export async function verifySigV4(
  req: IncomingRequest,
  lookup: (accessKeyId: string) => SigningCredentials | undefined,
  now: Date,
  expectedService = "s3",
): Promise<VerifiedRequest> {
  const auth = req.headers.authorization;
  return auth !== undefined
    ? verifyHeader(req, auth, lookup, now, expectedService)
    : verifyPresigned(req, lookup, now, expectedService);
}

function requireCredentials(
  credential: Credential,
  lookup: (accessKeyId: string) => SigningCredentials | undefined,
  token: string | undefined,
  now: Date,
  expectedService: string,
): SigningCredentials {
  if (credential.service !== expectedService) {
    throw new SigV4Error(
      "AuthorizationHeaderMalformed",
      `The authorization header is malformed; incorrect service "${credential.service}". This endpoint belongs to "${expectedService}".`,
    );
  }
  const creds = lookup(credential.accessKeyId);
  if (!creds) {
    throw new SigV4Error(
      "InvalidAccessKeyId",
      "The AWS Access Key Id you provided does not exist in our records.",
    );
  }
  if (creds.sessionToken !== undefined) {
    if (token === undefined) {
      throw new SigV4Error(
        "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.",
      );
    }
    if (!sameHex(token, creds.sessionToken)) {
      throw new SigV4Error("InvalidToken", "The provided token is malformed or otherwise invalid.");
    }
  }
  if (creds.expiresAt !== undefined && now.getTime() >= creds.expiresAt) {
    throw new SigV4Error("ExpiredToken", "The provided token has expired.");
  }
  return creds;
}

async function verifyHeader(
  req: IncomingRequest,
  auth: string,
  lookup: (accessKeyId: string) => SigningCredentials | undefined,
  now: Date,
  expectedService: string,
): Promise<VerifiedRequest> {
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/.exec(auth.trim());
  if (!m) {
    throw new SigV4Error(
      auth.startsWith("AWS ") ? "InvalidRequest" : "AuthorizationHeaderMalformed",
      "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.",
    );
  }
  const fields: Record<string, string> = {};
  for (const part of (m[1] as string).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const { Credential: credentialField, SignedHeaders: signedField, Signature: signature } = fields;
  if (!credentialField || !signedField || !signature) {
    throw new SigV4Error("AuthorizationHeaderMalformed", "The authorization header is malformed.");
  }
  const credential = parseCredential(credentialField, "AuthorizationHeaderMalformed");
  const signingDate = parseAmzDate(req.headers["x-amz-date"]);
  if (!signingDate) {
    throw new SigV4Error("AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
  }
  if (credential.date !== req.headers["x-amz-date"]?.slice(0, 8)) {
    throw new SigV4Error(
      "AuthorizationHeaderMalformed",
      "The authorization header is malformed; the date in the credential scope does not match x-amz-date.",
    );
  }
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_SKEW_MS) {
    throw new SigV4Error(
      "RequestTimeTooSkewed",
      "The difference between the request time and the current time is too large.",
    );
  }
  const token = req.headers["x-amz-security-token"];
  const creds = requireCredentials(credential, lookup, token, now, expectedService);
  const payloadHash = req.headers["x-amz-content-sha256"];
  if (payloadHash === undefined) {
    throw new SigV4Error("InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
  }
  const signed = signedField.split(";");
  const headers = signedHeaderValues(
    req.headers,
    signed,
    () => new SigV4Error("SignatureDoesNotMatch", signatureMessage),
  );
  const request: HttpRequest = {
    method: req.method,
    protocol: "http:",
    hostname: (req.headers.host ?? "").replace(/:\d+$/, ""),
    path: req.rawPath,
    query: parseQuery(req.rawQuery),
    headers,
  };
  const signer = signerFor(creds, token, credential);
  const result = await signer
    .sign(request, {
      signingDate,
      signingRegion: credential.region,
      signingService: credential.service,
      signableHeaders: new Set(signed),
    })
    .catch(() => {
      throw new SigV4Error("SignatureDoesNotMatch", signatureMessage);
    });
  const computed = /Signature=([0-9a-f]+)$/.exec(String(result.headers.authorization ?? ""))?.[1] ?? "";
  const computedSigned = /SignedHeaders=([^,]+),/.exec(String(result.headers.authorization ?? ""))?.[1];
  if (computedSigned !== signedField || !sameHex(computed, signature)) {
    throw new SigV4Error("SignatureDoesNotMatch", signatureMessage);
  }
  return {
    credentials: creds,
    region: credential.region,
    service: credential.service,
    payloadHash,
    presigned: false,
  };
}

async function verifyPresigned(
  req: IncomingRequest,
  lookup: (accessKeyId: string) => SigningCredentials | undefined,
  now: Date,
  expectedService: string,
): Promise<VerifiedRequest> {
  const query = parseQuery(req.rawQuery);
  const one = (name: string): string | undefined => {
    const v = query[name];
    return typeof v === "string" ? v : undefined;
  };
  const algorithm = one("X-Amz-Algorithm");
  const credentialParam = one("X-Amz-Credential");
  const date = one("X-Amz-Date");
  const expires = one("X-Amz-Expires");
  const signedParam = one("X-Amz-SignedHeaders");
  const signature = one("X-Amz-Signature");
  if (algorithm !== ALGORITHM) {
    throw new SigV4Error(
      "AuthorizationQueryParametersError",
      'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
    );
  }
  if (!credentialParam || !date || !expires || !signedParam || !signature) {
    throw new SigV4Error(
      "AuthorizationQueryParametersError",
      "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
    );
  }
  const credential = parseCredential(credentialParam, "AuthorizationQueryParametersError");
  const signingDate = parseAmzDate(date);
  const expiresIn = /^\d+$/.test(expires) ? Number(expires) : Number.NaN;
  if (!signingDate || credential.date !== date.slice(0, 8)) {
    throw new SigV4Error(
      "AuthorizationQueryParametersError",
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
    );
  }
  if (!Number.isFinite(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGNED_SECONDS) {
    throw new SigV4Error(
      "AuthorizationQueryParametersError",
      "X-Amz-Expires must be less than a week (in seconds) that is 604800",
    );
  }
  if (signingDate.getTime() - now.getTime() > MAX_SKEW_MS) {
    throw new SigV4Error("AccessDenied", "Request is not valid yet");
  }
  if (now.getTime() > signingDate.getTime() + expiresIn * 1000) {
    throw new SigV4Error("AccessDenied", "Request has expired");
  }
  const token = one("X-Amz-Security-Token");
  const creds = requireCredentials(credential, lookup, token, now, expectedService);
  const signed = signedParam.split(";");
  const headers = signedHeaderValues(
    req.headers,
    signed,
    () => new SigV4Error("SignatureDoesNotMatch", signatureMessage),
  );
  const payloadHash =
    one("X-Amz-Content-Sha256") ?? req.headers["x-amz-content-sha256"] ?? "UNSIGNED-PAYLOAD";
  const rest = { ...query };
  delete rest["X-Amz-Signature"];
  const request: HttpRequest = {
    method: req.method,
    protocol: "http:",
    hostname: (req.headers.host ?? "").replace(/:\d+$/, ""),
    path: req.rawPath,
    query: rest,
    // The payload hash rides along as a header the signer reads but neither hoists nor signs.
    headers: {
      ...headers,
      ...(signed.includes("x-amz-content-sha256") ? {} : { "x-amz-content-sha256": payloadHash }),
    },
  };
  const sha256Header = new Set(["x-amz-content-sha256"]);
  const result = await signerFor(creds, token, credential)
    .presign(request, {
      signingDate,
      expiresIn,
      signingRegion: credential.region,
      signingService: credential.service,
      signableHeaders: new Set(signed),
      unhoistableHeaders: sha256Header,
      ...(signed.includes("x-amz-content-sha256") ? {} : { unsignableHeaders: sha256Header }),
    })
    .catch(() => {
      throw new SigV4Error("SignatureDoesNotMatch", signatureMessage);
    });
  const computed = String(result.query?.["X-Amz-Signature"] ?? "");
  if (result.query?.["X-Amz-SignedHeaders"] !== signedParam || !sameHex(computed, signature)) {
    throw new SigV4Error("SignatureDoesNotMatch", signatureMessage);
  }
  return {
    credentials: creds,
    region: credential.region,
    service: credential.service,
    payloadHash,
    presigned: true,
  };
}
