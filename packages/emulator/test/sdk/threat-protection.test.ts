import {
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  type AdminInitiateAuthCommandOutput,
  AdminListUserAuthEventsCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateAuthEventFeedbackCommand,
  type AuthEventType,
  DescribeRiskConfigurationCommand,
  InitiateAuthCommand,
  SetRiskConfigurationCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateAuthEventFeedbackCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, outbox, PASSWORD } from "../support/pool";

const PARIS = "198.51.100.7";
const PARIS_2 = "198.51.100.8";
const SYDNEY = "203.0.113.9";
const BLOCKED = "192.0.2.200";
const BLOCKED_MESSAGE = "Unable to login because of security reasons.";

const RISK_SETTINGS = {
  AccountTakeoverRiskConfiguration: {
    Actions: {
      LowAction: { EventAction: "NO_ACTION" as const, Notify: false },
      MediumAction: { EventAction: "MFA_IF_CONFIGURED" as const, Notify: true },
      HighAction: { EventAction: "BLOCK" as const, Notify: true },
    },
    NotifyConfiguration: {
      SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
      From: "security@example.com",
      BlockEmail: {
        Subject: "Blocked sign-in for {username}",
        TextBody:
          "Blocked: {ip-address} in {city}, {country} ({device-name}). Not you? {one-click-link-invalid}",
      },
      MfaEmail: { Subject: "Unusual sign-in", TextBody: "We asked for MFA: {ip-address}, {city}." },
      NoActionEmail: { Subject: "New sign-in", TextBody: "Signed in from {ip-address}." },
    },
  },
  CompromisedCredentialsRiskConfiguration: {
    EventFilter: ["SIGN_IN" as const, "SIGN_UP" as const, "PASSWORD_CHANGE" as const],
    Actions: { EventAction: "BLOCK" as const },
  },
  RiskExceptionConfiguration: { BlockedIPRangeList: ["192.0.2.128/25"] },
};

describe("Threat protection (AWS SDK v3)", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  let auditPool = "";
  let auditClient = "";

  beforeAll(async () => {
    poolId = await createPool(t.client, {
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" },
    });
    ({ clientId } = await createClient(t.client, poolId));
    await t.client.send(new SetRiskConfigurationCommand({ UserPoolId: poolId, ...RISK_SETTINGS }));
    auditPool = await createPool(t.client, {
      UserPoolTier: "PLUS",
      UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" },
    });
    ({ clientId: auditClient } = await createClient(t.client, auditPool));
    await t.client.send(new SetRiskConfigurationCommand({ UserPoolId: auditPool, ...RISK_SETTINGS }));
  });

  /** A server-side sign-in relaying its user's IP and device fingerprint, as Cognito's ContextData. */
  const signIn = (
    username: string,
    ip: string,
    device: string,
    opts: { pool?: string; client?: string; password?: string } = {},
  ): Promise<AdminInitiateAuthCommandOutput> =>
    t.client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: opts.pool ?? poolId,
        ClientId: opts.client ?? clientId,
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: opts.password ?? PASSWORD },
        ContextData: {
          IpAddress: ip,
          ServerName: "app.example.com",
          ServerPath: "/signin",
          HttpHeaders: [
            { headerName: "User-Agent", headerValue: "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0" },
          ],
          EncodedData: device,
        },
      }),
    );

  const events = async (username: string, pool = poolId): Promise<AuthEventType[]> =>
    (await t.client.send(new AdminListUserAuthEventsCommand({ UserPoolId: pool, Username: username })))
      .AuthEvents ?? [];

  it("describes the risk configuration it was given", async () => {
    const r = await t.client.send(new DescribeRiskConfigurationCommand({ UserPoolId: poolId }));
    expect(r.RiskConfiguration?.AccountTakeoverRiskConfiguration?.Actions?.HighAction?.EventAction).toBe(
      "BLOCK",
    );
    expect(r.RiskConfiguration?.RiskExceptionConfiguration?.BlockedIPRangeList).toEqual(["192.0.2.128/25"]);
  });

  it("records a first sign-in at low risk, with where and what it came from", async () => {
    await createConfirmedUser(t.client, poolId, "amelie", { email: "amelie@example.com" });
    expect((await signIn("amelie", PARIS, "device-a")).AuthenticationResult).toBeDefined();
    const [event] = await events("amelie");
    expect(event).toMatchObject({
      EventType: "SignIn",
      EventResponse: "Pass",
      EventRisk: { RiskLevel: "Low", RiskDecision: "NoRisk", CompromisedCredentialsDetected: false },
      ChallengeResponses: [{ ChallengeName: "Password", ChallengeResponse: "Success" }],
      EventContextData: { IpAddress: PARIS, City: "Paris", Country: "France", DeviceName: "Chrome on Linux" },
    });
  });

  it("blocks impossible travel from a new device at high risk, and emails the block template", async () => {
    t.clock.advance(10 * 60_000);
    expect(await errorOf(signIn("amelie", SYDNEY, "device-b"))).toMatchObject({
      name: "NotAuthorizedException",
      message: BLOCKED_MESSAGE,
    });
    const [event] = await events("amelie");
    expect(event).toMatchObject({
      EventResponse: "Fail",
      EventRisk: { RiskLevel: "High", RiskDecision: "Block" },
      EventContextData: { IpAddress: SYDNEY, City: "Sydney", Country: "Australia" },
    });
    const [mail] = await outbox(t.emulator.url, "amelie@example.com");
    expect(mail?.subject).toBe("Blocked sign-in for amelie");
    expect(mail?.body).toContain(`Blocked: ${SYDNEY} in Sydney, Australia (Chrome on Linux).`);
    expect(mail?.body).toMatch(/\/_feedback\/.+value=invalid/);
  });

  it("lets a user without MFA through at medium risk (MFA_IF_CONFIGURED), recording the risk", async () => {
    await createConfirmedUser(t.client, poolId, "bruno", { email: "bruno@example.com" });
    await signIn("bruno", PARIS, "device-a");
    t.clock.advance(60_000);
    expect((await signIn("bruno", PARIS_2, "device-c")).AuthenticationResult).toBeDefined();
    const [event] = await events("bruno");
    expect(event).toMatchObject({
      EventResponse: "Pass",
      EventRisk: { RiskLevel: "Medium", RiskDecision: "AccountTakeover" },
    });
    expect((await outbox(t.emulator.url, "bruno@example.com"))[0]?.subject).toBe("Unusual sign-in");
  });

  it("follows an app client's own configuration: MFA_REQUIRED at high risk sets up TOTP", async () => {
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: "OPTIONAL",
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const { clientId: strict } = await createClient(t.client, poolId, { ClientName: "strict" });
    await t.client.send(
      new SetRiskConfigurationCommand({
        UserPoolId: poolId,
        ClientId: strict,
        AccountTakeoverRiskConfiguration: {
          Actions: {
            LowAction: { EventAction: "NO_ACTION", Notify: false },
            MediumAction: { EventAction: "NO_ACTION", Notify: false },
            HighAction: { EventAction: "MFA_REQUIRED", Notify: false },
          },
        },
      }),
    );
    await createConfirmedUser(t.client, poolId, "chloe");
    await signIn("chloe", PARIS, "device-a", { client: strict });
    t.clock.advance(5 * 60_000);
    const r = await signIn("chloe", SYDNEY, "device-b", { client: strict });
    expect(r.ChallengeName).toBe("MFA_SETUP");
    expect((await events("chloe"))[0]).toMatchObject({
      EventResponse: "InProgress",
      EventRisk: { RiskLevel: "High" },
    });
  });

  it("only records in AUDIT mode: the same high-risk sign-in succeeds and nothing is sent", async () => {
    await createConfirmedUser(t.client, auditPool, "dora", { email: "dora@example.com" });
    await signIn("dora", PARIS, "device-a", { pool: auditPool, client: auditClient });
    t.clock.advance(10 * 60_000);
    const r = await signIn("dora", SYDNEY, "device-b", { pool: auditPool, client: auditClient });
    expect(r.AuthenticationResult).toBeDefined();
    const [event] = await events("dora", auditPool);
    expect(event).toMatchObject({ EventResponse: "Pass", EventRisk: { RiskLevel: "High" } });
    expect(await outbox(t.emulator.url, "dora@example.com")).toEqual([]);
  });

  it("always blocks the configured IP ranges, even on a first sign-in", async () => {
    await createConfirmedUser(t.client, poolId, "eli");
    expect((await errorOf(signIn("eli", BLOCKED, "device-a"))).message).toBe(BLOCKED_MESSAGE);
    expect((await events("eli"))[0]).toMatchObject({
      EventResponse: "Fail",
      EventRisk: { RiskDecision: "Block" },
    });
  });

  it("refuses a breached password at sign-up and blocks it at sign-in with a reset", async () => {
    const signUp = await errorOf(
      t.client.send(new SignUpCommand({ ClientId: clientId, Username: "fanny", Password: "Password123!" })),
    );
    expect(signUp.name).toBe("InvalidPasswordException");
    await createConfirmedUser(t.client, poolId, "gus");
    // An administrator may set any policy-conforming password; the sign-in is where it is caught.
    await t.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: "gus",
        Password: "Password123!",
        Permanent: true,
      }),
    );
    const refused = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "gus", PASSWORD: "Password123!" },
        }),
      ),
    );
    expect(refused.name).toBe("PasswordResetRequiredException");
    const user = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "gus" }));
    expect(user.UserStatus).toBe("RESET_REQUIRED");
    expect((await events("gus"))[0]?.EventRisk?.CompromisedCredentialsDetected).toBe(true);
  });

  it("trusts a device and IP the user vouched for, and blocks them once reported as not the user", async () => {
    await createConfirmedUser(t.client, poolId, "hugo");
    await signIn("hugo", PARIS, "device-a");
    t.clock.advance(10 * 60_000);
    expect((await errorOf(signIn("hugo", SYDNEY, "device-b"))).message).toBe(BLOCKED_MESSAGE);
    const [blocked] = await events("hugo");
    await t.client.send(
      new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: poolId,
        Username: "hugo",
        EventId: blocked?.EventId,
        FeedbackValue: "Valid",
      }),
    );
    t.clock.advance(60_000);
    expect((await signIn("hugo", SYDNEY, "device-b")).AuthenticationResult).toBeDefined();
    const [vouched] = await events("hugo");
    expect(vouched?.EventRisk?.RiskLevel).toBe("Low");
    await t.client.send(
      new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId: poolId,
        Username: "hugo",
        EventId: vouched?.EventId,
        FeedbackValue: "Invalid",
      }),
    );
    t.clock.advance(60_000);
    expect((await errorOf(signIn("hugo", SYDNEY, "device-b"))).message).toBe(BLOCKED_MESSAGE);
    const listed = await events("hugo");
    expect(listed.find((e) => e.EventId === vouched?.EventId)?.EventFeedback).toMatchObject({
      FeedbackValue: "Invalid",
      Provider: "Admin",
    });
    expect(listed.find((e) => e.EventId === blocked?.EventId)?.EventFeedback?.FeedbackValue).toBe("Valid");
  });

  it("takes one-click feedback only with the event's token", async () => {
    const [mail] = await outbox(t.emulator.url, "amelie@example.com");
    const link = new URL(/\S*\/_feedback\/\S+/.exec(mail?.body ?? "")?.[0] ?? "", t.emulator.url);
    const EventId = link.searchParams.get("event_id") ?? "";
    const base = { UserPoolId: poolId, Username: "amelie", EventId, FeedbackValue: "Invalid" as const };
    expect(
      (await errorOf(t.client.send(new UpdateAuthEventFeedbackCommand({ ...base, FeedbackToken: "guess" }))))
        .name,
    ).toBe("NotAuthorizedException");
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect((await events("amelie")).find((e) => e.EventId === EventId)?.EventFeedback?.FeedbackValue).toBe(
      "Invalid",
    );
  });

  it("pages events newest first", async () => {
    const first = await t.client.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: "hugo", MaxResults: 2 }),
    );
    expect(first.AuthEvents).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const second = await t.client.send(
      new AdminListUserAuthEventsCommand({
        UserPoolId: poolId,
        Username: "hugo",
        MaxResults: 2,
        NextToken: first.NextToken,
      }),
    );
    const ids = [...(first.AuthEvents ?? []), ...(second.AuthEvents ?? [])].map((e) => e.EventId);
    expect(new Set(ids).size).toBe(4);
    const dates = [...(first.AuthEvents ?? []), ...(second.AuthEvents ?? [])].map(
      (e) => e.CreationDate?.getTime() ?? 0,
    );
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("locks out usernames that do not exist exactly like real ones, when existence is hidden", async () => {
    const { clientId: quiet } = await createClient(t.client, poolId, {
      ClientName: "quiet",
      PreventUserExistenceErrors: "ENABLED",
    });
    const attempt = () =>
      errorOf(
        t.client.send(
          new InitiateAuthCommand({
            ClientId: quiet,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: "nobody-here", PASSWORD: "Wrong-Password-1" },
          }),
        ),
      );
    for (let i = 0; i < 5; i++) expect((await attempt()).message).toBe("Incorrect username or password.");
    expect((await attempt()).message).toBe("Password attempts exceeded");
    t.clock.advance(2000);
    expect((await attempt()).message).toBe("Incorrect username or password.");
  });

  it("refuses the event operations where threat protection is off", async () => {
    const off = await createPool(t.client);
    await createConfirmedUser(t.client, off, "ivy");
    expect((await errorOf(events("ivy", off))).name).toBe("UserPoolAddOnNotEnabledException");
  });
});
