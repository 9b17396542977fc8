import { SetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { Amplify } from "aws-amplify";
import {
  confirmSignIn,
  fetchAuthSession,
  fetchDevices,
  forgetDevice,
  rememberDevice,
  signIn,
  signOut,
} from "aws-amplify/auth";
import { describe, expect, it, vi } from "vitest";
import { useEmulator } from "../support/emulator";
import { enableTotp, totpAt } from "../support/mfa";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

/**
 * Remembered devices through Amplify v6, which confirms each new device itself after sign-in,
 * remembers it on `rememberDevice`, answers DEVICE_SRP_AUTH with its stored device secret, lists
 * devices with `fetchDevices` and forgets the current one with `forgetDevice`.
 */
describe("remembered devices with Amplify v6", () => {
  const t = useEmulator();
  // Amplify names the device from `navigator` (a browser's; Node 20 has none).
  vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chromium" });

  async function mfaUser(username: string, challengeRequiredOnNewDevice: boolean): Promise<string> {
    const userPoolId = await createPool(t.client, {
      DeviceConfiguration: {
        ChallengeRequiredOnNewDevice: challengeRequiredOnNewDevice,
        DeviceOnlyRememberedOnUserPrompt: true,
      },
    });
    await t.client.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: "OPTIONAL",
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const { clientId } = await createClient(t.client, userPoolId);
    await createConfirmedUser(t.client, userPoolId, username);
    const secret = await enableTotp(t.client, t.clock, clientId, username);
    Amplify.configure({
      Auth: { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: `${t.emulator.url}/` } },
    });
    return secret;
  }

  /** Signs in, answering TOTP when asked; answers the steps met. */
  async function signInWithTotp(username: string, secret: string): Promise<string[]> {
    const steps: string[] = [];
    let result = await signIn({ username, password: PASSWORD });
    while (!result.isSignedIn) {
      steps.push(result.nextStep.signInStep);
      expect(result.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
      t.clock.advance(30_000);
      result = await confirmSignIn({ challengeResponse: totpAt(t.clock, secret) });
    }
    return steps;
  }

  it("remembers the device, signs in on it without TOTP, lists it and forgets it", async () => {
    const secret = await mfaUser("quinn", true);
    expect(await signInWithTotp("quinn", secret)).toEqual(["CONFIRM_SIGN_IN_WITH_TOTP_CODE"]);
    await rememberDevice();
    const devices = await fetchDevices();
    expect(devices).toHaveLength(1);
    const deviceKey = (await fetchAuthSession()).tokens?.accessToken.payload.device_key;
    expect(devices[0]?.id).toBe(deviceKey);
    await signOut();

    expect(await signInWithTotp("quinn", secret)).toEqual([]);
    expect((await fetchAuthSession()).tokens?.accessToken.payload.device_key).toBe(deviceKey);
    // The session refreshes with the device's key (a device's refresh token needs it).
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    expect(refreshed.tokens?.accessToken.payload.device_key).toBe(deviceKey);

    await forgetDevice();
    expect(await fetchDevices()).toEqual([]);
    await signOut();
    expect(await signInWithTotp("quinn", secret)).toEqual(["CONFIRM_SIGN_IN_WITH_TOTP_CODE"]);
    await signOut();
  });

  it("proves the remembered device and still asks for TOTP where devices do not replace MFA", async () => {
    const secret = await mfaUser("rae", false);
    await signInWithTotp("rae", secret);
    await rememberDevice();
    const deviceKey = (await fetchAuthSession()).tokens?.accessToken.payload.device_key;
    await signOut();
    expect(await signInWithTotp("rae", secret)).toEqual(["CONFIRM_SIGN_IN_WITH_TOTP_CODE"]);
    // The device was named and proven: the tokens are tied to it, and no new device is handed out.
    expect((await fetchAuthSession()).tokens?.accessToken.payload.device_key).toBe(deviceKey);
    expect(await fetchDevices()).toHaveLength(1);
    await signOut();
  });
});
