/**
 * The sign-in core of the user-pool API and the hosted UI. See `docs/architecture.md`
 * ("Adding a sign-in flow") for how its parts fit.
 *
 * @module
 */
export { respondToChallenge } from "./challenges";
export { mintHostedTokens } from "./finish";
export { checkFlowAllowed, startFlow } from "./flows";
export { passwordFlow } from "./flows/password";
export { markSessionTotpVerified, sessionById } from "./session";
export { claimOverridesFrom, preTokenGeneration } from "./triggers";
export type { AuthContext, AuthResult, AuthSession, ChallengeName, SignInOutcome } from "./types";

import type { AuthResult, SignInOutcome } from "./types";

/** The API's answer for an outcome (the hosted UI never reaches the API with one). */
export function toAuthResult(outcome: SignInOutcome): AuthResult {
  switch (outcome.kind) {
    case "challenge":
      return {
        ChallengeName: outcome.challenge,
        Session: outcome.session,
        ChallengeParameters: outcome.parameters,
      };
    case "tokens":
      return { ChallengeParameters: {}, AuthenticationResult: outcome.tokens };
    case "authenticated":
      throw new TypeError("a hosted-UI sign-in outcome reached the user-pool API");
  }
}
