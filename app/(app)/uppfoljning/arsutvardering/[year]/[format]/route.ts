import { z } from "zod";
import { getViewer } from "@/lib/server/auth/viewer";
import { getEvaluation, recordEvaluationExport } from "@/lib/server/evaluation/evaluation";
import { evaluationPdf, evaluationWorkbook } from "@/lib/server/evaluation/documents";
import { downloadResponse } from "@/lib/server/documents/download";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { startOfTodayUtc } from "@/lib/dates";

const paramsSchema = z.object({ year: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2999)), format: z.enum(["pdf", "xlsx"]) });

/**
 * The yearly evaluation as PDF or XLSX. The viewer is checked by the use cases themselves
 * (`evaluation.export`, then `read`: observers only an issued one); each export is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ year: string; format: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return new Response("Sidan finns inte.", { status: 404 });
  const viewer = await getViewer();
  if (!viewer) return new Response("Logga in för att hämta dokumentet.", { status: 401 });
  const { year, format } = parsed.data;
  try {
    const evaluation = await getEvaluation(viewer, year, startOfTodayUtc());
    await recordEvaluationExport(viewer, year, format);
    const filename = `Årsutvärdering ${year}.${format}`;
    if (format === "pdf") {
      return downloadResponse(await evaluationPdf(evaluation, { generatedAt: new Date() }), { filename, kind: "pdf" });
    }
    return downloadResponse(await evaluationWorkbook(evaluation), { filename, kind: "xlsx" });
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      await recordRefusal(viewer, "access.denied", { entityType: "evaluation", details: { action: "export", via: "route" } });
      return new Response("Din roll får inte hämta dokumentet.", { status: 403 });
    }
    if (error instanceof NotFoundError) return new Response("Utvärderingen finns inte, eller är inte fastställd.", { status: 404 });
    throw error;
  }
}
