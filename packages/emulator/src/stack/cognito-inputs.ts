/**
 * `aws_cognito_user_pool`, `aws_cognito_user_pool_client` and `aws_cognito_risk_configuration`
 * arguments in the shapes of CreateUserPool, CreateUserPoolClient and SetRiskConfiguration.
 *
 * @module
 */
import type { ClientSettingsInput } from "../cognito-idp/client-settings";
import { RiskSettings } from "../cognito-idp/threat/risk-config";
import type { RiskConfigurationArgs, UserPoolArgs, UserPoolClientArgs } from "./schema-cognito";

/** Drops the keys whose value is undefined. */
const defined = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const LAMBDA_KEYS = {
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
} as const;

/** Terraform's `advanced_security_mode`, as the API spells it (anything unknown is OFF). */
function threatModeOf(value: unknown): "OFF" | "AUDIT" | "ENFORCED" {
  return value === "AUDIT" || value === "ENFORCED" ? value : "OFF";
}

/** A schema constraint bound as the API takes it: text, absent when empty. */
const bound = (v: string | number | undefined) => (v === undefined || v === "" ? undefined : String(v));

/** `aws_cognito_user_pool` arguments in CreateUserPool's shape. */
export function poolInput(args: UserPoolArgs) {
  const lambda: Partial<NonNullable<UserPoolArgs["lambda_config"]>> = args.lambda_config ?? {};
  const lambdaConfig: Record<string, unknown> = {};
  for (const [tf, sdk] of Object.entries(LAMBDA_KEYS)) {
    const arn = lambda[tf as keyof typeof LAMBDA_KEYS];
    if (arn) lambdaConfig[sdk] = arn;
  }
  for (const [tf, sdk] of [
    ["custom_email_sender", "CustomEmailSender"],
    ["custom_sms_sender", "CustomSMSSender"],
  ] as const) {
    const sender = lambda[tf];
    if (sender)
      lambdaConfig[sdk] = defined({ LambdaArn: sender.lambda_arn, LambdaVersion: sender.lambda_version });
  }
  if (lambda.kms_key_id) lambdaConfig.KMSKeyID = lambda.kms_key_id;
  const ptg = lambda.pre_token_generation_config;
  if (ptg?.lambda_arn) {
    lambdaConfig.PreTokenGenerationConfig = {
      LambdaArn: ptg.lambda_arn,
      LambdaVersion: ptg.lambda_version ?? "V1_0",
    };
  }
  const pp = args.password_policy;
  const invite = args.admin_create_user_config?.invite_message_template;
  const vmt = args.verification_message_template;
  const sms = args.sms_configuration;
  const recovery = args.account_recovery_setting?.recovery_mechanism ?? [];
  const email = args.email_configuration;
  const signInPolicy = args.sign_in_policy
    ? { SignInPolicy: { AllowedFirstAuthFactors: args.sign_in_policy.allowed_first_auth_factors } }
    : {};
  return defined({
    PoolName: args.name ?? "pool",
    Policies:
      pp || args.sign_in_policy
        ? {
            ...signInPolicy,
            ...(pp
              ? {
                  PasswordPolicy: defined({
                    MinimumLength: pp.minimum_length,
                    RequireUppercase: pp.require_uppercase,
                    RequireLowercase: pp.require_lowercase,
                    RequireNumbers: pp.require_numbers,
                    RequireSymbols: pp.require_symbols,
                    TemporaryPasswordValidityDays: pp.temporary_password_validity_days,
                    PasswordHistorySize: pp.password_history_size,
                  }),
                }
              : {}),
          }
        : undefined,
    DeletionProtection: args.deletion_protection,
    LambdaConfig: lambdaConfig,
    AutoVerifiedAttributes: args.auto_verified_attributes,
    AliasAttributes: args.alias_attributes,
    UsernameAttributes: args.username_attributes,
    SmsAuthenticationMessage: args.sms_authentication_message,
    VerificationMessageTemplate: vmt
      ? defined({
          DefaultEmailOption: vmt.default_email_option,
          EmailMessage: vmt.email_message,
          EmailSubject: vmt.email_subject,
          SmsMessage: vmt.sms_message,
          EmailMessageByLink: vmt.email_message_by_link,
          EmailSubjectByLink: vmt.email_subject_by_link,
        })
      : undefined,
    EmailVerificationMessage: args.email_verification_message,
    EmailVerificationSubject: args.email_verification_subject,
    SmsVerificationMessage: args.sms_verification_message,
    MfaConfiguration: args.mfa_configuration,
    SmsConfiguration: sms
      ? defined({
          SnsCallerArn: sms.sns_caller_arn ?? "",
          ExternalId: sms.external_id,
          SnsRegion: sms.sns_region,
        })
      : undefined,
    UserPoolTags: args.tags,
    AdminCreateUserConfig: defined({
      AllowAdminCreateUserOnly: args.admin_create_user_config?.allow_admin_create_user_only,
      InviteMessageTemplate: invite
        ? defined({
            EmailMessage: invite.email_message,
            EmailSubject: invite.email_subject,
            SMSMessage: invite.sms_message,
          })
        : undefined,
    }),
    AccountRecoverySetting:
      recovery.length > 0
        ? { RecoveryMechanisms: recovery.map((m) => ({ Name: m.name, Priority: Number(m.priority) })) }
        : undefined,
    UsernameConfiguration: args.username_configuration
      ? { CaseSensitive: args.username_configuration.case_sensitive ?? true }
      : undefined,
    UserAttributeUpdateSettings: args.user_attribute_update_settings
      ? {
          AttributesRequireVerificationBeforeUpdate:
            args.user_attribute_update_settings.attributes_require_verification_before_update ?? [],
        }
      : undefined,
    UserPoolTier: args.user_pool_tier,
    EmailConfiguration: email
      ? defined({
          EmailSendingAccount: email.email_sending_account,
          SourceArn: email.source_arn,
          From: email.from_email_address,
          ReplyToEmailAddress: email.reply_to_email_address,
          ConfigurationSet: email.configuration_set,
        })
      : undefined,
    DeviceConfiguration: args.device_configuration
      ? defined({
          ChallengeRequiredOnNewDevice: args.device_configuration.challenge_required_on_new_device,
          DeviceOnlyRememberedOnUserPrompt: args.device_configuration.device_only_remembered_on_user_prompt,
        })
      : undefined,
    ...(args.user_pool_add_ons
      ? {
          UserPoolAddOns: {
            AdvancedSecurityMode: threatModeOf(args.user_pool_add_ons.advanced_security_mode),
          },
        }
      : {}),
    Schema: (args.schema.length > 0 ? args.schema : undefined)?.map((s) =>
      defined({
        Name: s.name,
        AttributeDataType: s.attribute_data_type,
        DeveloperOnlyAttribute: s.developer_only_attribute,
        Mutable: s.mutable,
        Required: s.required,
        StringAttributeConstraints: s.string_attribute_constraints
          ? defined({
              MinLength: bound(s.string_attribute_constraints.min_length as string | number | undefined),
              MaxLength: bound(s.string_attribute_constraints.max_length as string | number | undefined),
            })
          : undefined,
        NumberAttributeConstraints: s.number_attribute_constraints
          ? defined({
              MinValue: bound(s.number_attribute_constraints.min_value as string | number | undefined),
              MaxValue: bound(s.number_attribute_constraints.max_value as string | number | undefined),
            })
          : undefined,
      }),
    ),
  });
}

/** `aws_cognito_user_pool_client` arguments in CreateUserPoolClient's shape. */
export function clientInput(args: UserPoolClientArgs): ClientSettingsInput & { ClientName: string } {
  const units = args.token_validity_units;
  return defined({
    ClientName: args.name ?? "client",
    RefreshTokenValidity: args.refresh_token_validity,
    AccessTokenValidity: args.access_token_validity,
    IdTokenValidity: args.id_token_validity,
    TokenValidityUnits: units
      ? defined({
          AccessToken: units.access_token,
          IdToken: units.id_token,
          RefreshToken: units.refresh_token,
        })
      : undefined,
    ReadAttributes: args.read_attributes,
    WriteAttributes: args.write_attributes,
    ExplicitAuthFlows: args.explicit_auth_flows,
    SupportedIdentityProviders: args.supported_identity_providers,
    CallbackURLs: args.callback_urls,
    LogoutURLs: args.logout_urls,
    DefaultRedirectURI: args.default_redirect_uri,
    AllowedOAuthFlows: args.allowed_oauth_flows,
    AllowedOAuthScopes: args.allowed_oauth_scopes,
    AllowedOAuthFlowsUserPoolClient: args.allowed_oauth_flows_user_pool_client,
    PreventUserExistenceErrors: args.prevent_user_existence_errors,
    EnableTokenRevocation: args.enable_token_revocation,
    EnablePropagateAdditionalUserContextData: args.enable_propagate_additional_user_context_data,
    AuthSessionValidity: args.auth_session_validity,
    RefreshTokenRotation: args.refresh_token_rotation
      ? defined({
          Feature: args.refresh_token_rotation.feature,
          RetryGracePeriodSeconds: args.refresh_token_rotation.retry_grace_period_seconds,
        })
      : undefined,
    AnalyticsConfiguration: args.analytics_configuration
      ? defined({
          ApplicationArn: args.analytics_configuration.application_arn,
          ApplicationId: args.analytics_configuration.application_id,
          ExternalId: args.analytics_configuration.external_id,
          RoleArn: args.analytics_configuration.role_arn,
          UserDataShared: args.analytics_configuration.user_data_shared,
        })
      : undefined,
  }) as ClientSettingsInput & { ClientName: string };
}

/**
 * The pool's MFA settings that Terraform keeps on `aws_cognito_user_pool` and the API sets with
 * SetUserPoolMfaConfig (email MFA, passkeys), in that operation's shape.
 */
export function poolMfaInput(args: UserPoolArgs): Record<string, unknown> {
  const emailMfa = args.email_mfa_configuration;
  const webAuthn = args.web_authn_configuration;
  return defined({
    EmailMfaConfiguration: emailMfa
      ? defined({ Message: emailMfa.message, Subject: emailMfa.subject })
      : undefined,
    WebAuthnConfiguration: webAuthn
      ? defined({ RelyingPartyId: webAuthn.relying_party_id, UserVerification: webAuthn.user_verification })
      : undefined,
  });
}

type NotifyEmail = NonNullable<
  NonNullable<
    NonNullable<RiskConfigurationArgs["account_takeover_risk_configuration"]>["notify_configuration"]
  >["block_email"]
>;
const notifyEmail = (e: NotifyEmail | undefined) =>
  e ? defined({ Subject: e.subject ?? "", HtmlBody: e.html_body, TextBody: e.text_body }) : undefined;
const takeoverAction = (a: { event_action: string; notify?: boolean | undefined } | undefined) =>
  a ? { EventAction: a.event_action, Notify: a.notify ?? false } : undefined;

/** `aws_cognito_risk_configuration` arguments in SetRiskConfiguration's shape, validated by its schema. */
export function riskSettingsInput(args: RiskConfigurationArgs): RiskSettings {
  const takeover = args.account_takeover_risk_configuration;
  const notify = takeover?.notify_configuration;
  const actions = takeover?.actions;
  const compromised = args.compromised_credentials_risk_configuration;
  const exceptions = args.risk_exception_configuration;
  return RiskSettings.parse(
    defined({
      AccountTakeoverRiskConfiguration: takeover
        ? defined({
            NotifyConfiguration: notify
              ? defined({
                  From: notify.from,
                  ReplyTo: notify.reply_to,
                  SourceArn: notify.source_arn ?? "",
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
            EventFilter: compromised.event_filter,
            Actions: { EventAction: compromised.actions?.event_action ?? "NO_ACTION" },
          })
        : undefined,
      RiskExceptionConfiguration: exceptions
        ? defined({
            BlockedIPRangeList: exceptions.blocked_ip_range_list,
            SkippedIPRangeList: exceptions.skipped_ip_range_list,
          })
        : undefined,
    }),
  );
}
