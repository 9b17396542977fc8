import type { Context } from "hono";
import type { Services } from "../cognito-idp/services";
import { NotAuthorizedException } from "../errors";
import type { HostedDomain } from "./domain";
import { loginPage } from "./endpoints/login";
import { continueSignIn } from "./flow";
import { attempt, href, openPage, type PageContext, postPage } from "./pages";
import { type PendingChallenge, saveSession } from "./session";
import { answerChallenge, browserSignals } from "./sign-in";

export type ChallengeContext = PageContext & { pending: PendingChallenge };

/** What a challenge form yields: the ChallengeResponses to send, or an error to show on the page. */
export type ChallengeAnswers = { ok: Record<string, string> } | { error: string };

/** The sign-in waiting on one of `challenges` in this browser session, if any. */
function pendingOf(ctx: PageContext, challenges: string[]): PendingChallenge | undefined {
  const pending = ctx.session.data.pending;
  if (!pending || pending.clientId !== ctx.req.client.ClientId || !challenges.includes(pending.challenge)) {
    return undefined;
  }
  return pending;
}

/** GET of a challenge page; without a matching pending sign-in the browser goes back to `/login`. */
export function challengeGet(
  services: Services,
  challenges: string[],
  render: (ctx: ChallengeContext) => Response | Promise<Response>,
) {
  return (c: Context, hd: HostedDomain): Response | Promise<Response> => {
    const ctx = openPage(services, c, hd);
    const pending = pendingOf(ctx, challenges);
    if (!pending) return c.redirect(href(ctx, "login"), 302);
    return render({ ...ctx, pending });
  };
}

/**
 * POST of a challenge page: `answers` builds the ChallengeResponses from the form (or returns an
 * error to show); the core's answer continues the sign-in, a wrong code shows the page again, and
 * an ended challenge session starts over at the sign-in page.
 */
export function challengePost(
  services: Services,
  challenges: string[],
  answers: (ctx: ChallengeContext & { form: Record<string, string> }) => Promise<ChallengeAnswers>,
  render: (ctx: ChallengeContext, error: string) => Response | Promise<Response>,
) {
  return async (c: Context, hd: HostedDomain): Promise<Response> => {
    const base = await postPage(services, c, hd);
    const pending = pendingOf(base, challenges);
    if (!pending) return c.redirect(href(base, "login"), 302);
    const ctx = { ...base, pending };
    const given = await answers(ctx);
    if ("error" in given) return render(ctx, given.error);
    const result = await attempt(() =>
      answerChallenge(
        services,
        hd.pool,
        ctx.req.client,
        pending,
        given.ok,
        browserSignals(c, ctx.req.client),
      ),
    );
    if ("ok" in result) return continueSignIn(ctx, result.ok);
    if (result.cause instanceof NotAuthorizedException) {
      delete ctx.session.data.pending;
      saveSession(services, ctx.session);
      return loginPage(ctx, { error: `${result.error} Please sign in again.` });
    }
    return render(ctx, result.error);
  };
}
