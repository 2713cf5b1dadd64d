import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { legalBasisSchema } from "@/lib/schemas/situation-report";

export type LegalBasisRow = { id: string; label: string; note: string; toBeCheckedByLawyer: boolean; active: boolean; version: number; uses: number };

/** The legal grounds a final report may be shared on, active ones first, in label order (Swedish collation). */
export async function listLegalBases(viewer: Viewer): Promise<LegalBasisRow[]> {
  authorize(viewer, "legalBasis", "list");
  return withViewer(viewer, async (tx) => {
    const rows = await tx.legalBasis.findMany({
      select: { id: true, label: true, note: true, toBeCheckedByLawyer: true, active: true, version: true, _count: { select: { shares: true } } },
    });
    return rows
      .map(({ _count, ...r }) => ({ ...r, uses: _count.shares }))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.label.localeCompare(b.label, "sv"));
  });
}

/**
 * Adds a legal basis, or edits one (versioned). A basis already used by a share keeps its
 * label in that share's record; retiring it (`active: false`) takes it off the share form.
 */
export async function saveLegalBasis(viewer: Viewer, input: z.output<typeof legalBasisSchema>): Promise<{ id: string }> {
  authorize(viewer, "legalBasis", input.id ? "update" : "create");
  const data = { label: input.label, note: input.note, toBeCheckedByLawyer: input.toBeCheckedByLawyer, active: input.active };
  return withViewer(viewer, async (tx) => {
    const clash = await tx.legalBasis.findFirst({ where: { label: input.label, ...(input.id ? { id: { not: input.id } } : {}) }, select: { id: true } });
    if (clash) throw new DomainRuleError("reports.errors.legalBasisDuplicate", "label");
    let id = input.id;
    if (id) {
      await updateVersioned(tx, "legalBasis", { id, expectedVersion: input.expectedVersion, data });
    } else {
      id = (await tx.legalBasis.create({ data, select: { id: true } })).id;
    }
    await recordAudit(tx, viewer, {
      action: input.id ? "legalBasis.update" : "legalBasis.create",
      entityType: "LegalBasis",
      entityId: id,
      details: data,
    });
    return { id };
  });
}
