/**
 * Threat protection's risk configuration: what each risk level does, the emails users get, the
 * compromised-credentials action and the stage's blocked IP ranges. Only for pools on the PLUS plan.
 *
 * @module
 */
import { CognitoRiskConfiguration } from "@cdktf/provider-aws/lib/cognito-risk-configuration";
import type { Construct } from "constructs";
import type { StageConfig } from "../config";

export function riskConfiguration(
  scope: Construct,
  userPoolId: string,
  config: StageConfig,
  /** The SES identity notifications are sent as (the stage's email identity, or its own). */
  sourceArn: string,
): CognitoRiskConfiguration {
  return new CognitoRiskConfiguration(scope, "risk", {
    userPoolId,
    accountTakeoverRiskConfiguration: {
      actions: {
        lowAction: { eventAction: "NO_ACTION", notify: false },
        mediumAction: { eventAction: "MFA_IF_CONFIGURED", notify: true },
        highAction: { eventAction: "MFA_REQUIRED", notify: true },
      },
      notifyConfiguration: {
        from: config.threatNotifications.from,
        sourceArn,
        mfaEmail: {
          subject: `New sign-in to your ${config.displayName} account`,
          textBody:
            "We asked for your second factor because this sign-in looked unusual: {ip-address}, {city}, {country}, {login-time}.",
          htmlBody:
            "<p>We asked for your second factor because this sign-in looked unusual: {ip-address}, {city}, {country}, {login-time}.</p>",
        },
        noActionEmail: {
          subject: `New sign-in to your ${config.displayName} account`,
          textBody: "A sign-in from {ip-address}, {city}, {country} at {login-time} was allowed.",
          htmlBody: "<p>A sign-in from {ip-address}, {city}, {country} at {login-time} was allowed.</p>",
        },
        blockEmail: {
          subject: `Blocked sign-in to your ${config.displayName} account`,
          textBody: "We blocked a sign-in from {ip-address}, {city}, {country} at {login-time}.",
          htmlBody: "<p>We blocked a sign-in from {ip-address}, {city}, {country} at {login-time}.</p>",
        },
      },
    },
    compromisedCredentialsRiskConfiguration: {
      eventFilter: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
      actions: { eventAction: "BLOCK" },
    },
    ...(config.blockedIpRanges.length > 0
      ? { riskExceptionConfiguration: { blockedIpRangeList: config.blockedIpRanges } }
      : {}),
  });
}
