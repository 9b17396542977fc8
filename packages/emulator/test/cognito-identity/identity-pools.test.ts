import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  ListIdentityPoolsCommand,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
} from "@aws-sdk/client-cognito-identity";
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  CreateGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { identityStoreOf } from "../../src/cognito-identity";
import { verifyJwt } from "../../src/crypto/jwt";
import { iamRolesOf } from "../../src/iam";
import { errorOf } from "../support/emulator";
import { createClient, decodeJwt } from "../support/pool";
import { type UserPoolFixture, useIdentityEmulator, userPool } from "./support";

const AUTH_ROLE = "arn:aws:iam::123456789012:role/identity-authenticated";
const GUEST_ROLE = "arn:aws:iam::123456789012:role/identity-guest";
const ADMIN_ROLE = "arn:aws:iam::123456789012:role/identity-admin";

describe("cognito-identity with the AWS SDK", () => {
  const t = useIdentityEmulator();
  let up: UserPoolFixture;
  let poolId = "";

  beforeAll(async () => {
    up = await userPool(t.idp);
    const r = await t.identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: "files",
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: [
          { ProviderName: up.provider, ClientId: up.clientId, ServerSideTokenCheck: true },
        ],
      }),
    );
    poolId = r.IdentityPoolId ?? "";
    await t.identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: AUTH_ROLE, unauthenticated: GUEST_ROLE },
        RoleMappings: {
          [`${up.provider}:${up.clientId}`]: { Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole" },
        },
      }),
    );
  });

  it("creates, describes, updates, lists and deletes identity pools", async () => {
    expect(poolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const described = await t.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    expect(described).toMatchObject({
      IdentityPoolName: "files",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [
        { ProviderName: up.provider, ClientId: up.clientId, ServerSideTokenCheck: true },
      ],
    });
    const extra = await t.identity.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "extra", AllowUnauthenticatedIdentities: false }),
    );
    const updated = await t.identity.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: extra.IdentityPoolId,
        IdentityPoolName: "renamed",
        AllowUnauthenticatedIdentities: true,
      }),
    );
    expect(updated.IdentityPoolName).toBe("renamed");
    const page1 = await t.identity.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
    expect(page1.IdentityPools).toEqual([{ IdentityPoolId: poolId, IdentityPoolName: "files" }]);
    const page2 = await t.identity.send(
      new ListIdentityPoolsCommand({ MaxResults: 1, NextToken: page1.NextToken }),
    );
    expect(page2.IdentityPools?.[0]?.IdentityPoolName).toBe("renamed");
    expect(page2.NextToken).toBeUndefined();
    await t.identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId: extra.IdentityPoolId }));
    const gone = await errorOf(
      t.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: extra.IdentityPoolId })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
  });

  it("returns the roles and role mappings that were set", async () => {
    const r = await t.identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    expect(r.Roles).toEqual({ authenticated: AUTH_ROLE, unauthenticated: GUEST_ROLE });
    expect(r.RoleMappings?.[`${up.provider}:${up.clientId}`]).toEqual({
      Type: "Token",
      AmbiguousRoleResolution: "AuthenticatedRole",
    });
  });

  it("refuses input outside the model's constraints with ValidationException, as AWS's JSON protocol does", async () => {
    const e = await errorOf(t.identity.send(new ListIdentityPoolsCommand({ MaxResults: 0 })));
    expect(e.name).toBe("ValidationException");
    expect(e.message).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it("gives one stable identity per user and temporary credentials of the authenticated role", async () => {
    const token = await up.createUser("alice");
    const logins = { [up.provider]: token };
    const a = await t.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const again = await t.identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [up.provider]: await up.signIn("alice") } }),
    );
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(again.IdentityId).toBe(a.IdentityId);

    const r = await t.identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId: a.IdentityId, Logins: logins }),
    );
    expect(r.IdentityId).toBe(a.IdentityId);
    expect(r.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(r.Credentials?.SecretKey?.length).toBe(40);
    expect(r.Credentials?.SessionToken?.length).toBeGreaterThan(100);
    expect((r.Credentials?.Expiration?.getTime() ?? 0) - t.clock.now().getTime()).toBe(3600_000);
    const stored = identityStoreOf(t.emulator.services.store).getCredentials(
      r.Credentials?.AccessKeyId ?? "",
    );
    expect(stored).toMatchObject({ identityId: a.IdentityId, poolId, roleArn: AUTH_ROLE });
  });

  it("needs a login for an authenticated identity", async () => {
    const token = await up.createUser("bob");
    const { IdentityId } = await t.identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [up.provider]: token } }),
    );
    const e = await errorOf(t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })));
    expect(e.name).toBe("NotAuthorizedException");
    const other = await up.createUser("bob-2");
    const wrong = await errorOf(
      t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [up.provider]: other } })),
    );
    expect(wrong.name).toBe("NotAuthorizedException");
  });

  it("gives guests their own identity and the unauthenticated role, when the pool allows guests", async () => {
    const g = await t.identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const r = await t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: g.IdentityId }));
    const stored = identityStoreOf(t.emulator.services.store).getCredentials(
      r.Credentials?.AccessKeyId ?? "",
    );
    expect(stored?.roleArn).toBe(GUEST_ROLE);
    expect(stored?.context["cognito-identity.amazonaws.com:amr"]).toEqual(["unauthenticated"]);

    const closed = await t.identity.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "closed", AllowUnauthenticatedIdentities: false }),
    );
    const e = await errorOf(t.identity.send(new GetIdCommand({ IdentityPoolId: closed.IdentityPoolId })));
    expect(e).toMatchObject({
      name: "NotAuthorizedException",
      message: "Unauthenticated access is not supported for this identity pool.",
    });
  });

  it("refuses at GetId an ID token of another pool, another client, an access token, an expired or tampered token", async () => {
    const token = await up.createUser("carol");
    const getId = (Logins: Record<string, string>) =>
      errorOf(t.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins })));

    const otherPool = await userPool(t.idp);
    const foreign = await otherPool.createUser("carol");
    expect((await getId({ [otherPool.provider]: foreign })).name).toBe("NotAuthorizedException");
    // Another pool's token presented under this pool's provider name: wrong key, refused.
    expect((await getId({ [up.provider]: foreign })).name).toBe("NotAuthorizedException");

    const { clientId: otherClient } = await createClient(t.idp, up.poolId, { ClientName: "other" });
    const viaOtherClient = await t.idp.send(
      new (await import("@aws-sdk/client-cognito-identity-provider")).AdminInitiateAuthCommand({
        UserPoolId: up.poolId,
        ClientId: otherClient,
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "carol", PASSWORD: "Correct-Horse-9" },
      }),
    );
    const audience = await getId({ [up.provider]: viaOtherClient.AuthenticationResult?.IdToken ?? "" });
    expect(audience).toMatchObject({
      name: "NotAuthorizedException",
      message: expect.stringMatching(/audience/),
    });
    const access = await getId({ [up.provider]: viaOtherClient.AuthenticationResult?.AccessToken ?? "" });
    expect(access.name).toBe("NotAuthorizedException");

    const [h, p, s] = token.split(".");
    const payload = { ...decodeJwt(token), sub: "someone-else" };
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
    expect((await getId({ [up.provider]: forged })).name).toBe("NotAuthorizedException");
    expect(p).toBeTruthy();

    t.clock.advance(3601_000);
    try {
      const expired = await getId({ [up.provider]: token });
      expect(expired).toMatchObject({
        name: "NotAuthorizedException",
        message: expect.stringMatching(/Token expired/),
      });
    } finally {
      t.clock.advance(-3601_000);
    }
  });

  it("refuses a disabled user's token (ServerSideTokenCheck)", async () => {
    const token = await up.createUser("dave");
    await t.idp.send(new AdminDisableUserCommand({ UserPoolId: up.poolId, Username: "dave" }));
    const e = await errorOf(
      t.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [up.provider]: token } })),
    );
    expect(e.name).toBe("NotAuthorizedException");
  });

  it("maps a group's role through cognito:preferred_role (Token mapping)", async () => {
    await t.idp.send(
      new CreateGroupCommand({
        UserPoolId: up.poolId,
        GroupName: "admins",
        RoleArn: ADMIN_ROLE,
        Precedence: 0,
      }),
    );
    await up.createUser("erin");
    await t.idp.send(
      new AdminAddUserToGroupCommand({ UserPoolId: up.poolId, Username: "erin", GroupName: "admins" }),
    );
    const token = await up.signIn("erin");
    const logins = { [up.provider]: token };
    const { IdentityId } = await t.identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }),
    );
    const r = await t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    const stored = identityStoreOf(t.emulator.services.store).getCredentials(
      r.Credentials?.AccessKeyId ?? "",
    );
    expect(stored?.roleArn).toBe(ADMIN_ROLE);
    const custom = await errorOf(
      t.identity.send(
        new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins, CustomRoleArn: GUEST_ROLE }),
      ),
    );
    expect(custom.name).toBe("NotAuthorizedException");
  });

  it("applies Rules mappings in order and the Deny ambiguous resolution", async () => {
    const pool = await t.identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: "rules",
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: up.provider, ClientId: up.clientId }],
      }),
    );
    await t.identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Roles: { authenticated: AUTH_ROLE },
        RoleMappings: {
          [`${up.provider}:${up.clientId}`]: {
            Type: "Rules",
            AmbiguousRoleResolution: "Deny",
            RulesConfiguration: {
              Rules: [
                { Claim: "cognito:groups", MatchType: "Contains", Value: "admin", RoleARN: ADMIN_ROLE },
              ],
            },
          },
        },
      }),
    );
    const creds = async (username: string) => {
      const logins = { [up.provider]: await up.signIn(username) };
      const { IdentityId } = await t.identity.send(
        new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins: logins }),
      );
      return t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    };
    const admin = await creds("erin");
    expect(
      identityStoreOf(t.emulator.services.store).getCredentials(admin.Credentials?.AccessKeyId ?? "")
        ?.roleArn,
    ).toBe(ADMIN_ROLE);
    const e = await errorOf(creds("alice"));
    expect(e.name).toBe("NotAuthorizedException");
  });

  it("checks the role's trust policy before issuing credentials", async () => {
    const untrusted = "arn:aws:iam::123456789012:role/untrusted";
    iamRolesOf(t.emulator.services.store).putRole({
      arn: untrusted,
      trustPolicy: {
        Statement: {
          Effect: "Allow",
          Principal: { Federated: "cognito-identity.amazonaws.com" },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": "us-east-1:some-other-pool" } },
        },
      },
      policies: [],
    });
    const pool = await t.identity.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "untrusted", AllowUnauthenticatedIdentities: true }),
    );
    await t.identity.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Roles: { unauthenticated: untrusted },
      }),
    );
    const { IdentityId } = await t.identity.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
    const e = await errorOf(t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })));
    expect(e.name).toBe("InvalidIdentityPoolConfigurationException");
  });

  it("issues an OpenID token for the identity, signed with the published key", async () => {
    const logins = { [up.provider]: await up.signIn("alice") };
    const { IdentityId } = await t.identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }),
    );
    const r = await t.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
    const jwks = (await (await fetch(`${t.url}/_cognito-identity/.well-known/jwks_uri`)).json()) as {
      keys: { kid: string; alg: "RS256"; e: string; kty: "RSA"; n: string; use: "sig" }[];
    };
    const claims = verifyJwt(
      r.Token ?? "",
      jwks.keys.map((publicJwk) => ({ kid: publicJwk.kid, publicJwk })),
      t.clock.now(),
    );
    expect(claims).toMatchObject({
      iss: "https://cognito-identity.amazonaws.com",
      aud: poolId,
      sub: IdentityId,
    });
    expect(claims.amr).toEqual(["authenticated", up.provider, expect.stringMatching(/:CognitoSignIn:/)]);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);
  });

  it("creates an identity pool in the region the request was signed for, and its identities and tokens follow", async () => {
    const ireland = new CognitoIdentityClient({
      endpoint: t.url,
      region: "eu-west-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    try {
      const created = await ireland.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: "eu_guests",
          AllowUnauthenticatedIdentities: true,
        }),
      );
      expect(created.IdentityPoolId).toMatch(/^eu-west-1:[0-9a-f-]{36}$/);
      const { IdentityId } = await ireland.send(new GetIdCommand({ IdentityPoolId: created.IdentityPoolId }));
      expect(IdentityId).toMatch(/^eu-west-1:/);
      const r = await ireland.send(new GetOpenIdTokenCommand({ IdentityId }));
      const [, payload] = (r.Token ?? "").split(".");
      const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<
        string,
        unknown
      >;
      expect(claims["https://cognito-identity.amazonaws.com/identity-pool-arn"]).toBe(
        `arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/${created.IdentityPoolId}`,
      );
    } finally {
      ireland.destroy();
    }
  });

  it("answers unknown operations with UnknownOperationException and leaves other targets to the user-pool API", async () => {
    const res = await fetch(t.url, {
      method: "POST",
      headers: {
        "x-amz-target": "AWSCognitoIdentityService.Nope",
        "content-type": "application/x-amz-json-1.1",
      },
      body: "{}",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    const bad = await fetch(t.url, {
      method: "POST",
      headers: {
        "x-amz-target": "AWSCognitoIdentityService.GetId",
        "content-type": "application/x-amz-json-1.1",
      },
      body: "not json",
    });
    expect(((await bad.json()) as { __type: string }).__type).toBe("InvalidParameterException");
  });
});
