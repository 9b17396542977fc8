import type { UpdateDeviceStatusCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { requireDevice, setRemembered } from "../devices/tracking";
import { DeviceKey, DeviceRememberedStatus, operation, Token } from "../operation";
import { authenticateAccessToken } from "../tokens";

const Request = z.object({
  AccessToken: Token,
  DeviceKey,
  DeviceRememberedStatus: DeviceRememberedStatus.optional(),
}) satisfies z.ZodType<UpdateDeviceStatusCommandInput>;

/** `remembered` lets the device sign in with device authentication; `not_remembered` stops it. */
export const UpdateDeviceStatus = operation(Request, (req, services) => {
  const { user } = authenticateAccessToken(services, req.AccessToken);
  const device = requireDevice(services, user, req.DeviceKey);
  if (req.DeviceRememberedStatus)
    setRemembered(services, device, req.DeviceRememberedStatus === "remembered");
  return {};
});
