/** The clients' SRP `TIMESTAMP`, formatted and parsed exactly as amazon-cognito-identity-js writes it. */

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) UTC (\d{4})$/;

/**
 * The clients' `TIMESTAMP` format, `ddd MMM D HH:mm:ss UTC YYYY` in UTC with English names and an
 * unpadded day (`Tue Mar 5 09:07:03 UTC 2024`).
 */
export function formatSrpTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/** Parses a client `TIMESTAMP`; `undefined` when it is not exactly the clients' format or not a real date. */
export function parseSrpTimestamp(timestamp: string): Date | undefined {
  const match = TIMESTAMP.exec(timestamp);
  if (!match) return undefined;
  const [, weekday, month, day, hours, minutes, seconds, year] = match;
  const date = new Date(
    Date.UTC(
      Number(year),
      MONTHS.indexOf(month as (typeof MONTHS)[number]),
      Number(day),
      Number(hours),
      Number(minutes),
      Number(seconds),
    ),
  );
  // Rejects rolled-over dates (Feb 30) and a weekday that does not fit the date.
  return formatSrpTimestamp(date) === timestamp && WEEKDAYS[date.getUTCDay()] === weekday ? date : undefined;
}
