import { randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { identityStoreOf } from "../cognito-identity/store";
import type { Services } from "../cognito-idp/services";
import { evaluatePolicies, type PolicyDocument } from "../iam/policy";
import { iamRolesOf } from "../iam/roles";
import { isSigned, SigV4Error, sha256Hex, verifySigV4 } from "../sigv4/verify";
import { corsHeaders, findCorsRule } from "./cors";
import { errorXml, S3Error } from "./errors";
import { type Handled, operations } from "./operations";
import { classify, decodeAwsChunked } from "./request";
import { type Bucket, S3Store } from "./store";

export interface S3Options {
  /** Where object bytes are kept (a temp dir in tests). */
  dataDir: string;
  /**
   * The value of `aws:SecureTransport`. The emulator speaks plain HTTP on localhost in place of
   * S3's HTTPS endpoint, so by default requests count as secure (a bucket policy denying insecure
   * transport still applies when this is false).
   */
  secureTransport?: boolean;
}

/** Path prefix of the S3 endpoint: `http://<emulator>/_s3/<bucket>/<key>` (path-style). */
export const S3_BASE_PATH = "/_s3";

const stores = new WeakMap<object, S3Store>();

/** The S3 tables of a store, objects under `dataDir` (created on first use). */
export function s3StoreOf(services: Services, dataDir: string): S3Store {
  let s = stores.get(services.store);
  if (!s) {
    s = new S3Store(services.store, dataDir);
    stores.set(services.store, s);
  }
  return s;
}

function lowerHeaders(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  c.req.raw.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/**
 * Path-style S3 under `/_s3/`: SigV4 (header or presigned query) with identity-pool credentials,
 * then the role's IAM policies together with the bucket policy, then the operation. Bucket CORS is
 * answered here too, so this must be mounted before any app-wide CORS middleware.
 */
export function mountS3(app: Hono, services: Services, options: S3Options): S3Store {
  const s3 = s3StoreOf(services, options.dataDir);
  const handler = async (c: Context) => {
    const requestId = randomBytes(8).toString("hex").toUpperCase();
    const url = new URL(c.req.url);
    const rawPath = url.pathname;
    const rest = rawPath.slice(S3_BASE_PATH.length + 1);
    const slash = rest.indexOf("/");
    let bucketName = "";
    let key = "";
    const method = c.req.method.toUpperCase();
    const headers = lowerHeaders(c);
    const origin = headers.origin;
    let bucket: Bucket | undefined;
    const base: Record<string, string> = { "x-amz-request-id": requestId, "x-amz-id-2": requestId };
    try {
      try {
        bucketName = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
        key = slash === -1 ? "" : decodeURIComponent(rest.slice(slash + 1));
      } catch {
        throw new S3Error("InvalidArgument", "The key is not correctly encoded.");
      }
      bucket = bucketName ? s3.getBucket(bucketName) : undefined;
      if (method === "OPTIONS") return preflight(c, bucket, headers, base);
      if (!bucketName) throw new S3Error("NotImplemented", "ListBuckets is not implemented.");
      if (!isSigned({ method, rawPath, rawQuery: url.search.slice(1), headers })) {
        throw new S3Error("AccessDenied", "Access Denied");
      }
      const identities = identityStoreOf(services.store);
      const verified = await verifySigV4(
        { method, rawPath, rawQuery: url.search.slice(1), headers },
        (id) => {
          const cred = identities.getCredentials(id);
          return cred
            ? {
                accessKeyId: cred.accessKeyId,
                secretAccessKey: cred.secretKey,
                sessionToken: cred.sessionToken,
                expiresAt: cred.expiresAt,
              }
            : undefined;
        },
        services.clock.now(),
      );
      const credential = identities.getCredentials(verified.credentials.accessKeyId);
      if (!credential)
        throw new S3Error(
          "InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records.",
        );
      if (!bucket) throw new S3Error("NoSuchBucket", "The specified bucket does not exist", `/${bucketName}`);
      const query = url.searchParams;
      const op = classify(method, bucket.name, key, query);

      let body: Uint8Array = new Uint8Array(await c.req.arrayBuffer());
      const hash = verified.payloadHash;
      if (/^[0-9a-f]{64}$/.test(hash)) {
        if (sha256Hex(body) !== hash) {
          throw new S3Error(
            "XAmzContentSHA256Mismatch",
            "The provided 'x-amz-content-sha256' header does not match what was computed.",
          );
        }
      } else if (hash === "STREAMING-UNSIGNED-PAYLOAD-TRAILER") {
        body = decodeAwsChunked(body);
      } else if (hash !== "UNSIGNED-PAYLOAD") {
        throw new S3Error("InvalidRequest", `Unsupported x-amz-content-sha256 value: ${hash}`);
      }

      const role = iamRolesOf(services.store).getRole(credential.roleArn);
      const roleName = credential.roleArn.slice(credential.roleArn.lastIndexOf("/") + 1);
      const policies: PolicyDocument[] = [
        ...(role?.policies ?? []),
        ...(bucket.policy ? [bucket.policy] : []),
      ];
      const context: Record<string, string | string[]> = {
        ...credential.context,
        "aws:SecureTransport": String(options.secureTransport ?? true),
        // Standing in for S3's HTTPS endpoint, the connection counts as TLS 1.3 (what current
        // SDKs negotiate), so a stack's "deny TLS below 1.2" policy lets local clients through.
        ...((options.secureTransport ?? true) ? { "s3:TlsVersion": "1.3" } : {}),
        "aws:PrincipalArn": credential.roleArn,
      };
      if (op.name === "ListObjectsV2") {
        for (const name of ["prefix", "delimiter", "max-keys"]) {
          const v = query.get(name);
          if (v !== null) context[`s3:${name}`] = v;
        }
      }
      const decision = evaluatePolicies(policies, {
        action: op.action,
        resource: op.resource,
        principals: [
          credential.roleArn,
          `arn:aws:sts::${services.accountId}:assumed-role/${roleName}/CognitoIdentityCredentials`,
        ],
        context,
      });
      if (decision.decision !== "Allow") throw new S3Error("AccessDenied", "Access Denied");

      const result: Handled = await operations[op.name]({
        s3,
        bucket,
        key,
        query,
        headers,
        body,
        now: services.clock.now().getTime(),
      });
      const cors = origin ? findCorsRule(bucket.cors, origin, method) : undefined;
      return new Response(method === "HEAD" ? null : (result.body ?? null), {
        status: result.status ?? 200,
        headers: { ...base, ...(cors && origin ? corsHeaders(cors, origin) : {}), ...result.headers },
      });
    } catch (err) {
      const e =
        err instanceof S3Error
          ? err
          : err instanceof SigV4Error
            ? new S3Error(err.code, err.message)
            : new S3Error("InternalError", "We encountered an internal error. Please try again.");
      if (e.code === "InternalError") console.error("emulator: internal S3 error", err);
      const cors = origin && bucket ? findCorsRule(bucket.cors, origin, method) : undefined;
      const h = {
        ...base,
        ...(cors && origin ? corsHeaders(cors, origin) : {}),
        "content-type": "application/xml",
      };
      return new Response(method === "HEAD" ? null : errorXml(e, requestId), {
        status: e.status,
        headers: h,
      });
    }
  };
  app.all(`${S3_BASE_PATH}/*`, handler);
  return s3;
}

function preflight(
  c: Context,
  bucket: Bucket | undefined,
  headers: Record<string, string>,
  base: Record<string, string>,
) {
  const origin = headers.origin;
  const method = headers["access-control-request-method"];
  const requested = (headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const rule = bucket && origin && method ? findCorsRule(bucket.cors, origin, method, requested) : undefined;
  if (!rule || !origin) {
    const e = new S3Error(
      "CORSResponse",
      "This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
    );
    return c.body(errorXml(e, base["x-amz-request-id"] ?? ""), 403, {
      ...base,
      "content-type": "application/xml",
    });
  }
  return c.body(null, 200, {
    ...base,
    ...corsHeaders(rule, origin),
    ...(requested.length ? { "access-control-allow-headers": requested.join(", ") } : {}),
  });
}
