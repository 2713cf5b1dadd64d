import type { ReactNode } from "react";

// One block of the dashboard: a section with its heading, an optional chart, and the figures as
// a table — the chart's accessible alternative (a caption for screen readers, a header cell per
// row and column) in a region that scrolls sideways and takes the keyboard focus, so a wide table
// can be read without a mouse. Every section of /oversikt is one of these; the page decides
// the figures and links, this decides the markup they sit in.

export type DashboardColumn = {
  key: string;
  header: ReactNode;
  /** Right-aligned tabular figures (every column but the first, usually). */
  numeric?: boolean;
  /** A total column: its figures in bold. */
  strong?: boolean;
};

/** A figure cell; `warning` marks it (an overdue count above zero). */
export type DashboardCell = ReactNode | { content: ReactNode; warning: boolean };

export type DashboardRow = { key: string; header: ReactNode; cells: DashboardCell[] };

type Props = {
  /** The section's id: its heading is `${id}-title`. */
  id: string;
  title: string;
  /** The table's caption for screen readers (default: the title). */
  caption?: string;
  /** Shown instead of the chart and table when there is nothing to count. */
  empty?: { text: string } | null;
  /** A chart beside the table (`side`, wide screens) or above it (`above`). */
  chart?: ReactNode;
  chartPlacement?: "side" | "above";
  /** The row headers' column first, then one per figure. */
  columns: DashboardColumn[];
  rows: DashboardRow[];
  /** The totals' row, set apart at the bottom. */
  totals?: DashboardRow | null;
};

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 tabular-nums";

const isMarked = (cell: DashboardCell): cell is { content: ReactNode; warning: boolean } =>
  typeof cell === "object" && cell !== null && !Array.isArray(cell) && "content" in cell && "warning" in cell;

export function DashboardTable({ id, title, caption, empty, chart, chartPlacement = "side", columns, rows, totals }: Props) {
  const figureColumns = columns.slice(1);
  const cellClass = (c: number, bold: boolean, cell: DashboardCell) => {
    const column = figureColumns[c];
    return [
      td,
      column?.numeric === false ? "" : "text-right",
      bold || column?.strong ? "font-semibold" : "",
      isMarked(cell) && cell.warning ? "font-semibold text-red-800" : "",
    ].filter(Boolean).join(" ");
  };
  const line = (row: DashboardRow, bold: boolean) => (
    <tr key={row.key} className={bold ? "bg-slate-50" : undefined}>
      <th scope="row" className={`px-3 py-2 ${bold ? "font-semibold" : "font-normal"}`}>{row.header}</th>
      {row.cells.map((cell, c) => (
        <td key={figureColumns[c]?.key ?? c} className={cellClass(c, bold, cell)}>{isMarked(cell) ? cell.content : cell}</td>
      ))}
    </tr>
  );
  const table = (
    <div tabIndex={0}
      className={`${chart && chartPlacement === "above" ? "mt-4 " : ""}overflow-x-auto rounded-lg border border-slate-200 bg-white`}>
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption ?? title}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`${th} ${column === columns[0] || column.numeric === false ? "" : "text-right"}`}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => line(row, false))}
          {totals ? line(totals, true) : null}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby={`${id}-title`} className="dashboard-section mb-10">
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">{title}</h2>
      {empty ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{empty.text}</p>
      ) : !chart ? table : chartPlacement === "above" ? (
        <>{chart}{table}</>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">{chart}{table}</div>
      )}
    </section>
  );
}
