import "server-only";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import type { Viewer } from "@/lib/access/viewer";
import type { SituationFilter } from "@/lib/schemas/situation-filter";
import { findEntriesForExport, type EntryExportRow } from "./entry-query";
import { auditedFilter } from "./list-entries";

/** The most rows one export carries; the list's filters narrow a larger picture. */
export const EXPORT_LIMIT = 10_000;

/**
 * The filtered list as rows for a CSV or XLSX file: exactly the list's scope and filter
 * (the same query), every page, at most EXPORT_LIMIT rows. The export is audited with the ids
 * it carried, like a listing.
 */
export async function exportSituationEntries(
  viewer: Viewer,
  filter: SituationFilter,
  format: "csv" | "xlsx",
): Promise<{ rows: EntryExportRow[]; truncated: boolean }> {
  const scope = scopes.situationEntry(viewer, "export");
  return withViewer(viewer, async (tx) => {
    const found = await findEntriesForExport(tx, scope, filter, EXPORT_LIMIT + 1);
    const rows = found.slice(0, EXPORT_LIMIT);
    await recordAudit(tx, viewer, {
      action: "situationEntry.export",
      entityType: "SituationEntry",
      details: { format, exported: rows.length, truncated: found.length > EXPORT_LIMIT, entryIds: rows.map((r) => r.id), ...auditedFilter(filter) },
    });
    return { rows, truncated: found.length > EXPORT_LIMIT };
  });
}
