import { AwsProvider, type AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { ResolvedStage } from "../config";
import { Platform } from "../constructs/platform";
import { configureTerraform } from "./terraform-settings";

export interface AppStackProps {
  stage: ResolvedStage;
  /** Folder with one esbuild bundle per function (`<dir>/<function>/index.js`). */
  apiDistDir: string;
  /** Extra provider settings (the offline rehearsal points every endpoint at moto). */
  provider?: Partial<AwsProviderConfig>;
  /** Keep the state in this local file instead of the stage's backend (the offline rehearsal). */
  localStatePath?: string;
}
/** Names of the stack outputs: `cdktf output`, the env-file script and the emulator read them. */
export const outputNames = [
  "region",
  "web_origin",
  "user_pool_id",
  "user_pool_arn",
  "issuer",
  "web_client_id",
  "web_client_secret",
  "mobile_client_id",
  "server_client_id",
  "server_client_secret",
  "hosted_ui_domain",
  "hosted_ui_url",
  "identity_pool_id",
  "api_url",
  "files_bucket",
  "app_table",
  "sessions_table",
] as const;
export type OutputName = (typeof outputNames)[number];

/**
 * One stage in one Terraform stack, so one `cdktf deploy <stage>` creates all of it: the AWS
 * provider, the {@link Platform} and the outputs the apps are configured from.
 */
export class AppStack extends TerraformStack {
  readonly platform: Platform;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id);
    const { config } = props.stage;
    configureTerraform(this, config, props.localStatePath);

    new AwsProvider(this, "aws", {
      region: config.region,
      // Credentials of another account stop at plan time, before anything changes.
      ...(config.accountId ? { allowedAccountIds: [config.accountId] } : {}),
      ...(config.deployRoleArn
        ? {
            assumeRole: [
              { roleArn: config.deployRoleArn, sessionName: `${config.appName}-${config.stage}-deploy` },
            ],
          }
        : {}),
      defaultTags: [{ tags: { app: config.appName, stage: config.stage, "managed-by": "cdktf" } }],
      ...props.provider,
    });

    const p = new Platform(this, "platform", { stage: props.stage, apiDistDir: props.apiDistDir });
    this.platform = p;

    const outputs: Record<OutputName, { value: string; sensitive?: boolean; description: string }> = {
      region: { value: config.region, description: "AWS region of the stage" },
      web_origin: { value: config.webOrigin, description: "The web app's origin" },
      user_pool_id: { value: p.auth.userPool.id, description: "Cognito user pool ID" },
      user_pool_arn: { value: p.auth.userPool.arn, description: "Cognito user pool ARN" },
      issuer: { value: p.auth.issuer, description: "Token issuer (iss)" },
      web_client_id: { value: p.auth.webClient.id, description: "Web app client ID" },
      web_client_secret: {
        value: p.auth.webClient.clientSecret,
        sensitive: true,
        description: "Web app client secret",
      },
      mobile_client_id: { value: p.auth.mobileClient.id, description: "Mobile app client ID (public)" },
      server_client_id: { value: p.auth.serverClient.id, description: "Machine-to-machine client ID" },
      server_client_secret: {
        value: p.auth.serverClient.clientSecret,
        sensitive: true,
        description: "Machine-to-machine client secret",
      },
      hosted_ui_domain: { value: p.auth.domain.domain, description: "Hosted UI domain prefix" },
      hosted_ui_url: { value: p.auth.hostedUiUrl, description: "Hosted UI base URL" },
      identity_pool_id: { value: p.identity.pool.id, description: "Cognito identity pool ID" },
      api_url: { value: p.api.url, description: "HTTP API base URL" },
      files_bucket: { value: p.storage.bucket.bucket, description: "User files bucket" },
      app_table: { value: p.data.appTable.name, description: "App table (notes, profiles)" },
      sessions_table: { value: p.data.sessionsTable.name, description: "next-auth sessions table" },
    };
    for (const [name, o] of Object.entries(outputs)) {
      new TerraformOutput(this, name, o).overrideLogicalId(name);
    }
    // For the operator (docs/deploy.md), not the apps.
    const extra: Record<string, { value: unknown; description: string }> = {};
    const { email } = p.auth;
    extra.alarm_topic_arn = {
      value: p.monitoring.topic.arn,
      description: "SNS topic every alarm of the stage notifies (subscribe on-call here)",
    };
    if (email.identityArn) {
      extra.ses_identity_arn = {
        value: email.identityArn,
        description: "SES identity Cognito sends email as",
      };
    }
    if (p.api.domain) {
      extra.api_domain_target = {
        value: p.api.domain.domainNameConfiguration.targetDomainName,
        description: "Point the API's custom domain here (CNAME, or alias A in the hosted zone below)",
      };
      extra.api_domain_zone_id = {
        value: p.api.domain.domainNameConfiguration.hostedZoneId,
        description: "Hosted zone of api_domain_target (Route 53 alias)",
      };
    }
    if (config.hostedUiCustomDomain) {
      extra.hosted_ui_cloudfront = {
        value: p.auth.domain.cloudfrontDistribution,
        description: "Point the hosted UI's custom domain here (alias A, hosted zone Z2FDTNDATAQYW2)",
      };
    }
    if (email.identity) {
      extra.ses_dkim_tokens = {
        value: email.identity.dkimSigningAttributes.tokens,
        description: "Publish <token>._domainkey.<domain> CNAME <token>.dkim.amazonses.com for each",
      };
    }
    for (const [name, o] of Object.entries(extra)) new TerraformOutput(this, name, o).overrideLogicalId(name);
  }
}
