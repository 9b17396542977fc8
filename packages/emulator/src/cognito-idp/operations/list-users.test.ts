import { describe, expect, it } from "vitest";
import type { UserRecord } from "../../store/types";
import { parseFilter } from "./list-users";

const user = (
  username: string,
  attributes: Record<string, string>,
  status: UserRecord["status"] = "CONFIRMED",
) => ({ username, attributes, status, enabled: true }) as UserRecord;

describe("parseFilter", () => {
  const alice = user("alice", { email: "alice@example.com", name: "Alice A" });

  it("matches exact values with =", () => {
    expect(parseFilter('email = "alice@example.com"')?.(alice)).toBe(true);
    expect(parseFilter('email = "alice@example.org"')?.(alice)).toBe(false);
  });

  it("matches prefixes with ^=", () => {
    expect(parseFilter('name ^= "Ali"')?.(alice)).toBe(true);
    expect(parseFilter('username ^= "bob"')?.(alice)).toBe(false);
  });

  it("filters on status and cognito:user_status", () => {
    expect(parseFilter('status = "Enabled"')?.(alice)).toBe(true);
    expect(parseFilter('cognito:user_status = "UNCONFIRMED"')?.(alice)).toBe(false);
  });

  it("refuses attributes ListUsers cannot search and malformed filters", () => {
    expect(() => parseFilter('custom:plan = "x"')).toThrow("Invalid search attribute: custom:plan");
    expect(() => parseFilter("email = alice")).toThrow("Error while parsing filter.");
  });

  it("treats an empty filter as no filter", () => {
    expect(parseFilter("  ")).toBeUndefined();
  });
});
