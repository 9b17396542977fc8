import {
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  type GetOpenIdTokenForDeveloperIdentityCommandInput,
  LookupDeveloperIdentityCommand,
  SetIdentityPoolRolesCommand,
} from "@aws-sdk/client-cognito-identity";
import { beforeAll, describe, expect, it } from "vitest";
import { identityStoreOf } from "../../src/cognito-identity";
import { verifyJwt } from "../../src/crypto/jwt";
import { errorOf } from "../support/emulator";
import { type UserPoolFixture, useIdentityEmulator, userPool } from "./support";

// Behaviour from the API reference of GetOpenIdTokenForDeveloperIdentity
// (https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html)
// and the developer guide's "Developer-authenticated identities"
// (https://docs.aws.amazon.com/cognito/latest/developerguide/developer-authenticated-identities.html).

const DEVELOPER = "login.example.app";
const AUTH_ROLE = "arn:aws:iam::123456789012:role/developer-authenticated";
const COGNITO = "cognito-identity.amazonaws.com";

describe("developer-authenticated identities with the AWS SDK", () => {
  const t = useIdentityEmulator();
  let up: UserPoolFixture;
  let poolId = "";
  const developerToken = (input: Partial<GetOpenIdTokenForDeveloperIdentityCommandInput>) =>
    t.identity.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: {}, ...input }),
    );
  const claimsOf = async (token: string) => {
    const jwks = (await (await fetch(`${t.url}/_cognito-identity/.well-known/jwks_uri`)).json()) as {
      keys: { kid: string; alg: "RS256"; e: string; kty: "RSA"; n: string; use: "sig" }[];
    };
    return verifyJwt(
      token,
      jwks.keys.map((publicJwk) => ({ kid: publicJwk.kid, publicJwk })),
      t.clock.now(),
    ) as Record<string, unknown> & { exp: number; iat: number };
  };

  beforeAll(async () => {
    up = await userPool(t.idp);
    const r = await t.identity.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: "developer",
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: DEVELOPER,
        CognitoIdentityProviders: [{ ProviderName: up.provider, ClientId: up.clientId }],
      }),
    );
    poolId = r.IdentityPoolId ?? "";
    await t.identity.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: AUTH_ROLE } }),
    );
  });

  it("issues a 15-minute OpenID token for a developer user, signed with the published key", async () => {
    const r = await developerToken({ Logins: { [DEVELOPER]: "user-1" } });
    expect(r.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const claims = await claimsOf(r.Token ?? "");
    expect(claims).toMatchObject({
      iss: "https://cognito-identity.amazonaws.com",
      aud: poolId,
      sub: r.IdentityId,
    });
    // The amr of a developer identity: "authenticated", the provider, "<provider>:<pool>:<user>".
    expect(claims.amr).toEqual(["authenticated", DEVELOPER, `${DEVELOPER}:${poolId}:user-1`]);
    // "If you don't provide an expiration time, the token is valid for 15 minutes."
    expect(claims.exp - claims.iat).toBe(900);
    const longer = await claimsOf(
      (await developerToken({ Logins: { [DEVELOPER]: "user-1" }, TokenDuration: 3600 })).Token ?? "",
    );
    expect(longer.exp - longer.iat).toBe(3600);
    // "The maximum token duration you can set is 24 hours."
    for (const TokenDuration of [0, 86401]) {
      const e = await errorOf(developerToken({ Logins: { [DEVELOPER]: "user-1" }, TokenDuration }));
      expect(e.name).toBe("ValidationException");
    }
  });

  it("maps the same developer user to the same identity, and another user to another", async () => {
    const a = await developerToken({ Logins: { [DEVELOPER]: "user-2" } });
    const again = await developerToken({ Logins: { [DEVELOPER]: "user-2" } });
    const other = await developerToken({ Logins: { [DEVELOPER]: "user-3" } });
    expect(again.IdentityId).toBe(a.IdentityId);
    expect(other.IdentityId).not.toBe(a.IdentityId);
  });

  it("exchanges the token for credentials of the authenticated role (cognito-identity.amazonaws.com login)", async () => {
    const { IdentityId, Token } = await developerToken({
      Logins: { [DEVELOPER]: "user-4" },
      PrincipalTags: { department: "engineering" },
    });
    const claims = await claimsOf(Token ?? "");
    expect(claims["https://aws.amazon.com/tags"]).toEqual({
      principal_tags: { department: ["engineering"] },
    });
    const r = await t.identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [COGNITO]: Token ?? "" } }),
    );
    expect(r.IdentityId).toBe(IdentityId);
    const stored = identityStoreOf(t.emulator.services.store).getCredentials(
      r.Credentials?.AccessKeyId ?? "",
    );
    expect(stored).toMatchObject({ identityId: IdentityId, poolId, roleArn: AUTH_ROLE });
    expect(stored?.context["cognito-identity.amazonaws.com:amr"]).toEqual([
      "authenticated",
      DEVELOPER,
      `${DEVELOPER}:${poolId}:user-4`,
    ]);
    expect(stored?.context["aws:PrincipalTag/department"]).toBe("engineering");

    const openId = await t.identity.send(
      new GetOpenIdTokenCommand({ IdentityId, Logins: { [COGNITO]: Token ?? "" } }),
    );
    expect((await claimsOf(openId.Token ?? "")).amr).toEqual(claims.amr);

    // The identity needs its login: without it, or with another identity's token, it is refused.
    const bare = await errorOf(t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })));
    expect(bare.name).toBe("NotAuthorizedException");
    const foreign = await developerToken({ Logins: { [DEVELOPER]: "user-5" } });
    const mismatch = await errorOf(
      t.identity.send(
        new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [COGNITO]: foreign.Token ?? "" } }),
      ),
    );
    expect(mismatch).toMatchObject({
      name: "NotAuthorizedException",
      message: expect.stringMatching(/^Logins don't match/),
    });
  });

  it("refuses an expired or tampered developer token", async () => {
    const { IdentityId, Token = "" } = await developerToken({
      Logins: { [DEVELOPER]: "user-6" },
      TokenDuration: 60,
    });
    const [h, , s] = Token.split(".");
    const payload = Buffer.from(
      JSON.stringify({ ...(await claimsOf(Token)), sub: "us-east-1:someone" }),
    ).toString("base64url");
    const forged = await errorOf(
      t.identity.send(
        new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [COGNITO]: `${h}.${payload}.${s}` } }),
      ),
    );
    expect(forged).toMatchObject({
      name: "NotAuthorizedException",
      message: "Invalid login token. Couldn't verify signed token.",
    });
    t.clock.advance(61_000);
    try {
      const expired = await errorOf(
        t.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [COGNITO]: Token } })),
      );
      expect(expired).toMatchObject({
        name: "NotAuthorizedException",
        message: expect.stringMatching(/Token expired/),
      });
    } finally {
      t.clock.advance(-61_000);
    }
  });

  it("links a second developer identifier to an existing identity, and looks them up", async () => {
    const { IdentityId } = await developerToken({ Logins: { [DEVELOPER]: "user-7" } });
    // "When you want to associate a new login with an existing ... identity, you can do so by
    // providing the existing IdentityId."
    const linked = await developerToken({ IdentityId, Logins: { [DEVELOPER]: "user-7-alias" } });
    expect(linked.IdentityId).toBe(IdentityId);
    expect((await developerToken({ Logins: { [DEVELOPER]: "user-7-alias" } })).IdentityId).toBe(IdentityId);

    const lookup = await t.identity.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId }),
    );
    expect(lookup).toMatchObject({ IdentityId, DeveloperUserIdentifierList: ["user-7", "user-7-alias"] });
    const byUser = await t.identity.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: "user-7-alias" }),
    );
    expect(byUser.IdentityId).toBe(IdentityId);
    const first = await t.identity.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId, MaxResults: 1 }),
    );
    expect(first.DeveloperUserIdentifierList).toEqual(["user-7"]);
    const second = await t.identity.send(
      new LookupDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        IdentityId,
        MaxResults: 1,
        NextToken: first.NextToken,
      }),
    );
    expect(second).toMatchObject({ DeveloperUserIdentifierList: ["user-7-alias"] });
    expect(second.NextToken).toBeUndefined();

    // LookupDeveloperIdentity API reference: given both, "If the values don't match, the response
    // returns ResourceConflictException."
    const other = await developerToken({ Logins: { [DEVELOPER]: "user-8" } });
    const conflict = await errorOf(
      t.identity.send(
        new LookupDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: other.IdentityId,
          DeveloperUserIdentifier: "user-7",
        }),
      ),
    );
    expect(conflict.name).toBe("ResourceConflictException");
    const unknown = await errorOf(
      t.identity.send(
        new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: "nobody" }),
      ),
    );
    expect(unknown.name).toBe("ResourceNotFoundException");
    const neither = await errorOf(
      t.identity.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId })),
    );
    expect(neither.name).toBe("InvalidParameterException");

    // DeveloperUserAlreadyRegisteredException: "The provided developer user identifier is already
    // registered with Cognito under a different identity ID."
    const taken = await errorOf(
      developerToken({ IdentityId: other.IdentityId, Logins: { [DEVELOPER]: "user-7" } }),
    );
    expect(taken.name).toBe("DeveloperUserAlreadyRegisteredException");
  });

  it("links other logins given with the developer user (an implicit linked account)", async () => {
    const idToken = await up.createUser("dana");
    const r = await developerToken({ Logins: { [DEVELOPER]: "user-9", [up.provider]: idToken } });
    const viaUserPool = await t.identity.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [up.provider]: idToken } }),
    );
    expect(viaUserPool.IdentityId).toBe(r.IdentityId);
    const claims = await claimsOf(r.Token ?? "");
    expect(claims.amr).toEqual(expect.arrayContaining(["authenticated", DEVELOPER, up.provider]));
  });

  it("refuses another developer provider, a pool without one, and an unknown identity", async () => {
    const wrong = await errorOf(developerToken({ Logins: { "login.other.app": "user-1" } }));
    expect(wrong).toMatchObject({
      name: "NotAuthorizedException",
      // The wording AWS answers (reported in danilop/LambdAuth#32).
      message: "This identity pool does not support the specified developer provider.",
    });
    const plain = await t.identity.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: "plain", AllowUnauthenticatedIdentities: true }),
    );
    const none = await errorOf(
      developerToken({ IdentityPoolId: plain.IdentityPoolId, Logins: { [DEVELOPER]: "user-1" } }),
    );
    expect(none.name).toBe("NotAuthorizedException");
    const missing = await errorOf(
      developerToken({
        IdentityId: "us-east-1:00000000-0000-0000-0000-000000000000",
        Logins: { [DEVELOPER]: "u" },
      }),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
    const pool = await errorOf(
      developerToken({
        IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
        Logins: { [DEVELOPER]: "u" },
      }),
    );
    expect(pool.name).toBe("ResourceNotFoundException");
  });

  it("needs developer credentials: an unsigned request is refused", async () => {
    // "You must use Amazon Web Services developer credentials to call this operation."
    for (const operation of ["GetOpenIdTokenForDeveloperIdentity", "LookupDeveloperIdentity"]) {
      const res = await fetch(t.url, {
        method: "POST",
        headers: {
          "x-amz-target": `AWSCognitoIdentityService.${operation}`,
          "content-type": "application/x-amz-json-1.1",
        },
        body: JSON.stringify({
          IdentityPoolId: poolId,
          Logins: { [DEVELOPER]: "user-1" },
          DeveloperUserIdentifier: "user-1",
        }),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    }
  });
});
