import "server-only";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { env } from "~/env";

/** The pool's region, from its issuer (`https://cognito-idp.{region}.amazonaws.com/{poolId}`). */
const region =
  /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\//.exec(env.COGNITO_ISSUER)?.[1] ?? env.AWS_REGION;

/**
 * Cognito's user-pool API. Calls made with a user's access token (GetUser, ChangePassword, MFA,
 * ...) are unsigned; the admin operations of the Security activity page (user-pool-admin.ts) are
 * signed with the web server's own AWS credentials (its role; locally the stack's `local` keys).
 * Locally the endpoint is the emulator's, on AWS the regional endpoint.
 */
export const cognito = new CognitoIdentityProviderClient({
  region,
  maxAttempts: 2,
  ...(env.COGNITO_ENDPOINT ? { endpoint: env.COGNITO_ENDPOINT } : {}),
});
