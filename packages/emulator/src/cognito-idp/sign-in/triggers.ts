/**
 * The Lambda triggers of a sign-in: PreAuthentication before the password is checked,
 * PreTokenGeneration when tokens are minted (its claim and scope overrides), PostAuthentication
 * once the user is authenticated.
 *
 * @module
 */
import type { UserRecord } from "../../store/types";
import { runTrigger, triggerAttributes } from "../../triggers/cognito";
import type { Services } from "../services";
import { type ClaimOverrides, groupClaims } from "../tokens";
import type { AuthContext, TokenGenerationSource } from "./types";

export async function preAuthentication(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  validationData?: Record<string, string>,
): Promise<void> {
  await runTrigger(services, ctx.pool, "PreAuthentication", () => ({
    triggerSource: "PreAuthentication_Authentication",
    userName: user.username,
    clientId: ctx.client.ClientId,
    request: { userAttributes: triggerAttributes(user), validationData: validationData ?? {} },
  }));
}

export async function postAuthentication(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
): Promise<void> {
  await runTrigger(services, ctx.pool, "PostAuthentication", () => ({
    triggerSource: "PostAuthentication_Authentication",
    userName: user.username,
    clientId: ctx.client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      newDeviceUsed: false,
      clientMetadata: ctx.clientMetadata ?? {},
    },
  }));
}

/** Runs the pool's pre-token-generation trigger, if any, and returns its claim overrides. */
export async function preTokenGeneration(
  services: Services,
  ctx: Pick<AuthContext, "pool" | "client" | "clientMetadata">,
  user: UserRecord,
  source: TokenGenerationSource,
  scopes: string[] = ["aws.cognito.signin.user.admin"],
): Promise<ClaimOverrides | undefined> {
  const response = await runTrigger(services, ctx.pool, "PreTokenGeneration", (version) => {
    const g = groupClaims(services, user);
    return {
      triggerSource: source,
      userName: user.username,
      clientId: ctx.client.ClientId,
      request: {
        userAttributes: triggerAttributes(user),
        groupConfiguration: {
          groupsToOverride: g.groups,
          iamRolesToOverride: g.roles,
          preferredRole: g.preferredRole ?? null,
        },
        // The V1 event has no scopes: only V2 and V3 events can change the access token.
        ...(version === "1" ? {} : { scopes }),
        clientMetadata: ctx.clientMetadata ?? {},
      },
      response: {},
    };
  });
  if (!response) return undefined;
  return claimOverridesFrom(response);
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const asStrings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;

/** Reads a V1 (`claimsOverrideDetails`) or V2 (`claimsAndScopeOverrideDetails`) pre-token response. */
export function claimOverridesFrom(response: Obj): ClaimOverrides {
  const out: ClaimOverrides = {};
  const groupsFrom = (g: Obj | undefined) => {
    if (!g) return undefined;
    const groups = asStrings(g.groupsToOverride);
    const roles = asStrings(g.iamRolesToOverride);
    return {
      ...(groups ? { groups } : {}),
      ...(roles ? { roles } : {}),
      ...("preferredRole" in g
        ? { preferredRole: typeof g.preferredRole === "string" ? g.preferredRole : null }
        : {}),
    };
  };
  const v1 = asObj(response.claimsOverrideDetails);
  if (v1) {
    out.id = { add: asObj(v1.claimsToAddOrOverride) ?? {}, suppress: asStrings(v1.claimsToSuppress) ?? [] };
    const groups = groupsFrom(asObj(v1.groupOverrideDetails));
    if (groups) out.groups = groups;
  }
  const v2 = asObj(response.claimsAndScopeOverrideDetails);
  if (v2) {
    const id = asObj(v2.idTokenGeneration);
    const access = asObj(v2.accessTokenGeneration);
    if (id)
      out.id = { add: asObj(id.claimsToAddOrOverride) ?? {}, suppress: asStrings(id.claimsToSuppress) ?? [] };
    if (access) {
      out.access = {
        add: asObj(access.claimsToAddOrOverride) ?? {},
        suppress: asStrings(access.claimsToSuppress) ?? [],
        scopesToAdd: asStrings(access.scopesToAdd) ?? [],
        scopesToSuppress: asStrings(access.scopesToSuppress) ?? [],
      };
    }
    const groups = groupsFrom(asObj(v2.groupOverrideDetails));
    if (groups) out.groups = groups;
  }
  return out;
}
