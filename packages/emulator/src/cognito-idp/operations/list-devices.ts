import type { ListDevicesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { confirmedDevices, deviceView } from "../devices/tracking";
import { operation, paginate, QueryLimit, Token } from "../operation";
import { authenticateAccessToken } from "../tokens";

const Request = z.object({
  AccessToken: Token,
  Limit: QueryLimit.optional(),
  PaginationToken: z.string().min(1).optional(),
}) satisfies z.ZodType<ListDevicesCommandInput>;

/** The user's confirmed devices, oldest first (a device is listed once ConfirmDevice ran). */
export const ListDevices = operation(Request, (req, services) => {
  const { user } = authenticateAccessToken(services, req.AccessToken);
  const { page, next } = paginate(confirmedDevices(services, user), req.Limit, req.PaginationToken);
  return { Devices: page.map(deviceView), ...(next ? { PaginationToken: next } : {}) };
});
