import type { AdminUpdateAuthEventFeedbackCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import { giveFeedback, requireThreatProtection, requireUserEvent } from "../threat/events";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  EventId: z.string().min(1).max(50),
  FeedbackValue: z.enum(["Valid", "Invalid"]),
}) satisfies z.ZodType<AdminUpdateAuthEventFeedbackCommandInput>;

export const AdminUpdateAuthEventFeedback = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  requireThreatProtection(pool);
  const user = requireUser(services, pool, req.Username);
  giveFeedback(services, requireUserEvent(services, user, req.EventId), req.FeedbackValue, "Admin");
  return {};
});
