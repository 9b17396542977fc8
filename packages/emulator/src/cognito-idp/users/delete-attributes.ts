/** DeleteUserAttributes / AdminDeleteUserAttributes: removing attributes from a user. */
import { InvalidParameterException, NotAuthorizedException } from "../../errors";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/types";
import { STANDARD_ATTRIBUTES, saveUser } from "../pools";
import type { Services } from "../services";

/**
 * Removes the named attributes. Every name must be in the pool's schema (Cognito lists each one
 * that is not, as `user.<name>: Attribute does not exist in the schema.`, one per line); `sub`,
 * attributes the schema requires and, for a user's own call, attributes the app client may not
 * write cannot be removed. Removing `email` or `phone_number` removes its `_verified` flag too.
 */
export function deleteAttributes(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  names: readonly string[],
  options: { admin: boolean; client?: ClientRecord },
): void {
  const schema = pool.SchemaAttributes ?? [];
  const known = new Set<string>([...STANDARD_ATTRIBUTES, ...schema.map((a) => a.Name ?? "")]);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new InvalidParameterException(
      `Invalid user attributes: ${unknown.map((n) => `user.${n}: Attribute does not exist in the schema.\n`).join("")}`,
    );
  }
  for (const name of names) {
    if (name === "sub") throw new InvalidParameterException("Cannot modify the non-mutable attribute sub");
    const attr = schema.find((a) => a.Name === name);
    if (attr?.Required) {
      throw new InvalidParameterException(
        `Attributes did not conform to the schema: ${name}: The attribute is required`,
      );
    }
    if (attr && attr.Mutable === false) {
      throw new InvalidParameterException(`Cannot modify the non-mutable attribute ${name}`);
    }
    if (!options.admin) {
      const writable = options.client?.WriteAttributes;
      if ((writable && writable.length > 0 && !writable.includes(name)) || name.startsWith("dev:")) {
        throw new NotAuthorizedException("A client attempted to write unauthorized attribute");
      }
    }
  }
  for (const name of names) {
    delete user.attributes[name];
    if (name === "email" || name === "phone_number") {
      delete user.attributes[`${name}_verified`];
      if (user.pendingAttributes) delete user.pendingAttributes[name];
    }
  }
  saveUser(services, pool, user);
}
