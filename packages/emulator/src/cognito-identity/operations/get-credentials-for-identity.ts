import type { GetCredentialsForIdentityCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { authenticateIdentity } from "../identities";
import { IdentityId, Logins, operation, RoleArn } from "../operation";
import { issueCredentials, resolveRole } from "../roles";

const Request = z.object({
  IdentityId,
  Logins,
  CustomRoleArn: RoleArn.optional(),
}) satisfies z.ZodType<GetCredentialsForIdentityCommandInput>;

export const GetCredentialsForIdentity = operation(Request, (req, services) => {
  const { identity, pool, roles, logins } = authenticateIdentity(services, req.IdentityId, req.Logins);
  const roleArn = resolveRole(roles, logins, req.CustomRoleArn);
  const c = issueCredentials(services, pool, identity, roleArn, logins);
  return {
    IdentityId: identity.IdentityId,
    Credentials: {
      AccessKeyId: c.accessKeyId,
      SecretKey: c.secretKey,
      SessionToken: c.sessionToken,
      Expiration: c.expiresAt / 1000,
    },
  };
});
