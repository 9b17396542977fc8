/** The server's first SRP step for a sign-in (password or device), its input errors as Cognito's. */
import { SrpError, type SrpStart, type SrpVerifier, startSrpOffThread } from "../../crypto/srp";
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
