import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** What a service sees of the HTTP request besides its body: where it came from and what sent it. */
export interface RequestInfo {
  /** The client's address: the first `X-Forwarded-For` hop, else the socket's peer. */
  sourceIp?: string;
  userAgent?: string;
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
  return { ...(sourceIp ? { sourceIp } : {}), ...(userAgent ? { userAgent } : {}) };
}
