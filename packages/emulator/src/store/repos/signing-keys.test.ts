import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SigningKeysRepo } from "./signing-keys";
import { type TempDb, tempDb } from "./temp-db";

const key = (kid: string) => ({ kid, privateKeyPem: `pem-${kid}`, publicJwk: { kty: "RSA", kid } });

describe("SigningKeysRepo", () => {
  let t: TempDb;
  let keys: SigningKeysRepo;
  beforeEach(() => {
    t = tempDb();
    keys = new SigningKeysRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("keeps one key per pool and use, a put replacing it", () => {
    expect(keys.get("p", "id")).toBeUndefined();
    keys.put("p", "id", key("k1"));
    keys.put("p", "access", key("k2"));
    keys.put("p", "id", key("k3"));
    expect(keys.get("p", "id")).toEqual(key("k3"));
    expect(keys.get("p", "access")).toEqual(key("k2"));
  });

  it("forgets a deleted pool's keys only", () => {
    keys.put("p", "id", key("k1"));
    keys.put("q", "id", key("k2"));
    keys.deletePool("p");
    expect(keys.get("p", "id")).toBeUndefined();
    expect(keys.get("q", "id")?.kid).toBe("k2");
  });
});
