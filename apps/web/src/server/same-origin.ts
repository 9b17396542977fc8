import "server-only";
import { env } from "~/env";

/**
 * CSRF check for state-changing route handlers: the browser's Origin (or Referer) must be this
 * site. Server actions get the same check from Next.js itself.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = new URL(env.SITE_URL).origin;
  const origin = headers.get("origin");
  if (origin) return origin === site;
  const referer = headers.get("referer");
  return referer ? new URL(referer).origin === site : false;
}
