import type { Context } from "hono";
import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import type { HostedDomain } from "../domain";
import { field, form, h } from "../html";
import { callOperation, secretHashFor } from "../operations";
import {
  attempt,
  href,
  openPage,
  type PageContext,
  passwordPolicyHint,
  postPage,
  render,
  usernameLabel,
} from "../pages";
import { loginPage } from "./login";

const UsernameQuery = z.object({ username: z.string().max(128).optional() });

function confirmForgotPage(ctx: PageContext, username: string | undefined, error?: string): Response {
  const name = usernameLabel(ctx.hd.pool);
  const body = form(
    href(ctx, "confirmForgotPassword"),
    ctx.session.data.csrf,
    h`${field({ name: "username", label: name.label, type: name.type, value: username, autocomplete: "username" })}
${field({ name: "code", label: "Code", autocomplete: "one-time-code", inputmode: "numeric", autofocus: true, hint: "We sent a code to reset your password." })}
${field({ name: "password", label: "New password", type: "password", autocomplete: "new-password", hint: passwordPolicyHint(ctx.hd.pool) })}
${field({ name: "confirm_password", label: "Confirm new password", type: "password", autocomplete: "new-password" })}`,
    "Change password",
  );
  return render(ctx, { title: "Reset your password", body, error });
}

/** `GET /confirmForgotPassword?username=`. */
export const confirmForgotPasswordGet = (services: Services) => (c: Context, hd: HostedDomain) =>
  confirmForgotPage(openPage(services, c, hd), UsernameQuery.safeParse(c.req.query()).data?.username);

/** `POST /confirmForgotPassword`: ConfirmForgotPassword through the core, then the sign-in page. */
export const confirmForgotPasswordPost = (services: Services) => async (c: Context, hd: HostedDomain) => {
  const ctx = await postPage(services, c, hd);
  const username = (ctx.form.username ?? "").trim();
  const code = (ctx.form.code ?? "").trim();
  const password = ctx.form.password ?? "";
  if (!username || !code || !password) {
    return confirmForgotPage(ctx, username, "Enter your username, the code and a new password.");
  }
  if (password !== ctx.form.confirm_password)
    return confirmForgotPage(ctx, username, "The passwords do not match.");
  const client = ctx.req.client;
  const done = await attempt(() =>
    callOperation(services, "ConfirmForgotPassword", {
      ClientId: client.ClientId,
      Username: username,
      ConfirmationCode: code,
      Password: password,
      ...secretHashFor(client, username),
    }),
  );
  if ("error" in done) return confirmForgotPage(ctx, username, done.error);
  return loginPage(ctx, { info: "Your password has been reset. Sign in with your new password.", username });
};
