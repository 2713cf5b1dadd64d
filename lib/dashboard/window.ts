// The dashboard's window: the twelve calendar months up to and including today's. Pure, so the
// page, its links and the tests agree on the same dates.

export type Month = { key: string; from: string; to: string };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The twelve months ending with today's, oldest first; `from`/`to` are the list filter's dates. */
export function lastTwelveMonths(today: Date): { months: Month[]; from: string; to: string } {
  const months: Month[] = [];
  for (let i = 11; i >= 0; i--) {
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    months.push({ key: iso(start).slice(0, 7), from: iso(start), to: iso(end) });
  }
  return { months, from: months[0]!.from, to: months[11]!.to };
}
