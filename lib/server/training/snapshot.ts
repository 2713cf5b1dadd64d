import "server-only";
import type { DbTx } from "@/lib/server/db";
import type { TrainingEventStatus, TrainingLevel } from "@/lib/server/generated/prisma/enums";

/** An approved plan as it was approved: names, not ids, so it reads the same whatever changes later. */
export type PlanSnapshot = {
  year: number;
  title: string;
  goals: string;
  events: {
    title: string;
    level: TrainingLevel;
    status: TrainingEventStatus;
    startsAt: string;
    provider: string;
    location: string | null;
    capacity: number;
    material: string | null;
    description: string;
    targetStaffCategories: string[];
    targetDivisions: string[];
    /** How many needs the event answers and their staff, per division: figures, no need texts. */
    linkedNeeds: number;
    linkedHeadcount: number;
  }[];
};

/** Reads the plan's current content into a snapshot (inside the approving transaction). */
export async function snapshotPlan(tx: DbTx, planId: string): Promise<PlanSnapshot> {
  const plan = await tx.competencePlan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      year: true, title: true, goals: true,
      events: {
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
        select: {
          title: true, level: true, status: true, startsAt: true, provider: true, location: true, capacity: true, material: true, description: true,
          targetGroups: { select: { name: true }, orderBy: { sortOrder: "asc" } },
          targetDivisions: { select: { name: true }, orderBy: { sortOrder: "asc" } },
          needs: { select: { headcount: true }, where: { status: { not: "CANCELLED" } } },
        },
      },
    },
  });
  return {
    year: plan.year,
    title: plan.title,
    goals: plan.goals,
    events: plan.events.map((e) => ({
      title: e.title, level: e.level, status: e.status, startsAt: e.startsAt.toISOString(), provider: e.provider, location: e.location,
      capacity: e.capacity, material: e.material, description: e.description,
      targetStaffCategories: e.targetGroups.map((g) => g.name),
      targetDivisions: e.targetDivisions.map((d) => d.name),
      linkedNeeds: e.needs.length,
      linkedHeadcount: e.needs.reduce((s, n) => s + n.headcount, 0),
    })),
  };
}
