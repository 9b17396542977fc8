import { type AwsJsonError, AwsJsonServiceError, serializeAwsJsonError } from "../aws-json/errors";

/** cognito-identity's error types, written as AWS JSON 1.1 errors (`{__type, message}` + `x-amzn-ErrorType`). */
export type CognitoIdentityErrorCode =
  | "DeveloperUserAlreadyRegisteredException"
  | "InternalErrorException"
  | "InvalidIdentityPoolConfigurationException"
  | "InvalidParameterException"
  | "LimitExceededException"
  | "MissingAuthenticationTokenException"
  | "NotAuthorizedException"
  | "ResourceConflictException"
  | "ResourceNotFoundException"
  | "UnknownOperationException"
  | "ValidationException";

export abstract class CognitoIdentityError extends AwsJsonServiceError<CognitoIdentityErrorCode> {}

export class DeveloperUserAlreadyRegisteredException extends CognitoIdentityError {
  override readonly code = "DeveloperUserAlreadyRegisteredException";
}
export class InternalErrorException extends CognitoIdentityError {
  override readonly code = "InternalErrorException";
  override readonly status = 500;
}
export class InvalidIdentityPoolConfigurationException extends CognitoIdentityError {
  override readonly code = "InvalidIdentityPoolConfigurationException";
}
export class InvalidParameterException extends CognitoIdentityError {
  override readonly code = "InvalidParameterException";
}
export class LimitExceededException extends CognitoIdentityError {
  override readonly code = "LimitExceededException";
}
/** An operation that needs AWS (developer) credentials, called without a SigV4 signature. */
export class MissingAuthenticationTokenException extends CognitoIdentityError {
  override readonly code = "MissingAuthenticationTokenException";
}
export class NotAuthorizedException extends CognitoIdentityError {
  override readonly code = "NotAuthorizedException";
}
export class ResourceConflictException extends CognitoIdentityError {
  override readonly code = "ResourceConflictException";
}
export class ResourceNotFoundException extends CognitoIdentityError {
  override readonly code = "ResourceNotFoundException";
}
export class UnknownOperationException extends CognitoIdentityError {
  override readonly code = "UnknownOperationException";
}

/** A request that breaks the model's constraints (AWS's JSON protocol answers it before the service runs). */
export class ValidationException extends CognitoIdentityError {
  override readonly code = "ValidationException";
}

/** Anything that is not a cognito-identity error is an internal error (a 500). */
export function toIdentityJsonError(err: unknown): AwsJsonError {
  const e =
    err instanceof CognitoIdentityError ? err : new InternalErrorException("Internal error", { cause: err });
  return serializeAwsJsonError(e);
}
