import { SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from "amazon-cognito-identity-js";
import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { enableTotp, totpAt } from "../support/mfa";
import { createClient, createConfirmedUser, createPool, decodeJwt, PASSWORD } from "../support/pool";

interface SignInResult {
  session: CognitoUserSession;
  /** The MFA challenges the client met on the way. */
  mfa: string[];
  userConfirmationNecessary?: boolean;
  user: CognitoUser;
}

/**
 * Remembered devices through amazon-cognito-identity-js, which runs the device flow itself: it
 * confirms the new device after sign-in (its own SRP verifier), `setDeviceStatusRemembered`, and on
 * the next sign-in answers DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER with its stored device
 * secret. AWS: "When true, a remembered device can sign in with device authentication instead of
 * SMS and TOTP factors for MFA" (DeviceConfigurationType.ChallengeRequiredOnNewDevice).
 */
describe("remembered devices with amazon-cognito-identity-js", () => {
  const t = useEmulator();

  async function mfaPool() {
    const poolId = await createPool(t.client, {
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
    });
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: "OPTIONAL",
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const { clientId } = await createClient(t.client, poolId);
    return { poolId, clientId };
  }

  function signIn(poolId: string, clientId: string, username: string, secret: string): Promise<SignInResult> {
    const pool = new CognitoUserPool({
      UserPoolId: poolId,
      ClientId: clientId,
      endpoint: `${t.emulator.url}/`,
    });
    const user = new CognitoUser({ Username: username, Pool: pool });
    const mfa: string[] = [];
    return new Promise((resolve, reject) => {
      const callbacks = {
        onSuccess: (session: CognitoUserSession, userConfirmationNecessary?: boolean) =>
          resolve({
            session,
            mfa,
            user,
            ...(userConfirmationNecessary !== undefined ? { userConfirmationNecessary } : {}),
          }),
        onFailure: reject,
        totpRequired: (challenge: string) => {
          mfa.push(challenge);
          t.clock.advance(30_000);
          user.sendMFACode(totpAt(t.clock, secret), callbacks, "SOFTWARE_TOKEN_MFA");
        },
      };
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: PASSWORD }), callbacks);
    });
  }

  const remember = (user: CognitoUser) =>
    new Promise<string>((resolve, reject) =>
      user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }),
    );

  it("skips TOTP on a remembered device, and asks for it again once the device is forgotten", async () => {
    const { poolId, clientId } = await mfaPool();
    await createConfirmedUser(t.client, poolId, "nia");
    const secret = await enableTotp(t.client, t.clock, clientId, "nia");

    const first = await signIn(poolId, clientId, "nia", secret);
    expect(first.mfa).toEqual(["SOFTWARE_TOKEN_MFA"]);
    expect(first.userConfirmationNecessary).toBe(true);
    await remember(first.user);
    const deviceKey = decodeJwt(first.session.getAccessToken().getJwtToken()).device_key;

    const second = await signIn(poolId, clientId, "nia", secret);
    expect(second.mfa).toEqual([]);
    expect(decodeJwt(second.session.getAccessToken().getJwtToken()).device_key).toBe(deviceKey);
    const devices = await new Promise<{ Devices: { DeviceKey: string }[] }>((resolve, reject) =>
      second.user.listDevices(10, null, { onSuccess: resolve, onFailure: reject }),
    );
    expect(devices.Devices.map((d) => d.DeviceKey)).toEqual([deviceKey]);
    // The refresh token of a device sign-in is tied to it; the client sends DEVICE_KEY itself.
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      second.user.refreshSession(second.session.getRefreshToken(), (err, s) =>
        err ? reject(err) : resolve(s),
      ),
    );
    expect(refreshed.isValid()).toBe(true);

    await new Promise((resolve, reject) =>
      second.user.forgetDevice({ onSuccess: resolve, onFailure: reject }),
    );
    const third = await signIn(poolId, clientId, "nia", secret);
    expect(third.mfa).toEqual(["SOFTWARE_TOKEN_MFA"]);
  });

  it("refuses a remembered device whose secret is wrong", async () => {
    const { poolId, clientId } = await mfaPool();
    await createConfirmedUser(t.client, poolId, "pia");
    const secret = await enableTotp(t.client, t.clock, clientId, "pia");
    const first = await signIn(poolId, clientId, "pia", secret);
    await remember(first.user);
    // The client keeps the device secret in its storage; a different secret must not pass.
    const storage = (
      first.user as unknown as {
        storage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
      }
    ).storage;
    const key = `CognitoIdentityServiceProvider.${clientId}.pia.randomPasswordKey`;
    expect(storage.getItem(key)).toBeTruthy();
    storage.setItem(key, "not-the-device-secret");
    await expect(signIn(poolId, clientId, "pia", secret)).rejects.toMatchObject({
      code: "NotAuthorizedException",
      message: "Incorrect username or password.",
    });
  });
});
