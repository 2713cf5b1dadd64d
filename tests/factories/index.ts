// Factories for test and seed data: one place that knows what a valid record looks like.
// Each takes a Prisma client (or transaction) and overrides; defaults are realistic.
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import type { Role } from "@/lib/access/permissions";
import { hashPassword } from "@/lib/server/password";

type Tx = Db | Prisma.TransactionClient;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function daysFromNow(days: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

export async function createDivision(db: Tx, data: Partial<Prisma.DivisionCreateInput> = {}) {
  const id = unique();
  return db.division.create({ data: { code: `D${id}`, name: `Division ${id}`, ...data } });
}

export async function createDistrict(db: Tx, data: Partial<Prisma.DistrictCreateInput> = {}) {
  return db.district.create({ data: { name: `Område ${unique()}`, ...data } });
}

export async function createStaffCategory(db: Tx, data: Partial<Prisma.StaffCategoryCreateInput> = {}) {
  return db.staffCategory.create({ data: { name: `Personalkategori ${unique()}`, ...data } });
}

type UserInput = {
  role: Role;
  divisionIds?: string[];
  email?: string;
  name?: string;
  password?: string | null;
  active?: boolean;
};

export async function createUser(db: Tx, { role, divisionIds = [], email, name, password, active }: UserInput) {
  const id = unique();
  return db.user.create({
    data: {
      email: (email ?? `user-${id}@test.example`).toLowerCase(),
      name: name ?? `Användare ${id}`,
      role,
      active: active ?? true,
      passwordHash: password === null ? null : await hashPassword(password ?? "test-password-123"),
      divisions: { create: divisionIds.map((divisionId) => ({ divisionId })) },
    },
  });
}

export async function createTrainingNeed(
  db: Tx,
  data: { divisionId: string; staffCategoryId: string; createdById: string } & Partial<Prisma.TrainingNeedUncheckedCreateInput>,
) {
  return db.trainingNeed.create({
    data: { level: "BASIC", headcount: 10, priority: "MEDIUM", wantedBy: daysFromNow(90), ...data },
  });
}

export async function createMeasure(
  db: Tx,
  data: { ownerDivisionId: string } & Partial<Prisma.MeasureUncheckedCreateInput>,
) {
  return db.measure.create({
    data: {
      title: `Insats ${unique()}`,
      level: "GENERAL",
      targetGroup: "Alla barn och unga",
      status: "ONGOING",
      nextReviewDate: daysFromNow(60),
      ...data,
    },
  });
}

export async function createSituationEntry(
  db: Tx,
  data: { divisionId: string; createdById: string } & Partial<Prisma.SituationEntryUncheckedCreateInput>,
) {
  return db.situationEntry.create({
    data: {
      observedOn: daysFromNow(-7),
      environment: "RIGHT_WING",
      activityType: "PROPAGANDA",
      source: "OPEN_SOURCES",
      reliability: "PROBABLE",
      genderPerspective: "Främst unga män syns i aktiviteten.",
      description: "Klistermärken med vit makt-symbolik vid en busshållplats.",
      ...data,
    },
  });
}

export async function createActionItem(
  db: Tx,
  data: { ownerId: string } & Partial<Prisma.ActionItemUncheckedCreateInput>,
) {
  return db.actionItem.create({
    data: { title: `Åtgärd ${unique()}`, dueDate: daysFromNow(30), ...data },
  });
}
