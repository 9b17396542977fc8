import { z } from "zod";
import { type AwsJsonOperation, operationKit } from "../aws-json";
import type { Services } from "../cognito-idp/services";
import { InvalidParameterException } from "./errors";

/** One cognito-identity operation: its request schema and what it does with a valid request. */
export type Operation = AwsJsonOperation<Services>;

/** Builds an operation from its zod schema; anything invalid becomes `InvalidParameterException`. */
export const { operation, parseRequest } = operationKit<Services>((m) => new InvalidParameterException(m));

export const IdentityPoolId = z
  .string()
  .min(1)
  .max(55)
  .regex(/^[\w-]+:[0-9a-f-]+$/, "Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+");
export const IdentityId = IdentityPoolId;
export const IdentityPoolName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w\s+=,.@-]+$/, "Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+");
export const Logins = z.record(z.string().min(1).max(128), z.string().min(1).max(50000)).optional();
export const RoleArn = z.string().min(20).max(2048);

export const CognitoIdentityProviders = z
  .array(
    z.object({
      ProviderName: z
        .string()
        .min(1)
        .max(128)
        .regex(/^[\w._:/-]+$/),
      ClientId: z
        .string()
        .min(1)
        .max(128)
        .regex(/^[\w_]+$/),
      ServerSideTokenCheck: z.boolean().optional(),
    }),
  )
  .optional();

/** An identity provider's name in `SupportedLoginProviders` or `Logins` (`graph.facebook.com`, ...). */
export const ProviderName = z.string().min(1).max(128);
/** The developer provider: letters, digits, `.`, `_` and `-`. */
export const DeveloperProviderName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w._-]+$/, "Member must satisfy regular expression pattern: [\\w._-]+");
const ArnString = z.string().min(20).max(2048);

export const SupportedLoginProviders = z
  .record(
    ProviderName,
    z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\w.;_/-]+$/, "Member must satisfy regular expression pattern: [\\w.;_/-]+"),
  )
  .refine((m) => Object.keys(m).length <= 10, "Member must have length less than or equal to 10")
  .optional();

export const PoolConfig = {
  IdentityPoolName,
  AllowUnauthenticatedIdentities: z.boolean(),
  AllowClassicFlow: z.boolean().optional(),
  SupportedLoginProviders,
  DeveloperProviderName: DeveloperProviderName.optional(),
  OpenIdConnectProviderARNs: z.array(ArnString).optional(),
  CognitoIdentityProviders,
  SamlProviderARNs: z.array(ArnString).optional(),
  IdentityPoolTags: z.record(z.string(), z.string()).optional(),
};
