import type { GetIdentityPoolRolesCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { requireIdentityPool } from "../identities";
import { IdentityPoolId, operation } from "../operation";

const Request = z.object({ IdentityPoolId }) satisfies z.ZodType<GetIdentityPoolRolesCommandInput>;

export const GetIdentityPoolRoles = operation(Request, (req, services) => {
  const { roles } = requireIdentityPool(services, req.IdentityPoolId);
  return {
    IdentityPoolId: req.IdentityPoolId,
    Roles: roles.Roles,
    ...(Object.keys(roles.RoleMappings).length > 0 ? { RoleMappings: roles.RoleMappings } : {}),
  };
});
