import type { GetGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { ResourceNotFoundException } from "../../errors";
import type { GroupRecord } from "../../store/types";
import { operation, PoolId } from "../operation";
import { requirePool } from "../pools";
import type { Services } from "../services";
import { GroupName } from "./create-group";

const Request = z.object({ GroupName, UserPoolId: PoolId }) satisfies z.ZodType<GetGroupCommandInput>;

export function requireGroup(services: Services, poolId: string, name: string): GroupRecord {
  requirePool(services, poolId);
  const group = services.store.resources.get("group", poolId, name);
  if (!group) throw new ResourceNotFoundException("Group not found.");
  return group;
}

export const GetGroup = operation(Request, (req, services) => ({
  Group: requireGroup(services, req.UserPoolId, req.GroupName),
}));
