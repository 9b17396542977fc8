import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** What a service sees of the HTTP request besides its body: where it came from and what sent it. */
export interface RequestInfo {
  /** The client's address: the first `X-Forwarded-For` hop, else the socket's peer. */
  sourceIp?: string;
  userAgent?: string;
  /**
   * The region of a SigV4-signed request's credential scope (`Credential=<key>/<date>/<region>/…`):
   * on AWS the endpoint's region, which decides the region of the resources a call creates.
   */
  signingRegion?: string;
}

const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//;

/** The region a request was signed for, when it is signed with a real AWS region name. */
export function signingRegionOf(authorization: string | undefined): string | undefined {
  const region = authorization ? CREDENTIAL_SCOPE.exec(authorization)?.[1] : undefined;
  return region && AWS_REGION.test(region) ? region : undefined;
}

export function requestInfoOf(c: Context): RequestInfo {
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    // Not served by @hono/node-server (app.fetch in tests): no socket.
    peer = undefined;
  }
  const sourceIp = forwarded || peer;
  const userAgent = c.req.header("user-agent");
  const signingRegion = signingRegionOf(c.req.header("authorization"));
  return {
    ...(sourceIp ? { sourceIp } : {}),
    ...(userAgent ? { userAgent } : {}),
    ...(signingRegion ? { signingRegion } : {}),
  };
}
