import type { AdminGetDeviceCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { adminUser } from "../devices/access";
import { deviceView, requireDevice } from "../devices/tracking";
import { DeviceKey, operation, PoolId, Username } from "../operation";

const Request = z.object({
  DeviceKey,
  UserPoolId: PoolId,
  Username,
}) satisfies z.ZodType<AdminGetDeviceCommandInput>;

export const AdminGetDevice = operation(Request, (req, services) => {
  const { user } = adminUser(services, req.UserPoolId, req.Username);
  return { Device: deviceView(requireDevice(services, user, req.DeviceKey)) };
});
