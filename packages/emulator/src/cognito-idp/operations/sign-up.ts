import type { SignUpCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { NotAuthorizedException } from "../../errors";
import { runTrigger, triggerAttributes } from "../../triggers/cognito";
import { AnalyticsMetadata, AttributeList, ClientId, operation, StringMap, Username } from "../operation";
import { requireClient, saveUser } from "../pools";
import { checkCompromisedPassword } from "../threat/protection";
import {
  blankUser,
  checkSecretHash,
  confirmationTarget,
  DAY_MS,
  deliverCode,
  insertUser,
  issueCode,
  markVerified,
  prepareNewUser,
  setPassword,
  toAttributeMap,
} from "../users";

const Request = z.object({
  ClientId,
  SecretHash: z.string().min(1).optional(),
  Username,
  Password: z.string().min(1).max(256),
  UserAttributes: AttributeList.optional(),
  ValidationData: AttributeList.optional(),
  ClientMetadata: StringMap.optional(),
  AnalyticsMetadata,
  UserContextData: z
    .object({ IpAddress: z.string().optional(), EncodedData: z.string().optional() })
    .optional(),
}) satisfies z.ZodType<SignUpCommandInput>;

export const SignUp = operation(Request, async (req, services) => {
  const { client, pool } = requireClient(services, req.ClientId);
  checkSecretHash(client, req.Username, req.SecretHash);
  if (pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly) {
    throw new NotAuthorizedException("SignUp is not permitted for this user pool");
  }
  const prepared = prepareNewUser(services, pool, req.Username, toAttributeMap(req.UserAttributes));
  const user = blankUser(services, pool, prepared, "UNCONFIRMED");
  checkCompromisedPassword(services, pool, client.ClientId, "SIGN_UP", req.Password);
  setPassword(pool, user, req.Password, { temporary: false, now: services.clock.now().getTime() });
  const response = await runTrigger(services, pool, "PreSignUp", {
    triggerSource: "PreSignUp_SignUp",
    userName: user.username,
    clientId: client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      validationData: toAttributeMap(req.ValidationData),
      clientMetadata: req.ClientMetadata ?? {},
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  });
  insertUser(services, pool, user);
  if (response?.autoConfirmUser === true) {
    user.status = "CONFIRMED";
    if (response.autoVerifyEmail === true && user.attributes.email)
      markVerified(services, pool, user, "email", true);
    if (response.autoVerifyPhone === true && user.attributes.phone_number) {
      markVerified(services, pool, user, "phone_number", true);
    }
    saveUser(services, pool, user);
    return { UserConfirmed: true, UserSub: user.sub };
  }
  const target = confirmationTarget(pool, user);
  if (target) {
    const code = issueCode(services, user, "signup", DAY_MS);
    await deliverCode(services, pool, user, {
      kind: "SignUp",
      medium: target.DeliveryMedium,
      code,
      clientId: client.ClientId,
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    });
  }
  return { UserConfirmed: false, UserSub: user.sub, ...(target ? { CodeDeliveryDetails: target } : {}) };
});
