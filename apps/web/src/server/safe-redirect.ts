/**
 * Where the site may send the browser after sign-in or a step-up: a path on this site, and
 * nothing that a browser would read as another host. The value is parsed as browsers parse it
 * (WHATWG URL: `\` counts as `/`, tabs and newlines are dropped), so `/\evil.example/` and
 * `/<TAB>/evil.example/` (both `//evil.example/` to a browser) are refused, and what comes back is
 * the normalised path, which holds no raw control characters (safe in a `Location` header).
 *
 * @module
 */
const BASE = "http://same-origin.invalid";

export function safeRedirectPath(value: string | null | undefined, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A normalised path that itself starts like an authority would leave the site when resolved.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
