/** Passwords: policy and history, stored only as SRP verifiers. */
import { createSrpVerifier, passwordMatches } from "../../crypto/srp";
import { PasswordHistoryPolicyViolationException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { checkPasswordPolicy, poolShortName } from "../pools";

/** Sets a password (policy and history checked), stored only as an SRP verifier. */
export function setPassword(
  pool: PoolRecord,
  user: UserRecord,
  password: string,
  options: { temporary: boolean; now: number; skipPolicy?: boolean },
): void {
  if (!options.skipPolicy) checkPasswordPolicy(pool, password);
  const historySize = pool.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0;
  if (historySize > 0) {
    const previous = [user.password, ...(user.passwordHistory ?? [])]
      .filter((p) => p !== undefined)
      .slice(0, historySize);
    if (previous.some((p) => passwordMatches(poolShortName(pool.Id), user.username, password, p))) {
      throw new PasswordHistoryPolicyViolationException("Password has previously been used.");
    }
    if (user.password)
      user.passwordHistory = [user.password, ...(user.passwordHistory ?? [])].slice(0, historySize);
  }
  user.password = createSrpVerifier(poolShortName(pool.Id), user.username, password);
  if (options.temporary) user.temporaryPasswordSetAt = options.now;
  else delete user.temporaryPasswordSetAt;
}

export function checkPassword(pool: PoolRecord, user: UserRecord, password: string): boolean {
  return (
    user.password !== undefined &&
    passwordMatches(poolShortName(pool.Id), user.username, password, user.password)
  );
}
