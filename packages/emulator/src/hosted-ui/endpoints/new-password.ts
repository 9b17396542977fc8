import type { Services } from "../../cognito-idp/services";
import { type ChallengeAnswers, type ChallengeContext, challengeGet, challengePost } from "../challenge-page";
import { field, form, h } from "../html";
import { href, passwordPolicyHint, render } from "../pages";

/** Attributes the pool requires that the user does not have yet (`requiredAttributes` of the challenge). */
function requiredAttributes(ctx: ChallengeContext): string[] {
  try {
    const parsed = JSON.parse(ctx.pending.parameters.requiredAttributes ?? "[]") as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((a): a is string => typeof a === "string")
      .map((a) => a.replace(/^userAttributes\./, ""))
      .filter((a) => /^[\w:]{1,64}$/.test(a));
  } catch {
    return [];
  }
}

function newPasswordPage(ctx: ChallengeContext, error?: string): Response {
  const body = h`<p>You must change your temporary password before you continue.</p>
${form(
  href(ctx, "newPassword"),
  ctx.session.data.csrf,
  h`${field({ name: "new_password", label: "New password", type: "password", autocomplete: "new-password", autofocus: true, hint: passwordPolicyHint(ctx.hd.pool) })}
${field({ name: "confirm_password", label: "Confirm new password", type: "password", autocomplete: "new-password" })}
${requiredAttributes(ctx).map((a) => field({ name: `attr_${a}`, label: a, type: a === "email" ? "email" : "text" }))}`,
  "Change password",
)}`;
  return render(ctx, { title: "Change your password", body, error });
}

/** `GET /newPassword`: NEW_PASSWORD_REQUIRED (first sign-in with a temporary password). */
export const newPasswordGet = (services: Services) =>
  challengeGet(services, ["NEW_PASSWORD_REQUIRED"], (ctx) => newPasswordPage(ctx));

/** `POST /newPassword`. */
export const newPasswordPost = (services: Services) =>
  challengePost(
    services,
    ["NEW_PASSWORD_REQUIRED"],
    async (ctx): Promise<ChallengeAnswers> => {
      const password = ctx.form.new_password ?? "";
      if (!password) return { error: "Enter a new password." };
      if (password !== ctx.form.confirm_password) return { error: "The passwords do not match." };
      const answers: Record<string, string> = { NEW_PASSWORD: password };
      for (const name of requiredAttributes(ctx)) {
        const value = ctx.form[`attr_${name}`];
        if (value) answers[`userAttributes.${name}`] = value;
      }
      return { ok: answers };
    },
    newPasswordPage,
  );
