import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, csv, parseEnv } from "./index";

const Schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  TABLE: z.string({ error: "TABLE is required" }).min(3),
  DOMAINS: csv((v) => v.toLowerCase()),
});

describe("parseEnv", () => {
  it("applies defaults, coerces and splits lists", () => {
    expect(parseEnv(Schema, { TABLE: "notes", DOMAINS: " A.example, ,b.example" }, "test")).toEqual({
      PORT: 8080,
      TABLE: "notes",
      DOMAINS: ["a.example", "b.example"],
    });
  });

  it("treats an empty variable as unset unless told otherwise", () => {
    expect(parseEnv(Schema, { TABLE: "notes", PORT: "" }, "test").PORT).toBe(8080);
    expect(() => parseEnv(Schema, { TABLE: "notes", PORT: "" }, "test", { emptyIsUnset: false })).toThrow(
      ConfigError,
    );
  });

  it("names every bad setting and the component in one error", () => {
    let error: unknown;
    try {
      parseEnv(Schema, { PORT: "70000" }, "API route");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Invalid API route config:\n/);
    expect(message).toContain("TABLE is required");
    expect(message).toMatch(/PORT/);
  });
});
