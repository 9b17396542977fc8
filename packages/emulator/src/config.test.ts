import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config.EMULATOR_PORT).toBe(9229);
    expect(config.EMULATOR_HOST).toBe("127.0.0.1");
    expect(config.EMULATOR_STORE).toMatch(/\/\.local\/emulator\.sqlite$/);
    expect(config.EMULATOR_INFRA).toBeUndefined();
    expect(config.EMULATOR_REGION).toBe("us-east-1");
  });

  it("reads the variables", () => {
    const config = loadConfig({
      EMULATOR_PORT: "0",
      EMULATOR_STORE: ":memory:",
      EMULATOR_INFRA: "/tmp/stack",
    });
    expect(config).toMatchObject({
      EMULATOR_PORT: 0,
      EMULATOR_STORE: ":memory:",
      EMULATOR_INFRA: "/tmp/stack",
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ EMULATOR_INFRA: "", EMULATOR_PORT: "" })).toMatchObject({ EMULATOR_PORT: 9229 });
    expect(loadConfig({ EMULATOR_INFRA: "" }).EMULATOR_INFRA).toBeUndefined();
  });

  it("reads the opt-in strict checks and refuses unknown ones", () => {
    expect(loadConfig({}).EMULATOR_STRICT).toEqual([]);
    expect(loadConfig({ EMULATOR_STRICT: "pkce" }).EMULATOR_STRICT).toEqual(["pkce"]);
    expect(() => loadConfig({ EMULATOR_STRICT: "pkce,everything" })).toThrow(/EMULATOR_STRICT takes: pkce/);
  });

  it("refuses a port that is not a number and a malformed region", () => {
    expect(() => loadConfig({ EMULATOR_PORT: "abc" })).toThrow(ConfigError);
    expect(() => loadConfig({ EMULATOR_REGION: "mars" })).toThrow(ConfigError);
  });
});
