import type { Hono } from "hono";
import { CognitoError } from "../../errors";
import { h } from "../../hosted-ui/html";
import { findOperation } from "../operations";
import type { Services } from "../services";

function page(title: string, message: string, status: 200 | 400) {
  return new Response(
    h`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p></main></body></html>`.toString(),
    { status, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}

/**
 * The one-click links of threat-protection notification emails (`{one-click-link-valid}`,
 * `{one-click-link-invalid}`): `GET /_feedback/<poolId>?username&event_id&token&value`, answered
 * through `UpdateAuthEventFeedback`, so the link does exactly what the API does.
 */
export function mountFeedbackLinks(app: Hono, services: Services): void {
  app.get("/_feedback/:poolId", async (c) => {
    const q = c.req.query();
    const value = q.value === "valid" ? "Valid" : q.value === "invalid" ? "Invalid" : undefined;
    const op = findOperation("UpdateAuthEventFeedback");
    if (!value || !op) return page("Feedback not recorded", "This link is incomplete.", 400);
    try {
      await op.handle(
        {
          UserPoolId: c.req.param("poolId"),
          Username: q.username ?? "",
          EventId: q.event_id ?? "",
          FeedbackToken: q.token ?? "",
          FeedbackValue: value,
        },
        services,
      );
    } catch (err) {
      if (err instanceof CognitoError) return page("Feedback not recorded", err.message, 400);
      throw err;
    }
    return page(
      "Thank you",
      value === "Valid"
        ? "We recorded that this sign-in was you."
        : "We recorded that this sign-in was not you. Change your password now.",
      200,
    );
  });
}
