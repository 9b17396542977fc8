import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import { type ChallengeAnswers, type ChallengeContext, challengeGet, challengePost } from "../challenge-page";
import { field, form, h } from "../html";
import { href, render } from "../pages";

const CHALLENGES = ["SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP"];

/** What each code challenge's page says, and the answer it sends. */
const CODE_PAGES: Record<
  string,
  { title: string; label: string; hint: (to?: string) => string; answer: string }
> = {
  SMS_MFA: {
    title: "Enter the SMS code",
    label: "SMS code",
    hint: (to) => `We sent a code by text message${to ? ` to ${to}` : ""}.`,
    answer: "SMS_MFA_CODE",
  },
  EMAIL_OTP: {
    title: "Enter the code we emailed you",
    label: "Email code",
    hint: (to) => `We sent a code by email${to ? ` to ${to}` : ""}. It can take a minute to arrive.`,
    answer: "EMAIL_OTP_CODE",
  },
  SOFTWARE_TOKEN_MFA: {
    title: "Enter your authenticator code",
    label: "Authenticator code",
    hint: () => "Enter the 6-digit code from your authenticator app.",
    answer: "SOFTWARE_TOKEN_MFA_CODE",
  },
};
const pageOf = (ctx: ChallengeContext) => CODE_PAGES[ctx.pending.challenge] ?? CODE_PAGES.SOFTWARE_TOKEN_MFA;
const Code = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6,8}$/),
});

function mfaPage(ctx: ChallengeContext, error?: string): Response {
  const page = pageOf(ctx);
  const destination = ctx.pending.parameters.CODE_DELIVERY_DESTINATION;
  const body = form(
    href(ctx, "mfa"),
    ctx.session.data.csrf,
    field({
      name: "code",
      label: page?.label ?? "Code",
      autocomplete: "one-time-code",
      inputmode: "numeric",
      autofocus: true,
      hint: page?.hint(destination) ?? "",
    }),
    "Verify",
  );
  return render(ctx, { title: page?.title ?? "Enter your code", body, error });
}

/** `GET /mfa`: the TOTP, SMS or email code of a sign-in (SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP). */
export const mfaGet = (services: Services) => challengeGet(services, CHALLENGES, (ctx) => mfaPage(ctx));

/** `POST /mfa`. */
export const mfaPost = (services: Services) =>
  challengePost(
    services,
    CHALLENGES,
    async (ctx): Promise<ChallengeAnswers> => {
      const parsed = Code.safeParse(ctx.form);
      if (!parsed.success) return { error: "Enter the code: 6 digits." };
      return { ok: { [pageOf(ctx)?.answer ?? "SOFTWARE_TOKEN_MFA_CODE"]: parsed.data.code } };
    },
    mfaPage,
  );

export const selectMfaPage = (ctx: ChallengeContext, error?: string): Response => {
  let methods: string[] = [];
  try {
    const parsed = JSON.parse(ctx.pending.parameters.MFAS_CAN_CHOOSE ?? "[]") as unknown;
    if (Array.isArray(parsed)) methods = parsed.filter((m): m is string => typeof m === "string");
  } catch {
    methods = [];
  }
  const labels: Record<string, string> = {
    SMS_MFA: "Text message (SMS)",
    EMAIL_OTP: "Email",
    SOFTWARE_TOKEN_MFA: "Authenticator app",
  };
  const body = form(
    href(ctx, "selectMfa"),
    ctx.session.data.csrf,
    h`<fieldset><legend>How do you want to verify it is you?</legend>
${methods.map(
  (m, i) =>
    h`<div><input type="radio" id="mfa-${m}" name="mfa_type" value="${m}"${i === 0 ? h` checked autofocus` : ""}><label for="mfa-${m}" style="display:inline;font-weight:400"> ${labels[m] ?? m}</label></div>`,
)}
</fieldset>`,
    "Continue",
  );
  return render(ctx, { title: "Choose a verification method", body, error });
};

const Choice = z.object({ mfa_type: z.enum(["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]) });

/** `GET /selectMfa`: SELECT_MFA_TYPE. */
export const selectMfaGet = (services: Services) =>
  challengeGet(services, ["SELECT_MFA_TYPE"], (ctx) => selectMfaPage(ctx));

/** `POST /selectMfa`. */
export const selectMfaPost = (services: Services) =>
  challengePost(
    services,
    ["SELECT_MFA_TYPE"],
    async (ctx): Promise<ChallengeAnswers> => {
      const parsed = Choice.safeParse(ctx.form);
      if (!parsed.success) return { error: "Choose a verification method." };
      return { ok: { ANSWER: parsed.data.mfa_type } };
    },
    selectMfaPage,
  );
