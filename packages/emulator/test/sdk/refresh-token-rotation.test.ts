/**
 * Refresh-token rotation (the app client's `RefreshTokenRotation`) and GetTokensFromRefreshToken,
 * through the AWS SDK, as AWS documents them (API reference: RefreshTokenRotationType,
 * GetTokensFromRefreshToken; developer guide "Refresh tokens"):
 * - rotation off: new ID and access tokens only, the refresh token stays valid;
 * - rotation on: a new refresh token too; the submitted one stops working after
 *   RetryGracePeriodSeconds (0 = at once), then RefreshTokenReuseException;
 * - REFRESH_TOKEN_AUTH cannot be used by a client with rotation on;
 * - the token endpoint's refresh_token grant also rotates.
 */
import {
  type CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

describe("refresh-token rotation and GetTokensFromRefreshToken", () => {
  const t = useEmulator();
  let poolId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client);
    await createConfirmedUser(t.client, poolId, "rotor");
  });

  const signIn = async (ClientId: string) =>
    (
      await t.client.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "rotor", PASSWORD },
        }),
      )
    ).AuthenticationResult ?? {};
  const refresh = (
    sdk: CognitoIdentityProviderClient,
    ClientId: string,
    RefreshToken: string,
    ClientSecret?: string,
  ) =>
    sdk.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId,
        RefreshToken,
        ...(ClientSecret ? { ClientSecret } : {}),
      }),
    );
  const rotating = (RetryGracePeriodSeconds: number) =>
    createClient(t.client, poolId, { RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds } });

  it("without rotation: new ID and access tokens, and the same refresh token keeps working", async () => {
    const { clientId } = await createClient(t.client, poolId);
    const first = await signIn(clientId);
    const a = await refresh(t.client, clientId, first.RefreshToken ?? "");
    expect(a.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(a.AuthenticationResult?.IdToken).toBeTruthy();
    expect(a.AuthenticationResult?.RefreshToken).toBeUndefined();
    const b = await refresh(t.client, clientId, first.RefreshToken ?? "");
    expect(b.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("with rotation and no grace: a new refresh token each time, the old one refused at once", async () => {
    const { clientId } = await rotating(0);
    const first = await signIn(clientId);
    const r1 = await refresh(t.client, clientId, first.RefreshToken ?? "");
    const next = r1.AuthenticationResult?.RefreshToken ?? "";
    expect(next).not.toBe("");
    expect(next).not.toBe(first.RefreshToken);
    expect(await errorOf(refresh(t.client, clientId, first.RefreshToken ?? ""))).toMatchObject({
      name: "RefreshTokenReuseException",
    });
    const r2 = await refresh(t.client, clientId, next);
    const me = await t.client.send(
      new GetUserCommand({ AccessToken: r2.AuthenticationResult?.AccessToken ?? "" }),
    );
    expect(me.Username).toBe("rotor");
    // Rotation is done with GetTokensFromRefreshToken only.
    const viaInitiate = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: r2.AuthenticationResult?.RefreshToken ?? "" },
        }),
      ),
    );
    expect(viaInitiate.name).toBe("InvalidParameterException");
  });

  it("lets the rotated-out token retry within the grace period, not after", async () => {
    const { clientId } = await rotating(30);
    const first = await signIn(clientId);
    await refresh(t.client, clientId, first.RefreshToken ?? "");
    t.clock.advance(20_000);
    const retry = await refresh(t.client, clientId, first.RefreshToken ?? "");
    expect(retry.AuthenticationResult?.RefreshToken).toBeTruthy();
    t.clock.advance(11_000);
    expect((await errorOf(refresh(t.client, clientId, first.RefreshToken ?? ""))).name).toBe(
      "RefreshTokenReuseException",
    );
    // The token issued on the retry is a live one.
    expect(
      (await refresh(t.client, clientId, retry.AuthenticationResult?.RefreshToken ?? "")).AuthenticationResult
        ?.AccessToken,
    ).toBeTruthy();
  });

  it("of two refreshes racing with the same token and no grace, exactly one gets new tokens", async () => {
    const { clientId } = await rotating(0);
    const first = await signIn(clientId);
    const results = await Promise.allSettled([
      refresh(t.client, clientId, first.RefreshToken ?? ""),
      refresh(t.client, clientId, first.RefreshToken ?? ""),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("checks the client secret of a client that has one", async () => {
    const { clientId, clientSecret } = await createClient(t.client, poolId, {
      GenerateSecret: true,
      ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    });
    expect(clientSecret).toBeTruthy();
    const missing = await errorOf(refresh(t.client, clientId, "x".repeat(40)));
    expect(missing).toMatchObject({
      name: "NotAuthorizedException",
      message: `Client ${clientId} is configured for secret but secret was not received`,
    });
    const wrong = await errorOf(refresh(t.client, clientId, "x".repeat(40), "s".repeat(40)));
    expect(wrong, wrong.message).toMatchObject({ name: "NotAuthorizedException" });
  });

  it("describes the rotation setting back, and turning it off stops rotating", async () => {
    const { clientId } = await rotating(10);
    const updated = await t.client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        RefreshTokenRotation: { Feature: "DISABLED" },
      }),
    );
    expect(updated.UserPoolClient?.RefreshTokenRotation).toEqual({ Feature: "DISABLED" });
    const first = await signIn(clientId);
    expect(
      (await refresh(t.client, clientId, first.RefreshToken ?? "")).AuthenticationResult?.RefreshToken,
    ).toBeUndefined();
  });
});
