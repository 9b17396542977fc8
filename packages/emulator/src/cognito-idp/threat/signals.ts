/**
 * The client a sign-in comes from, as Cognito's threat protection sees it: its IP address and a
 * device fingerprint.
 *
 * - IP: `ContextData.IpAddress` on the admin flows (the server relays its user's address); on the
 *   public flows `UserContextData.IpAddress` when the client has a secret and
 *   `EnablePropagateAdditionalUserContextData`, else the request's own source (the first
 *   `X-Forwarded-For` hop, else the socket).
 * - Device: `UserContextData.EncodedData` / `ContextData.EncodedData` (the fingerprint Amplify's
 *   advanced-security collector sends) when present, else the user agent.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { RequestInfo } from "../../request-info";
import type { ClientRecord, PoolRecord } from "../../store/types";
import { threatMode } from "./risk-config";

export interface SignInSignals {
  ip?: string;
  /** Stable key of the device (a hash of its fingerprint). */
  deviceKey?: string;
  /** What people see: browser and system, from the user agent. */
  deviceName: string;
}

export interface ContextInput {
  IpAddress?: string;
  EncodedData?: string;
  HttpHeaders?: { headerName?: string; headerValue?: string }[];
}

const key = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 16);

/** "Chrome on Linux"-style name of a user agent. */
export function deviceNameOf(userAgent: string | undefined): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)
      ? "Chrome"
      : /Firefox\//.test(userAgent)
        ? "Firefox"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : /aws-sdk|aws-cli/i.test(userAgent)
            ? "AWS SDK"
            : /^node|undici/i.test(userAgent)
              ? "Node.js"
              : "Browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad|iOS/.test(userAgent)
        ? "iOS"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : undefined;
  return system ? `${browser} on ${system}` : browser;
}

export function signalsFrom(
  request: RequestInfo | undefined,
  client: ClientRecord,
  userContext?: ContextInput,
  adminContext?: ContextInput,
): SignInSignals {
  const headerAgent = adminContext?.HttpHeaders?.find(
    (h) => h.headerName?.toLowerCase() === "user-agent",
  )?.headerValue;
  const userAgent = headerAgent ?? request?.userAgent;
  const propagate = client.EnablePropagateAdditionalUserContextData === true && Boolean(client.ClientSecret);
  const ip = adminContext?.IpAddress ?? (propagate ? userContext?.IpAddress : undefined) ?? request?.sourceIp;
  const fingerprint = adminContext?.EncodedData ?? userContext?.EncodedData ?? userAgent;
  return {
    ...(ip ? { ip } : {}),
    ...(fingerprint ? { deviceKey: key(fingerprint) } : {}),
    deviceName: deviceNameOf(userAgent),
  };
}

/** The sign-in's signals where the pool's threat protection uses them (`undefined` when it is OFF). */
export function signalsFor(
  pool: PoolRecord,
  request: RequestInfo | undefined,
  client: ClientRecord,
  userContext?: ContextInput,
  adminContext?: ContextInput,
): SignInSignals | undefined {
  return threatMode(pool) === "OFF" ? undefined : signalsFrom(request, client, userContext, adminContext);
}
