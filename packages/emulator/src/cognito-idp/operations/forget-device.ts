import type { ForgetDeviceCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { tokenUser } from "../devices/access";
import { forgetDevice } from "../devices/tracking";
import { DeviceKey, operation, Token } from "../operation";

const Request = z.object({
  AccessToken: Token.optional(),
  DeviceKey,
}) satisfies z.ZodType<ForgetDeviceCommandInput>;

/** The device is gone: its refresh tokens stop working, and signing in with its key is refused. */
export const ForgetDevice = operation(Request, (req, services) => {
  const { user } = tokenUser(services, "ForgetDevice", req.AccessToken);
  forgetDevice(services, user, req.DeviceKey);
  return {};
});
