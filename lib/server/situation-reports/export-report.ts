import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import { isoDate } from "@/lib/situation-reports/figures";
import { getSituationReport } from "./get-report";
import { renderReportPdf } from "./report-pdf";
import { renderReportXlsx } from "./report-xlsx";

/**
 * A report as a PDF file, read exactly as the viewer may read it (an observer's copy has
 * suppressed counts and no entries) and audited as an export (`situationReport.export`).
 */
export async function exportReportPdf(viewer: Viewer, id: string, now: Date = new Date()): Promise<{ filename: string; body: Buffer }> {
  const report = await getSituationReport(viewer, id, "export", "pdf");
  const body = await renderReportPdf(report, { generatedAt: now });
  const status = report.status === "FINAL" ? "" : " (utkast)";
  return { filename: `Lägesbild ${isoDate(report.periodStart)}–${isoDate(report.periodEnd)}${status}.pdf`, body };
}

/** The report's figures as a spreadsheet, under the same rules and audit as the PDF. */
export async function exportReportXlsx(viewer: Viewer, id: string, now: Date = new Date()): Promise<{ filename: string; body: Buffer }> {
  const report = await getSituationReport(viewer, id, "export", "xlsx");
  const body = await renderReportXlsx(report, now);
  const status = report.status === "FINAL" ? "" : " (utkast)";
  return { filename: `Lägesbild ${isoDate(report.periodStart)}–${isoDate(report.periodEnd)}${status} siffror.xlsx`, body };
}
