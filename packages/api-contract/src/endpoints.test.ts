import { describe, expect, it } from "vitest";
import { endpoints } from "./endpoints";

describe("endpoints", () => {
  it("declare path parameters exactly where the path has them", () => {
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = "params" in endpoint ? Object.keys(endpoint.params.shape).sort() : [];
      expect(declared, name).toEqual(inPath);
    }
  });

  it("take a body only on methods that carry one", () => {
    for (const [name, endpoint] of Object.entries(endpoints)) {
      if ("body" in endpoint) expect(["POST", "PUT", "PATCH"], name).toContain(endpoint.method);
    }
  });

  it("answer only success statuses with their own bodies", () => {
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const statuses = Object.keys(endpoint.responses).map(Number);
      expect(statuses.length, name).toBeGreaterThan(0);
      // 503 is the health check's degraded answer; every other failure is an ApiErrorBody.
      for (const status of statuses)
        expect(status < 300 || (name === "get-service-health" && status === 503)).toBe(true);
    }
  });
});
