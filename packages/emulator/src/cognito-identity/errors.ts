/** cognito-identity's error types, written as AWS JSON 1.1 errors (`{__type, message}` + `x-amzn-ErrorType`). */
export type CognitoIdentityErrorCode =
  | "InternalErrorException"
  | "InvalidIdentityPoolConfigurationException"
  | "InvalidParameterException"
  | "LimitExceededException"
  | "NotAuthorizedException"
  | "ResourceConflictException"
  | "ResourceNotFoundException"
  | "UnknownOperationException";

export abstract class CognitoIdentityError extends Error {
  abstract readonly code: CognitoIdentityErrorCode;
  readonly status: 400 | 500 = 400;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
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

export function toIdentityJsonError(err: unknown): {
  status: 400 | 500;
  headers: Record<string, string>;
  body: string;
} {
  const e =
    err instanceof CognitoIdentityError ? err : new InternalErrorException("Internal error", { cause: err });
  return {
    status: e.status,
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-ErrorType": e.code,
      "x-amzn-ErrorMessage": e.message.replace(/[^\x20-\x7e]/g, "?"),
    },
    body: JSON.stringify({ __type: e.code, message: e.message }),
  };
}
