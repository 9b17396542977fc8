import type { AdminGetUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { attributeList, requirePool, requireUser } from "../pools";
import { mfaSettings } from "../users";

const Request = z.object({ UserPoolId: PoolId, Username }) satisfies z.ZodType<AdminGetUserCommandInput>;

export const AdminGetUser = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: user.createdAt / 1000,
    UserLastModifiedDate: user.modifiedAt / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaSettings(user),
  };
});
