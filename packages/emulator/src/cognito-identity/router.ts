import type { Hono } from "hono";
import { awsJsonHandler } from "../aws-json";
import type { Services } from "../cognito-idp/services";
import {
  InvalidParameterException,
  toIdentityJsonError,
  UnknownOperationException,
  ValidationException,
} from "./errors";
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
  app.post(
    "/",
    awsJsonHandler({
      targetPrefix: TARGET_PREFIX,
      ledger: "cognito-identity",
      find: findOperation,
      services,
      invalidParameter: (m) => new InvalidParameterException(m),
      validationError: (m) => new ValidationException(m),
      unknownOperation: (m) => new UnknownOperationException(m),
      toError: toIdentityJsonError,
      passOtherTargets: true,
    }),
  );
}
