import {
  CognitoIdentityProviderClient,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";

/** Provider types the emulator can federate with offline (its local OpenID providers). */
const FEDERATED_LOCALLY = new Set(["Google", "OIDC"]);

/**
 * The web client's identity providers that work on the local stack, for the site's "Continue with …"
 * buttons (`IDENTITY_PROVIDERS`). SAML providers are left out: the emulator has no SAML stand-in.
 */
export async function localIdentityProviders(opts: {
  endpoint: string;
  region: string;
  userPoolId: string;
  clientId: string;
}): Promise<string[]> {
  const idp = new CognitoIdentityProviderClient({
    endpoint: opts.endpoint,
    region: opts.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    const { UserPoolClient } = await idp.send(
      new DescribeUserPoolClientCommand({ UserPoolId: opts.userPoolId, ClientId: opts.clientId }),
    );
    const names = (UserPoolClient?.SupportedIdentityProviders ?? []).filter((n) => n !== "COGNITO");
    const usable: string[] = [];
    for (const name of names) {
      const { IdentityProvider } = await idp.send(
        new DescribeIdentityProviderCommand({ UserPoolId: opts.userPoolId, ProviderName: name }),
      );
      if (FEDERATED_LOCALLY.has(IdentityProvider?.ProviderType ?? "")) usable.push(name);
    }
    return usable;
  } finally {
    idp.destroy();
  }
}
