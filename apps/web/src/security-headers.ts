/**
 * The Content-Security-Policy of every page, set at request time by `src/proxy.ts` (the hosted
 * UI's origin is configuration, not a build constant). `form-action` must allow the hosted UI:
 * browsers apply it to the redirect after a form post, and sign-out posts, then goes to `/logout`.
 * `script-src` allows only scripts with the request's nonce (see `src/proxy.ts`).
 * `default-src 'self'` covers every kind not named; `base-uri 'none'` forbids `<base>`.
 * `connect-src` lets scripts reach this site and the user-files bucket (the Files page uploads
 * straight to S3), nothing else; `next dev` also needs its websocket for hot reload.
 */
export function contentSecurityPolicy(
  hostedUiUrl: string,
  opts: { filesOrigin?: string; dev?: boolean; nonce?: string } = {},
): string {
  const connect = ["'self'", opts.filesOrigin, opts.dev ? "ws:" : undefined].filter(Boolean).join(" ");
  // Only scripts carrying this response's nonce run, and what they load ('strict-dynamic'): Next.js
  // puts the nonce on its own scripts when it finds it in the request's CSP. `next dev` evaluates
  // code for hot reload, so it also needs 'unsafe-eval' (development only).
  const scripts = opts.nonce
    ? [`script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`]
    : [];
  const images = ["'self'", "data:", "blob:", opts.filesOrigin].filter(Boolean).join(" ");
  return [
    // Everything not named below comes only from this site.
    "default-src 'self'",
    ...scripts,
    // React and Next.js set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // The TOTP QR code is a data: URL; file previews come from the files bucket.
    `img-src ${images}`,
    "font-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    `form-action 'self' ${new URL(hostedUiUrl).origin}`,
    `connect-src ${connect}`,
  ].join("; ");
}

/**
 * Static security headers for every response. HSTS only over https (a local http origin would be
 * pinned to https otherwise).
 */
export function securityHeaders(siteUrl: string): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (siteUrl.startsWith("https://")) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" });
  }
  return headers;
}
