// Meeting times are entered and shown as Swedish wall-clock time (Europe/Stockholm) and
// stored as instants (UTC). Pure functions: the browser, the server and unit tests share them.

export const MEETING_TIME_ZONE = "Europe/Stockholm";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: MEETING_TIME_ZONE,
  year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  hourCycle: "h23",
});

/** The Stockholm wall-clock fields of an instant. */
export function stockholmFields(instant: Date) {
  const f = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(f.year), month: Number(f.month), day: Number(f.day),
    hour: Number(f.hour), minute: Number(f.minute), second: Number(f.second),
  };
}

/** The instant whose UTC fields equal Stockholm's wall clock at `instant` (a "floating" time). */
export function stockholmWallClock(instant: Date): Date {
  const f = stockholmFields(instant);
  return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second));
}

/** `YYYY-MM-DDTHH:mm` (an `<input type="datetime-local">`'s value) in Stockholm → the instant. */
export function fromStockholmLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Stockholm is UTC+1 or UTC+2: try both offsets and keep the one that reads back the same.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (stockholmWallClock(candidate).getTime() === asUtc) return candidate;
  }
  // A time skipped by the spring change (02:00–03:00): take the hour after.
  return new Date(asUtc - 3_600_000);
}

/** The instant as a `datetime-local` value in Stockholm time. */
export function toStockholmLocal(instant: Date): string {
  return stockholmWallClock(instant).toISOString().slice(0, 16);
}

/** Today's date in Stockholm as a UTC midnight (how `@db.Date` columns come back). */
export function stockholmToday(now: Date): Date {
  const f = stockholmFields(now);
  return new Date(Date.UTC(f.year, f.month - 1, f.day));
}

/** `YYYY-MM-DD` → the UTC midnight a `@db.Date` column holds; null when the date does not exist. */
export function parseDateOnly(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value ? date : null;
}

export const dateOnly = (date: Date) => date.toISOString().slice(0, 10);
