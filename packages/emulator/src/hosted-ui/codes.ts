/**
 * Authorization codes: single-use, five minutes, bound to the client, the redirect_uri, the PKCE
 * challenge, the nonce and the granted scopes. A used code is kept a while longer so that a replay
 * can be recognised and the tokens issued for it revoked (RFC 6749 §4.1.2).
 *
 * @module
 */
import { randomBytes } from "node:crypto";
import type { Services } from "../cognito-idp/services";

export const CODE_TTL_MS = 5 * 60_000;
/** How long a redeemed code is remembered for replay detection. */
const USED_CODE_MEMORY_MS = 60 * 60_000;
const KEY_PREFIX = "hosted-ui:code:";

export interface CodeGrant {
  poolId: string;
  clientId: string;
  redirectUri: string;
  sub: string;
  scopes: string[];
  authTime: number;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256";
  /** Epoch ms after which the code is refused. */
  expiresAt: number;
  used: boolean;
  /** Set when the code was presented again while its first exchange was still minting. */
  replayed?: boolean;
  /** What the code was exchanged for, revoked if the code is replayed. */
  issued?: { refreshToken?: string; originJti: string };
}

export function createCode(services: Services, grant: Omit<CodeGrant, "expiresAt" | "used">): string {
  const code = randomBytes(32).toString("base64url");
  const expiresAt = services.clock.now().getTime() + CODE_TTL_MS;
  services.store.sessions.put(KEY_PREFIX + code, expiresAt + USED_CODE_MEMORY_MS, {
    ...grant,
    expiresAt,
    used: false,
  } satisfies CodeGrant);
  return code;
}

export function findCode(services: Services, code: string): CodeGrant | undefined {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(code)) return undefined;
  const row = services.store.sessions.get<CodeGrant>(KEY_PREFIX + code);
  if (!row || row.expiresAt <= services.clock.now().getTime()) return undefined;
  return row.data;
}

export function updateCode(services: Services, code: string, grant: CodeGrant): void {
  const row = services.store.sessions.get<CodeGrant>(KEY_PREFIX + code);
  if (row) services.store.sessions.put(KEY_PREFIX + code, row.expiresAt, grant);
}
