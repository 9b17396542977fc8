import type { Hono } from "hono";
import { awsJsonHandler } from "../aws-json";
import { InvalidParameterException, toAwsJsonError, UnknownOperationException } from "../errors";
import { findOperation } from "./operations";
import type { Services } from "./services";

const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

/** AWS JSON 1.1 on `POST /`: `X-Amz-Target` picks the operation. */
export function mountCognitoIdp(app: Hono, services: Services): void {
  app.post(
    "/",
    awsJsonHandler({
      targetPrefix: TARGET_PREFIX,
      ledger: "cognito-idp",
      find: findOperation,
      services,
      invalidParameter: (m) => new InvalidParameterException(m),
      validationError: (m) => new InvalidParameterException(m),
      unknownOperation: (m) => new UnknownOperationException(m),
      toError: toAwsJsonError,
    }),
  );
}
