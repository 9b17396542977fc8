import type { Context } from "hono";
import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import { UserNotConfirmedException } from "../../errors";
import type { HostedDomain } from "../domain";
import { continueSignIn } from "../flow";
import { field, form, h, links } from "../html";
import { attempt, href, openPage, type PageContext, postPage, render, usernameLabel } from "../pages";
import { browserSignals, passwordSignIn } from "../sign-in";

const LoginForm = z.object({
  username: z.string().trim().min(1).max(128),
  password: z.string().min(1).max(256),
});

/** Whether the client may sign users in with the pool's own accounts (the `COGNITO` provider). */
export const allowsCognitoLogin = (ctx: PageContext): boolean =>
  (ctx.req.client.SupportedIdentityProviders ?? []).includes("COGNITO");

function identityProviderButtons(ctx: PageContext) {
  const providers = (ctx.req.client.SupportedIdentityProviders ?? []).filter((p) => p !== "COGNITO");
  if (providers.length === 0) return h``;
  return h`<div class="idps">${providers.map(
    (p) => h`<a href="${href(ctx, "oauth2/authorize", { identity_provider: p })}">Continue with ${p}</a>`,
  )}</div>`;
}

export interface LoginPageOptions {
  error?: string | undefined;
  info?: string | undefined;
  username?: string | undefined;
}

/** The sign-in page: identity provider buttons, then the username/password form. */
export function loginPage(ctx: PageContext, o: LoginPageOptions = {}): Response {
  const name = usernameLabel(ctx.hd.pool);
  const cognito = allowsCognitoLogin(ctx);
  const canSignUp = !ctx.hd.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly;
  const body = h`${identityProviderButtons(ctx)}
${
  cognito
    ? h`${form(
        href(ctx, "login"),
        ctx.session.data.csrf,
        h`${field({ name: "username", label: name.label, type: name.type, autocomplete: name.autocomplete, value: o.username, autofocus: true })}
${field({ name: "password", label: "Password", type: "password", autocomplete: "current-password" })}`,
        "Sign in",
      )}
${links([
  { href: href(ctx, "forgotPassword"), text: "Forgot your password?" },
  ...(canSignUp ? [{ href: href(ctx, "signup"), text: "Need an account? Sign up" }] : []),
])}`
    : h`<p>This application signs in only through the providers above.</p>`
}`;
  return render(ctx, { title: "Sign in", body, error: o.error, info: o.info });
}

/** `GET /login`. */
export function loginGet(services: Services) {
  return (c: Context, hd: HostedDomain): Response => loginPage(openPage(services, c, hd));
}

/** `POST /login`: checks the credentials with the user-pool core, then a code or the next challenge. */
export function loginPost(services: Services) {
  return async (c: Context, hd: HostedDomain): Promise<Response> => {
    const ctx = await postPage(services, c, hd);
    if (!allowsCognitoLogin(ctx)) return loginPage(ctx, { error: "Sign-in with a password is not enabled." });
    const parsed = LoginForm.safeParse(ctx.form);
    if (!parsed.success) {
      return loginPage(ctx, { error: "Enter your username and password.", username: ctx.form.username });
    }
    const { username, password } = parsed.data;
    const result = await attempt(() =>
      passwordSignIn(
        services,
        hd.pool,
        ctx.req.client,
        username,
        password,
        browserSignals(c, ctx.req.client),
      ),
    );
    if ("ok" in result) return continueSignIn(ctx, result.ok);
    if (result.cause instanceof UserNotConfirmedException) {
      return c.redirect(href(ctx, "confirm", { username }), 302);
    }
    return loginPage(ctx, { error: result.error, username });
  };
}
