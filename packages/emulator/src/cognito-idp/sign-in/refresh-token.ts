/**
 * Redeeming a refresh token, shared by REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken and the
 * token endpoint's `refresh_token` grant; and refresh-token rotation (the app client's
 * `RefreshTokenRotation`): with it on, each refresh returns a new refresh token that keeps the
 * original's expiry, and the submitted one stops working after `RetryGracePeriodSeconds` (0-60;
 * 0 = at once). A rotated-out token used after that is a `RefreshTokenReuseException`.
 *
 * @module
 */
import { NotAuthorizedException, RefreshTokenReuseException } from "../../errors";
import type { RefreshTokenRow } from "../../store/repos/refresh-tokens";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/types";
import type { Services } from "../services";

export interface RefreshTokenProblems {
  invalid: () => Error;
  revoked: () => Error;
  expired: () => Error;
  reused: () => Error;
  disabled: () => Error;
}

/** The API's answers (NotAuthorizedException), as Cognito words them. */
export const API_REFRESH_PROBLEMS: RefreshTokenProblems = {
  invalid: () => new NotAuthorizedException("Invalid Refresh Token"),
  revoked: () => new NotAuthorizedException("Refresh Token has been revoked"),
  expired: () => new NotAuthorizedException("Refresh Token has expired"),
  reused: () =>
    new RefreshTokenReuseException("Refresh token has been invalidated by refresh token rotation."),
  disabled: () => new NotAuthorizedException("User is disabled."),
};

export interface RotationSettings {
  enabled: boolean;
  graceSeconds: number;
}

export function rotationOf(client: ClientRecord): RotationSettings {
  const r = client.RefreshTokenRotation;
  return { enabled: r?.Feature === "ENABLED", graceSeconds: r?.RetryGracePeriodSeconds ?? 0 };
}

/** The stored token and its user, if the token may be redeemed by this client of this pool now. */
export function redeemableRefreshToken(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  token: string,
  problems: RefreshTokenProblems,
  deviceKey?: string,
): { row: RefreshTokenRow; user: UserRecord } {
  const now = services.clock.now().getTime();
  const row = services.store.refreshTokens.get(token);
  if (!row || row.clientId !== client.ClientId || row.poolId !== pool.Id) throw problems.invalid();
  if (row.revoked) throw problems.revoked();
  if (row.expiresAt * 1000 < now) throw problems.expired();
  if (row.validUntil !== undefined && row.validUntil <= now) throw problems.reused();
  const user = services.store.users.getBySub(pool.Id, row.sub);
  if (!user) throw problems.invalid();
  // A token tied to a device refreshes only with that device's key, while the user still has it
  // (AWS answers "Invalid Refresh Token" otherwise: aws/aws-sdk-java#2841, aws-sdk-cpp#851; its
  // device-tracking post: "If a refresh token is used on any other device, the call fails", and
  // after ForgetDevice "all future calls to revalidate that device's refresh tokens will fail").
  if (
    row.deviceKey !== undefined &&
    (deviceKey !== row.deviceKey || !services.store.devices.get(pool.Id, row.sub, row.deviceKey))
  ) {
    throw problems.invalid();
  }
  return { row, user };
}

/**
 * Starts the grace period of a token being rotated out. Synchronous with the check above (no
 * await in between), so of two refreshes racing with grace 0 only one gets through.
 */
export function retireRotatedToken(
  services: Services,
  client: ClientRecord,
  row: RefreshTokenRow,
  problems: RefreshTokenProblems,
): void {
  const now = services.clock.now().getTime();
  const until = now + rotationOf(client).graceSeconds * 1000;
  if (!services.store.refreshTokens.retire(row.token, until, now)) throw problems.reused();
}
