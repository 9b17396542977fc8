import type { SetIdentityPoolRolesCommandInput } from "@aws-sdk/client-cognito-identity";
import { z } from "zod";
import { InvalidParameterException } from "../errors";
import { requireIdentityPool } from "../identities";
import { IdentityPoolId, operation, RoleArn } from "../operation";
import { identityStoreOf } from "../store";

const RoleMapping = z
  .object({
    Type: z.enum(["Token", "Rules"]),
    AmbiguousRoleResolution: z.enum(["AuthenticatedRole", "Deny"]).optional(),
    RulesConfiguration: z
      .object({
        Rules: z
          .array(
            z.object({
              Claim: z.string().min(1).max(64),
              MatchType: z.enum(["Equals", "Contains", "StartsWith", "NotEqual"]),
              Value: z.string().min(1).max(128),
              RoleARN: RoleArn,
            }),
          )
          .min(1)
          .max(25),
      })
      .optional(),
  })
  .refine((m) => m.Type !== "Rules" || m.RulesConfiguration !== undefined, {
    message: "RulesConfiguration is required for Rules mappings",
  });

const Request = z.object({
  IdentityPoolId,
  Roles: z.partialRecord(z.enum(["authenticated", "unauthenticated"]), RoleArn),
  RoleMappings: z.record(z.string().min(1).max(128), RoleMapping).optional(),
}) satisfies z.ZodType<SetIdentityPoolRolesCommandInput>;

export const SetIdentityPoolRoles = operation(Request, (req, services) => {
  const { pool } = requireIdentityPool(services, req.IdentityPoolId);
  for (const [key, mapping] of Object.entries(req.RoleMappings ?? {})) {
    if (mapping.Type === "Token" || mapping.Type === "Rules") {
      if (!mapping.AmbiguousRoleResolution) {
        throw new InvalidParameterException(
          `AmbiguousRoleResolution must be set for the role mapping of ${key}.`,
        );
      }
    }
  }
  identityStoreOf(services.store).putPool(pool, {
    Roles: Object.fromEntries(
      Object.entries(req.Roles).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    RoleMappings: { ...(req.RoleMappings ?? {}) },
  });
  return {};
});
