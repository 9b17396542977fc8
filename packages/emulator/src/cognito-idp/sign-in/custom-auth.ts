/**
 * Custom authentication (`CUSTOM_AUTH`): the pool's DefineAuthChallenge function decides each
 * step from the session's history, CreateAuthChallenge makes each CUSTOM_CHALLENGE and
 * VerifyAuthChallengeResponse judges each answer (Amazon Cognito Developer Guide, "Custom
 * authentication challenge Lambda triggers"). With `CHALLENGE_NAME: SRP_A` the history starts
 * with `SRP_A`, and a `PASSWORD_VERIFIER` step proves the password by SRP first.
 *
 * @module
 */
import {
  InvalidLambdaResponseException,
  InvalidParameterException,
  NotAuthorizedException,
} from "../../errors";
import type { UserRecord } from "../../store/types";
import { runTrigger, triggerArn, triggerAttributes } from "../../triggers/cognito";
import type { ChallengeResultEntry } from "../../triggers/events";
import { poolShortName } from "../pools";
import type { Services } from "../services";
import { finish } from "./finish";
import { challenge } from "./next-step";
import { startSrpStep } from "./srp-start";
import { settleEvent } from "./threat";
import { type AuthContext, INCORRECT, type SignInOutcome } from "./types";

/** What a custom sign-in's session keeps between steps. */
export interface CustomAuthState {
  history: ChallengeResultEntry[];
  /** The client's SRP_A, for a PASSWORD_VERIFIER step. */
  srpA?: string;
  /** The current CUSTOM_CHALLENGE's private parameters and metadata, from CreateAuthChallenge. */
  privateParameters?: Record<string, string>;
  metadata?: string;
}

const NOT_CONFIGURED = "Custom auth lambda trigger is not configured for the user pool.";

/** CUSTOM_AUTH needs the three functions; AWS refuses the flow without them. */
export function requireCustomAuthTriggers(ctx: AuthContext): void {
  for (const name of ["DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse"] as const) {
    if (!triggerArn(ctx.pool, name)) throw new NotAuthorizedException(NOT_CONFIGURED);
  }
}

const metadataOf = (ctx: AuthContext) => ctx.clientMetadata ?? {};

/** Asks DefineAuthChallenge what follows `history`, and goes there. */
export async function nextCustomStep(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  state: CustomAuthState,
): Promise<SignInOutcome> {
  const decision = await runTrigger(services, ctx.pool, "DefineAuthChallenge", {
    triggerSource: "DefineAuthChallenge_Authentication",
    userName: user.username,
    clientId: ctx.client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      session: state.history,
      clientMetadata: metadataOf(ctx),
    },
    response: { challengeName: null, issueTokens: null, failAuthentication: null },
  });
  if (decision?.failAuthentication === true) {
    settleEvent(services, ctx, { response: "Fail" });
    throw new NotAuthorizedException(INCORRECT);
  }
  if (decision?.issueTokens === true) return finish(services, ctx, user, "TokenGeneration_Authentication");
  const name = decision?.challengeName;
  if (name === "CUSTOM_CHALLENGE") return customChallenge(services, ctx, user, state);
  if (name === "PASSWORD_VERIFIER") return passwordStep(services, ctx, user, state);
  if (typeof name === "string" && name) {
    throw new InvalidParameterException(
      `DefineAuthChallenge asked for ${name}; custom authentication in the local emulator supports CUSTOM_CHALLENGE and PASSWORD_VERIFIER steps.`,
    );
  }
  throw new InvalidLambdaResponseException(
    "Invalid lambda response: DefineAuthChallenge set none of challengeName, issueTokens and failAuthentication.",
  );
}

async function customChallenge(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  state: CustomAuthState,
): Promise<SignInOutcome> {
  const created = await runTrigger(services, ctx.pool, "CreateAuthChallenge", {
    triggerSource: "CreateAuthChallenge_Authentication",
    userName: user.username,
    clientId: ctx.client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      challengeName: "CUSTOM_CHALLENGE",
      session: state.history,
      clientMetadata: metadataOf(ctx),
    },
    response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
  });
  const publicParameters = stringMap(created?.publicChallengeParameters);
  const next: CustomAuthState = {
    history: state.history,
    privateParameters: stringMap(created?.privateChallengeParameters),
    ...(typeof created?.challengeMetadata === "string" ? { metadata: created.challengeMetadata } : {}),
  };
  return challenge(
    services,
    ctx,
    user,
    "CUSTOM_CHALLENGE",
    { ...publicParameters, USERNAME: user.username },
    { custom: next },
  );
}

async function passwordStep(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  state: CustomAuthState,
): Promise<SignInOutcome> {
  if (!state.srpA) {
    throw new InvalidParameterException(
      "DefineAuthChallenge asked for PASSWORD_VERIFIER, which needs CHALLENGE_NAME SRP_A and SRP_A in InitiateAuth.",
    );
  }
  if (!user.password) throw new NotAuthorizedException(INCORRECT);
  const started = await startSrpStep(poolShortName(ctx.pool.Id), user.username, user.password, state.srpA);
  return challenge(
    services,
    ctx,
    user,
    "PASSWORD_VERIFIER",
    { ...started.challengeParameters, USERNAME: user.username },
    { srp: started.state, custom: { history: state.history } },
  );
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/** VerifyAuthChallengeResponse's verdict on one answer. */
export async function verifyAnswer(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  state: CustomAuthState,
  answer: string,
): Promise<boolean> {
  const verdict = await runTrigger(services, ctx.pool, "VerifyAuthChallengeResponse", {
    triggerSource: "VerifyAuthChallengeResponse_Authentication",
    userName: user.username,
    clientId: ctx.client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      privateChallengeParameters: state.privateParameters ?? {},
      challengeAnswer: answer,
      clientMetadata: metadataOf(ctx),
    },
    response: { answerCorrect: false },
  });
  return verdict?.answerCorrect === true;
}
