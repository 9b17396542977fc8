import "server-only";
import {
  AdminListUserAuthEventsCommand,
  AdminResetUserPasswordCommand,
  AdminUpdateAuthEventFeedbackCommand,
  AdminUserGlobalSignOutCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { env } from "~/env";
import { cognito } from "./cognito";
import type { UserPoolAdminApi } from "./security-activity";
import { idTokenClaims } from "./token-store";

/** How many events one page of the Security activity page shows (Cognito allows up to 60). */
export const EVENTS_PER_PAGE = 20;

/** The pool ID, the last segment of the issuer (`https://cognito-idp.{region}.amazonaws.com/{poolId}`). */
export function userPoolIdOf(issuer: string): string {
  const id = new URL(issuer).pathname.replace(/\/$/, "").split("/").pop() ?? "";
  if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(id)) throw new TypeError(`Not a user pool issuer: ${issuer}`);
  return id;
}

const UserPoolId = userPoolIdOf(env.COGNITO_ISSUER);

/**
 * The user-pool admin operations of the Security activity page, signed with the web server's own
 * AWS credentials (its role on AWS needs cognito-idp:AdminListUserAuthEvents,
 * AdminUpdateAuthEventFeedback, AdminUserGlobalSignOut and AdminResetUserPassword on the pool;
 * locally the emulator accepts the stack's local keys).
 */
export const userPoolAdmin: UserPoolAdminApi = {
  async listAuthEvents(username, nextToken) {
    const res = await cognito.send(
      new AdminListUserAuthEventsCommand({
        UserPoolId,
        Username: username,
        MaxResults: EVENTS_PER_PAGE,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
    return { events: res.AuthEvents ?? [], ...(res.NextToken ? { nextToken: res.NextToken } : {}) };
  },
  async updateAuthEventFeedback(username, eventId, value) {
    await cognito.send(
      new AdminUpdateAuthEventFeedbackCommand({
        UserPoolId,
        Username: username,
        EventId: eventId,
        FeedbackValue: value,
      }),
    );
  },
  async globalSignOut(username) {
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username: username }));
  },
  async resetPassword(username) {
    await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId, Username: username }));
  },
};

/**
 * The Cognito username of a session's user (`cognito:username` of the ID token issued at sign-in;
 * next-auth's own user ID is not Cognito's). Undefined when the account has no ID token.
 */
export async function cognitoUsernameOf(userId: string): Promise<string | undefined> {
  const claims = await idTokenClaims(userId);
  const username = claims["cognito:username"];
  return typeof username === "string" && username ? username : undefined;
}
