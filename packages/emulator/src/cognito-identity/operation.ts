import { z } from "zod";
import type { Services } from "../cognito-idp/services";
import { InvalidParameterException } from "./errors";

/** One cognito-identity operation: its request schema and what it does with a valid request. */
export interface Operation {
  /** The request schema: the members this operation reads (the settings ledger checks them). */
  readonly schema: z.ZodType;
  readonly handle: (body: unknown, services: Services) => Promise<unknown>;
}

/** Builds an operation from its zod schema; anything invalid becomes `InvalidParameterException`. */
export function operation<S extends z.ZodType>(
  schema: S,
  handler: (req: z.output<S>, services: Services) => unknown | Promise<unknown>,
): Operation {
  return { schema, handle: async (body, services) => handler(parseRequest(schema, body), services) };
}

export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const parts = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join(".") || "request";
    return `Value at '${path.charAt(0).toLowerCase()}${path.slice(1)}' failed to satisfy constraint: ${issue.message}`;
  });
  const n = issues.length;
  throw new InvalidParameterException(
    `${n} validation error${n === 1 ? "" : "s"} detected: ${parts.join("; ")}`,
  );
}

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

export const PoolConfig = {
  IdentityPoolName,
  AllowUnauthenticatedIdentities: z.boolean(),
  AllowClassicFlow: z.boolean().optional(),
  SupportedLoginProviders: z.record(z.string(), z.string()).optional(),
  DeveloperProviderName: z.string().min(1).max(128).optional(),
  OpenIdConnectProviderARNs: z.array(z.string()).optional(),
  CognitoIdentityProviders,
  SamlProviderARNs: z.array(z.string()).optional(),
  IdentityPoolTags: z.record(z.string(), z.string()).optional(),
};
