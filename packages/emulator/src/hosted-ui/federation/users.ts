/**
 * Federated users as Cognito keeps them: named `<ProviderName>_<sub>`, status `EXTERNAL_PROVIDER`,
 * an `identities` attribute, attributes filled from the provider's claims by the provider's
 * attribute mapping (again on every sign-in), and pre-sign-up run with `PreSignUp_ExternalProvider`.
 *
 * @module
 */
import { newUuid } from "../../cognito-idp/ids";
import { findUser, saveUser } from "../../cognito-idp/pools";
import type { Services } from "../../cognito-idp/services";
import { blankUser, insertUser } from "../../cognito-idp/users";
import { CognitoError } from "../../errors";
import type { ClientRecord, IdentityProviderRecord, PoolRecord, UserRecord } from "../../store/types";
import { runTrigger, triggerAttributes } from "../../triggers/cognito";
import { OAuthError } from "../errors";

function claimText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** Pool attributes from the provider's claims (`AttributeMapping`: pool attribute → provider claim). */
export function mapAttributes(
  idp: IdentityProviderRecord,
  claims: Record<string, unknown>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [poolAttribute, claim] of Object.entries(idp.AttributeMapping ?? {})) {
    if (poolAttribute === "username" || poolAttribute === "sub") continue;
    const value = claimText(claims[claim]);
    if (value !== undefined) out[poolAttribute] = value;
  }
  return out;
}

/** Finds or creates the pool user for a provider account, and returns it ready to sign in. */
export async function federatedUser(
  services: Services,
  pool: PoolRecord,
  client: ClientRecord,
  idp: IdentityProviderRecord,
  claims: Record<string, unknown>,
): Promise<UserRecord> {
  const providerSub = claimText(claims.sub);
  if (!providerSub) throw new OAuthError("invalid_request", "The identity provider returned no subject.");
  const username = `${idp.ProviderName}_${providerSub}`;
  const mapped = mapAttributes(idp, claims);
  const existing = findUser(services, pool, username);
  if (existing) {
    if (!existing.enabled) throw new OAuthError("invalid_request", "User is disabled.");
    Object.assign(existing.attributes, mapped);
    saveUser(services, pool, existing);
    return existing;
  }
  const now = services.clock.now().getTime();
  const sub = newUuid();
  const identities = [
    {
      userId: providerSub,
      providerName: idp.ProviderName,
      providerType: idp.ProviderType,
      issuer: null,
      primary: "true",
      dateCreated: String(now),
    },
  ];
  const user = blankUser(
    services,
    pool,
    { username, sub, attributes: { sub, ...mapped, identities: JSON.stringify(identities) } },
    "EXTERNAL_PROVIDER",
  );
  try {
    await runTrigger(services, pool, "PreSignUp", {
      triggerSource: "PreSignUp_ExternalProvider",
      userName: username,
      clientId: client.ClientId,
      request: { userAttributes: triggerAttributes(user), validationData: {} },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
  } catch (err) {
    if (err instanceof CognitoError) throw new OAuthError("invalid_request", err.message, { cause: err });
    throw err;
  }
  insertUser(services, pool, user);
  return user;
}
