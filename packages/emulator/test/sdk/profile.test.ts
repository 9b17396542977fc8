import {
  DeleteUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  InitiateAuthCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, latestCode, PASSWORD } from "../support/pool";

describe("profile operations with an access token", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client);
    ({ clientId } = await createClient(t.client, poolId));
  });

  const token = async (USERNAME: string) =>
    (
      await t.client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME, PASSWORD },
        }),
      )
    ).AuthenticationResult?.AccessToken ?? "";

  it("UpdateUserAttributes sends a code for a new email; VerifyUserAttribute verifies it", async () => {
    await createConfirmedUser(t.client, poolId, "zoe", { email: "zoe@example.com", email_verified: "true" });
    const AccessToken = await token("zoe");
    const r = await t.client.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [
          { Name: "email", Value: "zoe.new@example.com" },
          { Name: "given_name", Value: "Zoe" },
        ],
      }),
    );
    expect(r.CodeDeliveryDetailsList).toEqual([
      { Destination: "z***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" },
    ]);
    const code = await latestCode(t.emulator.url, "zoe.new@example.com");
    const wrong = await errorOf(
      t.client.send(
        new VerifyUserAttributeCommand({
          AccessToken,
          AttributeName: "email",
          Code: code === "000000" ? "111111" : "000000",
        }),
      ),
    );
    expect(wrong.name).toBe("CodeMismatchException");
    await t.client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: "email", Code: code }));
    const user = await t.client.send(new GetUserCommand({ AccessToken }));
    const attrs = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    expect(attrs).toMatchObject({ email: "zoe.new@example.com", email_verified: "true", given_name: "Zoe" });
  });

  it("GetUserAttributeVerificationCode resends a code", async () => {
    await createConfirmedUser(t.client, poolId, "abe", { email: "abe@example.com" });
    const AccessToken = await token("abe");
    const r = await t.client.send(
      new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: "email" }),
    );
    expect(r.CodeDeliveryDetails?.DeliveryMedium).toBe("EMAIL");
    const code = await latestCode(t.emulator.url, "abe@example.com");
    await t.client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: "email", Code: code }));
    const bad = await errorOf(
      t.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: "name" })),
    );
    expect(bad.name).toBe("InvalidParameterException");
  });

  it("refuses writing an attribute the client may not write, and changing sub", async () => {
    const { clientId: limited } = await createClient(t.client, poolId, { WriteAttributes: ["name"] });
    await createConfirmedUser(t.client, poolId, "bea");
    const AccessToken =
      (
        await t.client.send(
          new InitiateAuthCommand({
            ClientId: limited,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: "bea", PASSWORD },
          }),
        )
      ).AuthenticationResult?.AccessToken ?? "";
    const denied = await errorOf(
      t.client.send(
        new UpdateUserAttributesCommand({
          AccessToken,
          UserAttributes: [{ Name: "family_name", Value: "X" }],
        }),
      ),
    );
    expect(denied.name).toBe("NotAuthorizedException");
    const sub = await errorOf(
      t.client.send(
        new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: "sub", Value: "x" }] }),
      ),
    );
    expect(sub.name).toBe("InvalidParameterException");
  });

  it("DeleteUser removes the user and invalidates its tokens", async () => {
    await createConfirmedUser(t.client, poolId, "cid");
    const AccessToken = await token("cid");
    await t.client.send(new DeleteUserCommand({ AccessToken }));
    expect((await errorOf(t.client.send(new GetUserCommand({ AccessToken })))).name).toMatch(
      /NotAuthorizedException|UserNotFoundException/,
    );
    expect((await errorOf(token("cid"))).name).toBe("UserNotFoundException");
  });

  it("keeps the old email until the new one is verified when the pool requires it", async () => {
    const strictPool = await createPool(t.client, {
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email"] },
    });
    const { clientId: strictClient } = await createClient(t.client, strictPool);
    await createConfirmedUser(t.client, strictPool, "dot", {
      email: "dot@example.com",
      email_verified: "true",
    });
    const AccessToken =
      (
        await t.client.send(
          new InitiateAuthCommand({
            ClientId: strictClient,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: "dot", PASSWORD },
          }),
        )
      ).AuthenticationResult?.AccessToken ?? "";
    await t.client.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [{ Name: "email", Value: "dot.new@example.com" }],
      }),
    );
    const attrs = async () =>
      Object.fromEntries(
        ((await t.client.send(new GetUserCommand({ AccessToken }))).UserAttributes ?? []).map((a) => [
          a.Name,
          a.Value,
        ]),
      );
    expect(await attrs()).toMatchObject({ email: "dot@example.com", email_verified: "true" });
    const code = await latestCode(t.emulator.url, "dot.new@example.com");
    await t.client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: "email", Code: code }));
    expect(await attrs()).toMatchObject({ email: "dot.new@example.com", email_verified: "true" });
  });

  it("refuses a malformed access token", async () => {
    const err = await errorOf(t.client.send(new GetUserCommand({ AccessToken: "not-a-token" })));
    expect(err).toMatchObject({ name: "NotAuthorizedException", message: "Invalid Access Token" });
  });
});
