import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { loadPage, type Paged } from "@/lib/pagination";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { PartnerCategory, PartnerKind } from "@/lib/server/generated/prisma/enums";
import type { PartnerListQuery } from "@/lib/schemas/network";
import type { DbTx } from "@/lib/server/db";
import { reviewAfterMonths, staleBefore } from "./freshness";

export const PARTNER_PAGE_SIZE = 20;

export type PartnerContactRow = {
  id: string; version: number; name: string; title: string | null; email: string | null; phone: string | null;
  lastVerifiedAt: Date | null; needsReview: boolean;
};
export type PartnerRow = {
  id: string; name: string; kind: PartnerKind; category: PartnerCategory; description: string; active: boolean;
  contacts: PartnerContactRow[];
  /** Some contact was never verified, or longer ago than the review interval. */
  needsReview: boolean;
};

type Filter = Omit<PartnerListQuery, "page" | "sort">;

function partnerWhere(filter: Filter, before: Date): Prisma.PartnerWhereInput {
  const and: Prisma.PartnerWhereInput[] = [];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.category) and.push({ category: filter.category });
  if (filter.q) {
    and.push({ OR: [
      { name: { contains: filter.q, mode: "insensitive" } },
      { description: { contains: filter.q, mode: "insensitive" } },
      { contacts: { some: { name: { contains: filter.q, mode: "insensitive" } } } },
    ] });
  }
  if (filter.stale) and.push({ contacts: { some: { OR: [{ lastVerifiedAt: null }, { lastVerifiedAt: { lte: before } }] } } });
  return { AND: and };
}

const ORDER: Record<PartnerListQuery["sort"], Prisma.PartnerOrderByWithRelationInput[]> = {
  name: [{ name: "asc" }],
  category: [{ kind: "asc" }, { category: "asc" }, { name: "asc" }],
  verified: [{ updatedAt: "desc" }, { name: "asc" }],
};

const SELECT = {
  id: true, name: true, kind: true, category: true, description: true, active: true, version: true,
  contacts: { orderBy: { name: "asc" }, select: { id: true, version: true, name: true, title: true, email: true, phone: true, lastVerifiedAt: true } },
} satisfies Prisma.PartnerSelect;

type Selected = Prisma.PartnerGetPayload<{ select: typeof SELECT }>;

function toRow(p: Selected, before: Date): PartnerRow & { version: number } {
  const contacts = p.contacts.map((c) => ({ ...c, needsReview: !c.lastVerifiedAt || c.lastVerifiedAt.getTime() <= before.getTime() }));
  return { ...p, contacts, needsReview: contacts.some((c) => c.needsReview) };
}

async function context(tx: DbTx, today: Date) {
  const months = await reviewAfterMonths(tx);
  return { months, before: staleBefore(today, months) };
}

/** The partner register for whoever reads partners: filtered, sorted (Swedish order), paged. */
export async function listPartners(viewer: Viewer, query: PartnerListQuery, today: Date): Promise<Paged<PartnerRow> & { reviewAfterMonths: number }> {
  authorize(viewer, "partner", "list");
  return withViewer(viewer, async (tx) => {
    const { months, before } = await context(tx, today);
    const where = partnerWhere(query, before);
    const found = await loadPage(query.page, PARTNER_PAGE_SIZE, {
      count: () => tx.partner.count({ where }),
      rows: (window) => tx.partner.findMany({ where, orderBy: ORDER[query.sort], ...window, select: SELECT }),
    });
    return { ...found, rows: found.rows.map((p) => toRow(p, before)), reviewAfterMonths: months };
  });
}

export async function getPartner(viewer: Viewer, id: string, today: Date): Promise<PartnerRow & { version: number; reviewAfterMonths: number }> {
  authorize(viewer, "partner", "read");
  return withViewer(viewer, async (tx) => {
    const { months, before } = await context(tx, today);
    const partner = await tx.partner.findUnique({ where: { id }, select: SELECT });
    if (!partner) throw new NotFoundError("Partner");
    return { ...toRow(partner, before), reviewAfterMonths: months };
  });
}

export type PartnerExportRow = {
  partner: string; kind: PartnerKind; category: PartnerCategory; description: string; active: boolean;
  contact: string; title: string; email: string; phone: string; lastVerifiedAt: Date | null; needsReview: boolean;
};

/** The register as one row per contact (a partner without contacts: one row), audited. */
export async function exportPartners(viewer: Viewer, query: PartnerListQuery, today: Date, format: "csv" | "xlsx"): Promise<PartnerExportRow[]> {
  authorize(viewer, "partner", "export");
  return withViewer(viewer, async (tx) => {
    const { before } = await context(tx, today);
    const partners = await tx.partner.findMany({ where: partnerWhere(query, before), orderBy: ORDER[query.sort], take: 5000, select: SELECT });
    const rows = partners.flatMap((p) => {
      const base = { partner: p.name, kind: p.kind, category: p.category, description: p.description, active: p.active };
      const row = toRow(p, before);
      if (row.contacts.length === 0) return [{ ...base, contact: "", title: "", email: "", phone: "", lastVerifiedAt: null, needsReview: false }];
      return row.contacts.map((c) => ({ ...base, contact: c.name, title: c.title ?? "", email: c.email ?? "", phone: c.phone ?? "", lastVerifiedAt: c.lastVerifiedAt, needsReview: c.needsReview }));
    });
    await recordAudit(tx, viewer, { action: "partner.export", entityType: "Partner", details: { format, partners: partners.length, rows: rows.length } });
    return rows;
  });
}
