import type { AuthEventType } from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it, vi } from "vitest";
import {
  confirmEvent,
  EventId,
  listSecurityEvents,
  PageToken,
  type SecureStep,
  SecurityActivityUnavailableError,
  secureAccount,
  toSecurityEvent,
  UnknownAuthEventError,
  UserGoneError,
  type UserPoolAdminApi,
} from "./security-activity";

/** An AWS SDK service exception as the client throws it. */
function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: 400 } });
}

const BLOCKED: AuthEventType = {
  EventId: "b1f0c2a4-0000-4000-8000-000000000001",
  EventType: "SignIn",
  CreationDate: new Date("2026-11-27T22:15:00Z"),
  EventResponse: "Fail",
  EventRisk: { RiskDecision: "Block", RiskLevel: "High", CompromisedCredentialsDetected: false },
  ChallengeResponses: [{ ChallengeName: "Password", ChallengeResponse: "Success" }],
  EventContextData: {
    IpAddress: "192.0.2.66",
    DeviceName: "Chrome 131, Linux",
    Timezone: "+00:00",
    City: "Reykjavik",
    Country: "Iceland",
  },
};

/** A fake of the admin API that records the order of calls. */
function fakeAdmin(overrides: Partial<UserPoolAdminApi> = {}) {
  const calls: string[] = [];
  const api = {
    listAuthEvents: vi.fn<UserPoolAdminApi["listAuthEvents"]>(async () => ({ events: [BLOCKED] })),
    updateAuthEventFeedback: vi.fn<UserPoolAdminApi["updateAuthEventFeedback"]>(async (_u, _e, value) => {
      calls.push(`feedback:${value}`);
    }),
    globalSignOut: vi.fn<UserPoolAdminApi["globalSignOut"]>(async () => {
      calls.push("cognito-sign-out");
    }),
    resetPassword: vi.fn<UserPoolAdminApi["resetPassword"]>(async () => {
      calls.push("password-reset");
    }),
    ...overrides,
  };
  const endLocalSessions = vi.fn(async () => {
    calls.push("local-sessions");
    return 3;
  });
  return { api, endLocalSessions, calls };
}

describe("toSecurityEvent", () => {
  it("flattens a blocked sign-in with its risk, context and challenge results", () => {
    expect(toSecurityEvent({ ...BLOCKED, EventId: "e1" })).toEqual({
      id: "e1",
      type: "SignIn",
      date: "2026-11-27T22:15:00.000Z",
      outcome: "Fail",
      blocked: true,
      risk: { level: "High", decision: "Block", compromisedCredentials: false },
      ipAddress: "192.0.2.66",
      location: "Reykjavik, Iceland",
      deviceName: "Chrome 131, Linux",
      challenges: ["Password: Success"],
      feedback: undefined,
    });
  });

  it("keeps feedback with its provider and date", () => {
    const event = toSecurityEvent({
      EventId: "e2",
      EventResponse: "Pass",
      EventRisk: { RiskDecision: "NoRisk", RiskLevel: "Low" },
      EventFeedback: {
        FeedbackValue: "Valid",
        Provider: "Admin",
        FeedbackDate: new Date("2026-11-27T23:00:00Z"),
      },
    });
    expect(event.blocked).toBe(false);
    expect(event.feedback).toEqual({ value: "Valid", provider: "Admin", date: "2026-11-27T23:00:00.000Z" });
  });

  it("names a place once when city and country are the same", () => {
    const event = toSecurityEvent({
      EventId: "e5",
      EventContextData: { City: "Local network", Country: "Local network" },
    });
    expect(event.location).toBe("Local network");
  });

  it("reads a sparse event without inventing data", () => {
    const event = toSecurityEvent({ EventId: "e3", EventContextData: { Country: "Japan" } });
    expect(event).toMatchObject({
      type: "SignIn",
      date: undefined,
      outcome: "Unknown",
      blocked: false,
      risk: { level: undefined, decision: undefined, compromisedCredentials: false },
      ipAddress: undefined,
      location: "Japan",
      deviceName: undefined,
      challenges: [],
    });
  });

  it("flags compromised credentials and MFA failures", () => {
    const event = toSecurityEvent({
      EventId: "e4",
      EventResponse: "InProgress",
      EventRisk: {
        RiskDecision: "AccountTakeover",
        RiskLevel: "Medium",
        CompromisedCredentialsDetected: true,
      },
      ChallengeResponses: [
        { ChallengeName: "Password", ChallengeResponse: "Success" },
        { ChallengeName: "Mfa", ChallengeResponse: "Failure" },
      ],
    });
    expect(event.outcome).toBe("InProgress");
    expect(event.risk.compromisedCredentials).toBe(true);
    expect(event.challenges).toEqual(["Password: Success", "Mfa: Failure"]);
  });
});

describe("listSecurityEvents", () => {
  it("maps a page of events and passes the pagination token both ways", async () => {
    const { api } = fakeAdmin({
      listAuthEvents: vi.fn<UserPoolAdminApi["listAuthEvents"]>(async () => ({
        events: [BLOCKED, { EventType: "SignIn" as const }],
        nextToken: "next-1",
      })),
    });
    const got = await listSecurityEvents(api, "alice", "prev-1");
    expect(api.listAuthEvents).toHaveBeenCalledWith("alice", "prev-1");
    expect(got.nextToken).toBe("next-1");
    // An event without an ID cannot be acted on: it is not shown.
    expect(got.events.map((e) => e.id)).toEqual([BLOCKED.EventId]);
  });

  it("has no next token on the last page", async () => {
    const { api } = fakeAdmin();
    expect(await listSecurityEvents(api, "alice")).toEqual({
      events: [expect.objectContaining({ blocked: true })],
    });
  });

  it("reports threat protection being off as not enabled", async () => {
    const { api } = fakeAdmin({
      listAuthEvents: vi.fn().mockRejectedValue(awsError("UserPoolAddOnNotEnabledException")),
    });
    await expect(listSecurityEvents(api, "alice")).rejects.toMatchObject({
      name: "SecurityActivityUnavailableError",
      reason: "not-enabled",
    });
  });

  it("reports a refused or failing pool API as unavailable", async () => {
    for (const err of [
      awsError("AccessDeniedException"),
      awsError("InternalErrorException"),
      new Error("ECONNREFUSED"),
    ]) {
      const { api } = fakeAdmin({ listAuthEvents: vi.fn().mockRejectedValue(err) });
      const failure = await listSecurityEvents(api, "alice").catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(SecurityActivityUnavailableError);
      expect(failure).toMatchObject({ reason: "unavailable", cause: err });
    }
  });

  it("tells a deleted user apart, so the session ends", async () => {
    const { api } = fakeAdmin({
      listAuthEvents: vi.fn().mockRejectedValue(awsError("UserNotFoundException")),
    });
    await expect(listSecurityEvents(api, "alice")).rejects.toBeInstanceOf(UserGoneError);
  });

  it("lets programmer errors through untouched", async () => {
    const bug = new TypeError("x is undefined");
    const { api } = fakeAdmin({ listAuthEvents: vi.fn().mockRejectedValue(bug) });
    await expect(listSecurityEvents(api, "alice")).rejects.toBe(bug);
  });
});

describe("confirmEvent", () => {
  it("gives feedback Valid on the event", async () => {
    const { api } = fakeAdmin();
    await confirmEvent(api, "alice", "e1");
    expect(api.updateAuthEventFeedback).toHaveBeenCalledWith("alice", "e1", "Valid");
  });

  it("refuses an event that is not the user's", async () => {
    const { api } = fakeAdmin({
      updateAuthEventFeedback: vi.fn().mockRejectedValue(awsError("ResourceNotFoundException")),
    });
    await expect(confirmEvent(api, "alice", "e9")).rejects.toBeInstanceOf(UnknownAuthEventError);
  });
});

describe("secureAccount", () => {
  it("gives feedback Invalid, signs out at Cognito, ends local sessions, then requires a password reset", async () => {
    const { api, endLocalSessions, calls } = fakeAdmin();
    const outcome = await secureAccount(api, endLocalSessions, "alice", "e1");
    expect(calls).toEqual(["feedback:Invalid", "cognito-sign-out", "local-sessions", "password-reset"]);
    expect(api.updateAuthEventFeedback).toHaveBeenCalledWith("alice", "e1", "Invalid");
    expect(api.globalSignOut).toHaveBeenCalledWith("alice");
    expect(api.resetPassword).toHaveBeenCalledWith("alice");
    expect(outcome).toEqual({ failed: [], localSessionsEnded: 3 });
  });

  it("changes nothing when the event is not the user's", async () => {
    const { api, endLocalSessions, calls } = fakeAdmin({
      updateAuthEventFeedback: vi.fn().mockRejectedValue(awsError("ResourceNotFoundException")),
    });
    await expect(secureAccount(api, endLocalSessions, "alice", "e9")).rejects.toBeInstanceOf(
      UnknownAuthEventError,
    );
    expect(calls).toEqual([]);
  });

  it("changes nothing when Cognito no longer knows the user", async () => {
    const { api, endLocalSessions, calls } = fakeAdmin({
      updateAuthEventFeedback: vi.fn().mockRejectedValue(awsError("UserNotFoundException")),
    });
    await expect(secureAccount(api, endLocalSessions, "alice", "e1")).rejects.toBeInstanceOf(UserGoneError);
    expect(calls).toEqual([]);
  });

  it("still signs out and requires a reset when the feedback cannot be recorded", async () => {
    const log = vi.fn<(step: SecureStep, err: unknown) => void>();
    const failure = awsError("InternalErrorException");
    const { api, endLocalSessions, calls } = fakeAdmin({
      updateAuthEventFeedback: vi.fn().mockRejectedValue(failure),
    });
    const outcome = await secureAccount(api, endLocalSessions, "alice", "e1", log);
    expect(calls).toEqual(["cognito-sign-out", "local-sessions", "password-reset"]);
    expect(outcome.failed).toEqual(["feedback"]);
    expect(log).toHaveBeenCalledWith("feedback", failure);
  });

  it("attempts every later step when one fails, and reports each failure", async () => {
    const log = vi.fn<(step: SecureStep, err: unknown) => void>();
    const { api, calls } = fakeAdmin({
      globalSignOut: vi.fn().mockRejectedValue(awsError("TooManyRequestsException")),
    });
    const endLocalSessions = vi.fn(async (): Promise<number> => {
      calls.push("local-sessions");
      throw new Error("DynamoDB unreachable");
    });
    const outcome = await secureAccount(api, endLocalSessions, "alice", "e1", log);
    expect(calls).toEqual(["feedback:Invalid", "local-sessions", "password-reset"]);
    expect(outcome).toEqual({ failed: ["cognito-sign-out", "local-sessions"], localSessionsEnded: 0 });
    expect(log.mock.calls.map(([step]) => step)).toEqual(["cognito-sign-out", "local-sessions"]);
  });

  it("reports a password reset Cognito refused", async () => {
    const { api, endLocalSessions } = fakeAdmin({
      resetPassword: vi.fn().mockRejectedValue(awsError("InvalidParameterException")),
    });
    const outcome = await secureAccount(api, endLocalSessions, "alice", "e1", () => {});
    expect(outcome.failed).toEqual(["password-reset"]);
  });

  it("stops on a programmer error instead of hiding it", async () => {
    const bug = new TypeError("bad");
    const { api, endLocalSessions } = fakeAdmin({ globalSignOut: vi.fn().mockRejectedValue(bug) });
    await expect(secureAccount(api, endLocalSessions, "alice", "e1", () => {})).rejects.toBe(bug);
    expect(api.resetPassword).not.toHaveBeenCalled();
  });
});

describe("form input", () => {
  it("accepts Cognito event IDs and refuses anything else", () => {
    expect(EventId.safeParse("b1f0c2a4-0000-4000-8000-000000000001").success).toBe(true);
    expect(EventId.safeParse("../../x").success).toBe(false);
    expect(EventId.safeParse("").success).toBe(false);
    expect(EventId.safeParse("a".repeat(51)).success).toBe(false);
    expect(EventId.safeParse(null).success).toBe(false);
  });

  it("treats a malformed page token as the first page", () => {
    expect(PageToken.parse("opaque+token/=")).toBe("opaque+token/=");
    expect(PageToken.parse(undefined)).toBeUndefined();
    expect(PageToken.parse("")).toBeUndefined();
    expect(PageToken.parse(["a", "b"])).toBeUndefined();
    expect(PageToken.parse("x".repeat(5000))).toBeUndefined();
  });
});
