import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { AttendeeGroup, CompetencePlanStatus, TrainingEventStatus, TrainingLevel, TrainingNeedStatus } from "@/lib/server/generated/prisma/enums";
import type { Viewer } from "@/lib/access/viewer";
import { loadPage, type Paged } from "@/lib/pagination";
import type { CoverageTable } from "@/lib/training/coverage";
import { isCompetenceDeveloper } from "./common";
import { coverageTable, needsWithCoverage, type NeedWithCoverage } from "./coverage-query";

/** Needs per page of the plan's needs list. */
export const PLAN_NEEDS_PAGE_SIZE = 25;

export type PlanEvent = {
  id: string;
  version: number;
  title: string;
  level: TrainingLevel;
  status: TrainingEventStatus;
  startsAt: Date;
  provider: string;
  location: string | null;
  capacity: number;
  material: string | null;
  description: string;
  targetStaffCategories: { id: string; name: string }[];
  targetDivisions: { id: string; name: string }[];
  /** The linked needs the viewer may see (their own division's, the coordinator all). */
  needs: { id: string; division: string; staffCategory: string; level: TrainingLevel; headcount: number; wantedBy: Date; status: TrainingNeedStatus }[];
  /** Attendance rows the viewer may see. */
  attendance: { divisionId: string; division: string; group: AttendeeGroup; staffCategoryId: string | null; staffCategory: string | null; registered: number; attended: number }[];
};

export type PlanOverview = {
  year: number;
  plan: null | {
    id: string;
    version: number;
    title: string;
    goals: string;
    status: CompetencePlanStatus;
    versions: { number: number; approvedAt: Date }[];
    /** Events changed after the latest approval: the next approval makes a new version. */
    changedSinceApproval: boolean;
  };
  events: PlanEvent[];
  /** Summed in the database: the table's cells, never the needs themselves. */
  coverage: CoverageTable;
  /** One page of the needs the coverage is computed from (the viewer's scope), each with its share. */
  needs: Paged<NeedWithCoverage>;
  /** Whether the viewer may plan events and record attendance (role and responsibility). */
  canPlan: boolean;
};

/**
 * The competence plan of a year as the viewer may see it (issue 10 points 3–5): the plan and
 * its approved versions; its events — for a division head only those that concern their
 * division (aimed at it, at every division, or answering one of its needs); the linked needs,
 * the attendance and the coverage within the viewer's scope, so nothing of another division
 * reaches a division head or network member. Coverage is summed in the database (issue 13):
 * the table's cells and one page (`needsPage`, clamped) of the needs with their shares.
 */
export async function getPlanOverview(viewer: Viewer, year: number, needsPage = 1): Promise<PlanOverview> {
  authorize(viewer, "competencePlan", "read");
  authorize(viewer, "trainingEvent", "list");
  const needScope = scopes.trainingNeed(viewer, "read");
  const attendanceScope = scopes.trainingAttendance(viewer, "read");
  return withViewer(viewer, async (tx) => {
    const plan = await tx.competencePlan.findUnique({
      where: { year },
      select: {
        id: true, version: true, title: true, goals: true, status: true,
        versions: { select: { number: true, approvedAt: true }, orderBy: { number: "desc" } },
      },
    });
    const concernsOwn: Prisma.TrainingEventWhereInput =
      viewer.role === "DIVISION_HEAD"
        ? { OR: [{ targetDivisions: { none: {} } }, { targetDivisions: { some: { id: { in: [...viewer.divisionIds] } } } }, { needs: { some: needScope } }] }
        : {};
    const events = plan
      ? await tx.trainingEvent.findMany({
          where: { AND: [{ competencePlanId: plan.id }, concernsOwn] },
          orderBy: [{ startsAt: "asc" }, { title: "asc" }],
          select: {
            id: true, version: true, title: true, level: true, status: true, startsAt: true, provider: true, location: true,
            capacity: true, material: true, description: true,
            targetGroups: { select: { id: true, name: true }, orderBy: { sortOrder: "asc" } },
            targetDivisions: { select: { id: true, name: true }, orderBy: { sortOrder: "asc" } },
            needs: {
              where: needScope,
              select: { id: true, level: true, headcount: true, wantedBy: true, status: true, division: { select: { name: true } }, staffCategory: { select: { name: true } } },
            },
            attendance: {
              where: attendanceScope,
              select: {
                divisionId: true, group: true, staffCategoryId: true, registered: true, attended: true,
                division: { select: { name: true } }, staffCategory: { select: { name: true } },
              },
            },
          },
        })
      : [];
    const latest = plan?.versions[0];
    const lastChange = plan
      ? await tx.trainingEvent.aggregate({ where: { competencePlanId: plan.id }, _max: { updatedAt: true } })
      : null;
    const query = { needScope, attendanceScope, year, planId: plan?.id ?? null };
    const { needCount, ...coverage } = await coverageTable(tx, query);
    const needPage = await loadPage(needsPage, PLAN_NEEDS_PAGE_SIZE, {
      count: async () => needCount,
      rows: (window) => needsWithCoverage(tx, query, window),
    });
    return {
      year,
      plan: plan && {
        id: plan.id, version: plan.version, title: plan.title, goals: plan.goals, status: plan.status, versions: plan.versions,
        changedSinceApproval: Boolean(latest && lastChange?._max.updatedAt && lastChange._max.updatedAt > latest.approvedAt),
      },
      events: events.map(({ targetGroups, needs, attendance, ...e }) => ({
        id: e.id, version: e.version, title: e.title, level: e.level, status: e.status, startsAt: e.startsAt, provider: e.provider,
        location: e.location, capacity: e.capacity, material: e.material, description: e.description, targetDivisions: e.targetDivisions,
        targetStaffCategories: targetGroups,
        needs: needs.map((n) => ({
          id: n.id, level: n.level, headcount: n.headcount, wantedBy: n.wantedBy, status: n.status, division: n.division.name, staffCategory: n.staffCategory.name,
        })),
        attendance: attendance.map((a) => ({
          divisionId: a.divisionId, division: a.division.name, group: a.group, staffCategoryId: a.staffCategoryId,
          staffCategory: a.staffCategory?.name ?? null, registered: a.registered, attended: a.attended,
        })),
      })),
      coverage,
      needs: needPage,
      canPlan: await isCompetenceDeveloper(tx, viewer),
    };
  });
}
