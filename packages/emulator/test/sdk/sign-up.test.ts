import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { secretHash } from "../../src/crypto/secret-hash";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createPool, latestCode, outbox, PASSWORD } from "../support/pool";

describe("SignUp, ConfirmSignUp, ResendConfirmationCode", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client, {
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
    ({ clientId } = await createClient(t.client, poolId));
  });

  const signUp = (Username: string, Password = "Long-Password-1", email = `${Username}@example.com`) =>
    t.client.send(
      new SignUpCommand({
        ClientId: clientId,
        Username,
        Password,
        UserAttributes: [{ Name: "email", Value: email }],
      }),
    );

  it("signs up, sends a code to the outbox, refuses a wrong code, confirms with the right one, then signs in", async () => {
    const r = await signUp("alice");
    expect(r.UserConfirmed).toBe(false);
    expect(r.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.CodeDeliveryDetails).toEqual({
      Destination: "a***@e***",
      DeliveryMedium: "EMAIL",
      AttributeName: "email",
    });
    const [message] = await outbox(t.emulator.url, "alice@example.com");
    expect(message?.subject).toBe("Your verification code");
    const code = await latestCode(t.emulator.url, "alice@example.com");

    const unconfirmed = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "alice", PASSWORD: "Long-Password-1" },
        }),
      ),
    );
    expect(unconfirmed.name).toBe("UserNotConfirmedException");

    const wrong = await errorOf(
      t.client.send(
        new ConfirmSignUpCommand({
          ClientId: clientId,
          Username: "alice",
          ConfirmationCode: code === "000000" ? "111111" : "000000",
        }),
      ),
    );
    expect(wrong.name).toBe("CodeMismatchException");
    await t.client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: "alice", ConfirmationCode: code }),
    );
    const again = await errorOf(
      t.client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: "alice", ConfirmationCode: code }),
      ),
    );
    expect(again.name).toBe("NotAuthorizedException");
    expect(again.message).toBe("User cannot be confirmed. Current status is CONFIRMED");

    const auth = await t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "alice", PASSWORD: "Long-Password-1" },
      }),
    );
    expect(auth.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it("enforces the password policy", async () => {
    for (const [password, reason] of [
      ["Short-1", "Password not long enough"],
      ["long-password-1", "Password must have uppercase characters"],
      ["Long-Password-x", "Password must have numeric characters"],
      ["LongPassword12", "Password must have symbol characters"],
    ] as const) {
      const err = await errorOf(signUp(`weak${password.length}${reason.length}`, password));
      expect(err.name).toBe("InvalidPasswordException");
      expect(err.message).toBe(`Password did not conform with policy: ${reason}`);
    }
  });

  it("refuses an existing username", async () => {
    await signUp("bob");
    const err = await errorOf(signUp("bob"));
    expect(err.name).toBe("UsernameExistsException");
  });

  it("expires confirmation codes after 24 hours", async () => {
    await signUp("carol");
    const code = await latestCode(t.emulator.url, "carol@example.com");
    t.clock.advance(24 * 3600_000 + 1000);
    const err = await errorOf(
      t.client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: "carol", ConfirmationCode: code }),
      ),
    );
    expect(err.name).toBe("ExpiredCodeException");
    const resent = await t.client.send(
      new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "carol" }),
    );
    expect(resent.CodeDeliveryDetails?.DeliveryMedium).toBe("EMAIL");
    const fresh = await latestCode(t.emulator.url, "carol@example.com");
    await t.client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: "carol", ConfirmationCode: fresh }),
    );
  });

  it("answers an unknown user with UserNotFoundException", async () => {
    const err = await errorOf(
      t.client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: "nobody", ConfirmationCode: "123456" }),
      ),
    );
    expect(err.name).toBe("UserNotFoundException");
  });

  it("requires and checks SECRET_HASH for a client with a secret", async () => {
    const { clientId: secretClient, clientSecret = "" } = await createClient(t.client, poolId, {
      GenerateSecret: true,
    });
    const missing = await errorOf(
      t.client.send(
        new SignUpCommand({ ClientId: secretClient, Username: "dave", Password: `${PASSWORD}abc` }),
      ),
    );
    expect(missing.name).toBe("NotAuthorizedException");
    expect(missing.message).toBe(
      `Client ${secretClient} is configured for secret but secret was not received`,
    );
    const wrong = await errorOf(
      t.client.send(
        new SignUpCommand({
          ClientId: secretClient,
          Username: "dave",
          Password: "Long-Password-1",
          SecretHash: "bm9wZQ==",
        }),
      ),
    );
    expect(wrong.message).toBe(`Unable to verify secret hash for client ${secretClient}`);
    const ok = await t.client.send(
      new SignUpCommand({
        ClientId: secretClient,
        Username: "dave",
        Password: "Long-Password-1",
        SecretHash: secretHash("dave", secretClient, clientSecret),
      }),
    );
    expect(ok.UserSub).toBeTruthy();
  });

  it("hides unknown users when the client prevents user-existence errors", async () => {
    const { clientId: quiet } = await createClient(t.client, poolId, {
      PreventUserExistenceErrors: "ENABLED",
    });
    const err = await errorOf(
      t.client.send(
        new ConfirmSignUpCommand({ ClientId: quiet, Username: "nobody", ConfirmationCode: "123456" }),
      ),
    );
    expect(err.name).toBe("CodeMismatchException");
  });
});

describe("SignUp with email as the username", () => {
  const t = useEmulator();
  it("makes the sub the internal username and refuses a second account with the same email", async () => {
    const poolId = await createPool(t.client, { UsernameAttributes: ["email"] });
    const { clientId } = await createClient(t.client, poolId);
    const r = await t.client.send(
      new SignUpCommand({ ClientId: clientId, Username: "Eve@Example.com", Password: PASSWORD }),
    );
    const dup = await errorOf(
      t.client.send(
        new SignUpCommand({ ClientId: clientId, Username: "eve@example.com", Password: PASSWORD }),
      ),
    );
    expect(dup.name).toBe("UsernameExistsException");
    const notEmail = await errorOf(
      t.client.send(new SignUpCommand({ ClientId: clientId, Username: "eve", Password: PASSWORD })),
    );
    expect(notEmail.name).toBe("InvalidParameterException");
    const code = await latestCode(t.emulator.url, "Eve@Example.com");
    await t.client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: "Eve@Example.com", ConfirmationCode: code }),
    );
    const auth = await t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "Eve@Example.com", PASSWORD },
      }),
    );
    const claims = JSON.parse(
      Buffer.from(auth.AuthenticationResult?.IdToken?.split(".")[1] ?? "", "base64url").toString(),
    );
    expect(claims["cognito:username"]).toBe(r.UserSub);
    expect(claims.email_verified).toBe(true);
  });
});
