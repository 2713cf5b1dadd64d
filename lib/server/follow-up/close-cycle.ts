import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { z } from "zod";
import type { closeCycleSchema } from "@/lib/schemas/follow-up";

type Input = z.output<typeof closeCycleSchema>;

/**
 * The coordinator closes a follow-up cycle: it leaves the open cycles, its follow-ups can no
 * longer be filled in or reviewed, and they stop counting as overdue and being reminded of.
 * Once every follow-up is approved it closes at once; with any still outstanding only when the
 * coordinator has confirmed it (the count is taken here, not trusted from the page).
 */
export async function closeCycle(viewer: Viewer, input: Input): Promise<{ unapproved: number }> {
  const scope = scopes.followUp(viewer, "finalize");
  return withViewer(viewer, async (tx) => {
    const cycle = await tx.followUpCycle.findUnique({ where: { id: input.id }, select: { status: true, version: true, title: true } });
    if (!cycle) throw new NotFoundError("followUpCycle");
    if (cycle.version !== input.version) throw new StaleEditError("followUpCycle");
    if (cycle.status === "CLOSED") throw new DomainRuleError("followUp.errors.cycleClosed");
    const [followUps, unapproved] = await Promise.all([
      tx.followUp.count({ where: within(scope, { cycleId: input.id }) }),
      tx.followUp.count({ where: within(scope, { cycleId: input.id, status: { not: "REVIEWED" } }) }),
    ]);
    if (unapproved > 0 && !input.confirmed) throw new DomainRuleError("followUp.errors.closeUnapproved");
    await updateVersioned(tx, "followUpCycle", { id: input.id, expectedVersion: input.version, data: { status: "CLOSED" } });
    await recordAudit(tx, viewer, {
      action: "followUpCycle.close",
      entityType: "FollowUpCycle",
      entityId: input.id,
      details: { title: cycle.title, followUps, unapproved },
    });
    return { unapproved };
  });
}
