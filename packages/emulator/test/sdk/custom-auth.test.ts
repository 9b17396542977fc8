import {
  CreateAuthChallengeTriggerSchema,
  DefineAuthChallengeTriggerSchema,
  VerifyAuthChallengeTriggerSchema,
} from "@aws-lambda-powertools/parser/schemas/cognito";
import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Amplify } from "aws-amplify";
import { confirmSignIn, signIn, signOut } from "aws-amplify/auth";
import { beforeAll, describe, expect, it } from "vitest";
import type { TriggerEvent } from "../../src/triggers/runner";
import { errorOf, useEmulator } from "../support/emulator";
import { createClient, createConfirmedUser, createPool, PASSWORD } from "../support/pool";

const ARN = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

type Session = { challengeName: string; challengeResult: boolean; challengeMetadata?: string }[];

/**
 * The three functions of AWS's "one-time code by email" sample: after an optional SRP password
 * step, one custom challenge whose code is sent by email; three wrong answers end the sign-in.
 * The code goes where the test can read it instead of an email.
 */
const sentCodes: string[] = [];

/** The history a DefineAuthChallenge event carried. */
const sessionOf = (event: TriggerEvent | undefined): Session | undefined =>
  (event?.request as { session?: Session } | undefined)?.session;
function sampleTriggers(arn: string, event: TriggerEvent): TriggerEvent {
  const request = event.request as {
    session?: Session;
    privateChallengeParameters?: { code: string };
    challengeAnswer?: string;
  };
  const session = request.session ?? [];
  if (arn === ARN("define")) {
    const last = session.at(-1);
    const response =
      session.length === 1 && last?.challengeName === "SRP_A"
        ? { challengeName: "PASSWORD_VERIFIER", issueTokens: false, failAuthentication: false }
        : last?.challengeName === "CUSTOM_CHALLENGE" && last.challengeResult
          ? { issueTokens: true, failAuthentication: false }
          : session.filter((s) => s.challengeName === "CUSTOM_CHALLENGE").length >= 3
            ? { issueTokens: false, failAuthentication: true }
            : { challengeName: "CUSTOM_CHALLENGE", issueTokens: false, failAuthentication: false };
    return { ...event, response };
  }
  if (arn === ARN("create")) {
    const code = String(100000 + sentCodes.length);
    sentCodes.push(code);
    return {
      ...event,
      response: {
        publicChallengeParameters: { email: "c***@example.com" },
        privateChallengeParameters: { code },
        challengeMetadata: `CODE-${code}`,
      },
    };
  }
  return {
    ...event,
    response: { answerCorrect: request.challengeAnswer === request.privateChallengeParameters?.code },
  };
}

/**
 * Custom authentication (CUSTOM_AUTH) through the AWS SDK v3 and Amplify v6, with AWS's event
 * shapes (parsed with the powertools schemas).
 */
describe("custom authentication", () => {
  const t = useEmulator();
  const events: TriggerEvent[] = [];
  let poolId = "";
  let clientId = "";
  beforeAll(async () => {
    t.emulator.services.triggers = {
      invoke: async (arn, event) => {
        events.push(structuredClone(event));
        return sampleTriggers(arn, event);
      },
    };
    poolId = await createPool(t.client, {
      LambdaConfig: {
        DefineAuthChallenge: ARN("define"),
        CreateAuthChallenge: ARN("create"),
        VerifyAuthChallengeResponse: ARN("verify"),
      },
    });
    ({ clientId } = await createClient(t.client, poolId, {
      ExplicitAuthFlows: ["ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }));
    await createConfirmedUser(t.client, poolId, "cara", { email: "cara@example.com" });
  });

  const start = () =>
    t.client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: "CUSTOM_AUTH",
        AuthParameters: { USERNAME: "cara" },
      }),
    );
  const answer = (Session: string | undefined, ANSWER: string) =>
    t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: "CUSTOM_CHALLENGE",
        Session,
        ChallengeResponses: { USERNAME: "cara", ANSWER },
      }),
    );

  it("asks the custom challenge, takes a wrong answer, then signs in with the right one", async () => {
    const first = await start();
    expect(first.ChallengeName).toBe("CUSTOM_CHALLENGE");
    expect(first.ChallengeParameters).toMatchObject({ email: "c***@example.com", USERNAME: "cara" });
    const wrong = await answer(first.Session, "000000");
    expect(wrong.ChallengeName).toBe("CUSTOM_CHALLENGE");
    const done = await answer(wrong.Session, sentCodes.at(-1) ?? "");
    expect(done.AuthenticationResult?.AccessToken).toBeDefined();
    const defines = events.filter((e) => e.triggerSource === "DefineAuthChallenge_Authentication");
    expect(sessionOf(defines.at(-1))).toEqual([
      {
        challengeName: "CUSTOM_CHALLENGE",
        challengeResult: false,
        challengeMetadata: `CODE-${sentCodes.at(-2)}`,
      },
      {
        challengeName: "CUSTOM_CHALLENGE",
        challengeResult: true,
        challengeMetadata: `CODE-${sentCodes.at(-1)}`,
      },
    ]);
    const create = events.findLast((e) => e.triggerSource === "CreateAuthChallenge_Authentication");
    const verify = events.findLast((e) => e.triggerSource === "VerifyAuthChallengeResponse_Authentication");
    expect(CreateAuthChallengeTriggerSchema.safeParse(create).error?.issues ?? []).toEqual([]);
    expect(VerifyAuthChallengeTriggerSchema.safeParse(verify).error?.issues ?? []).toEqual([]);
    expect(DefineAuthChallengeTriggerSchema.safeParse(defines.at(-1)).error?.issues ?? []).toEqual([]);
  });

  it("fails the sign-in when DefineAuthChallenge says so", async () => {
    let step = await start();
    for (let i = 0; i < 2; i++) step = await answer(step.Session, "000000");
    const err = await errorOf(answer(step.Session, "000000"));
    expect(err).toMatchObject({ name: "NotAuthorizedException", message: "Incorrect username or password." });
  });

  it("refuses CUSTOM_AUTH on a client that does not allow it, and on a pool without the functions", async () => {
    const { clientId: srpOnly } = await createClient(t.client, poolId, {
      ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
    });
    const refused = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: srpOnly,
          AuthFlow: "CUSTOM_AUTH",
          AuthParameters: { USERNAME: "cara" },
        }),
      ),
    );
    expect(refused).toMatchObject({
      name: "InvalidParameterException",
      message: "CUSTOM_AUTH flow not enabled for this client",
    });
    const bare = await createPool(t.client);
    const { clientId: bareClient } = await createClient(t.client, bare, {
      ExplicitAuthFlows: ["ALLOW_CUSTOM_AUTH"],
    });
    const missing = await errorOf(
      t.client.send(
        new InitiateAuthCommand({
          ClientId: bareClient,
          AuthFlow: "CUSTOM_AUTH",
          AuthParameters: { USERNAME: "x" },
        }),
      ),
    );
    expect(missing).toMatchObject({
      name: "NotAuthorizedException",
      message: "Custom auth lambda trigger is not configured for the user pool.",
    });
  });

  it("signs in with Amplify v6 CUSTOM_WITHOUT_SRP and CUSTOM_WITH_SRP", async () => {
    Amplify.configure({
      Auth: {
        Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: `${t.emulator.url}/` },
      },
    });
    const without = await signIn({ username: "cara", options: { authFlowType: "CUSTOM_WITHOUT_SRP" } });
    expect(without.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
    expect((await confirmSignIn({ challengeResponse: sentCodes.at(-1) ?? "" })).isSignedIn).toBe(true);
    await signOut();

    const withSrp = await signIn({
      username: "cara",
      password: PASSWORD,
      options: { authFlowType: "CUSTOM_WITH_SRP" },
    });
    expect(withSrp.nextStep.signInStep).toBe("CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
    const define = events.findLast((e) => e.triggerSource === "DefineAuthChallenge_Authentication");
    expect(sessionOf(define)).toEqual([
      { challengeName: "SRP_A", challengeResult: true },
      { challengeName: "PASSWORD_VERIFIER", challengeResult: true },
    ]);
    expect((await confirmSignIn({ challengeResponse: sentCodes.at(-1) ?? "" })).isSignedIn).toBe(true);
    await signOut();
  });

  it("refuses CUSTOM_WITH_SRP with a wrong password", async () => {
    await expect(
      signIn({
        username: "cara",
        password: "Wrong-Password-1",
        options: { authFlowType: "CUSTOM_WITH_SRP" },
      }),
    ).rejects.toMatchObject({ name: "NotAuthorizedException" });
  });
});
