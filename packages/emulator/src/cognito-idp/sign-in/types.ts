/**
 * The shapes the sign-in core passes between its parts: the context of one sign-in, the session
 * kept between challenges, and the outcome of a step (a challenge, tokens, or an authenticated user).
 *
 * @module
 */
import type { SrpSessionState } from "../../crypto/srp";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/types";
import type { AuthEventRecord, SignInRequirement } from "../threat/protection";
import type { SignInSignals } from "../threat/signals";
import type { IssuedTokens } from "../tokens";
import type { CustomAuthState } from "./custom-auth";

export type ChallengeName =
  | "PASSWORD_VERIFIER"
  | "NEW_PASSWORD_REQUIRED"
  | "SMS_MFA"
  | "EMAIL_OTP"
  | "SOFTWARE_TOKEN_MFA"
  | "SELECT_MFA_TYPE"
  | "MFA_SETUP"
  | "CUSTOM_CHALLENGE"
  | "DEVICE_SRP_AUTH"
  | "DEVICE_PASSWORD_VERIFIER";

/**
 * Who asks for the sign-in. `api`: InitiateAuth and its admin variant, which end in tokens.
 * `hosted-ui`: the managed login pages, which end in an authenticated user; their tokens are
 * minted when the authorization code is redeemed at `/oauth2/token`. The hosted UI proves its
 * client there (client secret), so its sign-in steps take no `SECRET_HASH`.
 */
export type SignInChannel = "api" | "hosted-ui";

/** The `triggerSource` of PreTokenGeneration when a sign-in completes. */
export type TokenGenerationSource =
  | "TokenGeneration_Authentication"
  | "TokenGeneration_NewPasswordChallenge"
  | "TokenGeneration_HostedAuth"
  | "TokenGeneration_RefreshTokens";

/** What the store keeps between InitiateAuth and RespondToAuthChallenge. */
export interface AuthSession {
  poolId: string;
  clientId: string;
  sub: string;
  challenge: ChallengeName;
  admin: boolean;
  srp?: SrpSessionState;
  attempts: number;
  /** Set once VerifySoftwareToken succeeded inside MFA_SETUP. */
  totpVerified?: boolean;
  clientMetadata?: Record<string, string>;
  /** The threat-protection event of this sign-in, completed when the challenge is answered. */
  eventId?: string;
  /** Remembered devices: the device the sign-in names (`DEVICE_KEY`), and whether it was proven. */
  deviceKey?: string;
  deviceProven?: boolean;
  /** Custom authentication: the steps so far and the current challenge's private parameters. */
  custom?: CustomAuthState;
}

export interface AuthContext {
  pool: PoolRecord;
  client: ClientRecord;
  admin: boolean;
  /** Default `api`. */
  channel?: SignInChannel;
  clientMetadata?: Record<string, string>;
  /** Where the sign-in comes from (threat protection). */
  signals?: SignInSignals;
  /** The threat-protection event of this sign-in: written (`eventId`) or still to write (`pendingEvent`). */
  eventId?: string;
  pendingEvent?: AuthEventRecord;
  risk?: SignInRequirement;
  /** Remembered devices: the device the sign-in names (`DEVICE_KEY`), and whether it was proven. */
  deviceKey?: string;
  deviceProven?: boolean;
}

/** The outcome of one sign-in step. */
export type SignInOutcome =
  | {
      kind: "challenge";
      challenge: ChallengeName;
      session: string;
      parameters: Record<string, string>;
      /** The user the challenge is for (its internal username and sub). */
      username: string;
      sub: string;
    }
  /** The API's end: tokens minted. */
  | { kind: "tokens"; tokens: IssuedTokens }
  /** The hosted UI's end: the user is authenticated; nothing is minted yet. */
  | { kind: "authenticated"; user: UserRecord; authTime: number };

/** The API's answer (InitiateAuth / RespondToAuthChallenge and their admin variants). */
export interface AuthResult {
  ChallengeName?: ChallengeName;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: IssuedTokens;
}

export const INCORRECT = "Incorrect username or password.";
