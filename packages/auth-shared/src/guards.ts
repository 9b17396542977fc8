import { type AccessTokenClaims, groupsOf, type IdTokenClaims, scopesOf } from "./claims";
import { InsufficientScopeError, MissingGroupError } from "./errors";

/** `"all"`: every listed scope is needed. `"any"`: one is enough (API Gateway's route-scope rule). */
export type ScopeMatch = "all" | "any";

/**
 * Throws {@link InsufficientScopeError} unless the access token holds the scopes.
 *
 * @example
 * requireScopes(claims, ["api/read"]); // 403 insufficient_scope without it
 * requireScopes(claims, ["api/read", "api/write"], "any");
 */
export function requireScopes(
  claims: AccessTokenClaims,
  scopes: readonly string[],
  match: ScopeMatch = "all",
): void {
  if (scopes.length === 0) return;
  const held = scopesOf(claims);
  const ok = match === "all" ? scopes.every((s) => held.has(s)) : scopes.some((s) => held.has(s));
  if (!ok) {
    const missing = match === "all" ? scopes.filter((s) => !held.has(s)) : scopes;
    throw new InsufficientScopeError(
      missing,
      `Requires scope ${missing.join(match === "all" ? " and " : " or ")}`,
    );
  }
}

/**
 * Throws {@link MissingGroupError} unless the user is in at least one of the groups.
 *
 * @example
 * requireGroups(claims, ["admins"]); // 403 for everyone outside `admins`
 */
export function requireGroups(claims: AccessTokenClaims | IdTokenClaims, groups: readonly string[]): void {
  if (groups.length === 0) return;
  const held = new Set(groupsOf(claims));
  if (!groups.some((g) => held.has(g))) throw new MissingGroupError(groups);
}
