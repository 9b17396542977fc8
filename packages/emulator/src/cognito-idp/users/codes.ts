/** One-time codes (confirmation, recovery, attribute verification, SMS MFA) and where they are sent. */
import { CodeMismatchException, ExpiredCodeException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { newCode } from "../ids";
import { maskDestination } from "../pools";
import type { Services } from "../services";

export const HOUR_MS = 3600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Stores a fresh code for `purpose` and returns it. */
export function issueCode(services: Services, user: UserRecord, purpose: string, ttlMs: number): string {
  const code = newCode();
  services.store.codes.put(user.poolId, user.sub, purpose, code, services.clock.now().getTime() + ttlMs);
  return code;
}

/** Checks and consumes a code (`CodeMismatchException` / `ExpiredCodeException`). */
export function consumeCode(services: Services, user: UserRecord, purpose: string, code: string): void {
  const row = services.store.codes.get(user.poolId, user.sub, purpose);
  if (!row || row.code !== code) {
    throw new CodeMismatchException("Invalid verification code provided, please try again.");
  }
  if (row.expiresAt < services.clock.now().getTime()) {
    services.store.codes.delete(user.poolId, user.sub, purpose);
    throw new ExpiredCodeException("Invalid code provided, please request a code again.");
  }
  services.store.codes.delete(user.poolId, user.sub, purpose);
}

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: "EMAIL" | "SMS";
  AttributeName: "email" | "phone_number";
}

/** Which verified-able attribute a confirmation code goes to: email first, as Cognito does. */
export function confirmationTarget(pool: PoolRecord, user: UserRecord): CodeDeliveryDetails | undefined {
  const auto = pool.AutoVerifiedAttributes ?? [];
  if (auto.includes("email") && user.attributes.email) {
    return {
      Destination: maskDestination(user.attributes.email),
      DeliveryMedium: "EMAIL",
      AttributeName: "email",
    };
  }
  if (auto.includes("phone_number") && user.attributes.phone_number) {
    return {
      Destination: maskDestination(user.attributes.phone_number),
      DeliveryMedium: "SMS",
      AttributeName: "phone_number",
    };
  }
  return undefined;
}

/** Where a password-reset code goes: a verified email or phone (per AccountRecoverySetting order). */
export function recoveryTarget(pool: PoolRecord, user: UserRecord): CodeDeliveryDetails | undefined {
  const email =
    user.attributes.email && user.attributes.email_verified === "true"
      ? ({
          Destination: maskDestination(user.attributes.email),
          DeliveryMedium: "EMAIL",
          AttributeName: "email",
        } as const)
      : undefined;
  const phone =
    user.attributes.phone_number && user.attributes.phone_number_verified === "true"
      ? ({
          Destination: maskDestination(user.attributes.phone_number),
          DeliveryMedium: "SMS",
          AttributeName: "phone_number",
        } as const)
      : undefined;
  const order = (pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])
    .slice()
    .sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0))
    .map((m) => m.Name);
  if (order.length > 0) {
    for (const name of order) {
      if (name === "verified_email" && email) return email;
      if (name === "verified_phone_number" && phone) return phone;
    }
    return undefined;
  }
  return email ?? phone;
}
