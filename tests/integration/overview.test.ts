import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
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
    own = (await createDivision(db())).id;
    other = (await createDivision(db())).id;
    const category = (await createStaffCategory(db())).id;
    userId = (await createUser(db(), { role: "COORDINATOR" })).id;
    await createTrainingNeed(db(), { divisionId: own, staffCategoryId: category, createdById: userId, headcount: 5 });
    await createTrainingNeed(db(), { divisionId: other, staffCategoryId: category, createdById: userId, headcount: 40 });
    await createTrainingNeed(db(), { divisionId: other, staffCategoryId: category, createdById: userId, headcount: 7, status: "MET" });
    await createMeasure(db(), { ownerDivisionId: own, title: "Egen försenad", nextReviewDate: daysFromNow(-3) });
    await createMeasure(db(), { ownerDivisionId: other, title: "Annans försenad", nextReviewDate: daysFromNow(-9) });
    await createMeasure(db(), { ownerDivisionId: other, title: "Avslutad", status: "COMPLETED", nextReviewDate: daysFromNow(-30) });
    await createActionItem(db(), { ownerId: userId, divisionId: other, title: "Annans åtgärd", dueDate: daysFromNow(-1) });
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

  it("refuses the IT administrator, who has no access to the plan's content", async () => {
    await expect(getOverview(viewer("ADMIN", [], userId))).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
