import type { DeleteGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId } from "../operation";
import { GroupName } from "./create-group";
import { requireGroup } from "./get-group";

const Request = z.object({ GroupName, UserPoolId: PoolId }) satisfies z.ZodType<DeleteGroupCommandInput>;

export const DeleteGroup = operation(Request, (req, services) => {
  requireGroup(services, req.UserPoolId, req.GroupName);
  services.store.transaction(() => {
    services.store.resources.delete("group", req.UserPoolId, req.GroupName);
    services.store.groupMembers.deleteGroup(req.UserPoolId, req.GroupName);
  });
  return {};
});
