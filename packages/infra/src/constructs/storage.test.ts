import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketCorsConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-cors-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { describe, expect, it } from "vitest";
import { expectResource, ref, resourceWhere, synthStage } from "../test-support";

const local = synthStage("local");
const prod = synthStage("prod");
const bucket = ref(local, S3Bucket, {}, "id");

describe("Storage: user-files bucket", () => {
  it("blocks every kind of public access", () => {
    expectResource(local, S3BucketPublicAccessBlock, {
      bucket,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it("encrypts at rest, versions objects and refuses plain HTTP", () => {
    expectResource(local, S3BucketServerSideEncryptionConfigurationA, {
      bucket,
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }],
    });
    expectResource(local, S3BucketVersioningA, { bucket, versioning_configuration: { status: "Enabled" } });
    const policy = JSON.parse(resourceWhere(local, S3BucketPolicy, { bucket }).policy as string);
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    ]);
  });

  it("allows direct browser uploads from the web origin", () => {
    expectResource(local, S3BucketCorsConfiguration, {
      bucket,
      cors_rule: [
        {
          allowed_origins: ["http://localhost:3000"],
          allowed_methods: ["GET", "PUT", "POST", "HEAD", "DELETE"],
          allowed_headers: ["*"],
          expose_headers: ["ETag", "x-amz-version-id"],
        },
      ],
    });
    expectResource(prod, S3BucketCorsConfiguration, {
      cors_rule: [{ allowed_origins: ["https://notes.example.com"] }],
    });
  });

  it("empties the bucket on destroy outside prod only", () => {
    expectResource(local, S3Bucket, { bucket: "acme-notes-local-user-files", force_destroy: true });
    expectResource(prod, S3Bucket, { bucket: "acme-notes-prod-user-files", force_destroy: false });
  });
});

describe("Data: DynamoDB tables", () => {
  it("app table: pk/sk string keys, as apps/api reads and writes them", () => {
    expectResource(local, DynamodbTable, {
      name: "acme-notes-local-app",
      hash_key: "pk",
      range_key: "sk",
      attribute: [
        { name: "pk", type: "S" },
        { name: "sk", type: "S" },
      ],
      billing_mode: "PAY_PER_REQUEST",
    });
  });

  it("sessions table: the next-auth DynamoDB adapter's key schema, GSI1 and TTL on expires", () => {
    expectResource(local, DynamodbTable, {
      name: "acme-notes-local-sessions",
      hash_key: "pk",
      range_key: "sk",
      attribute: [
        { name: "pk", type: "S" },
        { name: "sk", type: "S" },
        { name: "GSI1PK", type: "S" },
        { name: "GSI1SK", type: "S" },
      ],
      global_secondary_index: [
        { name: "GSI1", hash_key: "GSI1PK", range_key: "GSI1SK", projection_type: "ALL" },
      ],
      ttl: { attribute_name: "expires", enabled: true },
    });
  });

  it("protects prod tables from deletion, with point-in-time recovery", () => {
    for (const name of ["acme-notes-prod-app", "acme-notes-prod-sessions"]) {
      expectResource(prod, DynamodbTable, {
        name,
        deletion_protection_enabled: true,
        point_in_time_recovery: { enabled: true },
        server_side_encryption: { enabled: true },
      });
    }
    expectResource(local, DynamodbTable, {
      name: "acme-notes-local-app",
      deletion_protection_enabled: false,
    });
  });
});
