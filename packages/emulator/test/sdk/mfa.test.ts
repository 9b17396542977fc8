import {
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { generateSync } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, latestCode, PASSWORD } from "../support/pool";

const SMS = { SnsCallerArn: "arn:aws:iam::123456789012:role/sms", ExternalId: "x" };

describe("TOTP and SMS MFA", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client, { SmsConfiguration: SMS });
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: "OPTIONAL",
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: { SmsConfiguration: SMS },
      }),
    );
    ({ clientId } = await createClient(t.client, poolId));
  });

  const totp = (secret: string, offsetS = 0) =>
    generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetS });
  const signIn = (USERNAME: string) =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
  const respond = (
    ChallengeName: "SOFTWARE_TOKEN_MFA" | "SMS_MFA" | "SELECT_MFA_TYPE" | "MFA_SETUP",
    Session: string | undefined,
    responses: Record<string, string>,
  ) =>
    t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName,
        Session,
        ChallengeResponses: responses,
      }),
    );

  it("sets up TOTP with an access token, then signs in with SOFTWARE_TOKEN_MFA (otplib codes)", async () => {
    await createConfirmedUser(t.client, poolId, "uma");
    const first = await signIn("uma");
    const AccessToken = first.AuthenticationResult?.AccessToken ?? "";
    const { SecretCode = "" } = await t.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(SecretCode).toMatch(/^[A-Z2-7]+=*$/);
    const wrong = await errorOf(
      t.client.send(
        new VerifySoftwareTokenCommand({
          AccessToken,
          UserCode: "000000" === totp(SecretCode) ? "111111" : "000000",
        }),
      ),
    );
    expect(wrong.name).toBe("CodeMismatchException");
    const ok = await t.client.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: totp(SecretCode),
        FriendlyDeviceName: "phone",
      }),
    );
    expect(ok.Status).toBe("SUCCESS");
    await t.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const user = await t.client.send(new GetUserCommand({ AccessToken }));
    expect(user.PreferredMfaSetting).toBe("SOFTWARE_TOKEN_MFA");
    expect(user.UserMFASettingList).toEqual(["SOFTWARE_TOKEN_MFA"]);

    t.clock.advance(30_000);
    const challenge = await signIn("uma");
    expect(challenge.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    expect(challenge.AuthenticationResult).toBeUndefined();
    const bad = await errorOf(
      respond("SOFTWARE_TOKEN_MFA", challenge.Session, {
        USERNAME: "uma",
        SOFTWARE_TOKEN_MFA_CODE: "123456" === totp(SecretCode) ? "654321" : "123456",
      }),
    );
    expect(bad.name).toBe("CodeMismatchException");
    const code = totp(SecretCode);
    const done = await respond("SOFTWARE_TOKEN_MFA", challenge.Session, {
      USERNAME: "uma",
      SOFTWARE_TOKEN_MFA_CODE: code,
    });
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    const replay = await signIn("uma");
    const replayed = await errorOf(
      respond("SOFTWARE_TOKEN_MFA", replay.Session, { USERNAME: "uma", SOFTWARE_TOKEN_MFA_CODE: code }),
    );
    expect(replayed).toMatchObject({
      name: "ExpiredCodeException",
      message: "Your software token has already been used once.",
    });
  });

  it("signs in with SMS_MFA, the code read from the outbox", async () => {
    await createConfirmedUser(t.client, poolId, "vic", {
      phone_number: "+15555550100",
      phone_number_verified: "true",
    });
    const first = await signIn("vic");
    await t.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: first.AuthenticationResult?.AccessToken,
        SMSMfaSettings: { Enabled: true },
      }),
    );
    const challenge = await signIn("vic");
    expect(challenge.ChallengeName).toBe("SMS_MFA");
    expect(challenge.ChallengeParameters).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: "SMS",
      CODE_DELIVERY_DESTINATION: "+*******0100",
    });
    const code = await latestCode(t.emulator.url, "+15555550100");
    const done = await respond("SMS_MFA", challenge.Session, { USERNAME: "vic", SMS_MFA_CODE: code });
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("asks to choose with SELECT_MFA_TYPE when two methods are enabled and none is preferred", async () => {
    await createConfirmedUser(t.client, poolId, "wes", { phone_number: "+15555550101" });
    const first = await signIn("wes");
    const AccessToken = first.AuthenticationResult?.AccessToken ?? "";
    const { SecretCode = "" } = await t.client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await t.client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode) }));
    await t.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SMSMfaSettings: { Enabled: true },
        SoftwareTokenMfaSettings: { Enabled: true },
      }),
    );
    const challenge = await signIn("wes");
    expect(challenge.ChallengeName).toBe("SELECT_MFA_TYPE");
    expect(JSON.parse(challenge.ChallengeParameters?.MFAS_CAN_CHOOSE ?? "[]")).toEqual([
      "SMS_MFA",
      "SOFTWARE_TOKEN_MFA",
    ]);
    const next = await respond("SELECT_MFA_TYPE", challenge.Session, {
      USERNAME: "wes",
      ANSWER: "SOFTWARE_TOKEN_MFA",
    });
    expect(next.ChallengeName).toBe("SOFTWARE_TOKEN_MFA");
    t.clock.advance(30_000);
    const done = await respond("SOFTWARE_TOKEN_MFA", next.Session, {
      USERNAME: "wes",
      SOFTWARE_TOKEN_MFA_CODE: totp(SecretCode),
    });
    expect(done.AuthenticationResult).toBeDefined();
  });

  it("requires MFA_SETUP when MFA is ON and the user has none, through the challenge session", async () => {
    const onPool = await createPool(t.client);
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: onPool,
        MfaConfiguration: "ON",
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const { clientId: onClient } = await createClient(t.client, onPool);
    await createConfirmedUser(t.client, onPool, "xena");
    const challenge = await t.client.send(
      new InitiateAuthCommand({
        ClientId: onClient,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "xena", PASSWORD },
      }),
    );
    expect(challenge.ChallengeName).toBe("MFA_SETUP");
    expect(JSON.parse(challenge.ChallengeParameters?.MFAS_CAN_SETUP ?? "[]")).toEqual(["SOFTWARE_TOKEN_MFA"]);
    const assoc = await t.client.send(new AssociateSoftwareTokenCommand({ Session: challenge.Session }));
    const verified = await t.client.send(
      new VerifySoftwareTokenCommand({ Session: assoc.Session, UserCode: totp(assoc.SecretCode ?? "") }),
    );
    expect(verified.Status).toBe("SUCCESS");
    const early = await errorOf(
      t.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: onClient,
          ChallengeName: "MFA_SETUP",
          Session: "x".repeat(40),
          ChallengeResponses: { USERNAME: "xena" },
        }),
      ),
    );
    expect(early.name).toBe("NotAuthorizedException");
    const done = await t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: onClient,
        ChallengeName: "MFA_SETUP",
        Session: verified.Session,
        ChallengeResponses: { USERNAME: "xena" },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("refuses enabling TOTP before it is verified and SMS without a phone number", async () => {
    await createConfirmedUser(t.client, poolId, "yan");
    const AccessToken = (await signIn("yan")).AuthenticationResult?.AccessToken ?? "";
    expect(
      (
        await errorOf(
          t.client.send(
            new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }),
          ),
        )
      ).name,
    ).toBe("InvalidParameterException");
    expect(
      (
        await errorOf(
          t.client.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true } })),
        )
      ).name,
    ).toBe("InvalidParameterException");
    await t.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: "yan",
        UserAttributes: [{ Name: "phone_number", Value: "+15555550102" }],
      }),
    );
    await t.client.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true } }));
  });
});
