import { describe, expect, it } from "vitest";
import { breachCorpusSize, candidateForms, isBreachedPassword } from "./breached-passwords";

describe("breached passwords", () => {
  it("holds the corpus", () => {
    expect(breachCorpusSize()).toBeGreaterThan(40_000);
  });

  it("flags breached passwords and the policy-shaped forms people derive from them", () => {
    expect(isBreachedPassword("password")).toBe(true);
    expect(isBreachedPassword("Password123!")).toBe(true);
    expect(isBreachedPassword("Qwerty123456!")).toBe(true);
    expect(candidateForms("Sunshine1!")).toEqual(["sunshine1!", "sunshine1"]);
  });

  it("leaves unusual passwords alone, including ones that only contain a common word", () => {
    expect(isBreachedPassword("Correct-Horse-9")).toBe(false);
    expect(isBreachedPassword("Demo-Passw0rd!")).toBe(false);
    expect(isBreachedPassword("my password is long and odd 42!")).toBe(false);
  });
});
