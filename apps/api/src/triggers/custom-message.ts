import type { CustomMessageTriggerEvent } from "aws-lambda";
import { triggerConfig } from "./trigger-config";

type Source = CustomMessageTriggerEvent["triggerSource"];

interface Template {
  subject: string;
  heading: string;
  intro: string;
  /** SMS text; at most 140 characters once Cognito fills the placeholders. */
  sms: string;
}

/**
 * The wording of every message, by trigger source. `{####}` (the code, or the temporary password
 * for invitations) and `{username}` are Cognito's placeholders: they must stay in the output.
 */
function templates(app: string): Record<Source, Template> {
  return {
    CustomMessage_SignUp: {
      subject: `Confirm your ${app} account`,
      heading: "Confirm your email address",
      intro: "Enter this code to finish creating your account:",
      sms: `${app}: your confirmation code is {####}`,
    },
    CustomMessage_ResendCode: {
      subject: `Your ${app} confirmation code`,
      heading: "Here is a new confirmation code",
      intro: "Enter this code to confirm your account:",
      sms: `${app}: your new confirmation code is {####}`,
    },
    CustomMessage_ForgotPassword: {
      subject: `Reset your ${app} password`,
      heading: "Reset your password",
      intro: "Someone asked to reset your password. If it was you, enter this code:",
      sms: `${app}: your password reset code is {####}. Ignore this if you did not ask for it.`,
    },
    CustomMessage_AdminCreateUser: {
      subject: `You are invited to ${app}`,
      heading: `Welcome to ${app}`,
      intro:
        "An account was created for you. Sign in with the username {username} and this temporary password:",
      sms: `${app}: sign in as {username} with temporary password {####}`,
    },
    CustomMessage_UpdateUserAttribute: {
      subject: `Verify your new ${app} contact details`,
      heading: "Verify your new email address",
      intro: "Enter this code to confirm the change:",
      sms: `${app}: your verification code is {####}`,
    },
    CustomMessage_VerifyUserAttribute: {
      subject: `Verify your ${app} contact details`,
      heading: "Verify your email address",
      intro: "Enter this code to verify it:",
      sms: `${app}: your verification code is {####}`,
    },
    CustomMessage_Authentication: {
      subject: `Your ${app} sign-in code`,
      heading: "Your sign-in code",
      intro: "Enter this code to finish signing in:",
      sms: `${app}: your sign-in code is {####}`,
    },
  };
}

/** Branded HTML email and SMS text for every message the pool sends. */
export async function handler(event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> {
  const { appName, appUrl } = triggerConfig();
  const template = templates(appName)[event.triggerSource];
  if (!template) return event; // an unknown source keeps Cognito's default message
  const code = event.request.codeParameter;
  const username = event.request.usernameParameter ?? "";
  const fill = (text: string) => text.replace("{username}", username || "{username}");
  event.response.emailSubject = template.subject;
  event.response.emailMessage = renderEmail({
    appName,
    appUrl,
    heading: template.heading,
    intro: fill(template.intro),
    code,
    name: event.request.userAttributes.name,
  });
  event.response.smsMessage = fill(template.sms).replace("{####}", code);
  return event;
}

function renderEmail(p: {
  appName: string;
  appUrl: string;
  heading: string;
  intro: string;
  code: string;
  name?: string;
}) {
  // Placeholders ({####}, {username}) pass through escaping unchanged: they contain no HTML characters.
  const greeting = p.name ? `Hello ${escapeHtml(p.name)},` : "Hello,";
  return [
    "<!doctype html>",
    '<html lang="en"><body style="margin:0;padding:24px;background:#f4f5f7;font-family:system-ui,sans-serif;color:#1f2933">',
    '<table role="presentation" width="100%" style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">',
    `<tr><td><p style="font-size:14px;color:#52606d;margin:0 0 16px">${escapeHtml(p.appName)}</p>`,
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(p.heading)}</h1>`,
    `<p>${greeting}</p><p>${escapeHtml(p.intro)}</p>`,
    `<p style="font-size:28px;font-weight:700;letter-spacing:4px;margin:24px 0">${p.code}</p>`,
    `<p style="font-size:13px;color:#52606d">If you did not expect this message, you can ignore it. <a href="${escapeHtml(p.appUrl)}">${escapeHtml(p.appUrl)}</a></p>`,
    "</td></tr></table></body></html>",
  ].join("");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
