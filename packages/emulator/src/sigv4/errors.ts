/** Why a signature was refused; each maps to an S3 error code. */
export type SigV4ErrorCode =
  | "AccessDenied"
  | "AuthorizationHeaderMalformed"
  | "AuthorizationQueryParametersError"
  | "ExpiredToken"
  | "InvalidAccessKeyId"
  | "InvalidRequest"
  | "InvalidToken"
  | "MissingSecurityHeader"
  | "RequestTimeTooSkewed"
  | "SignatureDoesNotMatch";

export class SigV4Error extends Error {
  override name = "SigV4Error";
  constructor(
    readonly code: SigV4ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
