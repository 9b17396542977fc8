import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { endLocalSessions, requireSession } from "~/server/auth";
import {
  listSecurityEvents,
  PageToken,
  SecurityActivityUnavailableError,
  type SecurityEvent,
  UserGoneError,
} from "~/server/security-activity";
import { cognitoUsernameOf, userPoolAdmin } from "~/server/user-pool-admin";
import { markEventValid, reportEventNotMe } from "./actions";

export const metadata: Metadata = { title: "Security activity" };
export const dynamic = "force-dynamic";

const PAGE = "/account/security-activity";

const notices: Record<string, string> = {
  valid: "Thank you. Sign-ins like this one will be treated as yours.",
};
const errors: Record<string, string> = {
  "unknown-event": "That sign-in is not in your account's activity any more. Check the list below.",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function When({ iso }: { iso: string | undefined }) {
  return iso ? <time dateTime={iso}>{dateFormat.format(new Date(iso))} UTC</time> : <>—</>;
}

type Listing =
  | { ok: true; events: SecurityEvent[]; nextToken?: string }
  | { ok: false; reason: SecurityActivityUnavailableError["reason"] };

async function loadEvents(userId: string, token: string | undefined): Promise<Listing> {
  const username = await cognitoUsernameOf(userId);
  if (!username) {
    await endLocalSessions(userId);
    redirect("/signin?reason=expired");
  }
  try {
    return { ok: true, ...(await listSecurityEvents(userPoolAdmin, username, token)) };
  } catch (err) {
    if (err instanceof UserGoneError) {
      await endLocalSessions(userId);
      redirect("/signin?reason=expired");
    }
    if (!(err instanceof SecurityActivityUnavailableError)) throw err;
    console.error(
      JSON.stringify({
        level: "error",
        msg: "security activity unavailable",
        reason: err.reason,
        error: String(err.cause),
      }),
    );
    return { ok: false, reason: err.reason };
  }
}

/** The signed-in user's recent sign-ins (Cognito threat protection's auth events), newest first. */
export default async function SecurityActivityPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string; done?: string; error?: string }>;
}) {
  const session = await requireSession(PAGE);
  const params = await searchParams;
  const token = PageToken.parse(params.after);
  const listing = await loadEvents(session.user.id, token);
  const notice = notices[params.done ?? ""];
  const error = errors[params.error ?? ""];
  return (
    <>
      <h1>Security activity</h1>
      <p>
        Recent sign-ins to your account and attempts to sign in, with the risk Cognito's threat protection saw
        in each. If you do not recognise one, choose <strong>This wasn't me</strong>: every session of your
        account ends, on every device, and you must reset your password before you can sign in again.
      </p>
      {notice ? <p role="status">{notice}</p> : null}
      {error ? (
        <p role="alert" className="notice">
          {error}
        </p>
      ) : null}
      {listing.ok ? (
        <EventsTable events={listing.events} nextToken={listing.nextToken} paged={token !== undefined} />
      ) : (
        <p role="alert" className="notice">
          {listing.reason === "not-enabled"
            ? "Security activity is not available for this site's accounts."
            : "Your security activity cannot be shown right now. Your account is not affected; please try again in a few minutes."}
        </p>
      )}
    </>
  );
}

function EventsTable({
  events,
  nextToken,
  paged,
}: {
  events: SecurityEvent[];
  nextToken?: string;
  paged: boolean;
}) {
  if (events.length === 0) {
    return (
      <>
        <p>
          {paged ? "There are no older sign-ins." : "No sign-ins have been recorded for your account yet."}
        </p>
        {paged ? <a href={PAGE}>Back to the most recent sign-ins</a> : null}
      </>
    );
  }
  return (
    <>
      <div className="table-scroll">
        <table className="security-events">
          <caption>Recent sign-ins{paged ? " (older)" : ""}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Outcome</th>
              <th scope="col">Risk</th>
              <th scope="col">IP address</th>
              <th scope="col">Location</th>
              <th scope="col">Device</th>
              <th scope="col">Checks</th>
              <th scope="col">Your feedback</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <EventRow key={e.id} event={e} />
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages of sign-ins" className="pager">
        {paged ? <a href={PAGE}>Most recent sign-ins</a> : null}
        {nextToken ? <a href={`${PAGE}?after=${encodeURIComponent(nextToken)}`}>Older sign-ins</a> : null}
      </nav>
    </>
  );
}

const outcomeLabels: Record<SecurityEvent["outcome"], string> = {
  Pass: "Signed in",
  Fail: "Failed",
  InProgress: "In progress",
  Unknown: "Unknown",
};

function EventRow({ event: e }: { event: SecurityEvent }) {
  const dateId = `event-${e.id}-date`;
  return (
    <tr data-event-id={e.id} data-blocked={e.blocked ? "true" : undefined}>
      <th scope="row" id={dateId}>
        <When iso={e.date} />
        {e.type !== "SignIn" ? <span className="muted"> ({e.type})</span> : null}
      </th>
      <td>
        {outcomeLabels[e.outcome]}
        {e.blocked ? <strong className="badge badge-blocked"> Blocked</strong> : null}
      </td>
      <td>
        {e.risk.level ? `${e.risk.level} risk` : "Not evaluated"}
        {e.risk.decision ? <span className="muted"> · {e.risk.decision}</span> : null}
        {e.risk.compromisedCredentials ? (
          <strong className="badge"> Password found in a breach</strong>
        ) : null}
      </td>
      <td>{e.ipAddress ?? "—"}</td>
      <td>{e.location ?? "—"}</td>
      <td>{e.deviceName ?? "—"}</td>
      <td>{e.challenges.length > 0 ? e.challenges.join(", ") : "—"}</td>
      <td>
        {e.feedback ? (
          <>
            {e.feedback.value === "Valid"
              ? "This was me"
              : e.feedback.value === "Invalid"
                ? "Not me"
                : e.feedback.value}
            {e.feedback.date ? (
              <span className="muted">
                {" "}
                (<When iso={e.feedback.date} />)
              </span>
            ) : null}
          </>
        ) : (
          "—"
        )}
      </td>
      <td>
        <div className="event-actions">
          <form action={reportEventNotMe}>
            <input type="hidden" name="eventId" value={e.id} />
            <button type="submit" className="danger" aria-describedby={dateId}>
              This wasn't me
            </button>
          </form>
          {e.feedback?.value !== "Valid" ? (
            <form action={markEventValid}>
              <input type="hidden" name="eventId" value={e.id} />
              <button type="submit" aria-describedby={dateId}>
                This was me
              </button>
            </form>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
