import type { ConfirmDeviceCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { deviceTracking, requireDevice } from "../devices/tracking";
import { DeviceKey, operation, Token } from "../operation";
import { authenticateAccessToken } from "../tokens";

const Request = z.object({
  AccessToken: Token,
  DeviceKey,
  DeviceSecretVerifierConfig: z
    .object({ PasswordVerifier: z.string().optional(), Salt: z.string().optional() })
    .optional(),
  DeviceName: z.string().min(1).max(1024).optional(),
}) satisfies z.ZodType<ConfirmDeviceCommandInput>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function hexOf(member: string, value: string): string {
  if (!BASE64.test(value) || value.length === 0) {
    throw new InvalidParameterException(`DeviceSecretVerifierConfig.${member} is not valid base64.`);
  }
  return Buffer.from(value, "base64").toString("hex");
}

/**
 * Stores the device's SRP verifier (the client derives it from a random device password it keeps).
 * `DeviceOnlyRememberedOnUserPrompt: true` leaves the device `not_remembered` and answers
 * `UserConfirmationNecessary: true`; otherwise the device is remembered at once.
 */
export const ConfirmDevice = operation(Request, (req, services) => {
  const { pool, user } = authenticateAccessToken(services, req.AccessToken);
  const device = requireDevice(services, user, req.DeviceKey, true);
  const config = req.DeviceSecretVerifierConfig;
  const verifier =
    config?.PasswordVerifier !== undefined && config.Salt !== undefined
      ? { salt: hexOf("Salt", config.Salt), verifier: hexOf("PasswordVerifier", config.PasswordVerifier) }
      : undefined;
  const { onUserPrompt } = deviceTracking(pool);
  services.store.devices.put({
    ...device,
    confirmed: true,
    remembered: !onUserPrompt,
    ...(req.DeviceName !== undefined ? { name: req.DeviceName } : {}),
    ...(verifier ? { verifier } : {}),
    modifiedAt: services.clock.now().getTime(),
  });
  return { UserConfirmationNecessary: onUserPrompt };
});
