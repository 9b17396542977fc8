/**
 * Remembered devices (the pool's `DeviceConfiguration`): which devices a user has, how a sign-in
 * is tied to one, and how they are shown (`DeviceType`).
 *
 * - Any property of `DeviceConfiguration` turns device tracking on. Every API sign-in that names
 *   no device then gets a new one (`NewDeviceMetadata`: a `Region_UUID` device key and a device
 *   group key), and its tokens are tied to it: the access token carries `device_key`, and the
 *   refresh token refreshes only with that `DEVICE_KEY`.
 * - ConfirmDevice stores the device's SRP verifier. `DeviceOnlyRememberedOnUserPrompt: false`
 *   remembers it at once; `true` leaves it `not_remembered` until UpdateDeviceStatus.
 * - A sign-in that names a remembered device proves it with device SRP (`DEVICE_SRP_AUTH`,
 *   `DEVICE_PASSWORD_VERIFIER`). With `ChallengeRequiredOnNewDevice: true`, that proof stands in
 *   for the SMS or TOTP code; without it, MFA is asked as usual.
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import { ResourceNotFoundException } from "../../errors";
import type { DeviceRecord } from "../../store/repos/devices";
import type { PoolRecord, UserRecord } from "../../store/types";
import { newUuid } from "../ids";
import type { Services } from "../services";

export const DEVICE_NOT_FOUND = "Device does not exist.";

export interface DeviceTracking {
  /** Device tracking is on: sign-ins are tied to devices. */
  on: boolean;
  /** A proven remembered device replaces the MFA code (`ChallengeRequiredOnNewDevice`). */
  rememberedSkipsMfa: boolean;
  /** ConfirmDevice leaves the device `not_remembered` (`DeviceOnlyRememberedOnUserPrompt`). */
  onUserPrompt: boolean;
}

export function deviceTracking(pool: PoolRecord): DeviceTracking {
  const config = pool.DeviceConfiguration;
  const set = (v: boolean | undefined | null) => v !== undefined && v !== null;
  return {
    on:
      !!config && (set(config.ChallengeRequiredOnNewDevice) || set(config.DeviceOnlyRememberedOnUserPrompt)),
    rememberedSkipsMfa: config?.ChallengeRequiredOnNewDevice === true,
    onUserPrompt: config?.DeviceOnlyRememberedOnUserPrompt === true,
  };
}

/** A new, unconfirmed device for the user: what `NewDeviceMetadata` hands out. */
export function issueDevice(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  ip?: string,
): DeviceRecord {
  const now = services.clock.now().getTime();
  const region = pool.Id.slice(0, pool.Id.indexOf("_"));
  const device: DeviceRecord = {
    poolId: pool.Id,
    sub: user.sub,
    deviceKey: `${region}_${newUuid()}`,
    deviceGroupKey: `-${randomBytes(7).toString("base64url").replace(/[-_]/g, "x")}`,
    confirmed: false,
    remembered: false,
    createdAt: now,
    modifiedAt: now,
    lastAuthenticatedAt: now,
    ...(ip ? { lastIp: ip } : {}),
  };
  services.store.devices.put(device);
  return device;
}

/** A device of the user (confirmed unless `anyState`), else `ResourceNotFoundException`. */
export function requireDevice(
  services: Services,
  user: UserRecord,
  deviceKey: string,
  anyState = false,
): DeviceRecord {
  const device = services.store.devices.get(user.poolId, user.sub, deviceKey);
  if (!device || (!anyState && !device.confirmed)) throw new ResourceNotFoundException(DEVICE_NOT_FOUND);
  return device;
}

/** A sign-in used the device: its last-authenticated date (and address) move on. */
export function deviceSignedIn(services: Services, device: DeviceRecord, ip?: string): void {
  services.store.devices.put({
    ...device,
    lastAuthenticatedAt: services.clock.now().getTime(),
    ...(ip ? { lastIp: ip } : {}),
  });
}

/** The user's confirmed devices (the ones ListDevices shows). */
export function confirmedDevices(services: Services, user: UserRecord): DeviceRecord[] {
  return services.store.devices.listOf(user.poolId, user.sub).filter((d) => d.confirmed);
}

/** `DeviceType`, with the attributes Cognito reports for a device. */
export function deviceView(device: DeviceRecord) {
  const attributes = [
    { Name: "device_status", Value: "valid" },
    ...(device.name !== undefined ? [{ Name: "device_name", Value: device.name }] : []),
    { Name: "dev:device_remembered_status", Value: device.remembered ? "remembered" : "not_remembered" },
    ...(device.lastIp ? [{ Name: "last_ip_used", Value: device.lastIp }] : []),
  ];
  return {
    DeviceKey: device.deviceKey,
    DeviceAttributes: attributes,
    DeviceCreateDate: device.createdAt / 1000,
    DeviceLastModifiedDate: device.modifiedAt / 1000,
    DeviceLastAuthenticatedDate: device.lastAuthenticatedAt / 1000,
  };
}

/** UpdateDeviceStatus and its admin variant. */
export function setRemembered(services: Services, device: DeviceRecord, remembered: boolean): void {
  services.store.devices.put({ ...device, remembered, modifiedAt: services.clock.now().getTime() });
}

/**
 * ForgetDevice and its admin variant. The device's refresh tokens stop working with it (a
 * refresh checks that its device still exists); confirmed or not, the device must be the user's.
 */
export function forgetDevice(services: Services, user: UserRecord, deviceKey: string): void {
  if (!services.store.devices.delete(user.poolId, user.sub, deviceKey)) {
    throw new ResourceNotFoundException(DEVICE_NOT_FOUND);
  }
}
