import { NextResponse } from "next/server";
import { env } from "~/env";
import { contentSecurityPolicy } from "~/security-headers";

const csp = contentSecurityPolicy(env.COGNITO_DOMAIN_URL);

/** Adds the Content-Security-Policy, whose hosted-UI origin comes from the runtime configuration. */
export function proxy() {
  const res = NextResponse.next();
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
