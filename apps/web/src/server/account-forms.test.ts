import { describe, expect, it } from "vitest";
import { CodeForm, EmailForm, PasswordForm, PhoneForm, ProfileForm, profileChanges } from "./account-forms";

describe("profileChanges", () => {
  const current = { name: "Ada Lovelace", email: "ada@example.com", "custom:job_title": "Analyst" };

  it("sends only the attributes that changed", () => {
    const form = ProfileForm.parse({ name: "Ada Lovelace", job_title: "Engineer" });
    expect(profileChanges(current, form)).toEqual({ "custom:job_title": "Engineer" });
  });

  it("sends nothing for an unchanged profile", () => {
    expect(
      profileChanges(current, ProfileForm.parse({ name: " Ada Lovelace ", job_title: "Analyst" })),
    ).toEqual({});
  });

  it("clears a job title the user emptied, and sets one that was never there", () => {
    expect(profileChanges(current, ProfileForm.parse({ name: "Ada Lovelace", job_title: "" }))).toEqual({
      "custom:job_title": "",
    });
    expect(profileChanges({ name: "Ada" }, ProfileForm.parse({ name: "Ada", job_title: "CTO" }))).toEqual({
      "custom:job_title": "CTO",
    });
  });
});

describe("ProfileForm", () => {
  it("needs a name and bounds the job title by the pool schema (64)", () => {
    expect(ProfileForm.safeParse({ name: "  ", job_title: "" }).success).toBe(false);
    expect(ProfileForm.safeParse({ name: "A", job_title: "x".repeat(65) }).success).toBe(false);
    expect(ProfileForm.safeParse({ name: "A", job_title: "x".repeat(64) }).success).toBe(true);
  });
});

describe("PhoneForm", () => {
  it("normalises a number to E.164", () => {
    expect(PhoneForm.parse({ phone_number: "+1 (415) 555-0100" }).phone_number).toBe("+14155550100");
  });

  it("refuses a number without a country code", () => {
    expect(PhoneForm.safeParse({ phone_number: "4155550100" }).success).toBe(false);
  });
});

describe("EmailForm and CodeForm", () => {
  it("lower-cases the email and needs 6 digits for a code", () => {
    expect(EmailForm.parse({ email: "Ada@Example.com" }).email).toBe("ada@example.com");
    expect(CodeForm.safeParse({ code: "12345" }).success).toBe(false);
    expect(CodeForm.parse({ code: " 123456 " }).code).toBe("123456");
  });
});

describe("PasswordForm", () => {
  it("needs the confirmation to match and a new password that differs", () => {
    expect(PasswordForm.safeParse({ current: "a", proposed: "b", confirm: "c" }).success).toBe(false);
    expect(PasswordForm.safeParse({ current: "a", proposed: "a", confirm: "a" }).success).toBe(false);
    expect(PasswordForm.safeParse({ current: "a", proposed: "b", confirm: "b" }).success).toBe(true);
  });
});
