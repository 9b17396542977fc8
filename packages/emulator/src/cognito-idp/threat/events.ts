import { timingSafeEqual } from "node:crypto";
/**
 * Auth events on the wire (`AuthEventType`) and the feedback that tunes later risk.
 *
 * @module
 */
import type { AuthEventType as WireAuthEvent } from "@aws-sdk/client-cognito-identity-provider";
import {
  NotAuthorizedException,
  ResourceNotFoundException,
  UserPoolAddOnNotEnabledException,
} from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import type { Services } from "../services";
import { type AuthEventRecord, saveAuthEvent } from "./protection";
import { threatMode } from "./risk-config";

/** `AdminListUserAuthEvents` and feedback need threat protection on (Cognito's error otherwise). */
export function requireThreatProtection(pool: PoolRecord): void {
  if (threatMode(pool) === "OFF") {
    throw new UserPoolAddOnNotEnabledException(
      "Advanced security features are not enabled for this user pool.",
    );
  }
}

export function toWireEvent(
  e: AuthEventRecord,
): Omit<WireAuthEvent, "CreationDate"> & { CreationDate: number } {
  return {
    EventId: e.eventId,
    EventType: e.eventType,
    CreationDate: e.createdAt / 1000,
    EventResponse: e.response,
    EventRisk: {
      RiskDecision: e.risk.decision,
      RiskLevel: e.risk.level,
      CompromisedCredentialsDetected: e.risk.compromisedCredentialsDetected,
    },
    ChallengeResponses: e.challenges,
    EventContextData: {
      ...(e.context.ip ? { IpAddress: e.context.ip } : {}),
      DeviceName: e.context.deviceName,
      Timezone: e.context.timezone,
      City: e.context.city,
      Country: e.context.country,
    },
    ...(e.feedback
      ? {
          EventFeedback: {
            FeedbackValue: e.feedback.value,
            Provider: e.feedback.provider,
            FeedbackDate: e.feedback.date / 1000,
          },
        }
      : {}),
  } as Omit<WireAuthEvent, "CreationDate"> & { CreationDate: number };
}

/** The user's event `eventId` (ResourceNotFoundException otherwise, as Cognito answers). */
export function requireUserEvent(services: Services, user: UserRecord, eventId: string): AuthEventRecord {
  const event = services.store.authEvents.get<AuthEventRecord>(eventId);
  if (!event || event.poolId !== user.poolId || event.sub !== user.sub) {
    throw new ResourceNotFoundException("Auth event not found.");
  }
  return event;
}

function sameToken(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Records feedback on an event; "Invalid" makes its device and IP high-risk from now on. */
export function giveFeedback(
  services: Services,
  event: AuthEventRecord,
  value: "Valid" | "Invalid",
  provider: "Admin" | "User",
  feedbackToken?: string,
): void {
  if (provider === "User" && !sameToken(feedbackToken, event.feedbackToken)) {
    throw new NotAuthorizedException("Invalid feedback token.");
  }
  const next: AuthEventRecord = {
    ...event,
    feedback: { value, provider, date: services.clock.now().getTime() },
  };
  saveAuthEvent(services, next);
}
