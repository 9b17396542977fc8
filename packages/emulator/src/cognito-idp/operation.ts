import { z } from "zod";
import { type AwsJsonOperation, operationKit } from "../aws-json";
import { InvalidParameterException } from "../errors";
import type { Services } from "./services";

/** One cognito-idp operation: its request schema and what it does with a valid request. */
export type Operation = AwsJsonOperation<Services>;

/**
 * Builds an operation from its zod schema and handler; `parseRequest` answers an invalid request
 * with Cognito's validation message as `InvalidParameterException`.
 */
export const { operation, parseRequest } = operationKit<Services>((m) => new InvalidParameterException(m));

/** Shared field schemas. */
export const PoolId = z
  .string()
  .min(1)
  .max(55)
  .regex(/^[\w-]+_[0-9a-zA-Z]+$/, "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
export const ClientId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w+]+$/, "Member must satisfy regular expression pattern: [\\w+]+");
export const Username = z.string().min(1).max(128);
export const AttributeList = z.array(
  z.object({ Name: z.string().min(1).max(32), Value: z.string().max(2048).optional() }),
);
export const StringMap = z.record(z.string(), z.string());
export const Token = z.string().min(1);
/** A device key: `Region_UUID`. */
export const DeviceKey = z
  .string()
  .min(1)
  .max(55)
  .regex(/^[\w-]+_[0-9a-f-]+$/, "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-f-]+");
export const DeviceRememberedStatus = z.enum(["remembered", "not_remembered"]);
/** `QueryLimitType`: 0-60. */
export const QueryLimit = z.number().int().min(0).max(60);
export const AnalyticsMetadata = z.object({ AnalyticsEndpointId: z.string().optional() }).optional();
/** `ContextDataType` of the admin sign-in operations: the user's request as the server saw it. */
export const AdminContextData = z.object({
  IpAddress: z.string(),
  ServerName: z.string(),
  ServerPath: z.string(),
  HttpHeaders: z.array(z.object({ headerName: z.string().optional(), headerValue: z.string().optional() })),
  EncodedData: z.string().optional(),
});

/** Opaque pagination tokens: base64 of an offset or sequence number. */
export function encodeNextToken(n: number): string {
  return Buffer.from(`n:${n}`).toString("base64url");
}
export function decodeNextToken(token: string | undefined): number {
  if (!token) return 0;
  const raw = Buffer.from(token, "base64url").toString("utf8");
  const m = /^n:(\d+)$/.exec(raw);
  if (!m) throw new InvalidParameterException("Invalid pagination token.");
  return Number(m[1]);
}

/** Pages an in-memory list by offset. */
export function paginate<T>(
  items: T[],
  limit: number | undefined,
  token: string | undefined,
  defaultLimit = 60,
) {
  const start = decodeNextToken(token);
  const size = limit && limit > 0 ? limit : defaultLimit;
  const page = items.slice(start, start + size);
  const next = start + size < items.length ? encodeNextToken(start + size) : undefined;
  return { page, next };
}
