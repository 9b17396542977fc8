import type { CreateIdentityProviderCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { DuplicateProviderException, InvalidParameterException } from "../../errors";
import type { IdentityProviderRecord } from "../../store/types";
import { operation, PoolId, StringMap } from "../operation";
import { requirePool } from "../pools";

export const ProviderName = z
  .string()
  .min(1)
  .max(32)
  .regex(
    /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u,
    "Member must satisfy regular expression pattern: [^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+",
  );
export const ProviderType = z.enum([
  "SAML",
  "Facebook",
  "Google",
  "LoginWithAmazon",
  "SignInWithApple",
  "OIDC",
]);

const Request = z.object({
  UserPoolId: PoolId,
  ProviderName,
  ProviderType,
  ProviderDetails: StringMap,
  AttributeMapping: StringMap.optional(),
  IdpIdentifiers: z.array(z.string().min(1).max(40)).max(50).optional(),
}) satisfies z.ZodType<CreateIdentityProviderCommandInput>;

const REQUIRED_DETAILS: Record<string, string[]> = {
  Google: ["client_id", "client_secret", "authorize_scopes"],
  Facebook: ["client_id", "client_secret", "authorize_scopes"],
  LoginWithAmazon: ["client_id", "client_secret", "authorize_scopes"],
  SignInWithApple: ["client_id", "team_id", "key_id", "private_key", "authorize_scopes"],
  OIDC: ["client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes"],
  SAML: [],
};

export const IdentityProviderCreate = Request;

export function checkProviderDetails(type: string, details: Record<string, string>): void {
  for (const key of REQUIRED_DETAILS[type] ?? []) {
    if (!details[key])
      throw new InvalidParameterException(`${key} is required for ${type} identity provider.`);
  }
  if (type === "SAML" && !details.MetadataURL && !details.MetadataFile) {
    throw new InvalidParameterException(
      "Either MetadataURL or MetadataFile is required for SAML identity provider.",
    );
  }
}

export const CreateIdentityProvider = operation(Request, (req, services) => {
  requirePool(services, req.UserPoolId);
  if (services.store.resources.get("idp", req.UserPoolId, req.ProviderName)) {
    throw new DuplicateProviderException(`A provider with the name ${req.ProviderName} already exists.`);
  }
  checkProviderDetails(req.ProviderType, req.ProviderDetails);
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const idp: IdentityProviderRecord = {
    UserPoolId: req.UserPoolId,
    ProviderName: req.ProviderName,
    ProviderType: req.ProviderType,
    ProviderDetails: req.ProviderDetails,
    AttributeMapping: req.AttributeMapping ?? { username: "sub" },
    IdpIdentifiers: req.IdpIdentifiers ?? [],
    CreationDate: now,
    LastModifiedDate: now,
  };
  services.store.resources.put("idp", req.UserPoolId, req.ProviderName, idp);
  return { IdentityProvider: idp };
});
