import { z } from "zod";
import { getViewer } from "@/lib/server/auth/viewer";
import { exportPartners, type PartnerExportRow } from "@/lib/server/partners/list-partners";
import { partnerListSchema } from "@/lib/schemas/network";
import { stockholmToday, dateOnly } from "@/lib/network/stockholm-time";
import { AccessDeniedError } from "@/lib/server/errors";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { downloadResponse } from "@/lib/server/documents/download";
import { toCsv } from "@/lib/server/documents/csv";
import { buildWorkbook, type XlsxColumn } from "@/lib/server/documents/xlsx";
import { getTranslations } from "next-intl/server";

const formatSchema = z.object({ format: z.enum(["csv", "xlsx"]) });

/** The partner register (one row per contact) as a spreadsheet (CSV or Excel), with the list's own filters; audited. */
export async function GET(request: Request, { params }: { params: Promise<{ format: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inte inloggad", { status: 401 });
  const parsed = formatSchema.safeParse(await params);
  if (!parsed.success) return new Response("Okänt format", { status: 404 });
  const { format } = parsed.data;
  const search = Object.fromEntries(new URL(request.url).searchParams.entries());
  const query = partnerListSchema.safeParse(search).data ?? partnerListSchema.parse({});
  const today = stockholmToday(new Date());
  let rows: PartnerExportRow[];
  try {
    rows = await exportPartners(viewer, query, today, format);
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      await recordRefusal(viewer, "access.denied", { entityType: "partner", details: { action: "export", via: "route" } });
      return new Response("Åtkomst nekad", { status: 403 });
    }
    throw error;
  }
  const t = await getTranslations("network");
  const data = rows.map((r) => ({
    ...r,
    kind: t(`partners.kinds.${r.kind}`),
    category: t(`partners.categories.${r.category}`),
    active: r.active ? t("export.yes") : t("export.no"),
    needsReview: r.needsReview ? t("export.yes") : t("export.no"),
  }));
  const columns: XlsxColumn<(typeof data)[number]>[] = [
    { header: t("partners.columns.name"), key: "partner", width: 34 },
    { header: t("partners.kind"), key: "kind", width: 16 },
    { header: t("partners.category"), key: "category", width: 20 },
    { header: t("partnerForm.description"), key: "description", width: 40 },
    { header: t("export.active"), key: "active", width: 8 },
    { header: t("export.contact"), key: "contact", width: 24 },
    { header: t("partnerForm.contactTitle"), key: "title", width: 20 },
    { header: t("partnerForm.contactEmail"), key: "email", width: 28 },
    { header: t("partnerForm.contactPhone"), key: "phone", width: 16 },
    { header: t("partnerForm.lastVerifiedAt"), key: "lastVerifiedAt", type: "date", width: 14 },
    { header: t("partners.contactNeedsReview"), key: "needsReview", width: 14 },
  ];
  const filename = `${t("export.partnersFile")} ${dateOnly(today)}.${format}`;
  if (format === "csv") return downloadResponse(toCsv(columns, data), { filename, kind: "csv" });
  const workbook = await buildWorkbook([{ name: t("partners.title"), columns, rows: data }]);
  return downloadResponse(workbook, { filename, kind: "xlsx" });
}
