import type { CognitoIdentityProvider } from "@cdktf/provider-aws/lib/cognito-identity-provider";
import { CognitoResourceServer } from "@cdktf/provider-aws/lib/cognito-resource-server";
import { CognitoUserGroup } from "@cdktf/provider-aws/lib/cognito-user-group";
import { CognitoUserPool, type CognitoUserPoolSchema } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { customAttributes, userWritableAttributes } from "@repo/auth-shared/user-attributes";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import type { ResolvedSecret, SecretRef, StageConfig } from "../config";
import { policyDocument } from "../policy";
import {
  apiScopes,
  groups,
  mobileScopes,
  passwordPolicy,
  refreshTokenRotation,
  resourceServer,
  tokenValidity,
  webScopes,
} from "./auth-settings";
import { Email } from "./email";
import { createIdentityProviders } from "./identity-providers";
import type { LambdaFunction } from "./lambda-function";
import { riskConfiguration } from "./threat-protection";

export {
  apiScopes,
  attributeMappings,
  groups,
  ignoredDetails,
  mobileScopes,
  passwordPolicy,
  providerFilledDetails,
  refreshTokenRotation,
  resourceServer,
  tokenValidity,
  webScopes,
} from "./auth-settings";

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

    this.identityProviders = createIdentityProviders(this, this.userPool.id, props);
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
