import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { getOverview } from "@/lib/server/dashboard/get-overview";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import {
  createActionItem, createDivision, createMeasure, createStaffCategory, createTrainingNeed, createUser, daysFromNow,
} from "@/prisma/factories";

const viewer = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({
  id, role, divisionIds, name: "Test", email: "t@test.example",
});

describe("getOverview: the start page's figures are scoped to the viewer", () => {
  let own: string;
  let other: string;
  let userId: string;

  beforeAll(async () => {
    own = (await createDivision(ownerDb())).id;
    other = (await createDivision(ownerDb())).id;
    const category = (await createStaffCategory(ownerDb())).id;
    userId = (await createUser(ownerDb(), { role: "COORDINATOR" })).id;
    await createTrainingNeed(ownerDb(), { divisionId: own, staffCategoryId: category, createdById: userId, headcount: 5 });
    await createTrainingNeed(ownerDb(), { divisionId: other, staffCategoryId: category, createdById: userId, headcount: 40 });
    await createTrainingNeed(ownerDb(), { divisionId: other, staffCategoryId: category, createdById: userId, headcount: 7, status: "MET" });
    await createMeasure(ownerDb(), { ownerDivisionId: own, title: "Egen försenad", nextReviewDate: daysFromNow(-3) });
    await createMeasure(ownerDb(), { ownerDivisionId: other, title: "Annans försenad", nextReviewDate: daysFromNow(-9) });
    await createMeasure(ownerDb(), { ownerDivisionId: other, title: "Avslutad", status: "COMPLETED", nextReviewDate: daysFromNow(-30) });
    await createActionItem(ownerDb(), { ownerId: userId, divisionId: other, title: "Annans åtgärd", dueDate: daysFromNow(-1) });
  });

  it("shows the coordinator the whole municipality, overdue items first by date", async () => {
    const o = await getOverview(viewer("COORDINATOR", [], userId));
    expect(o.openTrainingNeeds).toBe(2);
    expect(o.staffToTrain).toBe(45);
    expect(o.activeMeasures).toBe(2);
    expect(o.overdueCount).toBe(3);
    expect(o.overdue.map((i) => i.title)).toEqual(["Annans försenad", "Egen försenad", "Annans åtgärd"]);
  });

  it("shows a division head only their own division", async () => {
    const o = await getOverview(viewer("DIVISION_HEAD", [own], userId));
    expect(o.openTrainingNeeds).toBe(1);
    expect(o.staffToTrain).toBe(5);
    expect(o.overdue.map((i) => i.title)).toEqual(["Egen försenad"]);
  });

  it("shows a viewer with no division nothing rather than everything", async () => {
    const o = await getOverview(viewer("NETWORK_MEMBER", [], userId));
    expect(o).toMatchObject({ openTrainingNeeds: 0, staffToTrain: 0, activeMeasures: 0, overdueCount: 0 });
  });

  it("gives an observer counts only: no titles, no single overdue records, small counts suppressed", async () => {
    const o = await getOverview(viewer("OBSERVER", [], userId));
    expect(o.overdue).toEqual([]);
    expect(JSON.stringify(o)).not.toMatch(/försenad|åtgärd/i);
    // 2 open needs, 2 active measures, 2 overdue measures: all below the default threshold 5.
    expect(o).toMatchObject({
      countsOnly: true,
      openTrainingNeeds: { fewerThan: 5 },
      activeMeasures: { fewerThan: 5 },
      overdueCount: { fewerThan: 5 },
      entriesAwaitingReview: null,
    });
    // 45 staff to train is above it, so it is shown exactly.
    expect(o.staffToTrain).toBe(45);
  });

  it("follows the suppression threshold setting", async () => {
    await ownerDb().setting.create({ data: { key: "aggregates.suppressionThreshold", value: 2 } });
    try {
      const o = await getOverview(viewer("OBSERVER", [], userId));
      expect(o).toMatchObject({ openTrainingNeeds: 2, activeMeasures: 2, overdueCount: 2 });
    } finally {
      await ownerDb().setting.delete({ where: { key: "aggregates.suppressionThreshold" } });
    }
  });

  it("refuses the IT administrator, who has no access to the plan's content", async () => {
    await expect(getOverview(viewer("ADMIN", [], userId))).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
