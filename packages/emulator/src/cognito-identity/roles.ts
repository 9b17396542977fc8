import { randomBytes } from "node:crypto";
import type { Services } from "../cognito-idp/services";
import { evaluatePolicies } from "../iam/policy";
import { iamRolesOf } from "../iam/roles";
import { InvalidIdentityPoolConfigurationException, NotAuthorizedException } from "./errors";
import type { VerifiedLogin } from "./logins";
import {
  type CredentialRecord,
  type IdentityPoolRecord,
  type IdentityRecord,
  identityStoreOf,
  type PoolRolesRecord,
  type RoleMappingRecord,
} from "./store";

/** The claim STS reads session tags from. */
export const TAGS_CLAIM = "https://aws.amazon.com/tags";

const CONFIG_ERROR = "Invalid identity pool configuration. Check assigned IAM roles for this pool.";
const AMBIGUOUS = "Cognito was unable to resolve a role for this identity from the role mapping.";

function claimValues(claims: Record<string, unknown>, name: string): string[] | undefined {
  const v = claims[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(String);
  return [String(v)];
}

function ruleMatches(values: string[] | undefined, matchType: string, expected: string): boolean {
  // `NotEqual` on a claim the token lacks is not evaluated (never matches).
  if (values === undefined) return false;
  switch (matchType) {
    case "Equals":
      return values.some((v) => v === expected);
    case "Contains":
      return values.some((v) => v.includes(expected));
    case "StartsWith":
      return values.some((v) => v.startsWith(expected));
    case "NotEqual":
      return values.every((v) => v !== expected);
    default:
      return false;
  }
}

function ambiguous(mapping: RoleMappingRecord, roles: PoolRolesRecord): string {
  if (mapping.AmbiguousRoleResolution === "AuthenticatedRole" && roles.Roles.authenticated) {
    return roles.Roles.authenticated;
  }
  throw new NotAuthorizedException(AMBIGUOUS);
}

/**
 * The role an identity gets: the unauthenticated role for guests; for a user-pool login, the role
 * mapping of `provider:clientId` (Token: `CustomRoleArn` if it is in `cognito:roles`, else
 * `cognito:preferred_role`; Rules: the first matching rule, or `CustomRoleArn` among the matching
 * ones), falling back to `AmbiguousRoleResolution`; without a mapping, the authenticated role.
 */
export function resolveRole(roles: PoolRolesRecord, logins: VerifiedLogin[], customRoleArn?: string): string {
  const [login] = logins;
  if (!login) {
    const role = roles.Roles.unauthenticated;
    if (!role) throw new InvalidIdentityPoolConfigurationException(CONFIG_ERROR);
    return role;
  }
  const mapping =
    roles.RoleMappings[`${login.provider}:${login.clientId}`] ?? roles.RoleMappings[login.provider];
  if (!mapping) {
    const role = roles.Roles.authenticated;
    if (!role) throw new InvalidIdentityPoolConfigurationException(CONFIG_ERROR);
    return role;
  }
  if (mapping.Type === "Token") {
    const tokenRoles = claimValues(login.claims, "cognito:roles") ?? [];
    if (customRoleArn !== undefined) {
      if (tokenRoles.includes(customRoleArn)) return customRoleArn;
      throw new NotAuthorizedException(
        "Invalid CustomRoleArn for this identity. It is not among the token's roles.",
      );
    }
    const preferred = claimValues(login.claims, "cognito:preferred_role")?.[0];
    if (preferred) return preferred;
    return ambiguous(mapping, roles);
  }
  const matching = (mapping.RulesConfiguration?.Rules ?? []).filter((rule) =>
    ruleMatches(claimValues(login.claims, rule.Claim), rule.MatchType, rule.Value),
  );
  if (customRoleArn !== undefined) {
    if (matching.some((r) => r.RoleARN === customRoleArn)) return customRoleArn;
    throw new NotAuthorizedException("Invalid CustomRoleArn for this identity. No matching rule gives it.");
  }
  const first = matching[0];
  return first ? first.RoleARN : ambiguous(mapping, roles);
}

/** The `amr` of an identity: `unauthenticated`, or `authenticated` plus its providers. */
export function amrOf(logins: VerifiedLogin[]): string[] {
  if (logins.length === 0) return ["unauthenticated"];
  return ["authenticated", ...logins.flatMap((l) => l.amr)];
}

/**
 * Session tags of the identity: the `PrincipalTags` a Cognito token carries (the STS claim
 * `https://aws.amazon.com/tags`), as `aws:PrincipalTag/<key>` condition keys.
 */
function principalTagsOf(logins: VerifiedLogin[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const login of logins) {
    const tags = (login.claims[TAGS_CLAIM] as { principal_tags?: Record<string, unknown> } | undefined)
      ?.principal_tags;
    for (const [key, values] of Object.entries(tags ?? {})) {
      const [value] = Array.isArray(values) ? values : [values];
      if (value !== undefined) out[`aws:PrincipalTag/${key}`] = String(value);
    }
  }
  return out;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const accessKeyId = () => `ASIA${Array.from(randomBytes(16), (b) => BASE32[b % 32]).join("")}`;

/** Credentials live one hour, as Cognito issues them. */
export const CREDENTIALS_SECONDS = 3600;

/**
 * Issues temporary credentials of `roleArn` to an identity, after the role's trust policy (when the
 * emulator knows the role) accepts the pool's `aud` and the identity's `amr`.
 */
export function issueCredentials(
  services: Services,
  pool: IdentityPoolRecord,
  identity: IdentityRecord,
  roleArn: string,
  logins: VerifiedLogin[],
): CredentialRecord {
  const amr = amrOf(logins);
  const role = iamRolesOf(services.store).getRole(roleArn);
  if (role?.trustPolicy) {
    const trust = evaluatePolicies([role.trustPolicy], {
      action: "sts:AssumeRoleWithWebIdentity",
      resource: roleArn,
      principals: ["cognito-identity.amazonaws.com"],
      context: {
        "cognito-identity.amazonaws.com:aud": pool.IdentityPoolId,
        "cognito-identity.amazonaws.com:amr": amr,
        "cognito-identity.amazonaws.com:sub": identity.IdentityId,
      },
    });
    if (trust.decision !== "Allow") throw new InvalidIdentityPoolConfigurationException(CONFIG_ERROR);
  }
  const now = services.clock.now().getTime();
  const record: CredentialRecord = {
    accessKeyId: accessKeyId(),
    secretKey: randomBytes(30).toString("base64"),
    sessionToken: randomBytes(256).toString("base64"),
    identityId: identity.IdentityId,
    poolId: pool.IdentityPoolId,
    roleArn,
    expiresAt: now + CREDENTIALS_SECONDS * 1000,
    context: {
      "cognito-identity.amazonaws.com:sub": identity.IdentityId,
      "cognito-identity.amazonaws.com:aud": pool.IdentityPoolId,
      "cognito-identity.amazonaws.com:amr": amr,
      ...principalTagsOf(logins),
    },
  };
  const store = identityStoreOf(services.store);
  store.sweepCredentials(now - 24 * 3600 * 1000);
  store.putCredentials(record);
  return record;
}
