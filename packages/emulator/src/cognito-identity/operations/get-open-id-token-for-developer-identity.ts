import type { GetOpenIdTokenForDeveloperIdentityCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { developerIdentity, requireDeveloperCredentials } from "../developer";
import { signOpenIdToken } from "../openid";
import { IdentityId, IdentityPoolId, Logins, operation } from "../operation";
import { amrOf, TAGS_CLAIM } from "../roles";

const Request = z.object({
  IdentityPoolId,
  IdentityId: IdentityId.optional(),
  Logins: Logins.unwrap().refine(
    (m) => Object.keys(m).length <= 10,
    "Member must have length less than or equal to 10",
  ),
  PrincipalTags: z
    .record(z.string().min(1).max(128), z.string().min(1).max(256))
    .refine((m) => Object.keys(m).length <= 50, "Member must have length less than or equal to 50")
    .optional(),
  TokenDuration: z.number().int().min(1).max(86400).optional(),
}) satisfies z.ZodType<GetOpenIdTokenForDeveloperIdentityCommandInput>;

/** Without `TokenDuration` the token is valid for 15 minutes (AWS API reference). */
const DEFAULT_TOKEN_SECONDS = 900;

export const GetOpenIdTokenForDeveloperIdentity = operation(Request, (req, services, request) => {
  requireDeveloperCredentials(request);
  const { pool, identity, logins } = developerIdentity(services, req);
  const tags = Object.entries(req.PrincipalTags ?? {});
  const token = signOpenIdToken(services, {
    poolId: pool.IdentityPoolId,
    identityId: identity.IdentityId,
    amr: amrOf(logins),
    seconds: req.TokenDuration ?? DEFAULT_TOKEN_SECONDS,
    // Session tags as STS reads them from a web identity token.
    ...(tags.length > 0
      ? { extra: { [TAGS_CLAIM]: { principal_tags: Object.fromEntries(tags.map(([k, v]) => [k, [v]])) } } }
      : {}),
  });
  return { IdentityId: identity.IdentityId, Token: token };
});
