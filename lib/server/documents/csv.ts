import "server-only";

// CSV the way a Swedish Excel opens it: UTF-8 with a byte-order mark (åäö right), `;` between
// fields (Swedish Excel reads `,` as the decimal sign), CRLF line ends, quotes doubled. A cell
// that begins with = + - @ (or a tab/CR) would run as a formula when opened: it is prefixed with
// an apostrophe (OWASP "CSV injection"). Numbers stay bare.

export type CsvColumn<Row> = { header: string; key: keyof Row & string };

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  let text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row extends Record<string, unknown>>(columns: CsvColumn<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => field(c.header)).join(";")];
  for (const row of rows) lines.push(columns.map((c) => field(row[c.key])).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
