/**
 * What every hosted-UI page shares: the authorize request it serves (validated from its query), the
 * browser session with its CSRF token, links that carry the query on, and the page frame.
 *
 * @module
 */
import type { Context } from "hono";
import type { Services } from "../cognito-idp/services";
import { CognitoError } from "../errors";
import type { PoolRecord } from "../store/types";
import { type AuthorizeRequest, queryString, validateAuthorize } from "./authorize-request";
import type { HostedDomain } from "./domain";
import { type Html, h, page } from "./html";
import { formBody } from "./respond";
import { checkCsrf, ensureSession, type LoadedSession } from "./session";

export interface PageContext {
  services: Services;
  c: Context;
  hd: HostedDomain;
  req: AuthorizeRequest;
  session: LoadedSession;
}

/** A GET of a page: the request validated, a session (and so a CSRF token) ensured. */
export function openPage(services: Services, c: Context, hd: HostedDomain): PageContext {
  const req = validateAuthorize(services, hd, c.req.query());
  return { services, c, hd, req, session: ensureSession(services, c, hd) };
}

/** A POST of a page: the request validated, the form read, its CSRF token checked. */
export async function postPage(
  services: Services,
  c: Context,
  hd: HostedDomain,
): Promise<PageContext & { form: Record<string, string> }> {
  const req = validateAuthorize(services, hd, c.req.query());
  const form = await formBody(c);
  const session = checkCsrf(services, c, hd, form._csrf);
  return { services, c, hd, req, session, form };
}

/** `/_domain/<prefix>/<path>?<authorize query>[&extra]`. */
export function href(
  ctx: Pick<PageContext, "hd" | "req">,
  path: string,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams(queryString(ctx.req.query));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `${ctx.hd.path}/${path}?${params.toString()}`;
}

export interface RenderOptions {
  title: string;
  body: Html;
  error?: string | undefined;
  info?: string | undefined;
  status?: 200 | 400 | 403;
}

export function render(ctx: PageContext, o: RenderOptions): Response {
  return ctx.c.html(
    page({
      title: o.title,
      clientName: ctx.req.client.ClientName,
      ...(o.error ? { error: o.error } : {}),
      ...(o.info ? { info: o.info } : {}),
      body: o.body,
    }),
    o.status ?? (o.error ? 400 : 200),
  );
}

/** The message a user sees for an error of the user-pool core (its own message, as Cognito shows it). */
export function userMessage(err: unknown): string | undefined {
  return err instanceof CognitoError ? err.message : undefined;
}

/** Runs `fn`; a `CognitoError` becomes the message to show, anything else propagates. */
export async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ ok: T } | { error: string; cause: CognitoError }> {
  try {
    return { ok: await fn() };
  } catch (err) {
    if (err instanceof CognitoError) return { error: err.message, cause: err };
    throw err;
  }
}

/** The pool's password policy in words, shown wherever a password is chosen. */
export function passwordPolicyHint(pool: PoolRecord): string {
  const p = {
    MinimumLength: 8,
    RequireUppercase: true,
    RequireLowercase: true,
    RequireNumbers: true,
    RequireSymbols: true,
    ...(pool.Policies?.PasswordPolicy ?? {}),
  };
  const rules = [`at least ${p.MinimumLength} characters`];
  if (p.RequireUppercase) rules.push("an uppercase letter");
  if (p.RequireLowercase) rules.push("a lowercase letter");
  if (p.RequireNumbers) rules.push("a number");
  if (p.RequireSymbols) rules.push("a symbol");
  return `Password must contain ${rules.join(", ")}.`;
}

export function usernameLabel(pool: PoolRecord): {
  label: string;
  type: "text" | "email" | "tel";
  autocomplete: string;
} {
  const attrs = pool.UsernameAttributes ?? [];
  if (attrs.includes("email") && attrs.includes("phone_number")) {
    return { label: "Email or phone number", type: "text", autocomplete: "username" };
  }
  if (attrs.includes("email")) return { label: "Email", type: "email", autocomplete: "username" };
  if (attrs.includes("phone_number")) return { label: "Phone number", type: "tel", autocomplete: "username" };
  return { label: "Username", type: "text", autocomplete: "username" };
}

export const noteHtml = (text: string): Html => h`<p>${text}</p>`;
