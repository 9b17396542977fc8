import { describe, expect, it } from "vitest";
import { pickSessionRecords, renewedExpiry, sessionTokenFor, userIdOfSessionToken } from "./session-records";
import { cognitoAccountKey, emailIndexAttributes, sessionKey, userKey } from "./session-table";

const userId = "0b6f2d3e-6a41-4c1e-9f0a-3d2b1c4e5f60";
const token = `${userId}.7c9e6679-7425-40de-944b-e07fc1f90ae7`;

const userItem = {
  ...userKey(userId),
  ...emailIndexAttributes("ada@example.com"),
  type: "USER",
  id: userId,
  email: "ada@example.com",
  name: "Ada",
};
const sessionItem = {
  ...sessionKey(userId, token),
  type: "SESSION",
  sessionToken: token,
  userId,
  expires: 1_800_000_000,
};
const accountItem = {
  ...cognitoAccountKey(userId, "3f1c0c3e-0000-4000-8000-000000000001"),
  type: "oauth",
  provider: "cognito",
  userId,
  access_token: "access",
  refresh_token: "refresh",
  id_token: "id",
  expires_at: 1_800_000_100,
};

describe("session tokens", () => {
  it("start with the user's ID, which reads back from the token", () => {
    const made = sessionTokenFor(userId, "secret-part");
    expect(made).toBe(`${userId}.secret-part`);
    expect(userIdOfSessionToken(made)).toBe(userId);
  });

  it("name no user when they are in the adapter's own format or malformed", () => {
    expect(userIdOfSessionToken("7c9e6679-7425-40de-944b-e07fc1f90ae7")).toBeUndefined();
    expect(userIdOfSessionToken(`${userId}.`)).toBeUndefined();
    expect(userIdOfSessionToken("USER#x.secret")).toBeUndefined();
    expect(userIdOfSessionToken(".secret")).toBeUndefined();
  });

  it("refuses to make a token for something that is not an adapter user ID", () => {
    expect(() => sessionTokenFor("a.b", "secret")).toThrow(TypeError);
  });
});

describe("pickSessionRecords", () => {
  it("returns the session, the user and the account as next-auth and the token store see them", () => {
    const records = pickSessionRecords([accountItem, sessionItem, userItem], userId, token);
    expect(records?.session).toEqual({
      sessionToken: token,
      userId,
      expires: new Date(1_800_000_000 * 1000),
    });
    expect(records?.user).toMatchObject({ id: userId, email: "ada@example.com", name: "Ada" });
    expect(records?.user).not.toHaveProperty("pk");
    expect(records?.account).toMatchObject({
      sk: accountItem.sk,
      access_token: "access",
      expires_at: 1_800_000_100,
    });
  });

  it("finds no session when its item is not among them (deleted, or another token)", () => {
    const other = {
      ...sessionItem,
      ...sessionKey(userId, `${userId}.other`),
      sessionToken: `${userId}.other`,
    };
    expect(pickSessionRecords([accountItem, other, userItem], userId, token)).toBeNull();
  });

  it("finds no session without its user, or when the session names another user", () => {
    expect(pickSessionRecords([accountItem, sessionItem], userId, token)).toBeNull();
    expect(
      pickSessionRecords([{ ...sessionItem, userId: "someone-else" }, userItem], userId, token),
    ).toBeNull();
  });

  it("keeps the session when no Cognito account is linked (the token store then says so)", () => {
    const records = pickSessionRecords([sessionItem, userItem], userId, token);
    expect(records?.session.userId).toBe(userId);
    expect(records?.account).toBeUndefined();
  });
});

describe("renewedExpiry", () => {
  const policy = { maxAge: 7 * 24 * 3600, updateAge: 24 * 3600 };
  const now = new Date("2026-11-28T12:00:00Z");

  it("is not due within a day of the expiry last being set", () => {
    const setAnHourAgo = new Date(now.getTime() - 3600_000 + policy.maxAge * 1000);
    expect(renewedExpiry(setAnHourAgo, now, policy)).toBeUndefined();
  });

  it("extends a session used a day or more after its expiry was set to maxAge from now", () => {
    const setADayAgo = new Date(now.getTime() - 24 * 3600_000 + policy.maxAge * 1000);
    expect(renewedExpiry(setADayAgo, now, policy)).toEqual(new Date(now.getTime() + policy.maxAge * 1000));
  });
});
