/**
 * The opaque `Session` between challenges: stored server-side, bound to its pool, client and user,
 * expiring after the client's `AuthSessionValidity` (default 3 minutes), ended after five wrong
 * answers. An SRP session is also found by its secret block, because clients may answer
 * PASSWORD_VERIFIER without `Session`.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { NotAuthorizedException } from "../../errors";
import { newSessionId } from "../ids";
import type { Services } from "../services";
import type { AuthContext, AuthSession } from "./types";

const MAX_CHALLENGE_ATTEMPTS = 5;

const srpIndexKey = (secretBlock: string) =>
  `srp:${createHash("sha256").update(secretBlock).digest("base64url")}`;

/** How long a challenge session lives for this client, in milliseconds. */
export const sessionTtlMs = (ctx: AuthContext): number => (ctx.client.AuthSessionValidity ?? 3) * 60_000;

export function saveSession(
  services: Services,
  ctx: AuthContext,
  session: AuthSession,
  id = newSessionId(),
): string {
  const expires = services.clock.now().getTime() + sessionTtlMs(ctx);
  services.store.sessions.put(
    id,
    expires,
    session,
    session.srp ? srpIndexKey(session.srp.secretBlock) : undefined,
  );
  return id;
}

/** Loads a challenge session (`Invalid session for the user` when unknown, expired or not this client's). */
export function loadSession(
  services: Services,
  ctx: AuthContext,
  id: string | undefined,
  secretBlock?: string,
): { id: string; session: AuthSession } {
  let sessionId = id;
  let row: { expiresAt: number; data: AuthSession } | undefined;
  if (sessionId) row = services.store.sessions.get<AuthSession>(sessionId);
  else if (secretBlock) {
    const found = services.store.sessions.getByAltKey<AuthSession>(srpIndexKey(secretBlock));
    sessionId = found?.id;
    row = found;
  }
  if (!row || !sessionId || row.data.clientId !== ctx.client.ClientId || row.data.poolId !== ctx.pool.Id) {
    throw new NotAuthorizedException("Invalid session for the user.");
  }
  if (row.expiresAt < services.clock.now().getTime()) {
    services.store.sessions.delete(sessionId);
    throw new NotAuthorizedException("Invalid session for the user, session is expired.");
  }
  return { id: sessionId, session: row.data };
}

export function endSession(services: Services, id: string): void {
  services.store.sessions.delete(id);
}

/** A wrong answer: counted on the session, which ends at the fifth; then `error` is thrown. */
export function failAttempt(services: Services, id: string, session: AuthSession, error: Error): never {
  session.attempts += 1;
  if (session.attempts >= MAX_CHALLENGE_ATTEMPTS) endSession(services, id);
  else {
    const row = services.store.sessions.get<AuthSession>(id);
    if (row) services.store.sessions.put(id, row.expiresAt, session);
  }
  throw error;
}

/** A challenge session by id alone (AssociateSoftwareToken / VerifySoftwareToken with `Session`). */
export function sessionById(services: Services, id: string): AuthSession {
  const row = services.store.sessions.get<AuthSession>(id);
  if (!row || row.expiresAt < services.clock.now().getTime()) {
    throw new NotAuthorizedException("Invalid session for the user, session is expired.");
  }
  return row.data;
}

/** Session-based TOTP association (MFA_SETUP): marks the session verified once VerifySoftwareToken passes. */
export function markSessionTotpVerified(services: Services, id: string): void {
  const row = services.store.sessions.get<AuthSession>(id);
  if (!row) return;
  row.data.totpVerified = true;
  services.store.sessions.put(id, row.expiresAt, row.data);
}
