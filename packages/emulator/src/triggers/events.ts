/**
 * The events the emulator sends to each Lambda trigger, typed per trigger source. The `aws-lambda`
 * type definitions are the reference: each request type below is checked to be assignable to the
 * request of the matching `aws-lambda` event (a shape mistake is a type error), and
 * `test/sdk/trigger-events.test.ts` parses the events the emulator really sends with the
 * `@aws-lambda-powertools/parser` Cognito schemas.
 *
 * Where the two references disagree, AWS's documented event wins and it is noted here:
 * `groupConfiguration.preferredRole` is `null` when the user has no preferred role (AWS's example
 * events, and powertools' schema, which makes it nullable), where `aws-lambda` says `string |
 * undefined`.
 *
 * @module
 */
import type {
  CreateAuthChallengeTriggerEvent,
  CustomMessageTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from "aws-lambda";

type StringMap = Record<string, string>;

export type PreSignUpRequest = {
  userAttributes: StringMap;
  validationData: StringMap;
  /** Absent on `PreSignUp_ExternalProvider` (a federated first sign-in has no client metadata). */
  clientMetadata?: StringMap;
};

export type PostConfirmationRequest = {
  userAttributes: StringMap;
  clientMetadata: StringMap;
};

export type PreAuthenticationRequest = {
  userAttributes: StringMap;
  validationData: StringMap;
};

export type PostAuthenticationRequest = {
  userAttributes: StringMap;
  newDeviceUsed: boolean;
  clientMetadata: StringMap;
};

export type CustomMessageRequest = {
  userAttributes: StringMap;
  codeParameter: string;
  linkParameter: string;
  usernameParameter: string | null;
  clientMetadata: StringMap;
};

export type GroupConfiguration = {
  groupsToOverride: string[];
  iamRolesToOverride: string[];
  preferredRole: string | null;
};

export type PreTokenGenerationRequest = {
  userAttributes: StringMap;
  groupConfiguration: GroupConfiguration;
  /** V2 and V3 only. */
  scopes?: string[];
  clientMetadata: StringMap;
};

export type UserMigrationRequest = {
  /** Absent on `UserMigration_ForgotPassword` (AWS sends no password there). */
  password?: string;
  validationData: StringMap;
  clientMetadata: StringMap;
};

/** One step of a custom sign-in, as DefineAuthChallenge and CreateAuthChallenge see it. */
export type ChallengeResultEntry = DefineAuthChallengeTriggerEvent["request"]["session"][number];

type WithMetadata<R> = Omit<R, "clientMetadata"> & { clientMetadata: StringMap };

/** What each trigger's event carries: its trigger sources, request, and the response Cognito pre-fills. */
export interface TriggerEvents {
  PreSignUp: {
    source: PreSignUpTriggerEvent["triggerSource"];
    request: PreSignUpRequest;
    response: PreSignUpTriggerEvent["response"];
  };
  PostConfirmation: {
    source: PostConfirmationTriggerEvent["triggerSource"];
    request: PostConfirmationRequest;
    response: Record<string, never>;
  };
  PreAuthentication: {
    source: PreAuthenticationTriggerEvent["triggerSource"];
    request: PreAuthenticationRequest;
    response: Record<string, never>;
  };
  PostAuthentication: {
    source: PostAuthenticationTriggerEvent["triggerSource"];
    request: PostAuthenticationRequest;
    response: Record<string, never>;
  };
  CustomMessage: {
    source: CustomMessageTriggerEvent["triggerSource"];
    request: CustomMessageRequest;
    response: CustomMessageTriggerEvent["response"];
  };
  PreTokenGeneration: {
    source: PreTokenGenerationV2TriggerEvent["triggerSource"];
    request: PreTokenGenerationRequest;
    response: Record<string, never>;
  };
  DefineAuthChallenge: {
    source: DefineAuthChallengeTriggerEvent["triggerSource"];
    request: WithMetadata<DefineAuthChallengeTriggerEvent["request"]>;
    response: {
      challengeName: string | null;
      issueTokens: boolean | null;
      failAuthentication: boolean | null;
    };
  };
  CreateAuthChallenge: {
    source: CreateAuthChallengeTriggerEvent["triggerSource"];
    request: WithMetadata<CreateAuthChallengeTriggerEvent["request"]>;
    response: {
      publicChallengeParameters: StringMap | null;
      privateChallengeParameters: StringMap | null;
      challengeMetadata: string | null;
    };
  };
  VerifyAuthChallengeResponse: {
    source: VerifyAuthChallengeResponseTriggerEvent["triggerSource"];
    request: WithMetadata<VerifyAuthChallengeResponseTriggerEvent["request"]>;
    response: { answerCorrect: boolean };
  };
  UserMigration: {
    source: UserMigrationTriggerEvent["triggerSource"];
    request: UserMigrationRequest;
    /** Sent with every member `null`, as AWS's documented events (and powertools' schema) have it. */
    response: {
      [K in keyof UserMigrationTriggerEvent["response"]]-?: UserMigrationTriggerEvent["response"][K] | null;
    };
  };
}

export type TriggerName = keyof TriggerEvents;

/** What a call site gives to build a trigger's event (the common fields are added by `runTrigger`). */
export interface TriggerInput<N extends TriggerName> {
  triggerSource: TriggerEvents[N]["source"];
  userName: string;
  clientId: string;
  request: TriggerEvents[N]["request"];
  response?: TriggerEvents[N]["response"];
}

// --- checks against the aws-lambda definitions (compile time) -------------------------------

type Assignable<A, B> = [A] extends [B] ? true : false;
type WithPreferredRole<T> = T extends { groupConfiguration: infer G }
  ? Omit<T, "groupConfiguration"> & {
      groupConfiguration: Omit<G, "preferredRole"> & { preferredRole?: unknown };
    }
  : T;
const checks: {
  preSignUp: Assignable<PreSignUpRequest, PreSignUpTriggerEvent["request"]>;
  postConfirmation: Assignable<PostConfirmationRequest, PostConfirmationTriggerEvent["request"]>;
  preAuthentication: Assignable<PreAuthenticationRequest, PreAuthenticationTriggerEvent["request"]>;
  postAuthentication: Assignable<PostAuthenticationRequest, PostAuthenticationTriggerEvent["request"]>;
  customMessage: Assignable<CustomMessageRequest, CustomMessageTriggerEvent["request"]>;
  preTokenV1: Assignable<
    WithPreferredRole<Omit<PreTokenGenerationRequest, "scopes">>,
    WithPreferredRole<PreTokenGenerationTriggerEvent["request"]>
  >;
  preTokenV2: Assignable<
    WithPreferredRole<PreTokenGenerationRequest>,
    WithPreferredRole<PreTokenGenerationV2TriggerEvent["request"]>
  >;
  sources: Assignable<
    TriggerEvents["PreTokenGeneration"]["source"],
    PreTokenGenerationTriggerEvent["triggerSource"]
  >;
  // aws-lambda types `password` as always there; AWS leaves it out on UserMigration_ForgotPassword.
  userMigration: Assignable<Required<UserMigrationRequest>, UserMigrationTriggerEvent["request"]>;
} = {
  preSignUp: true,
  postConfirmation: true,
  preAuthentication: true,
  postAuthentication: true,
  customMessage: true,
  preTokenV1: true,
  preTokenV2: true,
  sources: true,
  userMigration: true,
};
void checks;
