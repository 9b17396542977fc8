/** The email and SMS a code goes out in: the pool's templates, the CustomMessage trigger, the outbox. */
import type { PoolRecord, UserRecord } from "../../store/types";
import { NO_CLIENT, runTrigger, triggerAttributes } from "../../triggers/cognito";
import { emailMfaMessage } from "../mfa/email";
import type { Services } from "../services";

export type MessageKind =
  | "SignUp"
  | "ResendCode"
  | "ForgotPassword"
  | "AdminCreateUser"
  | "UpdateUserAttribute"
  | "VerifyUserAttribute"
  | "Authentication";

function defaultMessage(
  pool: PoolRecord,
  kind: MessageKind,
  medium: "EMAIL" | "SMS",
): { subject: string | null; body: string } {
  const tpl = pool.VerificationMessageTemplate ?? {};
  if (kind === "AdminCreateUser") {
    const invite = pool.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
    return medium === "EMAIL"
      ? {
          subject: invite.EmailSubject ?? "Your temporary password",
          body: invite.EmailMessage ?? "Your username is {username} and temporary password is {####}.",
        }
      : {
          subject: null,
          body: invite.SMSMessage ?? "Your username is {username} and temporary password is {####}.",
        };
  }
  if (kind === "Authentication") {
    return medium === "EMAIL"
      ? emailMfaMessage(pool)
      : { subject: null, body: pool.SmsAuthenticationMessage ?? "Your authentication code is {####}." };
  }
  return medium === "EMAIL"
    ? {
        subject: tpl.EmailSubject ?? pool.EmailVerificationSubject ?? "Your verification code",
        body: tpl.EmailMessage ?? pool.EmailVerificationMessage ?? "Your verification code is {####}.",
      }
    : {
        subject: null,
        body: tpl.SmsMessage ?? pool.SmsVerificationMessage ?? "Your verification code is {####}.",
      };
}

/**
 * Sends a code (or temporary password) to the user's email or phone: through the pool's
 * CustomMessage trigger when it has one, then into the outbox.
 */
export async function deliverCode(
  services: Services,
  pool: PoolRecord,
  user: UserRecord,
  input: {
    kind: MessageKind;
    medium: "EMAIL" | "SMS";
    code: string;
    clientId?: string;
    clientMetadata?: Record<string, string>;
    /** Username shown in an invitation (AdminCreateUser). */
    username?: string;
  },
): Promise<void> {
  const recipient = input.medium === "EMAIL" ? user.attributes.email : user.attributes.phone_number;
  if (!recipient) return;
  let { subject, body } = defaultMessage(pool, input.kind, input.medium);
  const response = await runTrigger(services, pool, "CustomMessage", {
    triggerSource: `CustomMessage_${input.kind}`,
    userName: user.username,
    clientId: input.clientId ?? NO_CLIENT,
    request: {
      userAttributes: triggerAttributes(user),
      codeParameter: "{####}",
      linkParameter: "{##Click Here##}",
      usernameParameter: input.kind === "AdminCreateUser" ? "{username}" : null,
      clientMetadata: input.clientMetadata ?? {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  });
  if (response) {
    if (input.medium === "EMAIL") {
      if (typeof response.emailMessage === "string" && response.emailMessage) body = response.emailMessage;
      if (typeof response.emailSubject === "string" && response.emailSubject) subject = response.emailSubject;
    } else if (typeof response.smsMessage === "string" && response.smsMessage) {
      body = response.smsMessage;
    }
  }
  const text = body
    .replaceAll("{####}", input.code)
    .replaceAll("{username}", input.username ?? user.username);
  services.store.outbox.add({
    createdAt: services.clock.now().getTime(),
    poolId: pool.Id,
    medium: input.medium,
    recipient,
    subject,
    body: text,
    kind: input.kind,
  });
}
