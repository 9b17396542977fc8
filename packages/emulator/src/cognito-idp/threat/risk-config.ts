/**
 * The pool's threat-protection settings: the mode (`UserPoolAddOns.AdvancedSecurityMode`) and the
 * risk configuration (`SetRiskConfiguration`, or `aws_cognito_risk_configuration` in the infra),
 * pool-wide or for one app client, the client's winning when both exist.
 *
 * @module
 */
import type { RiskConfigurationType } from "@aws-sdk/client-cognito-identity-provider";
import { z } from "zod";
import type { ClientRecord, PoolRecord } from "../../store/types";
import type { Services } from "../services";

export type ThreatMode = "OFF" | "AUDIT" | "ENFORCED";

export function threatMode(pool: PoolRecord): ThreatMode {
  const mode = pool.UserPoolAddOns?.AdvancedSecurityMode;
  return mode === "AUDIT" || mode === "ENFORCED" ? mode : "OFF";
}

const EventAction = z.enum(["BLOCK", "MFA_IF_CONFIGURED", "MFA_REQUIRED", "NO_ACTION"]);
const TakeoverAction = z.object({ Notify: z.boolean(), EventAction });
const NotifyEmail = z.object({
  Subject: z.string().min(1).max(140),
  HtmlBody: z.string().min(6).max(20000).optional(),
  TextBody: z.string().min(6).max(20000).optional(),
});
const Cidr = z
  .string()
  .regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, "Member must satisfy regular expression pattern: CIDR range");

/** `SetRiskConfiguration`'s settings (everything but the pool and client IDs). */
export const RiskSettings = z.object({
  CompromisedCredentialsRiskConfiguration: z
    .object({
      EventFilter: z.array(z.enum(["SIGN_IN", "PASSWORD_CHANGE", "SIGN_UP"])).optional(),
      Actions: z.object({ EventAction: z.enum(["BLOCK", "NO_ACTION"]) }),
    })
    .optional(),
  AccountTakeoverRiskConfiguration: z
    .object({
      NotifyConfiguration: z
        .object({
          From: z.string().optional(),
          ReplyTo: z.string().optional(),
          SourceArn: z.string().min(20),
          BlockEmail: NotifyEmail.optional(),
          NoActionEmail: NotifyEmail.optional(),
          MfaEmail: NotifyEmail.optional(),
        })
        .optional(),
      Actions: z.object({
        LowAction: TakeoverAction.optional(),
        MediumAction: TakeoverAction.optional(),
        HighAction: TakeoverAction.optional(),
      }),
    })
    .optional(),
  RiskExceptionConfiguration: z
    .object({
      BlockedIPRangeList: z.array(Cidr).max(200).optional(),
      SkippedIPRangeList: z.array(Cidr).max(200).optional(),
    })
    .optional(),
});
export type RiskSettings = z.output<typeof RiskSettings>;

export type RiskConfigurationRecord = RiskSettings & {
  UserPoolId: string;
  ClientId?: string;
  LastModifiedDate: number;
};

const POOL_WIDE = "ALL";

export function putRiskConfiguration(services: Services, record: RiskConfigurationRecord): void {
  services.store.resources.put("risk-config", record.UserPoolId, record.ClientId ?? POOL_WIDE, record);
}

/** The configuration that applies to sign-ins through `client`: the client's own, else the pool's. */
export function riskConfigurationFor(
  services: Services,
  poolId: string,
  clientId?: string,
): RiskConfigurationRecord | undefined {
  return (
    (clientId ? services.store.resources.get("risk-config", poolId, clientId) : undefined) ??
    services.store.resources.get("risk-config", poolId, POOL_WIDE)
  );
}

/** The wire form (`RiskConfigurationType`), dates as epoch seconds. */
export function describeRiskConfiguration(
  services: Services,
  pool: PoolRecord,
  client?: ClientRecord,
): RiskConfigurationType & { LastModifiedDate?: number } {
  const record = riskConfigurationFor(services, pool.Id, client?.ClientId);
  if (!record) return { UserPoolId: pool.Id, ...(client ? { ClientId: client.ClientId } : {}) };
  return record as unknown as RiskConfigurationType & { LastModifiedDate?: number };
}
