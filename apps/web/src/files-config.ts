/**
 * Where the browser reaches the user-files bucket. On AWS it is the bucket's regional
 * virtual-hosted endpoint (`https://<bucket>.s3.<region>.amazonaws.com`), which the AWS SDK derives
 * from the region by itself; locally the emulator serves the bucket path-style under `/_s3`.
 * Shared by the Files page (what the browser is told) and the Content-Security-Policy (what the
 * browser may connect to), so the two cannot disagree.
 */
export interface S3Location {
  bucket: string;
  region: string;
  /** An explicit endpoint for the SDK (path-style), or none for AWS's own. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** The origin every S3 request of the browser goes to (for `connect-src`). */
  origin: string;
}

export function s3Location(cfg: { bucket: string; region: string; endpoint?: string }): S3Location {
  if (cfg.endpoint) {
    return {
      bucket: cfg.bucket,
      region: cfg.region,
      endpoint: cfg.endpoint.replace(/\/$/, ""),
      forcePathStyle: true,
      origin: new URL(cfg.endpoint).origin,
    };
  }
  // Bucket names with dots break the wildcard certificate of virtual-hosted endpoints.
  if (cfg.bucket.includes(".")) {
    const endpoint = `https://s3.${cfg.region}.amazonaws.com`;
    return { bucket: cfg.bucket, region: cfg.region, endpoint, forcePathStyle: true, origin: endpoint };
  }
  return {
    bucket: cfg.bucket,
    region: cfg.region,
    forcePathStyle: false,
    origin: `https://${cfg.bucket}.s3.${cfg.region}.amazonaws.com`,
  };
}

/** Temporary credentials as the browser's S3 client takes them (`expiration` in epoch ms). */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number;
}

/**
 * Everything the Files page's client component receives (props or a server action's result):
 * never a token, only the identity pool's short-lived credentials and where the bucket is.
 */
export interface FilesAccess {
  identityId: string;
  /** `private/<identityId>/` for a signed-in user; guests have no folder of their own. */
  privatePrefix: string | null;
  credentials: TemporaryCredentials;
  s3: { bucket: string; region: string; endpoint?: string; forcePathStyle: boolean };
}
