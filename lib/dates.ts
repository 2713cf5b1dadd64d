// Calendar dates as the forms and the database's `date` columns hold them: midnight UTC.
// Rules that depend on "today" take it as an argument; only pages and actions read the clock.

/** `YYYY-MM-DD` → the date at midnight UTC; "" → null. */
export function dateOnly(value: string): Date;
export function dateOnly(value: string | ""): Date | null;
export function dateOnly(value: string): Date | null {
  return value ? new Date(`${value}T00:00:00.000Z`) : null;
}

/** A date column back to the `YYYY-MM-DD` of a date field. */
export function isoDate(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

/** Today at midnight UTC: the "today" pages pass into the rules. */
export function startOfTodayUtc(now = new Date()): Date {
  const d = new Date(now);
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
