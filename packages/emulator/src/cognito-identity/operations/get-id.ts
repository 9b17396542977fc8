import type { GetIdCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { getOrCreateIdentity } from "../identities";
import { IdentityPoolId, Logins, operation } from "../operation";

const Request = z.object({
  AccountId: z.string().regex(/^\d+$/).min(1).max(15).optional(),
  IdentityPoolId,
  Logins,
}) satisfies z.ZodType<GetIdCommandInput>;

export const GetId = operation(Request, (req, services) => ({
  IdentityId: getOrCreateIdentity(services, req.IdentityPoolId, req.Logins).IdentityId,
}));
