import type { CognitoUserPoolEmailConfiguration } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { DataAwsSesv2EmailIdentity } from "@cdktf/provider-aws/lib/data-aws-sesv2-email-identity";
import { Sesv2EmailIdentity } from "@cdktf/provider-aws/lib/sesv2-email-identity";
import { Sesv2EmailIdentityPolicy } from "@cdktf/provider-aws/lib/sesv2-email-identity-policy";
import { type TerraformResource, TerraformSelf } from "cdktf";
import { Construct } from "constructs";
import { type StageConfig, sesIdentity } from "../config";
import { policyDocument } from "../policy";

/**
 * Service principals the sending-authorization policy names. AWS's Cognito guide
 * ("Authorizing Amazon Cognito to send Amazon SES email on your behalf") uses
 * `email.cognito-idp.amazonaws.com`; threat-protection notifications are sent by
 * `cognito-idp.amazonaws.com` on the identity named in the risk configuration.
 */
export const cognitoEmailPrincipals = ["email.cognito-idp.amazonaws.com", "cognito-idp.amazonaws.com"];

export interface EmailProps {
  config: StageConfig;
  prefix: string;
}

/**
 * Where the user pool's email comes from. With SES: the identity (created here, or an existing
 * one looked up and required to be verified), the pool's `email_configuration` with
 * `email_sending_account = "DEVELOPER"`, and a sending-authorization policy that lets Cognito
 * send as the identity for this pool and account only. Without: Cognito's default sender.
 */
export class Email extends Construct {
  /** The SES identity's ARN (also the threat-protection notifications' `source_arn`). */
  readonly identityArn: string | undefined;
  /** What the pool must wait for (the identity the stack creates). */
  readonly dependencies: TerraformResource[] = [];
  readonly identity: Sesv2EmailIdentity | undefined;
  private readonly config: StageConfig;
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    this.config = props.config;
    this.prefix = props.prefix;
    const ses = sesIdentity(props.config);
    this.identityArn = ses?.arn;
    if (!ses) return;
    if (ses.create) {
      this.identity = new Sesv2EmailIdentity(this, "identity", { emailIdentity: ses.name });
      this.dependencies.push(this.identity);
    } else {
      // Referenced: the plan stops here unless the identity exists and SES lets it send.
      new DataAwsSesv2EmailIdentity(this, "identity", {
        emailIdentity: ses.name,
        lifecycle: {
          postcondition: [
            {
              condition: TerraformSelf.getAny("verified_for_sending_status"),
              errorMessage: `The SES identity ${ses.name} is not verified for sending: verify it (DKIM records) before deploying (docs/deploy.md, "SES")`,
            },
          ],
        },
      });
    }
  }

  /** The pool's `email_configuration`. */
  poolConfiguration(): CognitoUserPoolEmailConfiguration {
    const { email } = this.config;
    if (email.sender !== "SES") return { emailSendingAccount: "COGNITO_DEFAULT" };
    return {
      emailSendingAccount: "DEVELOPER",
      fromEmailAddress: email.fromName ? `"${email.fromName}" <${email.from}>` : email.from,
      sourceArn: this.identityArn,
      ...(email.replyTo ? { replyToEmailAddress: email.replyTo } : {}),
    };
  }

  /** Lets Cognito send as the identity, for this pool in this account only. */
  authorize(userPoolArn: string): Sesv2EmailIdentityPolicy | undefined {
    const ses = sesIdentity(this.config);
    if (!ses) return undefined;
    return new Sesv2EmailIdentityPolicy(this, "cognito-policy", {
      emailIdentity: this.identity?.emailIdentity ?? ses.name,
      policyName: `${this.prefix}-cognito`,
      policy: policyDocument([
        {
          Sid: "CognitoSendsForThisPool",
          Effect: "Allow",
          Principal: { Service: cognitoEmailPrincipals },
          Action: ["ses:SendEmail", "ses:SendRawEmail"],
          Resource: ses.arn,
          Condition: {
            StringEquals: { "aws:SourceAccount": this.config.accountId as string },
            ArnLike: { "aws:SourceArn": userPoolArn },
          },
        },
      ]),
    });
  }
}
