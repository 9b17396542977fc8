import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type {
  CustomMessageTriggerEvent,
  PostConfirmationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
} from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import customAdmin from "./events/cognito/custom-message-admin-create-user.json";
import customSignUp from "./events/cognito/custom-message-sign-up.json";
import postConfirmation from "./events/cognito/post-confirmation.json";
import preSignUp from "./events/cognito/pre-sign-up.json";
import preSignUpExternal from "./events/cognito/pre-sign-up-external-provider.json";
import preTokenV1 from "./events/cognito/pre-token-generation-v1.json";
import preTokenV2 from "./events/cognito/pre-token-generation-v2.json";
import { ensureAppTable, type LocalDynamo, startLocalDynamo } from "./support/local-dynamo";

const TABLE = "app-triggers";
let dynamo: LocalDynamo;
const cognito = mockClient(CognitoIdentityProviderClient);
const clone = <T>(e: unknown) => structuredClone(e) as T;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  await ensureAppTable(dynamo.endpoint, TABLE);
  vi.stubEnv("APP_TABLE", TABLE);
  vi.stubEnv("DYNAMODB_ENDPOINT", dynamo.endpoint);
  vi.stubEnv("COGNITO_ENDPOINT", "http://127.0.0.1:9");
  vi.stubEnv("APP_NAME", "Acme Notes");
  vi.stubEnv("APP_URL", "https://notes.example.com");
  vi.stubEnv("BLOCKED_EMAIL_DOMAINS", "competitor.example, Blocked.Test");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  cognito.restore();
  await dynamo.close();
});
beforeEach(() => cognito.reset());

describe("pre-sign-up", () => {
  it("lets an ordinary email domain through unchanged", async () => {
    const { handler } = await import("../src/triggers/pre-sign-up");
    const out = await handler(clone<PreSignUpTriggerEvent>(preSignUp));
    expect(out.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it.each(["mailinator.com", "eu.mailinator.com", "competitor.example", "blocked.test"])(
    "refuses a sign-up from %s",
    async (domain) => {
      const { handler } = await import("../src/triggers/pre-sign-up");
      const event = clone<PreSignUpTriggerEvent>(preSignUp);
      event.request.userAttributes.email = `someone@${domain.toUpperCase()}`;
      await expect(handler(event)).rejects.toThrow(`Email addresses at ${domain} cannot be used to sign up`);
    },
  );

  it("auto-confirms and verifies federated sign-ups", async () => {
    const { handler } = await import("../src/triggers/pre-sign-up");
    const out = await handler(clone<PreSignUpTriggerEvent>(preSignUpExternal));
    expect(out.response).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false });
  });
});

describe("post-confirmation", () => {
  it("adds the user to the users group and creates the profile record", async () => {
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const { handler } = await import("../src/triggers/post-confirmation");
    const event = clone<PostConfirmationTriggerEvent>(postConfirmation);
    await expect(handler(event)).resolves.toEqual(event);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId: "us-east-1_TestPool1",
      Username: event.userName,
      GroupName: "users",
    });
    const db = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: dynamo.endpoint,
        region: "us-east-1",
        credentials: { accessKeyId: "x", secretAccessKey: "x" },
      }),
    );
    const item = await db.send(
      new GetCommand({
        TableName: TABLE,
        Key: { pk: `USER#${event.request.userAttributes.sub}`, sk: "PROFILE" },
      }),
    );
    expect(item.Item).toMatchObject({
      email: "ada@example.com",
      name: "Ada Lovelace",
      tenantId: "tenant-42",
      plan: "pro",
    });
    // A retried delivery is harmless.
    await expect(handler(clone<PostConfirmationTriggerEvent>(postConfirmation))).resolves.toBeDefined();
  });

  it("does nothing after a confirmed password reset", async () => {
    const { handler } = await import("../src/triggers/post-confirmation");
    const event = clone<PostConfirmationTriggerEvent>(postConfirmation);
    event.triggerSource = "PostConfirmation_ConfirmForgotPassword";
    await handler(event);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it("fails (so Cognito reports it) when the group cannot be joined", async () => {
    cognito.on(AdminAddUserToGroupCommand).rejects(new Error("ResourceNotFoundException: Group not found"));
    const { handler } = await import("../src/triggers/post-confirmation");
    await expect(handler(clone<PostConfirmationTriggerEvent>(postConfirmation))).rejects.toThrow(
      /Group not found/,
    );
  });
});

describe("custom-message", () => {
  it("brands the sign-up email, keeps the {####} placeholder and escapes the user's name", async () => {
    const { handler } = await import("../src/triggers/custom-message");
    const out = await handler(clone<CustomMessageTriggerEvent>(customSignUp));
    expect(out.response.emailSubject).toBe("Confirm your Acme Notes account");
    expect(out.response.emailMessage).toContain("{####}");
    expect(out.response.emailMessage).toContain("Hello Ada &#60;Lovelace&#62;,");
    expect(out.response.emailMessage).not.toContain("<Lovelace>");
    expect(out.response.smsMessage).toBe("Acme Notes: your confirmation code is {####}");
  });

  it("keeps {username} and {####} in the invitation", async () => {
    const { handler } = await import("../src/triggers/custom-message");
    const out = await handler(clone<CustomMessageTriggerEvent>(customAdmin));
    expect(out.response.emailSubject).toBe("You are invited to Acme Notes");
    expect(out.response.emailMessage).toMatch(/\{username\}.*\{####\}/s);
    expect(out.response.smsMessage).toBe("Acme Notes: sign in as {username} with temporary password {####}");
  });

  it.each([
    "CustomMessage_ResendCode",
    "CustomMessage_ForgotPassword",
    "CustomMessage_UpdateUserAttribute",
    "CustomMessage_VerifyUserAttribute",
    "CustomMessage_Authentication",
  ] as const)("writes %s with the code placeholder and an SMS within 140 characters", async (source) => {
    const { handler } = await import("../src/triggers/custom-message");
    const event = clone<CustomMessageTriggerEvent>(customSignUp);
    event.triggerSource = source;
    const out = await handler(event);
    expect(out.response.emailMessage).toContain("{####}");
    expect(out.response.smsMessage).toContain("{####}");
    expect(out.response.smsMessage?.replace("{####}", "123456").length).toBeLessThanOrEqual(140);
  });
});

describe("pre-token-generation", () => {
  it("adds tenant_id and plan to the ID token (V1)", async () => {
    const { handler } = await import("../src/triggers/pre-token-generation");
    const out = (await handler(
      clone<PreTokenGenerationTriggerEvent>(preTokenV1),
    )) as PreTokenGenerationTriggerEvent;
    expect(out.response.claimsOverrideDetails).toEqual({
      claimsToAddOrOverride: { tenant_id: "tenant-42", plan: "pro" },
      claimsToSuppress: [],
    });
  });

  it("adds the claims to both tokens, plan defaulting to free (V2)", async () => {
    const { handler } = await import("../src/triggers/pre-token-generation");
    const out = (await handler(
      clone<PreTokenGenerationV2TriggerEvent>(preTokenV2),
    )) as PreTokenGenerationV2TriggerEvent;
    expect(out.response.claimsAndScopeOverrideDetails?.idTokenGeneration?.claimsToAddOrOverride).toEqual({
      plan: "free",
    });
    expect(out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      plan: "free",
    });
  });
});
