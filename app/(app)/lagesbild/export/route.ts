import { getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/server/auth/viewer";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { AccessDeniedError } from "@/lib/server/errors";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { exportSituationEntries } from "@/lib/server/situation/export-entries";
import { toCsv } from "@/lib/server/documents/csv";
import { buildWorkbook } from "@/lib/server/documents/xlsx";
import { downloadResponse } from "@/lib/server/documents/download";

const formatSchema = z.enum(["csv", "xlsx"]);

/**
 * The situation list's current selection as CSV or XLSX: the list's own filter from the URL,
 * the list's scope (the use case checks the viewer: another division's entries never come
 * along), audited. An impossible filter value means "no filter", an unknown format 400.
 */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return new Response(null, { status: 401 });
  const query = Object.fromEntries(request.nextUrl.searchParams.entries());
  const format = formatSchema.safeParse(query.format);
  if (!format.success) return new Response(null, { status: 400 });
  const parsed = situationFilterSchema.safeParse(query);
  const filter = parsed.success ? parsed.data : situationFilterSchema.parse({});

  let result;
  try {
    result = await exportSituationEntries(viewer, filter, format.data);
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error;
    await recordRefusal(viewer, "access.denied", { entityType: "situationEntry", details: { action: "export", via: "route" } });
    return new Response(null, { status: 403 });
  }

  const [t, ts] = await Promise.all([getTranslations("entries.export"), getTranslations("situation")]);
  const rows = result.rows.map((r) => ({
    observedOn: r.observedOn,
    division: r.division,
    district: r.district ?? ts("noDistrict"),
    environment: ts(`environments.${r.environment}` as never),
    activity: ts(`activities.${r.activityType}` as never),
    source: ts(`sources.${r.source}` as never),
    reliability: ts(`reliabilities.${r.reliability}` as never),
    status: ts(`statuses.${r.status}` as never),
    description: r.description,
    genderPerspective: r.genderPerspective,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
  }));
  type Row = (typeof rows)[number];
  const keys = ["observedOn", "division", "district", "environment", "activity", "source", "reliability", "status", "description", "genderPerspective", "submittedAt", "reviewedAt"] as const;
  const day = new Date().toISOString().slice(0, 10);
  const filename = `${t("filename")}-${day}.${format.data}`;

  if (format.data === "csv") {
    return downloadResponse(toCsv<Row>(keys.map((key) => ({ key, header: t(`columns.${key}`) })), rows), { filename, kind: "csv" });
  }
  const dates = new Set<string>(["observedOn", "submittedAt", "reviewedAt"]);
  const wide = new Set<string>(["description", "genderPerspective"]);
  const workbook = await buildWorkbook([{
    name: t("sheet"),
    columns: keys.map((key) => ({ key, header: t(`columns.${key}`), type: dates.has(key) ? "date" : "text", width: wide.has(key) ? 60 : undefined })),
    rows,
  }]);
  return downloadResponse(workbook, { filename, kind: "xlsx" });
}
