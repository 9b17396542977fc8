import { InvalidParameterException } from "./errors";

/** One page of `items` from the position a `NextToken` of this module names, and the next token. */
export function page<T>(items: T[], max: number, nextToken?: string): { items: T[]; NextToken?: string } {
  let start = 0;
  if (nextToken) {
    const m = /^n:(\d+)$/.exec(Buffer.from(nextToken, "base64url").toString("utf8"));
    if (!m) throw new InvalidParameterException("Invalid pagination token.");
    start = Number(m[1]);
  }
  const end = start + max;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { NextToken: Buffer.from(`n:${end}`).toString("base64url") } : {}),
  };
}
