import type { CreateGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { GroupExistsException } from "../../errors";
import type { GroupRecord } from "../../store/types";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";

export const GroupName = z
  .string()
  .min(1)
  .max(128)
  .regex(
    /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
    "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
  );

const Request = z.object({
  GroupName,
  UserPoolId: PoolId,
  Description: z.string().max(2048).optional(),
  RoleArn: z.string().min(20).max(2048).optional(),
  Precedence: z.number().int().min(0).optional(),
}) satisfies z.ZodType<CreateGroupCommandInput>;

export const CreateGroup = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  if (services.store.resources.get("group", req.UserPoolId, req.GroupName)) {
    throw new GroupExistsException("A group with the name already exists.");
  }
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const group: GroupRecord = { ...req, CreationDate: now, LastModifiedDate: now };
  services.store.resources.put("group", req.UserPoolId, req.GroupName, group);
  return { Group: group };
});
