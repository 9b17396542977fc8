import type { UserRecord } from "../../../store/types";
import type { Services } from "../../services";
import type { AuthContext, AuthSession, SignInOutcome } from "../types";

/** One challenge's answer, with the session it belongs to and the user it is for (already checked). */
export interface ChallengeAnswer {
  /** The session's id. */
  id: string;
  session: AuthSession;
  user: UserRecord;
  responses: Record<string, string>;
}

export type ChallengeResponder = (
  services: Services,
  ctx: AuthContext,
  answer: ChallengeAnswer,
) => Promise<SignInOutcome> | SignInOutcome;
