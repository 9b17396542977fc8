import type { UpdateGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { GroupName } from "./create-group";
import { requireGroup } from "./get-group";

const Request = z.object({
  GroupName,
  UserPoolId: PoolId,
  Description: z.string().max(2048).optional(),
  RoleArn: z.string().min(20).max(2048).optional(),
  Precedence: z.number().int().min(0).optional(),
}) satisfies z.ZodType<UpdateGroupCommandInput>;

export const UpdateGroup = operation(Request, (req, services) => {
  const group = structuredClone(requireGroup(services, req.UserPoolId, req.GroupName));
  if (req.Description !== undefined) group.Description = req.Description;
  if (req.RoleArn !== undefined) group.RoleArn = req.RoleArn;
  if (req.Precedence !== undefined) group.Precedence = req.Precedence;
  group.LastModifiedDate = Math.floor(services.clock.now().getTime() / 1000);
  services.store.resources.put("group", req.UserPoolId, req.GroupName, group);
  return { Group: group };
});
