import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  ConfirmSignUpCommand,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  GetGroupCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  ListIdentityProvidersCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../src/server";
import { errorOf, sdkClient } from "../support/emulator";
import { decodeJwt, latestCode, outbox } from "../support/pool";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const infraDir = join(fixtures, "infra");
const lambdaDir = join(fixtures, "triggers");
const PASSWORD = "Fixture-Pass1";

describe("user pools from synthesized Terraform, with Lambda triggers", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-infra-"));
  const storePath = join(dir, "store.sqlite");
  let emulator: Emulator;
  let client: ReturnType<typeof sdkClient>;
  let poolId = "";
  let cliClient = "";
  beforeAll(async () => {
    emulator = await createEmulator({ port: 0, storePath, infraDir, lambdaDir });
    client = sdkClient(emulator.url);
    poolId = emulator.infra?.pools[0]?.id ?? "";
    cliClient = emulator.infra?.clients.find((c) => c.name === "fixture-cli")?.id ?? "";
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("builds the pool, clients, group, resource server, domain and identity provider", async () => {
    expect(poolId).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
    expect(pool).toMatchObject({
      Name: "fixture-users",
      UsernameAttributes: ["email"],
      MfaConfiguration: "OPTIONAL",
      Domain: "fixture-auth",
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: false } },
    });
    expect(pool?.LambdaConfig?.PreSignUp).toBe(
      "arn:aws:lambda:us-east-1:123456789012:function:fixture-pre-sign-up",
    );
    expect(pool?.SchemaAttributes?.some((a) => a.Name === "custom:tenant_id")).toBe(true);
    expect(
      (await client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId })))
        .SoftwareTokenMfaConfiguration?.Enabled,
    ).toBe(true);
    const web = emulator.infra?.clients.find((c) => c.name === "fixture-web");
    const described = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: web?.id }),
    );
    expect(described.UserPoolClient).toMatchObject({
      ClientSecret: web?.secret,
      AllowedOAuthScopes: ["openid", "email", "api/read"],
    });
    const group = await client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "admins" }));
    expect(group.Group?.RoleArn).toBe("arn:aws:iam::123456789012:role/fixture-fn-role");
    expect(
      (await client.send(new DescribeUserPoolDomainCommand({ Domain: "fixture-auth" }))).DomainDescription
        ?.UserPoolId,
    ).toBe(poolId);
    expect(
      (await client.send(new ListIdentityProvidersCommand({ UserPoolId: poolId }))).Providers?.map(
        (p) => p.ProviderName,
      ),
    ).toEqual(["Google"]);
  });

  it("turns threat protection on as the stack says, with its risk configuration", async () => {
    const pool = (await client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
    expect(pool?.UserPoolAddOns?.AdvancedSecurityMode).toBe("ENFORCED");
    const risk = (await client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId })))
      .RiskConfiguration;
    expect(risk).toMatchObject({
      AccountTakeoverRiskConfiguration: {
        Actions: { HighAction: { EventAction: "BLOCK", Notify: true } },
        NotifyConfiguration: { BlockEmail: { Subject: "Blocked sign-in" } },
      },
      CompromisedCredentialsRiskConfiguration: {
        EventFilter: ["SIGN_IN", "SIGN_UP"],
        Actions: { EventAction: "BLOCK" },
      },
      RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.0/24"] },
    });
  });

  it("lists the resources it does not model", () => {
    expect(emulator.infra?.unmodelled).toEqual([
      "aws_iam_role.fn_role",
      "aws_iam_role.sms_role",
      "aws_s3_bucket.files",
    ]);
  });

  it("runs PreSignUp: a thrown error becomes UserLambdaValidationException", async () => {
    const err = await errorOf(
      client.send(
        new SignUpCommand({ ClientId: cliClient, Username: "x@blocked.example", Password: PASSWORD }),
      ),
    );
    expect(err).toMatchObject({
      name: "UserLambdaValidationException",
      message: "PreSignUp failed with error Registration from this domain is not allowed..",
    });
  });

  it("runs PreSignUp auto-confirmation, and PreTokenGeneration V2 adds claims and scopes", async () => {
    const r = await client.send(
      new SignUpCommand({ ClientId: cliClient, Username: "a@auto.example", Password: PASSWORD }),
    );
    expect(r.UserConfirmed).toBe(true);
    const auth = await client.send(
      new InitiateAuthCommand({
        ClientId: cliClient,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "a@auto.example", PASSWORD },
      }),
    );
    const id = decodeJwt(auth.AuthenticationResult?.IdToken ?? "");
    expect(id).toMatchObject({ tenant: "acme", version_seen: "2", email_verified: true });
    const access = decodeJwt(auth.AuthenticationResult?.AccessToken ?? "");
    expect(access.scope).toBe("aws.cognito.signin.user.admin api/read");
    expect(access.tenant).toBe("acme");
  });

  it("runs CustomMessage with the function's environment, then PostConfirmation on confirm", async () => {
    await client.send(
      new SignUpCommand({
        ClientId: cliClient,
        Username: "c@example.com",
        Password: PASSWORD,
        UserAttributes: [{ Name: "name", Value: "fail-post" }],
      }),
    );
    const [message] = await outbox(emulator.url, "c@example.com");
    expect(message?.subject).toBe("Welcome to Fixture App");
    expect(message?.body).toMatch(/^Hi c@example\.com, your code is \d{6}$/);
    const code = await latestCode(emulator.url, "c@example.com");
    const err = await errorOf(
      client.send(
        new ConfirmSignUpCommand({ ClientId: cliClient, Username: "c@example.com", ConfirmationCode: code }),
      ),
    );
    expect(err).toMatchObject({
      name: "UserLambdaValidationException",
      message: "PostConfirmation failed with error cannot finish sign-up.",
    });
  });

  it("runs PreAuthentication before the password check", async () => {
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "b@example.com",
        MessageAction: "SUPPRESS",
      }),
    );
    const Username = created.User?.Username ?? "";
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username, Password: PASSWORD, Permanent: true }),
    );
    await client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username,
        UserAttributes: [{ Name: "name", Value: "blocked" }],
      }),
    );
    const err = await errorOf(
      client.send(
        new InitiateAuthCommand({
          ClientId: cliClient,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "b@example.com", PASSWORD },
        }),
      ),
    );
    expect(err).toMatchObject({
      name: "UserLambdaValidationException",
      message: "PreAuthentication failed with error User is blocked.",
    });
  });

  it("keeps the same local IDs and client secrets after a restart on the same store", async () => {
    const before = emulator.infra;
    const second = await createEmulator({
      port: 0,
      storePath: join(dir, "other.sqlite"),
      infraDir,
      lambdaDir,
    });
    try {
      // Same addresses give the same pool and client IDs on any store.
      expect(second.infra?.pools[0]?.id).toBe(before?.pools[0]?.id);
      expect(second.infra?.clients.map((c) => c.id)).toEqual(before?.clients.map((c) => c.id));
    } finally {
      await second.close();
    }
    client.destroy();
    await emulator.close();
    emulator = await createEmulator({ port: 0, storePath, infraDir, lambdaDir });
    client = sdkClient(emulator.url);
    expect(emulator.infra?.clients.map((c) => c.secret)).toEqual(before?.clients.map((c) => c.secret));
    const auth = await client.send(
      new InitiateAuthCommand({
        ClientId: cliClient,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "a@auto.example", PASSWORD },
      }),
    );
    expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
