import QRCode from "qrcode";

/**
 * The `otpauth://` URI an authenticator app reads from the QR code (Key Uri Format), with every
 * parameter spelled out as some apps ignore defaults. Cognito's TOTP: SHA1, 6 digits, 30 s.
 */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = [
    `secret=${encodeURIComponent(secret)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    "algorithm=SHA1",
    "digits=6",
    "period=30",
  ];
  return `otpauth://totp/${label}?${params.join("&")}`;
}

/** The QR code as an SVG `data:` URL, rendered on the server (no script, allowed by the CSP). */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 1, width: 200, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The name authenticator apps show next to the code. */
export const TOTP_ISSUER = "Acme Notes";
