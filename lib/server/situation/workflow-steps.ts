import "server-only";
import { withViewer } from "@/lib/server/access/with-viewer";
import { scopes, within } from "@/lib/server/access/scope";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { EntryStepInput, ReviewEntryInput } from "@/lib/schemas/situation-entry";
import { canTakeStep } from "@/lib/situation/workflow";
import { takeEntryStep } from "./entry-step";

// The workflow steps of a situation entry (lib/situation/workflow.ts), one use case each.

/** The author (or the coordinator) hands a draft in for the coordinator's review. */
export async function submitSituationEntry(viewer: Viewer, input: EntryStepInput) {
  return withViewer(viewer, (tx) =>
    takeEntryStep(tx, viewer, {
      ...input, action: "submit", step: "submit", audit: "situationEntry.submit",
      data: { status: "SUBMITTED", submittedAt: new Date() },
    }),
  );
}

/**
 * The coordinator's review of a submitted entry: accepted (REVIEWED, the report may use it)
 * or returned to its author as a draft with a comment saying what is missing. The comment is
 * kept on the entry; the audit event records the decision, not the comment's text.
 */
export async function reviewSituationEntry(viewer: Viewer, input: ReviewEntryInput) {
  const accept = input.decision === "accept";
  const now = new Date();
  return withViewer(viewer, (tx) =>
    takeEntryStep(tx, viewer, {
      id: input.id, version: input.version, action: "review", step: "review",
      audit: accept ? "situationEntry.review" : "situationEntry.return",
      data: accept
        ? { status: "REVIEWED", reviewedAt: now, reviewedById: viewer.id, reviewComment: input.comment, returnedAt: null }
        : { status: "DRAFT", reviewedAt: null, reviewedById: null, reviewComment: input.comment, returnedAt: now },
      details: { decision: input.decision, commented: input.comment.length > 0 },
    }),
  );
}

/** The coordinator closes a reviewed entry: it stays readable, no longer worked on. */
export async function archiveSituationEntry(viewer: Viewer, input: EntryStepInput) {
  return withViewer(viewer, (tx) =>
    takeEntryStep(tx, viewer, {
      ...input, action: "review", step: "archive", audit: "situationEntry.archive",
      data: { status: "ARCHIVED", archivedAt: new Date() },
    }),
  );
}

/** A draft that should not have been written goes away entirely (with its audit trace). */
export async function deleteSituationEntry(viewer: Viewer, input: EntryStepInput): Promise<{ id: string }> {
  const scope = scopes.situationEntry(viewer, "delete");
  return withViewer(viewer, async (tx) => {
    const entry = await tx.situationEntry.findFirst({ where: within(scope, { id: input.id }), select: { id: true, status: true, version: true, divisionId: true } });
    if (!entry) throw new NotFoundError("SituationEntry");
    if (entry.version !== input.version) throw new StaleEditError("SituationEntry");
    if (!canTakeStep(viewer.role, "delete", entry.status)) throw new DomainRuleError("entries.errors.step.delete");
    const { count } = await tx.situationEntry.deleteMany({ where: within(scope, { id: entry.id, version: input.version }) });
    if (count !== 1) throw new StaleEditError("SituationEntry");
    await recordAudit(tx, viewer, { action: "situationEntry.delete", entityType: "SituationEntry", entityId: entry.id, divisionId: entry.divisionId, details: { from: entry.status } });
    return { id: entry.id };
  });
}
