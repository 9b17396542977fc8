import { describe, expect, it } from "vitest";
import { customAttributes, userWritableAttributes } from "./user-attributes";

describe("userWritableAttributes", () => {
  it("lets users write their profile, the federation-mapped picture and job_title", () => {
    expect(userWritableAttributes).toEqual(["name", "email", "phone_number", "picture", "custom:job_title"]);
  });

  it("never lets users write tenant_id or plan, which go into their tokens", () => {
    expect(userWritableAttributes).not.toContain("custom:tenant_id");
    expect(userWritableAttributes).not.toContain("custom:plan");
    expect(customAttributes.filter((a) => !a.userWritable).map((a) => a.name)).toEqual(["tenant_id", "plan"]);
  });
});
