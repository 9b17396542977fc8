import type { Services } from "../cognito-idp/services";
import { NotAuthorizedException } from "./errors";
import { verifyCognitoToken } from "./identity-token";
import { COGNITO_TOKEN_PROVIDER, externalLoginRefusal } from "./providers";
import type { IdentityPoolRecord } from "./store";
import { isUserPoolProvider, verifyUserPoolLogin } from "./user-pool-login";

/** A login that passed verification: which provider, who, and the token's claims. */
export interface VerifiedLogin {
  /** The `Logins` key: `cognito-idp.{region}.amazonaws.com/{poolId}`, a developer provider, ... */
  provider: string;
  /** A user-pool login's user pool and the app client the token was issued to (`aud`); else "". */
  userPoolId: string;
  clientId: string;
  /** The user's `sub` (user pools), developer user identifier, or identity (Cognito tokens). */
  subject: string;
  claims: Record<string, unknown>;
  /** The identity-store key of this login; none for a Cognito token (it names its identity). */
  key?: string;
  /** What the login adds to the identity's `amr` after `authenticated`. */
  amr: string[];
  /** A Cognito token's identity: the login proves this identity and no other. */
  identityId?: string;
}

export interface VerifyOptions {
  /** GetOpenIdToken and GetCredentialsForIdentity take the service's own token; GetId does not. */
  cognitoToken?: boolean;
}

/**
 * Verifies every entry of a `Logins` map against the identity pool: user-pool ID tokens (see
 * `verifyUserPoolLogin`), with `cognitoToken` this service's own OpenID tokens; any other provider is
 * refused (`externalLoginRefusal`), as one the pool does not name or one the emulator cannot verify.
 */
export function verifyLogins(
  services: Services,
  pool: IdentityPoolRecord,
  logins: Record<string, string> | undefined,
  options: VerifyOptions = {},
): VerifiedLogin[] {
  return Object.entries(logins ?? {}).map(([provider, token]) => {
    if (provider === COGNITO_TOKEN_PROVIDER) {
      if (!options.cognitoToken) {
        throw new NotAuthorizedException("Invalid login token. Can't pass in a Cognito token.");
      }
      return verifyCognitoToken(services, pool, token);
    }
    if (isUserPoolProvider(provider)) return verifyUserPoolLogin(services, pool, provider, token);
    throw externalLoginRefusal(pool, provider);
  });
}
