import { endpoints, routeKeyOf } from "@repo/api-contract";
import { describe, expect, it } from "vitest";
import { routeKey, routes } from "./routes";

describe("routes and the API contract", () => {
  it("name the same routes, with the same methods and paths", () => {
    expect(routes.map((r) => r.handler).sort()).toEqual(Object.keys(endpoints).sort());
    for (const route of routes) expect(routeKeyOf(route.handler), route.handler).toBe(routeKey(route));
  });
});
