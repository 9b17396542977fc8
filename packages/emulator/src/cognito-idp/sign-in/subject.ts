/**
 * Who is signing in: the user a flow names (hiding non-existence when the client asks for it), the
 * user a challenge session belongs to, and the client's `SECRET_HASH` for that username.
 *
 * @module
 */
import { InvalidParameterException, NotAuthorizedException, UserNotFoundException } from "../../errors";
import type { UserRecord } from "../../store/types";
import { findUser } from "../pools";
import type { Services } from "../services";
import { checkSecretHash, preventsUserExistenceErrors } from "../users";
import { migrateUser } from "../users/migrate";
import { unknownUserFailure } from "./lockout";
import type { AuthContext, AuthSession } from "./types";

/**
 * The client's secret hash for `username`. The hosted UI's steps carry none: its client proves
 * itself when it redeems the authorization code.
 */
export function requireSecretHash(ctx: AuthContext, username: string, given: string | undefined): void {
  if (ctx.channel === "hosted-ui") return;
  checkSecretHash(ctx.client, username, given);
}

/** Looks up the user signing in; hides non-existence when the client prevents user-existence errors. */
export function userForSignIn(services: Services, ctx: AuthContext, username: string): UserRecord {
  const user = findUser(services, ctx.pool, username);
  if (!user) {
    if (preventsUserExistenceErrors(ctx.client)) unknownUserFailure(services, ctx, username);
    throw new UserNotFoundException("User does not exist.");
  }
  return user;
}

/**
 * The user of a password sign-in: as `userForSignIn`, but a user the pool does not have is first
 * asked for from the migration trigger, with the password given. The trigger's refusal is the
 * user not being found, hidden like any unknown user where the client prevents existence errors.
 */
export async function userForPasswordSignIn(
  services: Services,
  ctx: AuthContext,
  username: string,
  password: string,
): Promise<UserRecord> {
  if (!findUser(services, ctx.pool, username)) {
    try {
      const migrated = await migrateUser(services, {
        pool: ctx.pool,
        client: ctx.client,
        username,
        password,
        ...(ctx.clientMetadata
          ? { clientMetadata: ctx.clientMetadata, validationData: ctx.clientMetadata }
          : {}),
      });
      if (migrated) return migrated;
    } catch (err) {
      if (err instanceof UserNotFoundException && preventsUserExistenceErrors(ctx.client)) {
        unknownUserFailure(services, ctx, username);
      }
      throw err;
    }
  }
  return userForSignIn(services, ctx, username);
}

/** The user a challenge session is for, checked against the answer's `USERNAME` and `SECRET_HASH`. */
export function sessionUser(
  services: Services,
  ctx: AuthContext,
  session: AuthSession,
  responses: Record<string, string>,
): UserRecord {
  const user = services.store.users.getBySub(ctx.pool.Id, session.sub);
  if (!user) throw new NotAuthorizedException("Invalid session for the user.");
  const username = responses.USERNAME;
  if (!username) throw new InvalidParameterException("Missing required parameter USERNAME");
  // The session's own username needs no lookup (it is what findUser would match first).
  if (username !== user.username) {
    const named = findUser(services, ctx.pool, username);
    if (!named || named.sub !== user.sub) throw new NotAuthorizedException("Invalid session for the user.");
  }
  requireSecretHash(ctx, username, responses.SECRET_HASH);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  return user;
}
