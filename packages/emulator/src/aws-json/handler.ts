import { randomUUID } from "node:crypto";
import type { Context, Next } from "hono";
import type { ServiceName } from "../aws-model/model";
import { validationMessage } from "../aws-model/validate";
import { refusalMessage, refusedMembers } from "../ledger/ledger";
import { requestInfoOf } from "../request-info";
import type { AwsJsonError } from "./errors";
import type { AwsJsonOperation } from "./operation";

/** What one AWS JSON 1.1 service (`X-Amz-Target: <prefix><Op>` on `POST /`) plugs into the shared handler. */
export interface AwsJsonService<S> {
  targetPrefix: string;
  find: (operation: string) => AwsJsonOperation<S> | undefined;
  services: S;
  /** The service's `InvalidParameterException` and `UnknownOperationException`. */
  invalidParameter: (message: string) => Error;
  unknownOperation: (message: string) => Error;
  /** Serializes an error as `{__type, message}` with `x-amzn-ErrorType` and its status. */
  toError: (err: unknown) => AwsJsonError;
  /** The service whose AWS model and settings ledger requests are checked against. */
  ledger: ServiceName;
  /** The error a request breaking the model's constraints gets (cognito-idp: InvalidParameterException). */
  validationError: (message: string) => Error;
  /** True: a target of another service goes on to the next handler instead of being refused. */
  passOtherTargets?: boolean;
}

/**
 * The one AWS JSON 1.1 request handler the emulator's services share: target dispatch, body
 * parsing (never a 500 for what a client sends), response and error serialisation.
 */
export function awsJsonHandler<S>(service: AwsJsonService<S>) {
  return async (c: Context, next: Next) => {
    const target = c.req.header("x-amz-target") ?? "";
    if (service.passOtherTargets && !target.startsWith(service.targetPrefix)) return next();
    const requestId = randomUUID();
    try {
      const name = target.startsWith(service.targetPrefix) ? target.slice(service.targetPrefix.length) : "";
      const op = name ? service.find(name) : undefined;
      if (!op) {
        throw service.unknownOperation(
          target ? `Unknown operation ${target}` : "Missing X-Amz-Target header",
        );
      }
      const text = await c.req.text();
      let body: unknown;
      try {
        body = text.trim() === "" ? {} : JSON.parse(text);
      } catch {
        throw service.invalidParameter("Request body is not valid JSON.");
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw service.invalidParameter("Request body must be a JSON object.");
      }
      const invalid = validationMessage(service.ledger, name, body as Record<string, unknown>);
      if (invalid) throw service.validationError(invalid);
      const refused = refusedMembers(service.ledger, name, body as Record<string, unknown>);
      if (refused.length > 0) throw service.invalidParameter(refusalMessage(name, refused));
      const result = await op.handle(body, service.services, requestInfoOf(c));
      return c.body(JSON.stringify(result ?? {}), 200, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-RequestId": requestId,
      });
    } catch (err) {
      const e = service.toError(err);
      if (e.status === 500) console.error("emulator: internal error", err);
      return c.body(e.body, e.status, { ...e.headers, "x-amzn-RequestId": requestId });
    }
  };
}
