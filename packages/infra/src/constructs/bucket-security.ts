import type { PolicyStatement } from "../policy";

/** The oldest TLS version a bucket accepts (S3's `s3:TlsVersion` condition key). */
export const MIN_TLS_VERSION = "1.2";

/** Bucket policy statements every bucket here carries: HTTPS only, and TLS 1.2 or newer. */
export function transportStatements(bucketArn: string): PolicyStatement[] {
  const resources = [bucketArn, `${bucketArn}/*`];
  return [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: resources,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
    {
      Sid: "DenyOutdatedTls",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: resources,
      Condition: { NumericLessThan: { "s3:TlsVersion": MIN_TLS_VERSION } },
    },
  ];
}
