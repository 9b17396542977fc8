import type { PreTokenGenerationTriggerEvent, PreTokenGenerationV2TriggerEvent } from "aws-lambda";

type Event = PreTokenGenerationTriggerEvent | PreTokenGenerationV2TriggerEvent;

/**
 * The app's claims, from the user's custom attributes: `tenant_id` and `plan` (default `free`).
 * V1 events (ID token only) get them through `claimsOverrideDetails`; V2 events put them in both
 * the ID and the access token, so the API can read them from the access token it verifies.
 */
export function appClaims(attrs: Record<string, string>): Record<string, string> {
  const claims: Record<string, string> = { plan: attrs["custom:plan"] || "free" };
  if (attrs["custom:tenant_id"]) claims.tenant_id = attrs["custom:tenant_id"];
  return claims;
}

export async function handler(event: Event): Promise<Event> {
  const claims = appClaims(event.request.userAttributes);
  if (event.version === "1") {
    (event as PreTokenGenerationTriggerEvent).response = {
      claimsOverrideDetails: { claimsToAddOrOverride: claims, claimsToSuppress: [] },
    };
    return event;
  }
  (event as PreTokenGenerationV2TriggerEvent).response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims, claimsToSuppress: [] },
      accessTokenGeneration: {
        claimsToAddOrOverride: claims,
        claimsToSuppress: [],
        scopesToAdd: [],
        scopesToSuppress: [],
      },
    },
  };
  return event;
}
