import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { Assessment, FollowUpStatus } from "@/lib/server/generated/prisma/enums";
import { isOverdue, type LineKind } from "./rules";

export type FollowUpLine = {
  id: string;
  kind: LineKind;
  /** The record the line is about; null if the viewer may not read it (e.g. an observer). */
  title: string | null;
  /** The record's own status now, as the default of the reported status. */
  currentStatus: string | null;
  detail: string | null;
  reportedStatus: string;
  assessment: Assessment | "";
  comment: string;
};

/**
 * One follow-up with its lines, if the viewer may see it (another division's is "not found",
 * like a missing one). The lines' records are read under their own row-level security.
 */
export async function getFollowUp(viewer: Viewer, id: string, today: Date) {
  const scope = scopes.followUp(viewer, "read");
  const found = await withViewer(viewer, (tx) =>
    tx.followUp.findFirst({
      where: within(scope, { id }),
      select: {
        id: true, version: true, status: true, assessment: true, comment: true, genderPerspective: true, submittedAt: true,
        reviewedAt: true, reviewComment: true, divisionId: true,
        division: { select: { name: true } },
        cycle: { select: { id: true, title: true, dueDate: true, periodStart: true, periodEnd: true, status: true } },
        items: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true, reportedStatus: true, assessment: true, comment: true, measureId: true, trainingNeedId: true, actionItemId: true,
            measure: { select: { title: true, status: true, level: true } },
            trainingNeed: { select: { status: true, level: true, headcount: true, staffCategory: { select: { name: true } } } },
            actionItem: { select: { title: true, status: true, dueDate: true } },
          },
        },
      },
    }));
  if (!found) {
    await recordRefusal(viewer, "access.notFound", { entityType: "FollowUp", entityId: id });
    throw new NotFoundError("followUp");
  }
  const lines: FollowUpLine[] = found.items.map((i) => {
    const kind: LineKind = i.measureId ? "measure" : i.trainingNeedId ? "trainingNeed" : "actionItem";
    const base = { id: i.id, kind, reportedStatus: i.reportedStatus ?? "", assessment: (i.assessment ?? "") as Assessment | "", comment: i.comment };
    if (kind === "measure") return { ...base, title: i.measure?.title ?? null, currentStatus: i.measure?.status ?? null, detail: i.measure?.level ?? null };
    if (kind === "trainingNeed") {
      const n = i.trainingNeed;
      return { ...base, title: n ? n.staffCategory.name : null, currentStatus: n?.status ?? null, detail: n ? `${n.level}:${n.headcount}` : null };
    }
    return { ...base, title: i.actionItem?.title ?? null, currentStatus: i.actionItem?.status ?? null, detail: i.actionItem ? i.actionItem.dueDate.toISOString().slice(0, 10) : null };
  });
  const status: FollowUpStatus = found.status;
  return {
    id: found.id,
    version: found.version,
    status,
    division: found.division.name,
    divisionId: found.divisionId,
    cycle: found.cycle,
    overdue: isOverdue(status, found.cycle.dueDate, today, found.cycle.status),
    /** A closed cycle's follow-ups are frozen: nothing is filled in or reviewed any more. */
    cycleClosed: found.cycle.status === "CLOSED",
    assessment: (found.assessment ?? "") as Assessment | "",
    comment: found.comment,
    genderPerspective: found.genderPerspective,
    submittedAt: found.submittedAt,
    reviewedAt: found.reviewedAt,
    reviewComment: found.reviewComment,
    lines,
  };
}
export type FollowUpDetail = Awaited<ReturnType<typeof getFollowUp>>;
