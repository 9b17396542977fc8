import type { Context } from "hono";
import type { Services } from "../../cognito-idp/services";
import type { ClientRecord, UserRecord } from "../../store/types";
import { clientOfPool, type HostedDomain } from "../domain";
import { OAuthError } from "../errors";
import { jsonNoStore } from "../respond";
import { verifyAccessToken } from "../tokens";

const EMAIL_CLAIMS = ["email", "email_verified"];
const PHONE_CLAIMS = ["phone_number", "phone_number_verified"];

/** The claims userInfo returns for these scopes: `profile` all readable attributes, `email`/`phone` theirs. */
function claimsFor(
  user: UserRecord,
  client: ClientRecord | undefined,
  scopes: string[],
): Record<string, string> {
  const readable = client?.ReadAttributes;
  const out: Record<string, string> = { sub: user.sub };
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === "sub") continue;
    if (readable && readable.length > 0 && !readable.includes(name)) continue;
    const granted =
      scopes.includes("profile") ||
      (scopes.includes("email") && EMAIL_CLAIMS.includes(name)) ||
      (scopes.includes("phone") && PHONE_CLAIMS.includes(name));
    if (granted) out[name] = value;
  }
  out.username = user.username;
  return out;
}

function bearer(c: Context): string {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new OAuthError("invalid_request", "Bad OAuth2 request at UserInfo Endpoint");
  return match[1];
}

/** `GET|POST /oauth2/userInfo`: the signed-in user's attributes, for an OAuth access token with `openid`. */
export function userInfo(services: Services) {
  return (c: Context, hd: HostedDomain): Response => {
    const claims = verifyAccessToken(services, hd.pool, bearer(c));
    const scopes = claims.scope.split(" ");
    if (!scopes.includes("openid")) {
      throw new OAuthError("invalid_token", "Access token does not contain openid scope");
    }
    const user = services.store.users.getBySub(hd.pool.Id, claims.sub);
    if (!user?.enabled) {
      throw new OAuthError(
        "invalid_token",
        "Access token is expired, disabled, or deleted, or the user has globally signed out.",
      );
    }
    return jsonNoStore(c, claimsFor(user, clientOfPool(services, hd.pool, claims.client_id), scopes));
  };
}
