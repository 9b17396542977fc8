/**
 * Password history (`PasswordPolicy.PasswordHistorySize`, Essentials plan and up): a new password
 * that matches one of the last N is refused with PasswordHistoryPolicyViolationException, the
 * error AWS's API reference lists for ChangePassword, ConfirmForgotPassword and
 * AdminSetUserPassword.
 */
import {
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

describe("password history", () => {
  const t = useEmulator();

  it("refuses a password among the last PasswordHistorySize, and accepts an older one", async () => {
    const id = await createPool(t.client, {
      Policies: { PasswordPolicy: { MinimumLength: 8, PasswordHistorySize: 2 } },
    });
    const { clientId } = await createClient(t.client, id);
    await createConfirmedUser(t.client, id, "hist");
    const signIn = async (password: string) =>
      (
        await t.client.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: "hist", PASSWORD: password },
          }),
        )
      ).AuthenticationResult?.AccessToken ?? "";
    const change = async (from: string, to: string) =>
      t.client.send(
        new ChangePasswordCommand({
          AccessToken: await signIn(from),
          PreviousPassword: from,
          ProposedPassword: to,
        }),
      );

    await change(PASSWORD, "Second-Pass-2");
    expect(await errorOf(change("Second-Pass-2", PASSWORD))).toMatchObject({
      name: "PasswordHistoryPolicyViolationException",
      message: "Password has previously been used.",
    });
    const adminReuse = await errorOf(
      t.client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: id,
          Username: "hist",
          Password: "Second-Pass-2",
          Permanent: true,
        }),
      ),
    );
    expect(adminReuse.name).toBe("PasswordHistoryPolicyViolationException");
    await change("Second-Pass-2", "Third-Pass-3");
    // Two remembered (Third, Second): the first password has left the history.
    await change("Third-Pass-3", PASSWORD);
    expect(await signIn(PASSWORD)).not.toBe("");
  });
});
