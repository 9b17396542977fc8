import type { AdminListDevicesCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { adminUser } from "../devices/access";
import { confirmedDevices, deviceView } from "../devices/tracking";
import { operation, PoolId, paginate, QueryLimit, Username } from "../operation";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  Limit: QueryLimit.optional(),
  PaginationToken: z.string().min(1).optional(),
}) satisfies z.ZodType<AdminListDevicesCommandInput>;

export const AdminListDevices = operation(Request, (req, services) => {
  const { user } = adminUser(services, req.UserPoolId, req.Username);
  const { page, next } = paginate(confirmedDevices(services, user), req.Limit, req.PaginationToken);
  return { Devices: page.map(deviceView), ...(next ? { PaginationToken: next } : {}) };
});
