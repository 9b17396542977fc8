/**
 * Threat protection inside a sign-in: its verdict on a proven password, and the sign-in's auth
 * event, written once when the sign-in passes, fails or stops at a challenge.
 *
 * @module
 */
import type { UserRecord } from "../../store/types";
import type { Services } from "../services";
import {
  applyEventChange,
  assessSignIn,
  type EventChange,
  saveAuthEvent,
  updateSignInEvent,
} from "../threat/protection";
import type { AuthContext } from "./types";

/** Threat protection's verdict on a proven password: throws when blocked, else notes what it requires. */
export async function threatAssessment(
  services: Services,
  ctx: AuthContext,
  user: UserRecord,
  password?: string,
): Promise<void> {
  const assessment = await assessSignIn(services, ctx.pool, ctx.client.ClientId, user, ctx.signals, password);
  if (assessment.event) ctx.pendingEvent = assessment.event;
  ctx.risk = assessment.requirement;
}

/**
 * Writes the sign-in's event with `change`: the pending one in a single write (the common case: no
 * challenge), else the one a challenge session carried.
 */
export function settleEvent(services: Services, ctx: AuthContext, change: EventChange): void {
  const pending = ctx.pendingEvent;
  if (pending) {
    saveAuthEvent(services, applyEventChange(pending, change));
    ctx.eventId = pending.eventId;
    delete ctx.pendingEvent;
  } else {
    updateSignInEvent(services, ctx.eventId, change);
  }
}

/** A sign-in refused after threat protection assessed it is recorded as failed. */
export async function settledOnError<T>(
  services: Services,
  ctx: AuthContext,
  next: () => Promise<T>,
): Promise<T> {
  try {
    return await next();
  } catch (err) {
    if (ctx.pendingEvent) settleEvent(services, ctx, { response: "Fail" });
    throw err;
  }
}
