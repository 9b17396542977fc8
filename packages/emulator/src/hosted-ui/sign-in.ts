import type { Context } from "hono";
/**
 * Sign-in through the hosted UI on the user-pool sign-in core: the same password check, lockout,
 * triggers and challenges (MFA, new password) as InitiateAuth / RespondToAuthChallenge, on the
 * core's `hosted-ui` channel. The core ends in an authenticated user and mints nothing: the
 * client gets its tokens when it redeems the code at `/oauth2/token`, where PreTokenGeneration
 * runs once (`TokenGeneration_HostedAuth`).
 *
 * @module
 */
import type { Services } from "../cognito-idp/services";
import {
  type AuthContext,
  passwordFlow,
  respondToChallenge,
  type SignInOutcome,
} from "../cognito-idp/sign-in";
import { type SignInSignals, signalsFrom } from "../cognito-idp/threat/signals";
import { requestInfoOf } from "../request-info";
import type { ClientRecord, PoolRecord } from "../store/types";
import type { PendingChallenge } from "./session";

export type SignInStep =
  | { kind: "signed-in"; sub: string }
  | { kind: "challenge"; pending: PendingChallenge };

function context(pool: PoolRecord, client: ClientRecord, signals?: SignInSignals): AuthContext {
  return { pool, client, admin: false, channel: "hosted-ui", ...(signals ? { signals } : {}) };
}

function toStep(client: ClientRecord, outcome: SignInOutcome): SignInStep {
  switch (outcome.kind) {
    case "authenticated":
      return { kind: "signed-in", sub: outcome.user.sub };
    case "challenge":
      return {
        kind: "challenge",
        pending: {
          challenge: outcome.challenge,
          session: outcome.session,
          username: outcome.username,
          sub: outcome.sub,
          clientId: client.ClientId,
          parameters: outcome.parameters,
        },
      };
    case "tokens":
      throw new TypeError("the sign-in core minted tokens on the hosted-UI channel");
  }
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
  const outcome = await passwordFlow(services, context(pool, client, signals), {
    USERNAME: username,
    PASSWORD: password,
  });
  return toStep(client, outcome);
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
  const outcome = await respondToChallenge(
    services,
    context(pool, client, signals),
    pending.challenge,
    pending.session,
    { USERNAME: pending.username, ...answers },
  );
  return toStep(client, outcome);
}

/** The browser behind a hosted-UI request, as threat protection sees it. */
export function browserSignals(c: Context, client: ClientRecord): SignInSignals {
  return signalsFrom(requestInfoOf(c), client);
}
