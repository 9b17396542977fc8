/**
 * The one place a sign-in completes: the threat-protection event is recorded as passed, and then
 * - on the API (`api` channel), PreTokenGeneration runs with the flow's trigger source, the tokens
 *   are minted and PostAuthentication runs;
 * - on the hosted UI, PostAuthentication runs and the authenticated user is returned: nothing is
 *   minted until the authorization code is redeemed, where `mintHostedTokens` runs
 *   PreTokenGeneration once, as `TokenGeneration_HostedAuth`.
 *
 * @module
 */
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/types";
import { newUuid } from "../ids";
import type { Services } from "../services";
import { type IssuedTokens, type IssueOptions, issueTokens } from "../tokens";
import { deviceOfSignIn } from "./device";
import { settleEvent } from "./threat";
import { postAuthentication, preTokenGeneration } from "./triggers";
import type { AuthContext, SignInOutcome, TokenGenerationSource } from "./types";

export async function finish(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  source: TokenGenerationSource,
): Promise<SignInOutcome> {
  if (ctx.channel === "hosted-ui") {
    settleEvent(services, ctx, { response: "Pass" });
    await postAuthentication(services, ctx, user);
    return { kind: "authenticated", user, authTime: Math.floor(services.clock.now().getTime() / 1000) };
  }
  const overrides = await preTokenGeneration(services, ctx, user, source);
  settleEvent(services, ctx, { response: "Pass" });
  const device = deviceOfSignIn(services, ctx, user);
  const tokens = await issueTokens(services, ctx.pool, ctx.client, user, {
    withRefreshToken: true,
    ...(overrides ? { overrides } : {}),
    ...(device ? { deviceKey: device.deviceKey } : {}),
  });
  if (device?.newDevice) tokens.NewDeviceMetadata = device.newDevice;
  await postAuthentication(services, ctx, user);
  return { kind: "tokens", tokens };
}

/** What the hosted UI's token endpoint asks for when it redeems a code or a refresh token. */
export interface HostedTokenRequest {
  scopes: string[];
  authTime: number;
  nonce?: string;
  /**
   * Refresh: keep the original session's `origin_jti`; a new refresh token (with the original's
   * expiry) only when the client rotates refresh tokens.
   */
  refresh?: { originJti: string; rotateUntil?: number; deviceKey?: string };
}

/**
 * The tokens of a hosted-UI sign-in, minted when its code (or refresh token) is redeemed:
 * PreTokenGeneration runs here, once, as `TokenGeneration_HostedAuth` (or `_RefreshTokens`).
 */
export async function mintHostedTokens(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  request: HostedTokenRequest,
): Promise<{ tokens: IssuedTokens; originJti: string }> {
  const overrides = await preTokenGeneration(
    services,
    { pool, client },
    user,
    request.refresh ? "TokenGeneration_RefreshTokens" : "TokenGeneration_HostedAuth",
    request.scopes,
  );
  const originJti = request.refresh?.originJti ?? newUuid();
  const options: IssueOptions = {
    ...(overrides ? { overrides } : {}),
    scopes: request.scopes,
    authTime: request.authTime,
    withRefreshToken: request.refresh === undefined || request.refresh.rotateUntil !== undefined,
    ...(request.refresh?.rotateUntil !== undefined ? { refreshExpiresAt: request.refresh.rotateUntil } : {}),
    oauth: { atHash: true, ...(request.nonce !== undefined ? { nonce: request.nonce } : {}) },
    originJti,
    ...(request.refresh?.deviceKey ? { deviceKey: request.refresh.deviceKey } : {}),
  };
  return { tokens: await issueTokens(services, pool, client, user, options), originJti };
}
