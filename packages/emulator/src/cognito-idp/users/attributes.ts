/** Changing a user's attributes: verification of email and phone, aliases, pending values. */
import { AliasExistsException, InvalidParameterException, NotAuthorizedException } from "../../errors";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/types";
import {
  checkAttributeNames,
  maskDestination,
  saveUser,
  usesEmailAsUsername,
  usesPhoneAsUsername,
} from "../pools";
import type { Services } from "../services";
import { checkAttributeValues } from "./attribute-values";
import { type CodeDeliveryDetails, DAY_MS, issueCode } from "./codes";
import { deliverCode } from "./messages";

/** Marks an email/phone verified, taking a verified alias away from another user only if forced. */
export function markVerified(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  attribute: "email" | "phone_number",
  forceAliasCreation: boolean,
): void {
  const value = user.attributes[attribute];
  if (!value) return;
  if ((pool.AliasAttributes ?? []).includes(attribute)) {
    const others = (
      attribute === "email"
        ? services.store.users.findByEmail(pool.Id, value.toLowerCase())
        : services.store.users.findByPhone(pool.Id, value)
    ).filter((u) => u.sub !== user.sub && u.attributes[`${attribute}_verified`] === "true");
    if (others.length > 0 && !forceAliasCreation) {
      throw new AliasExistsException(
        `An account with the ${attribute === "email" ? "email" : "phone number"} already exists.`,
      );
    }
    for (const other of others) {
      other.attributes[`${attribute}_verified`] = "false";
      saveUser(services, pool, other);
    }
  }
  user.attributes[`${attribute}_verified`] = "true";
}

/**
 * UpdateUserAttributes / AdminUpdateUserAttributes: checks names, mutability and (for users) the
 * client's WriteAttributes; a changed email or phone becomes unverified and, where the pool
 * auto-verifies it, gets a verification code.
 */
export async function updateAttributes(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  updates: Record<string, string>,
  options: { admin: boolean; client?: ClientRecord; clientMetadata?: Record<string, string> },
): Promise<CodeDeliveryDetails[]> {
  checkAttributeNames(
    pool,
    Object.keys(updates).filter((n) => !n.startsWith("dev:")),
  );
  checkAttributeValues(updates);
  for (const name of Object.keys(updates)) {
    if (name === "sub") throw new InvalidParameterException("Cannot modify the non-mutable attribute sub");
    const schema = (pool.SchemaAttributes ?? []).find((a) => a.Name === name);
    if (schema && schema.Mutable === false && user.attributes[name] !== undefined) {
      throw new InvalidParameterException(`Cannot modify the non-mutable attribute ${name}`);
    }
    if (!options.admin) {
      const writable = options.client?.WriteAttributes;
      if ((writable && writable.length > 0 && !writable.includes(name)) || name.startsWith("dev:")) {
        throw new NotAuthorizedException("A client attempted to write unauthorized attribute");
      }
    }
  }
  const sent: CodeDeliveryDetails[] = [];
  const changed: ("email" | "phone_number")[] = [];
  const holdUntilVerified = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  for (const [name, value] of Object.entries(updates)) {
    if ((name === "email" || name === "phone_number") && user.attributes[name] !== value) {
      if (name === "email" && usesEmailAsUsername(pool)) {
        const clash = services.store.users
          .findByEmail(pool.Id, value.toLowerCase())
          .some((u) => u.sub !== user.sub);
        if (clash) throw new AliasExistsException("An account with the given email already exists.");
      }
      if (name === "phone_number" && usesPhoneAsUsername(pool)) {
        const clash = services.store.users.findByPhone(pool.Id, value).some((u) => u.sub !== user.sub);
        if (clash) throw new AliasExistsException("An account with the given phone_number already exists.");
      }
      changed.push(name);
      const verifiedByAdmin = options.admin && updates[`${name}_verified`] === "true";
      if (
        holdUntilVerified.includes(name) &&
        (pool.AutoVerifiedAttributes ?? []).includes(name) &&
        user.attributes[name] !== undefined &&
        !verifiedByAdmin
      ) {
        // The old value stays (and keeps signing in) until the new one is verified.
        user.pendingAttributes = { ...user.pendingAttributes, [name]: value };
        continue;
      }
      if (user.pendingAttributes) delete user.pendingAttributes[name];
    }
    user.attributes[name] = value;
  }
  for (const name of changed) {
    const pending = user.pendingAttributes?.[name];
    if (pending !== undefined) {
      const code = issueCode(services, user, `verify:${name}`, DAY_MS);
      const medium = name === "email" ? "EMAIL" : "SMS";
      await deliverCode(
        services,
        pool,
        { ...user, attributes: { ...user.attributes, [name]: pending } },
        {
          kind: "UpdateUserAttribute",
          medium,
          code,
          ...(options.client ? { clientId: options.client.ClientId } : {}),
          ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
        },
      );
      sent.push({ Destination: maskDestination(pending), DeliveryMedium: medium, AttributeName: name });
      continue;
    }
    const verifiedKey = `${name}_verified`;
    if (!(options.admin && updates[verifiedKey] === "true")) user.attributes[verifiedKey] = "false";
    if (user.attributes[verifiedKey] !== "true" && (pool.AutoVerifiedAttributes ?? []).includes(name)) {
      const code = issueCode(services, user, `verify:${name}`, DAY_MS);
      const medium = name === "email" ? "EMAIL" : "SMS";
      await deliverCode(services, pool, user, {
        kind: "UpdateUserAttribute",
        medium,
        code,
        ...(options.client ? { clientId: options.client.ClientId } : {}),
        ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
      });
      sent.push({
        Destination: maskDestination(user.attributes[name] ?? ""),
        DeliveryMedium: medium,
        AttributeName: name,
      });
    }
  }
  saveUser(services, pool, user);
  return sent;
}
