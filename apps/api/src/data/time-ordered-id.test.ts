import { describe, expect, it } from "vitest";
import { z } from "zod";
import { timeOrderedUuid } from "./time-ordered-id";

describe("timeOrderedUuid", () => {
  it("is a version 7 UUID carrying its creation millisecond", () => {
    const at = new Date("2026-11-28T04:50:00.123Z");
    const id = timeOrderedUuid(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
    expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(at.getTime());
  });

  it("sorts by creation time as text, and never repeats", () => {
    const base = Date.parse("2026-01-01T00:00:00Z");
    const ids = Array.from({ length: 200 }, (_, i) => timeOrderedUuid(new Date(base + i * 997)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedUuid())).size).toBe(1000);
  });
});
