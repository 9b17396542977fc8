import {
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { generateSync } from "otplib";
import type { ManualClock } from "../../src/clock";
import { PASSWORD } from "./pool";

/** The TOTP code for `secret` at the emulator's clock. */
export function totpAt(clock: ManualClock, secret: string): string {
  return generateSync({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

/**
 * Turns TOTP on (and preferred) for a user of a pool whose MFA is OPTIONAL, through the API a
 * signed-in user would call. Returns the TOTP secret.
 */
export async function enableTotp(
  client: CognitoIdentityProviderClient,
  clock: ManualClock,
  clientId: string,
  username: string,
): Promise<string> {
  const signIn = await client.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: username, PASSWORD },
    }),
  );
  const AccessToken = signIn.AuthenticationResult?.AccessToken ?? "";
  const { SecretCode = "" } = await client.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  await client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totpAt(clock, SecretCode) }));
  await client.send(
    new SetUserMFAPreferenceCommand({
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  // The next code is a different one: the one just used cannot be replayed.
  clock.advance(30_000);
  return SecretCode;
}
