import type { AccessTokenClaims, IdTokenClaims } from "../claims";
import { type JwksServer, startJwksServer } from "./jwks-server";
import { generateSigningKey, type SigningKey } from "./keys";
import {
  accessTokenClaims,
  clientCredentialsClaims,
  idTokenClaims,
  signJwt,
  type UserClaims,
} from "./tokens";

/**
 * A stand-in for one user pool's token signing in tests: separate ID and access keys (as Cognito
 * uses), their JWKS on a local HTTP server, and helpers that mint tokens with Cognito's claims.
 */
export interface TestPool {
  userPoolId: string;
  clientId: string;
  jwks: JwksServer;
  accessKey: SigningKey;
  idKey: SigningKey;
  accessToken(user?: UserClaims, overrides?: Partial<AccessTokenClaims>): string;
  idToken(user?: UserClaims, overrides?: Partial<IdTokenClaims>): string;
  clientCredentialsToken(scopes: string[], clientId?: string): string;
  close(): Promise<void>;
}

export async function startTestPool(
  userPoolId = "us-east-1_TestPool1",
  clientId = "testclient1234567890abcdef",
): Promise<TestPool> {
  const accessKey = generateSigningKey();
  const idKey = generateSigningKey();
  const jwks = await startJwksServer([idKey, accessKey], `/${userPoolId}/.well-known/jwks.json`);
  const ctx = { userPoolId, clientId };
  return {
    userPoolId,
    clientId,
    jwks,
    accessKey,
    idKey,
    accessToken: (user, overrides) => signJwt(accessTokenClaims(ctx, user, overrides), accessKey),
    idToken: (user, overrides) => signJwt(idTokenClaims(ctx, user, overrides), idKey),
    clientCredentialsToken: (scopes, id = clientId) =>
      signJwt(clientCredentialsClaims({ ...ctx, clientId: id }, scopes), accessKey),
    close: () => jwks.close(),
  };
}
