/**
 * `aws_cognito_risk_configuration` in SetRiskConfiguration's shape.
 *
 * @module
 */
import { RiskSettings } from "../cognito-idp/threat/risk-config";
import { type Args, block, bool, defined, str, strs } from "./terraform-args";

function notifyEmail(value: unknown) {
  const e = block(value);
  return e
    ? defined({ Subject: String(e.subject ?? ""), HtmlBody: str(e.html_body), TextBody: str(e.text_body) })
    : undefined;
}

function takeoverAction(value: unknown) {
  const a = block(value);
  return a ? { EventAction: String(a.event_action), Notify: bool(a.notify) ?? false } : undefined;
}

/** `aws_cognito_risk_configuration` arguments in SetRiskConfiguration's shape, validated by its schema. */
export function riskSettingsFromTerraform(args: Args): RiskSettings {
  const takeover = block(args.account_takeover_risk_configuration);
  const notify = block(takeover?.notify_configuration);
  const actions = block(takeover?.actions);
  const compromised = block(args.compromised_credentials_risk_configuration);
  const exceptions = block(args.risk_exception_configuration);
  return RiskSettings.parse(
    defined({
      AccountTakeoverRiskConfiguration: takeover
        ? defined({
            NotifyConfiguration: notify
              ? defined({
                  From: str(notify.from),
                  ReplyTo: str(notify.reply_to),
                  SourceArn: String(notify.source_arn ?? ""),
                  BlockEmail: notifyEmail(notify.block_email),
                  MfaEmail: notifyEmail(notify.mfa_email),
                  NoActionEmail: notifyEmail(notify.no_action_email),
                })
              : undefined,
            Actions: defined({
              LowAction: takeoverAction(actions?.low_action),
              MediumAction: takeoverAction(actions?.medium_action),
              HighAction: takeoverAction(actions?.high_action),
            }),
          })
        : undefined,
      CompromisedCredentialsRiskConfiguration: compromised
        ? defined({
            EventFilter: strs(compromised.event_filter),
            Actions: { EventAction: String(block(compromised.actions)?.event_action ?? "NO_ACTION") },
          })
        : undefined,
      RiskExceptionConfiguration: exceptions
        ? defined({
            BlockedIPRangeList: strs(exceptions.blocked_ip_range_list),
            SkippedIPRangeList: strs(exceptions.skipped_ip_range_list),
          })
        : undefined,
    }),
  );
}
