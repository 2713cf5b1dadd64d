import "server-only";
import { withViewer } from "@/lib/server/access/with-viewer";
import { may } from "@/lib/access/permissions";
import { scopes, within } from "@/lib/server/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import type { ActionItemStatus, MeasureStatus, TrainingNeedStatus } from "@/lib/server/generated/prisma/enums";

const OPEN_NEEDS: TrainingNeedStatus[] = ["REGISTERED", "PLANNED"];
const ACTIVE_MEASURES: MeasureStatus[] = ["PLANNED", "ONGOING"];
const OPEN_ACTIONS: ActionItemStatus[] = ["OPEN", "IN_PROGRESS"];

export type OverdueItem = {
  kind: "measure" | "actionItem";
  id: string;
  title: string;
  division: string | null;
  dueDate: Date;
};

export type Overview = {
  openTrainingNeeds: number;
  staffToTrain: number;
  activeMeasures: number;
  entriesAwaitingReview: number | null;
  overdue: OverdueItem[];
  overdueCount: number;
};

const OVERDUE_LIST_LENGTH = 8;

function startOfToday() {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/** The start page's figures, scoped to what the viewer may see. */
export async function getOverview(viewer: Viewer): Promise<Overview> {
  const today = startOfToday();
  const needWhere = within(scopes.trainingNeed(viewer, "read", "aggregates"), { status: { in: OPEN_NEEDS } });
  const measureScope = scopes.measure(viewer, "read", "aggregates");
  const measureWhere = within(measureScope, { status: { in: ACTIVE_MEASURES } });
  const overdueMeasureWhere = within(measureScope, { status: { in: ACTIVE_MEASURES }, nextReviewDate: { lt: today } });
  // Optional parts of the page: `may` only decides whether a part applies to this role at all;
  // the part's rows still come through its scope builder (authorize + division filter).
  const canSeeActionItems = may(viewer.role, "actionItem", "list");
  const actionWhere = canSeeActionItems
    ? within(scopes.actionItem(viewer, "list"), { status: { in: OPEN_ACTIONS }, dueDate: { lt: today } })
    : null;
  const canSeeEntries = may(viewer.role, "situationEntry", "list");

  const [needs, activeMeasures, overdueMeasures, overdueMeasureCount, actions, actionCount, entries] =
    await withViewer(viewer, (client) => Promise.all([
      client.trainingNeed.aggregate({ where: needWhere, _count: { _all: true }, _sum: { headcount: true } }),
      client.measure.count({ where: measureWhere }),
      client.measure.findMany({
        where: overdueMeasureWhere,
        orderBy: { nextReviewDate: "asc" },
        take: OVERDUE_LIST_LENGTH,
        select: { id: true, title: true, nextReviewDate: true, ownerDivision: { select: { name: true } } },
      }),
      client.measure.count({ where: overdueMeasureWhere }),
      actionWhere
        ? client.actionItem.findMany({
            where: actionWhere,
            orderBy: { dueDate: "asc" },
            take: OVERDUE_LIST_LENGTH,
            select: { id: true, title: true, dueDate: true, division: { select: { name: true } } },
          })
        : Promise.resolve([]),
      actionWhere ? client.actionItem.count({ where: actionWhere }) : Promise.resolve(0),
      canSeeEntries
        ? client.situationEntry.count({
            where: within(scopes.situationEntry(viewer, "list"), { status: "SUBMITTED" }),
          })
        : Promise.resolve(null),
    ]));

  const overdue: OverdueItem[] = [
    ...overdueMeasures.map((m) => ({
      kind: "measure" as const,
      id: m.id,
      title: m.title,
      division: m.ownerDivision.name,
      dueDate: m.nextReviewDate,
    })),
    ...actions.map((a) => ({
      kind: "actionItem" as const,
      id: a.id,
      title: a.title,
      division: a.division?.name ?? null,
      dueDate: a.dueDate,
    })),
  ]
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime())
    .slice(0, OVERDUE_LIST_LENGTH);

  return {
    openTrainingNeeds: needs._count._all,
    staffToTrain: needs._sum.headcount ?? 0,
    activeMeasures,
    entriesAwaitingReview: entries,
    overdue,
    overdueCount: overdueMeasureCount + actionCount,
  };
}
