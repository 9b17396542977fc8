import { randomUUID } from "node:crypto";
import type { Hono } from "hono";
import type { Services } from "../cognito-idp/services";
import { InvalidParameterException, toIdentityJsonError, UnknownOperationException } from "./errors";
import { identityJwks } from "./openid";
import { findOperation } from "./operations";

export const TARGET_PREFIX = "AWSCognitoIdentityService.";

/**
 * cognito-identity over AWS JSON 1.1 on `POST /`, picked by `X-Amz-Target:
 * AWSCognitoIdentityService.<Op>`; any other target falls through to the next handler (the
 * user-pool API), so this must be mounted before `mountCognitoIdp`. Also serves the JWKS of
 * GetOpenIdToken's tokens at `/_cognito-identity/.well-known/jwks_uri`.
 */
export function mountCognitoIdentity(app: Hono, services: Services): void {
  app.get("/_cognito-identity/.well-known/jwks_uri", (c) => c.json(identityJwks(services)));
  app.post("/", async (c, next) => {
    const target = c.req.header("x-amz-target") ?? "";
    if (!target.startsWith(TARGET_PREFIX)) return next();
    const requestId = randomUUID();
    try {
      const op = findOperation(target.slice(TARGET_PREFIX.length));
      if (!op) throw new UnknownOperationException(`Unknown operation ${target}`);
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
      const e = toIdentityJsonError(err);
      if (e.status === 500) console.error("emulator: internal error", err);
      return c.body(e.body, e.status, { ...e.headers, "x-amzn-RequestId": requestId });
    }
  });
}
