import { getViewer } from "@/lib/server/auth/viewer";
import { exportReportPdf } from "@/lib/server/situation-reports/export-report";
import { downloadResponse } from "@/lib/server/documents/download";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { idParams } from "@/lib/schemas/params";

// The report's PDF. The use case checks the viewer's scope (observers: final reports only,
// suppressed counts) and audits the export; anything it refuses looks like a missing report.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inte inloggad", { status: 401 });
  const parsed = idParams.safeParse(await params);
  if (!parsed.success) return new Response("Finns inte", { status: 404 });
  try {
    const { filename, body } = await exportReportPdf(viewer, parsed.data.id);
    return downloadResponse(body, { filename, kind: "pdf" });
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      await recordRefusal(viewer, "access.denied", { entityType: "situationReport", details: { action: "export", via: "route" } });
      return new Response("Åtkomst nekad", { status: 403 });
    }
    if (error instanceof NotFoundError) return new Response("Finns inte", { status: 404 });
    throw error;
  }
}
