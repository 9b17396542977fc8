import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketCorsConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-cors-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";
import { policyDocument } from "../policy";

export interface StorageProps {
  bucketName: string;
  webOrigin: string;
  /** Non-prod stages may empty the bucket on destroy. */
  forceDestroy: boolean;
  /** Terraform refuses any plan that deletes or replaces the bucket. */
  preventDestroy: boolean;
}

/**
 * The user-files bucket: no public access, encrypted at rest, TLS only, versioned, and CORS that
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
    new S3BucketVersioningA(this, "versioning", {
      bucket: this.bucket.id,
      versioningConfiguration: { status: "Enabled" },
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
      policy: policyDocument([
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: { AWS: "*" },
          Action: "s3:*",
          Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ]),
    });
  }
}
