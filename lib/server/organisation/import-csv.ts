import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import type { UnitKind } from "@/lib/schemas/organisation";
import { parseOrganisationCsv, type CsvProblem, type CsvUnitRow, type ImportAction, type ImportLine, type ImportResult } from "@/lib/organisation-csv";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { UNIT_TABLES } from "./units";

type Existing = { id: string; name: string; code: string; sortOrder: number };

async function existing(tx: DbTx, kind: UnitKind): Promise<Existing[]> {
  if (kind === "division") return tx.division.findMany({ select: { id: true, name: true, code: true, sortOrder: true } });
  const select = { id: true, name: true, sortOrder: true } as const;
  const rows = kind === "district" ? await tx.district.findMany({ select }) : await tx.staffCategory.findMany({ select });
  return rows.map((r) => ({ ...r, code: "" }));
}

/** What each row of the file means against what is stored: create, rename, update or leave alone. */
async function plan(tx: DbTx, rows: CsvUnitRow[]): Promise<{ lines: ImportLine[]; problems: CsvProblem[] }> {
  const lines: ImportLine[] = [];
  const problems: CsvProblem[] = [];
  const stored = new Map<UnitKind, Existing[]>();
  for (const row of rows) {
    if (!stored.has(row.kind)) stored.set(row.kind, await existing(tx, row.kind));
    const all = stored.get(row.kind)!;
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const match = row.kind === "division" ? all.find((e) => same(e.code, row.code)) : all.find((e) => same(e.name, row.name));
    // A name another unit of the same kind already has (a division's code decides which is which).
    if (all.some((e) => e !== match && same(e.name, row.name))) {
      problems.push({ line: row.line, messageKey: "organisation.import.problems.nameTaken" });
      continue;
    }
    const sortOrder = row.sortOrder ?? match?.sortOrder ?? 0;
    const base = { line: row.line, kind: row.kind, name: row.name, code: row.code, sortOrder };
    if (!match) lines.push({ ...base, action: "create", previousName: null, id: null });
    else if (match.name !== row.name) lines.push({ ...base, action: "rename", previousName: match.name, id: match.id });
    else if (match.sortOrder !== sortOrder) lines.push({ ...base, action: "update", previousName: null, id: match.id });
    else lines.push({ ...base, action: "unchanged", previousName: null, id: match.id });
  }
  return { lines, problems };
}

async function apply(tx: DbTx, line: ImportLine) {
  const data = { name: line.name, sortOrder: line.sortOrder };
  if (line.action === "create") {
    if (line.kind === "division") await tx.division.create({ data: { ...data, code: line.code } });
    else if (line.kind === "district") await tx.district.create({ data });
    else await tx.staffCategory.create({ data });
  } else if (line.action === "rename" || line.action === "update") {
    const where = { id: line.id! };
    const change = { ...data, version: { increment: 1 } };
    if (line.kind === "division") await tx.division.update({ where, data: change });
    else if (line.kind === "district") await tx.district.update({ where, data: change });
    else await tx.staffCategory.update({ where, data: change });
  }
}

const countOf = (lines: ImportLine[]) =>
  Object.fromEntries((["create", "rename", "update", "unchanged"] as const).map((a) => [a, lines.filter((l) => l.action === a).length])) as Record<ImportAction, number>;

/**
 * Imports an organisation from CSV. The dry run lists what would be created, renamed, updated
 * or left alone, and the problems, and changes nothing. The real run makes the same plan in its
 * own transaction and carries it out whole, or — with any problem in the file — not at all;
 * nothing is ever deleted or deactivated by an import. One audit event lists the changes.
 */
export async function importOrganisation(viewer: Viewer, input: { csv: string; dryRun: boolean }): Promise<ImportResult> {
  authorize(viewer, "organisation", input.dryRun ? "read" : "create");
  authorize(viewer, "organisation", "update");
  const parsed = parseOrganisationCsv(input.csv);
  return withViewer(viewer, async (tx) => {
    const planned = await plan(tx, parsed.rows);
    const problems = [...parsed.problems, ...planned.problems].sort((a, b) => a.line - b.line);
    const result: ImportResult = { dryRun: input.dryRun, lines: planned.lines, problems, counts: countOf(planned.lines) };
    if (input.dryRun) return result;
    if (problems.length > 0) throw new DomainRuleError("organisation.import.errors.hasProblems");
    const changes = planned.lines.filter((l) => l.action !== "unchanged");
    for (const line of changes) await apply(tx, line);
    await recordAudit(tx, viewer, {
      action: "organisation.import",
      entityType: "Organisation",
      details: {
        counts: result.counts,
        changes: changes.slice(0, 500).map((l) => ({ table: UNIT_TABLES[l.kind], action: l.action, name: l.name, code: l.code || null, previousName: l.previousName })),
      },
    });
    return result;
  }, { timeout: 30_000, maxWait: 10_000 });
}
