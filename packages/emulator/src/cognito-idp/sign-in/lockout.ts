/**
 * Password lockout as Cognito applies it: after five failed sign-ins the user waits 1 s, then
 * twice as long after each further failure, up to 15 minutes; failures older than 15 minutes are
 * forgotten. A username that does not exist is locked out on the same schedule when the client
 * hides user existence, so "Password attempts exceeded" tells an attacker nothing.
 *
 * @module
 */
import { NotAuthorizedException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { saveUser } from "../pools";
import type { Services } from "../services";
import { type AuthContext, INCORRECT } from "./types";

const LOCKOUT_THRESHOLD = 5;
const LOCKOUT_MAX_S = 900;
const LOCKOUT_RESET_MS = 15 * 60_000;

/** `NotAuthorizedException: Password attempts exceeded` while the user is locked out. */
export function checkLockout(
  services: Services,
  user: Pick<UserRecord, "failedAttempts" | "lastFailedAt">,
): void {
  const now = services.clock.now().getTime();
  if (user.failedAttempts > 0 && now - user.lastFailedAt > LOCKOUT_RESET_MS) {
    user.failedAttempts = 0;
  }
  if (user.failedAttempts >= LOCKOUT_THRESHOLD) {
    const lockS = Math.min(2 ** (user.failedAttempts - LOCKOUT_THRESHOLD), LOCKOUT_MAX_S);
    if (now < user.lastFailedAt + lockS * 1000)
      throw new NotAuthorizedException("Password attempts exceeded");
  }
}

/** Counts a wrong password against the user and refuses the sign-in. */
export function recordFailure(services: Services, pool: PoolRecord, user: UserRecord): never {
  user.failedAttempts += 1;
  user.lastFailedAt = services.clock.now().getTime();
  saveUser(services, pool, user);
  throw new NotAuthorizedException(INCORRECT);
}

/** A sign-in as a username that does not exist, when the client hides user existence. */
export function unknownUserFailure(services: Services, ctx: AuthContext, username: string): never {
  const key = username.toLowerCase();
  const now = services.clock.now().getTime();
  const stored = services.store.unknownUserFailures.get(ctx.pool.Id, key);
  const failedAttempts = now - stored.lastFailedAt > LOCKOUT_RESET_MS ? 0 : stored.failedAttempts;
  checkLockout(services, { failedAttempts, lastFailedAt: stored.lastFailedAt });
  services.store.unknownUserFailures.put(ctx.pool.Id, key, failedAttempts + 1, now);
  throw new NotAuthorizedException(INCORRECT);
}

/**
 * The user's record as stored now, for a sign-in that awaited (a trigger, the crypto worker):
 * other requests may have changed it meanwhile (failed attempts, attributes, status), and a write
 * from the stale copy would lose theirs. Refuses if concurrent failures locked the account.
 */
export function afterAwait(services: Services, ctx: AuthContext, user: UserRecord): UserRecord {
  const current = services.store.users.getBySub(ctx.pool.Id, user.sub);
  if (!current) throw new NotAuthorizedException(INCORRECT);
  checkLockout(services, current);
  if (!current.enabled) throw new NotAuthorizedException("User is disabled.");
  return current;
}
