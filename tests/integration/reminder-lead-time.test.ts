// The follow-up reminder's lead time is the organisation's setting (issue 16 point 3,
// `followUp.reminderLeadDays`): the sweep reminds a division head that many days before the
// cycle's due date — not a day earlier — and a changed setting moves the next sweep's horizon.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { settingsSchema } from "@/lib/schemas/organisation";
import { getSettings, updateSettings } from "@/lib/server/organisation/settings";
import { runReminderSweep } from "@/lib/server/notifications/reminders";
import { createDivision, createFollowUp, createFollowUpCycle, createUser } from "@/prisma/factories";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
let coordinator: Viewer;
let headId = "";

async function setLeadDays(days: number) {
  const current = await getSettings(coordinator);
  await updateSettings(coordinator, settingsSchema.parse({ ...current.values, reminderLeadDays: days, versions: current.versions }));
}

const remindersOfHead = async () =>
  (await ownerDb().notification.findMany({ where: { userId: headId }, select: { kind: true, dedupeKey: true } })).map((n) => n.kind);

beforeAll(async () => {
  const x = ownerDb();
  const c = await createUser(x, { role: "COORDINATOR" });
  coordinator = { id: c.id, role: "COORDINATOR", divisionIds: [], name: c.name, email: c.email };
  const division = await createDivision(x, { name: "Kultur och fritid", code: "KOF" });
  headId = (await createUser(x, { role: "DIVISION_HEAD", divisionIds: [division.id] })).id;
  const cycle = await createFollowUpCycle(x, { title: "VT 2027", year: 2027, status: "OPEN", dueDate: day("2027-05-31"), periodStart: day("2027-01-01"), periodEnd: day("2027-06-30") });
  await createFollowUp(x, { cycleId: cycle.id, divisionId: division.id, status: "DRAFT" });
});

describe("the follow-up reminder's lead time", () => {
  it("is 7 days by default", async () => {
    expect((await getSettings(coordinator)).values.reminderLeadDays).toBe(7);
    expect(await runReminderSweep({ now: new Date("2027-05-23T08:00:00Z") })).toMatchObject({ ran: true, created: 0 }); // 8 days ahead
    expect(await remindersOfHead()).toEqual([]);
  });

  it("follows the setting: 10 days ahead once set to 10, and not a day earlier", async () => {
    await setLeadDays(10);
    expect(await runReminderSweep({ now: new Date("2027-05-20T08:00:00Z") })).toMatchObject({ ran: true, created: 0 }); // 11 days ahead
    expect(await runReminderSweep({ now: new Date("2027-05-21T08:00:00Z") })).toMatchObject({ ran: true, created: 1 }); // 10 days ahead
    expect(await remindersOfHead()).toEqual(["followUpDueSoon"]);
    // Once made, the reminder is not made again when the setting changes.
    await setLeadDays(20);
    expect(await runReminderSweep({ now: new Date("2027-05-22T08:00:00Z") })).toMatchObject({ ran: true, created: 0 });
    expect(await remindersOfHead()).toEqual(["followUpDueSoon"]);
  });
});
