import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/server/auth/viewer";
import { downloadResponse } from "@/lib/server/documents/download";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { exportQuerySchema } from "@/lib/schemas/training";
import { exportPlan, type TrainingText } from "@/lib/server/training/export-plan";

/** `/kompetensplan/export?ar=2026&format=xlsx|pdf[&version=2]`: the plan and coverage as a file. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inte inloggad", { status: 401 });
  const query = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response("Ogiltig förfrågan", { status: 400 });
  // Documents for the board are in Swedish, whatever the interface language.
  const t = (await getTranslations({ locale: "sv", namespace: "training" })) as unknown as TrainingText;
  try {
    const file = await exportPlan(viewer, { year: query.data.ar, format: query.data.format, version: query.data.version }, t);
    return downloadResponse(file.body, { filename: file.filename, kind: file.kind });
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      await recordRefusal(viewer, "access.denied", { entityType: error.resource, details: { action: error.action, via: "routeHandler" } });
      return new Response("Åtkomst nekad", { status: 403 });
    }
    if (error instanceof NotFoundError) return new Response("Finns inte", { status: 404 });
    throw error;
  }
}
