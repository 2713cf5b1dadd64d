import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import { may } from "@/lib/access/permissions";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { FollowUpCycleStatus, FollowUpStatus } from "@/lib/server/generated/prisma/enums";
import { followUpOverdueWhere, isOverdue } from "./rules";

export const FOLLOW_UP_PAGE_SIZE = 25;

export type FollowUpRow = {
  id: string;
  cycleId: string;
  cycle: string;
  division: string;
  dueDate: Date;
  status: FollowUpStatus;
  submittedAt: Date | null;
  overdue: boolean;
};

export type FollowUpFigures = { total: number; overdue: number; awaitingReview: number; returned: number; reviewed: number };

export type FollowUpFilter = { cycle?: string; division?: string; status?: FollowUpStatus; overdue?: "ja"; page: number };

/**
 * The follow-ups the viewer may see (a division head: their own division's; the coordinator:
 * every division's), most recent due date first, with the figures shown at a glance: overdue
 * (past due, not submitted), waiting for review, returned, approved. `today` is injected.
 */
export async function listFollowUps(viewer: Viewer, filter: FollowUpFilter, today: Date): Promise<Paged<FollowUpRow> & { figures: FollowUpFigures; cycles: CycleRow[] }> {
  const scope = scopes.followUp(viewer, "list");
  const conditions: Prisma.FollowUpWhereInput[] = [
    ...(filter.cycle ? [{ cycleId: filter.cycle }] : []),
    ...(filter.division ? [{ divisionId: filter.division }] : []),
    ...(filter.status ? [{ status: filter.status }] : []),
    ...(filter.overdue ? [followUpOverdueWhere(today)] : []),
  ];
  const where = within(scope, { AND: conditions });
  const inCycle: Prisma.FollowUpWhereInput = filter.cycle ? { cycleId: filter.cycle } : {};
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(filter.page, FOLLOW_UP_PAGE_SIZE, {
      count: () => tx.followUp.count({ where }),
      rows: (window) =>
        tx.followUp.findMany({
          where,
          orderBy: [{ cycle: { dueDate: "desc" } }, { division: { sortOrder: "asc" } }, { division: { name: "asc" } }],
          ...window,
          select: {
            id: true, status: true, submittedAt: true, cycleId: true,
            cycle: { select: { title: true, dueDate: true, status: true } }, division: { select: { name: true } },
          },
        }),
    });
    const count = (extra: Prisma.FollowUpWhereInput) => tx.followUp.count({ where: within(scope, { AND: [inCycle, extra] }) });
    const [total, overdue, awaitingReview, returned, reviewed] = await Promise.all([
      count({}), count(followUpOverdueWhere(today)), count({ status: "SUBMITTED" }), count({ status: "RETURNED" }), count({ status: "REVIEWED" }),
    ]);
    // The cycles in the same transaction: one connection per page view, not two at once.
    const cycles = may(viewer.role, "followUp", "create") ? await cyclesWithProgress(tx, scope, today) : [];
    return {
      ...found,
      cycles,
      figures: { total, overdue, awaitingReview, returned, reviewed },
      rows: found.rows.map((f) => ({
        id: f.id, cycleId: f.cycleId, cycle: f.cycle.title, division: f.division.name, dueDate: f.cycle.dueDate, status: f.status,
        submittedAt: f.submittedAt, overdue: isOverdue(f.status, f.cycle.dueDate, today, f.cycle.status),
      })),
    };
  });
}

export type CycleRow = { id: string; version: number; title: string; year: number; dueDate: Date; status: FollowUpCycleStatus; followUps: number; overdue: number; reviewed: number };

/** The cycles, newest first, with how far each has come (for those who manage follow-ups). */
export async function listCycles(viewer: Viewer, today: Date): Promise<CycleRow[]> {
  const scope = scopes.followUp(viewer, "list");
  if (!may(viewer.role, "followUp", "create")) return [];
  return withViewer(viewer, (tx) => cyclesWithProgress(tx, scope, today));
}

async function cyclesWithProgress(tx: DbTx, scope: Prisma.FollowUpWhereInput, today: Date): Promise<CycleRow[]> {
  {
    const cycles = await tx.followUpCycle.findMany({
      orderBy: [{ dueDate: "desc" }, { title: "asc" }],
      take: 20,
      select: { id: true, version: true, title: true, year: true, dueDate: true, status: true },
    });
    // One grouped count for all the cycles shown (not three per cycle): the page's statements
    // stay the same however many cycles there are (tests/integration/query-count.test.ts).
    const counts = await tx.followUp.groupBy({
      by: ["cycleId", "status"],
      where: within(scope, { cycleId: { in: cycles.map((c) => c.id) } }),
      _count: { _all: true },
    });
    const rows: CycleRow[] = cycles.map((c) => {
      const mine = counts.filter((n) => n.cycleId === c.id);
      const total = (keep: (status: FollowUpStatus) => boolean) => mine.filter((n) => keep(n.status)).reduce((sum, n) => sum + n._count._all, 0);
      return {
        ...c,
        followUps: total(() => true),
        overdue: total((status) => isOverdue(status, c.dueDate, today, c.status)),
        reviewed: total((status) => status === "REVIEWED"),
      };
    });
    return rows;
  }
}
