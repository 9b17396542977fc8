/**
 * `aws_cognito_user_pool` and `aws_cognito_user_pool_client` arguments in the shapes of
 * CreateUserPool and CreateUserPoolClient.
 *
 * @module
 */
import type { ClientSettingsInput } from "../cognito-idp/client-settings";
import { type Args, block, bool, defined, list, num, str, strs } from "./terraform-args";

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

/** Terraform's `advanced_security_mode`, as the API spells it (anything unknown is OFF). */
function threatModeOf(value: unknown): "OFF" | "AUDIT" | "ENFORCED" {
  return value === "AUDIT" || value === "ENFORCED" ? value : "OFF";
}

/** `aws_cognito_user_pool` arguments in CreateUserPool's shape. */
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

export function clientInput(args: Args): ClientSettingsInput & { ClientName: string } {
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
