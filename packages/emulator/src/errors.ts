import { type AwsJsonError, AwsJsonServiceError, serializeAwsJsonError } from "./aws-json/errors";

/** Cognito's error types, thrown by operations and written as AWS JSON 1.1 errors by one serializer. */
export const cognitoErrorCodes = [
  "AliasExistsException",
  "CodeDeliveryFailureException",
  "CodeMismatchException",
  "ConcurrentModificationException",
  "DuplicateProviderException",
  "EnableSoftwareTokenMFAException",
  "ExpiredCodeException",
  "FeatureUnavailableInTierException",
  "GroupExistsException",
  "InternalErrorException",
  "InvalidLambdaResponseException",
  "InvalidOAuthFlowException",
  "InvalidParameterException",
  "InvalidPasswordException",
  "InvalidUserPoolConfigurationException",
  "LimitExceededException",
  "MFAMethodNotFoundException",
  "NotAuthorizedException",
  "PasswordHistoryPolicyViolationException",
  "PasswordResetRequiredException",
  "RefreshTokenReuseException",
  "ResourceNotFoundException",
  "ScopeDoesNotExistException",
  "SoftwareTokenMFANotFoundException",
  "TooManyFailedAttemptsException",
  "TooManyRequestsException",
  "UnauthorizedException",
  "UnexpectedLambdaException",
  "UnsupportedOperationException",
  "UnknownOperationException",
  "UnsupportedTokenTypeException",
  "UserLambdaValidationException",
  "UserNotConfirmedException",
  "UserNotFoundException",
  "UserPoolAddOnNotEnabledException",
  "UserPoolTaggingException",
  "UsernameExistsException",
  "UnsupportedUserStateException",
] as const;

export type CognitoErrorCode = (typeof cognitoErrorCodes)[number];

export abstract class CognitoError extends AwsJsonServiceError<CognitoErrorCode> {}

export class AliasExistsException extends CognitoError {
  override readonly code = "AliasExistsException";
}
export class CodeDeliveryFailureException extends CognitoError {
  override readonly code = "CodeDeliveryFailureException";
}
export class CodeMismatchException extends CognitoError {
  override readonly code = "CodeMismatchException";
}
export class DuplicateProviderException extends CognitoError {
  override readonly code = "DuplicateProviderException";
}
export class EnableSoftwareTokenMFAException extends CognitoError {
  override readonly code = "EnableSoftwareTokenMFAException";
}
export class ExpiredCodeException extends CognitoError {
  override readonly code = "ExpiredCodeException";
}
export class FeatureUnavailableInTierException extends CognitoError {
  override readonly code = "FeatureUnavailableInTierException";
}
export class GroupExistsException extends CognitoError {
  override readonly code = "GroupExistsException";
}
export class InternalErrorException extends CognitoError {
  override readonly code = "InternalErrorException";
  override readonly status = 500;
}
export class InvalidLambdaResponseException extends CognitoError {
  override readonly code = "InvalidLambdaResponseException";
}
export class InvalidOAuthFlowException extends CognitoError {
  override readonly code = "InvalidOAuthFlowException";
}
export class InvalidParameterException extends CognitoError {
  override readonly code = "InvalidParameterException";
}
export class InvalidPasswordException extends CognitoError {
  override readonly code = "InvalidPasswordException";
}
export class LimitExceededException extends CognitoError {
  override readonly code = "LimitExceededException";
}
export class MFAMethodNotFoundException extends CognitoError {
  override readonly code = "MFAMethodNotFoundException";
}
export class NotAuthorizedException extends CognitoError {
  override readonly code = "NotAuthorizedException";
}
export class PasswordResetRequiredException extends CognitoError {
  override readonly code = "PasswordResetRequiredException";
}
export class ResourceNotFoundException extends CognitoError {
  override readonly code = "ResourceNotFoundException";
}
export class ScopeDoesNotExistException extends CognitoError {
  override readonly code = "ScopeDoesNotExistException";
}
export class SoftwareTokenMFANotFoundException extends CognitoError {
  override readonly code = "SoftwareTokenMFANotFoundException";
}
export class TooManyFailedAttemptsException extends CognitoError {
  override readonly code = "TooManyFailedAttemptsException";
}
export class UnauthorizedException extends CognitoError {
  override readonly code = "UnauthorizedException";
}
export class UnsupportedOperationException extends CognitoError {
  override readonly code = "UnsupportedOperationException";
}
export class UnsupportedUserStateException extends CognitoError {
  override readonly code = "UnsupportedUserStateException";
}
export class UnexpectedLambdaException extends CognitoError {
  override readonly code = "UnexpectedLambdaException";
}
export class UnknownOperationException extends CognitoError {
  override readonly code = "UnknownOperationException";
}
export class UnsupportedTokenTypeException extends CognitoError {
  override readonly code = "UnsupportedTokenTypeException";
}
export class UserLambdaValidationException extends CognitoError {
  override readonly code = "UserLambdaValidationException";
}
export class UserPoolAddOnNotEnabledException extends CognitoError {
  override readonly code = "UserPoolAddOnNotEnabledException";
}
export class RefreshTokenReuseException extends CognitoError {
  override readonly code = "RefreshTokenReuseException";
}
export class PasswordHistoryPolicyViolationException extends CognitoError {
  override readonly code = "PasswordHistoryPolicyViolationException";
}
export class UserNotConfirmedException extends CognitoError {
  override readonly code = "UserNotConfirmedException";
}
export class UserNotFoundException extends CognitoError {
  override readonly code = "UserNotFoundException";
}
export class UsernameExistsException extends CognitoError {
  override readonly code = "UsernameExistsException";
}

export type { AwsJsonError };

/** The one serializer: anything that is not a Cognito error is an internal error (a 500). */
export function toAwsJsonError(err: unknown): AwsJsonError {
  const e = err instanceof CognitoError ? err : new InternalErrorException("Internal error", { cause: err });
  return serializeAwsJsonError(e);
}
