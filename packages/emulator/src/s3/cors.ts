import { wildcardToRegExp } from "../iam/match";
import type { CorsRule } from "./store";

const matches = (patterns: readonly string[] | undefined, value: string, caseInsensitive: boolean) =>
  (patterns ?? []).some((p) => wildcardToRegExp(p, caseInsensitive).test(value));

/** The first rule allowing this origin, method and request headers (S3 uses the first match). */
export function findCorsRule(
  rules: readonly CorsRule[],
  origin: string,
  method: string,
  requestHeaders: readonly string[] = [],
): CorsRule | undefined {
  return rules.find(
    (r) =>
      matches(r.AllowedOrigins, origin, false) &&
      r.AllowedMethods.includes(method.toUpperCase()) &&
      requestHeaders.every((h) => matches(r.AllowedHeaders, h, true)),
  );
}

/** CORS headers of an actual (non-preflight) response. */
export function corsHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const any = rule.AllowedOrigins.includes("*");
  return {
    "access-control-allow-origin": any ? "*" : origin,
    "access-control-allow-methods": rule.AllowedMethods.join(", "),
    ...(rule.ExposeHeaders?.length ? { "access-control-expose-headers": rule.ExposeHeaders.join(", ") } : {}),
    ...(rule.MaxAgeSeconds !== undefined ? { "access-control-max-age": String(rule.MaxAgeSeconds) } : {}),
    ...(any ? {} : { "access-control-allow-credentials": "true" }),
    vary: "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
  };
}
