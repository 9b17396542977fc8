import type { GetDeviceCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { tokenUser } from "../devices/access";
import { deviceView, requireDevice } from "../devices/tracking";
import { DeviceKey, operation, Token } from "../operation";

const Request = z.object({
  DeviceKey,
  AccessToken: Token.optional(),
}) satisfies z.ZodType<GetDeviceCommandInput>;

export const GetDevice = operation(Request, (req, services) => {
  const { user } = tokenUser(services, "GetDevice", req.AccessToken);
  return { Device: deviceView(requireDevice(services, user, req.DeviceKey)) };
});
