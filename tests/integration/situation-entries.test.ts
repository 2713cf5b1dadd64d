// Situation entries, write side and list (issue 8 deliverables 1, 2 and 4): the workflow with
// its audit events, optimistic concurrency (two concurrent edits), the list's filters, sort and
// indexed full-text search, and the export — all on real PostgreSQL, always through the use
// cases, never around them.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError, DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { createEntrySchema, reviewEntrySchema, updateEntrySchema, type CreateEntryInput } from "@/lib/schemas/situation-entry";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { createSituationEntry } from "@/lib/server/situation/create-entry";
import { updateSituationEntry } from "@/lib/server/situation/update-entry";
import { archiveSituationEntry, deleteSituationEntry, reviewSituationEntry, submitSituationEntry } from "@/lib/server/situation/workflow-steps";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { exportSituationEntries } from "@/lib/server/situation/export-entries";
import { getSituationEntry } from "@/lib/server/situation/get-entry";
import { createDistrict, createDivision, createSituationEntry as makeEntry, createUser } from "@/prisma/factories";

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
const ids = { buk: "", dso: "", district: "" };
let bukMember: Viewer;
let dsoMember: Viewer;
let dsoHead: Viewer;
let bukHead: Viewer;
let coordinator: Viewer;

const fields = (over: Partial<CreateEntryInput> = {}): CreateEntryInput => createEntrySchema.parse({
  divisionId: ids.buk, observedOn: "2026-11-02", districtId: ids.district, environment: "RIGHT_WING", activityType: "PROPAGANDA",
  source: "SCHOOL", reliability: "PROBABLE", description: "Klistermärken med vit makt-symbolik vid skolorna i området.",
  genderPerspective: "Främst unga män syns; flickor i klasserna berättar om obehag.", ...over,
});
const update = (id: string, version: number, over: Record<string, unknown> = {}) =>
  updateEntrySchema.parse({ ...fields(), id, version, ...over });
const filter = (over: Record<string, unknown> = {}) => situationFilterSchema.parse(over);

beforeAll(async () => {
  const x = ownerDb();
  ids.buk = (await createDivision(x, { name: "Barn och utbildning T" })).id;
  ids.dso = (await createDivision(x, { name: "Social omsorg T" })).id;
  ids.district = (await createDistrict(x)).id;
  const user = async (role: Viewer["role"], divisions: string[]) => as(role, divisions, (await createUser(x, { role, divisionIds: divisions })).id);
  bukMember = await user("NETWORK_MEMBER", [ids.buk]);
  dsoMember = await user("NETWORK_MEMBER", [ids.dso]);
  dsoHead = await user("DIVISION_HEAD", [ids.dso]);
  bukHead = await user("DIVISION_HEAD", [ids.buk]);
  coordinator = await user("COORDINATOR", []);
});

describe("the entry's form schema", () => {
  it("refuses an empty gender perspective, unknown choices and personal data, with catalog keys", () => {
    const bad = createEntrySchema.safeParse({ ...fields(), genderPerspective: "  ", environment: "NAZI", description: "Ring 070-123 45 67" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({ genderPerspective: "required", environment: "invalidChoice", description: "validation.personalData.phone" });
    // The matched value never travels in the issue.
    expect(JSON.stringify(bad.error!.issues)).not.toContain("070");
  });

  it("asks for a comment when an entry is returned, not when it is accepted", () => {
    const base = { id: "00000000-0000-4000-8000-000000000001", version: 1, comment: "" };
    expect(reviewEntrySchema.safeParse({ ...base, decision: "accept" }).success).toBe(true);
    const returned = reviewEntrySchema.safeParse({ ...base, decision: "return" });
    expect(returned.error?.issues[0]).toMatchObject({ path: ["comment"], message: "entries.errors.returnNeedsComment" });
  });
});

describe("the workflow: draft → submitted → reviewed (or returned) → archived", () => {
  it("runs end to end, each step audited without the entry's text", async () => {
    const created = await createSituationEntry(bukMember, fields());
    expect(created.version).toBe(1);
    let entry = await getSituationEntry(bukMember, created.id);
    expect(entry).toMatchObject({ status: "DRAFT", division: "Barn och utbildning T" });

    const edited = await updateSituationEntry(bukMember, update(created.id, 1, { description: "Flygblad vid skolorna i området." }));
    expect(edited.version).toBe(2);
    const submitted = await submitSituationEntry(bukMember, { id: created.id, version: 2 });
    // Submitted: the member waits for the coordinator and can no longer change it.
    await expect(updateSituationEntry(bukMember, update(created.id, submitted.version))).rejects.toBeInstanceOf(DomainRuleError);
    await expect(deleteSituationEntry(bukMember, { id: created.id, version: submitted.version })).rejects.toBeInstanceOf(DomainRuleError);
    await expect(reviewSituationEntry(bukMember, reviewEntrySchema.parse({ id: created.id, version: submitted.version, decision: "accept", comment: "" })))
      .rejects.toBeInstanceOf(AccessDeniedError);

    const returned = await reviewSituationEntry(coordinator, reviewEntrySchema.parse({ id: created.id, version: submitted.version, decision: "return", comment: "Ange vilken typ av plats det gäller." }));
    entry = await getSituationEntry(bukMember, created.id);
    expect(entry).toMatchObject({ status: "DRAFT", reviewComment: "Ange vilken typ av plats det gäller." });
    expect(entry.returnedAt).toBeInstanceOf(Date);

    const again = await submitSituationEntry(bukMember, { id: created.id, version: returned.version });
    const reviewed = await reviewSituationEntry(coordinator, reviewEntrySchema.parse({ id: created.id, version: again.version, decision: "accept", comment: "" }));
    entry = await getSituationEntry(coordinator, created.id);
    expect(entry.status).toBe("REVIEWED");
    await expect(archiveSituationEntry(bukMember, { id: created.id, version: reviewed.version })).rejects.toBeInstanceOf(AccessDeniedError);
    await archiveSituationEntry(coordinator, { id: created.id, version: reviewed.version });
    expect((await getSituationEntry(coordinator, created.id)).status).toBe("ARCHIVED");

    const events = await ownerDb().auditEvent.findMany({ where: { entityId: created.id, action: { not: "situationEntry.read" } }, orderBy: { id: "asc" }, select: { action: true, actorId: true, divisionId: true, details: true } });
    expect(events.map((e) => e.action)).toEqual([
      "situationEntry.create", "situationEntry.update", "situationEntry.submit", "situationEntry.return",
      "situationEntry.submit", "situationEntry.review", "situationEntry.archive",
    ]);
    expect(events.every((e) => e.divisionId === ids.buk)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/Flygblad|Klistermärken|plats det gäller/);
  });

  it("creates only in the viewer's own division; division heads create nothing", async () => {
    await expect(createSituationEntry(bukMember, fields({ divisionId: ids.dso }))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(createSituationEntry(bukHead, fields())).rejects.toBeInstanceOf(AccessDeniedError);
    const before = await ownerDb().situationEntry.count();
    await expect(createSituationEntry(coordinator, fields({ districtId: "00000000-0000-4000-8000-000000000000" }))).rejects.toBeInstanceOf(DomainRuleError);
    expect(await ownerDb().situationEntry.count()).toBe(before);
  });

  it("lets only drafts be deleted, and leaves an audit trace", async () => {
    const { id } = await createSituationEntry(bukMember, fields());
    await deleteSituationEntry(bukMember, { id, version: 1 });
    expect(await ownerDb().situationEntry.count({ where: { id } })).toBe(0);
    expect(await ownerDb().auditEvent.count({ where: { entityId: id, action: "situationEntry.delete" } })).toBe(1);
  });
});

describe("another division's entry, its id replayed", () => {
  it("is 'not found' for every step of the DSO member and head — and nothing changes", async () => {
    const { id } = await createSituationEntry(bukMember, fields());
    for (const viewer of [dsoMember, dsoHead]) {
      await expect(getSituationEntry(viewer, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(updateSituationEntry(dsoMember, update(id, 1, { description: "Ändrad av DSO" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitSituationEntry(dsoMember, { id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSituationEntry(dsoMember, { id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSituationEntry(dsoHead, update(id, 1))).rejects.toBeInstanceOf(AccessDeniedError);
    const row = await ownerDb().situationEntry.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 1, status: "DRAFT", description: fields().description });
  });
});

describe("optimistic concurrency", () => {
  it("two concurrent edits of one entry: one is saved, the other gets a conflict and overwrites nothing", async () => {
    const { id } = await createSituationEntry(bukMember, fields());
    const results = await Promise.allSettled([
      updateSituationEntry(bukMember, update(id, 1, { description: "Första redigeringen: affischer vid fritidsgården." })),
      updateSituationEntry(coordinator, update(id, 1, { description: "Andra redigeringen: klotter vid idrottsplatsen." })),
    ]);
    const saved = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(StaleEditError);
    const winner = results[0]!.status === "fulfilled" ? "Första redigeringen: affischer vid fritidsgården." : "Andra redigeringen: klotter vid idrottsplatsen.";
    const row = await ownerDb().situationEntry.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ version: 2, description: winner });
    expect(await ownerDb().auditEvent.count({ where: { entityId: id, action: "situationEntry.update" } })).toBe(1);
  });

  it("refuses an edit from an older version after a save, and keeps the saved text", async () => {
    const { id } = await createSituationEntry(bukMember, fields());
    await updateSituationEntry(bukMember, update(id, 1, { description: "Sparad först." }));
    await expect(updateSituationEntry(bukMember, update(id, 1, { description: "Från en gammal flik." }))).rejects.toBeInstanceOf(StaleEditError);
    await expect(submitSituationEntry(bukMember, { id, version: 1 })).rejects.toBeInstanceOf(StaleEditError);
    expect((await ownerDb().situationEntry.findUniqueOrThrow({ where: { id } })).description).toBe("Sparad först.");
  });
});

describe("the list: filters, sort, pagination and full-text search", () => {
  const made: Record<string, string> = {};
  beforeAll(async () => {
    const x = ownerDb();
    const author = coordinator.id;
    const division = (await createDivision(x)).id;
    const other = (await createDivision(x)).id;
    const district = (await createDistrict(x, { name: "Söderområdet T" })).id;
    made.division = division;
    made.other = other;
    made.a = (await makeEntry(x, { divisionId: division, createdById: author, observedOn: new Date("2026-03-01"), environment: "ISLAMIST", activityType: "RECRUITMENT", source: "POLICE", description: "Värvning vid moskéns parkering efter fredagsbönen.", genderPerspective: "Unga män tillfrågas.", districtId: district })).id;
    made.b = (await makeEntry(x, { divisionId: division, createdById: author, observedOn: new Date("2026-04-15"), environment: "RIGHT_WING", activityType: "PROPAGANDA", source: "SCHOOL", status: "SUBMITTED", description: "Flygblad delades ut vid skolorna.", genderPerspective: "Både pojkar och flickor fick flygbladen." })).id;
    made.c = (await makeEntry(x, { divisionId: other, createdById: author, observedOn: new Date("2026-04-20"), environment: "RIGHT_WING", activityType: "PROPAGANDA", source: "SCHOOL", description: "Flygblad vid en skola i en annan division.", genderPerspective: "Okänt." })).id;
  });
  const member = () => as("NETWORK_MEMBER", [made.division!], coordinator.id);
  const idsOf = async (viewer: Viewer, f: Record<string, unknown>) => (await listSituationEntries(viewer, filter(f))).rows.map((r) => r.id);

  it("searches description and gender perspective in Swedish (stemmed), within the viewer's scope only", async () => {
    expect(await idsOf(member(), { q: "skola" })).toEqual([made.b]);
    expect(await idsOf(member(), { q: "flickor" })).toEqual([made.b]);
    expect(await idsOf(member(), { q: "\"fredagsbönen\" -flygblad" })).toEqual([made.a]);
    expect((await idsOf(coordinator, { q: "flygblad skola", division: made.other })).sort()).toEqual([made.c]);
    // Operators or stray quotes in the search box are words, not errors.
    expect(await idsOf(member(), { q: "'); DROP TABLE x; --" })).toEqual([]);
  });

  it("filters by period, environment, activity, source, status, district and division; sorts", async () => {
    const m = member();
    expect(await idsOf(m, { from: "2026-04-01", to: "2026-04-30" })).toEqual([made.b]);
    expect(await idsOf(m, { environment: "ISLAMIST", activity: "RECRUITMENT", source: "POLICE" })).toEqual([made.a]);
    expect(await idsOf(m, { status: "SUBMITTED" })).toEqual([made.b]);
    expect(await idsOf(coordinator, { division: made.division, sort: "observedAsc" })).toEqual([made.a, made.b]);
    expect(await idsOf(coordinator, { division: made.division })).toEqual([made.b, made.a]);
    // A member naming another division gets nothing of it: the filter narrows the scope, never widens it.
    expect(await idsOf(m, { division: made.other })).toEqual([]);
    // Impossible values fall back to "no filter"; the page number is clamped.
    const page = await listSituationEntries(m, filter({ environment: "NAZI", from: "2026-02-30", page: "99", sort: "x" }));
    expect(page).toMatchObject({ total: 2, page: 1, pages: 1 });
  });

  it("audits a listing with the ids shown, and whether (not what) was searched", async () => {
    await listSituationEntries(member(), filter({ q: "flickor" }));
    const event = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "situationEntry.list" }, orderBy: { id: "desc" } });
    expect(event.details).toMatchObject({ entryIds: [made.b], searched: true });
    expect(JSON.stringify(event.details)).not.toContain("flickor");
  });

  it("exports exactly the list's selection, audited; observers and administrators are refused", async () => {
    const { rows } = await exportSituationEntries(member(), filter({ q: "flygblad" }), "csv");
    expect(rows.map((r) => r.id)).toEqual([made.b]);
    expect(rows[0]).toMatchObject({ description: "Flygblad delades ut vid skolorna.", division: expect.any(String) });
    const event = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "situationEntry.export" }, orderBy: { id: "desc" } });
    expect(event.details).toMatchObject({ format: "csv", exported: 1, entryIds: [made.b] });
    for (const role of ["OBSERVER", "ADMIN"] as const) {
      await expect(exportSituationEntries(as(role, [], coordinator.id), filter(), "xlsx")).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });
});
