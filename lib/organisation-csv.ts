// The organisation's CSV file (issue 16): one row per division, district or staff category,
// for a municipality setting Värna up. Pure parsing, shared by the import's use case and its
// tests; what the rows mean for the database is decided in lib/server/organisation/import-csv.ts.
import type { UnitKind } from "@/lib/schemas/organisation";

export type CsvUnitRow = { line: number; kind: UnitKind; code: string; name: string; sortOrder: number | null };
export type CsvProblem = { line: number; messageKey: string };

/** What the import does with one row (lib/server/organisation/import-csv.ts). */
export type ImportAction = "create" | "rename" | "update" | "unchanged";
export type ImportLine = {
  line: number;
  kind: UnitKind;
  action: ImportAction;
  name: string;
  code: string;
  sortOrder: number;
  /** The name before a rename. */
  previousName: string | null;
  /** The existing row a rename or update changes. */
  id: string | null;
};
export type ImportResult = {
  dryRun: boolean;
  lines: ImportLine[];
  problems: CsvProblem[];
  counts: Record<ImportAction, number>;
};


/** The type column's words, Swedish first (as the template has them), English accepted. */
const KIND_WORDS: Record<string, UnitKind> = {
  förvaltning: "division", division: "division",
  område: "district", district: "district",
  personalkategori: "staffCategory", staffcategory: "staffCategory", "staff category": "staffCategory",
};

/** The file people start from: the header and one row of each kind. */
export const CSV_TEMPLATE = "typ;kod;namn;ordning\r\nförvaltning;BUK;Barn och utbildning;1\r\nområde;;Centrum;1\r\npersonalkategori;;Lärare;1\r\n";

/** Splits one line into fields: `;` (or `,` when the header uses it), double quotes with "" escapes. */
function fields(line: string, separator: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "") { quoted = true; field = ""; }
    else if (ch === separator) { out.push(field); field = ""; }
    else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Parses the file: a header naming the columns `typ`, `kod`, `namn` and optionally `ordning`
 * (in any order; English `type`, `code`, `name`, `sortOrder` too), then one row per unit.
 * Returns the rows that are well-formed and a problem per line that is not (line numbers as
 * a spreadsheet shows them).
 */
export function parseOrganisationCsv(text: string): { rows: CsvUnitRow[]; problems: CsvProblem[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const rows: CsvUnitRow[] = [];
  const problems: CsvProblem[] = [];
  const headerLine = lines[0] ?? "";
  const separator = headerLine.includes(";") ? ";" : ",";
  const header = fields(headerLine, separator).map((h) => h.toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const at = { kind: col("typ", "type"), code: col("kod", "code"), name: col("namn", "name"), sortOrder: col("ordning", "sortorder", "sort order") };
  if (at.kind < 0 || at.name < 0) return { rows, problems: [{ line: 1, messageKey: "organisation.import.problems.header" }] };
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === "" || fields(raw, separator).every((f) => f === "")) return;
    const f = fields(raw, separator);
    const kind = KIND_WORDS[(f[at.kind] ?? "").toLowerCase()];
    const name = f[at.name] ?? "";
    const code = at.code >= 0 ? (f[at.code] ?? "").toUpperCase() : "";
    const order = at.sortOrder >= 0 ? (f[at.sortOrder] ?? "") : "";
    const problem = (messageKey: string) => problems.push({ line, messageKey });
    if (!kind) return problem("organisation.import.problems.kind");
    if (name === "") return problem("organisation.import.problems.name");
    if (name.length > 100 || CONTROL.test(name)) return problem("organisation.import.problems.nameInvalid");
    if (kind === "division" && code === "") return problem("organisation.import.problems.codeMissing");
    if (code !== "" && !/^[A-ZÅÄÖ0-9]{1,10}$/.test(code)) return problem("organisation.import.problems.code");
    if (order !== "" && !/^\d{1,4}$/.test(order)) return problem("organisation.import.problems.sortOrder");
    // The same unit twice in one file (by code for divisions, by name otherwise).
    const identity = `${kind}:${kind === "division" ? code : name.toLowerCase()}`;
    const nameIdentity = `${kind}:name:${name.toLowerCase()}`;
    if (seen.has(identity) || seen.has(nameIdentity)) return problem("organisation.import.problems.duplicate");
    seen.set(identity, line);
    seen.set(nameIdentity, line);
    rows.push({ line, kind, code: kind === "division" ? code : "", name, sortOrder: order === "" ? null : Number(order) });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, messageKey: "organisation.import.problems.empty" });
  return { rows, problems };
}
