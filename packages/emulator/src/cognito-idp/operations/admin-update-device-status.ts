import type { AdminUpdateDeviceStatusCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { adminUser } from "../devices/access";
import { requireDevice, setRemembered } from "../devices/tracking";
import { DeviceKey, DeviceRememberedStatus, operation, PoolId, Username } from "../operation";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  DeviceKey,
  DeviceRememberedStatus: DeviceRememberedStatus.optional(),
}) satisfies z.ZodType<AdminUpdateDeviceStatusCommandInput>;

export const AdminUpdateDeviceStatus = operation(Request, (req, services) => {
  const { user } = adminUser(services, req.UserPoolId, req.Username);
  const device = requireDevice(services, user, req.DeviceKey);
  if (req.DeviceRememberedStatus)
    setRemembered(services, device, req.DeviceRememberedStatus === "remembered");
  return {};
});
