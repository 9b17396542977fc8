/**
 * The arguments of the user-pool resources the emulator builds, as zod schemas.
 *
 * @module
 */
import { z } from "zod";
import { block, blocks, boolean, number, required, stringMap, strings, text } from "./tf";

/** A function with its event version (`pre_token_generation_config`, the custom senders). */
const versionedLambda = () => block(z.object({ lambda_arn: text, lambda_version: text }));

const lambdaConfig = z.object({
  pre_sign_up: text,
  post_confirmation: text,
  custom_message: text,
  pre_authentication: text,
  post_authentication: text,
  pre_token_generation: text,
  define_auth_challenge: text,
  create_auth_challenge: text,
  verify_auth_challenge_response: text,
  user_migration: text,
  pre_token_generation_config: versionedLambda(),
  custom_email_sender: versionedLambda(),
  custom_sms_sender: versionedLambda(),
  kms_key_id: text,
});

const minMax = (min: string, max: string) =>
  z.object({
    [min]: z.union([z.string(), z.number()]).optional(),
    [max]: z.union([z.string(), z.number()]).optional(),
  });

export const UserPoolArgs = z.object({
  name: text,
  user_pool_add_ons: block(z.object({ advanced_security_mode: text })),
  password_policy: block(
    z.object({
      minimum_length: number,
      require_uppercase: boolean,
      require_lowercase: boolean,
      require_numbers: boolean,
      require_symbols: boolean,
      temporary_password_validity_days: number,
      password_history_size: number,
    }),
  ),
  lambda_config: block(lambdaConfig),
  admin_create_user_config: block(
    z.object({
      allow_admin_create_user_only: boolean,
      invite_message_template: block(
        z.object({ email_message: text, email_subject: text, sms_message: text }),
      ),
    }),
  ),
  verification_message_template: block(
    z.object({
      default_email_option: text,
      email_message: text,
      email_subject: text,
      sms_message: text,
      email_message_by_link: text,
      email_subject_by_link: text,
    }),
  ),
  sms_configuration: block(z.object({ sns_caller_arn: text, external_id: text, sns_region: text })),
  account_recovery_setting: block(
    z.object({ recovery_mechanism: blocks(z.object({ name: required, priority: number })) }),
  ),
  deletion_protection: text,
  auto_verified_attributes: strings,
  alias_attributes: strings,
  username_attributes: strings,
  sms_authentication_message: text,
  email_verification_message: text,
  email_verification_subject: text,
  sms_verification_message: text,
  mfa_configuration: text,
  tags: stringMap,
  username_configuration: block(z.object({ case_sensitive: boolean })),
  user_attribute_update_settings: block(z.object({ attributes_require_verification_before_update: strings })),
  user_pool_tier: text,
  software_token_mfa_configuration: block(z.object({ enabled: boolean })),
  email_configuration: block(
    z.object({
      email_sending_account: text,
      source_arn: text,
      from_email_address: text,
      reply_to_email_address: text,
      configuration_set: text,
    }),
  ),
  email_mfa_configuration: block(z.object({ message: text, subject: text })),
  sign_in_policy: block(z.object({ allowed_first_auth_factors: strings })),
  web_authn_configuration: block(z.object({ relying_party_id: text, user_verification: text })),
  device_configuration: block(
    z.object({ challenge_required_on_new_device: boolean, device_only_remembered_on_user_prompt: boolean }),
  ),
  schema: blocks(
    z.object({
      name: required,
      attribute_data_type: text,
      developer_only_attribute: boolean,
      mutable: boolean,
      required: boolean,
      string_attribute_constraints: block(minMax("min_length", "max_length")),
      number_attribute_constraints: block(minMax("min_value", "max_value")),
    }),
  ),
});
export type UserPoolArgs = z.output<typeof UserPoolArgs>;

export const UserPoolClientArgs = z.object({
  name: text,
  user_pool_id: text,
  generate_secret: boolean,
  refresh_token_validity: number,
  access_token_validity: number,
  id_token_validity: number,
  token_validity_units: block(z.object({ access_token: text, id_token: text, refresh_token: text })),
  read_attributes: strings,
  write_attributes: strings,
  explicit_auth_flows: strings,
  supported_identity_providers: strings,
  callback_urls: strings,
  logout_urls: strings,
  default_redirect_uri: text,
  allowed_oauth_flows: strings,
  allowed_oauth_scopes: strings,
  allowed_oauth_flows_user_pool_client: boolean,
  prevent_user_existence_errors: text,
  enable_token_revocation: boolean,
  enable_propagate_additional_user_context_data: boolean,
  auth_session_validity: number,
  refresh_token_rotation: block(z.object({ feature: text, retry_grace_period_seconds: number })),
  analytics_configuration: block(
    z.object({
      application_arn: text,
      application_id: text,
      external_id: text,
      role_arn: text,
      user_data_shared: boolean,
    }),
  ),
});
export type UserPoolClientArgs = z.output<typeof UserPoolClientArgs>;

export const ResourceServerArgs = z.object({
  user_pool_id: text,
  identifier: required,
  name: text,
  scope: blocks(z.object({ scope_name: required, scope_description: required })),
});
export type ResourceServerArgs = z.output<typeof ResourceServerArgs>;

export const IdentityProviderArgs = z.object({
  user_pool_id: text,
  provider_name: required,
  provider_type: required,
  provider_details: block(stringMap),
  attribute_mapping: block(stringMap),
  idp_identifiers: strings,
});
export type IdentityProviderArgs = z.output<typeof IdentityProviderArgs>;

export const UserGroupArgs = z.object({
  user_pool_id: text,
  name: required,
  description: text,
  role_arn: text,
  precedence: number,
});
export type UserGroupArgs = z.output<typeof UserGroupArgs>;

export const UserPoolDomainArgs = z.object({
  user_pool_id: text,
  domain: required,
  managed_login_version: number,
  certificate_arn: text,
});
export type UserPoolDomainArgs = z.output<typeof UserPoolDomainArgs>;

const notifyEmail = block(z.object({ subject: text, html_body: text, text_body: text }));
const takeoverAction = block(z.object({ event_action: required, notify: boolean }));

export const RiskConfigurationArgs = z.object({
  user_pool_id: text,
  client_id: text,
  account_takeover_risk_configuration: block(
    z.object({
      notify_configuration: block(
        z.object({
          from: text,
          reply_to: text,
          source_arn: text,
          block_email: notifyEmail,
          mfa_email: notifyEmail,
          no_action_email: notifyEmail,
        }),
      ),
      actions: block(
        z.object({ low_action: takeoverAction, medium_action: takeoverAction, high_action: takeoverAction }),
      ),
    }),
  ),
  compromised_credentials_risk_configuration: block(
    z.object({ event_filter: strings, actions: block(z.object({ event_action: text })) }),
  ),
  risk_exception_configuration: block(
    z.object({ blocked_ip_range_list: strings, skipped_ip_range_list: strings }),
  ),
});
export type RiskConfigurationArgs = z.output<typeof RiskConfigurationArgs>;
