import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/server";
import { sdkClient } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, latestCode, PASSWORD } from "../support/pool";

describe("restart on the same store file", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-restart-"));
  const storePath = join(dir, "store.sqlite");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps pools, users, pending codes, refresh tokens and signing keys", async () => {
    const first = await createEmulator({ port: 0, storePath });
    const c1 = sdkClient(first.url);
    const poolId = await createPool(c1);
    const { clientId } = await createClient(c1, poolId);
    await createConfirmedUser(c1, poolId, "kept");
    await c1.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: "pending",
        Password: PASSWORD,
        UserAttributes: [{ Name: "email", Value: "pending@example.com" }],
      }),
    );
    const code = await latestCode(first.url, "pending@example.com");
    const tokens = (
      await c1.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "kept", PASSWORD },
        }),
      )
    ).AuthenticationResult;
    const jwksBefore = await (await fetch(`${first.url}/${poolId}/.well-known/jwks.json`)).json();
    c1.destroy();
    await first.close();

    const second = await createEmulator({ port: 0, storePath });
    const c2 = sdkClient(second.url);
    try {
      expect(await (await fetch(`${second.url}/${poolId}/.well-known/jwks.json`)).json()).toEqual(jwksBefore);
      const user = await c2.send(new GetUserCommand({ AccessToken: tokens?.AccessToken }));
      expect(user.Username).toBe("kept");
      const refreshed = await c2.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "REFRESH_TOKEN_AUTH",
          AuthParameters: { REFRESH_TOKEN: tokens?.RefreshToken ?? "" },
        }),
      );
      expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
      await c2.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: "pending", ConfirmationCode: code }),
      );
      const signedIn = await c2.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "pending", PASSWORD },
        }),
      );
      expect(signedIn.AuthenticationResult?.IdToken).toBeTruthy();
    } finally {
      c2.destroy();
      await second.close();
    }
  });
});
