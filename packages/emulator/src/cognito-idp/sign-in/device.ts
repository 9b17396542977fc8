/**
 * Remembered devices in a sign-in (see `devices/tracking.ts`): whether the device the sign-in
 * names must be proven first, and which device the tokens are tied to when it completes.
 *
 * @module
 */
import { ResourceNotFoundException } from "../../errors";
import type { UserRecord } from "../../store/types";
import { DEVICE_NOT_FOUND, deviceSignedIn, deviceTracking, issueDevice } from "../devices/tracking";
import type { Services } from "../services";
import type { AuthContext } from "./types";

/**
 * After the password: `prove` when the sign-in names a remembered device (DEVICE_SRP_AUTH comes
 * next), `proven` once it was, `known` for a device that is not remembered (MFA as usual), `none`
 * without device tracking or a `DEVICE_KEY`. A key the user does not have is refused as Cognito
 * refuses it (`ResourceNotFoundException: Device does not exist.`, which Amplify answers by
 * dropping its stored device and signing in again).
 */
export function deviceStep(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
): "none" | "known" | "prove" | "proven" {
  if (ctx.channel === "hosted-ui" || !ctx.deviceKey || !deviceTracking(ctx.pool).on) return "none";
  const device = services.store.devices.get(ctx.pool.Id, user.sub, ctx.deviceKey);
  if (!device) throw new ResourceNotFoundException(DEVICE_NOT_FOUND);
  if (ctx.deviceProven) return "proven";
  return device.confirmed && device.remembered && device.verifier ? "prove" : "known";
}

/** The device a completed API sign-in is tied to: the one it named, or a new one. */
export function deviceOfSignIn(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
): { deviceKey: string; newDevice?: { DeviceKey: string; DeviceGroupKey: string } } | undefined {
  if (ctx.channel === "hosted-ui" || !deviceTracking(ctx.pool).on) return undefined;
  const ip = ctx.signals?.ip;
  if (ctx.deviceKey) {
    const device = services.store.devices.get(ctx.pool.Id, user.sub, ctx.deviceKey);
    if (!device) throw new ResourceNotFoundException(DEVICE_NOT_FOUND);
    deviceSignedIn(services, device, ip);
    return { deviceKey: device.deviceKey };
  }
  const device = issueDevice(services, ctx.pool, user, ip);
  return {
    deviceKey: device.deviceKey,
    newDevice: { DeviceKey: device.deviceKey, DeviceGroupKey: device.deviceGroupKey },
  };
}
