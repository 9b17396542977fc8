import type { AdminSetUserMFAPreferenceCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import { operation, PoolId, Username } from "../operation";
import { requirePool, requireUser } from "../pools";
import { applyMfaPreference, MfaSettings } from "./set-user-mfa-preference";

const Request = z.object({
  SMSMfaSettings: MfaSettings,
  SoftwareTokenMfaSettings: MfaSettings,
  EmailMfaSettings: MfaSettings,
  Username,
  UserPoolId: PoolId,
}) satisfies z.ZodType<AdminSetUserMFAPreferenceCommandInput>;

export const AdminSetUserMFAPreference = operation(Request, (req, services) => {
  const pool = requirePool(services, req.UserPoolId);
  const user = requireUser(services, pool, req.Username);
  applyMfaPreference(
    services,
    pool,
    user,
    req.SMSMfaSettings,
    req.SoftwareTokenMfaSettings,
    req.EmailMfaSettings,
  );
  return {};
});
