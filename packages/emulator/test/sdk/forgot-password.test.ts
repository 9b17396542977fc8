import {
  AdminResetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, latestCode, PASSWORD } from "../support/pool";

describe("ForgotPassword, ConfirmForgotPassword, AdminResetUserPassword", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client);
    ({ clientId } = await createClient(t.client, poolId));
    await createConfirmedUser(t.client, poolId, "mia", { email: "mia@example.com", email_verified: "true" });
    await createConfirmedUser(t.client, poolId, "ned", { email: "ned@example.com" });
  });

  const signIn = (USERNAME: string, password: string) =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME, PASSWORD: password },
      }),
    );

  it("sends a code to the verified email and resets the password with it", async () => {
    const r = await t.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "mia" }));
    expect(r.CodeDeliveryDetails).toEqual({
      Destination: "m***@e***",
      DeliveryMedium: "EMAIL",
      AttributeName: "email",
    });
    const code = await latestCode(t.emulator.url, "mia@example.com");
    const wrong = await errorOf(
      t.client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: "mia",
          ConfirmationCode: code === "999999" ? "111111" : "999999",
          Password: "Reset-Password-1",
        }),
      ),
    );
    expect(wrong.name).toBe("CodeMismatchException");
    const weak = await errorOf(
      t.client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: "mia",
          ConfirmationCode: code,
          Password: "weak",
        }),
      ),
    );
    expect(weak.name).toBe("InvalidPasswordException");
    await t.client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: "mia",
        ConfirmationCode: code,
        Password: "Reset-Password-1",
      }),
    );
    expect((await signIn("mia", "Reset-Password-1")).AuthenticationResult).toBeDefined();
    expect((await errorOf(signIn("mia", PASSWORD))).name).toBe("NotAuthorizedException");
  });

  it("expires the code after an hour", async () => {
    await t.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "mia" }));
    const code = await latestCode(t.emulator.url, "mia@example.com");
    t.clock.advance(3600_000 + 1000);
    const err = await errorOf(
      t.client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: "mia",
          ConfirmationCode: code,
          Password: "Other-Password-2",
        }),
      ),
    );
    expect(err.name).toBe("ExpiredCodeException");
  });

  it("refuses a user without a verified email or phone", async () => {
    const err = await errorOf(
      t.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "ned" })),
    );
    expect(err.name).toBe("InvalidParameterException");
  });

  it("answers an unknown user with UserNotFoundException, or a simulated delivery when existence errors are prevented", async () => {
    expect(
      (await errorOf(t.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "nobody" }))))
        .name,
    ).toBe("UserNotFoundException");
    const { clientId: quiet } = await createClient(t.client, poolId, {
      PreventUserExistenceErrors: "ENABLED",
    });
    const r = await t.client.send(
      new ForgotPasswordCommand({ ClientId: quiet, Username: "nobody@example.com" }),
    );
    expect(r.CodeDeliveryDetails?.DeliveryMedium).toBe("EMAIL");
  });

  it("AdminResetUserPassword makes sign-in fail with PasswordResetRequiredException until the reset", async () => {
    await createConfirmedUser(t.client, poolId, "olga", {
      email: "olga@example.com",
      email_verified: "true",
    });
    await t.client.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: "olga" }));
    const err = await errorOf(signIn("olga", PASSWORD));
    expect(err.name).toBe("PasswordResetRequiredException");
    const code = await latestCode(t.emulator.url, "olga@example.com");
    await t.client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: "olga",
        ConfirmationCode: code,
        Password: "After-Reset-1",
      }),
    );
    expect((await signIn("olga", "After-Reset-1")).AuthenticationResult).toBeDefined();
  });
});
