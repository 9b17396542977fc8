/** Attribute lists and the value formats Cognito checks (phone numbers, emails, `*_verified`). */
import { InvalidParameterException } from "../../errors";

export const PHONE = /^\+[0-9]{4,15}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function toAttributeMap(
  list: { Name: string; Value?: string | undefined }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list ?? []) out[a.Name] = a.Value ?? "";
  return out;
}

/**
 * Format checks Cognito applies to attribute values. `email_verified` and `phone_number_verified`
 * take `true`/`false` in any letter case, as Cognito does, and are kept in lower case (what
 * AdminGetUser and the ID token's boolean claims then read).
 */
export function checkAttributeValues(attrs: Record<string, string>): void {
  if (attrs.phone_number !== undefined && !PHONE.test(attrs.phone_number)) {
    throw new InvalidParameterException("Invalid phone number format.");
  }
  if (attrs.email !== undefined && !EMAIL.test(attrs.email)) {
    throw new InvalidParameterException("Invalid email address format.");
  }
  for (const name of ["email_verified", "phone_number_verified"]) {
    const v = attrs[name]?.toLowerCase();
    if (v === undefined) continue;
    if (v !== "true" && v !== "false") {
      throw new InvalidParameterException(`Invalid value for ${name}: must be true or false.`);
    }
    attrs[name] = v;
  }
}
