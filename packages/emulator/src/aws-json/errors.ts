/**
 * The error half of the AWS JSON 1.1 protocol kit: every service's error classes extend
 * `AwsJsonServiceError`, and one serializer writes them as `{__type, message}` plus the
 * `x-amzn-ErrorType` header AWS clients read first.
 */
export abstract class AwsJsonServiceError<Code extends string = string> extends Error {
  abstract readonly code: Code;
  readonly status: 400 | 500 = 400;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A serialized error response. */
export interface AwsJsonError {
  status: 400 | 500;
  headers: Record<string, string>;
  body: string;
}

/** Writes a service error as AWS does; the message header is restricted to printable ASCII. */
export function serializeAwsJsonError(e: AwsJsonServiceError): AwsJsonError {
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
