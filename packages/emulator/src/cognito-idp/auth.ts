import { createHash } from "node:crypto";
import {
  passwordMatchesOffThread,
  SrpError,
  type SrpSessionState,
  type SrpStart,
  startSrpOffThread,
  verifyPasswordClaimOffThread,
} from "../crypto/srp";
import { verifyTotp } from "../crypto/totp";
import {
  CodeMismatchException,
  InvalidParameterException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
  UserNotFoundException,
} from "../errors";
import type { ClientRecord, PoolRecord, UserRecord } from "../store/types";
import { NO_CLIENT, runTrigger, triggerAttributes } from "../triggers/cognito";
import { newSessionId } from "./ids";
import { findUser, maskDestination, poolShortName, saveUser } from "./pools";
import type { Services } from "./services";
import {
  type AuthEventRecord,
  applyEventChange,
  assessSignIn,
  BLOCKED_MESSAGE,
  type EventChange,
  recordFailedSignIn,
  type SignInRequirement,
  saveAuthEvent,
  updateSignInEvent,
} from "./threat/protection";
import type { SignInSignals } from "./threat/signals";
import { type ClaimOverrides, groupClaims, type IssuedTokens, issueTokens } from "./tokens";
import {
  checkSecretHash,
  consumeCode,
  DAY_MS,
  deliverCode,
  issueCode,
  preventsUserExistenceErrors,
  setPassword,
} from "./users";

const INCORRECT = "Incorrect username or password.";
const LOCKOUT_THRESHOLD = 5;
const LOCKOUT_MAX_S = 900;
const LOCKOUT_RESET_MS = 15 * 60_000;
const MAX_CHALLENGE_ATTEMPTS = 5;

export type ChallengeName =
  | "PASSWORD_VERIFIER"
  | "NEW_PASSWORD_REQUIRED"
  | "SMS_MFA"
  | "SOFTWARE_TOKEN_MFA"
  | "SELECT_MFA_TYPE"
  | "MFA_SETUP";

/** What the store keeps between InitiateAuth and RespondToAuthChallenge. */
export interface AuthSession {
  poolId: string;
  clientId: string;
  sub: string;
  challenge: ChallengeName;
  admin: boolean;
  srp?: SrpSessionState;
  attempts: number;
  /** Set once VerifySoftwareToken succeeded inside MFA_SETUP. */
  totpVerified?: boolean;
  clientMetadata?: Record<string, string>;
  /** The threat-protection event of this sign-in, completed when the challenge is answered. */
  eventId?: string;
}

export interface AuthResult {
  ChallengeName?: ChallengeName;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: IssuedTokens;
}

export interface AuthContext {
  pool: PoolRecord;
  client: ClientRecord;
  admin: boolean;
  clientMetadata?: Record<string, string>;
  /** Where the sign-in comes from (threat protection). */
  signals?: SignInSignals;
  /** The threat-protection event of this sign-in: written (`eventId`) or still to write (`pendingEvent`). */
  eventId?: string;
  pendingEvent?: AuthEventRecord;
  risk?: SignInRequirement;
}

// --- sessions -------------------------------------------------------------------------------

const srpIndexKey = (secretBlock: string) =>
  `srp:${createHash("sha256").update(secretBlock).digest("base64url")}`;

function saveSession(
  services: Services,
  ctx: AuthContext,
  session: AuthSession,
  id = newSessionId(),
): string {
  const ttl = (ctx.client.AuthSessionValidity ?? 3) * 60_000;
  const expires = services.clock.now().getTime() + ttl;
  // An SRP session is also found by its secret block (clients answer PASSWORD_VERIFIER without Session).
  services.store.putSession(
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
) {
  let sessionId = id;
  let row: { expiresAt: number; data: AuthSession } | undefined;
  if (sessionId) row = services.store.getSession<AuthSession>(sessionId);
  else if (secretBlock) {
    const found = services.store.getSessionByAltKey<AuthSession>(srpIndexKey(secretBlock));
    sessionId = found?.id;
    row = found;
  }
  if (!row || !sessionId || row.data.clientId !== ctx.client.ClientId || row.data.poolId !== ctx.pool.Id) {
    throw new NotAuthorizedException("Invalid session for the user.");
  }
  if (row.expiresAt < services.clock.now().getTime()) {
    services.store.deleteSession(sessionId);
    throw new NotAuthorizedException("Invalid session for the user, session is expired.");
  }
  return { id: sessionId, session: row.data };
}

function endSession(services: Services, id: string): void {
  services.store.deleteSession(id);
}

// --- lockout --------------------------------------------------------------------------------

function checkLockout(services: Services, user: Pick<UserRecord, "failedAttempts" | "lastFailedAt">): void {
  const now = services.clock.now().getTime();
  if (user.failedAttempts > 0 && now - user.lastFailedAt > LOCKOUT_RESET_MS) {
    user.failedAttempts = 0;
  }
  if (user.failedAttempts >= LOCKOUT_THRESHOLD) {
    const lockS = Math.min(2 ** (user.failedAttempts - LOCKOUT_THRESHOLD), LOCKOUT_MAX_S);
    if (now < user.lastFailedAt + lockS * 1000)
      throw new NotAuthorizedException("Password attempts exceeded");
  }
}

function recordFailure(services: Services, pool: PoolRecord, user: UserRecord): never {
  user.failedAttempts += 1;
  user.lastFailedAt = services.clock.now().getTime();
  saveUser(services, pool, user);
  throw new NotAuthorizedException(INCORRECT);
}

// --- flows ----------------------------------------------------------------------------------

const FLOW_PERMISSIONS: Record<string, string[]> = {
  USER_PASSWORD_AUTH: ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"],
  ADMIN_USER_PASSWORD_AUTH: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"],
  ADMIN_NO_SRP_AUTH: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"],
  USER_SRP_AUTH: ["ALLOW_USER_SRP_AUTH"],
  REFRESH_TOKEN_AUTH: ["ALLOW_REFRESH_TOKEN_AUTH"],
  REFRESH_TOKEN: ["ALLOW_REFRESH_TOKEN_AUTH"],
};

/** `InvalidParameterException` unless the client allows `flow`. */
export function checkFlowAllowed(ctx: AuthContext, flow: string): void {
  const admin = flow === "ADMIN_USER_PASSWORD_AUTH" || flow === "ADMIN_NO_SRP_AUTH";
  if (admin !== ctx.admin && !flow.startsWith("REFRESH")) {
    throw new InvalidParameterException("Initiate Auth method not supported.");
  }
  const needed = FLOW_PERMISSIONS[flow];
  if (!needed) throw new InvalidParameterException(`${flow} is not supported by this emulator.`);
  const flows: string[] = ctx.client.ExplicitAuthFlows ?? [];
  const legacyRefreshOk = flow.startsWith("REFRESH") && !flows.some((f) => f.startsWith("ALLOW_"));
  if (!legacyRefreshOk && !needed.some((n) => flows.includes(n))) {
    throw new InvalidParameterException(
      `${flow === "REFRESH_TOKEN" ? "REFRESH_TOKEN_AUTH" : flow} flow not enabled for this client`,
    );
  }
}

/** Looks up the user signing in; hides non-existence when the client prevents user-existence errors. */
function userForSignIn(services: Services, ctx: AuthContext, username: string): UserRecord {
  const user = findUser(services, ctx.pool, username);
  if (!user) {
    if (preventsUserExistenceErrors(ctx.client)) unknownUserFailure(services, ctx, username);
    throw new UserNotFoundException("User does not exist.");
  }
  return user;
}

/**
 * A sign-in as a username that does not exist, when the client hides user existence: counted and
 * locked out on the same schedule as a real user's failures, so that "Password attempts exceeded"
 * does not tell an attacker which usernames are real.
 */
function unknownUserFailure(services: Services, ctx: AuthContext, username: string): never {
  const key = username.toLowerCase();
  const now = services.clock.now().getTime();
  const stored = services.store.getUnknownUserFailures(ctx.pool.Id, key);
  const failedAttempts = now - stored.lastFailedAt > LOCKOUT_RESET_MS ? 0 : stored.failedAttempts;
  checkLockout(services, { failedAttempts, lastFailedAt: stored.lastFailedAt });
  services.store.putUnknownUserFailures(ctx.pool.Id, key, failedAttempts + 1, now);
  throw new NotAuthorizedException(INCORRECT);
}

async function preAuthentication(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  validationData?: Record<string, string>,
) {
  await runTrigger(services, ctx.pool, "PreAuthentication", () => ({
    triggerSource: "PreAuthentication_Authentication",
    userName: user.username,
    clientId: ctx.client.ClientId,
    request: { userAttributes: triggerAttributes(user), validationData: validationData ?? {} },
  }));
}

/** USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH. */
export async function passwordAuth(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<AuthResult> {
  const username = params.USERNAME;
  const password = params.PASSWORD;
  if (!username) throw new InvalidParameterException("Missing required parameter USERNAME");
  if (!password) throw new InvalidParameterException("Missing required parameter PASSWORD");
  checkSecretHash(ctx.client, username, params.SECRET_HASH);
  const user = userForSignIn(services, ctx, username);
  checkLockout(services, user);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  await preAuthentication(services, ctx, user);
  const matches = await passwordMatchesOffThread(
    poolShortName(ctx.pool.Id),
    user.username,
    password,
    user.password ?? { salt: "", verifier: "" },
  );
  const current = afterAwait(services, ctx, user);
  if (!matches || !user.password) {
    recordFailedSignIn(services, ctx.pool, ctx.client.ClientId, current, ctx.signals);
    recordFailure(services, ctx.pool, current);
  }
  await threatAssessment(services, ctx, current, password);
  return settledOnError(services, ctx, () => afterPassword(services, ctx, current));
}

/** Threat protection's verdict on a proven password: throws when blocked, else notes what it requires. */
async function threatAssessment(services: Services, ctx: AuthContext, user: UserRecord, password?: string) {
  const assessment = await assessSignIn(services, ctx.pool, ctx.client.ClientId, user, ctx.signals, password);
  if (assessment.event) ctx.pendingEvent = assessment.event;
  ctx.risk = assessment.requirement;
}

/**
 * Writes the sign-in's event with `change`: the pending one in a single write (the common case: no
 * challenge), else the one a challenge session carried.
 */
function settleEvent(services: Services, ctx: AuthContext, change: EventChange): void {
  const pending = ctx.pendingEvent;
  if (pending) {
    saveAuthEvent(services, applyEventChange(pending, change));
    ctx.eventId = pending.eventId;
    delete ctx.pendingEvent;
  } else {
    updateSignInEvent(services, ctx.eventId, change);
  }
}

/** A sign-in refused after threat protection assessed it is recorded as failed. */
async function settledOnError(
  services: Services,
  ctx: AuthContext,
  next: () => Promise<AuthResult>,
): Promise<AuthResult> {
  try {
    return await next();
  } catch (err) {
    if (ctx.pendingEvent) settleEvent(services, ctx, { response: "Fail" });
    throw err;
  }
}

/**
 * The user's record as stored now, for a sign-in that awaited (a trigger, the crypto worker):
 * other requests may have changed it meanwhile (failed attempts, attributes, status), and a write
 * from the stale copy would lose theirs. Refuses if concurrent failures locked the account.
 */
function afterAwait(services: Services, ctx: AuthContext, user: UserRecord): UserRecord {
  const current = services.store.getUserBySub(ctx.pool.Id, user.sub);
  if (!current) throw new NotAuthorizedException(INCORRECT);
  checkLockout(services, current);
  if (!current.enabled) throw new NotAuthorizedException("User is disabled.");
  return current;
}

/** USER_SRP_AUTH: answers with the PASSWORD_VERIFIER challenge. */
export async function srpAuth(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<AuthResult> {
  const username = params.USERNAME;
  const srpA = params.SRP_A;
  if (!username) throw new InvalidParameterException("Missing required parameter USERNAME");
  if (!srpA) throw new InvalidParameterException("Missing required parameter SRP_A");
  checkSecretHash(ctx.client, username, params.SECRET_HASH);
  const user = userForSignIn(services, ctx, username);
  checkLockout(services, user);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  if (!user.password) throw new NotAuthorizedException(INCORRECT);
  let started: SrpStart;
  try {
    started = await startSrpOffThread({
      poolShortName: poolShortName(ctx.pool.Id),
      userIdForSrp: user.username,
      stored: user.password,
      srpA,
    });
  } catch (err) {
    if (err instanceof SrpError) throw new InvalidParameterException(`Invalid SRP_A: ${err.message}`);
    throw err;
  }
  const session = saveSession(services, ctx, {
    poolId: ctx.pool.Id,
    clientId: ctx.client.ClientId,
    sub: user.sub,
    challenge: "PASSWORD_VERIFIER",
    admin: ctx.admin,
    srp: started.state,
    attempts: 0,
    ...(ctx.clientMetadata ? { clientMetadata: ctx.clientMetadata } : {}),
  });
  return {
    ChallengeName: "PASSWORD_VERIFIER",
    Session: session,
    ChallengeParameters: { ...started.challengeParameters, USERNAME: user.username },
  };
}

/** REFRESH_TOKEN_AUTH: new ID and access tokens, no new refresh token. */
export async function refreshAuth(
  services: Services,
  ctx: AuthContext,
  params: Record<string, string>,
): Promise<AuthResult> {
  const token = params.REFRESH_TOKEN;
  if (!token) throw new InvalidParameterException("Missing required parameter REFRESH_TOKEN");
  const row = services.store.getRefreshToken(token);
  if (!row || row.clientId !== ctx.client.ClientId || row.poolId !== ctx.pool.Id) {
    throw new NotAuthorizedException("Invalid Refresh Token");
  }
  if (row.revoked) throw new NotAuthorizedException("Refresh Token has been revoked");
  if (row.expiresAt * 1000 < services.clock.now().getTime())
    throw new NotAuthorizedException("Refresh Token has expired");
  const user = services.store.getUserBySub(ctx.pool.Id, row.sub);
  if (!user) throw new NotAuthorizedException("User does not exist.");
  if (ctx.client.ClientSecret) {
    const names = [user.username, params.USERNAME].filter((n): n is string => typeof n === "string");
    const given = params.SECRET_HASH;
    if (!given) {
      throw new NotAuthorizedException(
        `Client ${ctx.client.ClientId} is configured for secret but secret was not received`,
      );
    }
    const ok = names.some((n) => {
      try {
        checkSecretHash(ctx.client, n, given);
        return true;
      } catch {
        return false;
      }
    });
    if (!ok)
      throw new NotAuthorizedException(`SecretHash does not match for the client: ${ctx.client.ClientId}`);
  }
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  const overrides = await preTokenGeneration(services, ctx, user, "TokenGeneration_RefreshTokens");
  return {
    ChallengeParameters: {},
    AuthenticationResult: await issueTokens(services, ctx.pool, ctx.client, user, {
      authTime: row.authTime,
      originJti: row.originJti,
      withRefreshToken: false,
      ...(overrides ? { overrides } : {}),
    }),
  };
}

/** After the password is proven: status checks, then NEW_PASSWORD_REQUIRED, MFA, or tokens. */
async function afterPassword(services: Services, ctx: AuthContext, user: UserRecord): Promise<AuthResult> {
  // Only a user with failures on record needs a write here.
  const hadFailures = user.failedAttempts > 0;
  user.failedAttempts = 0;
  const save = () => {
    if (hadFailures) saveUser(services, ctx.pool, user);
  };
  save();
  if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
  if (user.status === "RESET_REQUIRED") {
    throw new PasswordResetRequiredException("Password reset required for the user");
  }
  if (user.status === "FORCE_CHANGE_PASSWORD") {
    const validityDays = ctx.pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays || 7;
    if (
      user.temporaryPasswordSetAt !== undefined &&
      services.clock.now().getTime() - user.temporaryPasswordSetAt > validityDays * DAY_MS
    ) {
      throw new NotAuthorizedException(
        "Temporary password has expired and must be reset by an administrator.",
      );
    }
    return challenge(services, ctx, user, "NEW_PASSWORD_REQUIRED", newPasswordParameters(ctx.pool, user));
  }
  return mfaOrTokens(services, ctx, user, "TokenGeneration_Authentication");
}

function newPasswordParameters(pool: PoolRecord, user: UserRecord): Record<string, string> {
  const { sub: _sub, ...attrs } = user.attributes;
  const required = (pool.SchemaAttributes ?? [])
    .filter((a) => a.Required && a.Name && a.Name !== "sub" && !user.attributes[a.Name])
    .map((a) => `userAttributes.${a.Name}`);
  return { userAttributes: JSON.stringify(attrs), requiredAttributes: JSON.stringify(required) };
}

function challenge(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  name: ChallengeName,
  parameters: Record<string, string>,
  extra: Partial<AuthSession> = {},
): AuthResult {
  if (ctx.pendingEvent) settleEvent(services, ctx, {});
  const session = saveSession(services, ctx, {
    poolId: ctx.pool.Id,
    clientId: ctx.client.ClientId,
    sub: user.sub,
    challenge: name,
    admin: ctx.admin,
    attempts: 0,
    ...(ctx.clientMetadata ? { clientMetadata: ctx.clientMetadata } : {}),
    ...(ctx.eventId ? { eventId: ctx.eventId } : {}),
    ...extra,
  });
  return {
    ChallengeName: name,
    Session: session,
    ChallengeParameters: { ...parameters, USER_ID_FOR_SRP: user.username },
  };
}

/** MFA methods a user can be challenged with in this pool. */
function userMfaMethods(pool: PoolRecord & { SoftwareTokenMfaEnabled?: boolean }, user: UserRecord) {
  const methods: ("SMS_MFA" | "SOFTWARE_TOKEN_MFA")[] = [];
  if (user.mfa.smsEnabled && user.attributes.phone_number && pool.SmsConfiguration) methods.push("SMS_MFA");
  if (user.mfa.totpEnabled && user.mfa.totpSecret && pool.SoftwareTokenMfaEnabled)
    methods.push("SOFTWARE_TOKEN_MFA");
  return methods;
}

async function mfaOrTokens(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  source: string,
): Promise<AuthResult> {
  const pool = ctx.pool as PoolRecord & { SoftwareTokenMfaEnabled?: boolean };
  const mode = pool.MfaConfiguration ?? "OFF";
  const methods = userMfaMethods(pool, user);
  const risky = ctx.risk === "mfa-if-configured" || ctx.risk === "mfa-required";
  if (ctx.risk === "mfa-required" && methods.length === 0) {
    // Adaptive authentication asks for MFA the user does not have: set it up, or refuse.
    if (pool.SoftwareTokenMfaEnabled) {
      return challenge(services, ctx, user, "MFA_SETUP", {
        MFAS_CAN_SETUP: JSON.stringify(["SOFTWARE_TOKEN_MFA"]),
      });
    }
    settleEvent(services, ctx, { response: "Fail", blockedForMissingMfa: true });
    throw new NotAuthorizedException(BLOCKED_MESSAGE);
  }
  if (mode === "OFF" && !(risky && methods.length > 0)) return finish(services, ctx, user, source);
  if (methods.length === 0) {
    if (mode === "OPTIONAL" || mode === "OFF") return finish(services, ctx, user, source);
    // MFA required and nothing set up: SMS if the user has a phone and the pool can send SMS, else setup.
    if (pool.SmsConfiguration && user.attributes.phone_number) return smsChallenge(services, ctx, user);
    const canSetup = [
      ...(pool.SoftwareTokenMfaEnabled ? ["SOFTWARE_TOKEN_MFA"] : []),
      ...(pool.SmsConfiguration ? ["SMS_MFA"] : []),
    ];
    return challenge(services, ctx, user, "MFA_SETUP", { MFAS_CAN_SETUP: JSON.stringify(canSetup) });
  }
  const preferred =
    user.mfa.preferred && methods.includes(user.mfa.preferred) ? user.mfa.preferred : undefined;
  const chosen = preferred ?? (methods.length === 1 ? methods[0] : undefined);
  if (!chosen)
    return challenge(services, ctx, user, "SELECT_MFA_TYPE", { MFAS_CAN_CHOOSE: JSON.stringify(methods) });
  return chosen === "SMS_MFA"
    ? smsChallenge(services, ctx, user)
    : challenge(services, ctx, user, "SOFTWARE_TOKEN_MFA", {});
}

async function smsChallenge(services: Services, ctx: AuthContext, user: UserRecord): Promise<AuthResult> {
  const result = challenge(services, ctx, user, "SMS_MFA", {
    CODE_DELIVERY_DELIVERY_MEDIUM: "SMS",
    CODE_DELIVERY_DESTINATION: maskDestination(user.attributes.phone_number ?? ""),
  });
  const code = issueCode(
    services,
    user,
    `mfa:${result.Session}`,
    (ctx.client.AuthSessionValidity ?? 3) * 60_000,
  );
  await deliverCode(services, ctx.pool, user, {
    kind: "Authentication",
    medium: "SMS",
    code,
    clientId: ctx.client.ClientId,
    ...(ctx.clientMetadata ? { clientMetadata: ctx.clientMetadata } : {}),
  });
  return result;
}

/** Runs the pool's pre-token-generation trigger, if any, and returns its claim overrides. */
export async function preTokenGeneration(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  source: string,
): Promise<ClaimOverrides | undefined> {
  const response = await runTrigger(services, ctx.pool, "PreTokenGeneration", () => {
    const g = groupClaims(services, user);
    return {
      triggerSource: source,
      userName: user.username,
      clientId: ctx.client.ClientId,
      request: {
        userAttributes: triggerAttributes(user),
        groupConfiguration: {
          groupsToOverride: g.groups,
          iamRolesToOverride: g.roles,
          preferredRole: g.preferredRole ?? null,
        },
        scopes: ["aws.cognito.signin.user.admin"],
        clientMetadata: ctx.clientMetadata ?? {},
      },
      response: {},
    };
  });
  if (!response) return undefined;
  return claimOverridesFrom(response);
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const asStrings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;

/** Reads a V1 (`claimsOverrideDetails`) or V2 (`claimsAndScopeOverrideDetails`) pre-token response. */
export function claimOverridesFrom(response: Obj): ClaimOverrides {
  const out: ClaimOverrides = {};
  const groupsFrom = (g: Obj | undefined) => {
    if (!g) return undefined;
    const groups = asStrings(g.groupsToOverride);
    const roles = asStrings(g.iamRolesToOverride);
    return {
      ...(groups ? { groups } : {}),
      ...(roles ? { roles } : {}),
      ...("preferredRole" in g
        ? { preferredRole: typeof g.preferredRole === "string" ? g.preferredRole : null }
        : {}),
    };
  };
  const v1 = asObj(response.claimsOverrideDetails);
  if (v1) {
    out.id = { add: asObj(v1.claimsToAddOrOverride) ?? {}, suppress: asStrings(v1.claimsToSuppress) ?? [] };
    const groups = groupsFrom(asObj(v1.groupOverrideDetails));
    if (groups) out.groups = groups;
  }
  const v2 = asObj(response.claimsAndScopeOverrideDetails);
  if (v2) {
    const id = asObj(v2.idTokenGeneration);
    const access = asObj(v2.accessTokenGeneration);
    if (id)
      out.id = { add: asObj(id.claimsToAddOrOverride) ?? {}, suppress: asStrings(id.claimsToSuppress) ?? [] };
    if (access) {
      out.access = {
        add: asObj(access.claimsToAddOrOverride) ?? {},
        suppress: asStrings(access.claimsToSuppress) ?? [],
        scopesToAdd: asStrings(access.scopesToAdd) ?? [],
        scopesToSuppress: asStrings(access.scopesToSuppress) ?? [],
      };
    }
    const groups = groupsFrom(asObj(v2.groupOverrideDetails));
    if (groups) out.groups = groups;
  }
  return out;
}

async function finish(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  source: string,
): Promise<AuthResult> {
  const overrides = await preTokenGeneration(services, ctx, user, source);
  settleEvent(services, ctx, { response: "Pass" });
  const tokens = await issueTokens(services, ctx.pool, ctx.client, user, {
    withRefreshToken: true,
    ...(overrides ? { overrides } : {}),
  });
  await runTrigger(services, ctx.pool, "PostAuthentication", () => ({
    triggerSource: "PostAuthentication_Authentication",
    userName: user.username,
    clientId: ctx.client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      newDeviceUsed: false,
      clientMetadata: ctx.clientMetadata ?? {},
    },
  }));
  return { ChallengeParameters: {}, AuthenticationResult: tokens };
}

// --- challenges -----------------------------------------------------------------------------

function sessionUser(
  services: Services,
  ctx: AuthContext,
  session: AuthSession,
  responses: Record<string, string>,
) {
  const user = services.store.getUserBySub(ctx.pool.Id, session.sub);
  if (!user) throw new NotAuthorizedException("Invalid session for the user.");
  const username = responses.USERNAME;
  if (!username) throw new InvalidParameterException("Missing required parameter USERNAME");
  // The session's own username needs no lookup (it is what findUser would match first).
  if (username !== user.username) {
    const named = findUser(services, ctx.pool, username);
    if (!named || named.sub !== user.sub) throw new NotAuthorizedException("Invalid session for the user.");
  }
  checkSecretHash(ctx.client, username, responses.SECRET_HASH);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  return user;
}

function failAttempt(services: Services, id: string, session: AuthSession, error: Error): never {
  session.attempts += 1;
  if (session.attempts >= MAX_CHALLENGE_ATTEMPTS) endSession(services, id);
  else {
    const row = services.store.getSession<AuthSession>(id);
    if (row) services.store.putSession(id, row.expiresAt, session);
  }
  throw error;
}

/** RespondToAuthChallenge and AdminRespondToAuthChallenge. */
export async function respondToChallenge(
  services: Services,
  ctx: AuthContext,
  name: string,
  sessionId: string | undefined,
  responses: Record<string, string>,
): Promise<AuthResult> {
  const { id, session } = loadSession(
    services,
    ctx,
    sessionId,
    name === "PASSWORD_VERIFIER" ? responses.PASSWORD_CLAIM_SECRET_BLOCK : undefined,
  );
  if (session.challenge !== name) {
    throw new InvalidParameterException(`Invalid challenge name: expected ${session.challenge}.`);
  }
  const user = sessionUser(services, ctx, session, responses);
  if (session.clientMetadata && !ctx.clientMetadata) ctx.clientMetadata = session.clientMetadata;
  if (session.eventId) ctx.eventId = session.eventId;

  switch (session.challenge) {
    case "PASSWORD_VERIFIER": {
      const signature = responses.PASSWORD_CLAIM_SIGNATURE;
      const block = responses.PASSWORD_CLAIM_SECRET_BLOCK;
      const timestamp = responses.TIMESTAMP;
      if (!signature || !block || !timestamp || !session.srp) {
        throw new InvalidParameterException(
          "Missing required parameters PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP",
        );
      }
      endSession(services, id);
      checkLockout(services, user);
      let ok = false;
      try {
        ok = await verifyPasswordClaimOffThread({
          poolShortName: poolShortName(ctx.pool.Id),
          state: session.srp,
          passwordClaimSignature: signature,
          passwordClaimSecretBlock: block,
          timestamp,
          now: services.clock.now(),
        });
      } catch {
        ok = false;
      }
      await preAuthentication(services, ctx, user);
      const current = afterAwait(services, ctx, user);
      if (!ok) {
        recordFailedSignIn(services, ctx.pool, ctx.client.ClientId, current, ctx.signals);
        recordFailure(services, ctx.pool, current);
      }
      await threatAssessment(services, ctx, current);
      return settledOnError(services, ctx, () => afterPassword(services, ctx, current));
    }
    case "NEW_PASSWORD_REQUIRED": {
      const password = responses.NEW_PASSWORD;
      if (!password) throw new InvalidParameterException("Missing required parameter NEW_PASSWORD");
      const updates: Record<string, string> = {};
      for (const [k, v] of Object.entries(responses)) {
        if (k.startsWith("userAttributes.")) updates[k.slice("userAttributes.".length)] = v;
      }
      for (const attr of ctx.pool.SchemaAttributes ?? []) {
        if (
          attr.Required &&
          attr.Name &&
          attr.Name !== "sub" &&
          !user.attributes[attr.Name] &&
          !updates[attr.Name]
        ) {
          throw new InvalidParameterException(`Missing required attribute ${attr.Name}`);
        }
      }
      setPassword(ctx.pool, user, password, { temporary: false, now: services.clock.now().getTime() });
      for (const [k, v] of Object.entries(updates)) {
        if (k === "sub") continue;
        user.attributes[k] = v;
      }
      user.status = "CONFIRMED";
      saveUser(services, ctx.pool, user);
      endSession(services, id);
      return mfaOrTokens(services, ctx, user, "TokenGeneration_NewPasswordChallenge");
    }
    case "SMS_MFA": {
      const code = responses.SMS_MFA_CODE;
      if (!code) throw new InvalidParameterException("Missing required parameter SMS_MFA_CODE");
      try {
        consumeCode(services, user, `mfa:${id}`, code);
      } catch {
        updateSignInEvent(services, session.eventId, { mfa: "Failure" });
        failAttempt(
          services,
          id,
          session,
          new CodeMismatchException("Invalid code or auth state for the user."),
        );
      }
      endSession(services, id);
      updateSignInEvent(services, session.eventId, { mfa: "Success" });
      return finish(services, ctx, user, "TokenGeneration_Authentication");
    }
    case "SOFTWARE_TOKEN_MFA": {
      const code = responses.SOFTWARE_TOKEN_MFA_CODE;
      if (!code) throw new InvalidParameterException("Missing required parameter SOFTWARE_TOKEN_MFA_CODE");
      const step = user.mfa.totpSecret
        ? verifyTotp(user.mfa.totpSecret, code, services.clock.now())
        : undefined;
      if (step === undefined || (user.mfa.lastTotpStep !== undefined && step <= user.mfa.lastTotpStep)) {
        updateSignInEvent(services, session.eventId, { mfa: "Failure" });
        failAttempt(services, id, session, new CodeMismatchException("Invalid code received for user"));
      }
      user.mfa.lastTotpStep = step;
      saveUser(services, ctx.pool, user);
      endSession(services, id);
      updateSignInEvent(services, session.eventId, { mfa: "Success" });
      return finish(services, ctx, user, "TokenGeneration_Authentication");
    }
    case "SELECT_MFA_TYPE": {
      const answer = responses.ANSWER;
      const methods = userMfaMethods(ctx.pool, user);
      if (answer !== "SMS_MFA" && answer !== "SOFTWARE_TOKEN_MFA") {
        throw new InvalidParameterException("ANSWER must be SMS_MFA or SOFTWARE_TOKEN_MFA");
      }
      if (!methods.includes(answer))
        throw new InvalidParameterException(`${answer} is not enabled for the user.`);
      endSession(services, id);
      return answer === "SMS_MFA"
        ? smsChallenge(services, ctx, user)
        : challenge(services, ctx, user, "SOFTWARE_TOKEN_MFA", {});
    }
    case "MFA_SETUP": {
      if (!session.totpVerified || !user.mfa.totpSecret) {
        throw new InvalidParameterException("Software token MFA has not been verified for this session.");
      }
      endSession(services, id);
      return finish(services, ctx, user, "TokenGeneration_Authentication");
    }
  }
}

/** A challenge session by id alone (AssociateSoftwareToken / VerifySoftwareToken with `Session`). */
export function sessionById(services: Services, id: string): AuthSession {
  const row = services.store.getSession<AuthSession>(id);
  if (!row || row.expiresAt < services.clock.now().getTime()) {
    throw new NotAuthorizedException("Invalid session for the user, session is expired.");
  }
  return row.data;
}

/** Session-based TOTP association (MFA_SETUP): marks the session verified once VerifySoftwareToken passes. */
export function markSessionTotpVerified(services: Services, id: string): void {
  const row = services.store.getSession<AuthSession>(id);
  if (!row) return;
  row.data.totpVerified = true;
  services.store.putSession(id, row.expiresAt, row.data);
}

/** For callers outside a client context (admin calls), the trigger's client id. */
export const adminClientId = (client: ClientRecord | undefined): string => client?.ClientId ?? NO_CLIENT;
