import { describe, expect, it, vi } from "vitest";
import { ServiceUnavailableError, SessionExpiredError } from "./errors";
import {
  exchangeGuest,
  exchangeIdToken,
  type GuestIdentityCache,
  type IdentityPoolApi,
  loginsKeyOf,
  type TemporaryCredentials,
} from "./identity-credentials";

const KEY = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1";
const IDENTITY = "us-east-1:0b1c2d3e-0000-4000-8000-000000000001";
const CREDS: TemporaryCredentials = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "secret",
  sessionToken: "session",
  expiration: 1_900_000_000_000,
};

/** An AWS SDK service exception as the client throws it. */
function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

function fakePool(overrides: Partial<IdentityPoolApi> = {}) {
  return {
    getId: vi.fn<IdentityPoolApi["getId"]>(async () => IDENTITY),
    getCredentials: vi.fn<IdentityPoolApi["getCredentials"]>(async () => CREDS),
    ...overrides,
  };
}

describe("loginsKeyOf", () => {
  it("is the issuer without its scheme", () => {
    expect(loginsKeyOf("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1")).toBe(KEY);
    expect(loginsKeyOf("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1/")).toBe(KEY);
  });
});

describe("exchangeIdToken", () => {
  it("logs in with the ID token under the user pool's key for both calls", async () => {
    const pool = fakePool();
    const got = await exchangeIdToken(pool, KEY, async () => "id-token");
    expect(got).toEqual({ identityId: IDENTITY, credentials: CREDS });
    expect(pool.getId).toHaveBeenCalledWith({ [KEY]: "id-token" });
    expect(pool.getCredentials).toHaveBeenCalledWith(IDENTITY, { [KEY]: "id-token" });
  });

  it("retries once with a refreshed ID token when the pool refuses the stored one", async () => {
    const pool = fakePool({
      getId: vi
        .fn<IdentityPoolApi["getId"]>()
        .mockRejectedValueOnce(awsError("NotAuthorizedException", "Invalid login token. Token expired"))
        .mockResolvedValueOnce(IDENTITY),
    });
    const idToken = vi.fn(async ({ forceRefresh }: { forceRefresh: boolean }) =>
      forceRefresh ? "fresh" : "stale",
    );
    const got = await exchangeIdToken(pool, KEY, idToken);
    expect(got.identityId).toBe(IDENTITY);
    expect(idToken.mock.calls.map(([o]) => o.forceRefresh)).toEqual([false, true]);
    expect(pool.getCredentials).toHaveBeenCalledWith(IDENTITY, { [KEY]: "fresh" });
  });

  it("ends the session when the pool refuses the refreshed token too (signed out everywhere)", async () => {
    const pool = fakePool({
      getCredentials: vi.fn(async () => {
        throw awsError("NotAuthorizedException");
      }),
    });
    await expect(exchangeIdToken(pool, KEY, async () => "t")).rejects.toBeInstanceOf(SessionExpiredError);
    expect(pool.getCredentials).toHaveBeenCalledTimes(2);
  });

  it("passes a refused refresh through as the session's end", async () => {
    const pool = fakePool({ getId: vi.fn().mockRejectedValue(awsError("NotAuthorizedException")) });
    const expired = new SessionExpiredError("Cognito refused to refresh the session (invalid_grant)");
    const idToken = vi.fn(async ({ forceRefresh }: { forceRefresh: boolean }) => {
      if (forceRefresh) throw expired;
      return "stale";
    });
    await expect(exchangeIdToken(pool, KEY, idToken)).rejects.toBe(expired);
  });

  it("reports an unreachable or failing identity pool as unavailable, without retrying the token", async () => {
    const down = fakePool({
      getId: vi
        .fn()
        .mockRejectedValue(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })),
    });
    const idToken = vi.fn(async () => "t");
    await expect(exchangeIdToken(down, KEY, idToken)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(idToken).toHaveBeenCalledTimes(1);

    const throttled = fakePool({ getId: vi.fn().mockRejectedValue(awsError("TooManyRequestsException")) });
    const err = await exchangeIdToken(throttled, KEY, idToken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect((err as ServiceUnavailableError).service).toBe("files");
  });

  it("lets programming errors through untouched", async () => {
    const bug = new TypeError("x is undefined");
    const pool = fakePool({ getId: vi.fn().mockRejectedValue(bug) });
    await expect(exchangeIdToken(pool, KEY, async () => "t")).rejects.toBe(bug);
  });
});

describe("exchangeGuest", () => {
  function memoryCache(initial?: string): GuestIdentityCache & { value: string | undefined } {
    const cache = {
      value: initial,
      get: () => cache.value,
      set: (id: string | undefined) => {
        cache.value = id;
      },
    };
    return cache;
  }

  it("makes one guest identity and reuses it for every later visitor", async () => {
    const pool = fakePool();
    const cache = memoryCache();
    expect(await exchangeGuest(pool, cache)).toEqual({ identityId: IDENTITY, credentials: CREDS });
    await exchangeGuest(pool, cache);
    expect(pool.getId).toHaveBeenCalledTimes(1);
    expect(pool.getId).toHaveBeenCalledWith();
    expect(pool.getCredentials).toHaveBeenNthCalledWith(2, IDENTITY);
    expect(cache.value).toBe(IDENTITY);
  });

  it("is null when the pool allows no unauthenticated identities", async () => {
    const pool = fakePool({
      getId: vi
        .fn()
        .mockRejectedValue(
          awsError(
            "NotAuthorizedException",
            "Unauthenticated access is not supported for this identity pool.",
          ),
        ),
    });
    expect(await exchangeGuest(pool, memoryCache())).toBeNull();
  });

  it("starts a new guest identity when the remembered one is gone", async () => {
    const other = "us-east-1:0b1c2d3e-0000-4000-8000-000000000002";
    const pool = fakePool({
      getId: vi.fn(async () => other),
      getCredentials: vi
        .fn<IdentityPoolApi["getCredentials"]>()
        .mockRejectedValueOnce(awsError("ResourceNotFoundException"))
        .mockResolvedValueOnce(CREDS),
    });
    const cache = memoryCache(IDENTITY);
    expect(await exchangeGuest(pool, cache)).toEqual({ identityId: other, credentials: CREDS });
    expect(cache.value).toBe(other);
  });

  it("reports an unreachable identity pool as unavailable", async () => {
    const pool = fakePool({ getId: vi.fn().mockRejectedValue(awsError("InternalErrorException")) });
    await expect(exchangeGuest(pool, memoryCache())).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
