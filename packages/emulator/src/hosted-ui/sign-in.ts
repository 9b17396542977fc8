import type { Context } from "hono";
/**
 * Sign-in through the hosted UI on top of the user-pool core: the same password check, lockout,
 * triggers and challenges (MFA, new password) as InitiateAuth / RespondToAuthChallenge. The tokens
 * the core issues at the end are not handed out (they carry no OAuth scopes): their refresh token
 * is revoked at once, and the client gets its tokens from the code at `/oauth2/token`.
 *
 * @module
 */
import { type AuthContext, type AuthResult, passwordAuth, respondToChallenge } from "../cognito-idp/auth";
import { findUser } from "../cognito-idp/pools";
import type { Services } from "../cognito-idp/services";
import { type SignInSignals, signalsFrom } from "../cognito-idp/threat/signals";
import { secretHash } from "../crypto/secret-hash";
import { requestInfoOf } from "../request-info";
import type { ClientRecord, PoolRecord } from "../store/types";
import type { PendingChallenge } from "./session";

export type SignInStep =
  | { kind: "signed-in"; sub: string }
  | { kind: "challenge"; pending: PendingChallenge };

function context(pool: PoolRecord, client: ClientRecord, signals?: SignInSignals): AuthContext {
  return { pool, client, admin: false, ...(signals ? { signals } : {}) };
}

function withSecretHash(client: ClientRecord, username: string): Record<string, string> {
  return client.ClientSecret
    ? { SECRET_HASH: secretHash(username, client.ClientId, client.ClientSecret) }
    : {};
}

function subOf(idToken: string): string {
  const payload = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")) as {
    sub?: unknown;
  };
  if (typeof payload.sub !== "string") throw new TypeError("ID token without sub");
  return payload.sub;
}

function toStep(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  username: string,
  result: AuthResult,
): SignInStep {
  const tokens = result.AuthenticationResult;
  if (tokens) {
    if (tokens.RefreshToken) {
      const row = services.store.getRefreshToken(tokens.RefreshToken);
      if (row)
        services.store.revokeRefreshToken(tokens.RefreshToken, row.originJti, services.clock.now().getTime());
    }
    return { kind: "signed-in", sub: subOf(tokens.IdToken) };
  }
  if (!result.ChallengeName || !result.Session)
    throw new TypeError("sign-in ended without tokens or challenge");
  const parameters = result.ChallengeParameters ?? {};
  const internal = parameters.USER_ID_FOR_SRP ?? username;
  const user = findUser(services, pool, internal);
  if (!user) throw new TypeError("challenge for an unknown user");
  return {
    kind: "challenge",
    pending: {
      challenge: result.ChallengeName,
      session: result.Session,
      username: internal,
      sub: user.sub,
      clientId: client.ClientId,
      parameters,
    },
  };
}

/** Username and password (throws the core's `CognitoError`s: wrong password, not confirmed, ...). */
export async function passwordSignIn(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  username: string,
  password: string,
  signals?: SignInSignals,
): Promise<SignInStep> {
  const result = await passwordAuth(services, context(pool, client, signals), {
    USERNAME: username,
    PASSWORD: password,
    ...withSecretHash(client, username),
  });
  return toStep(services, pool, client, username, result);
}

/** Answers the pending challenge (`answers` as RespondToAuthChallenge's ChallengeResponses). */
export async function answerChallenge(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  pending: PendingChallenge,
  answers: Record<string, string>,
  signals?: SignInSignals,
): Promise<SignInStep> {
  const result = await respondToChallenge(
    services,
    context(pool, client, signals),
    pending.challenge,
    pending.session,
    {
      USERNAME: pending.username,
      ...withSecretHash(client, pending.username),
      ...answers,
    },
  );
  return toStep(services, pool, client, pending.username, result);
}

/** The browser behind a hosted-UI request, as threat protection sees it. */
export function browserSignals(c: Context, client: ClientRecord): SignInSignals {
  return signalsFrom(requestInfoOf(c), client);
}
