import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { getSituationEntry } from "@/lib/server/situation/get-entry";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { createDivision, createSituationEntry, createUser } from "@/prisma/factories";

let own: string;
let other: string;
let ownEntry: string;
let otherEntry: string;
const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
let member: Viewer;
let coordinator: Viewer;

beforeAll(async () => {
  own = (await createDivision(ownerDb())).id;
  other = (await createDivision(ownerDb())).id;
  const m = await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [own] });
  const c = await createUser(ownerDb(), { role: "COORDINATOR" });
  member = as("NETWORK_MEMBER", [own], m.id);
  coordinator = as("COORDINATOR", [], c.id);
  ownEntry = (await createSituationEntry(ownerDb(), { divisionId: own, createdById: m.id, environment: "LEFT_WING" })).id;
  otherEntry = (await createSituationEntry(ownerDb(), { divisionId: other, createdById: c.id, environment: "ISLAMIST" })).id;
});

describe("reading the situation picture", () => {
  it("lists only the viewer's divisions, and audits the listing", async () => {
    const before = await ownerDb().auditEvent.count({ where: { action: "situationEntry.list" } });
    const page = await listSituationEntries(member, situationFilterSchema.parse({}));
    expect(page.rows.map((r) => r.id)).toEqual([ownEntry]);
    expect(await ownerDb().auditEvent.count({ where: { action: "situationEntry.list", actorId: member.id } })).toBe(before + 1);
  });

  it("lists every division for the coordinator, filtered by environment", async () => {
    expect((await listSituationEntries(coordinator, situationFilterSchema.parse({}))).total).toBe(2);
    const islamist = await listSituationEntries(coordinator, situationFilterSchema.parse({ environment: "ISLAMIST" }));
    expect(islamist.rows.map((r) => r.id)).toEqual([otherEntry]);
  });

  it("opens an entry of the viewer's division and records the read", async () => {
    const entry = await getSituationEntry(member, ownEntry);
    expect(entry.id).toBe(ownEntry);
    const event = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "situationEntry.read", entityId: ownEntry } });
    expect(event).toMatchObject({ actorId: member.id, divisionId: own });
  });

  it("answers a guessed id of another division exactly like a missing one", async () => {
    await expect(getSituationEntry(member, otherEntry)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSituationEntry(member, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSituationEntry(member, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await ownerDb().auditEvent.count({ where: { action: "situationEntry.read", entityId: otherEntry } })).toBe(0);
  });

  it("refuses observers and IT administrators outright", async () => {
    for (const role of ["OBSERVER", "ADMIN"] as const) {
      await expect(listSituationEntries(as(role, [own], member.id), situationFilterSchema.parse({}))).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(getSituationEntry(as(role, [own], member.id), ownEntry)).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });
});
