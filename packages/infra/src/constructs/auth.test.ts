import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider";
import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server";
import { CognitoRiskConfiguration } from "@cdktf/provider-aws/lib/cognito-risk-configuration";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group";
import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { triggers } from "@repo/api/functions";
import { describe, expect, it } from "vitest";
import { expectResource, ref, resourcesOf, resourceWhere, synthStage } from "../test-support";

const local = synthStage("local");
const prod = synthStage("prod");
const dev = synthStage("dev");

const pool = (s = local) => resourceWhere(s, CognitoUserPool, {});
const client = (name: string, s = local) => resourceWhere(s, CognitoUserPoolClient, { name });

describe("Auth: user pool", () => {
  it("enforces the seed's password policy: 12 characters, upper, lower, numbers and symbols", () => {
    expectResource(local, CognitoUserPool, {
      password_policy: {
        minimum_length: 12,
        require_uppercase: true,
        require_lowercase: true,
        require_numbers: true,
        require_symbols: true,
      },
    });
  });

  it("signs in with username, email or phone, case-insensitively", () => {
    expectResource(local, CognitoUserPool, {
      alias_attributes: ["email", "phone_number", "preferred_username"],
      username_configuration: { case_sensitive: false },
    });
    expect(pool()).not.toHaveProperty("username_attributes");
  });

  it("auto-verifies email and keeps the old email until a new one is verified", () => {
    expectResource(local, CognitoUserPool, {
      auto_verified_attributes: ["email"],
      user_attribute_update_settings: { attributes_require_verification_before_update: ["email"] },
    });
  });

  it("requires email and name and adds the custom attributes tenant_id, plan and job_title", () => {
    const schema = pool().schema as { name: string; required: boolean; mutable: boolean }[];
    expect(schema.map((a) => [a.name, a.required])).toEqual([
      ["email", true],
      ["name", true],
      ["tenant_id", false],
      ["plan", false],
      ["job_title", false],
    ]);
    expect(schema.every((a) => a.mutable)).toBe(true);
  });

  it("offers optional MFA with TOTP and SMS through an SNS role Cognito may assume", () => {
    const smsRole = ref(local, IamRole, { name: "acme-notes-local-cognito-sms" }, "arn");
    expectResource(local, CognitoUserPool, {
      mfa_configuration: "OPTIONAL",
      software_token_mfa_configuration: { enabled: true },
      sms_configuration: { sns_caller_arn: smsRole, external_id: "acme-notes-local-cognito-sms" },
    });
    const trust = JSON.parse(
      resourceWhere(local, IamRole, { name: "acme-notes-local-cognito-sms" }).assume_role_policy as string,
    );
    expect(trust.Statement[0]).toMatchObject({
      Principal: { Service: "cognito-idp.amazonaws.com" },
      Condition: { StringEquals: { "sts:ExternalId": "acme-notes-local-cognito-sms" } },
    });
  });

  it("recovers accounts by verified email first, then verified phone", () => {
    expectResource(local, CognitoUserPool, {
      account_recovery_setting: {
        recovery_mechanism: [
          { name: "verified_email", priority: 1 },
          { name: "verified_phone_number", priority: 2 },
        ],
      },
    });
  });

  it("sends verification and invitation messages that keep Cognito's placeholders", () => {
    const p = pool();
    const template = p.verification_message_template as Record<string, string>;
    expect(template.default_email_option).toBe("CONFIRM_WITH_CODE");
    expect(template.email_message).toContain("{####}");
    expect(template.sms_message).toContain("{####}");
    const invite = (p.admin_create_user_config as { invite_message_template: Record<string, string> })
      .invite_message_template;
    expect(invite.email_message).toContain("{username}");
    expect(invite.email_message).toContain("{####}");
  });

  it("tracks devices only when the user asks, challenging new devices", () => {
    expectResource(local, CognitoUserPool, {
      device_configuration: {
        challenge_required_on_new_device: true,
        device_only_remembered_on_user_prompt: true,
      },
    });
  });

  it("puts every stage's pool on the PLUS feature plan its threat protection needs", () => {
    for (const stack of [local, dev, prod])
      expectResource(stack, CognitoUserPool, { user_pool_tier: "PLUS" });
  });

  it("keeps every stage on password sign-in with V1_0 token customization and no Essentials extras", () => {
    for (const stack of [local, dev, prod]) {
      const p = pool(stack);
      expect(p).not.toHaveProperty("sign_in_policy");
      expect(p).not.toHaveProperty("email_mfa_configuration");
      expect(p).not.toHaveProperty("web_authn_configuration");
      expect(p.password_policy).not.toHaveProperty("password_history_size");
      expect(p.lambda_config).not.toHaveProperty("pre_token_generation_config");
    }
  });

  it.each(["local", "dev", "prod"] as const)(
    "%s: switches on the Essentials features the stage asks for",
    (name) => {
      const s = synthStage(
        name,
        {},
        {
          // Email MFA and email codes need SES email; local overrides its default sender.
          ...(name === "local"
            ? {
                email: {
                  sender: "SES",
                  from: "no-reply@localhost.example",
                  identity: { arn: "arn:aws:ses:us-east-1:123456789012:identity/localhost.example" },
                },
                threatNotifications: { from: "no-reply@localhost.example" },
              }
            : {}),
          passwordless: {
            factors: ["EMAIL_OTP", "WEB_AUTHN"],
            passkeys: { relyingPartyId: "notes.example.com" },
          },
          emailMfa: { subject: "Your sign-in code", message: "Your code is {####}" },
          preTokenGenerationVersion: "V2_0",
          passwordHistorySize: 5,
        },
      );
      const trigger = ref(
        s,
        LambdaFunction,
        { function_name: `acme-notes-${name}-pre-token-generation` },
        "arn",
      );
      expectResource(s, CognitoUserPool, {
        user_pool_tier: "PLUS",
        sign_in_policy: { allowed_first_auth_factors: ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"] },
        web_authn_configuration: { relying_party_id: "notes.example.com", user_verification: "preferred" },
        email_mfa_configuration: { subject: "Your sign-in code", message: "Your code is {####}" },
        password_policy: { password_history_size: 5 },
        lambda_config: { pre_token_generation_config: { lambda_arn: trigger, lambda_version: "V2_0" } },
      });
      expect(pool(s).lambda_config).not.toHaveProperty("pre_token_generation");
      for (const c of ["web", "mobile"]) {
        expect(client(`acme-notes-${name}-${c}`, s).explicit_auth_flows).toContain("ALLOW_USER_AUTH");
      }
    },
  );

  it("leaves the risk configuration out where threat protection is off", () => {
    const off = synthStage("dev", {}, { featurePlan: "ESSENTIALS", threatProtection: "OFF" });
    expectResource(off, CognitoUserPool, {
      user_pool_tier: "ESSENTIALS",
      user_pool_add_ons: { advanced_security_mode: "OFF" },
    });
    expect(Object.keys(resourcesOf(off, CognitoRiskConfiguration))).toHaveLength(0);
  });

  it("turns threat protection on per stage (ENFORCED locally and in prod, AUDIT in dev)", () => {
    expectResource(local, CognitoUserPool, { user_pool_add_ons: { advanced_security_mode: "ENFORCED" } });
    expectResource(dev, CognitoUserPool, { user_pool_add_ons: { advanced_security_mode: "AUDIT" } });
    expectResource(prod, CognitoUserPool, { user_pool_add_ons: { advanced_security_mode: "ENFORCED" } });
  });

  it("always blocks the local stage's demonstration range, and no range elsewhere", () => {
    expectResource(local, CognitoRiskConfiguration, {
      risk_exception_configuration: { blocked_ip_range_list: ["192.0.2.0/24"] },
    });
    for (const stack of [dev, prod]) {
      expect(resourceWhere(stack, CognitoRiskConfiguration, {}).risk_exception_configuration).toBeUndefined();
    }
  });

  it("configures adaptive authentication and compromised-credentials blocking", () => {
    expectResource(local, CognitoRiskConfiguration, {
      user_pool_id: ref(local, CognitoUserPool, {}, "id"),
      account_takeover_risk_configuration: {
        actions: {
          low_action: { event_action: "NO_ACTION" },
          medium_action: { event_action: "MFA_IF_CONFIGURED" },
          high_action: { event_action: "MFA_REQUIRED" },
        },
      },
      compromised_credentials_risk_configuration: {
        event_filter: ["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"],
        actions: { event_action: "BLOCK" },
      },
    });
  });

  it("protects the prod pool from deletion, and only prod", () => {
    expect(pool(prod).deletion_protection).toBe("ACTIVE");
    expect(pool(dev).deletion_protection).toBe("INACTIVE");
    expect(pool(local).deletion_protection).toBe("INACTIVE");
  });
});

describe("Auth: triggers", () => {
  const wiring = [
    ["pre_sign_up", triggers.PreSignUp],
    ["post_confirmation", triggers.PostConfirmation],
    ["custom_message", triggers.CustomMessage],
    ["pre_token_generation", triggers.PreTokenGeneration],
  ] as const;

  it.each(wiring)("wires %s to the %s bundle", (key, fn) => {
    const lambda = ref(local, LambdaFunction, { function_name: `acme-notes-local-${fn}` }, "arn");
    const config = pool().lambda_config as Record<string, string>;
    expect(config[key]).toBe(lambda);
  });

  it.each(wiring)("lets Cognito invoke the %s function (%s), from this pool only", (_key, fn) => {
    expectResource(local, LambdaPermission, {
      action: "lambda:InvokeFunction",
      principal: "cognito-idp.amazonaws.com",
      function_name: ref(local, LambdaFunction, { function_name: `acme-notes-local-${fn}` }, "function_name"),
      source_arn: ref(local, CognitoUserPool, {}, "arn"),
    });
  });
});

describe("Auth: groups and resource server", () => {
  it("creates the groups admins and users", () => {
    expectResource(local, CognitoUserGroup, { name: "admins", precedence: 0 });
    expectResource(local, CognitoUserGroup, { name: "users", precedence: 10 });
  });

  it("defines the resource server api with the scopes read and write", () => {
    expectResource(local, CognitoResourceServer, {
      identifier: "api",
      scope: [
        { scope_name: "read", scope_description: "Read the caller's data" },
        { scope_name: "write", scope_description: "Change the caller's data" },
      ],
    });
  });
});

describe("Auth: app clients", () => {
  const tokens = {
    access_token_validity: 5,
    id_token_validity: 60,
    refresh_token_validity: 30,
    token_validity_units: [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }],
    enable_token_revocation: true,
    prevent_user_existence_errors: "ENABLED",
  };

  it("web: a confidential client for the authorization code flow with the stage's URLs", () => {
    expectResource(local, CognitoUserPoolClient, {
      name: "acme-notes-local-web",
      generate_secret: true,
      allowed_oauth_flows_user_pool_client: true,
      allowed_oauth_flows: ["code"],
      allowed_oauth_scopes: [
        "openid",
        "email",
        "profile",
        "phone",
        "aws.cognito.signin.user.admin",
        "api/read",
        "api/write",
      ],
      callback_urls: ["http://localhost:3000/api/auth/callback/cognito"],
      logout_urls: ["http://localhost:3000/"],
      supported_identity_providers: ["COGNITO", "Google", "LocalOIDC", "LocalSAML"],
      ...tokens,
    });
    expectResource(prod, CognitoUserPoolClient, {
      name: "acme-notes-prod-web",
      callback_urls: ["https://notes.example.com/api/auth/callback/cognito"],
      supported_identity_providers: [
        "COGNITO",
        "Google",
        "Facebook",
        "SignInWithApple",
        "CorporateOIDC",
        "CorporateSAML",
      ],
    });
  });

  it("mobile: a public client with SRP and refresh, code + PKCE to a custom-scheme callback", () => {
    expectResource(local, CognitoUserPoolClient, {
      name: "acme-notes-local-mobile",
      generate_secret: false,
      explicit_auth_flows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      allowed_oauth_flows: ["code"],
      callback_urls: ["acmenotes://auth/callback"],
      logout_urls: ["acmenotes://auth/signout"],
      ...tokens,
    });
    expect(client("acme-notes-local-mobile").explicit_auth_flows).not.toContain("ALLOW_USER_PASSWORD_AUTH");
  });

  it("server: a confidential client for client_credentials with the API scopes only", () => {
    expectResource(local, CognitoUserPoolClient, {
      name: "acme-notes-local-server",
      generate_secret: true,
      allowed_oauth_flows: ["client_credentials"],
      allowed_oauth_scopes: ["api/read", "api/write"],
      ...tokens,
    });
    expect(client("acme-notes-local-server")).not.toHaveProperty("callback_urls");
  });

  it("access tokens live 5 minutes locally (refresh is exercised) and 1 hour on AWS", () => {
    expect(client("acme-notes-local-web").access_token_validity).toBe(5);
    for (const name of ["web", "mobile", "server"]) {
      expectResource(prod, CognitoUserPoolClient, {
        name: `acme-notes-prod-${name}`,
        access_token_validity: 60,
        token_validity_units: [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }],
      });
      expect(client(`acme-notes-dev-${name}`, dev).access_token_validity).toBe(60);
    }
  });

  it("users may write their profile attributes but not tenant_id or plan", () => {
    for (const name of ["web", "mobile"]) {
      const written = client(`acme-notes-local-${name}`).write_attributes as string[];
      expect(written).toEqual(["name", "email", "phone_number", "picture", "custom:job_title"]);
    }
  });

  it("creates each client after the resource server whose scopes it names", () => {
    const server = `${CognitoResourceServer.tfResourceType}.${Object.keys(resourcesOf(local, CognitoResourceServer))[0]}`;
    for (const name of ["web", "mobile", "server"]) {
      expect(client(`acme-notes-local-${name}`).depends_on).toContain(server);
    }
  });

  it("serves the hosted UI on the stage's domain prefix", () => {
    expectResource(local, CognitoUserPoolDomain, {
      domain: "acme-notes-local",
      user_pool_id: ref(local, CognitoUserPool, {}, "id"),
    });
    expectResource(prod, CognitoUserPoolDomain, { domain: "acme-notes" });
  });
});

describe("Auth: identity providers", () => {
  it("maps Google's email, name and picture, with secrets from the stage", () => {
    expectResource(local, CognitoIdentityProvider, {
      provider_name: "Google",
      provider_type: "Google",
      provider_details: {
        client_id: "local-google-client",
        client_secret: "local-google-secret",
        authorize_scopes: "openid email profile",
      },
      attribute_mapping: { email: "email", name: "name", picture: "picture", username: "sub" },
    });
  });

  it("maps Facebook, Apple, OIDC and SAML attributes in prod", () => {
    expectResource(prod, CognitoIdentityProvider, {
      provider_type: "Facebook",
      attribute_mapping: { email: "email", name: "name", picture: "picture", username: "id" },
    });
    expectResource(prod, CognitoIdentityProvider, {
      provider_type: "SignInWithApple",
      provider_details: { team_id: "ABCDE12345", key_id: "KEY1234567" },
      attribute_mapping: { email: "email", name: "name", username: "sub" },
    });
    expectResource(prod, CognitoIdentityProvider, {
      provider_name: "CorporateOIDC",
      provider_type: "OIDC",
      provider_details: { oidc_issuer: "https://login.example.com", attributes_request_method: "GET" },
      attribute_mapping: { email: "email", name: "name", picture: "picture", username: "sub" },
    });
    expectResource(prod, CognitoIdentityProvider, {
      provider_name: "CorporateSAML",
      provider_type: "SAML",
      provider_details: { MetadataURL: "https://idp.example.com/saml/metadata" },
      attribute_mapping: {
        email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        name: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
      },
    });
  });

  it("enables only the providers the stage configures", () => {
    const types = (s: typeof local) =>
      Object.values(resourcesOf(s, CognitoIdentityProvider))
        .map((p) => p.provider_type)
        .sort();
    expect(types(local)).toEqual(["Google", "OIDC", "SAML"]);
    expect(types(dev)).toEqual(["Google", "OIDC"]);
    expect(types(prod)).toEqual(["Facebook", "Google", "OIDC", "SAML", "SignInWithApple"]);
  });

  it("reads dev and prod secrets from SSM at plan time, never from the repo", () => {
    const names = Object.values(prod.parsed.data?.[DataAwsSsmParameter.tfResourceType] ?? {}).map(
      (d) => (d as { name: string; with_decryption: boolean }).name,
    );
    expect(names.sort()).toEqual([
      "/acme-notes/prod/idp/apple/private-key",
      "/acme-notes/prod/idp/facebook/client-secret",
      "/acme-notes/prod/idp/google/client-secret",
      "/acme-notes/prod/idp/oidc/client-secret",
    ]);
    const google = resourceWhere(prod, CognitoIdentityProvider, { provider_name: "Google" });
    expect((google.provider_details as Record<string, string>).client_secret).toMatch(
      /^\$\{data\.aws_ssm_parameter\.[\w-]+\.value\}$/,
    );
  });
});
