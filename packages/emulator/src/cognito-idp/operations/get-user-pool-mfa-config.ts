import type { GetUserPoolMfaConfigCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import type { PoolRecord } from "../../store/types";
import { operation, PoolId } from "../operation";
import type { PoolInternals } from "../pool-settings";
import { requirePool } from "../pools";

const Request = z.object({ UserPoolId: PoolId }) satisfies z.ZodType<GetUserPoolMfaConfigCommandInput>;

export function mfaConfigOf(pool: PoolRecord & PoolInternals) {
  return {
    ...(pool.SmsConfiguration
      ? {
          SmsMfaConfiguration: {
            ...(pool.SmsAuthenticationMessage
              ? { SmsAuthenticationMessage: pool.SmsAuthenticationMessage }
              : {}),
            SmsConfiguration: pool.SmsConfiguration,
          },
        }
      : {}),
    SoftwareTokenMfaConfiguration: { Enabled: pool.SoftwareTokenMfaEnabled === true },
    ...(pool.EmailMfaConfiguration ? { EmailMfaConfiguration: pool.EmailMfaConfiguration } : {}),
    MfaConfiguration: pool.MfaConfiguration ?? "OFF",
  };
}

export const GetUserPoolMfaConfig = operation(Request, (req, services) =>
  mfaConfigOf(requirePool(services, req.UserPoolId)),
);
