/**
 * The user migration trigger (`LambdaConfig.UserMigration`): a user the pool does not have, met at
 * sign-in with a password (`UserMigration_Authentication`) or in ForgotPassword
 * (`UserMigration_ForgotPassword`), is asked for from the function, and created from its answer
 * (Amazon Cognito Developer Guide, "Migrate user Lambda trigger"):
 * - `userAttributes` (required) become the user's attributes;
 * - `finalUserStatus` `CONFIRMED` (the default at sign-in) keeps the password the user signed in
 *   with; `RESET_REQUIRED` makes them reset it; a user migrated in ForgotPassword has no password
 *   and is `RESET_REQUIRED`;
 * - `messageAction: "SUPPRESS"` sends no welcome message, else one goes out by
 *   `desiredDeliveryMediums` (default SMS);
 * - `forceAliasCreation` takes a verified email or phone alias from another user;
 * - `enableSMSMFA` turns SMS MFA on.
 * SRP sign-ins never reach it (the password is not sent); neither do passwordless ones.
 *
 * @module
 */
import { UserLambdaValidationException, UserNotFoundException } from "../../errors";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/types";
import { runTrigger, triggerArn } from "../../triggers/cognito";
import type { Services } from "../services";
import { markVerified } from "./attributes";
import { blankUser, insertUser, prepareNewUser } from "./new-user";
import { setPassword } from "./password";

export interface MigrationRequest {
  pool: PoolRecord;
  client: ClientRecord;
  username: string;
  /** The password signed in with; absent in ForgotPassword. */
  password?: string;
  clientMetadata?: Record<string, string>;
  validationData?: Record<string, string>;
}

const STATUSES = new Set(["CONFIRMED", "RESET_REQUIRED"]);

/** The migrated user, or undefined when the pool has no migration trigger. */
export async function migrateUser(
  services: Services,
  req: MigrationRequest,
): Promise<UserRecord | undefined> {
  const { pool, client } = req;
  if (!triggerArn(pool, "UserMigration")) return undefined;
  const forgot = req.password === undefined;
  let response: Record<string, unknown> | undefined;
  try {
    response = await runTrigger(services, pool, "UserMigration", {
      triggerSource: forgot ? "UserMigration_ForgotPassword" : "UserMigration_Authentication",
      userName: req.username,
      clientId: client.ClientId,
      request: {
        ...(forgot ? {} : { password: req.password }),
        validationData: req.validationData ?? {},
        clientMetadata: req.clientMetadata ?? {},
      },
      response: {
        userAttributes: null,
        finalUserStatus: null,
        messageAction: null,
        desiredDeliveryMediums: null,
        forceAliasCreation: null,
        enableSMSMFA: null,
      },
    });
  } catch (err) {
    // The function refused the user: as Cognito, the user is not found (its message kept).
    if (err instanceof UserLambdaValidationException) {
      throw new UserNotFoundException(err.message, { cause: err });
    }
    throw err;
  }
  const unusable = () =>
    new UserNotFoundException(`Exception migrating user in app client ${client.ClientId}`);
  const attributes = response?.userAttributes;
  if (typeof attributes !== "object" || attributes === null || Object.keys(attributes).length === 0) {
    throw unusable();
  }
  const status = response?.finalUserStatus ?? (forgot ? "RESET_REQUIRED" : "CONFIRMED");
  if (typeof status !== "string" || !STATUSES.has(status)) throw unusable();
  const values = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, String(v)]));
  let user: UserRecord;
  try {
    const prepared = prepareNewUser(services, pool, req.username, values);
    user = blankUser(services, pool, prepared, forgot ? "RESET_REQUIRED" : (status as UserRecord["status"]));
    if (req.password !== undefined) {
      // The password the old directory accepted, kept as it is (the pool's policy is for new ones).
      setPassword(pool, user, req.password, {
        temporary: false,
        now: services.clock.now().getTime(),
        skipPolicy: true,
      });
    }
    const force = response?.forceAliasCreation === true;
    for (const attribute of ["email", "phone_number"] as const) {
      if (user.attributes[`${attribute}_verified`] === "true")
        markVerified(services, pool, user, attribute, force);
    }
    if (response?.enableSMSMFA === true && user.attributes.phone_number) user.mfa.smsEnabled = true;
  } catch (err) {
    if (err instanceof UserNotFoundException) throw err;
    throw new UserNotFoundException(`Exception migrating user in app client ${client.ClientId}`, {
      cause: err,
    });
  }
  insertUser(services, pool, user);
  if (response?.messageAction !== "SUPPRESS") {
    welcome(services, pool, user, req.username, response?.desiredDeliveryMediums);
  }
  return user;
}

/**
 * The welcome message of a migrated user. AWS documents that one is sent (unless `SUPPRESS`) but
 * not its text; the emulator's names the username, in the invitation template's subject.
 */
function welcome(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  username: string,
  mediums: unknown,
): void {
  const wanted = Array.isArray(mediums) && mediums.length > 0 ? mediums : ["SMS"];
  for (const medium of wanted) {
    const recipient = medium === "EMAIL" ? user.attributes.email : user.attributes.phone_number;
    if (!recipient || (medium !== "EMAIL" && medium !== "SMS")) continue;
    services.store.outbox.add({
      createdAt: services.clock.now().getTime(),
      poolId: pool.Id,
      medium,
      recipient,
      subject:
        medium === "EMAIL"
          ? (pool.AdminCreateUserConfig?.InviteMessageTemplate?.EmailSubject ?? "Welcome")
          : null,
      body: `Your account has moved. Your username is ${username}.`,
      kind: "UserMigration",
    });
  }
}
