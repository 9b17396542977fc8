import type { Context } from "hono";
import type { Services } from "../../cognito-idp/services";
import type { HostedDomain } from "../domain";
import { field, form, h, links } from "../html";
import { callOperation, secretHashFor } from "../operations";
import { attempt, href, openPage, type PageContext, postPage, render, usernameLabel } from "../pages";

function forgotPage(ctx: PageContext, error?: string, username?: string): Response {
  const name = usernameLabel(ctx.hd.pool);
  const body = h`<p>Enter your ${name.label.toLowerCase()} and we will send you a code to reset your password.</p>
${form(
  href(ctx, "forgotPassword"),
  ctx.session.data.csrf,
  field({
    name: "username",
    label: name.label,
    type: name.type,
    value: username,
    autocomplete: "username",
    autofocus: true,
  }),
  "Reset my password",
)}
${links([{ href: href(ctx, "login"), text: "Back to sign in" }])}`;
  return render(ctx, { title: "Forgot your password?", body, error });
}

/** `GET /forgotPassword`. */
export const forgotPasswordGet = (services: Services) => (c: Context, hd: HostedDomain) =>
  forgotPage(openPage(services, c, hd));

/** `POST /forgotPassword`: ForgotPassword through the core (code to the outbox), then the code page. */
export const forgotPasswordPost = (services: Services) => async (c: Context, hd: HostedDomain) => {
  const ctx = await postPage(services, c, hd);
  const username = (ctx.form.username ?? "").trim();
  if (!username) return forgotPage(ctx, "Enter your username.");
  const client = ctx.req.client;
  const sent = await attempt(() =>
    callOperation(services, "ForgotPassword", {
      ClientId: client.ClientId,
      Username: username,
      ...secretHashFor(client, username),
    }),
  );
  if ("error" in sent) return forgotPage(ctx, sent.error, username);
  return c.redirect(href(ctx, "confirmForgotPassword", { username }), 302);
};
