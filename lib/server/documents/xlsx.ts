import "server-only";
import ExcelJS from "exceljs";

// The one way to make a spreadsheet in Värna (exceljs): one sheet per table, a bold frozen
// header row, column widths, numbers stored as numbers and dates as dates (so the reader can
// sum and sort them in Excel), an autofilter on the header. Text that a spreadsheet would run
// as a formula is stored as plain text (exceljs writes strings as strings, never formulas).

export type XlsxColumn<Row> = {
  header: string;
  key: keyof Row & string;
  /** Width in characters; default from the header's length, at least 10. */
  width?: number;
  /** "number" and "date" cells keep their type; "text" (default) stringifies. */
  type?: "text" | "number" | "date";
  /** Excel number format, e.g. "0%" or "0.0". */
  numberFormat?: string;
};

export type XlsxSheet<Row extends Record<string, unknown> = Record<string, unknown>> = {
  /** The sheet's name (Excel allows 31 characters; longer names are cut). */
  name: string;
  columns: XlsxColumn<Row>[];
  rows: Row[];
  /** Optional lines above the table (title, period, "små tal visas som <5"). */
  preamble?: string[];
};

function cellValue(value: unknown, type: XlsxColumn<never>["type"]) {
  if (value === null || value === undefined) return null;
  if (type === "number") return typeof value === "number" ? value : value === "" ? null : String(value);
  if (type === "date") return value instanceof Date ? value : String(value);
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** A workbook with the given sheets, as the bytes of an .xlsx file. */
export async function buildWorkbook(sheets: XlsxSheet<any>[], meta: { creator?: string; created?: Date } = {}): Promise<Buffer> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator ?? "Värna";
  workbook.created = meta.created ?? new Date();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31));
    const preamble = sheet.preamble ?? [];
    for (const line of preamble) ws.addRow([line]).font = { italic: true };
    if (preamble.length) ws.addRow([]);
    const headerRowNumber = preamble.length ? preamble.length + 2 : 1;
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? Math.max(10, c.header.length + 2);
      if (c.type === "date") col.numFmt = "yyyy-mm-dd";
      if (c.numberFormat) col.numFmt = c.numberFormat;
    });
    for (const row of sheet.rows) {
      ws.addRow(sheet.columns.map((c) => cellValue(row[c.key], c.type)));
    }
    ws.views = [{ state: "frozen", ySplit: headerRowNumber }];
    if (sheet.columns.length) {
      ws.autoFilter = { from: { row: headerRowNumber, column: 1 }, to: { row: headerRowNumber, column: sheet.columns.length } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
