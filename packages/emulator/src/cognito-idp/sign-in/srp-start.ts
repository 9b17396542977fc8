/** The server's SRP steps for a sign-in (password or device), their input errors as Cognito's. */
import {
  SrpError,
  type SrpSessionState,
  type SrpStart,
  type SrpVerifier,
  startSrpOffThread,
  verifyPasswordClaimOffThread,
} from "../../crypto/srp";
import { InvalidParameterException } from "../../errors";

/** Starts SRP for `userIdForSrp` under `poolName`; a bad `SRP_A` is `InvalidParameterException`. */
export async function startSrpStep(
  poolName: string,
  userIdForSrp: string,
  stored: SrpVerifier,
  srpA: string,
): Promise<SrpStart> {
  try {
    return await startSrpOffThread({ poolShortName: poolName, userIdForSrp, stored, srpA });
  } catch (err) {
    if (err instanceof SrpError) throw new InvalidParameterException(`Invalid SRP_A: ${err.message}`);
    throw err;
  }
}

/** A PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER answer, with the SRP state it answers. */
export interface PasswordClaim {
  state: SrpSessionState;
  signature: string;
  block: string;
  timestamp: string;
}

/** The answer's claim, or `InvalidParameterException` when a part (or the session's SRP state) is missing. */
export function passwordClaimOf(
  responses: Record<string, string>,
  state: SrpSessionState | undefined,
): PasswordClaim {
  const signature = responses.PASSWORD_CLAIM_SIGNATURE;
  const block = responses.PASSWORD_CLAIM_SECRET_BLOCK;
  const timestamp = responses.TIMESTAMP;
  if (!signature || !block || !timestamp || !state) {
    throw new InvalidParameterException(
      "Missing required parameters PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP",
    );
  }
  return { state, signature, block, timestamp };
}

/** Whether the claim proves the secret under `poolName`; a malformed claim proves nothing. */
export async function claimHolds(poolName: string, claim: PasswordClaim, now: Date): Promise<boolean> {
  try {
    return await verifyPasswordClaimOffThread({
      poolShortName: poolName,
      state: claim.state,
      passwordClaimSignature: claim.signature,
      passwordClaimSecretBlock: claim.block,
      timestamp: claim.timestamp,
      now,
    });
  } catch {
    return false;
  }
}
