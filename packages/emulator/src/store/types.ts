import type {
  GroupType,
  IdentityProviderType,
  ResourceServerType,
  UserPoolClientType,
  UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";

/** Dates are kept as epoch seconds, the JSON 1.1 wire form. */
type WithEpochDates<T, K extends keyof T> = Omit<T, K> & { [P in K]: number };

export type PoolRecord = WithEpochDates<UserPoolType, "CreationDate" | "LastModifiedDate"> & {
  Id: string;
  Name: string;
};

export type ClientRecord = WithEpochDates<UserPoolClientType, "CreationDate" | "LastModifiedDate"> & {
  UserPoolId: string;
  ClientId: string;
  ClientName: string;
};

export type GroupRecord = WithEpochDates<GroupType, "CreationDate" | "LastModifiedDate"> & {
  GroupName: string;
  UserPoolId: string;
};

export type ResourceServerRecord = ResourceServerType & {
  UserPoolId: string;
  Identifier: string;
  Name: string;
};

export type IdentityProviderRecord = WithEpochDates<
  IdentityProviderType,
  "CreationDate" | "LastModifiedDate"
> & {
  UserPoolId: string;
  ProviderName: string;
};

export interface DomainRecord {
  UserPoolId: string;
  Domain: string;
  CustomDomainConfig?: { CertificateArn?: string };
  ManagedLoginVersion?: number;
  CreationDate: number;
}

export type UserStatus =
  | "UNCONFIRMED"
  | "CONFIRMED"
  | "RESET_REQUIRED"
  | "FORCE_CHANGE_PASSWORD"
  | "EXTERNAL_PROVIDER"
  | "ARCHIVED"
  | "COMPROMISED"
  | "UNKNOWN";

export interface StoredPassword {
  salt: string;
  verifier: string;
}

export interface UserMfa {
  /** Base32 secret once VerifySoftwareToken succeeded. */
  totpSecret?: string;
  /** Secret handed out by AssociateSoftwareToken, not yet verified. */
  pendingTotpSecret?: string;
  totpEnabled: boolean;
  smsEnabled: boolean;
  /** Email MFA (`EmailMfaSettings`); absent in stores written before it existed. */
  emailEnabled?: boolean;
  preferred?: "SMS_MFA" | "SOFTWARE_TOKEN_MFA" | "EMAIL_OTP";
  /** Last TOTP step accepted, so a code cannot be replayed. */
  lastTotpStep?: number;
}

export interface UserRecord {
  poolId: string;
  /** Internal username (the `sub` when email or phone is the username attribute). */
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  /** Every attribute as a string, `sub` and `*_verified` included. */
  attributes: Record<string, string>;
  password?: StoredPassword;
  /** SRP verifiers of earlier passwords, newest first, for PasswordHistorySize. */
  passwordHistory?: StoredPassword[];
  /** When a temporary password was set (epoch ms), for TemporaryPasswordValidityDays. */
  temporaryPasswordSetAt?: number;
  mfa: UserMfa;
  /** New email / phone waiting for verification (AttributesRequireVerificationBeforeUpdate). */
  pendingAttributes?: Partial<Record<"email" | "phone_number", string>>;
  createdAt: number;
  modifiedAt: number;
  failedAttempts: number;
  lastFailedAt: number;
}
