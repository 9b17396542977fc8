import QRCode from "qrcode";
import { z } from "zod";
import type { Services } from "../../cognito-idp/services";
import { CognitoError } from "../../errors";
import { type ChallengeAnswers, type ChallengeContext, challengeGet, challengePost } from "../challenge-page";
import { field, form, h } from "../html";
import { callOperation } from "../operations";
import { href, render } from "../pages";
import { saveSession } from "../session";

const Code = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
const Associated = z.object({ SecretCode: z.string().min(1) });

/** The `otpauth://` URI authenticator apps read from the QR code. */
function otpauthUri(ctx: ChallengeContext, secret: string): string {
  const user = ctx.services.store.users.getBySub(ctx.hd.pool.Id, ctx.pending.sub);
  const account = user?.attributes.email ?? user?.attributes.phone_number ?? ctx.pending.username;
  const issuer = ctx.hd.pool.Name;
  return `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}

/** A fresh secret through AssociateSoftwareToken with the challenge session, kept for the form post. */
async function secretFor(ctx: ChallengeContext): Promise<string> {
  const known = ctx.pending.parameters.__totpSecret;
  if (known) return known;
  const associated = Associated.parse(
    await callOperation(ctx.services, "AssociateSoftwareToken", { Session: ctx.pending.session }),
  );
  ctx.pending.parameters.__totpSecret = associated.SecretCode;
  ctx.session.data.pending = ctx.pending;
  saveSession(ctx.services, ctx.session);
  return associated.SecretCode;
}

async function setupPage(ctx: ChallengeContext, error?: string): Promise<Response> {
  const secret = await secretFor(ctx);
  const uri = otpauthUri(ctx, secret);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 });
  const dataUri = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  const body = h`<p>Scan this QR code with an authenticator app, or enter the key by hand.</p>
<img src="${dataUri}" width="200" height="200" alt="QR code for setting up your authenticator app">
<p>Key: <code class="secret" id="totp-secret">${secret}</code></p>
${form(
  href(ctx, "mfaSetup"),
  ctx.session.data.csrf,
  field({
    name: "code",
    label: "Authenticator code",
    autocomplete: "one-time-code",
    inputmode: "numeric",
    autofocus: true,
    hint: "Enter the 6-digit code the app shows.",
  }),
  "Verify and sign in",
)}`;
  return render(ctx, { title: "Set up your authenticator app", body, error });
}

/** `GET /mfaSetup`: MFA_SETUP with TOTP: QR code and the secret as text. */
export const mfaSetupGet = (services: Services) =>
  challengeGet(services, ["MFA_SETUP"], (ctx) => setupPage(ctx));

/** `POST /mfaSetup`: VerifySoftwareToken with the session, then the MFA_SETUP answer. */
export const mfaSetupPost = (services: Services) =>
  challengePost(
    services,
    ["MFA_SETUP"],
    async (ctx): Promise<ChallengeAnswers> => {
      const parsed = Code.safeParse(ctx.form);
      if (!parsed.success) return { error: "Enter the code: 6 digits." };
      try {
        await callOperation(services, "VerifySoftwareToken", {
          Session: ctx.pending.session,
          UserCode: parsed.data.code,
        });
      } catch (err) {
        if (err instanceof CognitoError) return { error: err.message };
        throw err;
      }
      return { ok: {} };
    },
    setupPage,
  );
