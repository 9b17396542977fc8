import type { CreateUserPoolClientCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidOAuthFlowException, InvalidParameterException, ScopeDoesNotExistException } from "../errors";
import type { ClientRecord } from "../store/types";
import { STANDARD_ATTRIBUTES } from "./pools";
import type { Services } from "./services";

const Unit = z.enum(["seconds", "minutes", "hours", "days"]);

export const AUTH_FLOWS = [
  "ALLOW_USER_AUTH",
  "ALLOW_ADMIN_USER_PASSWORD_AUTH",
  "ALLOW_CUSTOM_AUTH",
  "ALLOW_USER_PASSWORD_AUTH",
  "ALLOW_USER_SRP_AUTH",
  "ALLOW_REFRESH_TOKEN_AUTH",
] as const;
const LEGACY_FLOWS = ["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"] as const;

/** Settings shared by CreateUserPoolClient and UpdateUserPoolClient (which replaces them all). */
export const ClientSettings = {
  RefreshTokenValidity: z.number().int().min(0).max(315360000).optional(),
  AccessTokenValidity: z.number().int().min(1).max(86400).optional(),
  IdTokenValidity: z.number().int().min(1).max(86400).optional(),
  TokenValidityUnits: z
    .object({ AccessToken: Unit.optional(), IdToken: Unit.optional(), RefreshToken: Unit.optional() })
    .optional(),
  ReadAttributes: z.array(z.string().min(1).max(2048)).optional(),
  WriteAttributes: z.array(z.string().min(1).max(2048)).optional(),
  ExplicitAuthFlows: z.array(z.enum([...AUTH_FLOWS, ...LEGACY_FLOWS])).optional(),
  SupportedIdentityProviders: z.array(z.string().min(1).max(32)).optional(),
  CallbackURLs: z.array(z.string().min(1).max(1024)).max(100).optional(),
  LogoutURLs: z.array(z.string().min(1).max(1024)).max(100).optional(),
  DefaultRedirectURI: z.string().min(1).max(1024).optional(),
  AllowedOAuthFlows: z
    .array(z.enum(["code", "implicit", "client_credentials"]))
    .max(3)
    .optional(),
  AllowedOAuthScopes: z.array(z.string().min(1).max(256)).max(50).optional(),
  AllowedOAuthFlowsUserPoolClient: z.boolean().optional(),
  AnalyticsConfiguration: z
    .object({
      ApplicationId: z.string().optional(),
      ApplicationArn: z.string().optional(),
      RoleArn: z.string().optional(),
      ExternalId: z.string().optional(),
      UserDataShared: z.boolean().optional(),
    })
    .optional(),
  PreventUserExistenceErrors: z.enum(["LEGACY", "ENABLED"]).optional(),
  EnableTokenRevocation: z.boolean().optional(),
  EnablePropagateAdditionalUserContextData: z.boolean().optional(),
  AuthSessionValidity: z.number().int().min(3).max(15).optional(),
  RefreshTokenRotation: z
    .object({
      Feature: z.enum(["ENABLED", "DISABLED"]),
      RetryGracePeriodSeconds: z.number().int().min(0).max(60).optional(),
    })
    .optional(),
} satisfies Partial<Record<keyof CreateUserPoolClientCommandInput, z.ZodType>>;

export type ClientSettingsInput = z.output<z.ZodObject<typeof ClientSettings>>;

const OIDC_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"];

function checkTokenValidity(
  value: number | undefined,
  unit: string | undefined,
  defaultUnit: string,
  min: number,
  max: number,
  what: string,
) {
  if (value === undefined) return;
  const seconds =
    value * ({ seconds: 1, minutes: 60, hours: 3600, days: 86400 }[unit ?? defaultUnit] ?? 3600);
  if (seconds < min || seconds > max) {
    throw new InvalidParameterException(`Invalid range for token validity: ${what}`);
  }
}

/**
 * ReadAttributes and WriteAttributes may name only attributes the pool has (standard ones, and
 * those of its schema); Cognito answers anything else with `Invalid read attributes specified
 * while creating a client` (or `... while updating a client`, `Invalid write attributes ...`).
 */
function checkClientAttributes(
  services: Services,
  client: ClientRecord,
  input: ClientSettingsInput,
  action: "creating" | "updating",
): void {
  const pool = services.store.resources.get("pool", client.UserPoolId ?? "", client.UserPoolId ?? "");
  const known = new Set<string>([
    ...STANDARD_ATTRIBUTES,
    ...(pool?.SchemaAttributes ?? []).map((a) => a.Name ?? ""),
  ]);
  for (const [kind, names] of [
    ["read", input.ReadAttributes],
    ["write", input.WriteAttributes],
  ] as const) {
    if ((names ?? []).some((n) => !known.has(n))) {
      throw new InvalidParameterException(`Invalid ${kind} attributes specified while ${action} a client`);
    }
  }
}

/** Validates the settings the way Cognito does, then writes them (all of them) onto the client record. */
export function applyClientSettings(
  services: Services,
  client: ClientRecord,
  input: ClientSettingsInput,
  action: "creating" | "updating" = "creating",
): void {
  checkClientAttributes(services, client, input, action);
  const flows = input.ExplicitAuthFlows;
  if (flows) {
    const legacy = flows.some((f) => (LEGACY_FLOWS as readonly string[]).includes(f));
    const modern = flows.some((f) => f.startsWith("ALLOW_"));
    if (legacy && modern) {
      throw new InvalidParameterException("ExplicitAuthFlows can't have both ALLOW_XXX and legacy values.");
    }
  }
  const units = input.TokenValidityUnits ?? {};
  checkTokenValidity(
    input.AccessTokenValidity,
    units.AccessToken,
    "hours",
    300,
    86400,
    "AccessTokenValidity",
  );
  checkTokenValidity(input.IdTokenValidity, units.IdToken, "hours", 300, 86400, "IdTokenValidity");
  if (input.RefreshTokenValidity) {
    checkTokenValidity(
      input.RefreshTokenValidity,
      units.RefreshToken,
      "days",
      3600,
      315360000,
      "RefreshTokenValidity",
    );
  }
  const oauthFlows = input.AllowedOAuthFlows ?? [];
  if (input.AllowedOAuthFlowsUserPoolClient) {
    if (oauthFlows.length === 0) throw new InvalidOAuthFlowException("AllowedOAuthFlows must be specified.");
    if (!input.AllowedOAuthScopes?.length)
      throw new InvalidOAuthFlowException("AllowedOAuthScopes must be specified.");
  }
  if (oauthFlows.includes("client_credentials")) {
    if (!client.ClientSecret) {
      throw new InvalidOAuthFlowException(
        "client_credentials flow can not be selected if client does not have a client secret.",
      );
    }
    if (oauthFlows.length > 1) {
      throw new InvalidOAuthFlowException(
        "client_credentials flow can not be selected along with code flow or implicit flow.",
      );
    }
  }
  const servers = services.store.resources.list("resource-server", client.UserPoolId);
  for (const scope of input.AllowedOAuthScopes ?? []) {
    if (OIDC_SCOPES.includes(scope)) continue;
    const known = servers.some((rs) =>
      (rs.Scopes ?? []).some((s) => `${rs.Identifier}/${s.ScopeName}` === scope),
    );
    if (!known) throw new ScopeDoesNotExistException(`Invalid scope requested: ${scope}`);
  }
  if (input.DefaultRedirectURI && !(input.CallbackURLs ?? []).includes(input.DefaultRedirectURI)) {
    throw new InvalidParameterException("DefaultRedirectURI should be one of the CallbackURLs.");
  }
  for (const url of [...(input.CallbackURLs ?? []), ...(input.LogoutURLs ?? [])]) {
    if (url.includes("#")) throw new InvalidParameterException(`Invalid URL, fragment not allowed: ${url}`);
  }

  client.RefreshTokenValidity = input.RefreshTokenValidity || 30;
  client.AccessTokenValidity = input.AccessTokenValidity;
  client.IdTokenValidity = input.IdTokenValidity;
  client.TokenValidityUnits = input.TokenValidityUnits;
  client.ReadAttributes = input.ReadAttributes;
  client.WriteAttributes = input.WriteAttributes;
  client.ExplicitAuthFlows = flows ?? [
    "ALLOW_REFRESH_TOKEN_AUTH",
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_CUSTOM_AUTH",
  ];
  client.SupportedIdentityProviders = input.SupportedIdentityProviders;
  client.CallbackURLs = input.CallbackURLs;
  client.LogoutURLs = input.LogoutURLs;
  client.DefaultRedirectURI = input.DefaultRedirectURI;
  client.AllowedOAuthFlows = input.AllowedOAuthFlows;
  client.AllowedOAuthScopes = input.AllowedOAuthScopes;
  client.AllowedOAuthFlowsUserPoolClient = input.AllowedOAuthFlowsUserPoolClient ?? false;
  client.AnalyticsConfiguration = input.AnalyticsConfiguration;
  client.PreventUserExistenceErrors = input.PreventUserExistenceErrors ?? "LEGACY";
  client.EnableTokenRevocation = input.EnableTokenRevocation ?? true;
  client.EnablePropagateAdditionalUserContextData = input.EnablePropagateAdditionalUserContextData ?? false;
  client.AuthSessionValidity = input.AuthSessionValidity ?? 3;
  client.RefreshTokenRotation = input.RefreshTokenRotation;
  // Drop undefined members so the record describes back like AWS (absent, not null).
  for (const key of Object.keys(client) as (keyof ClientRecord)[])
    if (client[key] === undefined) delete client[key];
}
