import type { AdminListUserAuthEventsCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import { requireThreatProtection, toWireEvent } from "../threat/events";
import type { AuthEventRecord } from "../threat/protection";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  MaxResults: z.number().int().min(0).max(60).optional(),
  NextToken: z.string().min(1).optional(),
}) satisfies z.ZodType<AdminListUserAuthEventsCommandInput>;

/** Paging by the last event's time and ID, so events recorded meanwhile never shift a page. */
function decodeCursor(token: string | undefined): { createdAt: number; eventId: string } | undefined {
  if (!token) return undefined;
  const m = /^e:(\d+):(.+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!m) throw new InvalidParameterException("Invalid pagination token.");
  return { createdAt: Number(m[1]), eventId: String(m[2]) };
}

export const AdminListUserAuthEvents = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  requireThreatProtection(pool);
  const user = requireUser(services, pool, req.Username);
  const limit = req.MaxResults && req.MaxResults > 0 ? req.MaxResults : 60;
  const cursor = decodeCursor(req.NextToken);
  const events = services.store.authEvents.list<AuthEventRecord>(pool.Id, user.sub, limit + 1, cursor);
  const page = events.slice(0, limit);
  const last = page[page.length - 1];
  return {
    AuthEvents: page.map(toWireEvent),
    ...(events.length > limit && last
      ? { NextToken: Buffer.from(`e:${last.createdAt}:${last.eventId}`).toString("base64url") }
      : {}),
  };
});
