import "server-only";
import { loadPage, type Paged } from "@/lib/pagination";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { AuditFilter } from "@/lib/schemas/audit-filter";
import { verifyAuditChain, type ChainReport } from "./verify-chain";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  occurredAt: Date;
  actor: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
};

export type AuditPage = Paged<AuditRow> & { chain: ChainReport };

function dayStart(date: string) {
  return new Date(`${date}T00:00:00.000Z`);
}

/** The coordinator's view of the trail: filtered, newest first, one page at a time. */
export async function listAuditEvents(viewer: Viewer, filter: AuditFilter): Promise<AuditPage> {
  // The trail is not a division's record: only an `all` grant exists for it (the coordinator's).
  authorize(viewer, "auditEvent", "list");
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: { contains: filter.action, mode: "insensitive" } } : {}),
    ...(filter.entityType ? { entityType: { equals: filter.entityType, mode: "insensitive" } } : {}),
    ...(filter.actor
      ? { actor: { OR: [{ name: { contains: filter.actor, mode: "insensitive" } }, { email: { contains: filter.actor, mode: "insensitive" } }] } }
      : {}),
    ...(filter.from || filter.to
      ? {
          occurredAt: {
            ...(filter.from ? { gte: dayStart(filter.from) } : {}),
            ...(filter.to ? { lt: new Date(dayStart(filter.to).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(filter.page, AUDIT_PAGE_SIZE, {
      count: () => tx.auditEvent.count({ where }),
      rows: (window) =>
        tx.auditEvent.findMany({
          where,
          orderBy: { id: "desc" },
          ...window,
          select: {
            id: true, occurredAt: true, actorRole: true, action: true, entityType: true, entityId: true, ip: true,
            actor: { select: { name: true, email: true } },
          },
        }),
    });
    return {
      ...found,
      rows: found.rows.map((e) => ({
        id: e.id.toString(),
        occurredAt: e.occurredAt,
        actor: e.actor ? `${e.actor.name} (${e.actor.email})` : null,
        actorRole: e.actorRole,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        ip: e.ip,
      })),
      chain: await verifyAuditChain(tx),
    };
  });
}
