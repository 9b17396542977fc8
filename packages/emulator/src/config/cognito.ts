import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { applyClientSettings, type ClientSettingsInput } from "../cognito-idp/client-settings";
import { parseRequest } from "../cognito-idp/operation";
import {
  applySettings,
  buildSchema,
  CreatePoolSchema,
  type PoolInternals,
} from "../cognito-idp/pool-settings";
import { poolArn } from "../cognito-idp/pools";
import type { Services } from "../cognito-idp/services";
import { putRiskConfiguration, RiskSettings } from "../cognito-idp/threat/risk-config";
import { ensureSigningKeys } from "../cognito-idp/tokens";
import { FeatureUnavailableInTierException } from "../errors";
import type {
  ClientRecord,
  DomainRecord,
  GroupRecord,
  IdentityProviderRecord,
  PoolRecord,
  ResourceServerRecord,
} from "../store/types";
import { type AttributeResolver, resolveReferences, type TerraformStack } from "./terraform";

/** Resource types this loader turns into user-pool state. */
export const COGNITO_RESOURCE_TYPES = [
  "aws_cognito_user_pool",
  "aws_cognito_user_pool_client",
  "aws_cognito_user_group",
  "aws_cognito_resource_server",
  "aws_cognito_user_pool_domain",
  "aws_cognito_identity_provider",
  "aws_cognito_risk_configuration",
] as const;

type Args = Record<string, unknown>;

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic characters from a seed: the same resource gets the same local ID on every start. */
function stableString(seed: string, alphabet: string, length: number): string {
  let out = "";
  let counter = 0;
  while (out.length < length) {
    const digest = createHash("sha256").update(`${seed}:${counter++}`).digest();
    for (const byte of digest) {
      if (out.length === length) break;
      // Rejection sampling keeps the characters uniform.
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A block that Terraform JSON may give as an object or a one-element list. */
function block(value: unknown): Args | undefined {
  if (Array.isArray(value)) return block(value[0]);
  return value !== null && typeof value === "object" ? (value as Args) : undefined;
}
const list = (value: unknown): Args[] =>
  Array.isArray(value)
    ? (value.filter((v) => v && typeof v === "object") as Args[])
    : value
      ? [value as Args]
      : [];
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);
const bool = (v: unknown): boolean | undefined =>
  typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : undefined;
const num = (v: unknown): number | undefined =>
  v === undefined || v === null || v === "" ? undefined : Number(v);
const defined = <T extends Args>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const LAMBDA_KEYS: Record<string, string> = {
  pre_sign_up: "PreSignUp",
  post_confirmation: "PostConfirmation",
  custom_message: "CustomMessage",
  pre_authentication: "PreAuthentication",
  post_authentication: "PostAuthentication",
  pre_token_generation: "PreTokenGeneration",
  define_auth_challenge: "DefineAuthChallenge",
  create_auth_challenge: "CreateAuthChallenge",
  verify_auth_challenge_response: "VerifyAuthChallengeResponse",
  user_migration: "UserMigration",
};

/** `aws_cognito_user_pool` arguments in CreateUserPool's shape. */
function notifyEmail(value: unknown) {
  const e = block(value);
  return e
    ? defined({ Subject: String(e.subject ?? ""), HtmlBody: str(e.html_body), TextBody: str(e.text_body) })
    : undefined;
}

function takeoverAction(value: unknown) {
  const a = block(value);
  return a ? { EventAction: String(a.event_action), Notify: bool(a.notify) ?? false } : undefined;
}

/** `aws_cognito_risk_configuration` arguments in SetRiskConfiguration's shape, validated by its schema. */
export function riskSettingsFromTerraform(args: Args): RiskSettings {
  const takeover = block(args.account_takeover_risk_configuration);
  const notify = block(takeover?.notify_configuration);
  const actions = block(takeover?.actions);
  const compromised = block(args.compromised_credentials_risk_configuration);
  const exceptions = block(args.risk_exception_configuration);
  return RiskSettings.parse(
    defined({
      AccountTakeoverRiskConfiguration: takeover
        ? defined({
            NotifyConfiguration: notify
              ? defined({
                  From: str(notify.from),
                  ReplyTo: str(notify.reply_to),
                  SourceArn: String(notify.source_arn ?? ""),
                  BlockEmail: notifyEmail(notify.block_email),
                  MfaEmail: notifyEmail(notify.mfa_email),
                  NoActionEmail: notifyEmail(notify.no_action_email),
                })
              : undefined,
            Actions: defined({
              LowAction: takeoverAction(actions?.low_action),
              MediumAction: takeoverAction(actions?.medium_action),
              HighAction: takeoverAction(actions?.high_action),
            }),
          })
        : undefined,
      CompromisedCredentialsRiskConfiguration: compromised
        ? defined({
            EventFilter: strs(compromised.event_filter),
            Actions: { EventAction: String(block(compromised.actions)?.event_action ?? "NO_ACTION") },
          })
        : undefined,
      RiskExceptionConfiguration: exceptions
        ? defined({
            BlockedIPRangeList: strs(exceptions.blocked_ip_range_list),
            SkippedIPRangeList: strs(exceptions.skipped_ip_range_list),
          })
        : undefined,
    }),
  );
}

/** Terraform's `advanced_security_mode`, as the API spells it (anything unknown is OFF). */
function threatModeOf(value: unknown): "OFF" | "AUDIT" | "ENFORCED" {
  return value === "AUDIT" || value === "ENFORCED" ? value : "OFF";
}

export function poolInput(args: Args) {
  const addOns = block(args.user_pool_add_ons);
  const pp = block(args.password_policy);
  const lambda = block(args.lambda_config) ?? {};
  const lambdaConfig: Args = {};
  for (const [tf, sdk] of Object.entries(LAMBDA_KEYS)) if (str(lambda[tf])) lambdaConfig[sdk] = lambda[tf];
  const ptg = block(lambda.pre_token_generation_config);
  if (ptg && str(ptg.lambda_arn)) {
    lambdaConfig.PreTokenGenerationConfig = {
      LambdaArn: ptg.lambda_arn,
      LambdaVersion: str(ptg.lambda_version) ?? "V1_0",
    };
  }
  const invite = block(block(args.admin_create_user_config)?.invite_message_template);
  const vmt = block(args.verification_message_template);
  const sms = block(args.sms_configuration);
  const recovery = list(block(args.account_recovery_setting)?.recovery_mechanism);
  return defined({
    PoolName: str(args.name) ?? "pool",
    Policies: pp
      ? {
          PasswordPolicy: defined({
            MinimumLength: num(pp.minimum_length),
            RequireUppercase: bool(pp.require_uppercase),
            RequireLowercase: bool(pp.require_lowercase),
            RequireNumbers: bool(pp.require_numbers),
            RequireSymbols: bool(pp.require_symbols),
            TemporaryPasswordValidityDays: num(pp.temporary_password_validity_days),
            PasswordHistorySize: num(pp.password_history_size),
          }),
        }
      : undefined,
    DeletionProtection: str(args.deletion_protection),
    LambdaConfig: lambdaConfig,
    AutoVerifiedAttributes: strs(args.auto_verified_attributes),
    AliasAttributes: strs(args.alias_attributes),
    UsernameAttributes: strs(args.username_attributes),
    SmsAuthenticationMessage: str(args.sms_authentication_message),
    VerificationMessageTemplate: vmt
      ? defined({
          DefaultEmailOption: str(vmt.default_email_option),
          EmailMessage: str(vmt.email_message),
          EmailSubject: str(vmt.email_subject),
          SmsMessage: str(vmt.sms_message),
          EmailMessageByLink: str(vmt.email_message_by_link),
          EmailSubjectByLink: str(vmt.email_subject_by_link),
        })
      : undefined,
    EmailVerificationMessage: str(args.email_verification_message),
    EmailVerificationSubject: str(args.email_verification_subject),
    SmsVerificationMessage: str(args.sms_verification_message),
    MfaConfiguration: str(args.mfa_configuration),
    SmsConfiguration: sms
      ? defined({
          SnsCallerArn: str(sms.sns_caller_arn) ?? "",
          ExternalId: str(sms.external_id),
          SnsRegion: str(sms.sns_region),
        })
      : undefined,
    UserPoolTags: (block(args.tags) as Record<string, string> | undefined) ?? undefined,
    AdminCreateUserConfig: defined({
      AllowAdminCreateUserOnly: bool(block(args.admin_create_user_config)?.allow_admin_create_user_only),
      InviteMessageTemplate: invite
        ? defined({
            EmailMessage: str(invite.email_message),
            EmailSubject: str(invite.email_subject),
            SMSMessage: str(invite.sms_message),
          })
        : undefined,
    }),
    AccountRecoverySetting:
      recovery.length > 0
        ? {
            RecoveryMechanisms: recovery.map((m) => ({ Name: String(m.name), Priority: Number(m.priority) })),
          }
        : undefined,
    UsernameConfiguration: block(args.username_configuration)
      ? { CaseSensitive: bool(block(args.username_configuration)?.case_sensitive) ?? true }
      : undefined,
    UserAttributeUpdateSettings: block(args.user_attribute_update_settings)
      ? {
          AttributesRequireVerificationBeforeUpdate:
            strs(block(args.user_attribute_update_settings)?.attributes_require_verification_before_update) ??
            [],
        }
      : undefined,
    UserPoolTier: str(args.user_pool_tier),
    ...(addOns
      ? { UserPoolAddOns: { AdvancedSecurityMode: threatModeOf(addOns.advanced_security_mode) } }
      : {}),
    Schema: list(args.schema).map((s) =>
      defined({
        Name: String(s.name),
        AttributeDataType: str(s.attribute_data_type),
        DeveloperOnlyAttribute: bool(s.developer_only_attribute),
        Mutable: bool(s.mutable),
        Required: bool(s.required),
        StringAttributeConstraints: block(s.string_attribute_constraints)
          ? defined({
              MinLength: str(String(block(s.string_attribute_constraints)?.min_length ?? "")),
              MaxLength: str(String(block(s.string_attribute_constraints)?.max_length ?? "")),
            })
          : undefined,
        NumberAttributeConstraints: block(s.number_attribute_constraints)
          ? defined({
              MinValue: str(String(block(s.number_attribute_constraints)?.min_value ?? "")),
              MaxValue: str(String(block(s.number_attribute_constraints)?.max_value ?? "")),
            })
          : undefined,
      }),
    ),
  });
}

function clientInput(args: Args): ClientSettingsInput & { ClientName: string } {
  const units = block(args.token_validity_units);
  return defined({
    ClientName: str(args.name) ?? "client",
    RefreshTokenValidity: num(args.refresh_token_validity),
    AccessTokenValidity: num(args.access_token_validity),
    IdTokenValidity: num(args.id_token_validity),
    TokenValidityUnits: units
      ? defined({
          AccessToken: str(units.access_token),
          IdToken: str(units.id_token),
          RefreshToken: str(units.refresh_token),
        })
      : undefined,
    ReadAttributes: strs(args.read_attributes),
    WriteAttributes: strs(args.write_attributes),
    ExplicitAuthFlows: strs(args.explicit_auth_flows),
    SupportedIdentityProviders: strs(args.supported_identity_providers),
    CallbackURLs: strs(args.callback_urls),
    LogoutURLs: strs(args.logout_urls),
    DefaultRedirectURI: str(args.default_redirect_uri),
    AllowedOAuthFlows: strs(args.allowed_oauth_flows),
    AllowedOAuthScopes: strs(args.allowed_oauth_scopes),
    AllowedOAuthFlowsUserPoolClient: bool(args.allowed_oauth_flows_user_pool_client),
    PreventUserExistenceErrors: str(args.prevent_user_existence_errors),
    EnableTokenRevocation: bool(args.enable_token_revocation),
    EnablePropagateAdditionalUserContextData: bool(args.enable_propagate_additional_user_context_data),
    AuthSessionValidity: num(args.auth_session_validity),
  }) as ClientSettingsInput & { ClientName: string };
}

const ClientSchema = z.object({ ClientName: z.string().min(1) }).passthrough();

export interface CognitoLoadResult {
  /** Resolves `${aws_cognito_*.x.attr}` (and Lambda / IAM ARNs) to local values. */
  resolve: AttributeResolver;
  pools: { resource: string; id: string; name: string }[];
  clients: { resource: string; id: string; name: string; secret?: string }[];
}

/**
 * Builds the stack's user pools, app clients, groups, resource servers, domains and identity
 * providers in the store. IDs derive from the resource addresses, so they are the same on every
 * start; users and their tokens stay where they are. Client secrets derive from a random seed kept
 * in the store, so they too survive restarts.
 */
export function loadCognitoFromTerraform(services: Services, stack: TerraformStack): CognitoLoadResult {
  const { store } = services;
  let seed = store.getMeta("infra-seed");
  if (!seed) {
    seed = randomBytes(32).toString("hex");
    store.setMeta("infra-seed", seed);
  }
  const r = (type: string) => stack.resources[type] ?? {};
  const poolIds = new Map<string, string>();
  const clientIds = new Map<string, { id: string; secret?: string }>();
  for (const name of Object.keys(r("aws_cognito_user_pool"))) {
    poolIds.set(name, `${services.region}_${stableString(`pool:${name}`, ALNUM, 9)}`);
  }
  for (const [name, args] of Object.entries(r("aws_cognito_user_pool_client"))) {
    clientIds.set(name, {
      id: stableString(`client:${name}`, LOWER_ALNUM, 26),
      ...(bool(args.generate_secret)
        ? { secret: stableString(`secret:${seed}:${name}`, LOWER_ALNUM, 51) }
        : {}),
    });
  }

  const resolve: AttributeResolver = (type, name, attr) => {
    const args = r(type)[name];
    if (!args) return undefined;
    switch (type) {
      case "aws_cognito_user_pool": {
        const id = poolIds.get(name);
        if (!id) return undefined;
        if (attr === "id") return id;
        if (attr === "arn") return poolArn(services, id);
        if (attr === "endpoint") return `cognito-idp.${services.region}.amazonaws.com/${id}`;
        break;
      }
      case "aws_cognito_user_pool_client": {
        const c = clientIds.get(name);
        if (attr === "id") return c?.id;
        if (attr === "client_secret") return c?.secret ?? "";
        break;
      }
      case "aws_lambda_function":
        if (attr === "arn" || attr === "qualified_arn") {
          return `arn:aws:lambda:${services.region}:${services.accountId}:function:${String(args.function_name)}`;
        }
        if (attr === "invoke_arn") {
          return `arn:aws:apigateway:${services.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${services.region}:${services.accountId}:function:${String(args.function_name)}/invocations`;
        }
        break;
      case "aws_iam_role":
        if (attr === "arn") return `arn:aws:iam::${services.accountId}:role/${String(args.name ?? name)}`;
        break;
    }
    const literal = args[attr];
    return typeof literal === "string" || typeof literal === "number" ? String(literal) : undefined;
  };
  // References the emulator does not model stay as written rather than failing the load.
  const lenient: AttributeResolver = (type, name, attr) =>
    resolve(type, name, attr) ?? `\${${type}.${name}.${attr}}`;
  const now = Math.floor(services.clock.now().getTime() / 1000);
  const result: CognitoLoadResult = { resolve, pools: [], clients: [] };

  store.transaction(() => {
    for (const [name, raw] of Object.entries(r("aws_cognito_user_pool"))) {
      const args = resolveReferences(raw, lenient);
      const id = poolIds.get(name) as string;
      const input = parseRequest(CreatePoolSchema, poolInput(args));
      const existing = store.getResource<PoolRecord>("pool", id, id);
      const pool: PoolRecord & PoolInternals = {
        ...(existing ?? {}),
        Id: id,
        Name: input.PoolName,
        Arn: poolArn(services, id),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
        SchemaAttributes: buildSchema(input.Schema),
        ...(input.AliasAttributes ? { AliasAttributes: input.AliasAttributes } : {}),
        ...(input.UsernameAttributes ? { UsernameAttributes: input.UsernameAttributes } : {}),
        ...(input.UsernameConfiguration ? { UsernameConfiguration: input.UsernameConfiguration } : {}),
      };
      try {
        applySettings(pool, input);
      } catch (err) {
        if (!(err instanceof FeatureUnavailableInTierException)) throw err;
        throw new FeatureUnavailableInTierException(
          `aws_cognito_user_pool.${name} (user_pool_tier ${pool.UserPoolTier}): ${err.message}. Set user_pool_tier to a plan that includes them.`,
          { cause: err },
        );
      }
      pool.SoftwareTokenMfaEnabled = bool(block(args.software_token_mfa_configuration)?.enabled) ?? false;
      store.putResource("pool", id, id, pool);
      ensureSigningKeys(services, id);
      result.pools.push({ resource: name, id, name: pool.Name });
    }
    const poolOf = (args: Args) => {
      const id = str(args.user_pool_id);
      return id && store.getResource<PoolRecord>("pool", id, id) ? id : undefined;
    };
    for (const [name, raw] of Object.entries(r("aws_cognito_resource_server"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const server: ResourceServerRecord = {
        UserPoolId: poolId,
        Identifier: String(args.identifier),
        Name: String(args.name ?? args.identifier),
        Scopes: list(args.scope).map((s) => ({
          ScopeName: String(s.scope_name),
          ScopeDescription: String(s.scope_description),
        })),
      };
      store.putResource("resource-server", poolId, server.Identifier, server);
      void name;
    }
    for (const [name, raw] of Object.entries(r("aws_cognito_identity_provider"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const idp: IdentityProviderRecord = {
        UserPoolId: poolId,
        ProviderName: String(args.provider_name),
        ProviderType: String(args.provider_type) as IdentityProviderRecord["ProviderType"],
        ProviderDetails: (block(args.provider_details) as Record<string, string>) ?? {},
        AttributeMapping: (block(args.attribute_mapping) as Record<string, string>) ?? { username: "sub" },
        IdpIdentifiers: strs(args.idp_identifiers) ?? [],
        CreationDate: now,
        LastModifiedDate: now,
      };
      store.putResource("idp", poolId, idp.ProviderName, idp);
      void name;
    }
    for (const [name, raw] of Object.entries(r("aws_cognito_user_pool_client"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const ids = clientIds.get(name) as { id: string; secret?: string };
      const input = clientInput(args);
      ClientSchema.parse(input);
      const existing = store.getResource<ClientRecord>("client", poolId, ids.id);
      const client: ClientRecord = {
        UserPoolId: poolId,
        ClientName: input.ClientName,
        ClientId: ids.id,
        ...(ids.secret ? { ClientSecret: ids.secret } : {}),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
      };
      applyClientSettings(services, client, input);
      store.putResource("client", poolId, ids.id, client);
      result.clients.push({
        resource: name,
        id: ids.id,
        name: client.ClientName,
        ...(ids.secret ? { secret: ids.secret } : {}),
      });
    }
    for (const raw of Object.values(r("aws_cognito_user_group"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const existing = store.getResource<GroupRecord>("group", poolId, String(args.name));
      const group: GroupRecord = defined({
        GroupName: String(args.name),
        UserPoolId: poolId,
        Description: str(args.description),
        RoleArn: str(args.role_arn)?.startsWith("arn:") ? str(args.role_arn) : undefined,
        Precedence: num(args.precedence),
        CreationDate: existing?.CreationDate ?? now,
        LastModifiedDate: now,
      });
      store.putResource("group", poolId, group.GroupName, group);
    }
    for (const raw of Object.values(r("aws_cognito_user_pool_domain"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const domain: DomainRecord = {
        UserPoolId: poolId,
        Domain: String(args.domain),
        ManagedLoginVersion: num(args.managed_login_version) ?? 1,
        CreationDate: now,
        ...(str(args.certificate_arn)
          ? { CustomDomainConfig: { CertificateArn: str(args.certificate_arn) as string } }
          : {}),
      };
      // One domain per pool: drop a domain an earlier version of the stack gave this pool.
      for (const old of store.listResources<DomainRecord>("domain", poolId)) {
        if (old.Domain !== domain.Domain) store.deleteResource("domain", poolId, old.Domain);
      }
      store.putResource("domain", poolId, domain.Domain, domain);
      const stored = store.getResource<PoolRecord>("pool", poolId, poolId);
      if (stored) {
        const pool = structuredClone(stored);
        pool[domain.CustomDomainConfig ? "CustomDomain" : "Domain"] = domain.Domain;
        store.putResource("pool", poolId, poolId, pool);
      }
    }
    for (const raw of Object.values(r("aws_cognito_risk_configuration"))) {
      const args = resolveReferences(raw, lenient);
      const poolId = poolOf(args);
      if (!poolId) continue;
      const clientId = str(args.client_id);
      putRiskConfiguration(services, {
        ...riskSettingsFromTerraform(args),
        UserPoolId: poolId,
        ...(clientId && !clientId.startsWith("${") ? { ClientId: clientId } : {}),
        LastModifiedDate: now,
      });
    }
  });
  return result;
}
