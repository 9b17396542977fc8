import { NextResponse } from "next/server";
import { env } from "~/env";
import { s3Location } from "~/files-config";
import { contentSecurityPolicy } from "~/security-headers";

const files =
  env.FILES_BUCKET &&
  s3Location({ bucket: env.FILES_BUCKET, region: env.AWS_REGION, endpoint: env.S3_ENDPOINT });
const csp = contentSecurityPolicy(env.COGNITO_DOMAIN_URL, {
  filesOrigin: files ? files.origin : undefined,
  dev: env.NODE_ENV === "development",
});

/** Adds the Content-Security-Policy, whose hosted-UI and bucket origins come from the runtime configuration. */
export function proxy() {
  const res = NextResponse.next();
  res.headers.set("Content-Security-Policy", csp);
  return res;
}

export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
