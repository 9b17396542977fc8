import type { PolicyStatement } from "../policy";

/** The oldest TLS version a bucket accepts (S3's `s3:TlsVersion` condition key). */
export const MIN_TLS_VERSION = "1.2";

/**
 * Bucket policy statements: HTTPS only, and (unless `minTlsVersion` is null) TLS `minTlsVersion`
 * (1.2 by default) or newer.
 */
export function transportStatements(
  bucketArn: string,
  minTlsVersion: string | null = MIN_TLS_VERSION,
): PolicyStatement[] {
  const resources = [bucketArn, `${bucketArn}/*`];
  const statements: PolicyStatement[] = [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: resources,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ];
  if (minTlsVersion === null) return statements;
  statements.push({
    Sid: "DenyOutdatedTls",
    Effect: "Deny",
    Principal: { AWS: "*" },
    Action: "s3:*",
    Resource: resources,
    Condition: { NumericLessThan: { "s3:TlsVersion": minTlsVersion } },
  });
  return statements;
}
