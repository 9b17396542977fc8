import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { z } from "zod";
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "./errors";

/** Bodies above this are refused before parsing (notes are small). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Parses and validates a JSON body; every failure is a 4xx with the reason. */
export function parseJsonBody<T extends z.ZodType>(event: APIGatewayProxyEventV2, schema: T): z.output<T> {
  const contentType = header(event, "content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError("Content-Type must be application/json");
  }
  const raw = event.body ?? "";
  const text = event.isBase64Encoded ? Buffer.from(raw, "base64").toString("utf8") : raw;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new PayloadTooLargeError(`Body exceeds ${MAX_BODY_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestError("Body is not valid JSON");
  }
  return validate(schema, value, "body");
}

/** Validates path or query parameters. */
export function parseParams<T extends z.ZodType>(
  params: unknown,
  schema: T,
  where: "path" | "query",
): z.output<T> {
  return validate(schema, params ?? {}, where);
}

function validate<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BadRequestError(
      `Invalid ${where}`,
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  return parsed.data;
}

/** A request header, case-insensitively (API Gateway lower-cases them; tests may not). */
export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
