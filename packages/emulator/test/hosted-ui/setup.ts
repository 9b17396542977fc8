import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  CreateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";

export interface HostedPool {
  poolId: string;
  domain: string;
  /** `<emulator>/_domain/<domain>` */
  domainUrl: string;
}

let counter = 0;

/** A pool with a resource server (`api/read`, `api/write`) and a domain, made through the AWS SDK. */
export async function createHostedPool(
  sdk: CognitoIdentityProviderClient,
  emulatorUrl: string,
  domainPrefix?: string,
  input: Partial<CreateUserPoolCommandInput> = {},
): Promise<HostedPool> {
  counter += 1;
  const pool = await sdk.send(
    new CreateUserPoolCommand({
      PoolName: `hosted-${counter}`,
      AutoVerifiedAttributes: ["email"],
      UsernameAttributes: ["email"],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 10,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
        },
      },
      ...input,
    }),
  );
  const poolId = pool.UserPool?.Id ?? "";
  await sdk.send(
    new CreateResourceServerCommand({
      UserPoolId: poolId,
      Identifier: "api",
      Name: "API",
      Scopes: [
        { ScopeName: "read", ScopeDescription: "read" },
        { ScopeName: "write", ScopeDescription: "write" },
      ],
    }),
  );
  const domain = domainPrefix ?? `hosted-${counter}-${Date.now().toString(36)}`;
  await sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
  return { poolId, domain, domainUrl: `${emulatorUrl}/_domain/${domain}` };
}

export const CALLBACK = "http://localhost:3000/api/auth/callback/cognito";
export const SIGN_OUT = "http://localhost:3000/signed-out";

/** An app client set up for the code flow (secret unless `GenerateSecret: false`). */
export async function createCodeClient(
  sdk: CognitoIdentityProviderClient,
  poolId: string,
  overrides: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<{ clientId: string; clientSecret: string | undefined }> {
  const res = await sdk.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: "Web app",
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ["code"],
      AllowedOAuthScopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
      CallbackURLs: [CALLBACK],
      LogoutURLs: [SIGN_OUT],
      SupportedIdentityProviders: ["COGNITO"],
      ...overrides,
    }),
  );
  return { clientId: res.UserPoolClient?.ClientId ?? "", clientSecret: res.UserPoolClient?.ClientSecret };
}

/** A confirmed user with a permanent password, made through the admin API. */
export async function createUser(
  sdk: CognitoIdentityProviderClient,
  poolId: string,
  email: string,
  password: string,
  extra: { Name: string; Value: string }[] = [],
): Promise<void> {
  await sdk.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      MessageAction: "SUPPRESS",
      UserAttributes: [{ Name: "email", Value: email }, { Name: "email_verified", Value: "true" }, ...extra],
    }),
  );
  await sdk.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: email,
      Password: password,
      Permanent: true,
    }),
  );
}
