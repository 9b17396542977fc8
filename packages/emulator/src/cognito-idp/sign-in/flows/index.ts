/**
 * The `AuthFlow`s of InitiateAuth and AdminInitiateAuth: each flow's file, the client setting that
 * allows it, and whether it belongs to the admin or the client-side call. Adding a flow is adding
 * its file and one entry here.
 *
 * @module
 */
import { InvalidParameterException } from "../../../errors";
import type { Services } from "../../services";
import type { AuthContext, SignInOutcome } from "../types";
import { customFlow } from "./custom";
import { passwordFlow } from "./password";
import { refreshFlow } from "./refresh";
import { srpFlow } from "./srp";

interface FlowEntry {
  /** `ExplicitAuthFlows` values that allow the flow (the `ALLOW_` name and the legacy one). */
  allowedBy: string[];
  /** `admin`: AdminInitiateAuth only; `client`: InitiateAuth only; `both`. */
  caller: "admin" | "client" | "both";
  run: (services: Services, ctx: AuthContext, params: Record<string, string>) => Promise<SignInOutcome>;
}

const FLOWS: Record<string, FlowEntry> = {
  USER_PASSWORD_AUTH: {
    allowedBy: ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"],
    caller: "client",
    run: passwordFlow,
  },
  ADMIN_USER_PASSWORD_AUTH: {
    allowedBy: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"],
    caller: "admin",
    run: passwordFlow,
  },
  ADMIN_NO_SRP_AUTH: {
    allowedBy: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"],
    caller: "admin",
    run: passwordFlow,
  },
  USER_SRP_AUTH: { allowedBy: ["ALLOW_USER_SRP_AUTH"], caller: "client", run: srpFlow },
  CUSTOM_AUTH: { allowedBy: ["ALLOW_CUSTOM_AUTH", "CUSTOM_AUTH_FLOW_ONLY"], caller: "both", run: customFlow },
  REFRESH_TOKEN_AUTH: { allowedBy: ["ALLOW_REFRESH_TOKEN_AUTH"], caller: "both", run: refreshFlow },
  REFRESH_TOKEN: { allowedBy: ["ALLOW_REFRESH_TOKEN_AUTH"], caller: "both", run: refreshFlow },
};

/**
 * What a client with only the legacy (non-`ALLOW_`) `ExplicitAuthFlows` values may do besides what
 * those values name: before the `ALLOW_` values existed, SRP and refresh were always on, and
 * `CUSTOM_AUTH_FLOW_ONLY` turned SRP off (custom authentication only; refresh stays, to renew
 * what custom authentication issued). The legacy values' names map to today's as
 * `ADMIN_NO_SRP_AUTH` = `ALLOW_ADMIN_USER_PASSWORD_AUTH`, `USER_PASSWORD_AUTH` =
 * `ALLOW_USER_PASSWORD_AUTH` (the `allowedBy` lists).
 */
function legacyAllows(flows: string[], entry: FlowEntry): boolean {
  if (flows.some((f) => f.startsWith("ALLOW_"))) return false;
  if (entry.run === refreshFlow) return true;
  return entry.run === srpFlow && !flows.includes("CUSTOM_AUTH_FLOW_ONLY");
}

/** `InvalidParameterException` unless this call may use `flow` and the client allows it. */
export function checkFlowAllowed(ctx: AuthContext, flow: string): FlowEntry {
  const entry = FLOWS[flow];
  // An admin flow on InitiateAuth (or a client flow on AdminInitiateAuth) is refused first.
  const adminFlow = flow === "ADMIN_USER_PASSWORD_AUTH" || flow === "ADMIN_NO_SRP_AUTH";
  if (adminFlow !== ctx.admin && entry?.caller !== "both") {
    throw new InvalidParameterException("Initiate Auth method not supported.");
  }
  if (!entry) throw new InvalidParameterException(`${flow} is not supported by this emulator.`);
  const flows: string[] = ctx.client.ExplicitAuthFlows ?? [];
  if (!entry.allowedBy.some((n) => flows.includes(n)) && !legacyAllows(flows, entry)) {
    throw new InvalidParameterException(
      `${flow === "REFRESH_TOKEN" ? "REFRESH_TOKEN_AUTH" : flow} flow not enabled for this client`,
    );
  }
  return entry;
}

/** Starts the sign-in `flow` (InitiateAuth, AdminInitiateAuth, the hosted UI's password form). */
export function startFlow(
  services: Services,
  ctx: AuthContext,
  flow: string,
  params: Record<string, string>,
): Promise<SignInOutcome> {
  const entry = checkFlowAllowed(ctx, flow);
  if (params.DEVICE_KEY) ctx.deviceKey = params.DEVICE_KEY;
  return entry.run(services, ctx, params);
}
