/** S3's error codes the endpoint answers with, and their HTTP status. */
const STATUS = {
  AccessDenied: 403,
  AuthorizationHeaderMalformed: 400,
  AuthorizationQueryParametersError: 400,
  BadDigest: 400,
  CORSResponse: 403,
  EntityTooSmall: 400,
  ExpiredToken: 400,
  InternalError: 500,
  InvalidAccessKeyId: 403,
  InvalidArgument: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  InvalidRequest: 400,
  InvalidToken: 400,
  MalformedXML: 400,
  MethodNotAllowed: 405,
  MissingSecurityHeader: 400,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchUpload: 404,
  NotImplemented: 501,
  RequestTimeTooSkewed: 403,
  SignatureDoesNotMatch: 403,
  XAmzContentSHA256Mismatch: 400,
} as const;

export type S3ErrorCode = keyof typeof STATUS;

export class S3Error extends Error {
  override name = "S3Error";
  readonly status: number;
  constructor(
    readonly code: S3ErrorCode,
    message: string,
    readonly resource?: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<Error><Code>…</Code><Message>…</Message>…</Error>`, as S3 writes it. */
export function errorXml(e: S3Error, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${xmlEscape(e.message)}</Message>${
    e.resource ? `<Resource>${xmlEscape(e.resource)}</Resource>` : ""
  }<RequestId>${requestId}</RequestId></Error>`;
}
