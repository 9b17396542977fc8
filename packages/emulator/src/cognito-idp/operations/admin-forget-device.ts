import type { AdminForgetDeviceCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { adminUser } from "../devices/access";
import { forgetDevice } from "../devices/tracking";
import { DeviceKey, operation, PoolId, Username } from "../operation";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  DeviceKey,
}) satisfies z.ZodType<AdminForgetDeviceCommandInput>;

export const AdminForgetDevice = operation(Request, (req, services) => {
  const { user } = adminUser(services, req.UserPoolId, req.Username);
  forgetDevice(services, user, req.DeviceKey);
  return {};
});
