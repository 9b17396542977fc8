import {
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminUpdateDeviceStatusCommand,
  ConfirmDeviceCommand,
  DescribeUserPoolCommand,
  type DeviceType,
  ForgetDeviceCommand,
  GetDeviceCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  UpdateDeviceStatusCommand,
  UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, decodeJwt, PASSWORD } from "../support/pool";

/** Any verifier will do where no device SRP follows (device SRP is proven in devices-srp.test.ts). */
const VERIFIER = { PasswordVerifier: Buffer.from("ab".repeat(384), "hex").toString("base64"), Salt: "AKE=" };

const attributesOf = (device: DeviceType | undefined) =>
  Object.fromEntries((device?.DeviceAttributes ?? []).map((a) => [a.Name, a.Value]));

/**
 * Remembered devices through the AWS SDK v3: `DeviceConfiguration` turns tracking on, sign-ins get
 * `NewDeviceMetadata`, tokens are tied to the device, and the device operations and their admin
 * variants act on the user's devices. Shapes follow the API reference (NewDeviceMetadataType,
 * DeviceType, ConfirmDevice's UserConfirmationNecessary).
 */
describe("remembered devices (SDK v3)", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client, {
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
    });
    ({ clientId } = await createClient(t.client, poolId));
  });

  const signIn = (USERNAME: string, extra: Record<string, string> = {}) =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME, PASSWORD, ...extra },
      }),
    );

  /** Signs in on a new device and confirms it; answers the device key and the sign-in's tokens. */
  async function confirmedDevice(username: string) {
    const first = await signIn(username);
    const result = first.AuthenticationResult;
    const DeviceKey = result?.NewDeviceMetadata?.DeviceKey ?? "";
    const confirmed = await t.client.send(
      new ConfirmDeviceCommand({
        AccessToken: result?.AccessToken,
        DeviceKey,
        DeviceSecretVerifierConfig: VERIFIER,
        DeviceName: `${username}-laptop`,
      }),
    );
    return { DeviceKey, confirmed, result };
  }

  it("hands out a new device at sign-in and ties the access token to it", async () => {
    await createConfirmedUser(t.client, poolId, "dana");
    const pool = await t.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(pool.UserPool?.DeviceConfiguration).toEqual({
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: true,
    });
    const result = (await signIn("dana")).AuthenticationResult;
    const metadata = result?.NewDeviceMetadata;
    expect(metadata?.DeviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);
    expect(metadata?.DeviceGroupKey).toMatch(/^-\w+$/);
    expect(decodeJwt(result?.AccessToken ?? "").device_key).toBe(metadata?.DeviceKey);
    // Each sign-in that names no device is a new device.
    const again = (await signIn("dana")).AuthenticationResult?.NewDeviceMetadata?.DeviceKey;
    expect(again).not.toBe(metadata?.DeviceKey);
  });

  it("hands out no device where the pool does not track devices", async () => {
    const plainPool = await createPool(t.client);
    const { clientId: plainClient } = await createClient(t.client, plainPool);
    await createConfirmedUser(t.client, plainPool, "pat");
    const r = await t.client.send(
      new InitiateAuthCommand({
        ClientId: plainClient,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "pat", PASSWORD },
      }),
    );
    expect(r.AuthenticationResult?.NewDeviceMetadata).toBeUndefined();
    expect(decodeJwt(r.AuthenticationResult?.AccessToken ?? "").device_key).toBeUndefined();
  });

  it("confirms a device, lists it not remembered until the user says so, then remembers it", async () => {
    await createConfirmedUser(t.client, poolId, "eli");
    const { DeviceKey, confirmed, result } = await confirmedDevice("eli");
    const AccessToken = result?.AccessToken;
    expect(confirmed.UserConfirmationNecessary).toBe(true);
    const listed = await t.client.send(new ListDevicesCommand({ AccessToken }));
    expect(listed.Devices?.map((d) => d.DeviceKey)).toEqual([DeviceKey]);
    expect(attributesOf(listed.Devices?.[0])).toMatchObject({
      device_status: "valid",
      device_name: "eli-laptop",
      "dev:device_remembered_status": "not_remembered",
    });
    expect(listed.Devices?.[0]?.DeviceCreateDate).toBeInstanceOf(Date);
    await t.client.send(
      new UpdateDeviceStatusCommand({ AccessToken, DeviceKey, DeviceRememberedStatus: "remembered" }),
    );
    const got = await t.client.send(new GetDeviceCommand({ AccessToken, DeviceKey }));
    expect(attributesOf(got.Device)["dev:device_remembered_status"]).toBe("remembered");
    const admin = await t.client.send(new AdminListDevicesCommand({ UserPoolId: poolId, Username: "eli" }));
    expect(admin.Devices?.map((d) => d.DeviceKey)).toEqual([DeviceKey]);
    await t.client.send(
      new AdminUpdateDeviceStatusCommand({
        UserPoolId: poolId,
        Username: "eli",
        DeviceKey,
        DeviceRememberedStatus: "not_remembered",
      }),
    );
    const adminGot = await t.client.send(
      new AdminGetDeviceCommand({ UserPoolId: poolId, Username: "eli", DeviceKey }),
    );
    expect(attributesOf(adminGot.Device)["dev:device_remembered_status"]).toBe("not_remembered");
  });

  it("remembers a confirmed device at once where the pool does not wait for the user", async () => {
    const alwaysPool = await createPool(t.client, {
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
    });
    const { clientId: alwaysClient } = await createClient(t.client, alwaysPool);
    await createConfirmedUser(t.client, alwaysPool, "fay");
    const r = await t.client.send(
      new InitiateAuthCommand({
        ClientId: alwaysClient,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "fay", PASSWORD },
      }),
    );
    const AccessToken = r.AuthenticationResult?.AccessToken;
    const DeviceKey = r.AuthenticationResult?.NewDeviceMetadata?.DeviceKey;
    const confirmed = await t.client.send(
      new ConfirmDeviceCommand({ AccessToken, DeviceKey, DeviceSecretVerifierConfig: VERIFIER }),
    );
    expect(confirmed.UserConfirmationNecessary).toBe(false);
    const got = await t.client.send(new GetDeviceCommand({ AccessToken, DeviceKey }));
    expect(attributesOf(got.Device)["dev:device_remembered_status"]).toBe("remembered");
  });

  it("signs in again on a known device without a new one, and refuses a device the user does not have", async () => {
    await createConfirmedUser(t.client, poolId, "gus");
    const { DeviceKey } = await confirmedDevice("gus");
    // Not remembered (the pool waits for the user), so no device challenge: tokens at once.
    const again = (await signIn("gus", { DEVICE_KEY: DeviceKey })).AuthenticationResult;
    expect(again?.NewDeviceMetadata).toBeUndefined();
    expect(decodeJwt(again?.AccessToken ?? "").device_key).toBe(DeviceKey);
    // Amplify and amazon-cognito-identity-js recognise this answer and sign in afresh.
    const err = await errorOf(
      signIn("gus", { DEVICE_KEY: "us-east-1_00000000-0000-4000-8000-000000000000" }),
    );
    expect(err).toMatchObject({ name: "ResourceNotFoundException", message: "Device does not exist." });
  });

  it("refreshes a device's tokens only with its DEVICE_KEY", async () => {
    await createConfirmedUser(t.client, poolId, "hal");
    const { DeviceKey, result } = await confirmedDevice("hal");
    const refresh = (extra: Record<string, string>) =>
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: result?.RefreshToken ?? "", ...extra },
        }),
      );
    expect(await errorOf(refresh({}))).toMatchObject({
      name: "NotAuthorizedException",
      message: "Invalid Refresh Token",
    });
    expect(await errorOf(refresh({ DEVICE_KEY: `${DeviceKey.slice(0, -1)}0` }))).toMatchObject({
      name: "NotAuthorizedException",
    });
    const renewed = await refresh({ DEVICE_KEY: DeviceKey });
    expect(decodeJwt(renewed.AuthenticationResult?.AccessToken ?? "").device_key).toBe(DeviceKey);
  });

  it("rotates a device's refresh token with GetTokensFromRefreshToken and its DeviceKey", async () => {
    const { clientId: rotating } = await createClient(t.client, poolId, {
      RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 0 },
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"],
    });
    await createConfirmedUser(t.client, poolId, "ida");
    const r = await t.client.send(
      new InitiateAuthCommand({
        ClientId: rotating,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "ida", PASSWORD },
      }),
    );
    const DeviceKey = r.AuthenticationResult?.NewDeviceMetadata?.DeviceKey ?? "";
    const RefreshToken = r.AuthenticationResult?.RefreshToken ?? "";
    const refuse = await errorOf(
      t.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: rotating, RefreshToken })),
    );
    expect(refuse).toMatchObject({ name: "NotAuthorizedException", message: "Invalid Refresh Token" });
    const rotated = await t.client.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: rotating, RefreshToken, DeviceKey }),
    );
    const next = rotated.AuthenticationResult;
    expect(decodeJwt(next?.AccessToken ?? "").device_key).toBe(DeviceKey);
    // The successor is tied to the same device.
    await expect(
      t.client.send(
        new GetTokensFromRefreshTokenCommand({ ClientId: rotating, RefreshToken: next?.RefreshToken }),
      ),
    ).rejects.toMatchObject({ name: "NotAuthorizedException" });
    await t.client.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId: rotating,
        RefreshToken: next?.RefreshToken,
        DeviceKey,
      }),
    );
  });

  it("forgets a device: it is gone, and its refresh tokens stop working", async () => {
    await createConfirmedUser(t.client, poolId, "jo");
    const { DeviceKey, result } = await confirmedDevice("jo");
    const AccessToken = result?.AccessToken;
    await t.client.send(new ForgetDeviceCommand({ AccessToken, DeviceKey }));
    expect(await errorOf(t.client.send(new GetDeviceCommand({ AccessToken, DeviceKey })))).toMatchObject({
      name: "ResourceNotFoundException",
      message: "Device does not exist.",
    });
    const refreshed = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: result?.RefreshToken ?? "", DEVICE_KEY: DeviceKey },
        }),
      ),
    );
    expect(refreshed).toMatchObject({ name: "NotAuthorizedException", message: "Invalid Refresh Token" });
    expect(await errorOf(t.client.send(new ForgetDeviceCommand({ AccessToken, DeviceKey })))).toMatchObject({
      name: "ResourceNotFoundException",
    });
    const second = await confirmedDevice("jo");
    await t.client.send(
      new AdminForgetDeviceCommand({ UserPoolId: poolId, Username: "jo", DeviceKey: second.DeviceKey }),
    );
    const listed = await t.client.send(new ListDevicesCommand({ AccessToken: second.result?.AccessToken }));
    expect(listed.Devices).toEqual([]);
  });

  it("keeps one user's devices from another, and refuses device calls without an access token", async () => {
    await createConfirmedUser(t.client, poolId, "kim");
    await createConfirmedUser(t.client, poolId, "lou");
    const kim = await confirmedDevice("kim");
    const lou = (await signIn("lou")).AuthenticationResult;
    const err = await errorOf(
      t.client.send(new GetDeviceCommand({ AccessToken: lou?.AccessToken, DeviceKey: kim.DeviceKey })),
    );
    expect(err.name).toBe("ResourceNotFoundException");
    const noToken = await errorOf(t.client.send(new GetDeviceCommand({ DeviceKey: kim.DeviceKey })));
    expect(noToken).toMatchObject({ name: "InvalidParameterException" });
    expect(noToken.message).toContain("GetDevice without AccessToken");
    const bad = await errorOf(
      t.client.send(new ConfirmDeviceCommand({ AccessToken: lou?.AccessToken, DeviceKey: "not a key" })),
    );
    expect(bad.name).toBe("InvalidParameterException");
  });

  it("stops handing out devices once UpdateUserPool turns tracking off", async () => {
    const pool = await createPool(t.client, { DeviceConfiguration: { ChallengeRequiredOnNewDevice: true } });
    const { clientId: c } = await createClient(t.client, pool);
    await createConfirmedUser(t.client, pool, "max");
    const send = () =>
      t.client.send(
        new InitiateAuthCommand({
          ClientId: c,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "max", PASSWORD },
        }),
      );
    expect((await send()).AuthenticationResult?.NewDeviceMetadata).toBeDefined();
    await t.client.send(new UpdateUserPoolCommand({ UserPoolId: pool, AutoVerifiedAttributes: ["email"] }));
    expect((await send()).AuthenticationResult?.NewDeviceMetadata).toBeUndefined();
  });
});
