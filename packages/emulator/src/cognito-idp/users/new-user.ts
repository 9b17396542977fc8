/** A new user (SignUp, AdminCreateUser, a first federated sign-in): username, attributes, uniqueness. */
import { AliasExistsException, InvalidParameterException, UsernameExistsException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { newUuid } from "../ids";
import {
  checkAttributeNames,
  userKeys,
  usernameKey,
  usesEmailAsUsername,
  usesPhoneAsUsername,
} from "../pools";
import type { Services } from "../services";
import { checkAttributeValues, EMAIL, PHONE } from "./attribute-values";

/**
 * Works out the internal username and initial attributes of a new user (SignUp, AdminCreateUser),
 * enforcing username vs alias attribute rules and uniqueness.
 */
export function prepareNewUser(
  services: Services,
  pool: PoolRecord,
  username: string,
  attributeInput: Record<string, string>,
): { username: string; sub: string; attributes: Record<string, string> } {
  const attributes = { ...attributeInput };
  delete attributes.sub;
  checkAttributeNames(pool, Object.keys(attributes));
  const sub = newUuid();
  let internal = username;
  if (usesEmailAsUsername(pool) || usesPhoneAsUsername(pool)) {
    if (usesEmailAsUsername(pool) && EMAIL.test(username)) {
      attributes.email = username;
    } else if (usesPhoneAsUsername(pool) && PHONE.test(username)) {
      attributes.phone_number = username;
    } else {
      throw new InvalidParameterException(
        usesEmailAsUsername(pool) && usesPhoneAsUsername(pool)
          ? "Username should be either an email or a phone number."
          : usesEmailAsUsername(pool)
            ? "Username should be an email."
            : "Username should be a phone number.",
      );
    }
    internal = sub;
  } else {
    const aliases = pool.AliasAttributes ?? [];
    if (aliases.includes("email") && EMAIL.test(username)) {
      throw new InvalidParameterException("Username should not be an email.");
    }
    if (aliases.includes("phone_number") && PHONE.test(username)) {
      throw new InvalidParameterException("Username should not be a phone number.");
    }
  }
  checkAttributeValues(attributes);
  for (const attr of pool.SchemaAttributes ?? []) {
    if (attr.Required && attr.Name && attr.Name !== "sub" && !attributes[attr.Name]) {
      throw new InvalidParameterException(
        `Attributes did not conform to the schema: ${attr.Name}: The attribute is required`,
      );
    }
  }
  if (services.store.users.getByKey(pool.Id, usernameKey(pool, internal))) {
    throw new UsernameExistsException("User already exists");
  }
  if (usesEmailAsUsername(pool) && attributes.email) {
    if (services.store.users.findByEmail(pool.Id, attributes.email.toLowerCase()).length > 0) {
      throw new UsernameExistsException("An account with the given email already exists.");
    }
  }
  if (usesPhoneAsUsername(pool) && attributes.phone_number) {
    if (services.store.users.findByPhone(pool.Id, attributes.phone_number).length > 0) {
      throw new UsernameExistsException("An account with the given phone_number already exists.");
    }
  }
  if ((pool.AliasAttributes ?? []).includes("preferred_username") && attributes.preferred_username) {
    if (
      services.store.users.findByPreferredUsername(pool.Id, usernameKey(pool, attributes.preferred_username))
        .length > 0
    ) {
      throw new AliasExistsException("An account with the given preferred_username already exists.");
    }
  }
  return { username: internal, sub, attributes: { sub, ...attributes } };
}

export function insertUser(services: Services, pool: PoolRecord, user: UserRecord): void {
  services.store.users.insert(user, userKeys(pool, user));
}

export function blankUser(
  services: Services,
  pool: PoolRecord,
  prepared: { username: string; sub: string; attributes: Record<string, string> },
  status: UserRecord["status"],
): UserRecord {
  const now = services.clock.now().getTime();
  return {
    poolId: pool.Id,
    username: prepared.username,
    sub: prepared.sub,
    status,
    enabled: true,
    attributes: prepared.attributes,
    mfa: { totpEnabled: false, smsEnabled: false },
    createdAt: now,
    modifiedAt: now,
    failedAttempts: 0,
    lastFailedAt: 0,
  };
}
