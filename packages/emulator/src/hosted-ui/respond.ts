/**
 * The one place OAuth errors become responses: a redirect back to the client (`error`,
 * `error_description`, `state`) when the redirect_uri is trusted, an HTML error page otherwise, or a
 * JSON body for the back-channel endpoints (token, revoke, userInfo).
 *
 * @module
 */
import type { Context } from "hono";
import type { Services } from "../cognito-idp/services";
import { redirectWith } from "./authorize-request";
import { type HostedDomain, resolveDomain } from "./domain";
import { OAuthError } from "./errors";
import { h, page } from "./html";

type Handler = (c: Context, hd: HostedDomain) => Response | Promise<Response>;

function internalError(err: unknown): OAuthError {
  console.error("emulator hosted-ui: internal error", err);
  return new OAuthError("server_error", "Internal error", { status: 500, allowRedirect: false, cause: err });
}

export function errorPage(c: Context, err: OAuthError): Response {
  const html = page({
    title: "Something went wrong",
    error: `${err.error}: ${err.message}`,
    body: h`<p>Return to the application and try again.</p>`,
  });
  return c.html(html, err.status);
}

/**
 * The headers of every hosted-UI page. The pages run no script and load nothing from elsewhere:
 * everything defaults to none, styles are the page's own, images only data: (the TOTP QR code);
 * no framing (clickjacking), no `<base>`. `form-action` is left open on purpose: browsers apply it
 * to the redirect after a form post, which goes to the app client's callback URL.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function withPageHeaders(res: Response): Response {
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) res.headers.set(name, value);
  return res;
}

/** A browser-facing route (authorize, pages): errors redirect to the client or render a page. */
export function pageRoute(services: Services, handler: Handler) {
  return async (c: Context): Promise<Response> => withPageHeaders(await runPage(services, handler, c));
}

async function runPage(services: Services, handler: Handler, c: Context): Promise<Response> {
  try {
    const hd = resolveDomain(services, c, c.req.param("domain") ?? "");
    return await handler(c, hd);
  } catch (caught) {
    const err = caught instanceof OAuthError ? caught : internalError(caught);
    if (err.allowRedirect && err.redirectUri) {
      return c.redirect(
        redirectWith(err.redirectUri, {
          error: err.error,
          error_description: err.message,
          state: err.state,
        }),
        302,
      );
    }
    return errorPage(c, err);
  }
}

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

/** A back-channel route (token, revoke, userInfo): errors are `{error, error_description}` JSON. */
export function jsonRoute(services: Services, handler: Handler) {
  return async (c: Context): Promise<Response> => {
    try {
      const hd = resolveDomain(services, c, c.req.param("domain") ?? "");
      return await handler(c, hd);
    } catch (caught) {
      const err = caught instanceof OAuthError ? caught : internalError(caught);
      const headers: Record<string, string> = { ...NO_STORE };
      if (err.error === "invalid_client" && c.req.header("authorization")?.startsWith("Basic ")) {
        headers["www-authenticate"] = 'Basic realm="token"';
      }
      if (err.error === "invalid_token" || (err.status === 400 && c.req.path.endsWith("/userInfo"))) {
        headers["www-authenticate"] =
          `Bearer error="${err.error}", error_description="${err.message.replace(/"/g, "'")}"`;
      }
      return c.json(err.toJSON(), err.status, headers);
    }
  };
}

export function jsonNoStore(c: Context, body: unknown): Response {
  return c.json(body, 200, NO_STORE);
}

/** Reads an `application/x-www-form-urlencoded` body into string fields (files and repeats refused). */
export async function formBody(c: Context): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw new OAuthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
  }
  const params = new URLSearchParams(await c.req.text());
  const out: Record<string, string> = {};
  for (const [k, v] of params) {
    if (k in out) throw new OAuthError("invalid_request", `Parameter ${k} is repeated.`);
    out[k] = v;
  }
  return out;
}
