import type { GetUserAttributeVerificationCodeCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import { operation, StringMap, Token } from "../operation";
import { maskDestination } from "../pools";
import { authenticateAccessToken } from "../tokens";
import { DAY_MS, deliverCode, issueCode } from "../users";

const Request = z.object({
  AccessToken: Token,
  AttributeName: z.string().min(1).max(32),
  ClientMetadata: StringMap.optional(),
}) satisfies z.ZodType<GetUserAttributeVerificationCodeCommandInput>;

export const GetUserAttributeVerificationCode = operation(Request, async (req, services) => {
  const { pool, user, claims } = authenticateAccessToken(services, req.AccessToken);
  const name = req.AttributeName;
  if (name !== "email" && name !== "phone_number") {
    throw new InvalidParameterException("Only email and phone_number attributes can be verified.");
  }
  // A change waiting for verification gets the code at its new value.
  const value = user.pendingAttributes?.[name] ?? user.attributes[name];
  if (!value) throw new InvalidParameterException(`User does not have a ${name} attribute.`);
  const code = issueCode(services, user, `verify:${name}`, DAY_MS);
  const medium = name === "email" ? "EMAIL" : "SMS";
  await deliverCode(
    services,
    pool,
    { ...user, attributes: { ...user.attributes, [name]: value } },
    {
      kind: "VerifyUserAttribute",
      medium,
      code,
      clientId: claims.client_id,
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    },
  );
  return {
    CodeDeliveryDetails: { Destination: maskDestination(value), DeliveryMedium: medium, AttributeName: name },
  };
});
