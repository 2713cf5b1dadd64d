// Small-count suppression for everything an observer sees as a count (the dashboard, situation
// reports and their exports, the yearly evaluation). Pure: the same rule in the page, the
// documents and the tests.
//
// Primary: a count below the threshold (zero included: "none" can be as telling as "one" in a
// small district) is shown as "<threshold". Secondary: a total is suppressed too when a hidden
// part of a line it sums could be computed back from it — when exactly one part of the line is
// hidden, or when the hidden parts together (total − the parts shown) make a small count.
// Suppressing a total can expose it in a line where it is itself a part (a row total in the
// column of row totals, an environment's count in the report's total), so the rule runs until
// nothing changes; and a hidden total whose parts are all shown loses its smallest part as well
// (else it is their sum). This is the usual "at least two hidden per line" rule, not a full linear
// audit: see docs/decisions/021-dashboards-and-suppression.md.

/** A count on the way in: `null` was suppressed already (by the database's `varna_*` functions). */
export type Suppressed = number | null;
/**
 * A count as the reader may see it: the number, "small" (below the threshold, shown "<5") or
 * "derived" (a total hidden because a small part could be computed back from it, shown "–").
 */
export type Shown = number | "small" | "derived";

/** `total` is the sum of `parts` (keys of the figures). */
export type Line = { total: string; parts: readonly string[] };

/**
 * The figures with primary and secondary suppression applied. A figure already `null` on the
 * way in (suppressed by the database, `varna_*` functions) stays suppressed; a line whose total
 * is unknown or suppressed gives nothing away.
 */
export function suppress(figures: Readonly<Record<string, Suppressed>>, lines: readonly Line[], threshold: number): Record<string, Shown> {
  const out: Record<string, Shown> = {};
  for (const [key, value] of Object.entries(figures)) out[key] = value === null || value < threshold ? "small" : value;
  const shown = (key: string) => typeof out[key] === "number";
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const total = out[line.total];
      if (typeof total !== "number") {
        // A hidden total whose parts are all shown is their sum: hide its smallest part too.
        if (line.parts.length > 0 && line.parts.every(shown)) {
          const smallest = line.parts.reduce((a, b) => ((out[b] as number) < (out[a] as number) ? b : a));
          out[smallest] = "derived";
          changed = true;
        }
        continue;
      }
      const hidden = line.parts.filter((p) => !shown(p)).length;
      if (hidden === 0) continue;
      const shownSum = line.parts.reduce((sum, p) => sum + (shown(p) ? (out[p] as number) : 0), 0);
      // One hidden part is the total minus the rest, whatever its size (a hidden total ≥ the
      // threshold would reveal, in its own line, the small part it was hidden for); several
      // hidden parts give away only their sum, which must not be a small count itself.
      if (hidden === 1 || total - shownSum < threshold) {
        out[line.total] = "derived";
        changed = true;
      }
    }
  }
  return out;
}

/** A list of counts and their total (e.g. entries per environment). */
export function suppressList(counts: readonly Suppressed[], total: Suppressed, threshold: number): { counts: Shown[]; total: Shown } {
  const figures: Record<string, Suppressed> = { total };
  counts.forEach((c, i) => (figures[`c${i}`] = c));
  const out = suppress(figures, [{ total: "total", parts: counts.map((_, i) => `c${i}`) }], threshold);
  return { counts: counts.map((_, i) => out[`c${i}`] ?? "small"), total: out.total ?? "small" };
}

/** A cross table with row totals, column totals and a grand total (e.g. measures by level × status). */
export type CountTable<T = Suppressed> = { cells: T[][]; rowTotals: T[]; columnTotals: T[]; total: T };

export function suppressTable(table: CountTable, threshold: number): CountTable<Shown> {
  return suppressTableWithList(table, [], threshold).table;
}

/**
 * A cross table and a list that sums to the same grand total (e.g. the situation entries by
 * environment × month and by district: the same rows counted twice). The grand total is one
 * figure in the lines of both, so it is shown or hidden for both: suppressing them apart would
 * print in one the total hidden in the other, and a hidden part could be read off by subtraction.
 */
export function suppressTableWithList(table: CountTable, list: readonly Suppressed[], threshold: number): { table: CountTable<Shown>; list: Shown[] } {
  const figures: Record<string, Suppressed> = { total: table.total };
  const lines: Line[] = [];
  const cell = (r: number, c: number) => `${r}:${c}`;
  const columns = table.columnTotals.length;
  table.cells.forEach((row, r) => {
    row.forEach((v, c) => (figures[cell(r, c)] = v));
    figures[`r${r}`] = table.rowTotals[r] ?? null;
    lines.push({ total: `r${r}`, parts: row.map((_, c) => cell(r, c)) });
  });
  for (let c = 0; c < columns; c++) {
    figures[`k${c}`] = table.columnTotals[c] ?? null;
    lines.push({ total: `k${c}`, parts: table.cells.map((_, r) => cell(r, c)) });
  }
  lines.push({ total: "total", parts: table.cells.map((_, r) => `r${r}`) });
  lines.push({ total: "total", parts: table.columnTotals.map((_, c) => `k${c}`) });
  if (list.length > 0) {
    list.forEach((v, i) => (figures[`l${i}`] = v));
    lines.push({ total: "total", parts: list.map((_, i) => `l${i}`) });
  }
  const out = suppress(figures, lines, threshold);
  return {
    table: {
      cells: table.cells.map((row, r) => row.map((_, c) => out[cell(r, c)] ?? "small")),
      rowTotals: table.cells.map((_, r) => out[`r${r}`] ?? "small"),
      columnTotals: table.columnTotals.map((_, c) => out[`k${c}`] ?? "small"),
      total: out.total ?? "small",
    },
    list: list.map((_, i) => out[`l${i}`] ?? "small"),
  };
}

/** Every figure as it is (the coordinator's view), in the same shape. */
export function unsuppressedTable(table: CountTable<number>): CountTable<Shown> {
  return table;
}

/** The text of a figure as printed in a document: "<5" for a small count, "–" for a derived one. */
export function shownText(value: Shown, threshold: number): number | `<${number}` | "–" {
  return value === "small" ? `<${threshold}` : value === "derived" ? "–" : value;
}
