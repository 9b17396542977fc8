import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { beforeAll, describe, expect, it } from "vitest";
import { secretHash } from "../../src/crypto/secret-hash";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createPool, outbox } from "../support/pool";

describe("admin sign-in: invitations, AdminInitiateAuth and AdminRespondToAuthChallenge", () => {
  const t = useEmulator();
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    poolId = await createPool(t.client, {
      AliasAttributes: ["email"],
      UsernameConfiguration: { CaseSensitive: false },
    });
    ({ clientId } = await createClient(t.client, poolId));
  });

  const passwordAuth = (USERNAME: string, PASSWORD_: string, ClientId = clientId) =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME, PASSWORD: PASSWORD_ },
      }),
    );

  it("AdminCreateUser sends an invitation; the temporary password leads to NEW_PASSWORD_REQUIRED", async () => {
    await t.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "kim",
        UserAttributes: [{ Name: "email", Value: "kim@example.com" }],
      }),
    );
    const [invite] = await outbox(t.emulator.url, "kim@example.com");
    expect(invite?.subject).toBe("Your temporary password");
    const temp = /temporary password is (\S+)\.$/.exec(invite?.body ?? "")?.[1] ?? "";
    expect(invite?.body).toContain("Your username is kim");
    const challenge = await passwordAuth("kim", temp);
    expect(challenge.ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
    expect(JSON.parse(challenge.ChallengeParameters?.userAttributes ?? "{}")).toMatchObject({
      email: "kim@example.com",
    });
    const weak = await errorOf(
      t.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: "kim", NEW_PASSWORD: "weak" },
        }),
      ),
    );
    expect(weak.name).toBe("InvalidPasswordException");
    const done = await t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: "kim", NEW_PASSWORD: "Brand-New-Pass-3" },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    const reused = await errorOf(
      t.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: "kim", NEW_PASSWORD: "Brand-New-Pass-4" },
        }),
      ),
    );
    expect(reused).toMatchObject({
      name: "NotAuthorizedException",
      message: "Invalid session for the user.",
    });
  });

  it("AdminInitiateAuth and AdminRespondToAuthChallenge, with SECRET_HASH for a secret client", async () => {
    const { clientId: secretClient, clientSecret = "" } = await createClient(t.client, poolId, {
      GenerateSecret: true,
    });
    await t.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "leo",
        TemporaryPassword: "Temp-Pass-word1",
        MessageAction: "SUPPRESS",
      }),
    );
    const missing = await errorOf(
      t.client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: secretClient,
          AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "leo", PASSWORD: "Temp-Pass-word1" },
        }),
      ),
    );
    expect(missing.message).toBe(
      `Client ${secretClient} is configured for secret but secret was not received`,
    );
    const SECRET_HASH = secretHash("leo", secretClient, clientSecret);
    const c = await t.client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: secretClient,
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "leo", PASSWORD: "Temp-Pass-word1", SECRET_HASH },
      }),
    );
    expect(c.ChallengeName).toBe("NEW_PASSWORD_REQUIRED");
    const done = await t.client.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: secretClient,
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        Session: c.Session,
        ChallengeResponses: { USERNAME: "leo", NEW_PASSWORD: "Final-Pass-word1", SECRET_HASH },
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
    const notAdmin = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: secretClient,
          AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "leo", PASSWORD: "Final-Pass-word1", SECRET_HASH },
        }),
      ),
    );
    expect(notAdmin.name).toBe("InvalidParameterException");
  });
});
