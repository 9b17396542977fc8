import { randomBytes } from "node:crypto";
import {
  createRefreshToken,
  generateClientId,
  generateClientSecret,
  generateConfirmationCode,
  generateTemporaryPassword,
  generateUserPoolId,
  generateUuid,
} from "../crypto/codes";

/** `us-east-1_AbC123xYz`: region, underscore, 9 letters and digits. */
export const newPoolId = (region: string): string => generateUserPoolId(region);
export const newClientId = (): string => generateClientId();
export const newClientSecret = (): string => generateClientSecret();
export const newUuid = (): string => generateUuid();
/** Six-digit code for confirmation, password reset, attribute verification and SMS MFA. */
export const newCode = (): string => generateConfirmationCode();
/** Opaque refresh token in Cognito's JWE shape; meaningless outside the store. */
export const newRefreshToken = (): string => createRefreshToken().token;
/** Session string for challenges (Cognito's are 20-2048 characters). */
export const newSessionId = (): string => randomBytes(96).toString("base64url");
export const newTemporaryPassword = (minLength: number): string => generateTemporaryPassword(minLength);
