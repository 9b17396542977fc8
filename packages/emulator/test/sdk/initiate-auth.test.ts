import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  ChangePasswordCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, decodeJwt, PASSWORD } from "../support/pool";

describe("InitiateAuth and tokens", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client, {
      AliasAttributes: ["email"],
      UsernameConfiguration: { CaseSensitive: false },
    });
    ({ clientId } = await createClient(t.client, poolId));
  });

  const passwordAuth = (USERNAME: string, PASSWORD_: string, ClientId = clientId) =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME, PASSWORD: PASSWORD_ },
      }),
    );

  it("signs in with USER_PASSWORD_AUTH and issues Cognito's claims", async () => {
    await createConfirmedUser(t.client, poolId, "frank", {
      email: "frank@example.com",
      email_verified: "true",
      name: "Frank",
    });
    const r = await passwordAuth("frank", PASSWORD);
    const tokens = r.AuthenticationResult;
    expect(tokens?.TokenType).toBe("Bearer");
    expect(tokens?.ExpiresIn).toBe(3600);
    expect(tokens?.RefreshToken?.split(".")).toHaveLength(5);
    const id = decodeJwt(tokens?.IdToken ?? "");
    const access = decodeJwt(tokens?.AccessToken ?? "");
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    expect(id).toMatchObject({
      iss,
      aud: clientId,
      token_use: "id",
      "cognito:username": "frank",
      email: "frank@example.com",
      email_verified: true,
      name: "Frank",
    });
    expect(id.sub).toBe(access.sub);
    expect(access).toMatchObject({
      iss,
      client_id: clientId,
      token_use: "access",
      scope: "aws.cognito.signin.user.admin",
      username: "frank",
    });
    expect(access.aud).toBeUndefined();
    // nonce and at_hash belong to the OAuth endpoints' ID tokens only.
    expect(id.nonce).toBeUndefined();
    expect(id.at_hash).toBeUndefined();
    expect(id.origin_jti).toBe(access.origin_jti);
    expect((access.exp as number) - (access.iat as number)).toBe(3600);
  });

  it("matches usernames case-insensitively and signs in with a verified email alias", async () => {
    const r = await passwordAuth("FRANK", PASSWORD);
    expect(decodeJwt(r.AuthenticationResult?.IdToken ?? "")["cognito:username"]).toBe("frank");
    const byEmail = await passwordAuth("Frank@Example.com", PASSWORD);
    expect(byEmail.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("refuses a wrong password, an unknown user, and a flow the client does not allow", async () => {
    const wrong = await errorOf(passwordAuth("frank", "Wrong-Password-1"));
    expect(wrong).toMatchObject({
      name: "NotAuthorizedException",
      message: "Incorrect username or password.",
    });
    const unknown = await errorOf(passwordAuth("nobody", PASSWORD));
    expect(unknown).toMatchObject({ name: "UserNotFoundException", message: "User does not exist." });
    const { clientId: srpOnly } = await createClient(t.client, poolId, {
      ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
    });
    const flow = await errorOf(passwordAuth("frank", PASSWORD, srpOnly));
    expect(flow).toMatchObject({
      name: "InvalidParameterException",
      message: "USER_PASSWORD_AUTH flow not enabled for this client",
    });
    const { clientId: quiet } = await createClient(t.client, poolId, {
      PreventUserExistenceErrors: "ENABLED",
    });
    const hidden = await errorOf(passwordAuth("nobody", PASSWORD, quiet));
    expect(hidden).toMatchObject({
      name: "NotAuthorizedException",
      message: "Incorrect username or password.",
    });
  });

  it("locks the user out after five failures, as Cognito does", async () => {
    await createConfirmedUser(t.client, poolId, "grace");
    for (let i = 0; i < 5; i++) {
      expect((await errorOf(passwordAuth("grace", "Wrong-Password-1"))).message).toBe(
        "Incorrect username or password.",
      );
    }
    const locked = await errorOf(passwordAuth("grace", PASSWORD));
    expect(locked).toMatchObject({ name: "NotAuthorizedException", message: "Password attempts exceeded" });
    t.clock.advance(2000);
    expect((await passwordAuth("grace", PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it("counts concurrent failures: parallel wrong passwords cannot outrun the lockout", async () => {
    await createConfirmedUser(t.client, poolId, "quentin");
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () => errorOf(passwordAuth("quentin", "Wrong-Password-1"))),
    );
    const messages = attempts.map((e) => e.message);
    // Every attempt failed, at most five were checked against the password, the rest were locked out.
    expect(
      messages.every((m) => m === "Incorrect username or password." || m === "Password attempts exceeded"),
    ).toBe(true);
    expect(messages.filter((m) => m === "Password attempts exceeded").length).toBeGreaterThan(0);
    const locked = await errorOf(passwordAuth("quentin", PASSWORD));
    expect(locked).toMatchObject({ name: "NotAuthorizedException", message: "Password attempts exceeded" });
  });

  it("refreshes tokens with REFRESH_TOKEN_AUTH, keeping auth_time and origin_jti, without a new refresh token", async () => {
    const first = await passwordAuth("frank", PASSWORD);
    t.clock.advance(60_000);
    const refreshed = await t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "REFRESH_TOKEN_AUTH",
        AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult?.RefreshToken ?? "" },
      }),
    );
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
    const before = decodeJwt(first.AuthenticationResult?.AccessToken ?? "");
    const after = decodeJwt(refreshed.AuthenticationResult?.AccessToken ?? "");
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.iat).toBe((before.iat as number) + 60);
    const bogus = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: "nope" },
        }),
      ),
    );
    expect(bogus.name).toBe("NotAuthorizedException");
  });

  it("refuses a disabled user at sign-in, at refresh and at GetUser", async () => {
    await createConfirmedUser(t.client, poolId, "heidi");
    const r = await passwordAuth("heidi", PASSWORD);
    await t.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "heidi" }));
    expect(await errorOf(passwordAuth("heidi", PASSWORD))).toMatchObject({
      name: "NotAuthorizedException",
      message: "User is disabled.",
    });
    const refresh = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: r.AuthenticationResult?.RefreshToken ?? "" },
        }),
      ),
    );
    expect(refresh.name).toBe("NotAuthorizedException");
    expect(
      (await errorOf(t.client.send(new GetUserCommand({ AccessToken: r.AuthenticationResult?.AccessToken }))))
        .name,
    ).toBe("NotAuthorizedException");
    await t.client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: "heidi" }));
    expect((await passwordAuth("heidi", PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it("GlobalSignOut revokes refresh tokens and the access tokens issued with them", async () => {
    await createConfirmedUser(t.client, poolId, "ivan");
    const r = await passwordAuth("ivan", PASSWORD);
    const AccessToken = r.AuthenticationResult?.AccessToken ?? "";
    const user = await t.client.send(new GetUserCommand({ AccessToken }));
    expect(user.Username).toBe("ivan");
    await t.client.send(new GlobalSignOutCommand({ AccessToken }));
    expect(await errorOf(t.client.send(new GetUserCommand({ AccessToken })))).toMatchObject({
      name: "NotAuthorizedException",
      message: "Access Token has been revoked",
    });
    const refresh = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: r.AuthenticationResult?.RefreshToken ?? "" },
        }),
      ),
    );
    expect(refresh.name).toBe("NotAuthorizedException");
    const again = await passwordAuth("ivan", PASSWORD);
    await t.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: "ivan" }));
    expect(
      (
        await errorOf(
          t.client.send(new GetUserCommand({ AccessToken: again.AuthenticationResult?.AccessToken })),
        )
      ).name,
    ).toBe("NotAuthorizedException");
  });

  it("RevokeToken revokes one refresh token", async () => {
    const r = await passwordAuth("frank", PASSWORD);
    const other = await passwordAuth("frank", PASSWORD);
    await t.client.send(
      new RevokeTokenCommand({ ClientId: clientId, Token: r.AuthenticationResult?.RefreshToken }),
    );
    const refresh = (token: string | undefined) =>
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: token ?? "" },
        }),
      );
    expect((await errorOf(refresh(r.AuthenticationResult?.RefreshToken))).name).toBe(
      "NotAuthorizedException",
    );
    expect(
      (await errorOf(t.client.send(new GetUserCommand({ AccessToken: r.AuthenticationResult?.AccessToken }))))
        .name,
    ).toBe("NotAuthorizedException");
    expect(
      (await refresh(other.AuthenticationResult?.RefreshToken)).AuthenticationResult?.AccessToken,
    ).toBeTruthy();
  });

  it("ChangePassword checks the previous password and the policy", async () => {
    await createConfirmedUser(t.client, poolId, "judy");
    const r = await passwordAuth("judy", PASSWORD);
    const AccessToken = r.AuthenticationResult?.AccessToken ?? "";
    expect(
      (
        await errorOf(
          t.client.send(
            new ChangePasswordCommand({
              AccessToken,
              PreviousPassword: "Nope-Nope-1",
              ProposedPassword: "New-Password-2",
            }),
          ),
        )
      ).name,
    ).toBe("NotAuthorizedException");
    expect(
      (
        await errorOf(
          t.client.send(
            new ChangePasswordCommand({ AccessToken, PreviousPassword: PASSWORD, ProposedPassword: "short" }),
          ),
        )
      ).name,
    ).toBe("InvalidPasswordException");
    await t.client.send(
      new ChangePasswordCommand({
        AccessToken,
        PreviousPassword: PASSWORD,
        ProposedPassword: "New-Password-2",
      }),
    );
    expect((await passwordAuth("judy", "New-Password-2")).AuthenticationResult).toBeDefined();
  });

  it("refuses an expired access token", async () => {
    const r = await passwordAuth("frank", PASSWORD);
    t.clock.advance(3601_000);
    expect(
      await errorOf(t.client.send(new GetUserCommand({ AccessToken: r.AuthenticationResult?.AccessToken }))),
    ).toMatchObject({
      name: "NotAuthorizedException",
      message: "Access Token has expired",
    });
  });
});
