// Situation reports (issue 8 point 5–6): compiled from reviewed entries of a period, computed
// figures, draft → final with the cited entries frozen, the PDF, observers' suppressed
// counts, sharing records on a legal basis from the coordinator's list. Real PostgreSQL, the
// use cases as the pages call them; fixed dates far from today, so no rule reads the clock.
import { beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError, DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { createReportSchema, shareReportSchema, updateReportSchema } from "@/lib/schemas/situation-report";
import { createSituationReport } from "@/lib/server/situation-reports/create-report";
import { getSituationReport } from "@/lib/server/situation-reports/get-report";
import { deleteSituationReport, setReportEntry, updateSituationReport } from "@/lib/server/situation-reports/update-report";
import { finalizeSituationReport } from "@/lib/server/situation-reports/finalize-report";
import ExcelJS from "exceljs";
import { exportReportPdf, exportReportXlsx } from "@/lib/server/situation-reports/export-report";
import { shareSituationReport } from "@/lib/server/situation-reports/share-report";
import { listLegalBases, saveLegalBasis } from "@/lib/server/situation-reports/legal-bases";
import { listSituationReports } from "@/lib/server/situation-reports/list-reports";
import { createContactLogEntry, createDistrict, createDivision, createSituationEntry, createUser } from "@/prisma/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const as = (role: Viewer["role"], id: string, divisionIds: string[] = []): Viewer => ({ id, role, divisionIds, name: "Sara Samordnare", email: "s@test.example" });

let coordinator: Viewer;
let observer: Viewer;
let member: Viewer;
let head: Viewer;
const entry = { schoolA: "", policeB: "", onlineA: "", submittedA: "", previous: "", outside: "" };
let reportId = "";
const TITLE = "Lägesbild mars 2031";
const NOW = new Date("2031-04-02T10:00:00.000Z");

async function pdfText(viewer: Viewer, id: string): Promise<string> {
  const { body } = await exportReportPdf(viewer, id, NOW);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
  return text;
}

beforeAll(async () => {
  const x = ownerDb();
  const a = (await createDivision(x, { name: "Barn och utbildning" })).id;
  const b = (await createDivision(x, { name: "Social omsorg" })).id;
  const centrum = (await createDistrict(x, { name: "Centrum" })).id;
  const brandholmen = (await createDistrict(x, { name: "Brandholmen" })).id;
  const c = await createUser(x, { role: "COORDINATOR", name: "Sara Samordnare" });
  coordinator = { ...as("COORDINATOR", c.id), name: c.name };
  observer = as("OBSERVER", (await createUser(x, { role: "OBSERVER" })).id);
  member = as("NETWORK_MEMBER", (await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [a] })).id, [a]);
  head = as("DIVISION_HEAD", (await createUser(x, { role: "DIVISION_HEAD", divisionIds: [a] })).id, [a]);
  const reviewed = { status: "REVIEWED" as const, createdById: member.id };
  entry.schoolA = (await createSituationEntry(x, { ...reviewed, divisionId: a, districtId: centrum, observedOn: day("2031-03-05"), environment: "RIGHT_WING", activityType: "PROPAGANDA", source: "SCHOOL", description: "Klistermärken vid skolan." })).id;
  entry.policeB = (await createSituationEntry(x, { ...reviewed, divisionId: b, districtId: brandholmen, observedOn: day("2031-03-12"), environment: "RIGHT_WING", activityType: "RECRUITMENT", source: "POLICE", description: "Rekryteringsförsök i anslutning till en fritidsgård." })).id;
  entry.onlineA = (await createSituationEntry(x, { ...reviewed, divisionId: a, observedOn: day("2031-03-31"), environment: "ISLAMIST", activityType: "ONLINE", source: "OPEN_SOURCES", description: "Propaganda i ett öppet forum." })).id;
  entry.submittedA = (await createSituationEntry(x, { divisionId: a, createdById: member.id, status: "SUBMITTED", observedOn: day("2031-03-10"), environment: "LEFT_WING" })).id;
  entry.previous = (await createSituationEntry(x, { ...reviewed, divisionId: a, observedOn: day("2031-02-15"), environment: "RIGHT_WING" })).id;
  entry.outside = (await createSituationEntry(x, { ...reviewed, divisionId: a, observedOn: day("2031-04-01"), environment: "LEFT_WING" })).id;
  for (const [division, requester] of [[a, "RELATIVE"], [a, "PROFESSIONAL"], [b, "RELATIVE"]] as const) {
    await createContactLogEntry(x, { divisionId: division, createdById: member.id, contactedOn: day("2031-03-20"), requester, gender: "MALE", ageBand: "AGE_13_17" });
  }
});

describe("compiling a report", () => {
  it("cites the reviewed entries of the period, none other, and prefills each environment's section", async () => {
    const input = createReportSchema.parse({ title: TITLE, periodStart: "2031-03-01", periodEnd: "2031-03-31" });
    reportId = (await createSituationReport(coordinator, input)).id;
    const report = await getSituationReport(coordinator, reportId);
    expect(report.status).toBe("DRAFT");
    expect(report.cited!.map((e) => e.entryId).sort()).toEqual([entry.schoolA, entry.policeB, entry.onlineA].sort());
    expect(report.candidates).toEqual([]);
    const rightWing = report.sections.find((s) => s.environment === "RIGHT_WING")!;
    // Written from the counts as an observer will read them (threshold 5): the draft carries no
    // small count and names no district or activity a small count would place.
    expect(rightWing.presence).toBe("Färre än 5 noteringar under perioden (föregående period: färre än 5 noteringar). Områden: färre än 5 noteringar i vart och ett.");
    expect(rightWing.activities).toBe("Färre än 5 noteringar av varje slag av aktivitet.");
    // An environment with no entry reads the same as one with two.
    const leftWing = report.sections.find((s) => s.environment === "LEFT_WING")!;
    expect([leftWing.presence, leftWing.activities]).toEqual([rightWing.presence, rightWing.activities]);
    expect(report.sections.map((s) => s.environment)).toEqual(["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"]);
    const audit = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "situationReport.create", entityId: reportId } });
    expect(audit.actorId).toBe(coordinator.id);
  });

  it("computes counts, the trend against the previous period, sources used and missing, and the contacts", async () => {
    const { figures } = await getSituationReport(coordinator, reportId);
    expect(figures!.previousPeriod).toEqual({ start: "2031-01-29", end: "2031-02-28" });
    expect(figures!.total).toBe(3);
    expect(figures!.previousTotal).toBe(1);
    const rightWing = figures!.environments.find((e) => e.environment === "RIGHT_WING")!;
    expect([rightWing.count, rightWing.previousCount, rightWing.trend]).toEqual([2, 1, "up"]);
    expect(figures!.sourcesUsed.map((s) => s.key)).toEqual(["POLICE", "SCHOOL", "OPEN_SOURCES"]);
    expect(figures!.sourcesMissing).toEqual(["SOCIAL_SERVICES", "LEISURE", "CIVIL_SOCIETY"]);
    expect(figures!.contacts.total).toBe(3);
    expect(figures!.contacts.byRequester.find((r) => r.key === "RELATIVE")!.count).toBe(2);
    expect(figures!.contacts.byAgeBand.find((r) => r.key === "AGE_13_17")!.count).toBe(3);
  });

  it("lets the coordinator leave an entry out and take it back; only reviewed entries of the period", async () => {
    let version = (await getSituationReport(coordinator, reportId)).version;
    version = (await setReportEntry(coordinator, { reportId, entryId: entry.onlineA, include: false, expectedVersion: version })).version;
    let report = await getSituationReport(coordinator, reportId);
    expect(report.figures!.total).toBe(2);
    expect(report.candidates!.map((e) => e.entryId)).toEqual([entry.onlineA]);
    await expect(setReportEntry(coordinator, { reportId, entryId: entry.submittedA, include: true, expectedVersion: version })).rejects.toMatchObject({ messageKey: "reports.errors.entryNotReviewed" });
    await expect(setReportEntry(coordinator, { reportId, entryId: entry.outside, include: true, expectedVersion: version })).rejects.toMatchObject({ messageKey: "reports.errors.entryOutsidePeriod" });
    await expect(setReportEntry(coordinator, { reportId, entryId: entry.onlineA, include: true, expectedVersion: version - 1 })).rejects.toBeInstanceOf(StaleEditError);
    await setReportEntry(coordinator, { reportId, entryId: entry.onlineA, include: true, expectedVersion: version });
    report = await getSituationReport(coordinator, reportId);
    expect(report.figures!.total).toBe(3);
  });

  it("keeps the first of two concurrent edits and refuses the second", async () => {
    const report = await getSituationReport(coordinator, reportId);
    const edit = (assessment: string) => updateReportSchema.parse({
      id: reportId, expectedVersion: report.version, title: TITLE, trends: "Ökning av högerextrem propaganda.", assessment,
      recommendedMeasures: "Fortsatt grundutbildning för skolpersonal.", sections: report.sections,
    });
    await updateSituationReport(coordinator, edit("Måttlig närvaro i centrum."));
    await expect(updateSituationReport(coordinator, edit("Skriver över."))).rejects.toBeInstanceOf(StaleEditError);
    expect((await getSituationReport(coordinator, reportId)).assessment).toBe("Måttlig närvaro i centrum.");
  });

  it("refuses personal data in a report's text, without echoing it", () => {
    const parsed = updateReportSchema.safeParse({
      id: reportId, expectedVersion: 1, title: TITLE, trends: "", assessment: "Gäller 19121212-1212.", recommendedMeasures: "", sections: [],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["assessment"] });
    expect(parsed.error!.issues[0]!.message).toMatch(/^validation\.personalData\./);
    expect(JSON.stringify(parsed.error!.issues)).not.toContain("19121212");
  });

  it("shows drafts to the coordinator only; division roles are refused outright", async () => {
    await expect(getSituationReport(observer, reportId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listSituationReports(observer, { page: 1 })).rows.map((r) => r.id)).not.toContain(reportId);
    for (const viewer of [member, head]) {
      await expect(getSituationReport(viewer, reportId)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(listSituationReports(viewer, { page: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(createSituationReport(viewer, createReportSchema.parse({ title: "X", periodStart: "2031-03-01", periodEnd: "2031-03-31" }))).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });
});

describe("a final report", () => {
  let before = "";

  it("is frozen with a copy of its cited entries, and its PDF shows title and figures", async () => {
    const { version } = await getSituationReport(coordinator, reportId);
    await expect(shareSituationReport(coordinator, shareReportSchema.parse({
      reportId, recipient: "Polisen", sharedOn: "2031-04-03", legalBasisId: (await listLegalBases(coordinator))[0]!.id, note: "",
    }))).rejects.toMatchObject({ messageKey: "reports.errors.shareDraft" });
    await finalizeSituationReport(coordinator, { id: reportId, expectedVersion: version });
    const report = await getSituationReport(coordinator, reportId);
    expect(report.status).toBe("FINAL");
    expect(report.candidates).toBeNull();
    expect(report.cited!.map((e) => e.entryId).sort()).toEqual([entry.schoolA, entry.policeB, entry.onlineA].sort());
    before = await pdfText(coordinator, reportId);
    expect(before).toContain(TITLE);
    expect(before).toContain("Sammanställd lägesbild");
    expect(before).toMatch(/Sida \d av \d/);
    expect(before).toContain("1 mars 2031");
    expect(before).toContain("Högerextremism / vit makt");
    expect(before).toContain("Klistermärken vid skolan.");
    expect(before).toContain("Måttlig närvaro i centrum.");
    expect(await ownerDb().auditEvent.count({ where: { action: "situationReport.export", entityId: reportId } })).toBe(1);
  });

  it("does not change when the cited entries are edited afterwards", async () => {
    const figures = (await getSituationReport(coordinator, reportId)).figures;
    await ownerDb().situationEntry.update({ where: { id: entry.schoolA }, data: { description: "Ändrad efteråt.", environment: "LEFT_WING", activityType: "VIOLENCE" } });
    await ownerDb().situationEntry.update({ where: { id: entry.policeB }, data: { status: "ARCHIVED" } });
    await createSituationEntry(ownerDb(), { divisionId: member.divisionIds[0]!, createdById: member.id, status: "REVIEWED", observedOn: day("2031-03-15") });
    const after = await getSituationReport(coordinator, reportId);
    expect(after.figures).toEqual(figures);
    expect(after.cited!.find((e) => e.entryId === entry.schoolA)).toMatchObject({ description: "Klistermärken vid skolan.", environment: "RIGHT_WING" });
    const text = await pdfText(coordinator, reportId);
    expect(text).toBe(before);
    expect(text).not.toContain("Ändrad efteråt.");
  });

  it("can no longer be edited, re-cited, finalised again or deleted", async () => {
    const report = await getSituationReport(coordinator, reportId);
    const input = updateReportSchema.parse({ id: reportId, expectedVersion: report.version, title: "Ny", trends: "", assessment: "", recommendedMeasures: "", sections: [] });
    await expect(updateSituationReport(coordinator, input)).rejects.toBeInstanceOf(DomainRuleError);
    await expect(setReportEntry(coordinator, { reportId, entryId: entry.outside, include: true, expectedVersion: report.version })).rejects.toBeInstanceOf(DomainRuleError);
    await expect(finalizeSituationReport(coordinator, { id: reportId, expectedVersion: report.version })).rejects.toBeInstanceOf(DomainRuleError);
    await expect(deleteSituationReport(coordinator, { id: reportId, expectedVersion: report.version })).rejects.toBeInstanceOf(DomainRuleError);
  });

  it("is read by observers with counts below 5 shown as <5, never an entry", async () => {
    const report = await getSituationReport(observer, reportId);
    expect(report.suppressedBelow).toBe(5);
    expect(report.cited).toBeNull();
    expect(report.shares).toBeNull();
    expect(report.figures!.total).toBe("<5");
    expect(report.figures!.environments.find((e) => e.environment === "RIGHT_WING")).toMatchObject({ count: "<5", trend: null });
    expect(report.figures!.contacts.total).toBe("<5");
    // The sections' text (prefilled from the counts, kept by the coordinator) carries no small
    // count either: no "2 noteringar" beside the table's "<5", no "Centrum (1)", no "Propaganda 1".
    for (const section of report.sections) expect(`${section.presence} ${section.activities}`, section.environment).not.toMatch(/[0-46-9]/);
    // Which sources have no entry is a zero count: every source with "<5", none named as missing.
    expect(report.figures!.sourcesMissing).toBeNull();
    expect(report.figures!.sourcesUsed).toEqual(["POLICE", "SCHOOL", "SOCIAL_SERVICES", "LEISURE", "CIVIL_SOCIETY", "OPEN_SOURCES"].map((key) => ({ key, count: "<5" })));
    expect(JSON.stringify(report.figures)).not.toMatch(/"(count|previousCount|total|previousTotal)":\d/);
    const text = await pdfText(observer, reportId);
    expect(text).toContain(TITLE);
    expect(text).toContain("<5");
    expect(text).not.toContain("Klistermärken vid skolan.");
    expect(text).toContain("Färre än 5 noteringar under perioden");
    expect(text).not.toMatch(/(?<!än )\d+ notering|Centrum \(|Brandholmen \(|Propaganda \d|Rekrytering \d/);
    expect(text).not.toContain("Källor som saknas");
    expect(text).not.toContain("Alla källtyper finns med");
    expect((await listSituationReports(observer, { page: 1 })).rows.map((r) => r.id)).toContain(reportId);
  });
});

describe("the report's figures as a spreadsheet", () => {
  const sheet = async (viewer: Viewer, name: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportReportXlsx(viewer, reportId, NOW)).body as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it("holds the frozen counts as numbers for the coordinator, and <5 for an observer", async () => {
    const coordinatorRows = await sheet(coordinator, "Miljöer");
    expect(coordinatorRows.find((r) => r[0] === "Högerextremism / vit makt")).toEqual(["Högerextremism / vit makt", 2, 1, "Ökning"]);
    expect(coordinatorRows.find((r) => r[0] === "Totalt")).toEqual(["Totalt", 3, 1, "Ökning"]);
    expect((await sheet(coordinator, "Källor")).filter((r) => r[2] === "Saknas").map((r) => r[0])).toEqual(["Socialtjänsten", "Fritidsverksamheten", "Civilsamhället"]);
    const observerRows = await sheet(observer, "Miljöer");
    expect(observerRows.find((r) => r[0] === "Totalt")).toEqual(["Totalt", "<5", "<5", "–"]);
    // No literal 0 for a source without entries, no "Saknas": every source "<5".
    const observerSources = await sheet(observer, "Källor");
    expect(observerSources.slice(1)).toEqual(["Polisen", "Skolan", "Socialtjänsten", "Fritidsverksamheten", "Civilsamhället", "Öppna källor"].map((x) => [x, "<5"]));
    expect(await ownerDb().auditEvent.count({ where: { action: "situationReport.export", entityId: reportId, details: { path: ["format"], equals: "xlsx" } } })).toBe(4);
  });
});

describe("sharing a final report", () => {
  it("records with whom, when, by whom and on which legal basis; audited; shown as history", async () => {
    const bases = await listLegalBases(coordinator);
    expect(bases.map((b) => b.label)).toEqual(expect.arrayContaining(["OSL 10 kap. 2 § – nödvändigt utlämnande", "OSL 10 kap. 27 § – generalklausulen"]));
    expect(bases.every((b) => b.toBeCheckedByLawyer)).toBe(true);
    const basis = bases.find((b) => b.label.startsWith("OSL 10 kap. 2 §"))!;
    await shareSituationReport(coordinator, shareReportSchema.parse({ reportId, recipient: "Polisen, lokalpolisområde Nyköping", sharedOn: "2031-04-03", legalBasisId: basis.id, note: "Överlämnad vid samverkansmöte." }));
    const { shares } = await getSituationReport(coordinator, reportId);
    expect(shares).toEqual([expect.objectContaining({ recipient: "Polisen, lokalpolisområde Nyköping", sharedBy: "Sara Samordnare", legalBasis: basis.label, sharedOn: day("2031-04-03") })]);
    const audit = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "situationReport.share", entityId: reportId } });
    expect(audit.details).toMatchObject({ legalBasis: basis.label, recipient: "Polisen, lokalpolisområde Nyköping" });
  });

  it("keeps the label as chosen when the list changes, and refuses a retired basis", async () => {
    const basis = (await listLegalBases(coordinator)).find((b) => b.label.startsWith("OSL 10 kap. 2 §"))!;
    await saveLegalBasis(coordinator, { ...basis, label: "OSL 10 kap. 2 § (granskad)", active: false, expectedVersion: basis.version });
    expect((await getSituationReport(coordinator, reportId)).shares![0]!.legalBasis).toBe("OSL 10 kap. 2 § – nödvändigt utlämnande");
    await expect(shareSituationReport(coordinator, shareReportSchema.parse({ reportId, recipient: "Polisen", sharedOn: "2031-04-04", legalBasisId: basis.id, note: "" })))
      .rejects.toMatchObject({ messageKey: "reports.errors.legalBasisRequired" });
  });

  it("is the coordinator's: the list and the sharing are refused to every other role", async () => {
    const basis = (await listLegalBases(coordinator))[0]!;
    for (const viewer of [observer, member, head, as("ADMIN", observer.id)]) {
      await expect(listLegalBases(viewer)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(saveLegalBasis(viewer, { id: "", expectedVersion: 0, label: "X", note: "", toBeCheckedByLawyer: true, active: true })).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(shareSituationReport(viewer, shareReportSchema.parse({ reportId, recipient: "Polisen", sharedOn: "2031-04-04", legalBasisId: basis.id, note: "" }))).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });

  it("refuses a duplicate label in the list", async () => {
    await saveLegalBasis(coordinator, { id: "", expectedVersion: 0, label: "Samtycke", note: "", toBeCheckedByLawyer: true, active: true });
    await expect(saveLegalBasis(coordinator, { id: "", expectedVersion: 0, label: "Samtycke", note: "", toBeCheckedByLawyer: true, active: true }))
      .rejects.toMatchObject({ messageKey: "reports.errors.legalBasisDuplicate", field: "label" });
  });
});
