import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Amplify } from "aws-amplify";
import { confirmSignIn, signIn, signOut } from "aws-amplify/auth";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { enableTotp } from "../support/mfa";
import { createClient, createConfirmedUser, createPool, latestCode, outbox, PASSWORD } from "../support/pool";

const SES = {
  EmailSendingAccount: "DEVELOPER" as const,
  SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
  From: "no-reply@example.com",
};
const EMAIL_MFA = { Message: "Your Acme sign-in code is {####}", Subject: "Acme sign-in code" };

/**
 * Email MFA through the AWS SDK v3 and Amplify v6. AWS: it needs SES sending (DEVELOPER) and the
 * Essentials plan or higher (EmailMfaConfigType); codes go to the user's address, verified or not,
 * and the first completed MFA marks it verified ("SMS and email message MFA").
 */
describe("email MFA", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client, { EmailConfiguration: SES });
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: "OPTIONAL",
        EmailMfaConfiguration: EMAIL_MFA,
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    ({ clientId } = await createClient(t.client, poolId));
  });

  const signInSdk = (USERNAME: string) =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
  const respond = (
    ChallengeName: "EMAIL_OTP" | "SELECT_MFA_TYPE",
    Session: string | undefined,
    r: Record<string, string>,
  ) =>
    t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName,
        Session,
        ChallengeResponses: r,
      }),
    );

  it("keeps the pool's email MFA message and refuses it on a pool that sends email itself", async () => {
    const config = await t.client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    expect(config.EmailMfaConfiguration).toEqual(EMAIL_MFA);
    const plain = await createPool(t.client);
    const err = await errorOf(
      t.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: plain,
          MfaConfiguration: "OPTIONAL",
          EmailMfaConfiguration: EMAIL_MFA,
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
    expect(err.message).toContain("DEVELOPER");
    const lite = await createPool(t.client, { EmailConfiguration: SES, UserPoolTier: "LITE" });
    const plan = await errorOf(
      t.client.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: lite,
          MfaConfiguration: "OPTIONAL",
          EmailMfaConfiguration: EMAIL_MFA,
        }),
      ),
    );
    expect(plan.name).toBe("FeatureUnavailableInTierException");
  });

  it("challenges with EMAIL_OTP, sends the pool's message, and marks the address verified", async () => {
    await createConfirmedUser(t.client, poolId, "uma", { email: "uma@example.com" });
    const first = (await signInSdk("uma")).AuthenticationResult;
    await t.client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: first?.AccessToken,
        EmailMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const user = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "uma" }));
    expect(user.UserMFASettingList).toEqual(["EMAIL_OTP"]);
    expect(user.PreferredMfaSetting).toBe("EMAIL_OTP");

    const challenge = await signInSdk("uma");
    expect(challenge.ChallengeName).toBe("EMAIL_OTP");
    expect(challenge.ChallengeParameters).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL",
      CODE_DELIVERY_DESTINATION: "u***@e***",
    });
    const [mail] = await outbox(t.emulator.url, "uma@example.com");
    expect(mail).toMatchObject({ subject: "Acme sign-in code", kind: "Authentication", medium: "EMAIL" });
    expect(mail?.body).toMatch(/^Your Acme sign-in code is \d{6}$/);
    const code = await latestCode(t.emulator.url, "uma@example.com");
    const wrong = await errorOf(
      respond("EMAIL_OTP", challenge.Session, {
        USERNAME: "uma",
        EMAIL_OTP_CODE: code === "000000" ? "111111" : "000000",
      }),
    );
    expect(wrong.name).toBe("CodeMismatchException");
    const done = await respond("EMAIL_OTP", challenge.Session, { USERNAME: "uma", EMAIL_OTP_CODE: code });
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    const after = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "uma" }));
    expect(after.UserAttributes?.find((a) => a.Name === "email_verified")?.Value).toBe("true");
  });

  it("offers email among the user's methods in SELECT_MFA_TYPE", async () => {
    await createConfirmedUser(t.client, poolId, "vic", { email: "vic@example.com" });
    await enableTotp(t.client, t.clock, clientId, "vic");
    await t.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: "vic",
        EmailMfaSettings: { Enabled: true },
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: false },
      }),
    );
    const choose = await signInSdk("vic");
    expect(choose.ChallengeName).toBe("SELECT_MFA_TYPE");
    expect(JSON.parse(choose.ChallengeParameters?.MFAS_CAN_CHOOSE ?? "[]")).toEqual([
      "SOFTWARE_TOKEN_MFA",
      "EMAIL_OTP",
    ]);
    const next = await respond("SELECT_MFA_TYPE", choose.Session, { USERNAME: "vic", ANSWER: "EMAIL_OTP" });
    expect(next.ChallengeName).toBe("EMAIL_OTP");
  });

  it("refuses email MFA for a user without an email address", async () => {
    await createConfirmedUser(t.client, poolId, "wyn");
    const err = await errorOf(
      t.client.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: poolId,
          Username: "wyn",
          EmailMfaSettings: { Enabled: true },
        }),
      ),
    );
    expect(err.name).toBe("InvalidParameterException");
  });

  it("sends an email code at once where MFA is required and the user has only an address", async () => {
    const onPool = await createPool(t.client, { EmailConfiguration: SES });
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: onPool,
        MfaConfiguration: "ON",
        EmailMfaConfiguration: EMAIL_MFA,
      }),
    );
    const { clientId: onClient } = await createClient(t.client, onPool);
    await createConfirmedUser(t.client, onPool, "xia", { email: "xia@example.com" });
    const r = await t.client.send(
      new InitiateAuthCommand({
        ClientId: onClient,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "xia", PASSWORD },
      }),
    );
    expect(r.ChallengeName).toBe("EMAIL_OTP");
  });

  it("signs in with Amplify v6 through CONFIRM_SIGN_IN_WITH_EMAIL_CODE", async () => {
    await createConfirmedUser(t.client, poolId, "yas", { email: "yas@example.com" });
    await t.client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: poolId,
        Username: "yas",
        EmailMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    Amplify.configure({
      Auth: {
        Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: `${t.emulator.url}/` },
      },
    });
    const started = await signIn({ username: "yas", password: PASSWORD });
    expect(started.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_EMAIL_CODE");
    const code = await latestCode(t.emulator.url, "yas@example.com");
    const done = await confirmSignIn({ challengeResponse: code });
    expect(done.isSignedIn).toBe(true);
    await signOut();
  });
});
