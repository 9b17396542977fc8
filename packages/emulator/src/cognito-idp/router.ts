import { randomUUID } from "node:crypto";
import type { Hono } from "hono";
import { InvalidParameterException, toAwsJsonError, UnknownOperationException } from "../errors";
import { findOperation } from "./operations";
import type { Services } from "./services";

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

/** AWS JSON 1.1 on `POST /`: `X-Amz-Target` picks the operation. */
export function mountCognitoIdp(app: Hono, services: Services): void {
  app.post("/", async (c) => {
    const requestId = randomUUID();
    try {
      const target = c.req.header("x-amz-target") ?? "";
      const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
      const op = name ? findOperation(name) : undefined;
      if (!op)
        throw new UnknownOperationException(
          target ? `Unknown operation ${target}` : "Missing X-Amz-Target header",
        );
      const text = await c.req.text();
      let body: unknown;
      try {
        body = text.trim() === "" ? {} : JSON.parse(text);
      } catch {
        throw new InvalidParameterException("Request body is not valid JSON.");
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        throw new InvalidParameterException("Request body must be a JSON object.");
      }
      const result = await op.handle(body, services);
      return c.body(JSON.stringify(result ?? {}), 200, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-RequestId": requestId,
      });
    } catch (err) {
      const e = toAwsJsonError(err);
      if (e.status === 500) console.error("emulator: internal error", err);
      return c.body(e.body, e.status, { ...e.headers, "x-amzn-RequestId": requestId });
    }
  });
}
