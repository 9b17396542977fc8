import { type NextRequest, NextResponse } from "next/server";
import { env } from "~/env";
import { s3Location } from "~/files-config";
import { contentSecurityPolicy } from "~/security-headers";

const files =
  env.FILES_BUCKET &&
  s3Location({ bucket: env.FILES_BUCKET, region: env.AWS_REGION, endpoint: env.S3_ENDPOINT });
const cspOptions = {
  filesOrigin: files ? files.origin : undefined,
  dev: env.NODE_ENV === "development",
};

/** C0 controls and DEL: never part of a path a browser would follow. */
const isControl = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};
const withoutControls = (value: string) => [...value].filter((ch) => !isControl(ch)).join("");

/**
 * Adds the Content-Security-Policy with a fresh nonce per request. The policy also goes on the
 * request, where Next.js reads the nonce and puts it on the scripts it renders (every page is
 * rendered per request: the layout reads the session).
 */
export function proxy(request: NextRequest) {
  // A `callbackUrl` with control characters (CR/LF) would reach a Location header: the request
  // goes again without them (a safe default, never a 500).
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && [...callbackUrl].some(isControl)) {
    const clean = request.nextUrl.clone();
    clean.searchParams.set("callbackUrl", withoutControls(callbackUrl));
    return NextResponse.redirect(clean, 303);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(env.COGNITO_DOMAIN_URL, { ...cspOptions, nonce });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
