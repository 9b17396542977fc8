import type { PreSignUpTriggerEvent } from "aws-lambda";
import { emailDomain, isBlockedDomain } from "./email-domains";
import { triggerConfig } from "./trigger-config";

/** Thrown to refuse a sign-up; Cognito answers `UserLambdaValidationException` with its message. */
export class SignUpRejectedError extends Error {
  override name = "SignUpRejectedError";
}

/**
 * Pre sign-up:
 * - federated sign-ups (`PreSignUp_ExternalProvider`) are confirmed, and their email verified,
 *   since the identity provider vouches for them;
 * - self sign-ups from disposable or blocked email domains are refused.
 */
export async function handler(event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> {
  const email = event.request.userAttributes.email;
  if (event.triggerSource === "PreSignUp_ExternalProvider") {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = Boolean(email);
    return event;
  }
  if (event.triggerSource === "PreSignUp_SignUp" && email) {
    const domain = emailDomain(email);
    if (!domain) throw new SignUpRejectedError("A valid email address is required");
    if (isBlockedDomain(domain, triggerConfig().blockedEmailDomains)) {
      throw new SignUpRejectedError(`Email addresses at ${domain} cannot be used to sign up`);
    }
  }
  return event;
}
