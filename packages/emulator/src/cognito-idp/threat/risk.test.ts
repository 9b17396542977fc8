import { describe, expect, it } from "vitest";
import { locateIp } from "./ip-locations";
import { assessRisk, type PastSignIn } from "./risk";

const now = Date.UTC(2026, 10, 27, 12);
const paris = locateIp("198.51.100.7");
const sydney = locateIp("203.0.113.9");
const past = (minutesAgo: number, over: Partial<PastSignIn> = {}): PastSignIn => ({
  createdAt: now - minutesAgo * 60_000,
  success: true,
  ip: "198.51.100.7",
  deviceKey: "a",
  ...over,
});

describe("assessRisk", () => {
  it("has no baseline on a first sign-in: low, whatever the device", () => {
    expect(
      assessRisk({ now, ip: "203.0.113.9", deviceKey: "z", location: sydney, history: [], ipFailures: 0 }),
    ).toEqual({
      level: "Low",
      score: 0,
      reasons: [],
    });
  });

  it("scores a new device and a new network as medium, each with its reason", () => {
    const r = assessRisk({
      now,
      ip: "198.51.101.1",
      deviceKey: "b",
      location: paris,
      history: [past(60)],
      ipFailures: 0,
    });
    expect(r).toMatchObject({ level: "Medium", reasons: ["new-device", "new-network"] });
  });

  it("sees impossible travel, but not a journey that had time", () => {
    const fast = assessRisk({
      now,
      ip: "203.0.113.9",
      deviceKey: "a",
      location: sydney,
      history: [past(30)],
      ipFailures: 0,
    });
    expect(fast.reasons).toContain("impossible-travel");
    expect(fast.level).toBe("High");
    const slow = assessRisk({
      now,
      ip: "203.0.113.9",
      deviceKey: "a",
      location: sydney,
      history: [past(60 * 24)],
      ipFailures: 0,
    });
    expect(slow.reasons).not.toContain("impossible-travel");
  });

  it("counts recent failures of the user and from the IP", () => {
    const failures = [1, 2, 3].map((m) => past(m, { success: false }));
    const r = assessRisk({
      now,
      ip: "198.51.100.7",
      deviceKey: "a",
      location: paris,
      history: [...failures, past(120)],
      ipFailures: 10,
    });
    expect(r.reasons).toEqual(["failed-attempts-user", "failed-attempts-ip"]);
    const old = [100, 200, 300].map((m) => past(m, { success: false }));
    expect(
      assessRisk({
        now,
        ip: "198.51.100.7",
        deviceKey: "a",
        location: paris,
        history: [...old, past(400)],
        ipFailures: 9,
      }).reasons,
    ).toEqual([]);
  });

  it("makes a reported device or IP high risk, and a vouched-for one known", () => {
    const reported = assessRisk({
      now,
      ip: "198.51.100.7",
      deviceKey: "a",
      location: paris,
      history: [past(5, { feedback: "Invalid" }), past(60)],
      ipFailures: 0,
    });
    expect(reported).toMatchObject({ level: "High", reasons: ["reported-device-or-ip"] });
    const vouched = assessRisk({
      now,
      ip: "203.0.113.9",
      deviceKey: "b",
      location: sydney,
      history: [past(5, { success: false, ip: "203.0.113.9", deviceKey: "b", feedback: "Valid" }), past(10)],
      ipFailures: 0,
    });
    expect(vouched).toMatchObject({ level: "Low", reasons: [] });
  });
});
