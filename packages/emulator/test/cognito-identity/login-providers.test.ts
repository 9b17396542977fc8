import {
  CreateIdentityPoolCommand,
  type CreateIdentityPoolCommandInput,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../support/emulator";
import { type UserPoolFixture, useIdentityEmulator, userPool } from "./support";

const OIDC_ARN = "arn:aws:iam::123456789012:oidc-provider/login.example.com";
const SAML_ARN = "arn:aws:iam::123456789012:saml-provider/corporate";
const DEVELOPER = "login.example.app";

describe("identity pool login providers with the AWS SDK", () => {
  const t = useIdentityEmulator();
  let up: UserPoolFixture;
  let poolId = "";
  let config: CreateIdentityPoolCommandInput;

  beforeAll(async () => {
    up = await userPool(t.idp);
    config = {
      IdentityPoolName: "providers",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: {
        "graph.facebook.com": "123456789012345",
        "www.amazon.com": "amzn1.application.x",
      },
      DeveloperProviderName: DEVELOPER,
      OpenIdConnectProviderARNs: [OIDC_ARN],
      CognitoIdentityProviders: [{ ProviderName: up.provider, ClientId: up.clientId }],
      SamlProviderARNs: [SAML_ARN],
    };
    poolId = (await t.identity.send(new CreateIdentityPoolCommand(config))).IdentityPoolId ?? "";
  });

  it("stores and returns SupportedLoginProviders, DeveloperProviderName, OIDC and SAML providers", async () => {
    const { $metadata: _, ...described } = await t.identity.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }),
    );
    expect(described).toEqual({ IdentityPoolId: poolId, ...config });

    const other = await t.identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: "other",
        AllowUnauthenticatedIdentities: false,
        SupportedLoginProviders: { "graph.facebook.com": "1" },
        OpenIdConnectProviderARNs: [OIDC_ARN],
      }),
    );
    const updated = await t.identity.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: other.IdentityPoolId,
        IdentityPoolName: "other",
        AllowUnauthenticatedIdentities: false,
        SupportedLoginProviders: { "accounts.google.com": "client.apps.googleusercontent.com" },
        SamlProviderARNs: [SAML_ARN],
      }),
    );
    // UpdateIdentityPool replaces the configuration: the OIDC provider left out is gone.
    expect(updated.SupportedLoginProviders).toEqual({
      "accounts.google.com": "client.apps.googleusercontent.com",
    });
    expect(updated.SamlProviderARNs).toEqual([SAML_ARN]);
    expect(updated.OpenIdConnectProviderARNs).toBeUndefined();
    const emptied = await t.identity.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: other.IdentityPoolId,
        IdentityPoolName: "other",
        AllowUnauthenticatedIdentities: false,
        SupportedLoginProviders: {},
      }),
    );
    expect(emptied.SupportedLoginProviders).toEqual({});
    const again = await t.identity.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: other.IdentityPoolId }),
    );
    expect(again.SupportedLoginProviders).toEqual({});
    expect(again.SamlProviderARNs).toBeUndefined();
  });

  it("keeps the developer provider name: once set, it cannot be changed", async () => {
    // API reference, CreateIdentityPool, DeveloperProviderName: "Once you have set a developer
    // provider name, you cannot change it. Please take care in setting this parameter."
    // https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_CreateIdentityPool.html
    const update = (extra: Partial<CreateIdentityPoolCommandInput>) =>
      t.identity.send(
        new UpdateIdentityPoolCommand({
          IdentityPoolId: poolId,
          IdentityPoolName: "providers",
          AllowUnauthenticatedIdentities: true,
          CognitoIdentityProviders: config.CognitoIdentityProviders,
          ...extra,
        }),
      );
    const e = await errorOf(update({ DeveloperProviderName: "login.other.app" }));
    expect(e).toMatchObject({
      name: "InvalidParameterException",
      message: expect.stringMatching(/cannot be changed/),
    });
    const kept = await update({});
    expect(kept.DeveloperProviderName).toBe(DEVELOPER);
    await t.identity.send(new UpdateIdentityPoolCommand({ IdentityPoolId: poolId, ...config }));
  });

  it("refuses provider settings outside the model's constraints", async () => {
    const create = (extra: Partial<CreateIdentityPoolCommandInput>) =>
      errorOf(
        t.identity.send(
          new CreateIdentityPoolCommand({
            IdentityPoolName: "bad",
            AllowUnauthenticatedIdentities: false,
            ...extra,
          }),
        ),
      );
    const badId = await create({ SupportedLoginProviders: { "graph.facebook.com": "not an id!" } });
    expect(badId.name).toBe("ValidationException");
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`provider${i}.example.com`, "id"]));
    expect((await create({ SupportedLoginProviders: many })).name).toBe("ValidationException");
    expect((await create({ DeveloperProviderName: "login example" })).name).toBe("ValidationException");
    expect((await create({ OpenIdConnectProviderARNs: ["arn:aws:iam::1:x"] })).name).toBe(
      "ValidationException",
    );
    expect((await create({ SamlProviderARNs: ["x".repeat(2049)] })).name).toBe("ValidationException");
  });

  it("refuses logins of providers the identity pool does not name", async () => {
    const getId = (provider: string) =>
      errorOf(t.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [provider]: "token" } })));
    for (const provider of [
      "accounts.google.com",
      "appleid.apple.com",
      "other.example.com",
      `${SAML_ARN}-2`,
    ]) {
      expect(await getId(provider)).toMatchObject({
        name: "NotAuthorizedException",
        message: `Invalid login token. Not a valid provider for this identity pool: ${provider}`,
      });
    }
  });

  it("refuses logins of configured public, OIDC and SAML providers, whose tokens it cannot verify offline", async () => {
    const { IdentityId } = await t.identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    for (const provider of ["graph.facebook.com", "www.amazon.com", "login.example.com", SAML_ARN]) {
      const Logins = { [provider]: "a-token-only-the-provider-can-vouch-for" };
      const calls = [
        t.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins })),
        t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })),
        t.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins })),
      ];
      for (const call of calls) {
        expect(await errorOf(call)).toMatchObject({
          name: "NotAuthorizedException",
          message: expect.stringMatching(
            new RegExp(
              `^Invalid login token\\. ${provider.replace(/[.]/g, "\\.")} is configured .* not supported by the local emulator`,
            ),
          ),
        });
      }
    }
  });

  it("refuses the developer provider and the service's own tokens at GetId", async () => {
    const developer = await errorOf(
      t.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [DEVELOPER]: "user-1" } })),
    );
    expect(developer).toMatchObject({
      name: "NotAuthorizedException",
      message: expect.stringMatching(/GetOpenIdTokenForDeveloperIdentity/),
    });
    // AWS answers GetId with a cognito-identity.amazonaws.com token "Invalid login token. Can't pass
    // in a Cognito token." (reported in aws-amplify/amplify-swift#2842); the token is for
    // GetCredentialsForIdentity (developer-authenticated-identities.html, "authentication flow").
    const cognito = await errorOf(
      t.identity.send(
        new GetIdCommand({ IdentityPoolId: poolId, Logins: { "cognito-identity.amazonaws.com": "x.y.z" } }),
      ),
    );
    expect(cognito).toMatchObject({
      name: "NotAuthorizedException",
      message: "Invalid login token. Can't pass in a Cognito token.",
    });
  });

  it("still accepts the bound user pool's ID tokens next to the other providers", async () => {
    const token = await up.createUser("paula");
    const { IdentityId } = await t.identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [up.provider]: token } }),
    );
    expect(IdentityId).toMatch(/^us-east-1:/);
  });
});
