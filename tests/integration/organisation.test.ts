// Issue 16: the organisation as data — divisions, districts and staff categories edited in the
// app, settings, the merge of two divisions and the CSV import, against real PostgreSQL.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Catalog work and several transactions per test, on a shared two-core machine.
vi.setConfig({ testTimeout: 180_000 });
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import type { Role } from "@/lib/access/permissions";
import { MESSAGES } from "@/lib/i18n/messages";
import { AccessDeniedError, DomainRuleError, StaleEditError } from "@/lib/server/errors";
import { createUnit } from "@/lib/server/organisation/create-unit";
import { updateUnit } from "@/lib/server/organisation/update-unit";
import { setUnitActive } from "@/lib/server/organisation/set-unit-active";
import { deleteUnit } from "@/lib/server/organisation/delete-unit";
import { listUnits } from "@/lib/server/organisation/list-units";
import { getUnit } from "@/lib/server/organisation/get-unit";
import { activeDistricts, activeStaffCategories, inactiveDivisionsOf } from "@/lib/server/organisation/options";
import { getSettings, updateSettings } from "@/lib/server/organisation/settings";
import { getMunicipality } from "@/lib/server/organisation/municipality";
import { settingsSchema, updateUnitSchema, createUnitSchema } from "@/lib/schemas/organisation";
import {
  createDistrict, createDivision, createSituationEntry, createStaffCategory, createTrainingNeed, createUser,
  createMeasure,
} from "@/prisma/factories";

const viewerOf = (user: { id: string; name: string; email: string; role: Role }, divisionIds: string[] = []): Viewer => ({
  id: user.id, name: user.name, email: user.email, role: user.role, divisionIds,
});
/** The Swedish text of a message key, as the Server Action would show it. */
export function swedish(key: string): string {
  const text = key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], MESSAGES.sv);
  if (typeof text !== "string") throw new Error(`no Swedish text for ${key}`);
  return text;
}
async function refusal(promise: Promise<unknown>): Promise<DomainRuleError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainRuleError);
  return error as DomainRuleError;
}

let admin: Viewer;
let coordinator: Viewer;
let head: Viewer;
let author: string;

beforeAll(async () => {
  admin = viewerOf(await createUser(ownerDb(), { role: "ADMIN" }));
  coordinator = viewerOf(await createUser(ownerDb(), { role: "COORDINATOR" }));
  author = coordinator.id;
  const division = await createDivision(ownerDb());
  head = viewerOf(await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [division.id] }), [division.id]);
});

describe("divisions, districts and staff categories", () => {
  it("are created, renamed, re-coded and re-ordered by the IT administrator, each change audited", async () => {
    const { id } = await createUnit(admin, createUnitSchema.parse({ kind: "division", name: "Samhällsbyggnad", code: "sbf", sortOrder: 7 }));
    const created = await getUnit(admin, { kind: "division", id });
    expect(created).toMatchObject({ name: "Samhällsbyggnad", code: "SBF", sortOrder: 7, active: true, version: 1, inUse: 0 });
    await updateUnit(admin, updateUnitSchema.parse({ kind: "division", id, expectedVersion: 1, name: "Samhällsbyggnadsförvaltningen", code: "SHB", sortOrder: 2 }));
    expect(await getUnit(admin, { kind: "division", id })).toMatchObject({ name: "Samhällsbyggnadsförvaltningen", code: "SHB", sortOrder: 2, version: 2 });
    const events = await ownerDb().auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, details: true } });
    expect(events.map((e) => e.action)).toEqual(["organisation.create", "organisation.update"]);
    expect(events[1]!.details).toMatchObject({ changed: { name: { from: "Samhällsbyggnad", to: "Samhällsbyggnadsförvaltningen" }, code: { from: "SBF", to: "SHB" } } });
    expect(events.every((e) => e.actorId === admin.id)).toBe(true);
  });

  it("keeps one division as the coordinator's host", async () => {
    const a = await createUnit(coordinator, createUnitSchema.parse({ kind: "division", name: "Värd A", code: "VA", sortOrder: 1, isCoordinating: true }));
    const b = await createUnit(coordinator, createUnitSchema.parse({ kind: "division", name: "Värd B", code: "VB", sortOrder: 1, isCoordinating: true }));
    expect(await ownerDb().division.findMany({ where: { isCoordinating: true }, select: { id: true } })).toEqual([{ id: b.id }]);
    expect(a.id).not.toBe(b.id);
  });

  it("refuses a name or code another one has, in Swedish, and saves nothing", async () => {
    const district = await createUnit(admin, createUnitSchema.parse({ kind: "district", name: "Kolmården", sortOrder: 3 }));
    const error = await refusal(createUnit(admin, createUnitSchema.parse({ kind: "district", name: "kolmården", sortOrder: 1 })));
    expect(error.field).toBe("name");
    expect(swedish(error.messageKey)).toMatch(/finns redan/);
    expect(await ownerDb().district.count({ where: { name: { equals: "Kolmården", mode: "insensitive" } } })).toBe(1);
    const division = await createDivision(ownerDb(), { code: "UNIK" });
    const codeError = await refusal(createUnit(admin, createUnitSchema.parse({ kind: "division", name: "Annan", code: "unik", sortOrder: 1 })));
    expect(codeError.field).toBe("code");
    expect(division.id).toBeTruthy();
    expect(district.id).toBeTruthy();
  });

  it("refuses bad input in the schema (no code for a division, negative order, control characters)", () => {
    expect(createUnitSchema.safeParse({ kind: "division", name: "X", code: "", sortOrder: 1 }).success).toBe(false);
    expect(createUnitSchema.safeParse({ kind: "district", name: "X", sortOrder: -1 }).success).toBe(false);
    expect(createUnitSchema.safeParse({ kind: "district", name: "A\u0000B", sortOrder: 1 }).success).toBe(false);
    expect(createUnitSchema.safeParse({ kind: "planet", name: "X", sortOrder: 1 }).success).toBe(false);
    expect(createUnitSchema.safeParse({ kind: "division", name: "X", code: "B-K", sortOrder: 1 }).success).toBe(false);
  });

  it("lets the second of two concurrent renames fail with a conflict", async () => {
    const category = await createStaffCategory(ownerDb(), { name: "Fritidsledare" });
    const rename = (name: string) => updateUnit(admin, updateUnitSchema.parse({ kind: "staffCategory", id: category.id, expectedVersion: category.version, name, sortOrder: 0 }));
    const results = await Promise.allSettled([rename("Fritidsledare A"), rename("Fritidsledare B")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(StaleEditError);
    expect(swedish("actionErrors.stale")).toMatch(/har ändrat posten/);
    const stored = await ownerDb().staffCategory.findUniqueOrThrow({ where: { id: category.id } });
    expect(["Fritidsledare A", "Fritidsledare B"]).toContain(stored.name);
    expect(stored.version).toBe(category.version + 1);
  });

  it("deactivates a staff category in use: it stays on old training needs and leaves the new-need choices", async () => {
    const division = await createDivision(ownerDb());
    const category = await createStaffCategory(ownerDb(), { name: "Simlärare" });
    const need = await createTrainingNeed(ownerDb(), { divisionId: division.id, staffCategoryId: category.id, createdById: author });
    await setUnitActive(admin, { kind: "staffCategory", id: category.id, expectedVersion: 1, active: false });
    expect((await ownerDb().trainingNeed.findUniqueOrThrow({ where: { id: need.id }, select: { staffCategoryId: true } })).staffCategoryId).toBe(category.id);
    const offered = await ownerDb().$transaction((tx) => activeStaffCategories(tx));
    expect(offered.map((o) => o.id)).not.toContain(category.id);
    // An existing need's edit form still shows its own category.
    expect((await ownerDb().$transaction((tx) => activeStaffCategories(tx, category.id))).map((o) => o.id)).toContain(category.id);
    const listed = await listUnits(admin, { kind: "staffCategory", page: 1 });
    expect(listed.rows.find((r) => r.id === category.id)).toMatchObject({ active: false, inUse: 1, usage: { "TrainingNeed.staffCategoryId": 1 } });
  });

  it("warns the members of a deactivated division", async () => {
    const division = await createDivision(ownerDb(), { name: "Gamla förvaltningen" });
    const member = viewerOf(await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [division.id] }), [division.id]);
    expect(await inactiveDivisionsOf(member)).toEqual([]);
    await setUnitActive(coordinator, { kind: "division", id: division.id, expectedVersion: 1, active: false });
    expect(await inactiveDivisionsOf(member)).toEqual(["Gamla förvaltningen"]);
    expect(await ownerDb().$transaction((tx) => activeDistricts(tx))).toBeDefined();
  });
});

describe("deleting anything in use is refused with a Swedish message", () => {
  it("a division with records, a district with situation entries, a staff category with training needs", async () => {
    const division = await createDivision(ownerDb());
    await createMeasure(ownerDb(), { ownerDivisionId: division.id });
    const district = await createDistrict(ownerDb());
    await createSituationEntry(ownerDb(), { divisionId: division.id, districtId: district.id, createdById: author });
    const category = await createStaffCategory(ownerDb());
    await createTrainingNeed(ownerDb(), { divisionId: division.id, staffCategoryId: category.id, createdById: author });
    const before = await Promise.all([ownerDb().division.count(), ownerDb().district.count(), ownerDb().staffCategory.count(), ownerDb().auditEvent.count()]);
    for (const [kind, id] of [["division", division.id], ["district", district.id], ["staffCategory", category.id]] as const) {
      const error = await refusal(deleteUnit(admin, { kind, id }));
      expect(swedish(error.messageKey), kind).toMatch(/används.*inaktivera/i);
    }
    expect(await Promise.all([ownerDb().division.count(), ownerDb().district.count(), ownerDb().staffCategory.count(), ownerDb().auditEvent.count()])).toEqual(before);
  });

  it("a division that only has members, or only audit events", async () => {
    const withMember = await createDivision(ownerDb());
    await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [withMember.id] });
    await refusal(deleteUnit(coordinator, { kind: "division", id: withMember.id }));
    const withHistory = await createDivision(ownerDb());
    await ownerDb().auditEvent.create({ data: { occurredAt: new Date(), action: "test.event", entityType: "Test", divisionId: withHistory.id } });
    await refusal(deleteUnit(coordinator, { kind: "division", id: withHistory.id }));
    expect(await ownerDb().division.count({ where: { id: { in: [withMember.id, withHistory.id] } } })).toBe(2);
  });

  it("deletes one nothing points at, audited", async () => {
    const { id } = await createUnit(admin, createUnitSchema.parse({ kind: "district", name: "Felskrivet område", sortOrder: 0 }));
    await deleteUnit(admin, { kind: "district", id });
    expect(await ownerDb().district.count({ where: { id } })).toBe(0);
    expect(await ownerDb().auditEvent.count({ where: { entityId: id, action: "organisation.delete" } })).toBe(1);
  });
});

describe("who may", () => {
  it("only the IT administrator and the coordinator manage the organisation", async () => {
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"] as const) {
      const viewer = viewerOf(await createUser(ownerDb(), { role }));
      await expect(listUnits(viewer, { kind: "division", page: 1 }), role).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(createUnit(viewer, createUnitSchema.parse({ kind: "district", name: `Av ${role}`, sortOrder: 0 })), role).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(getSettings(viewer), role).rejects.toBeInstanceOf(AccessDeniedError);
    }
    await expect(listUnits(head, { kind: "division", page: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await listUnits(admin, { kind: "division", page: 1 })).total).toBeGreaterThan(0);
  });
});

describe("settings", () => {
  it("start from the defaults, are saved, versioned, audited and shown as the municipality", async () => {
    const start = await getSettings(admin);
    expect(start.values).toMatchObject({ suppressionThreshold: 5, reviewAfterMonths: 6, reminderLeadDays: 7 });
    const input = settingsSchema.parse({ ...start.values, suppressionThreshold: "7", municipalityName: "Trosa kommun", logoText: "TROSA", versions: start.versions });
    const saved = await updateSettings(admin, input);
    expect(saved.values).toMatchObject({ suppressionThreshold: 7, municipalityName: "Trosa kommun", logoText: "TROSA", reviewAfterMonths: 6 });
    expect(await getMunicipality(head)).toEqual({ name: "Trosa kommun", logoText: "TROSA" });
    const events = await ownerDb().auditEvent.findMany({ where: { action: "setting.update", actorId: admin.id }, select: { entityId: true, details: true } });
    expect(events.map((e) => e.entityId).sort()).toEqual(["aggregates.suppressionThreshold", "municipality.logoText", "municipality.name"]);
    expect(events.find((e) => e.entityId === "aggregates.suppressionThreshold")?.details).toEqual({ from: 5, to: 7 });
    // The observers' figures follow the new threshold (the database function reads it).
    const threshold = await ownerDb().$queryRaw<{ value: bigint }[]>`SELECT (value #>> '{}')::bigint AS value FROM "Setting" WHERE key = 'aggregates.suppressionThreshold'`;
    expect(Number(threshold[0]!.value)).toBe(7);

    // A form opened before that save is stale: nothing of it is saved.
    await expect(updateSettings(coordinator, settingsSchema.parse({ ...start.values, reminderLeadDays: 30, versions: start.versions }))).rejects.toBeInstanceOf(StaleEditError);
    expect((await getSettings(admin)).values.reminderLeadDays).toBe(7);
  });

  it("refuse impossible values", () => {
    const base = { suppressionThreshold: 5, reviewAfterMonths: 6, reminderLeadDays: 14, municipalityName: "K", logoText: "", versions: { suppressionThreshold: 0, reviewAfterMonths: 0, reminderLeadDays: 0, municipalityName: 0, logoText: 0 } };
    expect(settingsSchema.safeParse(base).success).toBe(true);
    for (const bad of [{ suppressionThreshold: 0 }, { suppressionThreshold: 2.5 }, { reviewAfterMonths: 37 }, { reminderLeadDays: "x" }, { municipalityName: " " }, { logoText: "x".repeat(41) }]) {
      expect(settingsSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
