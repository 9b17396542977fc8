import { MigrateUserTriggerSchema } from "@aws-lambda-powertools/parser/schemas/cognito";
import {
  AdminGetUserCommand,
  CreateUserPoolClientCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Amplify } from "aws-amplify";
import { signIn as amplifySignIn, signOut } from "aws-amplify/auth";
import { beforeAll, describe, expect, it } from "vitest";
import type { TriggerEvent } from "../../src/triggers/runner";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createPool, latestCode, outbox } from "../support/pool";

const MIGRATE = "arn:aws:lambda:us-east-1:123456789012:function:migrate";
const OLD_PASSWORD = "old-directory-pw";

/** The old directory the trigger asks: who exists there, with which password and attributes. */
const directory: Record<string, { password: string; attributes: Record<string, string>; reset?: boolean }> = {
  ada: { password: OLD_PASSWORD, attributes: { email: "ada@example.com", email_verified: "true" } },
  bob: {
    password: OLD_PASSWORD,
    attributes: { email: "bob@example.com", email_verified: "true" },
    reset: true,
  },
  cy: { password: OLD_PASSWORD, attributes: { email: "cy@example.com", email_verified: "true" } },
};

/**
 * The user migration trigger through the AWS SDK v3, with a function that answers as AWS's own
 * example does ("Migrate user Lambda trigger", Amazon Cognito Developer Guide). The events sent
 * are parsed with the powertools schema.
 */
describe("user migration trigger", () => {
  const t = useEmulator();
  const events: TriggerEvent[] = [];
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    t.emulator.services.triggers = {
      invoke: async (arn, event) => {
        events.push(structuredClone(event));
        expect(arn).toBe(MIGRATE);
        const request = event.request as { password?: string };
        const known = directory[event.userName];
        if (!known) throw new Error("Bad password");
        const auth = event.triggerSource === "UserMigration_Authentication";
        if (auth && request.password !== known.password) throw new Error("Bad password");
        return {
          ...event,
          response: {
            userAttributes: known.attributes,
            ...(auth ? { finalUserStatus: known.reset ? "RESET_REQUIRED" : "CONFIRMED" } : {}),
            messageAction: event.userName === "cy" ? undefined : "SUPPRESS",
            desiredDeliveryMediums: ["EMAIL"],
          },
        };
      },
    };
    poolId = await createPool(t.client, { LambdaConfig: { UserMigration: MIGRATE } });
    ({ clientId } = await createClient(t.client, poolId));
  });

  const signIn = (USERNAME: string, PASSWORD: string, ClientId = clientId) =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME, PASSWORD },
        ClientMetadata: { app: "site" },
      }),
    );

  it("migrates a user at sign-in, keeps the old password, and sends AWS's event", async () => {
    const first = await signIn("ada", OLD_PASSWORD);
    expect(first.AuthenticationResult?.AccessToken).toBeDefined();
    const user = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ada" }));
    expect(user.UserStatus).toBe("CONFIRMED");
    expect(user.UserAttributes?.find((a) => a.Name === "email")?.Value).toBe("ada@example.com");
    const event = events.at(-1);
    expect(event).toMatchObject({
      triggerSource: "UserMigration_Authentication",
      userName: "ada",
      request: { password: OLD_PASSWORD, validationData: { app: "site" }, clientMetadata: { app: "site" } },
      callerContext: { clientId },
    });
    const parsed = MigrateUserTriggerSchema.safeParse(event);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Signed in once, the user is the pool's: the trigger is not asked again.
    const before = events.length;
    await signIn("ada", OLD_PASSWORD);
    expect(events.length).toBe(before);
    expect(await outbox(t.emulator.url, "ada@example.com")).toEqual([]);
  });

  it("asks a user migrated with RESET_REQUIRED to reset the password", async () => {
    const err = await errorOf(signIn("bob", OLD_PASSWORD));
    expect(err.name).toBe("PasswordResetRequiredException");
  });

  it("sends a welcome message unless the function suppresses it", async () => {
    await signIn("cy", OLD_PASSWORD);
    const [mail] = await outbox(t.emulator.url, "cy@example.com");
    expect(mail).toMatchObject({ kind: "UserMigration", medium: "EMAIL" });
    expect(mail?.body).toContain("cy");
  });

  it("answers the function's refusal as a user not found, hidden where the client hides them", async () => {
    const refused = await errorOf(signIn("ada-impostor", "whatever-pw"));
    expect(refused).toMatchObject({
      name: "UserNotFoundException",
      message: "UserMigration failed with error Bad password.",
    });
    const { UserPoolClient } = await t.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: "hiding",
        ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"],
        PreventUserExistenceErrors: "ENABLED",
      }),
    );
    const hidden = await errorOf(signIn("nobody", "whatever-pw", UserPoolClient?.ClientId));
    expect(hidden).toMatchObject({
      name: "NotAuthorizedException",
      message: "Incorrect username or password.",
    });
  });

  it("migrates a user in ForgotPassword, without a password, and sends the reset code", async () => {
    directory.dee = {
      password: OLD_PASSWORD,
      attributes: { email: "dee@example.com", email_verified: "true" },
    };
    const res = await t.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "dee" }));
    expect(res.CodeDeliveryDetails?.DeliveryMedium).toBe("EMAIL");
    const event = events.at(-1);
    expect(event?.triggerSource).toBe("UserMigration_ForgotPassword");
    expect(event?.request).toBeDefined();
    expect(event?.request).not.toHaveProperty("password");
    const user = await t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "dee" }));
    expect(user.UserStatus).toBe("RESET_REQUIRED");
    expect(await latestCode(t.emulator.url, "dee@example.com")).toMatch(/^\d{6}$/);
  });

  it("migrates a user signing in with Amplify v6's USER_PASSWORD_AUTH", async () => {
    directory.fay = {
      password: OLD_PASSWORD,
      attributes: { email: "fay@example.com", email_verified: "true" },
    };
    Amplify.configure({
      Auth: {
        Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: `${t.emulator.url}/` },
      },
    });
    const result = await amplifySignIn({
      username: "fay",
      password: OLD_PASSWORD,
      options: { authFlowType: "USER_PASSWORD_AUTH" },
    });
    expect(result.isSignedIn).toBe(true);
    await signOut();
  });

  it("refuses an answer without attributes, as Cognito words it", async () => {
    const runner = t.emulator.services.triggers;
    t.emulator.services.triggers = { invoke: async (_arn, event) => ({ ...event, response: {} }) };
    try {
      const err = await errorOf(signIn("eve", "whatever-pw"));
      expect(err).toMatchObject({
        name: "UserNotFoundException",
        message: `Exception migrating user in app client ${clientId}`,
      });
    } finally {
      t.emulator.services.triggers = runner;
    }
  });
});
