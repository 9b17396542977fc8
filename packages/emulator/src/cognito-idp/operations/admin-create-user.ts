import type { AdminCreateUserCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { UnsupportedUserStateException, UserNotFoundException } from "../../errors";
import type { PoolRecord, UserRecord } from "../../store/types";
import { NO_CLIENT, runTrigger, triggerAttributes } from "../../triggers/cognito";
import { newTemporaryPassword } from "../ids";
import { AttributeList, operation, PoolId, StringMap, Username } from "../operation";
import { findUser, requirePool, saveUser } from "../pools";
import type { Services } from "../services";
import {
  blankUser,
  deliverCode,
  insertUser,
  prepareNewUser,
  setPassword,
  toAttributeMap,
  userType,
} from "../users";

const Request = z.object({
  UserPoolId: PoolId,
  Username,
  UserAttributes: AttributeList.optional(),
  ValidationData: AttributeList.optional(),
  TemporaryPassword: z.string().min(1).max(256).optional(),
  ForceAliasCreation: z.boolean().optional(),
  MessageAction: z.enum(["RESEND", "SUPPRESS"]).optional(),
  DesiredDeliveryMediums: z.array(z.enum(["SMS", "EMAIL"])).optional(),
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<AdminCreateUserCommandInput>;

async function sendInvitation(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  password: string,
  mediums: ("SMS" | "EMAIL")[] | undefined,
  username: string,
  clientMetadata: Record<string, string> | undefined,
) {
  const wanted = mediums ?? (user.attributes.email ? ["EMAIL"] : ["SMS"]);
  for (const medium of wanted) {
    await deliverCode(services, pool, user, {
      kind: "AdminCreateUser",
      medium,
      code: password,
      username,
      ...(clientMetadata ? { clientMetadata } : {}),
    });
  }
}

export const AdminCreateUser = operation(Request, async (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const now = services.clock.now().getTime();
  if (req.MessageAction === "RESEND") {
    const existing = findUser(services, pool, req.Username);
    if (!existing) throw new UserNotFoundException("User does not exist.");
    if (existing.status !== "FORCE_CHANGE_PASSWORD") {
      throw new UnsupportedUserStateException(
        "Resend not possible. User status is not FORCE_CHANGE_PASSWORD.",
      );
    }
    const password =
      req.TemporaryPassword ?? newTemporaryPassword(pool.Policies?.PasswordPolicy?.MinimumLength ?? 8);
    setPassword(pool, existing, password, { temporary: true, now });
    saveUser(services, pool, existing);
    await sendInvitation(
      services,
      pool,
      existing,
      password,
      req.DesiredDeliveryMediums,
      req.Username,
      req.ClientMetadata,
    );
    return { User: userType(existing) };
  }
  const prepared = prepareNewUser(services, pool, req.Username, toAttributeMap(req.UserAttributes));
  const user = blankUser(services, pool, prepared, "FORCE_CHANGE_PASSWORD");
  const password =
    req.TemporaryPassword ?? newTemporaryPassword(pool.Policies?.PasswordPolicy?.MinimumLength ?? 8);
  setPassword(pool, user, password, { temporary: true, now });
  await runTrigger(services, pool, "PreSignUp", {
    triggerSource: "PreSignUp_AdminCreateUser",
    userName: user.username,
    clientId: NO_CLIENT,
    request: {
      userAttributes: triggerAttributes(user),
      validationData: toAttributeMap(req.ValidationData),
      clientMetadata: req.ClientMetadata ?? {},
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  });
  insertUser(services, pool, user);
  if (req.MessageAction !== "SUPPRESS") {
    await sendInvitation(
      services,
      pool,
      user,
      password,
      req.DesiredDeliveryMediums,
      req.Username,
      req.ClientMetadata,
    );
  }
  return { User: userType(user) };
});
