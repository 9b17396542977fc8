/**
 * The user a device operation acts for: the access token's user (ConfirmDevice, GetDevice,
 * ListDevices, UpdateDeviceStatus, ForgetDevice) or the named user (their Admin variants).
 *
 * @module
 */
import { InvalidParameterException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { requirePool, requireUser } from "../pools";
import type { Services } from "../services";
import { authenticateAccessToken } from "../tokens";

/**
 * GetDevice and ForgetDevice list `AccessToken` as optional; without one there is no user to
 * act for, and this emulator refuses rather than guess.
 */
export function tokenUser(
  services: Services,
  operation: string,
  accessToken: string | undefined,
): { pool: PoolRecord; user: UserRecord } {
  if (!accessToken) {
    throw new InvalidParameterException(
      `${operation} without AccessToken is not supported by the local emulator: send the user's access token.`,
    );
  }
  const { pool, user } = authenticateAccessToken(services, accessToken);
  return { pool, user };
}

export function adminUser(
  services: Services,
  poolId: string,
  username: string,
): { pool: PoolRecord; user: UserRecord } {
  const pool = requirePool(services, poolId);
  return { pool, user: requireUser(services, pool, username) };
}
