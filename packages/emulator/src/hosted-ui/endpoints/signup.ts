import type { Context } from "hono";
import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import type { PoolRecord } from "../../store/types";
import type { HostedDomain } from "../domain";
import { continueSignIn } from "../flow";
import { field, form, h, links } from "../html";
import { callOperation, secretHashFor } from "../operations";
import { attempt, href, openPage, type PageContext, passwordPolicyHint, postPage, render } from "../pages";
import { browserSignals, passwordSignIn } from "../sign-in";

const SignedUp = z.object({ UserConfirmed: z.boolean(), UserSub: z.string() });

interface SignUpField {
  name: string;
  label: string;
  type: "text" | "email" | "tel";
  autocomplete?: string;
}

const LABELS: Record<string, string> = {
  email: "Email",
  phone_number: "Phone number",
  name: "Name",
  given_name: "Given name",
  family_name: "Family name",
  preferred_username: "Preferred username",
  birthdate: "Birthdate",
};

/** The fields of the sign-up form: how users are named in this pool, then its other required attributes. */
function signUpFields(pool: PoolRecord): { username: SignUpField; attributes: SignUpField[] } {
  const usernameAttrs = pool.UsernameAttributes ?? [];
  const attributes: SignUpField[] = [];
  let username: SignUpField;
  if (usernameAttrs.includes("email")) {
    username = { name: "email", label: "Email", type: "email", autocomplete: "email" };
  } else if (usernameAttrs.includes("phone_number")) {
    username = { name: "phone_number", label: "Phone number", type: "tel", autocomplete: "tel" };
  } else {
    username = { name: "username", label: "Username", type: "text", autocomplete: "username" };
  }
  const wanted = new Set<string>();
  const emailMatters =
    (pool.AutoVerifiedAttributes ?? []).includes("email") || (pool.AliasAttributes ?? []).includes("email");
  if (emailMatters) wanted.add("email");
  for (const a of pool.SchemaAttributes ?? [])
    if (a.Required && a.Name && a.Name !== "sub") wanted.add(a.Name);
  wanted.delete(username.name);
  for (const name of wanted) {
    attributes.push({
      name,
      label: LABELS[name] ?? name,
      type: name === "email" ? "email" : name === "phone_number" ? "tel" : "text",
      ...(name === "email" ? { autocomplete: "email" } : {}),
    });
  }
  return { username, attributes };
}

function signUpPage(ctx: PageContext, error?: string, values: Record<string, string> = {}): Response {
  const { username, attributes } = signUpFields(ctx.hd.pool);
  const body = h`${form(
    href(ctx, "signup"),
    ctx.session.data.csrf,
    h`${field({ ...username, value: values[username.name], autofocus: true })}
${attributes.map((a) => field({ ...a, name: `attr_${a.name}`, value: values[`attr_${a.name}`] }))}
${field({ name: "password", label: "Password", type: "password", autocomplete: "new-password", hint: passwordPolicyHint(ctx.hd.pool) })}`,
    "Sign up",
  )}
${links([{ href: href(ctx, "login"), text: "Already have an account? Sign in" }])}`;
  return render(ctx, { title: "Sign up", body, error });
}

/** `GET /signup`. */
export const signUpGet = (services: Services) => (c: Context, hd: HostedDomain) =>
  signUpPage(openPage(services, c, hd));

/** `POST /signup`: SignUp through the core (policy, triggers, code delivery), then confirm or sign in. */
export const signUpPost = (services: Services) => async (c: Context, hd: HostedDomain) => {
  const ctx = await postPage(services, c, hd);
  const { username, attributes } = signUpFields(hd.pool);
  const name = (ctx.form[username.name] ?? "").trim();
  const password = ctx.form.password ?? "";
  const { password: _omit, _csrf, ...kept } = ctx.form;
  if (!name || !password)
    return signUpPage(ctx, `Enter your ${username.label.toLowerCase()} and a password.`, kept);
  const userAttributes = [
    ...(username.name === "username" ? [] : [{ Name: username.name, Value: name }]),
    ...attributes
      .map((a) => ({ Name: a.name, Value: (ctx.form[`attr_${a.name}`] ?? "").trim() }))
      .filter((a) => a.Value.length > 0),
  ];
  const result = await attempt(async () =>
    SignedUp.parse(
      await callOperation(services, "SignUp", {
        ClientId: ctx.req.client.ClientId,
        Username: name,
        Password: password,
        UserAttributes: userAttributes,
        ...secretHashFor(ctx.req.client, name),
      }),
    ),
  );
  if ("error" in result) return signUpPage(ctx, result.error, kept);
  if (!result.ok.UserConfirmed) return c.redirect(href(ctx, "confirm", { username: name }), 302);
  const signedIn = await attempt(() =>
    passwordSignIn(services, hd.pool, ctx.req.client, name, password, browserSignals(c, ctx.req.client)),
  );
  if ("error" in signedIn) return c.redirect(href(ctx, "login"), 302);
  return continueSignIn(ctx, signedIn.ok);
};
