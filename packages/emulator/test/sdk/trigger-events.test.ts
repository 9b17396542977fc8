/**
 * The events the emulator sends to Lambda triggers, parsed with the Cognito schemas of
 * `@aws-lambda-powertools/parser` (written from AWS's documented events, maintained outside this
 * project). The emulator's own types (`src/triggers/events.ts`) are checked against `aws-lambda`
 * at compile time; this test checks what is really sent.
 *
 * Some powertools schemas pin one trigger source (`PreSignUp_SignUp`,
 * `PostConfirmation_ConfirmSignUp`); AWS documents one request and response shape for every source
 * of those triggers, so the other sources are parsed with the source swapped for the pinned one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CustomMessageTriggerSchema,
  PostAuthenticationTriggerSchema,
  PostConfirmationTriggerSchema,
  PreAuthenticationTriggerSchema,
  PreSignupTriggerSchema,
  PreTokenGenerationTriggerSchemaV2AndV3,
} from "@aws-lambda-powertools/parser/schemas/cognito";
import {
  AdminCreateUserCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../src/server";
import type { TriggerEvent } from "../../src/triggers/runner";
import { sdkClient } from "../support/emulator";
import { latestCode } from "../support/pool";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const PASSWORD = "Fixture-Pass1";

/** The powertools schema for a trigger source, and the source it pins (if it pins one). */
function schemaFor(source: string) {
  if (source.startsWith("PreSignUp_")) return { schema: PreSignupTriggerSchema, pinned: "PreSignUp_SignUp" };
  if (source.startsWith("PostConfirmation_"))
    return { schema: PostConfirmationTriggerSchema, pinned: "PostConfirmation_ConfirmSignUp" };
  if (source === "PreAuthentication_Authentication") return { schema: PreAuthenticationTriggerSchema };
  if (source === "PostAuthentication_Authentication") return { schema: PostAuthenticationTriggerSchema };
  if (source.startsWith("CustomMessage_")) return { schema: CustomMessageTriggerSchema };
  if (source.startsWith("TokenGeneration_")) return { schema: PreTokenGenerationTriggerSchemaV2AndV3 };
  throw new Error(`no schema for ${source}`);
}

describe("trigger events, parsed with the powertools Cognito schemas", () => {
  const dir = mkdtempSync(join(tmpdir(), "emulator-trigger-events-"));
  let emulator: Emulator;
  let client: ReturnType<typeof sdkClient>;
  let poolId = "";
  let cliClient = "";
  const sent: TriggerEvent[] = [];
  beforeAll(async () => {
    emulator = await createEmulator({
      port: 0,
      storePath: join(dir, "store.sqlite"),
      infraDir: join(fixtures, "infra"),
      lambdaDir: join(fixtures, "triggers"),
    });
    client = sdkClient(emulator.url);
    poolId = emulator.infra?.pools[0]?.id ?? "";
    cliClient = emulator.infra?.clients.find((c) => c.name === "fixture-cli")?.id ?? "";
    const runner = emulator.services.triggers;
    emulator.services.triggers = {
      invoke: (arn, event) => {
        sent.push(structuredClone(event));
        return runner.invoke(arn, event);
      },
    };
  });
  afterAll(async () => {
    client.destroy();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends every trigger an event of AWS's shape", async () => {
    const email = "events@example.com";
    await client.send(new SignUpCommand({ ClientId: cliClient, Username: email, Password: PASSWORD }));
    await client.send(
      new ConfirmSignUpCommand({
        ClientId: cliClient,
        Username: email,
        ConfirmationCode: await latestCode(emulator.url, email),
      }),
    );
    await client.send(
      new InitiateAuthCommand({
        ClientId: cliClient,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: email, PASSWORD },
        ClientMetadata: { origin: "test" },
      }),
    );
    await client.send(new ForgotPasswordCommand({ ClientId: cliClient, Username: email }));
    await client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: cliClient,
        Username: email,
        ConfirmationCode: await latestCode(emulator.url, email),
        Password: "Fixture-Pass2",
      }),
    );
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "invited@example.com",
        TemporaryPassword: "Fixture-Temp1",
        UserAttributes: [{ Name: "email", Value: "invited@example.com" }],
      }),
    );

    expect(sent.map((e) => e.triggerSource)).toEqual(
      expect.arrayContaining([
        "PreSignUp_SignUp",
        "CustomMessage_SignUp",
        "PostConfirmation_ConfirmSignUp",
        "PreAuthentication_Authentication",
        "TokenGeneration_Authentication",
        "PostAuthentication_Authentication",
        "CustomMessage_ForgotPassword",
        "PostConfirmation_ConfirmForgotPassword",
        "PreSignUp_AdminCreateUser",
        "CustomMessage_AdminCreateUser",
      ]),
    );
    for (const event of sent) {
      const { schema, pinned } = schemaFor(event.triggerSource);
      const parsed = schema.safeParse(pinned ? { ...event, triggerSource: pinned } : event);
      expect(parsed.error?.issues ?? [], event.triggerSource).toEqual([]);
      expect(event).toMatchObject({ region: "us-east-1", userPoolId: poolId });
    }
    const preToken = sent.find((e) => e.triggerSource === "TokenGeneration_Authentication");
    expect(preToken).toMatchObject({
      version: "2",
      callerContext: { clientId: cliClient },
      request: { scopes: ["aws.cognito.signin.user.admin"], clientMetadata: { origin: "test" } },
    });
  });
});
