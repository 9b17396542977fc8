import { describe, expect, it } from "vitest";
import type { PoolRecord } from "../store/types";
import { checkPasswordPolicy, maskDestination, poolShortName } from "./pools";

const pool = (policy: NonNullable<PoolRecord["Policies"]>["PasswordPolicy"]): PoolRecord =>
  ({
    Id: "us-east-1_Abc",
    Name: "p",
    CreationDate: 0,
    LastModifiedDate: 0,
    Policies: { PasswordPolicy: policy },
  }) as PoolRecord;

describe("checkPasswordPolicy", () => {
  const strict = pool({
    MinimumLength: 12,
    RequireUppercase: true,
    RequireLowercase: true,
    RequireNumbers: true,
    RequireSymbols: true,
  });

  it("accepts a password meeting every rule", () => {
    expect(() => checkPasswordPolicy(strict, "Abcdefghij1!")).not.toThrow();
  });

  it.each([
    ["Abcdefgh1!", "Password not long enough"],
    ["abcdefghij1!", "Password must have uppercase characters"],
    ["ABCDEFGHIJ1!", "Password must have lowercase characters"],
    ["Abcdefghijk!", "Password must have numeric characters"],
    ["Abcdefghijk1", "Password must have symbol characters"],
  ])("refuses %s with InvalidPasswordException (%s)", (password, reason) => {
    expect(() => checkPasswordPolicy(strict, password)).toThrow(
      `Password did not conform with policy: ${reason}`,
    );
  });

  it("counts a space as a symbol, as Cognito does", () => {
    expect(() => checkPasswordPolicy(strict, "Abcdefghij1 ")).not.toThrow();
  });

  it("applies only the rules the pool sets", () => {
    expect(() => checkPasswordPolicy(pool({ MinimumLength: 6 }), "aaaaaa")).not.toThrow();
  });
});

describe("maskDestination", () => {
  it("masks emails and phone numbers as CodeDeliveryDetails do", () => {
    expect(maskDestination("alice@example.com")).toBe("a***@e***");
    expect(maskDestination("+15555550100")).toBe("+*******0100");
  });
});

describe("poolShortName", () => {
  it("is the part of the pool ID after the underscore", () => {
    expect(poolShortName("us-east-1_AbC123")).toBe("AbC123");
  });
});
