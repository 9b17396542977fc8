import type { ListUsersCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { InvalidParameterException } from "../../errors";
import type { UserRecord } from "../../store/types";
import { decodeNextToken, encodeNextToken, operation, PoolId } from "../operation";
import { isCaseSensitive, requirePool } from "../pools";
import { userType } from "../users";

const Request = z.object({
  UserPoolId: PoolId,
  AttributesToGet: z.array(z.string().min(1).max(32)).optional(),
  Limit: z.number().int().min(0).max(60).optional(),
  PaginationToken: z.string().min(1).optional(),
  Filter: z.string().max(256).optional(),
}) satisfies z.ZodType<ListUsersCommandInput>;

const FILTERABLE = [
  "username",
  "email",
  "phone_number",
  "name",
  "given_name",
  "family_name",
  "preferred_username",
  "cognito:user_status",
  "status",
  "sub",
];

/** `attr = "value"` (exact) or `attr ^= "value"` (prefix), as ListUsers accepts. */
export function parseFilter(filter: string): ((u: UserRecord) => boolean) | undefined {
  if (filter.trim() === "") return undefined;
  const m = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!m) throw new InvalidParameterException("Error while parsing filter.");
  const [, attr = "", op, raw = ""] = m;
  if (!FILTERABLE.includes(attr)) throw new InvalidParameterException(`Invalid search attribute: ${attr}`);
  const value = raw.replace(/\\(.)/g, "$1");
  return (u) => {
    const actual =
      attr === "username"
        ? u.username
        : attr === "cognito:user_status"
          ? u.status
          : attr === "status"
            ? u.enabled
              ? "Enabled"
              : "Disabled"
            : u.attributes[attr];
    if (actual === undefined) return false;
    return op === "=" ? actual === value : actual.startsWith(value);
  };
}

export const ListUsers = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  let match = req.Filter ? parseFilter(req.Filter) : undefined;
  if (
    match &&
    !isCaseSensitive(pool) &&
    req.Filter &&
    /^\s*(username|email|preferred_username)\s/.test(req.Filter)
  ) {
    const inner = parseFilter(req.Filter.replace(/"(.*)"/, (_, v: string) => `"${v.toLowerCase()}"`));
    match = inner
      ? (u) =>
          inner({
            ...u,
            username: u.username.toLowerCase(),
            attributes: Object.fromEntries(
              Object.entries(u.attributes).map(([k, v]) => [k, v.toLowerCase()]),
            ),
          })
      : undefined;
  }
  const limit = req.Limit && req.Limit > 0 ? req.Limit : 60;
  let after = decodeNextToken(req.PaginationToken);
  const out: UserRecord[] = [];
  let lastSeq = after;
  let more = false;
  for (;;) {
    const batch = services.store.users.list(pool.Id, after, 200);
    if (batch.length === 0) break;
    for (const { user, seq } of batch) {
      after = seq;
      if (match && !match(user)) continue;
      if (out.length === limit) {
        more = true;
        break;
      }
      out.push(user);
      lastSeq = seq;
    }
    if (more) break;
  }
  return {
    Users: out.map((u) => userType(u, req.AttributesToGet)),
    ...(more ? { PaginationToken: encodeNextToken(lastSeq) } : {}),
  };
});
