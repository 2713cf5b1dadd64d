// The demo's training dates, relative to the day the demo is seeded: everything in that
// calendar year, so the dashboard's "training this year" and the year's competence plan have
// figures whatever the date of a new install. Pure: the same seed date gives the same dates.

const DAY = 86_400_000;

export type TrainingCalendar = {
  year: number;
  /** A day between 1 January and the seed date (both included): `f` 0 is 1 January, 1 the seed date. */
  past: (f: number) => Date;
  /** A day between the seed date and 31 December (both included). */
  later: (f: number) => Date;
  /** A day of the year: `f` 0 is 1 January, 1 is 31 December. */
  inYear: (f: number) => Date;
  /** `date` at the given UTC hour (an event's start time). */
  at: (date: Date, hour: number) => Date;
};

export function trainingCalendar(seedDate: Date): TrainingCalendar {
  const year = seedDate.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31);
  const today = Date.UTC(year, seedDate.getUTCMonth(), seedDate.getUTCDate());
  const between = (from: number, to: number, f: number) => new Date(from + Math.floor(((to - from) / DAY) * Math.min(1, Math.max(0, f))) * DAY);
  return {
    year,
    past: (f) => between(start, today, f),
    later: (f) => between(today, end, f),
    inYear: (f) => between(start, end, f),
    at: (date, hour) => new Date(date.getTime() + hour * 3_600_000),
  };
}
