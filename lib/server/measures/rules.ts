import "server-only";
import type { DbTx } from "@/lib/server/db";
import type { Viewer } from "@/lib/access/viewer";
import type { MeasureValues } from "@/lib/schemas/measures";
import { scopeFor } from "@/lib/access/permissions";
import { dateOnly } from "@/lib/dates";
import { DomainRuleError } from "@/lib/server/errors";
import type { Prisma } from "@/lib/server/generated/prisma/client";

/**
 * The checks a measure's form cannot make itself: the owner division is one the viewer may
 * write (a division head only their own — "a foreign division" is refused with a field error,
 * before anything is saved), it exists and is active (or, on an edit, stays the measure's
 * current one, deactivated since), and so do the chosen plan section and responsible
 * person, who belongs to the owner division or is a coordinator.
 */
export async function checkMeasureReferences(
  tx: DbTx,
  viewer: Viewer,
  action: "create" | "update",
  input: MeasureValues,
  /** On an edit, the measure's current owner division: kept even if it has been deactivated since. */
  currentDivisionId?: string,
) {
  if (scopeFor(viewer.role, "measure", action) !== "all" && !viewer.divisionIds.includes(input.ownerDivisionId)) {
    throw new DomainRuleError("measures.errors.foreignDivision", "ownerDivisionId");
  }
  const division = await tx.division.findUnique({ where: { id: input.ownerDivisionId }, select: { id: true, active: true } });
  if (!division || (!division.active && division.id !== currentDivisionId)) throw new DomainRuleError("measures.errors.foreignDivision", "ownerDivisionId");
  if (input.planSectionId) {
    const section = await tx.planSection.findUnique({ where: { id: input.planSectionId }, select: { id: true } });
    if (!section) throw new DomainRuleError("invalidChoice", "planSectionId");
  }
  if (input.responsibleUserId) {
    const person = await tx.user.findFirst({
      where: {
        id: input.responsibleUserId,
        active: true,
        OR: [{ role: "COORDINATOR" }, { divisions: { some: { divisionId: input.ownerDivisionId } } }],
      },
      select: { id: true },
    });
    if (!person) throw new DomainRuleError("measures.errors.responsibleNotInDivision", "responsibleUserId");
  }
}

/** The form's values as the columns hold them. */
export function measureData(input: MeasureValues) {
  return {
    title: input.title,
    ownerDivisionId: input.ownerDivisionId,
    level: input.level,
    status: input.status,
    targetGroup: input.targetGroup,
    description: input.description,
    responsibleUserId: input.responsibleUserId || null,
    resources: input.resources,
    genderPerspective: input.genderPerspective,
    planSectionId: input.planSectionId || null,
    isSpecial: input.isSpecial,
    investigationStatus: input.isSpecial ? input.investigationStatus || null : null,
    startDate: dateOnly(input.startDate),
    endDate: dateOnly(input.endDate),
    nextReviewDate: dateOnly(input.nextReviewDate),
  } satisfies Prisma.MeasureUncheckedUpdateManyInput;
}

/** A measure still under way, whose review date has passed, is overdue. */
export const ACTIVE_MEASURE_STATUSES = ["PLANNED", "ONGOING"] as const;
export function measureOverdueWhere(today: Date): Prisma.MeasureWhereInput {
  return { status: { in: [...ACTIVE_MEASURE_STATUSES] }, nextReviewDate: { lt: today } };
}
