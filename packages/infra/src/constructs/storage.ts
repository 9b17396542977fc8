import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketCorsConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-cors-configuration";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { policyDocument } from "../policy";
import { transportStatements } from "./bucket-security";

export interface StorageProps {
  bucketName: string;
  webOrigin: string;
  /** Non-prod stages may empty the bucket on destroy. */
  forceDestroy: boolean;
  /** Terraform refuses any plan that deletes or replaces the bucket. */
  preventDestroy: boolean;
  /** Days a replaced (noncurrent) object version is kept. */
  noncurrentVersionDays: number;
  /** The oldest TLS version the bucket policy accepts; null: HTTPS only, no version floor. */
  minTlsVersion: string | null;
}

/**
 * The user-files bucket: no public access, encrypted at rest, HTTPS with TLS 1.2 or newer only,
 * versioned (replaced versions expire, abandoned multipart uploads are aborted), and CORS that
 * lets the web origin upload straight from the browser with the identity pool's credentials.
 */
export class Storage extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);

    this.bucket = new S3Bucket(this, "files", {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy,
      lifecycle: { preventDestroy: props.preventDestroy },
    });

    new S3BucketPublicAccessBlock(this, "public-access", {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket: this.bucket.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket: this.bucket.id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket: this.bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    // Parts of abandoned browser uploads and replaced versions are billed until deleted.
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket: this.bucket.id,
      rule: [
        {
          id: "abort-incomplete-uploads",
          status: "Enabled",
          filter: [{ prefix: "" }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
        {
          id: "expire-noncurrent-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays }],
          expiration: [{ expiredObjectDeleteMarker: true }],
        },
      ],
      dependsOn: [versioning],
    });
    new S3BucketCorsConfiguration(this, "cors", {
      bucket: this.bucket.id,
      corsRule: [
        {
          allowedOrigins: [props.webOrigin],
          allowedMethods: ["GET", "PUT", "POST", "HEAD", "DELETE"],
          allowedHeaders: ["*"],
          exposeHeaders: ["ETag", "x-amz-version-id"],
          maxAgeSeconds: 3000,
        },
      ],
    });
    new S3BucketPolicy(this, "tls-only", {
      bucket: this.bucket.id,
      policy: policyDocument(transportStatements(this.bucket.arn, props.minTlsVersion)),
    });
  }
}
