import { customAttributeName, customAttributes } from "@repo/auth-shared/user-attributes";
import { z } from "zod";

/**
 * The account pages' form inputs (validated here, at the boundary) and the attribute changes a
 * submitted profile makes.
 */

const jobTitle = customAttributes.find((a) => a.name === "job_title");
if (!jobTitle) throw new TypeError("the pool has no job_title attribute");

export const ProfileForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter your name.")
    .max(256, "The name is too long (256 characters at most)."),
  job_title: z
    .string()
    .trim()
    .max(jobTitle.maxLength, `The job title is too long (${jobTitle.maxLength} characters at most).`)
    .default(""),
});
export type ProfileForm = z.output<typeof ProfileForm>;

/** Only the attributes that changed (an unchanged profile is not sent to Cognito). */
export function profileChanges(current: Record<string, string>, form: ProfileForm): Record<string, string> {
  const submitted: Record<string, string> = {
    name: form.name,
    [customAttributeName("job_title")]: form.job_title,
  };
  return Object.fromEntries(
    Object.entries(submitted).filter(([name, value]) => (current[name] ?? "") !== value),
  );
}

export const EmailForm = z.object({
  email: z
    .email("Enter an email address such as you@example.com.")
    .max(254)
    .transform((e) => e.toLowerCase()),
});

/** E.164, as Cognito stores phone numbers: `+` and the country code, digits only. */
export const PhoneForm = z.object({
  phone_number: z
    .string()
    .trim()
    .transform((p) => p.replace(/[\s().-]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\+[1-9]\d{6,14}$/, "Enter the number in international format, such as +14155550100."),
    ),
});

export const CodeForm = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code."),
});

export const VerifiableAttributeForm = z.object({ attribute: z.enum(["email", "phone_number"]) });

export const PasswordForm = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(256),
    proposed: z.string().min(1, "Enter a new password.").max(256),
    confirm: z.string().max(256),
  })
  .refine((f) => f.proposed === f.confirm, { message: "The new passwords do not match.", path: ["confirm"] })
  .refine((f) => f.proposed !== f.current, {
    message: "The new password must differ from the current one.",
    path: ["proposed"],
  });

export const MfaPreferenceForm = z.object({ preferred: z.enum(["SOFTWARE_TOKEN_MFA", "SMS_MFA"]) });

/** The first problem of a failed parse, for the form's alert. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Check what you entered.";
}
