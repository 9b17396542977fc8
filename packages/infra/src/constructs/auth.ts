import { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider";
import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group";
import { CognitoUserPool, type CognitoUserPoolSchema } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { DataAwsSsmParameter } from "@cdktf/provider-aws/lib/data-aws-ssm-parameter";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { customAttributes, userWritableAttributes } from "@repo/auth-shared/user-attributes";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import type { ResolvedSecret, SecretRef, StageConfig } from "../config";
import { policyDocument } from "../policy";
import { Email } from "./email";
import type { LambdaFunction } from "./lambda-function";
import { riskConfiguration } from "./threat-protection";

/** The seed's password policy. */
export const passwordPolicy = {
  minimumLength: 12,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
} as const;

/**
 * The clients' token lifetimes, from the stage (`tokens`): access and ID tokens in minutes (one
 * hour on AWS; access tokens 5 minutes locally, so that refresh is exercised), refresh tokens in days.
 */
export function tokenValidity(tokens: StageConfig["tokens"]) {
  return {
    accessTokenValidity: tokens.accessTokenMinutes,
    idTokenValidity: tokens.idTokenMinutes,
    refreshTokenValidity: tokens.refreshTokenDays,
    tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "days" }],
  };
}

/** The web and mobile clients' `refresh_token_rotation` block, when the stage sets one. */
export function refreshTokenRotation(tokens: StageConfig["tokens"]) {
  const r = tokens.refreshTokenRotation;
  if (!r) return {};
  return {
    refreshTokenRotation: [
      {
        feature: r.enabled ? "ENABLED" : "DISABLED",
        ...(r.retryGracePeriodSeconds !== undefined
          ? { retryGracePeriodSeconds: r.retryGracePeriodSeconds }
          : {}),
      },
    ],
  };
}

/** The API's resource server and its scopes (`api/read`, `api/write`). */
export const resourceServer = { identifier: "api", scopes: ["read", "write"] } as const;
export const apiScopes = resourceServer.scopes.map((s) => `${resourceServer.identifier}/${s}`);

/** Standard OIDC scopes the web client asks for, plus the user-pool API scope for the account pages. */
export const webScopes = [
  "openid",
  "email",
  "profile",
  "phone",
  "aws.cognito.signin.user.admin",
  ...apiScopes,
];
export const mobileScopes = webScopes;

/** Identity-provider attributes → user-pool attributes (email, name, picture; username = the IdP's subject). */
export const attributeMappings = {
  Google: { email: "email", name: "name", picture: "picture", username: "sub" },
  Facebook: { email: "email", name: "name", picture: "picture", username: "id" },
  SignInWithApple: { email: "email", name: "name", username: "sub" },
  OIDC: { email: "email", name: "name", picture: "picture", username: "sub" },
  SAML: {
    email: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    name: "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
    picture: "picture",
  },
} as const;

/**
 * `provider_details` keys AWS fills in itself (discovered endpoints, defaults) or never returns
 * (Apple's private key): without `ignore_changes` on them every plan after a deploy shows an update
 * (terraform-provider-aws issue 4831). Keys the stage sets stay tracked.
 */
export const providerFilledDetails = {
  Google: [
    "attributes_url",
    "attributes_url_add_attributes",
    "authorize_url",
    "oidc_issuer",
    "token_request_method",
    "token_url",
  ],
  Facebook: [
    "attributes_url",
    "attributes_url_add_attributes",
    "authorize_url",
    "token_request_method",
    "token_url",
  ],
  // private_key is write-only: rotate it with `terraform apply -replace` (docs/deploy.md).
  SignInWithApple: [
    "attributes_url_add_attributes",
    "authorize_url",
    "oidc_issuer",
    "private_key",
    "token_request_method",
    "token_url",
  ],
  OIDC: ["attributes_url", "attributes_url_add_attributes", "authorize_url", "jwks_uri", "token_url"],
  SAML: ["ActiveEncryptionCertificate", "SLORedirectBindingURI", "SSORedirectBindingURI"],
} as const;

/** `lifecycle.ignore_changes` entries for one provider type: `provider_details["<key>"]`. */
export function ignoredDetails(type: keyof typeof providerFilledDetails): string[] {
  return providerFilledDetails[type].map((k) => `provider_details["${k}"]`);
}

export const groups = {
  admins: { precedence: 0, description: "Administrators: admin API routes and the admin identity role" },
  users: { precedence: 10, description: "Every confirmed user (added by the post-confirmation trigger)" },
} as const;

export interface AuthTriggers {
  preSignUp: LambdaFunction;
  postConfirmation: LambdaFunction;
  customMessage: LambdaFunction;
  preTokenGeneration: LambdaFunction;
}

export interface AuthProps {
  config: StageConfig;
  resolveSecret: (ref: SecretRef) => ResolvedSecret;
  triggers: AuthTriggers;
  /** Prefix of resource names, `<app>-<stage>`. */
  prefix: string;
}

/**
 * The user pool and everything on it: password policy, sign-in aliases, attributes, MFA with SMS
 * role, recovery, messages, devices, threat protection, triggers, groups, resource server, the web /
 * mobile / server app clients, the hosted UI domain and the federated identity providers.
 */
export class Auth extends Construct {
  readonly userPool: CognitoUserPool;
  readonly webClient: CognitoUserPoolClient;
  readonly mobileClient: CognitoUserPoolClient;
  readonly serverClient: CognitoUserPoolClient;
  readonly domain: CognitoUserPoolDomain;
  readonly groups: Record<keyof typeof groups, CognitoUserGroup>;
  readonly identityProviders: CognitoIdentityProvider[];
  readonly email: Email;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the tokens' `iss`. */
  readonly issuer: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the hosted UI. */
  readonly hostedUiUrl: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { config, prefix, triggers } = props;

    const smsRole = this.smsRole(prefix);
    this.email = new Email(this, "email", { config, prefix });

    this.userPool = new CognitoUserPool(this, "user-pool", {
      name: `${prefix}-users`,
      // Sign in with username, email or phone; none of them case-sensitive.
      aliasAttributes: ["email", "phone_number", "preferred_username"],
      usernameConfiguration: { caseSensitive: false },
      autoVerifiedAttributes: ["email"],
      userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] },
      passwordPolicy: {
        ...passwordPolicy,
        ...(config.passwordHistorySize > 0 ? { passwordHistorySize: config.passwordHistorySize } : {}),
      },
      schema: [
        stringAttribute("email", { required: true }),
        stringAttribute("name", { required: true }),
        ...customAttributes.map((a) => stringAttribute(a.name, { maxLength: a.maxLength })),
      ],
      mfaConfiguration: "OPTIONAL",
      softwareTokenMfaConfiguration: { enabled: true },
      smsConfiguration: {
        externalId: `${prefix}-cognito-sms`,
        snsCallerArn: smsRole.arn,
        snsRegion: config.region,
      },
      smsAuthenticationMessage: `Your ${config.displayName} sign-in code is {####}`,
      accountRecoverySetting: {
        recoveryMechanism: [
          { name: "verified_email", priority: 1 },
          { name: "verified_phone_number", priority: 2 },
        ],
      },
      verificationMessageTemplate: {
        defaultEmailOption: "CONFIRM_WITH_CODE",
        emailSubject: `Your ${config.displayName} verification code`,
        emailMessage: `Your ${config.displayName} verification code is {####}`,
        smsMessage: `Your ${config.displayName} verification code is {####}`,
      },
      adminCreateUserConfig: {
        allowAdminCreateUserOnly: false,
        inviteMessageTemplate: {
          emailSubject: `You are invited to ${config.displayName}`,
          emailMessage: `Your username is {username} and your temporary password is {####}`,
          smsMessage: `Your ${config.displayName} username is {username} and temporary password is {####}`,
        },
      },
      emailConfiguration: this.email.poolConfiguration(),
      // The pool names the identity by its ARN (known at synth time), so it waits for it explicitly.
      ...(this.email.dependencies.length > 0 ? { dependsOn: this.email.dependencies } : {}),
      deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
      ...(config.emailMfa ? { emailMfaConfiguration: config.emailMfa } : {}),
      ...(config.passwordless
        ? {
            // Choice-based sign-in: the password stays a first factor next to the passwordless ones.
            signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", ...config.passwordless.factors] },
            ...(config.passwordless.passkeys
              ? {
                  webAuthnConfiguration: {
                    relyingPartyId: config.passwordless.passkeys.relyingPartyId,
                    userVerification: config.passwordless.passkeys.userVerification,
                  },
                }
              : {}),
          }
        : {}),
      userPoolTier: config.featurePlan,
      userPoolAddOns: { advancedSecurityMode: config.threatProtection },
      deletionProtection: config.protection.userPoolDeletionProtection ? "ACTIVE" : "INACTIVE",
      lifecycle: { preventDestroy: config.protection.preventDestroy },
      lambdaConfig: {
        preSignUp: triggers.preSignUp.function.arn,
        postConfirmation: triggers.postConfirmation.function.arn,
        customMessage: triggers.customMessage.function.arn,
        // V1_0 is the legacy `pre_token_generation`; V2_0 / V3_0 (access-token customization) need
        // the versioned block.
        ...(config.preTokenGenerationVersion === "V1_0"
          ? { preTokenGeneration: triggers.preTokenGeneration.function.arn }
          : {
              preTokenGenerationConfig: {
                lambdaArn: triggers.preTokenGeneration.function.arn,
                lambdaVersion: config.preTokenGenerationVersion,
              },
            }),
      },
    });
    this.email.authorize(this.userPool.arn);
    this.issuer = `https://cognito-idp.${config.region}.amazonaws.com/${this.userPool.id}`;

    const triggerEntries = Object.entries(triggers) as [keyof AuthTriggers, LambdaFunction][];
    for (const [name, fn] of triggerEntries) {
      new LambdaPermission(this, `invoke-${name}`, {
        statementId: "AllowCognitoInvoke",
        action: "lambda:InvokeFunction",
        functionName: fn.function.functionName,
        principal: "cognito-idp.amazonaws.com",
        sourceArn: this.userPool.arn,
      });
    }

    // The risk configuration only exists where threat protection is on (PLUS plan).
    if (config.threatProtection !== "OFF") {
      const sourceArn = this.email.identityArn ?? config.threatNotifications.sesIdentityArn;
      riskConfiguration(this, this.userPool.id, config, sourceArn as string);
    }

    this.groups = {
      admins: new CognitoUserGroup(this, "group-admins", {
        userPoolId: this.userPool.id,
        name: "admins",
        ...groups.admins,
      }),
      users: new CognitoUserGroup(this, "group-users", {
        userPoolId: this.userPool.id,
        name: "users",
        ...groups.users,
      }),
    };

    const api = new CognitoResourceServer(this, "resource-server", {
      userPoolId: this.userPool.id,
      identifier: resourceServer.identifier,
      name: `${prefix}-api`,
      scope: [
        { scopeName: "read", scopeDescription: "Read the caller's data" },
        { scopeName: "write", scopeDescription: "Change the caller's data" },
      ],
    });

    this.identityProviders = this.createIdentityProviders(props);
    // Plain names (the clients wait for the providers through depends_on), readable in the JSON.
    const federated = this.identityProviders.map((p) => p.providerNameInput ?? p.providerName);

    // Choice-based sign-in (passwordless factors) runs through USER_AUTH.
    const userAuth = config.passwordless ? ["ALLOW_USER_AUTH"] : [];
    // With rotation, refresh goes through GetTokensFromRefreshToken / the token endpoint only.
    const rotating = config.tokens.refreshTokenRotation?.enabled === true;
    const refreshAuth = rotating ? [] : ["ALLOW_REFRESH_TOKEN_AUTH"];
    const userClients = { ...refreshTokenRotation(config.tokens) };
    const common = {
      userPoolId: this.userPool.id,
      ...tokenValidity(config.tokens),
      enableTokenRevocation: true,
      preventUserExistenceErrors: "ENABLED",
      authSessionValidity: 3,
    };
    // Clients name scopes of the resource server, so they wait for it (and for the IdPs they list).
    const after: TerraformResource[] = [api, ...this.identityProviders];

    this.webClient = new CognitoUserPoolClient(this, "web-client", {
      ...common,
      name: `${prefix}-web`,
      generateSecret: true,
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", ...userAuth, ...refreshAuth],
      ...userClients,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ["code"],
      allowedOauthScopes: webScopes,
      // Users may not write what decides their access or billing (custom:tenant_id, custom:plan).
      writeAttributes: [...userWritableAttributes],
      callbackUrls: config.webCallbackUrls,
      logoutUrls: config.webLogoutUrls,
      supportedIdentityProviders: ["COGNITO", ...federated],
      dependsOn: after,
    });

    this.mobileClient = new CognitoUserPoolClient(this, "mobile-client", {
      ...common,
      name: `${prefix}-mobile`,
      // A public client: no secret; SRP sign-in and refresh, or code + PKCE through the hosted UI.
      generateSecret: false,
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", ...userAuth, ...refreshAuth],
      ...userClients,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ["code"],
      allowedOauthScopes: mobileScopes,
      writeAttributes: [...userWritableAttributes],
      callbackUrls: config.mobileCallbackUrls,
      logoutUrls: config.mobileLogoutUrls,
      supportedIdentityProviders: ["COGNITO", ...federated],
      dependsOn: after,
    });

    this.serverClient = new CognitoUserPoolClient(this, "server-client", {
      ...common,
      name: `${prefix}-server`,
      // Machine to machine: client_credentials with the API scopes only.
      generateSecret: true,
      explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ["client_credentials"],
      allowedOauthScopes: apiScopes,
      dependsOn: [api],
    });

    // A custom domain (ACM certificate in us-east-1) replaces the prefix domain.
    const custom = config.hostedUiCustomDomain;
    this.domain = new CognitoUserPoolDomain(this, "domain", {
      domain: custom ? custom.domainName : config.domainPrefix,
      ...(custom ? { certificateArn: custom.certificateArn } : {}),
      userPoolId: this.userPool.id,
    });
    this.hostedUiUrl = custom
      ? `https://${this.domain.domain}`
      : `https://${this.domain.domain}.auth.${config.region}.amazoncognito.com`;
  }

  /** The role Cognito assumes to send SMS through SNS (MFA and verification codes). */
  private smsRole(prefix: string): IamRole {
    const externalId = `${prefix}-cognito-sms`;
    const role = new IamRole(this, "sms-role", {
      name: `${prefix}-cognito-sms`,
      assumeRolePolicy: policyDocument([
        {
          Effect: "Allow",
          Principal: { Service: "cognito-idp.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "sts:ExternalId": externalId } },
        },
      ]),
    });
    new IamRolePolicy(this, "sms-role-policy", {
      name: "publish-sms",
      role: role.id,
      policy: policyDocument([{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }]),
    });
    return role;
  }

  private secret(id: string, ref: SecretRef, resolve: AuthProps["resolveSecret"]): string {
    const resolved = resolve(ref);
    if (resolved.kind === "value") return resolved.value;
    return new DataAwsSsmParameter(this, `secret-${id}`, { name: resolved.name, withDecryption: true }).value;
  }

  private createIdentityProviders({ config, resolveSecret }: AuthProps): CognitoIdentityProvider[] {
    const idps = config.identityProviders;
    const poolId = this.userPool.id;
    const created: CognitoIdentityProvider[] = [];

    if (idps.google) {
      created.push(
        new CognitoIdentityProvider(this, "idp-google", {
          userPoolId: poolId,
          providerName: "Google",
          providerType: "Google",
          providerDetails: {
            client_id: idps.google.clientId,
            client_secret: this.secret("google", idps.google.clientSecret, resolveSecret),
            authorize_scopes: "openid email profile",
          },
          attributeMapping: { ...attributeMappings.Google },
          lifecycle: { ignoreChanges: ignoredDetails("Google") },
        }),
      );
    }
    if (idps.facebook) {
      created.push(
        new CognitoIdentityProvider(this, "idp-facebook", {
          userPoolId: poolId,
          providerName: "Facebook",
          providerType: "Facebook",
          providerDetails: {
            client_id: idps.facebook.clientId,
            client_secret: this.secret("facebook", idps.facebook.clientSecret, resolveSecret),
            authorize_scopes: "public_profile,email",
            api_version: idps.facebook.apiVersion,
          },
          attributeMapping: { ...attributeMappings.Facebook },
          lifecycle: { ignoreChanges: ignoredDetails("Facebook") },
        }),
      );
    }
    if (idps.apple) {
      created.push(
        new CognitoIdentityProvider(this, "idp-apple", {
          userPoolId: poolId,
          providerName: "SignInWithApple",
          providerType: "SignInWithApple",
          providerDetails: {
            client_id: idps.apple.servicesId,
            team_id: idps.apple.teamId,
            key_id: idps.apple.keyId,
            private_key: this.secret("apple", idps.apple.privateKey, resolveSecret),
            authorize_scopes: "email name",
          },
          attributeMapping: { ...attributeMappings.SignInWithApple },
          lifecycle: { ignoreChanges: ignoredDetails("SignInWithApple") },
        }),
      );
    }
    if (idps.oidc) {
      created.push(
        new CognitoIdentityProvider(this, "idp-oidc", {
          userPoolId: poolId,
          providerName: idps.oidc.name,
          providerType: "OIDC",
          providerDetails: {
            client_id: idps.oidc.clientId,
            client_secret: this.secret("oidc", idps.oidc.clientSecret, resolveSecret),
            oidc_issuer: idps.oidc.issuer,
            attributes_request_method: "GET",
            authorize_scopes: "openid email profile",
          },
          attributeMapping: { ...attributeMappings.OIDC },
          lifecycle: { ignoreChanges: ignoredDetails("OIDC") },
        }),
      );
    }
    if (idps.saml) {
      created.push(
        new CognitoIdentityProvider(this, "idp-saml", {
          userPoolId: poolId,
          providerName: idps.saml.name,
          providerType: "SAML",
          providerDetails: { MetadataURL: idps.saml.metadataUrl },
          attributeMapping: { ...attributeMappings.SAML },
          lifecycle: { ignoreChanges: ignoredDetails("SAML") },
        }),
      );
    }
    return created;
  }
}

function stringAttribute(
  name: string,
  opts: { required?: boolean; maxLength?: number } = {},
): CognitoUserPoolSchema {
  return {
    name,
    attributeDataType: "String",
    mutable: true,
    required: opts.required ?? false,
    developerOnlyAttribute: false,
    stringAttributeConstraints: { minLength: "0", maxLength: String(opts.maxLength ?? 2048) },
  };
}
