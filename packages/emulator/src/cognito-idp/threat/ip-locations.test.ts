import { describe, expect, it } from "vitest";
import { distanceKm, ipInRanges, locateIp, networkOf } from "./ip-locations";

describe("offline IP locations", () => {
  it("places loopback and private addresses on the local network, documentation ranges in cities", () => {
    expect(locateIp("127.0.0.1").city).toBe("Local network");
    expect(locateIp("::ffff:10.1.2.3").city).toBe("Local network");
    expect(locateIp("198.51.100.20")).toMatchObject({ city: "Paris", country: "France" });
    expect(locateIp("2001:db8::1")).toMatchObject({ city: "Tokyo" });
    expect(locateIp("8.8.8.8").city).toBe("Unknown");
    expect(locateIp("not an ip").city).toBe("Unknown");
  });

  it("measures great-circle distances, none for places without coordinates", () => {
    const km = distanceKm(locateIp("198.51.100.1"), locateIp("203.0.113.1"));
    expect(km).toBeGreaterThan(16_000);
    expect(km).toBeLessThan(17_500);
    expect(distanceKm(locateIp("127.0.0.1"), locateIp("203.0.113.1"))).toBeUndefined();
  });

  it("matches CIDR lists and names networks", () => {
    expect(ipInRanges("192.0.2.200", ["192.0.2.128/25"])).toBe(true);
    expect(ipInRanges("192.0.2.10", ["192.0.2.128/25"])).toBe(false);
    expect(ipInRanges(undefined, ["0.0.0.0/0"])).toBe(false);
    expect(networkOf("198.51.100.77")).toBe("198.51.100.0/24");
  });
});
