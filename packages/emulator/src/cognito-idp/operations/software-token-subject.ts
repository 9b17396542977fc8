import { InvalidParameterException, NotAuthorizedException } from "../../errors";
import { requirePool } from "../pools";
import type { Services } from "../services";
import { sessionById } from "../sign-in";
import { authenticateAccessToken } from "../tokens";

/**
 * Whose TOTP is being set up, for AssociateSoftwareToken and VerifySoftwareToken: the signed-in
 * user of an access token, or the user of an `MFA_SETUP` sign-in session.
 */
export function softwareTokenSubject(
  services: Services,
  req: { AccessToken?: string | undefined; Session?: string | undefined },
): Pick<ReturnType<typeof authenticateAccessToken>, "pool" | "user"> {
  if (req.AccessToken) return authenticateAccessToken(services, req.AccessToken);
  if (!req.Session) throw new InvalidParameterException("Either AccessToken or Session is required.");
  const session = sessionById(services, req.Session);
  const pool = requirePool(services, session.poolId);
  const user = services.store.users.getBySub(session.poolId, session.sub);
  if (!user) throw new NotAuthorizedException("Invalid session for the user.");
  return { pool, user };
}
