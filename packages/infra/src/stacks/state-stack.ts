import { AwsProvider, type AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { LocalBackend, TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { StageConfig } from "../config";
import { transportStatements } from "../constructs/bucket-security";
import { policyDocument } from "../policy";
import { REQUIRED_TERRAFORM } from "./terraform-settings";

/** How long superseded state versions are kept (a bad apply can be rolled back from them). */
export const STATE_NONCURRENT_DAYS = 90;

export interface StateStackProps {
  config: StageConfig;
  /** Extra provider settings (the offline rehearsal points every endpoint at moto). */
  provider?: Partial<AwsProviderConfig>;
}

/**
 * The bootstrap: the one bucket a stage's Terraform state lives in, created before the stage's
 * first deploy (`pnpm --filter @repo/infra bootstrap-state -- --stage <stage>`). Versioned,
 * encrypted, private, TLS only, old versions expire after 90 days, and Terraform refuses to
 * destroy it. Its own (tiny) state stays in a local file next to the synthesized stack.
 */
export class StateStack extends TerraformStack {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: StateStackProps) {
    super(scope, id);
    const { config } = props;
    if (config.state.backend !== "s3") {
      throw new TypeError(`stage ${config.stage} keeps its state in a local file: nothing to bootstrap`);
    }
    this.addOverride("terraform.required_version", REQUIRED_TERRAFORM);
    new LocalBackend(this, { path: "terraform.tfstate" });
    new AwsProvider(this, "aws", {
      region: config.state.region,
      ...(config.accountId ? { allowedAccountIds: [config.accountId] } : {}),
      ...(config.deployRoleArn
        ? {
            assumeRole: [
              { roleArn: config.deployRoleArn, sessionName: `${config.appName}-${config.stage}-bootstrap` },
            ],
          }
        : {}),
      defaultTags: [{ tags: { app: config.appName, stage: config.stage, "managed-by": "cdktf" } }],
      ...props.provider,
    });

    this.bucket = new S3Bucket(this, "state", {
      bucket: config.state.bucket,
      lifecycle: { preventDestroy: true },
    });
    const bucket = this.bucket.id;
    new S3BucketPublicAccessBlock(this, "public-access", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
    });
    const versioning = new S3BucketVersioningA(this, "versioning", {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: "old-state-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [{ noncurrentDays: STATE_NONCURRENT_DAYS }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
      dependsOn: [versioning],
    });
    new S3BucketPolicy(this, "policy", {
      bucket,
      policy: policyDocument(transportStatements(this.bucket.arn)),
    });
    new TerraformOutput(this, "state_bucket", { value: this.bucket.bucket }).overrideLogicalId(
      "state_bucket",
    );
  }
}
