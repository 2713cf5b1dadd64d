// The municipality's name and logo text (issue 16 point 3: "shown in the app and on exported
// documents") head every PDF Värna exports: the competence plan, the situation report and the
// yearly evaluation read them from the settings (readLetterhead), not from a key of their own.
import { extractText, getDocumentProxy } from "unpdf";
import { createTranslator } from "use-intl/core";
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { MESSAGES } from "@/lib/i18n/messages";
import { settingsSchema } from "@/lib/schemas/organisation";
import { createReportSchema } from "@/lib/schemas/situation-report";
import { getSettings, updateSettings } from "@/lib/server/organisation/settings";
import { createPlan } from "@/lib/server/training/create-plan";
import { exportPlan, type TrainingText } from "@/lib/server/training/export-plan";
import { createSituationReport } from "@/lib/server/situation-reports/create-report";
import { exportReportPdf } from "@/lib/server/situation-reports/export-report";
import { getEvaluation } from "@/lib/server/evaluation/evaluation";
import { evaluationPdf } from "@/lib/server/evaluation/documents";
import { createUser } from "@/prisma/factories";

const YEAR = 2041;
const MUNICIPALITY = "Testby kommun";
const LOGO = "TESTBY VBE";
let coordinator: Viewer;

async function pagesOf(bytes: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return text as string[];
}

/** The title page names both; every later page's running header carries them too. */
function expectLetterhead(pages: string[]) {
  expect(pages.length).toBeGreaterThan(1);
  expect(pages[0]).toContain(LOGO);
  expect(pages[0]).toContain(MUNICIPALITY.toUpperCase()); // the title page sets it in capitals
  for (const page of pages.slice(1)) expect(page).toContain(`${LOGO} · ${MUNICIPALITY}`);
}

beforeAll(async () => {
  const c = await createUser(ownerDb(), { role: "COORDINATOR" });
  coordinator = { id: c.id, role: "COORDINATOR", divisionIds: [], name: c.name, email: c.email };
  const start = await getSettings(coordinator);
  await updateSettings(coordinator, settingsSchema.parse({ ...start.values, municipalityName: MUNICIPALITY, logoText: LOGO, versions: start.versions }));
});

describe("every exported PDF carries the municipality's letterhead from the settings", () => {
  it("the competence plan", { timeout: 60_000 }, async () => {
    await createPlan(coordinator, { year: YEAR, title: "Kompetensplan 2041", goals: "Alla i första linjen utbildade." });
    const t = createTranslator({ locale: "sv", messages: MESSAGES.sv, namespace: "training" }) as unknown as TrainingText;
    const { body } = await exportPlan(coordinator, { year: YEAR, format: "pdf" }, t, new Date("2041-02-01T09:00:00Z"));
    expectLetterhead(await pagesOf(body));
  });

  it("the situation report", { timeout: 60_000 }, async () => {
    const { id } = await createSituationReport(coordinator, createReportSchema.parse({ title: "Lägesbild januari 2041", periodStart: "2041-01-01", periodEnd: "2041-01-31" }));
    const { body } = await exportReportPdf(coordinator, id, new Date("2041-02-01T09:00:00Z"));
    expectLetterhead(await pagesOf(body));
  });

  it("the yearly evaluation", { timeout: 60_000 }, async () => {
    const evaluation = await getEvaluation(coordinator, YEAR, new Date("2041-12-01T00:00:00Z"));
    expect(evaluation.letterhead).toEqual({ municipality: MUNICIPALITY, logoText: LOGO });
    expectLetterhead(await pagesOf(await evaluationPdf(evaluation, { generatedAt: new Date("2041-12-01T09:00:00Z") })));
  });
});
