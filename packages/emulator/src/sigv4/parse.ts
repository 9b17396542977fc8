/** Taking a SigV4 request apart: its query, its `X-Amz-Date`, its credential scope. */
import type { QueryParameterBag } from "@smithy/types";
import { SigV4Error, type SigV4ErrorCode } from "./errors";

export function parseQuery(raw: string): QueryParameterBag {
  const out: Record<string, string | string[]> = {};
  if (!raw) return out;
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw new SigV4Error("InvalidRequest", "The query string is not correctly encoded.");
      }
    };
    const key = decode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? "" : decode(part.slice(eq + 1));
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** `20260101T120000Z` → Date, or undefined. */
export function parseAmzDate(value: string | undefined): Date | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

export function parseCredential(value: string, code: SigV4ErrorCode): Credential {
  const parts = value.split("/");
  const [accessKeyId, date, region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !date || !region || !service || terminator !== "aws4_request") {
    throw new SigV4Error(code, `Error parsing the X-Amz-Credential parameter; the Credential is mal-formed.`);
  }
  return { accessKeyId, date, region, service };
}

/** The values of the headers a signature names; a missing one means the signature cannot match. */
export function signedHeaderValues(
  headers: Record<string, string | undefined>,
  signed: readonly string[],
  mismatch: () => Error,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of signed) {
    const value = headers[name];
    if (value === undefined) throw mismatch();
    out[name] = value;
  }
  return out;
}
