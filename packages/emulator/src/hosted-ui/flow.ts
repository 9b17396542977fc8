import { redirectWithCode } from "./complete";
import { OAuthError } from "./errors";
import type { PageContext } from "./pages";
import { href } from "./pages";
import { saveSession, signIn } from "./session";
import type { SignInStep } from "./sign-in";

/** The page that asks for each challenge of the user-pool core. */
export const CHALLENGE_PAGES: Record<string, string> = {
  SOFTWARE_TOKEN_MFA: "mfa",
  SMS_MFA: "mfa",
  EMAIL_OTP: "mfa",
  SELECT_MFA_TYPE: "selectMfa",
  MFA_SETUP: "mfaSetup",
  NEW_PASSWORD_REQUIRED: "newPassword",
};

/** After a sign-in step: signed in (session + code back to the client), or on to the challenge's page. */
export function continueSignIn(ctx: PageContext, step: SignInStep): Response {
  const { services, c, hd, req } = ctx;
  if (step.kind === "signed-in") {
    const next = signIn(services, c, hd, ctx.session, step.sub);
    return redirectWithCode(services, c, hd, req, {
      sub: step.sub,
      authTime: next.data.auth?.authTime ?? Math.floor(services.clock.now().getTime() / 1000),
    });
  }
  const pagePath = CHALLENGE_PAGES[step.pending.challenge];
  if (!pagePath) {
    throw new OAuthError(
      "invalid_request",
      `The ${step.pending.challenge} challenge is not supported by the hosted UI.`,
      {
        allowRedirect: false,
      },
    );
  }
  ctx.session.data.pending = step.pending;
  saveSession(services, ctx.session);
  return c.redirect(href(ctx, pagePath), 302);
}
