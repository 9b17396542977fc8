import type { Context } from "hono";
import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import type { HostedDomain } from "../domain";
import { field, form, h } from "../html";
import { callOperation, secretHashFor } from "../operations";
import { attempt, href, openPage, type PageContext, postPage, render, usernameLabel } from "../pages";
import { loginPage } from "./login";

const UsernameQuery = z.object({ username: z.string().max(128).optional() });

function confirmPage(
  ctx: PageContext,
  username: string | undefined,
  o: { error?: string; info?: string } = {},
) {
  const name = usernameLabel(ctx.hd.pool);
  const body = h`${form(
    href(ctx, "confirm"),
    ctx.session.data.csrf,
    h`<input type="hidden" name="action" value="confirm">
${field({ name: "username", label: name.label, type: name.type, value: username, autocomplete: "username" })}
${field({ name: "code", label: "Confirmation code", autocomplete: "one-time-code", inputmode: "numeric", autofocus: true, hint: "We sent a code to confirm your account." })}`,
    "Confirm account",
  )}
<form method="post" action="${href(ctx, "confirm")}">
<input type="hidden" name="_csrf" value="${ctx.session.data.csrf}">
<input type="hidden" name="action" value="resend">
<input type="hidden" name="username" value="${username ?? ""}">
<button type="submit" class="secondary">Resend code</button>
</form>`;
  return render(ctx, { title: "Confirm your account", body, error: o.error, info: o.info });
}

/** `GET /confirm?username=`: the sign-up confirmation code. */
export const confirmGet = (services: Services) => (c: Context, hd: HostedDomain) => {
  const ctx = openPage(services, c, hd);
  return confirmPage(ctx, UsernameQuery.safeParse(c.req.query()).data?.username);
};

/** `POST /confirm`: ConfirmSignUp (or ResendConfirmationCode), then the sign-in page. */
export const confirmPost = (services: Services) => async (c: Context, hd: HostedDomain) => {
  const ctx = await postPage(services, c, hd);
  const username = (ctx.form.username ?? "").trim();
  if (!username) return confirmPage(ctx, undefined, { error: "Enter your username." });
  const client = ctx.req.client;
  if (ctx.form.action === "resend") {
    const sent = await attempt(() =>
      callOperation(services, "ResendConfirmationCode", {
        ClientId: client.ClientId,
        Username: username,
        ...secretHashFor(client, username),
      }),
    );
    if ("error" in sent) return confirmPage(ctx, username, { error: sent.error });
    return confirmPage(ctx, username, { info: "We sent you a new code." });
  }
  const code = (ctx.form.code ?? "").trim();
  if (!code) return confirmPage(ctx, username, { error: "Enter the confirmation code." });
  const confirmed = await attempt(() =>
    callOperation(services, "ConfirmSignUp", {
      ClientId: client.ClientId,
      Username: username,
      ConfirmationCode: code,
      ...secretHashFor(client, username),
    }),
  );
  if ("error" in confirmed) return confirmPage(ctx, username, { error: confirmed.error });
  return loginPage(ctx, { info: "Your account is confirmed. Sign in to continue.", username });
};
