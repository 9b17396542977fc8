import { CognitoRiskConfiguration } from "@cdktf/provider-aws/lib/cognito-risk-configuration";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { DataAwsSesv2EmailIdentity } from "@cdktf/provider-aws/lib/data-aws-sesv2-email-identity";
import { Sesv2EmailIdentity } from "@cdktf/provider-aws/lib/sesv2-email-identity";
import { Sesv2EmailIdentityPolicy } from "@cdktf/provider-aws/lib/sesv2-email-identity-policy";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { parseStageConfig } from "../config";
import { AppStack } from "../stacks/app-stack";
import { loadStage, stages } from "../stages";
import {
  placeholderBundles,
  ref,
  resourcesOf,
  resourceWhere,
  type Synthesized,
  synthStage,
} from "../test-support";

const local = synthStage("local");
const dev = synthStage("dev");
const prod = synthStage("prod");

const pool = (s: Synthesized) => resourceWhere(s, CognitoUserPool, {});
const dataSources = (s: Synthesized, type: { tfResourceType: string }) =>
  Object.values((s.parsed.data?.[type.tfResourceType] ?? {}) as Record<string, Record<string, unknown>>);
const policyOf = (s: Synthesized) =>
  JSON.parse(resourceWhere(s, Sesv2EmailIdentityPolicy, {}).policy as string) as {
    Statement: Record<string, unknown>[];
  };

describe("Email: local keeps Cognito's default sender", () => {
  it("no SES resources, threat notifications from the stage's own identity", () => {
    expect(pool(local).email_configuration).toEqual({ email_sending_account: "COGNITO_DEFAULT" });
    expect(resourcesOf(local, Sesv2EmailIdentity)).toEqual({});
    expect(resourcesOf(local, Sesv2EmailIdentityPolicy)).toEqual({});
    expect(
      resourceWhere(local, CognitoRiskConfiguration, {}).account_takeover_risk_configuration,
    ).toMatchObject({
      notify_configuration: { source_arn: "arn:aws:ses:us-east-1:123456789012:identity/localhost.example" },
    });
  });
});

describe("Email: deployed stages send through SES (DEVELOPER)", () => {
  it("dev: creates its domain identity and waits for it before the pool", () => {
    expectIdentity(dev, "dev.notes.example.com", "111111111111");
    expect(Object.values(resourcesOf(dev, Sesv2EmailIdentity))).toEqual([
      expect.objectContaining({ email_identity: "dev.notes.example.com" }),
    ]);
    expect(pool(dev).depends_on).toEqual([
      `${Sesv2EmailIdentity.tfResourceType}.${Object.keys(resourcesOf(dev, Sesv2EmailIdentity))[0]}`,
    ]);
    expect(pool(dev).email_configuration).toEqual({
      email_sending_account: "DEVELOPER",
      from_email_address: '"Acme Notes (dev)" <no-reply@dev.notes.example.com>',
      source_arn: "arn:aws:ses:eu-west-1:111111111111:identity/dev.notes.example.com",
    });
  });

  it("prod: references a verified identity, and the plan stops if SES has not verified it", () => {
    expectIdentity(prod, "notes.example.com", "222222222222");
    expect(resourcesOf(prod, Sesv2EmailIdentity)).toEqual({});
    const [identity] = dataSources(prod, DataAwsSesv2EmailIdentity);
    expect(identity).toMatchObject({
      email_identity: "notes.example.com",
      lifecycle: {
        postcondition: [
          {
            condition: `\${self.verified_for_sending_status}`,
            error_message: expect.stringMatching(/not verified/),
          },
        ],
      },
    });
    expect(pool(prod).email_configuration).toEqual({
      email_sending_account: "DEVELOPER",
      from_email_address: '"Acme Notes" <no-reply@notes.example.com>',
      reply_to_email_address: "support@notes.example.com",
      source_arn: "arn:aws:ses:eu-west-1:222222222222:identity/notes.example.com",
    });
  });

  it("publishes the identity and, where the stack creates it, the DKIM tokens to publish", () => {
    const outputs = (name: "dev" | "prod") =>
      JSON.parse(
        Testing.synth(
          new AppStack(Testing.app(), name, { stage: loadStage(name, {}), apiDistDir: placeholderBundles() }),
        ),
      ).output as Record<string, { value: string }>;
    expect(outputs("dev").ses_dkim_tokens?.value).toMatch(
      /^\$\{aws_sesv2_email_identity\.[\w-]+\.dkim_signing_attributes\[0\]\.tokens\}$/,
    );
    expect(outputs("dev").ses_identity_arn?.value).toBe(
      "arn:aws:ses:eu-west-1:111111111111:identity/dev.notes.example.com",
    );
    expect(outputs("prod")).not.toHaveProperty("ses_dkim_tokens");
  });

  function expectIdentity(s: Synthesized, name: string, account: string) {
    const arn = `arn:aws:ses:eu-west-1:${account}:identity/${name}`;
    // Threat-protection notifications go out through the same identity.
    expect(resourceWhere(s, CognitoRiskConfiguration, {}).account_takeover_risk_configuration).toMatchObject({
      notify_configuration: { source_arn: arn },
    });
    // The sending-authorization policy: Cognito, for this pool in this account only.
    const [statement] = policyOf(s).Statement;
    expect(statement).toEqual({
      Sid: "CognitoSendsForThisPool",
      Effect: "Allow",
      Principal: { Service: ["email.cognito-idp.amazonaws.com", "cognito-idp.amazonaws.com"] },
      Action: ["ses:SendEmail", "ses:SendRawEmail"],
      Resource: arn,
      Condition: {
        StringEquals: { "aws:SourceAccount": account },
        ArnLike: { "aws:SourceArn": ref(s, CognitoUserPool, {}, "arn") },
      },
    });
  }
});

describe("Email: what the schema refuses", () => {
  const ses = stages.dev.email;

  it("a deployed stage on Cognito's default sender", () => {
    expect(() =>
      parseStageConfig({
        ...stages.dev,
        email: { sender: "COGNITO_DEFAULT" },
        threatNotifications: {
          from: "a@dev.notes.example.com",
          sesIdentityArn: "arn:aws:ses:eu-west-1:111111111111:identity/x.com",
        },
      }),
    ).toThrow(/dev sends email through SES: Cognito's default sender allows 50 messages a day/);
  });

  it("a from address outside the identity", () => {
    expect(() => parseStageConfig({ ...stages.dev, email: { ...ses, from: "a@example.org" } })).toThrow(
      /a@example.org is not an address of the SES identity dev.notes.example.com/,
    );
    expect(
      parseStageConfig({ ...stages.dev, email: { ...ses, from: "a@mail.dev.notes.example.com" } }).email,
    ).toMatchObject({
      from: "a@mail.dev.notes.example.com",
    });
  });

  it("email MFA or email codes without SES", () => {
    const input = { ...stages.local, emailMfa: { subject: "Code", message: "Your code is {####}" } };
    expect(() => parseStageConfig(input)).toThrow(/emailMfa need email through your own SES identity/);
    expect(() => parseStageConfig({ ...stages.local, passwordless: { factors: ["EMAIL_OTP"] } })).toThrow(
      /EMAIL_OTP need email through your own SES identity/,
    );
  });

  it("a second identity for notifications with SES, or none without", () => {
    expect(() =>
      parseStageConfig({
        ...stages.dev,
        threatNotifications: {
          from: "a@dev.notes.example.com",
          sesIdentityArn: "arn:aws:ses:eu-west-1:111111111111:identity/x.com",
        },
      }),
    ).toThrow(/use the email identity/);
    expect(() =>
      parseStageConfig({ ...stages.local, threatNotifications: { from: "a@localhost.example" } }),
    ).toThrow(/need an SES identity ARN/);
  });
});
