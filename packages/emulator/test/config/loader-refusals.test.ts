import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { identityResourcesOf } from "../../src/cognito-identity/from-stack";
import { applyCognito, parseStack, parseStackFiles, type StackModel } from "../../src/stack";
import { StackError } from "../../src/stack/errors";
import { useEmulator } from "../support/emulator";
import { createConfirmedUser, PASSWORD } from "../support/pool";

/** A Terraform reference to the pool, as CDKTF writes it. */
const POOL = ["$", "{aws_cognito_user_pool.users.id}"].join("");

const stackOf = (resources: Record<string, Record<string, Record<string, unknown>>>): StackModel =>
  parseStack(parseStackFiles([{ file: "cdk.tf.json", text: JSON.stringify({ resource: resources }) }]), {
    region: "us-east-1",
    accountId: "123456789012",
    origin: "http://127.0.0.1",
    secretSeed: "seed",
  });

const withPool = (
  pool: Record<string, unknown>,
  more: Record<string, Record<string, Record<string, unknown>>> = {},
) => stackOf({ aws_cognito_user_pool: { users: { name: "users", ...pool } }, ...more });

/**
 * The stack loader says no where the API would: a stack's Cognito settings go through the same
 * front door as a CreateUserPool / CreateUserPoolClient / SetUserPoolMfaConfig request (the AWS
 * model's constraints, then the settings ledger's refusals), and an argument the loader does not
 * read is refused, never dropped.
 */
describe("the stack loader refuses what it would not honour", () => {
  const t = useEmulator();
  const load = (model: StackModel) => () => applyCognito(t.emulator.services, model);

  it.each([
    [
      { web_authn_configuration: { relying_party_id: "example.com" } },
      "SetUserPoolMfaConfig: WebAuthnConfiguration",
    ],
    [
      { sign_in_policy: { allowed_first_auth_factors: ["PASSWORD", "EMAIL_OTP"] } },
      "CreateUserPool: Policies.SignInPolicy",
    ],
    [
      {
        lambda_config: {
          custom_email_sender: {
            lambda_arn: "arn:aws:lambda:us-east-1:123456789012:function:s",
            lambda_version: "V1_0",
          },
        },
      },
      "CreateUserPool: LambdaConfig.CustomEmailSender",
    ],
    [
      { lambda_config: { kms_key_id: "arn:aws:kms:us-east-1:123456789012:key/k" } },
      "CreateUserPool: LambdaConfig.KMSKeyID",
    ],
  ])("refuses %j, naming the pool and the setting", (args, message) => {
    const attempt = load(withPool(args));
    expect(attempt).toThrow(StackError);
    expect(attempt).toThrow(
      `aws_cognito_user_pool.users: ${message} is not supported by the local emulator yet`,
    );
  });

  it("loads email MFA only where the pool sends email with SES, as SetUserPoolMfaConfig does", async () => {
    const emailMfa = { email_mfa_configuration: { message: "Code: {####}", subject: "Your code" } };
    expect(load(withPool(emailMfa))).toThrow(
      "aws_cognito_user_pool.users: Email MFA needs the user pool to send email with Amazon SES",
    );
    const result = applyCognito(
      t.emulator.services,
      withPool({
        ...emailMfa,
        mfa_configuration: "OPTIONAL",
        email_configuration: {
          email_sending_account: "DEVELOPER",
          source_arn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
          from_email_address: "no-reply@example.com",
        },
      }),
    );
    const config = await t.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: result.pools[0]?.id }));
    expect(config.EmailMfaConfiguration).toEqual({ Message: "Code: {####}", Subject: "Your code" });
  });

  it("refuses an argument the loader does not read, naming it", () => {
    // Refused as the stack is read, before anything is built.
    const attempt = () => withPool({ brand_new_setting: { enabled: true } });
    expect(attempt).toThrow(
      "aws_cognito_user_pool.users: brand_new_setting: not supported by the local emulator yet",
    );
  });

  it("refuses what the AWS model refuses, with AWS's validation message", () => {
    const attempt = load(withPool({ password_policy: { minimum_length: 5 } }));
    expect(attempt).toThrow(
      "aws_cognito_user_pool.users: CreateUserPool: 1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    );
  });

  it("refuses a client's analytics and a custom domain", () => {
    const client = {
      aws_cognito_user_pool_client: {
        app: { name: "app", user_pool_id: POOL, analytics_configuration: { application_id: "a" } },
      },
    };
    expect(load(withPool({}, client))).toThrow(
      "aws_cognito_user_pool_client.app: CreateUserPoolClient: AnalyticsConfiguration is not supported",
    );
    const domain = {
      aws_cognito_user_pool_domain: {
        auth: {
          domain: "auth.example.com",
          user_pool_id: POOL,
          certificate_arn: "arn:aws:acm:us-east-1:123456789012:certificate/c",
        },
      },
    };
    expect(load(withPool({}, domain))).toThrow(
      "aws_cognito_user_pool_domain.auth: CreateUserPoolDomain: CustomDomainConfig is not supported",
    );
  });

  it("keeps an identity pool's providers, and refuses what CreateIdentityPool refuses", () => {
    const identityPool = (args: Record<string, unknown>) =>
      stackOf({ aws_cognito_identity_pool: { ids: { identity_pool_name: "ids", ...args } } });
    const { identityPools } = identityResourcesOf(
      identityPool({
        developer_provider_name: "login.acme",
        openid_connect_provider_arns: ["arn:aws:iam::123456789012:oidc-provider/idp.example.com"],
        supported_login_providers: { "accounts.google.com": "client-id" },
      }),
    );
    expect(identityPools[0]?.pool).toMatchObject({
      DeveloperProviderName: "login.acme",
      OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/idp.example.com"],
      SupportedLoginProviders: { "accounts.google.com": "client-id" },
    });
    expect(() => identityResourcesOf(identityPool({ allow_classic_flow: true }))).toThrow(
      "aws_cognito_identity_pool.ids: CreateIdentityPool: AllowClassicFlow is not supported",
    );
    expect(() => identityPool({ some_future_setting: "x" })).toThrow(
      "aws_cognito_identity_pool.ids: some_future_setting: not supported by the local emulator yet",
    );
  });

  it("honours device tracking, refresh-token rotation and the email configuration from the stack", async () => {
    const result = applyCognito(
      t.emulator.services,
      withPool(
        {
          device_configuration: {
            challenge_required_on_new_device: true,
            device_only_remembered_on_user_prompt: false,
          },
          email_configuration: { email_sending_account: "COGNITO_DEFAULT" },
        },
        {
          aws_cognito_user_pool_client: {
            app: {
              name: "app",
              user_pool_id: POOL,
              explicit_auth_flows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
              refresh_token_rotation: { feature: "ENABLED", retry_grace_period_seconds: 10 },
            },
          },
        },
      ),
    );
    const UserPoolId = result.pools[0]?.id ?? "";
    const ClientId = result.clients[0]?.id ?? "";
    const pool = (await t.client.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool;
    expect(pool?.DeviceConfiguration).toEqual({
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: false,
    });
    expect(pool?.EmailConfiguration?.EmailSendingAccount).toBe("COGNITO_DEFAULT");
    const client = (await t.client.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId })))
      .UserPoolClient;
    expect(client?.RefreshTokenRotation).toEqual({ Feature: "ENABLED", RetryGracePeriodSeconds: 10 });
    await createConfirmedUser(t.client, UserPoolId, "stack-user");
    const signIn = await t.client.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "stack-user", PASSWORD },
      }),
    );
    expect(signIn.AuthenticationResult?.NewDeviceMetadata?.DeviceKey).toMatch(/^us-east-1_/);
  });
});
