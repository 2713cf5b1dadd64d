import { z } from "zod";
import { getViewer } from "@/lib/server/auth/viewer";
import { exportActionItems, type ActionItemExportRow } from "@/lib/server/network/export-action-items";
import { actionItemListSchema } from "@/lib/schemas/network";
import { stockholmToday, dateOnly } from "@/lib/network/stockholm-time";
import { AccessDeniedError } from "@/lib/server/errors";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { downloadResponse } from "@/lib/server/documents/download";
import { toCsv } from "@/lib/server/documents/csv";
import { buildWorkbook, type XlsxColumn } from "@/lib/server/documents/xlsx";
import { getTranslations } from "next-intl/server";

const formatSchema = z.object({ format: z.enum(["csv", "xlsx"]) });

/** The action-item list as a spreadsheet (CSV or Excel), with the list's own filters; audited. */
export async function GET(request: Request, { params }: { params: Promise<{ format: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inte inloggad", { status: 401 });
  const parsed = formatSchema.safeParse(await params);
  if (!parsed.success) return new Response("Okänt format", { status: 404 });
  const { format } = parsed.data;
  const search = Object.fromEntries(new URL(request.url).searchParams.entries());
  const query = actionItemListSchema.safeParse(search).data ?? actionItemListSchema.parse({});
  const today = stockholmToday(new Date());
  let rows: ActionItemExportRow[];
  try {
    rows = await exportActionItems(viewer, query, today, format);
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      await recordRefusal(viewer, "access.denied", { entityType: "actionItem", details: { action: "export", via: "route" } });
      return new Response("Åtkomst nekad", { status: 403 });
    }
    throw error;
  }
  const t = await getTranslations("network");
  const data = rows.map((r) => ({
    ...r,
    division: r.division ?? t("items.networkWide"),
    meeting: r.meeting ?? "",
    status: t(`items.statuses.${r.status}`),
    overdue: r.overdue ? t("export.yes") : t("export.no"),
  }));
  const columns: XlsxColumn<(typeof data)[number]>[] = [
    { header: t("items.columns.title"), key: "title", width: 40 },
    { header: t("items.descriptionLabel"), key: "description", width: 40 },
    { header: t("items.columns.owner"), key: "owner", width: 22 },
    { header: t("items.columns.division"), key: "division", width: 22 },
    { header: t("items.columns.meeting"), key: "meeting", width: 30 },
    { header: t("items.columns.due"), key: "dueDate", type: "date", width: 12 },
    { header: t("items.columns.status"), key: "status", width: 12 },
    { header: t("items.overdue"), key: "overdue", width: 10 },
    { header: t("items.comment"), key: "comment", width: 40 },
    { header: t("export.completedAt"), key: "completedAt", type: "date", width: 12 },
  ];
  const filename = `${t("export.actionItemsFile")} ${dateOnly(today)}.${format}`;
  if (format === "csv") return downloadResponse(toCsv(columns, data), { filename, kind: "csv" });
  const workbook = await buildWorkbook([{ name: t("items.title"), columns, rows: data }]);
  return downloadResponse(workbook, { filename, kind: "xlsx" });
}
