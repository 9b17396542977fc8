import type { UpdateAuthEventFeedbackCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { NotAuthorizedException } from "../../errors";
import { operation, PoolId, Username } from "../operation";
import { findUser, requirePool } from "../pools";
import { giveFeedback, requireThreatProtection, requireUserEvent } from "../threat/events";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  EventId: z.string().min(1).max(50),
  FeedbackToken: z.string().min(1),
  FeedbackValue: z.enum(["Valid", "Invalid"]),
}) satisfies z.ZodType<UpdateAuthEventFeedbackCommandInput>;

/** The notification email's one-click links: no credentials, the event's feedback token instead. */
export const UpdateAuthEventFeedback = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  requireThreatProtection(pool);
  const user = findUser(services, pool, req.Username);
  if (!user) throw new NotAuthorizedException("Invalid feedback token.");
  giveFeedback(
    services,
    requireUserEvent(services, user, req.EventId),
    req.FeedbackValue,
    "User",
    req.FeedbackToken,
  );
  return {};
});
