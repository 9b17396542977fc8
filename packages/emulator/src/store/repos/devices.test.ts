import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreDb } from "../db";
import { type DeviceRecord, DevicesRepo } from "./devices";
import { type TempDb, tempDb } from "./temp-db";

const device = (deviceKey: string, sub = "s", poolId = "p"): DeviceRecord => ({
  poolId,
  sub,
  deviceKey,
  deviceGroupKey: "-g",
  confirmed: false,
  remembered: false,
  createdAt: 1,
  modifiedAt: 1,
  lastAuthenticatedAt: 1,
});

describe("DevicesRepo", () => {
  let t: TempDb;
  let devices: DevicesRepo;
  beforeEach(() => {
    t = tempDb();
    devices = new DevicesRepo(t.db);
  });
  afterEach(() => t.dispose());

  it("keeps each user's devices apart, in the order they were issued, across updates", () => {
    devices.put(device("d1"));
    devices.put(device("d2"));
    devices.put(device("d3", "other"));
    devices.put({ ...device("d1"), confirmed: true, name: "phone" });
    expect(devices.listOf("p", "s").map((d) => d.deviceKey)).toEqual(["d1", "d2"]);
    expect(devices.get("p", "s", "d1")).toMatchObject({ confirmed: true, name: "phone" });
    expect(devices.get("p", "other", "d1")).toBeUndefined();
  });

  it("forgets one device, a user's devices and a pool's devices", () => {
    devices.put(device("d1"));
    devices.put(device("d2"));
    devices.put(device("d3", "other"));
    devices.put(device("d4", "s", "q"));
    expect(devices.delete("p", "s", "d1")).toBe(true);
    expect(devices.delete("p", "s", "d1")).toBe(false);
    devices.deleteUser("p", "s");
    expect(devices.listOf("p", "s")).toEqual([]);
    expect(devices.listOf("p", "other")).toHaveLength(1);
    devices.deletePool("p");
    expect(devices.listOf("p", "other")).toEqual([]);
    expect(devices.listOf("q", "s")).toHaveLength(1);
  });

  it("survives reopening the database file", () => {
    devices.put({ ...device("d1"), verifier: { salt: "00aa", verifier: "bb" } });
    t.db.close();
    t.db = new StoreDb(t.path);
    const reopened = new DevicesRepo(t.db);
    expect(reopened.get("p", "s", "d1")?.verifier).toEqual({ salt: "00aa", verifier: "bb" });
  });
});
